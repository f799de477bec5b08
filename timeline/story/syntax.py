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
from itertools import takewhile

from timeline.story.words import StoryWords
from timeline.story.relatives import closing_words, main_rest, relative_end
from timeline.story.timeless import pointing_at_time
from timeline.story.tagging import main_verb, tagged_plain
from timeline.temporal.pos import Token
from timeline.story.subjects import (  # noqa: F401  (the subject's parts, read with the clause's verbs)
    FRONTING, GENITIVE, NAME_LINKS, NOUN_PHRASE, fronted_place, is_fronted, listed, name_end, phrase_end, place_after,
    quantity_end, subject_end,
)

NOMINAL = ("N|", "SPEC", "VNW|pers", "TW")
DANGLING = ("LID", "VZ", "VG", "VNW|bez", "VNW|betr", "VNW|aanw", "LET")


def main_verb_of(tokens: Sequence[Token], words: StoryWords) -> int | None:
    """The main clause's finite verb; after a sentence that opens on a subordinating word ("Toen ...,
    verliet Musk ..."), the one right after the comma that ends that clause, whatever the tag of the opener."""
    if len(tokens) > 2 and tokens[0].text.lower() in words.subordinators and tokens[1].tag.startswith("WW|pv"):
        return 1  # "Toen wees de rechter ... af": an adverb before the verb, no clause of its own
    if tokens and tokens[0].text.lower() in words.subordinators:
        after = next((k + 1 for k in range(1, len(tokens) - 1)
                      if tokens[k].text == "," and finite_after_clause(tokens[k + 1])), None)
        if after is not None:
            return after
    return main_verb(tokens)


def finite_after_clause(token: Token) -> bool:
    """The word after a fronted clause's comma is its sentence's finite verb: a past form the tagger read as
    a participle ("Nadat ..., verzamelde de stichting geld") too."""
    return token.tag.startswith("WW|pv") or (token.tag.startswith("WW|vd") and token.text.lower().endswith(("de", "te")))


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
    plain_front = verb == 1 or tokens[0].tag == "VZ" and not any(t.tag.startswith(("TW", "VNW")) for t in tokens[1:verb])
    while start < len(tokens) and (start in dated or tokens[start].text.lower() in REFLEXIVE or (
            plain_front and tokens[start].tag == "VZ" and start + 1 in dated) or (
            tokens[start].tag == "BW" and quantity_end(tokens, start, words) == start)):  # "vond hierover een overleg
        # plaats", "meldde zich een groep ...": the reflexive stays after the verb; after one word or a plain phrase
        # before the verb, a date's preposition too ("Ook liepen in november de uitkeringen ... op"), never after
        # what may hold a subject ("Op één na alle supermarkten weigerden in maart de ... automaten")
        start += 1
    start = place_after(tokens, start, dated)  # "bleef in 2019 in Limburg een prijs ... ongeclaimd": where, then who
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
    closed = relative_end(tokens, end, words)  # "eiste een hackersgroep die zich BlackVault noemt de aanval op"
    first, last = widened(text, tokens[start].start, tokens[(closed or end) - 1].end)
    subject = TITLE_OF_NAME.sub(r"\1 \2", text[first:last].rstrip(" ,")) + ("," if closed else "")
    between = text[tokens[verb].end:first].strip(" ,")
    rest = text[last:].strip(" ,")
    return " ".join(part for part in (subject, tokens[verb].text, between, rest) if part)


REFLEXIVE = frozenset({"zich", "zichzelf"})
WAAR_RELATIVES = ("waarin", "waarbij", "waarop", "waarmee", "waaruit", "waarvoor", "waarover", "waaraan")
WHOLE_TIMES = frozenset({"dag", "week", "ochtend", "middag", "avond", "nacht", "maand", "jaar", "weekend"})
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
    return any(t.text.lower() not in words.state_verbs
               or t.text.lower() in words.find_verbs and not viewed(tokens[verb + k + 1:])
               for k, t in enumerate(span) if t.tag.startswith(("WW|pv", "WW|vd")))  # "vond een auto": a deed


