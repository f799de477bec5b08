"""A headline within its length: as it is; else without its dates; else with a shorter subject; else cut
at a word, keeping the verbs that end its clause."""

from __future__ import annotations

import re

from timeline.story.syntax import (
    LOST_BASE, SEPARABLE, dangling_end, main_verb_of, phrase_end, tagged_plain, verb_tail,
)
from timeline.story.trim import (
    bare_title, rebuilt, short_subject, titled_apposition, with_of, without_clause_phrases, without_last_clause,
    without_ministry,
)
from timeline.story.timeless import timeless
from timeline.story.words import StoryWords, capitalised_first

CLOSING_QUOTE = re.compile(r"(?<=[\w.,!?…])[”’'\"](?!\w)")


def shortened(whole: str, words: StoryWords) -> str:
    """The headline within its length: as it is; else without its dates (the timeline shows them); else
    cut at a word, keeping the verbs that end its clause; a cut that leaves a clause unfinished ("…") rather
    without the last clause ("Het concert was afgeblazen [nadat dieven 31 instrumenten ...]")."""
    told = fitted_or_cut(whole, words)
    main = without_last_clause(whole, words)
    if told.endswith("…") and main != whole and not (shorter := shortened(main, words)).endswith("…"):
        return shorter
    return told


def fitted_or_cut(whole: str, words: StoryWords) -> str:
    fitted = fit(whole, words)
    if not cut_short(fitted, whole):
        return fitted
    inner = without_inner_relative(without_set_off_relative(whole))  # "een kooksfabriek die op steenkolen werkt
    # vervangen", "De portiekflat, waar eind augustus een gasexplosie plaatsvond, wordt gesloopt"
    if inner != whole and not cut_short(fit(inner, words), inner):
        return fit(inner, words)
    based = LOST_BASE.sub("", COMPARED_LAST.sub("", whole))  # "heeft minder bestellingen binnengehaald [dan kenners hadden verwacht]"
    if based != whole and not cut_short(fit(based, words), based):
        return fit(based, words)
    undated = timeless(whole, words, every=True)
    if undated.split(" ", 1)[0] == whole.split(" ", 1)[0] or not starts_on_verb(undated):
        whole = undated  # not when the date stood where the subject goes ("Woensdag 29 oktober is ...")
    fitted = fit(whole, words)
    if cut_short(fitted, whole):  # "Minister Bart Vermeer [van Infrastructuur] liet weten ...": still too long
        whole = without_ministry(titled_apposition(whole, words), words)  # "De ... gedeputeerde voor mobiliteit,
        fitted = fit(whole, words)  # Martijn van Gruijthuijsen, riep": "Gedeputeerde Martijn van Gruijthuijsen riep"
    if cut_short(fitted, whole):
        trimmed = short_subject(whole, words)  # "Felle uitspraken over ... in Amsterdam maakten de maat vol"
        if trimmed != whole and not cut_short(fit(trimmed, words), trimmed):
            return fit(trimmed, words)
        lighter = without_phrases(whole, words)  # "bekend gemaakt de export [naar het vasteland China] ... te leggen"
        inner = without_clause_phrases(whole, words)  # "besloot dat ASML ... niet meer [naar China] mocht exporteren"
        if lighter == whole and inner != whole and not cut_short(fit(inner, words), inner):
            return fit(inner, words)
        titled = bare_title(whole)  # "De Amerikaanse nationale veiligheidsadviseur Jake
        titled = titled if len(titled) <= words.headline_max else without_phrases(titled, words)
        if cut_short(fit(lighter, words), lighter) and not cut_short(fit(titled, words), titled):  # Sullivan":
            return fit(titled, words)  # "Veiligheidsadviseur Jake Sullivan"
        if lighter != whole:
            return fit(lighter, words)
        head, _, after = whole.partition(", ")  # "X vormen voor Y de belangrijkste onderwerpen, voor Xi zal ...":
        if after and new_clause(head, after, words):  # the first clause, when a clause of its own follows
            lighter = without_phrases(head, words)
            if not cut_short(fit(lighter, words), lighter):
                return fit(lighter, words)
    if cut_short(fitted, whole) and not fitted.endswith("…"):
        fitted = with_verbs(dangling_end(without_open_om(fitted), words), whole.rstrip(" ."), words)
    if not cut_short(fitted, whole):
        return fitted
    first = first_conjunct(whole)  # "raakte ... van de weg [en belandde in de berm]": the first clause whole
    if first != whole and not cut_short(told := fitted_or_cut(first, words), first):
        return told
    return first_conjunct(fitted)


