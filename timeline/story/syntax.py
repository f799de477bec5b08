"""A headline's grammar, read from part-of-speech tags (timeline.temporal.pos): the main clause's
finite verb, the whole subject, and whether what stands before the verb is the subject or a
fronted phrase. Only whole constituents move; no word is added.

    "Vorige week presenteerde de Franse minister van Financiën zijn begroting"
        → "de Franse minister van Financiën presenteerde zijn begroting"
    "Ruim de helft van de leden van de bond stemde tegen het akkoord"   (the subject: nothing moves)
    "Nadat de regering de wet had ingetrokken, begon de oppositie een campagne"
        → "de oppositie begon een campagne"
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.story.features import STATE
from timeline.story.words import StoryWords, inflected
from timeline.story.tagging import main_verb, tagged_plain
from timeline.temporal.pos import Token
from timeline.story.subjects import (  # noqa: F401  (the subject's parts, read with the clause's verbs)
    FRONTING, GENITIVE, NAME_LINKS, NOUN_PHRASE, is_fronted, listed, name_end, phrase_end, quantity_end, subject_end,
)

NOMINAL = ("N|", "SPEC", "VNW|pers", "TW")
DANGLING = ("LID", "VZ", "VG", "VNW|bez", "VNW|betr", "VNW|aanw", "LET")


def main_verb_of(tokens: Sequence[Token], words: StoryWords) -> int | None:
    """The main clause's finite verb; after a sentence that opens on a subordinating word ("Toen ...,
    verliet Musk ..."), the one right after the comma that ends that clause, whatever the tag of the opener."""
    if tokens and tokens[0].text.lower() in words.subordinators:
        after = next((k + 1 for k in range(1, len(tokens) - 1)
                      if tokens[k].text == "," and tokens[k + 1].tag.startswith("WW|pv")), None)
        if after is not None:
            return after
    return main_verb(tokens)