def it_alone(tokens: Sequence[Token], k: int) -> bool:
    """Whether the "het" at k is a pronoun and no article: no noun, adjective, figure or participle follows it, nor a
    prepositional phrase that a participle or adjective closes before a noun ("strandde het in de raad", never
    "sloot het in 2020 geopende museum")."""
    after = tokens[k + 1:]
    if not after or after[0].tag.startswith(("N|", "ADJ", "TW", "WW|od", "WW|vd")):
        return not after
    return not any(a.tag.startswith(("WW|vd", "WW|od", "ADJ")) and b.tag.startswith("N|soort")
                   for a, b in zip(after, after[1:]))


def viewed(after) -> bool:
    """Whether the words after a verb of finding give a view: "dat" (or its clause cut off), "het" that is no
    article ("vindt het een slecht plan"), or an adjective said of the object ("vindt de eis onrealistisch"), not one
    inside a noun phrase ("vonden de zilveren schaal", "vond het lichaam")."""
    said = [t for t in after if t.tag != "LET"]
    if not said:
        return True  # "vindt dat ...": the view's own clause
    for k, token in enumerate(said):
        following = said[k + 1].tag if k + 1 < len(said) else ""
        word = token.text.lower()
        if word == "dat" or word == "het" and not following.startswith(("N|", "ADJ", "TW")):
            return True
        if token.tag == "ADJ" and not following.startswith(("N|", "ADJ")):
            return True
    return False


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
        word = tokens[k].text.lower()
        relative = tokens[k].tag == "VNW|betr" or (word == "die" and tokens[k - 1].tag.startswith(("N|", "WW|vd", "WW|inf"))
                                                    ) or (word in WAAR_RELATIVES and tokens[k - 1].tag.startswith(
                                                        ("N|", "WW|vd", "WW|inf", "VZ")))  # after its noun, the verbs
        # or a particle ("nam een motie aan waarin ze ... opriepen"); a "die" after a preposition is no relative
        if not relative or any(t.text in ",;:" for t in tokens[verb:k]) or pointing_at_time(tokens, k, words):
            continue
        if not any(t.tag.startswith("WW") for t in takewhile(lambda t: t.text not in ",;:", tokens[k + 1:])):
            continue  # "trok zij die weer in": a relative clause has a verb; this "die" is the object
        helped = tokens[verb].text.lower() in words.state_verbs  # an auxiliary wants its participle first
        if helped and not any(t.tag in ("WW|vd", "WW|inf") for t in tokens[verb + 1:k]):
            return text
        closed = relative_end(tokens, k, words)  # "ging de stichting die de baan beheerde kort daarna failliet":
        if closed is not None and (closing_words(tokens[closed:]) or tokens[closed - 1].tag.startswith("WW|pv")
                                   and main_rest(tokens[closed:])):  # the clause ends
            # after the relative one ("legde de staking [die op 16 juni begon] aan banden tot en met 30 juni"); only
            return f"{text[: tokens[k].start].rstrip(' ,')} {text[tokens[closed].start:]}"  # the relative clause goes
        return text[: tokens[k].start].rstrip(" ,")
    return text


def outlook(text: str, words: StoryWords) -> bool:
    """An expectation, not a happening: a main verb of expecting in the present ("ASML verwacht in 2026 een
    omzet ..."), or "naar verwachting" with a copula ("De omzet is naar verwachting een kwart hoger").
    A planned act stays ("zal in 2026 naar verwachting ... verbranden")."""
    framed = SPEECH_FRAME.search(text)
    if framed is not None and framed.group(1).lower() in words.outlook_verbs:
        return True  # "„En over een jaar hoor je dat ...", voorspelt voorzitter Geert Hoving": a quoted forecast
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
SPEECH_FRAME = re.compile(r"[”\"'’],\s+(\w+)")  # the verb that says who spoke, after a closing quote and a comma
