"""Constraints in noun phrases, and the lexicon look-ups that the clause constraints share.

Before the clauses are read: a finite verb form right after a determiner (`geen verwijt`, `de sprong`) is
a noun, and so is an unseen past-shaped word where a noun phrase's head goes (`Sommige geleerden denken`).
After them: a possessive after an article is a noun (`de mijn`), a capitalised adjective after a name is
part of it (`Zonnestroom Noord`) and a capitalised unknown verb form a name, a past form between an article,
possessive, numeral, adjective, adverb or preposition and a noun or adjective is a participle (`de
vertraagde treinen`), an -en form after a cardinal a noun (`twaalf sprongen`), after `te` an infinitive.
"""

from __future__ import annotations

ATTRIBUTIVE = ("LID|", "VNW|bez", "TW", "ADJ")
PAST_ENDINGS = ("de", "te", "den", "ten")
DETERMINERS = frozenset({"de", "een", "geen", "elk", "elke", "ieder", "iedere", "jouw", "onze", "uw"})
INSEPARABLE = ("be", "ver", "ont", "her", "ge", "er")
COUNTING = frozenset({"beide", "alle", "enkele", "sommige", "meerdere", "diverse", "talloze", "tientallen", "honderden"})


def mend_heads(words: list[str], tags: list[str], lexicon: dict[str, str]) -> None:
    """Finite verb forms that stand where a noun phrase's head goes become nouns (in place)."""
    for i in [j for j, t in enumerate(tags) if t.startswith("WW|pv")]:
        if words[i] in ("'s", "’s"):
            tags[i] = "LID|bep"  # "'s middags"
        elif not i:
            continue
        elif words[i - 1].lower() in ("zoals", "als") and can_be(words[i], "WW|vd", lexicon) \
                and not (i + 1 < len(tags) and tags[i + 1].startswith(("N|", "VNW|pers", "LID"))):
            tags[i] = "WW|vd"  # "zoals verwacht"
        elif tags[i].startswith("WW|pv|verl") and heads_noun_phrase(words, tags, i, lexicon):
            tags[i] = "N|soort|mv" if words[i].endswith("en") else "N|soort|ev"
        elif tags[i].startswith("WW|pv") and words[i - 1].lower() in DETERMINERS and words[i - 1] != "Een" \
                and not (i + 1 < len(tags) and tags[i + 1].startswith(("N|", "ADJ"))):
            seen = seen_as(words[i], lexicon)  # "geen verwijt", "de sprong": no finite verb after a determiner
            plural = "N|soort|ev" not in seen and ("N|soort|mv" in seen or words[i].endswith("en"))
            tags[i] = "N|soort|mv" if plural else "N|soort|ev"


def mend_phrases(words: list[str], tags: list[str], lexicon: dict[str, str]) -> None:
    """The phrase rules that follow the clause constraints (in place)."""
    for i in range(1, len(tags)):
        if tags[i] == "VNW|bez" and tags[i - 1].startswith("LID|"):
            tags[i] = "N|soort|ev"
        elif tags[i] == "ADJ" and tags[i - 1].startswith("N|eigen") and words[i][:1].isupper():
            tags[i] = "N|eigen|ev"
        elif tags[i].startswith(("ADJ", "WW", "BW")) and words[i][:1].isupper() and i >= 2 \
                and words[i - 1] in SURNAME_LINKS and tags[i - 2].startswith("N|eigen") \
                and not words[i].endswith(("se", "sche")):  # never "van Buitenlandse Handel"
            tags[i] = "N|eigen|ev"  # "Marc van Houten": a surname after its particle, no adjective
        elif (tags[i].startswith(("WW|", "BW")) or tags[i] == "ADJ" and not (i + 1 < len(words) and (
                words[i + 1][:1].isupper() or tags[i + 1].startswith("N|")))) \
                and words[i][:1].isupper() and words[i] not in lexicon \
                and (tags[i - 1] != "LET" or words[i - 1] == ","):
            tags[i] = "N|eigen|ev"  # "woningcorporatie Stadswonen", "gaf Oostmeer": a verb, an adverb or an
            # adjective before no noun inside a sentence has no capital (but "Integraal Dossier": part of a name)
    for i in range(1, len(tags) - 1):
        if tags[i].startswith("WW|pv"):
            tags[i] = in_phrase(words, tags, i, lexicon)
        if tags[i].startswith("WW|pv") and tags[i + 1] == "VNW|betr" and heads_relative(words, tags, i, lexicon):
            tags[i] = "N|soort|mv" if words[i].endswith("en") else "N|soort|ev"  # "De zilveren drinkschaal die ..."
            for j in range(i - 1, 0, -1):
                if tags[j].startswith("LID"):
                    break
                if tags[j] == "N|soort|mv" and words[j].endswith("en"):
                    tags[j] = "ADJ"  # "zilveren": a material
        if material(words, tags, i) or material_noun(words, tags, i, lexicon):
            tags[i] = "ADJ"
        if de_word_dat(words, tags, i, lexicon):
            tags[i], tags[i + 1] = "VNW|aanw", "N|soort|ev"  # "maakte de zorggroep dat besluit ... bekend": after a
            # "de" word a relative is "die"; this "dat" determines the noun after it
        if inverted_plural(words, tags, i, lexicon):
            tags[i] = "N|soort|mv"  # "sloegen dieven een raam in": an unseen -en word after the verb is its subject
        if tags[i] == "WW|inf" and words[i].endswith("en") and (figure(words[i - 1]) or words[i - 1].lower() in COUNTING) \
                and not tags[i + 1].startswith(("LID", "WW")):
            tags[i] = "N|soort|mv"  # "ruim 1.200 zienswijzen", "beide raden": an -en form after a figure or a counting
            # determiner is what it counts