COMPARED_LAST = re.compile(r"\s+dan\s+(?![^„“\"]*[”\"])[^,;:]{3,60}$")  # a comparison's base that ends the headline


def ungapped(text: str) -> str:
    """"X is gestegen en Y [met 6%]": with its phrase gone, a gapped second conjunct (no verb of its own after
    the first clause's closing verb) is only a name: the first clause stands alone."""
    tokens = tagged_plain(text)
    at = next((k for k in range(len(tokens) - 2, 1, -1) if tokens[k].text.lower() == "en"), None)
    if at is None or not tokens[at - 1].tag.startswith(("WW|vd", "WW|pv")) or not tokens[at - 1].text.islower() \
            or any(t.tag.startswith("WW") for t in tokens[at + 1:]):
        return text
    return text[: tokens[at].start].rstrip(" ,")


def first_conjunct(text: str) -> str:
    """"... heeft zijn dreigementen kracht bijgezet en stapt", "gleed van de weg en kwam op", "liep vast op een
    zandplaat, maakte slagzij en ...": the first clause, up to where a second one opens on "en" or a comma and its
    own finite verb."""
    tokens = tagged_plain(text)
    if tokens and tokens[0].tag == "VG|onder":
        return text  # "Nadat ..., begon": the comma ends a fronted clause
    verb = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), len(tokens))
    second = next((k for k in range(verb + 1, len(tokens) - 1) if tokens[k].text.lower() in ("en", ",")
                   and tokens[k + 1].tag.startswith("WW|pv")), None)
    return text[: tokens[second].start].rstrip(" ,") if second is not None else text


def new_clause(head: str, after: str, words: StoryWords) -> bool:
    """Whether `head` is a whole clause (a subject before its finite verb) and `after` a clause of its own
    (its own finite verb), not the rest of a list ("Denk, D66 en de PvdD willen ...", "roept Nederland op de wet,
    het ondernemersklimaat en ... te respecteren")."""
    tokens = tagged_plain(head)
    verb = main_verb_of(tokens, words)
    return (verb is not None and verb > 0 and len(tokens) > 3
            and any(t.tag.startswith("WW|pv") for t in tagged_plain(after)) and " en " not in head[-30:])


def without_phrases(text: str, words: StoryWords) -> str:
    """The clause within its length by leaving out prepositional phrases after its finite verb, the last
    first, while the verbs that end it stay ("heeft bekend gemaakt de export van ASML naar het vasteland China
    verder aan banden te leggen" → "... de export van ASML verder aan banden te leggen"); unchanged when
    that is not enough or no verb ends the clause."""
    text = ungapped(text)
    if len(text) <= words.headline_max:
        return text
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    commas = [m.start() for m in re.finditer(", ", text)]
    if verb is None or any(not LIST_COMMA.match(text, at) for at in commas) or any(t.tag in ("VG|onder", "VNW|betr") or (t.tag.startswith("WW|pv") and k != verb)
                                          for k, t in enumerate(tokens) if k >= verb):
        return text  # one clause only: one finite verb
    while tokens and tokens[-1].tag == "LET":
        tokens = tokens[:-1]
    particles = {k for k in range(verb + 1, len(tokens) - 1)  # "legde ... een dwangsom op [voor het negeren ...]"
                 if tokens[k].text.lower() in SEPARABLE and tokens[k + 1].tag == "VZ"}
    spans = [(k, with_of(tokens, phrase_end(tokens, k + 1, set(), words), words, k)) for k in range(verb + 1, len(tokens) - 1)
             if tokens[k].tag == "VZ" and tokens[k].text.lower() not in ("te", "om") and k not in particles
             and (tokens[k - 1].tag != "VZ" or k - 1 in particles) and not particle_before_te(tokens, verb, k)]
    tail = len(tokens)  # where the verbs that end the clause start ("uit te stellen", "heeft ... verworpen")
    while tail > verb + 1 and (tokens[tail - 1].tag.startswith("WW") or tokens[tail - 1].text == "te"
                               or (tokens[tail - 1].tag == "VZ" and tail < len(tokens))):
        tail -= 1
    spans = [(a, listed_to(tokens, b, tail)) for a, b in spans]  # "voor paspoorten, rijbewijzen en verhuizingen": whole
    spans = [(a, b) for a, b in spans if droppable(tokens, a, b, tail)
             and not (b < len(tokens) and tokens[b].text == ",")]  # not "aan diners[, hotels en taxi's]": a list goes on
    spans = [(a - 1 if a - 1 > verb and tokens[a - 1].text.lower() in words.phrase_degrees else a, b)
             for a, b in spans]  # "kondigde [vlak voor haar vertrek] een tegemoetkoming aan": never "kondigde vlak een"
    spans.sort(key=lambda span: (span == (verb + 1, len(tokens)),  # never all after the verb, if other phrases do
                                 tokens[span[0]].text.lower() == "van",  # a noun's own "van" phrase last,
                                 any(t.tag == "TW" for t in tokens[span[0]:span[1]]), -span[0]))  # a figure late
    for start, end in spans:  # one phrase, if one is enough: the fewest words go
        line = rebuilt(text, [t for k, t in enumerate(tokens) if not start <= k < end])
        if len(line) <= words.headline_max:
            return ungapped(line)
    dropped: set[int] = set()
    for start, end in spans:
        dropped.update(range(start, end))
        line = rebuilt(text, [t for k, t in enumerate(tokens) if k not in dropped])
        if len(line) <= words.headline_max:
            return ungapped(line)
    return text