def subject_first(text: str, words: StoryWords, dated_spans: list[tuple[int, int]]) -> str | None:
    """The main clause with its subject before its verb and what was fronted gone; None when the
    tags give no finite verb with a subject."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return None
    dated = {k for k, t in enumerate(tokens) if any(s <= t.start < e for s, e in dated_spans)} if dated_spans else set()
    subject = subject_end(tokens, 0, words, dated)
    opens_aside = subject < verb and tokens[subject].text.lower() in (",", "die", "dat")  # an apposition, a relative clause
    if 0 < subject and opens_aside and tokens[verb - 1].text == "," and not dated & set(range(subject)):
        aside = tokens[subject + 1:verb - 1]
        named = bool(aside) and all(t.text[:1].isupper() or t.text in NAME_LINKS for t in aside)
        appended = any(t.text == "," for t in tokens[:subject]) and not any(t.text in ("en", "of") for t in tokens[:subject])
        if named or appended:
            return text  # "De voorzitter van de bond, Ilse de Boer, stapte op": the name set off by commas, both kept
        return text[: tokens[subject].start] + " " + text[tokens[verb].start:]  # "X, apposition, verb": X verb
    if not is_fronted(tokens, verb, words, dated):
        return text
    start = verb + 1
    while start < len(tokens) and (start in dated or tokens[start].text.lower() in REFLEXIVE or (
            tokens[start].tag == "BW" and quantity_end(tokens, start, words) == start)):  # "vond hierover een overleg
        # plaats", "meldde zich een groep ...": the reflexive stays after the verb
        start += 1
    if start + 2 < len(tokens) and tokens[start + 1].text.lower() == "hele" and tokens[start + 2].text.lower() in WHOLE_TIMES:
        start += 3  # "reden zaterdag de hele dag geen treinen": a stretch of time, no subject
    if start < len(tokens) and tokens[start].tag.startswith("VNW|pers"):
        return None  # "Op 14 mei kondigde hij ... aan": the pronoun's name is put first where it is resolved
    if start + 1 < len(tokens) and tokens[start].text.lower() == "er":  # "Woensdagavond wordt er een stille tocht
        return f"Er {tokens[verb].text} {text[tokens[start].end:].strip(' ,')}"  # gehouden": "er" opens the clause
    end = subject_end(tokens, start, words, dated, after_verb=True)
    while end > start + 1 and tokens[end - 1].text.lower() in words.subject_adverbs:
        end -= 1  # "schrapte Tata Steel ook al 580 banen": the adverb stays after the verb
    if end == start:
        return text  # no subject found after the verb: the words as they stand, never a guess
    if tokens[start].text.lower() == "geen" and fronted_place(tokens, verb, dated):
        return text  # "Tussen Amsterdam en Haarlem reden geen treinen": no subject to put first ("Geen treinen reden")
    first, last = widened(text, tokens[start].start, tokens[end - 1].end)
    subject = TITLE_OF_NAME.sub(r"\1 \2", text[first:last].rstrip(" ,"))
    between = text[tokens[verb].end:first].strip(" ,")
    rest = text[last:].strip(" ,")
    return " ".join(part for part in (subject, tokens[verb].text, between, rest) if part)


REFLEXIVE = frozenset({"zich", "zichzelf"})
WHOLE_TIMES = frozenset({"dag", "week", "ochtend", "middag", "avond", "nacht", "maand", "jaar", "weekend"})
PLACE_OPENERS = frozenset({"in", "op", "bij", "tussen", "aan", "rond", "nabij", "van"})


def fronted_place(tokens: Sequence[Token], verb: int, dated: set[int]) -> str:
    """A fronted phrase that says where, with a name in it and no date ("Op Schiphol", "Tussen Amsterdam en
    Haarlem")."""
    if verb < 2 or tokens[0].text.lower() not in PLACE_OPENERS or dated & set(range(verb)) \
            or not all(t.tag.startswith(("N|eigen", "VG|neven", "LID", "VZ")) for t in tokens[1:verb]) \
            or not any(t.tag.startswith("N|eigen") for t in tokens[1:verb]):
        return ""
    return tokens[0].text.lower() + " " + " ".join(t.text for t in tokens[1:verb])


# "minister van Klimaat en Groene Groei, Sophie Hermans": the title and the name, without what the title is of
TITLE_OF_NAME = re.compile(r"^(\w+) van [^,]{3,60}, ((?:[A-Z][\w’'-]+ )+[A-Z][\w’'-]+)$")


def widened(text: str, first: int, last: int) -> tuple[int, int]:
    """A span with the brackets around its name, and a name put in right after it ("het bedrijf [OpenAI]")."""
    first -= text[first - 1:first] == "["
    last += text[last:last + 1] == "]"
    after = re.match(r"\s*\[[^\]]+\]", text[last:])
    return first, last + (after.end() if after else 0)


def finite_form(token: str, words: StoryWords, tagged: bool = False) -> tuple[str, str] | None:
    """A finite verb as (verb, separated particle): "kwamen’" → ("kwamen", ""), "afneemt" → ("neemt", "af");
    `tagged`: the tagger read it as a verb, so a particle splits off a verb the lists lack."""
    word = token.strip("’'")
    if word.lower() in words.finite:
        return word, ""
    for particle in words.particles:
        if word.lower().startswith(particle) and word[len(particle) :].lower() in words.finite:
            return word[len(particle) :], particle
    for particle in SEPARABLE if tagged else ():  # a verb the lists lack: "opleggen" → "leggen ... op"
        rest = word[len(particle):]
        if word.lower().startswith(particle) and len(rest) > 3 and rest.lower().endswith(("en", "de", "te", "t")):
            return rest, particle
    return None


SEPARABLE = ("af", "op", "aan", "uit", "toe", "mee", "terug", "vast", "weg")  # particles that always split off


def dangling_end(text: str, words: StoryWords) -> str:
    """Without the words a headline may not end on: a determiner, a preposition (but the particle of
    a separable verb: "riep ... uit"), a conjunction, a relative or demonstrative pronoun."""
    text = LOST_BASE.sub("", text.rstrip(" ."))  # a full stop ends a sentence, not a headline; ", meer" its base
    tokens = tagged_plain(text)
    keep = len(tokens)
    while keep > 1 and (dangles(tokens[keep - 1], words) or opens_subject(tokens, keep - 1, words)
                        or stray_particle(tokens, keep - 1, words)):
        keep -= 1
    return text[: tokens[keep - 1].end] if tokens and keep < len(tokens) else text


LOST_BASE = re.compile(r",\s+(?:veel\s+)?(?:meer|minder)$")  # "..., meer [dan normaal in de hele maand juli]"
SUBJECT_PRONOUNS = frozenset({"ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "u"})


def opens_subject(tokens: Sequence[Token], k: int, words: StoryWords) -> bool:
    """A subject pronoun after a preposition or conjunction at the end opens a clause that was cut off
    ("aangevraagd voor ze")."""
    return k > 0 and tokens[k].text.lower() in SUBJECT_PRONOUNS and dangles(tokens[k - 1], words)


def stray_particle(tokens: Sequence[Token], k: int, words: StoryWords) -> bool:
    """A separable verb's particle that follows no verb of its own ("binnengekregen dan aan")."""
    if tokens[k].text.lower() in ("dan", "als"):
        return True  # "meer fietsen verkocht dan": a comparison without what it compares with
    if k > 0 and tokens[k - 1].text == "," and (tokens[k].tag == "VNW|ander" or (
            tokens[k].tag == "ADJ" and tokens[k].text.endswith("er"))):
        return True  # "een omzet van 50 miljoen euro, meer [dan in ...]": the comparative without its base
    if k > 1 and tokens[k - 1].tag.startswith("VZ") and any(t.text.lower() in R_PRONOUNS for t in tokens[:k - 1]):
        return False  # "lichtte de raad daar ... over in": "daar ... over", then the particle of "inlichten"
    return k > 0 and tokens[k].tag.startswith("VZ") and (tokens[k - 1].tag.startswith(("VG", "VZ", "LID"))
                                                          or tokens[k - 1].text.lower() in ("dan", "als"))


R_PRONOUNS = frozenset({"daar", "er", "hier", "waar"})  # their preposition may stand apart, at the clause's end


def dangles(token: Token, words: StoryWords) -> bool:
    if token.tag == "LET":
        return token.text in ",;:(-–—/"  # a closing quote or bracket ends what it closes
    return token.tag.startswith(DANGLING) and token.text.lower() not in words.particles


def has_main_verb(text: str) -> bool:
    return main_verb(tagged_plain(text)) is not None


def report_frame(sentence: str, words: StoryWords) -> bool:
    """"Dat meldt persbureau Reuters", "Dat heeft de minister woensdag bekendgemaakt": a sentence
    that only says who told the news of the sentence before it."""
    tokens = tagged_plain(sentence)
    if (len(tokens) > 2 and tokens[0].text.lower() in ("dat", "dit") and tokens[1].tag.startswith("WW|pv")
            and any(t.text.lower() in words.report_frames for t in tokens[1:])):
        return True
    said = [t.text.lower() for t in tokens[:9]]  # "(Op dinsdag) meldt hij dit nieuws via X": the frame, "dit"
    return any(word in words.report_frames and (any(pointing(tokens, j) for j in range(k + 1, min(k + 3, len(said))))
                                                or held_back(tokens, k, sentence))
               for k, word in enumerate(said) if k)


def held_back(tokens: Sequence[Token], k: int, sentence: str = "") -> bool:
    """"Rijkswaterstaat maakte dat maandag bekend": the particle of the frame ends the sentence (or a phrase with no
    verb follows it: "... bekend in een brief aan de raad"), and what stands between it and the finite verb points
    back to the news."""
    after = tokens[k + 1:]
    if after and after[0].tag != "LET" and not (after[0].tag.startswith("VZ")
                                                and not any(t.tag.startswith("WW") for t in after)):
        return False
    verb = next((j for j in range(1, k) if tokens[j].tag.startswith("WW|pv")), None)
    return verb is not None and names_the_news(tokens[verb + 1:k], sentence)


def names_the_news(between: Sequence[Token], sentence: str) -> bool:
    """A "dat" or "dit"; a "het" that is no article ("maakte het woensdagavond bekend", never "bevestigde het
    verhaal"); or a noun after "de" with only adverbs, names and nouns after it ("maakte de besmetting maandagavond
    bekend"): the news told before."""
    if any(t.text.lower() in ("dat", "dit") for t in between):
        return True
    if between and between[0].text.lower() == "het":
        return len(between) == 1 or not between[1].tag.startswith(("N|", "ADJ")) or dated_at(sentence, between[1].start)
    return len(between) > 1 and between[0].text.lower() == "de" and between[1].tag.startswith("N|soort") \
        and all(t.tag.startswith(("BW", "N|eigen", "N|soort", "ADJ")) for t in between[2:])


def dated_at(sentence: str, at: int) -> bool:
    """Whether a date the date tagger finds in the sentence starts at `at`."""
    from timeline.story.shorten import date_spans  # the headline's module: read only for a frame with "het"

    return any(start <= at < end for start, end in date_spans(sentence))


def pointing(tokens: Sequence[Token], j: int) -> bool:
    """"meldt hij dit nieuws", "meldt dat": a "dit" or "dat" that points back; never the "dat" that opens the
    news ("meldt alleen dat het in 2026 ...", "meldt dat de omzet ...")."""
    word = tokens[j].text.lower()
    if word == "dit":
        return True
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    rest = [t for t in tokens[j + 1:] if t.tag != "LET"]  # "bevestigde dat woensdag na berichtgeving in de krant":
    return word == "dat" and (following is None or following.tag == "LET" or following.tag.startswith("VZ") or (
        not any(t.tag.startswith(("WW|pv", "VNW|pers")) for t in rest)))  # no clause of its own after it


def tells_action(text: str, words: StoryWords) -> bool:
    """A verb of a happening by the tags, beyond the word lists: the main clause's finite verb when it is
    no auxiliary nor a verb of state ("legden ... neer", "verwierp"), or a participle in its clause
    ("heeft ... verworpen"). A refusal to do or say something ("weigerde ... in te gaan op") is none."""
    tokens = tagged_plain(text)
    verb = main_verb(tokens)
    verb = verb if verb is not None else next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), None)
    if verb is None:
        return False
    end = next((k for k in range(verb + 1, len(tokens)) if tokens[k].text in ",;:" or
                tokens[k].tag in ("VNW|betr",) or tokens[k].text.lower() in words.subordinators), len(tokens))
    span = tokens[verb:end]
    if any(a.text == "te" and b.tag == "WW|inf" for a, b in zip(span, span[1:])) and \
            tokens[verb].text.lower() in words.refusals:
        return False
    if separated(span, words):
        return True  # "past per 1 april de maatregel aan": "aanpassen", no "passen"
    return any(t.text.lower() not in words.state_verbs for t in span if t.tag.startswith(("WW|pv", "WW|vd")))


def separated(span: Sequence[Token], words: StoryWords) -> bool:
    """Whether the clause's finite verb takes its particle back later ("past ... aan", "legt ... vast"): a particle
    with no noun phrase of its own (the clause's end, a stop or another preposition follows), in a clause with no
    other verb; the particle's verb is then not the verb of state the finite form alone may be."""
    if any(t.tag.startswith(("WW|vd", "WW|inf")) for t in span[1:]):
        return False
    adjective = span[0].text.lower() not in words.copulas  # "gaat ... dicht" ("dichtgaan"), never "is dicht"
    return any((t.text.lower() in words.particles and (t.tag.startswith("VZ") or adjective and t.tag.startswith("ADJ"))
                or t.text.lower() in words.noun_particles and t.tag.startswith("N|soort")) and (k + 1 == len(span) or span[k + 1].tag.startswith(("VZ", "LET"))) for k, t in enumerate(span) if k > 1)


def verb_tail(text: str, words: StoryWords) -> str:
    """The verbs and particles that end a clause ("... verhogen", "... op", "... heeft verworpen")."""
    tokens = tagged_plain(text)
    start = len(tokens)
    while start > 0 and (tokens[start - 1].tag in ("WW|inf", "WW|vd") or
                         (tokens[start - 1].text.lower() in words.particles and start == len(tokens))):
        start -= 1
    while start < len(tokens) and start > 0 and tokens[start - 1].tag.startswith("WW|pv"):  # "... mag exporteren"
        start -= 1
    return text[tokens[start].start:] if start < len(tokens) else ""


def subject_span(tokens: Sequence[Token], words: StoryWords) -> tuple[int, int] | None:
    """The token span of the main clause's subject, None when there is none."""
    verb = main_verb_of(tokens, words)
    if verb is None:
        return None
    dated = {k for k, t in enumerate(tokens) if t.text.lower() in words.time_words  # "Maandag presenteerde Wilders",
             and not first_name(tokens, k)}  # not "Jan de Vries"
    start = verb + 1 if is_fronted(tokens, verb, words, dated) else 0
    while start < len(tokens) and start in dated:
        start += 1
    end = subject_end(tokens, start, words, dated)
    return (start, end) if end > start else None


def first_name(tokens: Sequence[Token], k: int) -> bool:
    """A capitalised time word that a name goes on from ("Jan de Vries", "Mei Ling"): a first name."""
    nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return tokens[k].text[:1].isupper() and (nxt[:1].isupper() or nxt in NAME_LINKS)


def named_subject(text: str, words: StoryWords) -> bool:
    """Whether the main clause's subject holds a name or an institution ("D66 schuift ...", "Het kabinet scherpt
    ... aan", not "Er waait onrust ...")."""
    tokens = tagged_plain(text)
    span = subject_span(tokens, words)
    return span is not None and any(t.tag.startswith(("N|eigen", "SPEC")) or t.text.lower() in words.institutions
                                    for t in tokens[span[0]:span[1]])


def subject_text(text: str, words: StoryWords) -> str:
    """The words of the main clause's subject ("" when there is none)."""
    tokens = tagged_plain(text)
    span = subject_span(tokens, words)
    return text[tokens[span[0]].start:tokens[span[1] - 1].end] if span else ""


def teller_said(frame: str, news: str, words: StoryWords) -> str:
    """"meldt rederij Wadvaart dat zij de vaart staakte": the pronoun that opens the news after a frame
    is the frame's subject ("rederij Wadvaart de vaart staakte")."""
    opening = tagged_plain(news)
    pronoun = len(opening) > 1 and opening[0].text.lower() == "het" and not opening[1].tag.startswith(("N|", "ADJ"))
    if not opening or not (opening[0].tag.startswith("VNW|pers") or pronoun):  # "dat het geen onderzoek instelt"
        return news
    tokens = tagged_plain(frame)
    span = subject_span(tokens, words)
    if span is None or tokens[span[0]].tag.startswith("VNW"):
        return news
    return frame[tokens[span[0]].start:tokens[span[1] - 1].end] + news[opening[0].end:]


def actor_words(text: str, words: StoryWords) -> tuple[str, ...]:
    """The nouns and names of the main clause's subject, lower case: who does what ("Musk en een groep
    investeerders deden een bod" → musk, groep, investeerders); none for a pronoun or no subject."""
    tokens = tagged_plain(text)
    start, end = subject_span(tokens, words) or (0, 0)
    start, end = agent_span(tokens, end, words) or (start, end)
    nouns = [t for t in tokens[start:end] if t.tag.startswith(("N|", "SPEC"))]
    if nouns and all(t.tag.startswith("N|soort") and t.text.lower().endswith(words.kind_nouns) for t in nouns):
        return ()  # "Het staalbedrijf kondigde ... aan": a reference like a pronoun, its actor unknown here
    said = {t.text.lower() for t in nouns}
    state = state_of(tokens[start:end], said, words)
    return tuple(sorted(said | {part for word in said if "-" in word for part in word.split("-") if len(part) > 2}
                        | ({STATE + state} if state else set())))
    # "PVV-leider Geert Wilders", "het NSC-smaldeel": the party is an actor word too


def agent_span(tokens: Sequence[Token], after: int, words: StoryWords) -> tuple[int, int] | None:
    """The agent of a passive main clause, after its subject (which ends at `after`): who did it ("Een eerder
    plan werd vorig jaar vernietigd door de Raad van State": the Raad van State acted)."""
    verb = main_verb_of(tokens, words)
    if verb is None or tokens[verb].text.lower() not in words.passive_auxiliaries:
        return None
    clause_end = next((k for k in range(verb + 1, len(tokens))
                       if tokens[k].text in ",;:" or tokens[k].tag.startswith(("VG", "WW|pv"))), len(tokens))
    if not any(t.tag == "WW|vd" for t in tokens[verb + 1:clause_end]):
        return None  # "werd ... vernietigd", "werd door ... vernietigd": a participle in the main clause
    k = next((k for k in range(max(after, verb + 1), clause_end) if tokens[k].text.lower() in words.agent_words), None)
    end = subject_end(tokens, k + 1, words, set()) if k is not None else 0
    return (k + 1, end) if end > (k or 0) + 1 else None


def state_of(subject: Sequence[Token], said: set[str], words: StoryWords) -> str:
    """The country whose government the subject is, by its adjective ("nederlands" for "Het Nederlandse
    kabinet", "Minister Schreinemacher"; "amerikaans" for "De VS", "De Amerikaanse regering"); "" for none."""
    text = " ".join(t.text.lower() for t in subject)
    named = next((state for name, state in words.state_names if re.search(rf"\b{re.escape(name)}\b", text)
                  and said <= set(name.split())), "")  # "De VS", not "De Chinese ambassade in Den Haag"
    country = next((t.text.lower() for t in subject if t.text in words.countries and said == {t.text.lower()}), "")
    if named or country:
        return named or next((n for n in sorted(words.nationalities) if n[:4] == country[:4] and not n.endswith("e")), "")
    if not said & words.state_nouns:
        return ""
    adjective = next((t.text.lower() for t in subject if t.text.lower() in words.nationalities), "")
    return next((n for n in words.nationalities if inflected(n) == adjective and n != adjective), adjective) \
        or words.home_state  # "chinese": "chinees"


def in_past(text: str) -> bool:
    """A finite verb in the past tense ("wees ... af", "heeft ... gekocht" counts by its participle)."""
    return any(t.tag.startswith("WW|pv|verl") or t.tag == "WW|vd" for t in tagged_plain(text))


def without_relative(text: str, words: StoryWords) -> str:
    """Without a relative clause that runs to the end after the main clause ("Een motie werd aangenomen
    die opriep ..."): a headline says the happening, not what the relative clause adds. Kept when the
    main clause's own participle or infinitive would go with it ("heeft de regeling die ... verlengd")."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return text
    for k in range(verb + 2, len(tokens)):
        relative = tokens[k].tag == "VNW|betr" or (tokens[k].text.lower() == "die" and  # after its noun, or after
                                                    tokens[k - 1].tag.startswith(("N|", "WW|vd", "WW|inf")))  # the verbs
        if not relative or any(t.text in ",;:" for t in tokens[verb:k]):
            continue
        helped = tokens[verb].text.lower() in words.state_verbs  # an auxiliary wants its participle first
        if helped and not any(t.tag in ("WW|vd", "WW|inf") for t in tokens[verb + 1:k]):
            return text
        return text[: tokens[k].start].rstrip(" ,")
    return text


def outlook(text: str, words: StoryWords) -> bool:
    """An expectation, not a happening: a main verb of expecting in the present ("ASML verwacht in 2026 een
    omzet ..."), or "naar verwachting" with a copula ("De omzet is naar verwachting een kwart hoger").
    A planned act stays ("zal in 2026 naar verwachting ... verbranden")."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None or not tokens[verb].tag.startswith("WW|pv|tgw"):
        return False
    said = tokens[verb].text.lower()
    if said not in words.outlook_verbs and said in words.reporting and any(t.text.lower() == "dat" for t in tokens[verb + 1:verb + 4]):
        news = next(k for k in range(verb + 1, len(tokens)) if tokens[k].text.lower() == "dat")  # "ASML meldt dat
        return any(t.tag.startswith("WW|pv|tgw") and t.text.lower() in words.outlook_verbs  # het in 2026 een omzet
                   for t in tokens[news + 1:])  # verwacht ...": the expectation it reports
    return said in words.outlook_verbs or ("naar verwachting" in text.lower()
                                           and not any(t.text.lower() in FUTURE_AUXILIARIES for t in tokens))


FUTURE_AUXILIARIES = frozenset({"zal", "zullen"})  # "zal naar verwachting ... schrappen": a planned act