SURNAME_LINKS = frozenset({"van", "der", "ter", "ten"})  # small words inside a Dutch surname that are no article


def de_word_dat(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """A "dat" before a word the lexicon also knows as a singular noun, read as a relative right after a singular noun
    that "de" opens ("de zorggroep dat besluit": a "de" word's relative is "die"), or as a demonstrative right after
    a finite verb with that word read as a second finite verb ("maakte dat besluit"): that noun's determiner."""
    if words[i].lower() != "dat" or i + 1 >= len(words) or "N|soort|ev" not in seen_as(words[i + 1], lexicon):
        return False
    after_de = tags[i] == "VNW|betr" and i >= 2 and tags[i - 1] == "N|soort|ev" and words[i - 2].lower() == "de"
    after_verb = tags[i] == "VNW|aanw" and tags[i - 1].startswith("WW|pv") and tags[i + 1].startswith("WW|pv")
    return after_de or after_verb  # "maakte dat besluit ... bekend": a demonstrative, then its noun, no second verb


def inverted_plural(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """An unseen small -en word read as an adverb or an infinitive between a finite verb and an article, a
    determiner or a figure ("sloegen dieven een raam in"): a plural noun, the subject after its verb."""
    return tags[i] in ("BW", "WW|inf") and words[i].islower() and len(words[i]) > 4 and words[i].endswith("en") \
        and not seen_as(words[i], lexicon) and tags[i - 1].startswith("WW|pv") \
        and tags[i + 1].startswith(("LID", "VNW|bez", "TW"))


def material(words: list[str], tags: list[str], i: int) -> bool:
    """A plural past between an article, numeral or adjective and the noun it goes with, in a clause with
    another finite verb, is an adjective of material (`moet extra stalen platen laten maken`)."""
    return words[i].endswith("en") and words[i].islower() and tags[i] == "WW|pv|verl|mv" and another_finite(tags, i) \
        and tags[i - 1].startswith(("LID|", "TW", "ADJ")) and not words[i - 1].endswith("en") \
        and tags[i + 1].startswith("N|soort")  # not "Anderen kregen last van ..." 


def material_noun(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """An -en word read as a plural noun right before a common noun, after an article, numeral or adjective, is an
    adjective of material (`zeven zilveren topstukken`, `de houten brug`): two plurals stand not side by side."""
    return tags[i] == "N|soort|mv" and words[i].endswith("en") and words[i].islower() \
        and tags[i - 1].startswith(ATTRIBUTIVE) and tags[i + 1].startswith("N|soort") \
        and "N|soort" not in seen_as(words[i], lexicon)  # not "twee prijzen zaterdagavond"


def heads_relative(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """Whether an unseen word read as a finite verb stands before a relative pronoun at the end of a noun
    phrase that an article opens (`De zilveren drinkschaal die ...`): the phrase's head."""
    if seen_as(words[i], lexicon) or not words[i].islower():
        return False
    j = i - 1
    while j > 0 and tags[j].startswith(("ADJ", "N|soort")) and words[j].islower():
        j -= 1
    return tags[j].startswith("LID") and j < i - 1


def heads_noun_phrase(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """Whether an unseen word read as a past stands where a noun phrase's head goes: after an article or a
    determiner such as `sommige` (`Sommige geleerden denken`; not `zich` nor `veel`), or as an -en form after
    "en" and a plural noun (`Arbeiders en bedienden maken ...`), and before no noun or adjective."""
    if seen_as(words[i], lexicon) or not words[i].islower() or i + 1 < len(tags) and tags[i + 1].startswith(("N|", "ADJ")):
        return False
    before = tags[i - 1]
    return before.startswith("LID") or before == "VNW|ander" and words[i - 1].endswith("e") \
        or before == "VG|neven" and i > 1 and tags[i - 2].startswith("N|") and tags[i - 2].endswith("|mv") \
        and words[i].endswith("en")


def in_phrase(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> str:
    """The tag of a finite verb form that stands where a noun phrase's words go: a past form between an
    article, possessive, numeral, adjective, adverb or preposition and a noun or adjective is a participle
    (`de vertraagde treinen`), and so is an unseen `ge-...-de` form before one (`door Syrië gesteunde`);
    an -en form after a cardinal in letters, or after one and an adjective, is a plural noun (`twaalf sprongen`);
    after `te`, an infinitive."""
    word, before, after = words[i], tags[i - 1], tags[i + 1]
    if tags[i] == "WW|pv|tgw|mv" and words[i - 1].lower() == "te":  # "lijken te dragen"
        return "WW|inf"
    if tags[i].startswith("WW|pv|verl") and after.startswith(("N|", "ADJ")):
        if (before.startswith(ATTRIBUTIVE) or before in ("BW", "VZ") and another_finite(tags, i)) \
                and (can_be(word, "WW|vd", lexicon) or not seen_as(word, lexicon)):
            return "WW|vd"  # not "Gisteren bestelde Jansen boeken", the clause's only finite verb
        if word.startswith("ge") and word.endswith(("de", "te")) and not seen_as(word, lexicon):
            return "WW|vd"
        if word.startswith(INSEPARABLE) and word.endswith(("de", "te")) \
                and (before.startswith(("LID|", "VNW|bez")) or counted(words, tags, i - 1)):
            return "WW|vd"  # "haar drie veroverde titels": the participle of "veroveren" has the form of its past
    if word.endswith("en") and word.islower() and not after.startswith("LID") \
            and (counted(words, tags, i - 1) or before == "ADJ" and words[i - 1].endswith("e") and counted(words, tags, i - 2)):
        return "N|soort|mv"  # not "Slechts vier vonden de haven"
    return tags[i]


def figure(word: str) -> bool:
    """A number in digits that is no year ("1.200", "30"; not "2019")."""
    return word[:1].isdigit() and word.replace(".", "").replace(",", "").isdigit() \
        and not (len(word) == 4 and word[:2] in ("18", "19", "20"))


def another_finite(tags: list[str], i: int) -> bool:
    """Whether the sentence has a finite verb besides word i."""
    return any(t.startswith("WW|pv") for j, t in enumerate(tags) if j != i)


def counted(words: list[str], tags: list[str], i: int) -> bool:
    """Whether word i is a cardinal numeral in letters (`drie`, `honderd`; not `tweede` nor `2001`)."""
    return i >= 0 and (tags[i] == "TW" and words[i].isalpha() and not words[i].endswith(("de", "ste"))
                       or words[i] in ("miljoen", "miljard"))


def seen_as(word: str, lexicon: dict[str, str]) -> str:
    return lexicon.get(word) or lexicon.get(word.lower()) or ""


def participle_shaped(word: str) -> bool:
    """Whether a word has a participle's shape: "ge" in front or after a prefix, or an inseparable prefix
    (`bestraft`, `verkocht`), and a -t or -d at the end."""
    low = word.lower()
    return low.endswith(("t", "d")) and ("ge" in low[:-3] or low.startswith(INSEPARABLE) and len(low) > 5)


def can_be(word: str, tag: str, lexicon: dict[str, str]) -> bool:
    """Whether the treebanks showed the word with this tag, or (unseen) it ends as an infinitive does."""
    seen = seen_as(word, lexicon)
    return tag in seen if seen else tag == "WW|inf" and word.endswith("en")


def present_of_verb(word: str, lexicon: dict[str, str]) -> bool:
    """Whether a word seen only otherwise is shaped as the singular present of a verb the treebanks showed as an
    infinitive: its stem, with or without -t, spelled as the infinitive spells it (`praat` of `praten`, `plant` of
    `planten`, `werkt` of `werken`, `stopt` of `stoppen`, `leeft` of `leven`)."""
    low = word.lower()
    stems = {low, low[:-1]} if low.endswith("t") else {low}
    for stem in (s for s in stems if len(s) > 2):
        open_ = stem[:-3] + stem[-3] + stem[-1] if stem[-3:-1] in ("aa", "ee", "oo", "uu") else stem
        voiced = open_[:-1] + {"f": "v", "s": "z"}.get(open_[-1], open_[-1])
        for infinitive in {stem + "en", open_ + "en", voiced + "en", stem + stem[-1] + "en"}:
            if "WW|inf" in seen_as(infinitive, lexicon):
                return True
    return False


def plural_present(word: str, lexicon: dict[str, str]) -> bool:
    """Whether the word may be a plural present: seen as one, or not seen and ending in -en."""
    seen = seen_as(word, lexicon)
    return "WW|pv|tgw|mv" in seen if seen else word.endswith("en")