def listed_to(tokens, end: int, tail: int) -> int:
    """Where a phrase ends with the list it opens ("voor paspoorten[, rijbewijzen en verhuizingen]"): at the clause's
    closing verbs, when only nouns, adjectives, articles, commas and one "en" or "of" come before them; else `end`."""
    if end >= tail or tokens[end].text != ",":
        return end
    rest = tokens[end:tail]
    joined = [t for t in rest if t.text.lower() in ("en", "of")]
    listed = all(t.text == "," or t.text.lower() in ("en", "of") or t.tag.startswith(("N|", "ADJ", "LID", "TW"))
                 for t in rest)
    if len(joined) != 1 or not listed or rest[-1].tag.startswith(("LET", "VG")):
        return end
    return tail


def particle_before_te(tokens, verb: int, k: int) -> bool:
    """"kondigde al aan de uitvoer ... te beperken": a particle right after the verb (and its adverbs), with a
    "te" clause after it, is the verb's own ("aankondigen"), not a phrase that may go."""
    return (tokens[k].text.lower() in SEPARABLE and all(t.tag.startswith("BW") for t in tokens[verb + 1:k])
            and any(t.text.lower() == "te" for t in tokens[k + 1:]))


def droppable(tokens, start: int, end: int, tail: int) -> bool:
    """Whether the phrase tokens[start:end] may go: it ends before the clause's closing verbs or at its end, and
    is no part of "aan banden te leggen", "met twee jaar uit te stellen", "naar koning te gaan" (a phrase right
    before the closing verbs or "te"), "over het verslag en hoe ..." (coordinated) or "met de titel 'X'"."""
    if end <= start + 1 or tokens[end - 1].tag.startswith("WW") or end < len(tokens) and (
            tokens[end].tag.startswith("N|") or tokens[end].text == "-"):
        return False  # "bij het loket [burgerzaken]": a noun after it is its own, never left alone; "door de Voedsel[-
        # en Warenautoriteit]": a word cut short goes on
    of = tokens[start].text.lower() == "van"  # a noun's own phrase ("de stabiliteit van de markten") is no idiom
    if of and start > 2 and tokens[start - 1].tag.startswith("WW|inf") and tokens[start - 2].text.lower() == "het" \
            and tokens[start - 3].tag == "VZ":  # "voor het overtreden [van de milieuregels]": a verb made noun in a
        return False  # phrase keeps what it acts on (the object "het parkeren [van vrachtwagens]" may lose it)
    if not (end < tail or end == tail == len(tokens) or (of and end <= tail)):
        return False
    closing = ("en", "of") if of else ("en", "of", "te")
    return end == len(tokens) or (tokens[end].text.lower() not in closing and tokens[end].text[:1] not in "'‘\"“„")


