"""Where a subject starts and ends, by the tags: its noun phrase, the phrases of its own noun, names beside
it, a list; and whether something else was fronted before the verb."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from timeline.story.words import StoryWords
from timeline.temporal.pos import Token
from timeline.temporal.pos.chunks import noun_phrase_at

ATTACHED = ("van", "voor", "uit", "in", "bij", "op", "met")  # a noun's own phrase: "de werkgevers in de schoonmaakbranche"


def quantity_end(tokens: Sequence[Token], i: int, words: StoryWords) -> int:
    """Past the words that open a subject without being its head: "ruim", "in totaal", "vooral", "alle vier"."""
    text = " ".join(t.text.lower() for t in tokens[i:i + 4])
    for opener in longest_first(words.subject_openers):
        if text == opener or text.startswith(opener + " "):
            return i + len(opener.split())
    return i


@lru_cache(maxsize=None)
def longest_first(openers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(openers, key=len, reverse=True))


def subject_end(tokens: Sequence[Token], i: int, words: StoryWords, dated: set[int], after_verb: bool = False) -> int:
    """Where the subject that starts at token i ends (i when none starts there): its noun phrase,
    the phrases of its own noun (`van`, and for a common noun `in`, `uit`...), names beside it and
    a second one after `en`. A date is never part of it. A counted subject after its verb (`after_verb`) takes
    only its "van" phrase: what follows it there says where or how ("demonstreerden ongeveer tweehonderd mensen bij
    het provinciehuis": they demonstrated there; "sloten de werkgevers in de schoonmaakbranche" keeps its own)."""
    tags = [t.tag for t in tokens]
    start = quantity_end(tokens, i, words)
    counted = after_verb and any(t.tag.startswith("TW") for t in tokens[i:start + 2])  # "ongeveer tweehonderd mensen"
    ordinal = start + 1 < len(tokens) and tags[start + 1] == "TW" and tokens[start + 1].text.lower().endswith(("ste", "de"))
    if start + 1 < len(tokens) and tokens[start].text.lower() == "het" and not tags[start + 1].startswith(("ADJ", "N|")) \
            and not ordinal:  # "het eerste toestel": an article
        return start + 1  # "verkocht het al 38 woningen", "opende het een winkel": the pronoun, no article
    if start + 1 < len(tokens) and tokens[start].text in GENITIVE and tokens[start + 1].text.endswith("s"):
        start += 2  # "'s werelds enige fabrikant"
    end = max(phrase_end(tokens, start, dated, words), name_end(tokens, start, dated))
    if end == start:
        return i
    while end < len(tokens):
        if end not in dated and (tags[end].startswith("N|eigen") or capital_in_name(tokens, end)):
            end += 1  # "minister van Financiën Sophie Hermans", "verzekeraar Veluwe Leven", "tennisbond Net Nederland"
            continue
        if titled_link(tokens, end, start, words):
            end += 1  # "besloot burgemeester Anja [de] Wit": the surname's small word, after a person's first name
            continue
        if tokens[end].text.lower() in words.subject_adverbs:  # "ChatGPT zelf", "Altman daarentegen"
            if end + 1 < len(tokens) and tags[end + 1].startswith(("N|", "LID", "TW", "ADJ", "VNW")):
                break  # "kocht Norvia ook Kratos": the adverb goes with the object after it
            end += 1
            continue
        word = tokens[end].text.lower()
        named_number = tags[end - 1] == "TW" and tokens[end - 1].text.isdigit() and tags[end - 2].startswith("N|soort")
        common = tags[end - 1].startswith(("N|soort", "TW")) and not named_number or (  # not after "lijn 21"
            word == "uit" and tags[end - 1].startswith("N|eigen"))
        # "Van Dalen uit Doetinchem", "Jan de Vries uit Utrecht": where a name comes from is part of it
        if word == "," and listed(tokens, end, words, dated):  # "D66, VVD en CDA"
            end = phrase_end(tokens, end + 1, dated, words)
            continue
        if (age := aged(tokens, end)) is not None:
            end = age  # "twee mannen van 23 en 25 jaar", "een jongen van 16"
            continue
        change = word in ATTACHED and end + 1 < len(tokens) and tags[end + 1] == "TW" \
            and tokens[end - 1].text.lower() not in words.measure_nouns  # "van 90 miljoen euro ... naar", not "een
        # stoet van honderd trekkers";
        # "bestelden klanten voor 3,6 miljard euro": an amount goes with the verb
        named = end + 1 < len(tokens) and tokens[end + 1].tag.startswith("N|eigen")  # "vier bruggen in Noord-Holland"
        loose = after_verb and (word in LOOSE_AFTER_VERB or bare_manner(tokens, end) or indefinite(tokens, end)
                                or word == "voor" and voor_verb(tokens, i, words))  # "begon de aannemer met het
        # vervangen van ...": how it began; "verzamelde de stichting in korte tijd geld": how fast
        topic = word in ("over", "naar") and tokens[end - 1].text.lower().endswith(words.topic_nouns)
        if not change and (word == "van" or topic or (word in ATTACHED and common and (named or not counted) and not loose)
                           or word == "en"):
            after = max(phrase_end(tokens, quantity_end(tokens, end + 1, words), dated, words),
                        name_end(tokens, end + 1, dated) if word == "en" else 0)  # "en Fleur de Ridder": a name whole
            moved = word == "van" and after < len(tokens) and tokens[after].text.lower() == "naar"
            if after > end + 1 and not moved and not any(k in dated for k in range(end, after)):  # not "verhuisde
                # van Apeldoorn naar Utrecht": from where it moved
                end = after
                continue
        break
    return end


def indefinite(tokens: Sequence[Token], k: int) -> bool:
    """Whether the phrase at k opens on "een" and a noun phrase follows it: where or how, after an inverted subject
    ("vond de politie [in een weiland bij Bruinisse] een uitgebrande auto"), never the subject's own."""
    if k + 1 >= len(tokens) or tokens[k + 1].text.lower() != "een":
        return False
    return any(t.tag.startswith(("LID", "TW")) for t in tokens[k + 2:])


def voor_verb(tokens: Sequence[Token], i: int, words: StoryWords) -> bool:
    """Whether the finite verb before an inverted subject takes its own "voor" ("stemde de hele raad voor het plan")."""
    verb = next((k for k in range(i - 1, -1, -1) if tokens[k].tag.startswith("WW|pv")), None)
    return verb is not None and tokens[verb].text.lower() in words.voor_verbs


def titled_link(tokens: Sequence[Token], k: int, start: int, words: StoryWords) -> bool:
    """A name's small word ("de", "van", "ter") between a first name after a person's title and a capitalised
    surname ("burgemeester Anja de Wit"); never between an organisation and what it acts on ("daagde Milieudefensie
    de Staat")."""
    return k + 1 < len(tokens) and k - 2 >= start and tokens[k].text in NAME_LINKS \
        and tokens[k - 1].tag.startswith("N|eigen") and tokens[k + 1].text[:1].isupper() \
        and tokens[k - 2].text.lower() in words.person_kind_words


def aged(tokens: Sequence[Token], k: int) -> int | None:
    """Where "van" and an age after a person's noun end ("twee mannen van 23 en 25 jaar", "een jongen van 16"): part
    of that noun's phrase; None when no age follows (an amount: "de omzet van 90 miljoen euro")."""
    if tokens[k].text.lower() != "van" or not tokens[k - 1].tag.startswith("N|soort") or k + 1 >= len(tokens) \
            or tokens[k + 1].tag != "TW":
        return None
    after = k + 2
    if after + 1 < len(tokens) and tokens[after].text.lower() in ("en", "of") and tokens[after + 1].tag == "TW":
        after += 2  # never "van 40 tot 65": a change
    if after < len(tokens) and tokens[after].text.lower() in AGE_AFTER:
        return after + 1
    return after if after == k + 2 and after < len(tokens) and tokens[after].tag.startswith("WW") else None


AGE_AFTER = frozenset({"jaar", "jaren", "maanden", "weken"})  # "een baby van vier maanden"


def bare_manner(tokens: Sequence[Token], k: int) -> bool:
    """A preposition before a singular noun with no article ("in korte tijd", "met spoed", "op grote schaal"):
    how or how fast, never a phrase of the noun before it."""
    after = k + 1
    while after < len(tokens) and tokens[after].tag == "ADJ":
        after += 1
    return after < len(tokens) and tokens[after].tag == "N|soort|ev" and tokens[after].text.islower()  # never a name's
    # own word ("Rijksinstituut voor Volksgezondheid")


GENITIVE = ("'s", "’s")
NAME_LINKS = frozenset({"de", "van", "der", "den", "ter", "ten", "het", "op", "in", "aan"})  # "Ilse de Boer", "Van der Berg"


def capital_in_name(tokens: Sequence[Token], k: int) -> bool:
    """A capitalised word the tags gave no name's tag that a name goes on from or to ("Veluwe Leven", "Net
    Nederland"): part of that name."""
    word = tokens[k].text
    if not (word[:1].isupper() and word[:1].isalpha()) or tokens[k].tag.startswith("LET"):
        return False
    if word in NAME_ARTICLES and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
        return True  # "basisschool De Regenboog": a capitalised article inside a sentence opens a name
    return tokens[k - 1].tag.startswith("N|eigen") or tokens[k - 1].text in NAME_ARTICLES or (
        k + 1 < len(tokens) and tokens[k + 1].tag.startswith("N|eigen"))


NAME_ARTICLES = frozenset({"De", "Het"})


def name_end(tokens: Sequence[Token], i: int, dated: set[int]) -> int:
    """The end of a name of capitalised words at i, with the small words inside Dutch names (i if none)."""
    if i >= len(tokens) or not (tokens[i].tag.startswith(("N|", "ADJ", "SPEC")) or named_van(tokens[i:])):
        return i  # "In Rotterdam" is no name; "Van Dalen" is
    end = i
    while end < len(tokens) and end not in dated and tokens[end].text[:1].isupper() and tokens[end].text[:1].isalpha():
        end += 1
        links = end
        while links < len(tokens) and tokens[links].text in NAME_LINKS and tokens[links].text != "in":  # not
            # "Feyenoord in Europa": "op" and "aan" link a place's name ("Bergen op Zoom"), "in" says where
            links += 1
        if links > end and links < len(tokens) and tokens[links].text[:1].isupper():
            end = links
    return end


def listed(tokens: Sequence[Token], comma: int, words: StoryWords, dated: set[int]) -> bool:
    """A comma inside a list of noun phrases: a noun phrase follows it, then another comma or "en"."""
    after = phrase_end(tokens, comma + 1, dated, words)
    return after > comma + 1 and after < len(tokens) and tokens[after].text.lower() in (",", "en")


def phrase_end(tokens: Sequence[Token], i: int, dated: set[int], words: StoryWords) -> int:
    """The end of the base noun phrase at i (i if none), before any date."""
    tags = [t.tag for t in tokens]
    if i >= len(tags) or i in dated:
        return i
    found = noun_phrase_at(tags, i)
    end = found.end if found else (i + 1 if tags[i].startswith(("TW", "VNW|pers", "VNW|aanw")) else i)
    if not found and tags[i] == "TW" and i + 1 < len(tags) and tags[i + 1] == "WW|vd" and tokens[i + 1].text.endswith("en") \
            and (i + 2 == len(tags) or not tags[i + 2].startswith(("N|", "ADJ"))):
        end = i + 2  # "vier gewonden", "bijna honderd ontslagen op tafel": a participle made noun after a number,
        # not one before its noun ("twee gestolen fietsen")
    if not found and tags[i].startswith("LID|bep") and i + 2 < len(tags) and tags[i + 1] in ("ADJ", "WW|vd") \
            and tags[i + 2].startswith("WW|pv"):
        end = i + 2  # "De verdachte werd ...", "Het jong werd ...": an adjective or participle made noun
    inner = inner_phrase_end(tags, i)  # "de [in maart aangekondigde] exportbeperkingen"
    if inner and inner > end and not any(k in dated for k in range(i, inner)):
        return inner
    if end <= i + 1 and i + 1 < len(tags) and tokens[i].text.lower() == "het" and tags[i + 1] == "WW|inf":
        return i + 2 if i + 1 not in dated else i + 1  # "het leveren": a verb made noun
    if tags[i].startswith("N|eigen"):  # a name ends with its capitalised words: "wilde Tata staal gaan maken"
        end = next((k for k in range(i, end) if not tags[k].startswith("N|eigen")), end)
    end = next((k for k in range(i + 1, end) if tags[k - 1].startswith("N|eigen") and tags[k].startswith("N|soort")
                and tokens[k].text.islower()), end)  # "de Omgevingsdienst Noordzeekanaalgebied | aangifte doet"
    if end < len(tags) and end > i and tokens[end - 1].text.lower() in words.measure_nouns:  # "meer soorten
        after = noun_phrase_at(tags, end)  # [geavanceerde productieapparatuur]": the measured noun goes with it
        if after and not tags[end].startswith(("LID", "VNW")):
            return next((k for k in range(i, after.end) if k in dated), after.end)
        if tags[end] == "ADJ" and tokens[end].text.endswith("en") and end not in dated:
            return end + 1  # "een groep jongeren": an adjective made a plural noun
    common = next((k for k in range(i, end) if tags[k].startswith("N|soort")), None)
    if common is not None:  # a common noun takes names after it ("chipmaker Siliconix"), and another noun
        end = next((k for k in range(common + 1, end)  # only after a measure ("het aantal faillissementen")
                    if tags[k].startswith("N|soort") and tokens[k - 1].text.lower() not in words.measure_nouns), end)
    if 0 < end - i and end < len(tags) and end not in dated and tags[end] == "TW" and tags[end - 1].startswith("N|soort") \
            and tokens[end].text.isdigit() and (end + 1 == len(tags) or not tags[end + 1].startswith(("N|", "ADJ", "TW"))):
        end += 1  # "een tram van lijn 21", "artikel 3": a number that names the noun before it
    return next((k for k in range(i, end) if k in dated), end)


def inner_phrase_end(tags: list[str], i: int) -> int | None:
    """An article, a phrase and a participle or adjective before the noun: "de in maart aangekondigde
    exportbeperkingen", "het door Syrië gesteunde leger"; where the noun ends, else None."""
    if not tags[i].startswith("LID") or i + 1 >= len(tags) or tags[i + 1] != "VZ":
        return None
    k = i + 2
    while k < len(tags) and k <= i + 5 and tags[k].startswith(("N|", "TW", "LID", "ADJ")) and not (
            tags[k].startswith("ADJ") and k + 1 < len(tags) and tags[k + 1].startswith("N|soort")):
        k += 1
    if k + 1 < len(tags) and k > i + 2 and tags[k].startswith(("WW|vd", "ADJ")) and tags[k + 1].startswith("N|soort"):
        return k + 2
    return None


def is_fronted(tokens: Sequence[Token], verb: int, words: StoryWords, dated: set[int]) -> bool:
    """Does something other than the subject stand before the verb (a time, a place, a clause)?"""
    if verb == 0:
        return False
    if verb == 1 and tokens[0].text.lower() in PLACE_ADVERBS:
        return True  # "Daar trof een boswachter ... aan": where, then who
    if len(tokens) > 2 and tokens[0].text.lower() in words.subject_adverbs and tokens[1].tag.startswith(NOUN_PHRASE) \
            and not dated & set(range(verb)) and not any(t.tag.startswith(("VG", "LET", "WW")) for t in tokens[1:verb]):
        return False  # "Ook chauffeurs van Arriva legden ...": the adverb goes with the subject before the verb
    if adjoined_phrase(tokens, verb, words, dated):
        return False  # "In totaal zevenhonderd bouwvakkers kregen": one constituent before the verb, the subject
    if 0 in dated or tokens[verb - 1].text == "," or (tokens[0].tag.startswith(FRONTING) and not named_van(tokens)):
        return True
    if tokens[0].tag.startswith(NOUN_PHRASE) and tokens[0].text.lower() not in words.fronted:
        return False  # "Felle uitspraken maandag over ... maakten": one constituent before the verb, the subject
    return any(k in dated for k in range(verb)) or subject_end(tokens, 0, words, dated) != verb


def adjoined_phrase(tokens: Sequence[Token], verb: int, words: StoryWords, dated: set[int]) -> bool:
    """Whether a phrase that opens on a preposition is followed by a noun phrase before the verb: only one part
    stands before a Dutch main clause's verb, so both are one, a subject with its phrase before it ("In totaal
    zevenhonderd bouwvakkers kregen", "Vooral de kleine gemeenten kregen", "Vrijwel alle fracties eisten"); "Na de
    brand in de fabriek kondigde" is
    one phrase."""
    if verb < 3 or tokens[0].tag not in ("VZ", "BW") or dated & set(range(verb)) or any(t.text == "," for t in tokens[:verb]):
        return False
    end = phrase_end(tokens, 1, dated, words) if tokens[0].tag == "VZ" else 1  # "Vooral de kleine gemeenten kregen"
    nouns = [k for k in range(verb) if tokens[k].tag.startswith("N|")]
    return 0 < end < verb and tokens[end].tag.startswith(("TW", "LID", "ADJ", "N|", "VNW|ander")) \
        and any(k >= end for k in nouns) \
        and (tokens[0].tag == "BW" or any(k < end for k in nouns))  # never "Voor het eerst heeft het college ..."


def named_van(tokens: Sequence[Token]) -> bool:
    """"Van Dalen uit Doetinchem had ...": a capitalised particle before a name opens that name, not a phrase
    ("Van Amsterdam naar Rotterdam reden ..." is one: a "naar" or "tot" follows)."""
    return len(tokens) > 2 and tokens[0].text in NAME_OPENERS and tokens[1].tag.startswith("N|eigen") \
        and not any(t.text in ("naar", "tot") for t in tokens[2:6])


PLACE_ADVERBS = frozenset({"daar", "hier"})
LOOSE_AFTER_VERB = frozenset({"met", "op", "tegen", "aan", "naar", "om", "tot"})  # after an inverted subject:
# the verb's own phrase ("begon ... met", "wachtte ... op", "stemde ... tegen"), never the noun's
NAME_OPENERS = frozenset({"Van", "Ter", "Ten", "Den", "Der"})
FRONTING = ("VZ", "BW", "VG|onder")  # a preposition, an adverb or a subordinator opens an adverbial
NOUN_PHRASE = ("LID", "ADJ", "N|", "TW", "VNW|bez", "SPEC")


PLACE_OPENERS = frozenset({"in", "op", "bij", "tussen", "aan", "rond", "nabij", "van"})


def place_after(tokens: Sequence[Token], start: int, dated: set[int]) -> int:
    """After the verb, past a phrase of place with a name ("in Limburg") and any date after it, when an article or
    a number opens the subject after them; else `start`."""
    k, placed = start, False
    while k + 2 < len(tokens) and tokens[k].tag.startswith("VZ") and (k + 1 in dated or (
            tokens[k].text.lower() in PLACE_OPENERS and tokens[k + 1].tag.startswith("N|eigen"))):
        placed = placed or k + 1 not in dated
        k += 2
        while k < len(tokens) and (tokens[k].tag.startswith("N|eigen") or k in dated):
            k += 1
    return k if placed and k < len(tokens) and tokens[k].tag.startswith(("LID", "TW")) else start


def fronted_place(tokens: Sequence[Token], verb: int, dated: set[int]) -> str:
    """A fronted phrase that says where, with a name in it and no date ("Op Schiphol", "Tussen Amsterdam en
    Haarlem")."""
    if verb < 2 or tokens[0].text.lower() not in PLACE_OPENERS or dated & set(range(verb)) \
            or not all(t.tag.startswith(("N|eigen", "VG|neven", "LID", "VZ")) for t in tokens[1:verb]) \
            or not any(t.tag.startswith("N|eigen") for t in tokens[1:verb]):
        return ""
    return tokens[0].text.lower() + " " + " ".join(t.text for t in tokens[1:verb])