SET_OFF_RELATIVE = re.compile(r",\s*(?:die|dat|wat|waar\w*|de|het)\b[^,;:]{3,120},\s*")  # also an apposition:
# "Carnavalsvereniging De Sjpassmakers, de club waarvan de wagen ... omviel, doet niet mee"


def without_set_off_relative(text: str) -> str:
    """Without a relative clause set off by commas after the subject, when the main clause's finite verb follows it
    ("De portiekflat aan de Javastraat, waar eind augustus een gasexplosie plaatsvond, wordt gesloopt")."""
    found = SET_OFF_RELATIVE.search(text)
    if found is None:
        return text
    after = tagged_plain(text[found.end():found.end() + 40])
    if not after or not after[0].tag.startswith("WW|pv"):
        return text
    return f"{text[:found.start()]} {text[found.end():]}"


def without_inner_relative(text: str) -> str:
    """Without a relative clause inside the main clause, up to its own finite verb, when verbs of the
    main clause follow it ("wil een kooksfabriek die op steenkolen werkt vervangen")."""
    tokens = tagged_plain(text)
    opened = next((k for k, t in enumerate(tokens) if t.tag == "VNW|betr"), None)
    if opened is None:
        return text
    closed = next((k for k in range(opened + 1, len(tokens)) if tokens[k].tag.startswith("WW|pv") or (
        tokens[k].tag == "WW|inf" and any(t.tag.startswith("WW|inf") for t in tokens[k + 1:]))), None)  # "werken" read
    # as an infinitive when another verb follows is the relative clause's finite verb
    while closed is not None and closed + 1 < len(tokens) and tokens[closed].text.lower() in CLUSTER_AUXILIARIES \
            and tokens[closed + 1].tag.startswith(("WW|vd", "WW|inf")):
        closed += 1  # "die eerder al belangstelling had getoond": the participle is the relative clause's own
    if closed is None or not any(t.tag.startswith(("WW|inf", "WW|vd")) for t in tokens[closed + 1:]):
        return text
    if any(t.text in ",;:" for t in tokens[opened:closed]):
        return text
    return f"{text[:tokens[opened].start].rstrip(' ,')} {text[tokens[closed].end:].lstrip(' ,')}".strip()


CLUSTER_AUXILIARIES = frozenset("heeft hebben had hadden is zijn was waren wordt worden werd werden zal zullen zou zouden "
                                "kan kunnen kon konden moet moeten moest moesten wil willen wilde wilden".split())


def without_open_om(text: str) -> str:
    """A cut that leaves "om ..." without its "te" and verb ends before "om" ("een poging om kunstmatige
    intelligentie open-source" → "een poging")."""
    at = text.rfind(" om ")
    return text[:at] if at > 20 and " te " not in text[at:] else text


def cut_short(fitted: str, whole: str) -> bool:
    """Whether `fit` lost the end of the text (not only a middle part such as the start of a change)."""
    return not whole.rstrip(" .,;:").endswith(fitted.rstrip("…")[-12:])


def with_verbs(cut_text: str, whole: str, words: StoryWords) -> str:
    """A headline cut for length keeps the verbs that end its clause ("zal ... de prijzen verhogen")."""
    tail = verb_tail(whole, words)
    if not tail or cut_text.endswith(tail) or not same_clause(whole[len(cut_text):len(whole) - len(tail)]):
        return cut_text
    if POLARITY.search(whole[len(cut_text):len(whole) - len(tail)]):
        return cut_text  # "... kan [onmogelijk 140 bussen] betalen": without it the verbs would say the opposite
    if verb_tail(cut_text, words):  # "moet ... worden uitgewerkt": its own verbs already end it
        return cut_text
    if any(t.tag.startswith("WW|pv") for t in tagged_plain(tail)) and not awaits_verb(cut_text):
        return cut_text  # "kwamen ... en zijn gegroeid": a finite verb of another clause
    limit = words.headline_max - len(tail) - 1
    if len(cut_text) > limit:
        soft = [m.start() for m in words.headline_soft.finditer(cut_text, 30, limit + 1)]
        if not soft:
            return cut_text
        cut_text = dangling_end(cut_text[: soft[-1]], words)
    return f"{cut_text} {tail}"


POLARITY = re.compile(r"\b(?:niet|geen|nooit|onmogelijk|nauwelijks|amper|niets|niemand|nergens|allerminst)\b", re.IGNORECASE)


def starts_on_verb(text: str) -> bool:
    first = tagged_plain(text[:40])
    return bool(first) and first[0].tag.startswith("WW|pv")


COMPARING = frozenset({"als", "dan", "zoals"})  # "begon als een poging": a comparison, no clause


def awaits_verb(text: str) -> bool:
    """Whether the text ends inside a subordinate clause that has not had its finite verb yet ("dat ASML
    ook oudere machines niet meer ...")."""
    tokens = tagged_plain(text)
    opened = max((k for k, t in enumerate(tokens) if t.tag in ("VG|onder", "VNW|betr")
                  and t.text.lower() not in COMPARING), default=-1)
    return opened >= 0 and not any(t.tag.startswith("WW|pv") for t in tokens[opened + 1:])


def same_clause(middle: str) -> bool:
    """Whether the words between a cut and the verbs that end a clause belong to that clause (no other
    clause's verb, relative pronoun or conjunction stands between)."""
    return not any(t.tag.startswith(("WW", "VNW|betr", "VNW|aanw", "VG|onder")) or
                   t.text.lower() in (",", ";", ":", "te", "om", "maar") for t in tagged_plain(middle))


CHANGE_FROM = re.compile(r"\svan\s+(?=[^,;]*?\d)(?:(?!\svan\s)[^,;])*?\s(?=tot\s+\S*\d)")  # both ends hold a figure


LIST_COMMA = re.compile(r", (?:[\w-]+ ){0,3}[\w-]+ (?:en|of) ")


PUT_IN = re.compile(r"\[[^\[\]]+\]")


def kept_limit(text: str, base: int) -> int:
    """Where to cut: `base` letters shown, the brackets of the names put in that the cut keeps whole not counted."""
    pairs = 0
    while len(PUT_IN.findall(text[:base + 2 * pairs])) > pairs:
        pairs = len(PUT_IN.findall(text[:base + 2 * pairs]))
    return base + 2 * pairs


def fit(text: str, words: StoryWords) -> str:
    text = " ".join(text.split()).rstrip(" .,;:")
    most = words.headline_max + 2 * len(PUT_IN.findall(text))  # a name put in loses its brackets ("[NS]": "NS")
    if len(text) > most:  # "steeg van 200 megawatt in 2023 tot 1,9 gigawatt": the end of the change stays
        text = CHANGE_FROM.sub(" ", text, count=1) if CHANGE_FROM.search(text) else text
    if len(text) > most:
        limit = kept_limit(text, words.headline_max - 1)  # no allowance for brackets the cut leaves out
        opened = next((m.start() for m in words.opening_quote.finditer(text, 40, limit)
                       if text[m.end():].split(" ", 1)[0].lower() in words.subordinators), -1)
        if opened > 0 and not CLOSING_QUOTE.search(text, opened + 1, limit):  # "verwijten X en Y 'dat zij ...":
            text = dangling_end(text[:opened].rstrip(" ,;:"), words)  # the quote goes, the cut is marked
            return capitalised_first(text) + "…"
        soft = [m.start() for m in words.headline_soft.finditer(text, 40, limit + SOFT_REACH) if m.start() <= limit
                and (m.group().strip() == "en" or text[m.end():].split(" ", 1)[0].lower() not in words.subordinators)]
        # "liep vertraging op doordat ...": a particle before a clause, no preposition to cut at ("en dat": a cut)
        comma = max((m.start() for m in re.finditer(", ", text[:limit]) if not LIST_COMMA.match(text, m.start())),
                    default=-1)  # "op de wet, het ondernemersklimaat en ...": a list's comma ends nothing
        if comma > 40 or soft:
            text = text[: comma if comma > 40 else soft[-1]].rstrip(" ,;:")
        else:
            text = dangling_end(text[: word_end(text, limit)].rstrip(" ,;:"), words) + "…"  # never "over de…"
    return capitalised_first(text)


SOFT_REACH = 8  # a soft cut word that starts within the limit may end past it ("... fabrieksterrein| en namen")


def word_end(text: str, limit: int) -> int:
    """Where to cut `text` to at most `limit` characters: at the last space, unless that would
    leave less than half (a word too long to fit, a URL, a run without spaces), then at `limit`."""
    space = text.rfind(" ", 0, limit + 1)
    return space if space >= limit // 2 else limit
