"""Who a sentence is about: the actor a pronoun or a definite reference at a sentence's start stands for,
among the names of the article's cast (timeline.story.cast).

"Hij" and "de topman" take the most recent person, "het" and "het bedrijf" the most recent organisation,
"dat land" the most recent place: in the nearest sentence before that names one, the first such name (a
sentence's subject comes first). A sentence that opens on a word that leans on the one before ("Daarbij",
"Dat") takes that sentence along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.story.antecedents import antecedent, gender_fits, typed_as
from timeline.story.carried import (
    SOMEONE, carried_person, described_subject, person_described, she_an_organisation, she_described,
    sole_person,
)
from timeline.story.cast import ARTICLES, Cast
from timeline.story.pronouns import compound_named, placed, plural_subject, plural_verb
from timeline.story.standing import it_thing, with_role
from timeline.story.frames import report_frame
from timeline.story.syntax import it_alone, subject_text, tagged_plain
from timeline.story.subjects import is_fronted
from timeline.story.words import NAME, QUOTES, WORD, StoryWords

DETERMINERS = ("die", "dat", "dit", "deze")  # a pronoun before a verb ("Dat is"), a determiner before a noun
FIRST_WORD = re.compile(r"[\w-]+")
ARTICLE_NOUN = re.compile(r"(?:de|het|dat|die|deze|dit)\s+([\w-]+)")
ADJECTIVE_NOUN = re.compile(r"(?:de|het|dat|die|deze|dit)\s+(?:[\w-]+e\s+){1,2}?([\w-]+)")  # "de 35-jarige Italiaan"
NEXT_WORD = re.compile(r"\w+\s+([\w-]+)")
AGED = re.compile(r"(?:de|die|deze)\s+\d{1,3}-jarige")
WORD_AFTER = re.compile(r"\s+([\w-]+)")
NAMED = re.compile(r"\s*\[([^\]]+)\]")
OF_NAME = re.compile(r"\s+van\s+(?:de\s+|het\s+)?[A-Z]")  # "De minister van Volksgezondheid", "de directeur van Kookpunt"
OF_THING = re.compile(r"\s+van\s+(?:de|het|een|dat|die|dit|deze)\s")  # "de rederij [van het schip]"
APPOSITION = re.compile(r"[^,.]{0,40},\s+[A-Z][\w-]*(?:\s+(?:van|de|der|den|ter|te|[A-Z][\w-]*))*,")  # ", Name,"


@dataclass(frozen=True, slots=True)
class Reference:
    start: int  # where the referring words stand in the sentence
    end: int
    kind: str  # "person", "organisation", "place" or "leaning"
    noun: str = ""  # the noun of a definite reference ("bedrijf", "chipmaker")


def opening_reference(text: str, words: StoryWords) -> Reference | None:
    """A pronoun or definite reference in subject place at the sentence's start:
    its first words, or right after the verb that follows a fronted adverbial."""
    lowered = text.lower()
    for opener, pattern in leaning_patterns(words.leaning) if lowered.startswith(words.leaning) else ():
        found = pattern.match(lowered)
        if found and (opener not in DETERMINERS or found.group(1) in words.finite or found.group(1) in words.report_frames
                      or not found.group(1)):  # "Dat staat in een onderzoek ...": the news is the sentence before
            return Reference(0, len(opener), "leaning")
    if leans_after_noun(lowered, words):
        return Reference(0, 0, "leaning")  # "Een motie daarover werd aangenomen": about what the one before said
    for start in subject_places(text, words):
        found = reference_at(lowered, start, words)
        if found:
            return found
    return None


def leans_after_noun(lowered: str, words: StoryWords) -> bool:
    """"Een motie daarover", "Het onderzoek hiernaar": a first noun phrase that points back with a pronominal
    adverb, before any verb."""
    said = WORD.findall(lowered[:80])
    if not said or said[0] not in ARTICLES + ("een",):
        return False
    for word in said[1:4]:
        if word in words.leaning_after_noun:
            return True
        if word in words.finite:
            return False
    return False


@lru_cache(maxsize=None)
def leaning_patterns(openers: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each leaning opener with its pattern, compiled once a run."""
    return tuple((opener, re.compile(rf"{re.escape(opener)}\b\s*([\w-]*)")) for opener in openers)


@lru_cache(maxsize=None)
def epithet_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """A definite reference to an organisation inside a sentence, compiled once a run."""
    alternatives = "|".join(map(re.escape, nouns))
    return re.compile(rf"(?<=\s)(?:het|de)\s+[\w-]*(?:{alternatives})\b(?!\s*\[)")


def subject_places(text: str, words: StoryWords) -> list[int]:
    """The sentence's start, and the word after its first finite verb (within six words)."""
    places = [0]
    for count, match in enumerate(WORD.finditer(text)):
        if count > 6:
            break
        if count and match.group(0).lower() in words.finite:
            return places + [match.end() + 1] if fronted_before(text, match.start(), words) else places
    tokens = tagged_plain(text[:80])
    verb = next((k for k, t in enumerate(tokens) if 0 < k <= 6 and t.tag.startswith("WW|pv")), None)
    if verb is None or not is_fronted(tokens, verb, words, timed(tokens, words)):
        return places  # "De inspectie gaf de keten ...": a subject before the verb, the object after it is none
    return places + [tokens[verb].end + 1]  # "Vorig jaar leed het ...": by the tags


def fronted_before(text: str, at: int, words: StoryWords) -> bool:
    """Whether what stands before the finite verb at `at` is fronted, not the subject, by the tags."""
    tokens = tagged_plain(text[:at + 30])
    verb = next((k for k, t in enumerate(tokens) if t.start == at), None)
    return verb is None or is_fronted(tokens, verb, words, timed(tokens, words))


def timed(tokens, words: StoryWords) -> set[int]:
    """The tokens that are time words ("maandag"), and the first when a fronted phrase opens on it ("Vorig jaar",
    "Eerder dit jaar"; not "Ook", which may go with the subject): never a subject."""
    first = tokens[0].text.lower() if tokens else ""
    opening = {0} if first in words.fronted and first not in words.subject_adverbs else set()
    return opening | {k for k, t in enumerate(tokens) if t.text.lower() in words.time_words}


def reference_at(lowered: str, start: int, words: StoryWords) -> Reference | None:
    rest = lowered[start:]
    word = FIRST_WORD.match(rest)
    if not word:
        return None
    first = word.group(0)
    if first in words.person_pronouns:
        return Reference(start, start + len(first), "person")
    if first in ARTICLES or first in DETERMINERS:  # "het bedrijf", "dat bedrijf", "de nieuwe topman"
        noun = ARTICLE_NOUN.match(rest)
        later = ADJECTIVE_NOUN.match(rest)
        if noun and later and not noun.group(1).endswith(words.kind_nouns) and later.group(1).endswith(words.person_nouns):
            noun = later
        if noun and noun.group(1).endswith(words.person_nouns):
            return Reference(start, start + noun.end(), "person", noun.group(1))
        aged = AGED.match(rest)  # "de 61-jarige Tilburger", "De 61-jarige zou ...": only a person has an age so said
        if aged:
            noun = WORD_AFTER.match(rest, aged.end())  # the noun after it goes with it, not a verb
            taken = noun is not None and noun.group(1) not in words.finite
            return Reference(start, start + (noun.end() if taken else aged.end()), "person", noun.group(1) if taken else "")
        if noun and noun.group(1).endswith(words.organisation_nouns):
            return Reference(start, start + noun.end(), "organisation", noun.group(1))
        if noun and noun.group(1) in words.place_nouns:  # "Dat land had zelf ... aangekondigd": the VS
            return Reference(start, start + noun.end(), "place", noun.group(1))
    if first in DETERMINERS and start and pronoun_not_article(rest, words):
        return Reference(start, start + len(first), "leaning")  # "In 2025 zou die zijn opgelopen"
    if first in words.organisation_pronouns and pronoun_not_article(rest, words) and not words.situation_it.match(rest):
        return Reference(start, start + len(first), "organisation")
    return None


def pronoun_not_article(rest: str, words: StoryWords) -> bool:
    """"het" is a pronoun when a verb, an article or an adverb follows it, not a noun."""
    following = NEXT_WORD.match(rest)
    if not following:
        return False
    nxt = following.group(1)
    return nxt in words.finite or nxt in {"een", "de", "het", "ook", "al", "nog", "niet", "zich", "zijn", "haar", "er",
                                          "daar", "nu", "wel", "toch", "dan", "immers", "namelijk", "zelf", "opnieuw"} \
        or nxt in PREPOSITIONS and it_alone(tagged_plain(rest[:80]), 0)


PREPOSITIONS = frozenset({"in", "op", "aan", "met", "bij", "uit", "naar", "over", "tegen", "door", "onder", "voor"})


def resolve(text: str, before: list[str], people: Cast, words: StoryWords, subject_only: bool = False,
            earlier: list[str] | None = None) -> tuple[str, str | None]:
    """The sentence told so that it stands alone, and the name it was resolved to (if any).

    "Eerder dit jaar sloot het een ronde af" → "[OpenAI] sloot eerder dit jaar een ronde af". A frame that only says
    who told the news just before it ("De toezichthouder maakte dat vandaag bekend") comes with that news, its teller
    named.
    """
    told, name = resolved(text, before, people, words, subject_only, earlier or before)
    if told != text and before and not told.startswith(before[-1]) and not subject_only \
            and before[-1][:1] not in QUOTES and {"dat", "dit"} & set(text.lower().split()[:6]) and report_frame(text, words):
        return f"{before[-1]} {told}", name
    return told, name


def resolved(text: str, before: list[str], people: Cast, words: StoryWords, subject_only: bool,
             earlier: list[str]) -> tuple[str, str | None]:
    found = opening_reference(text, words)
    if found is not None and found.noun in words.seated \
            and not typed_as(found.noun, people.organisations, people, words):
        found = None  # "De provincie maakte dat maandag bekend": no name came with the word, read as no reference
    if subject_only and found is not None and found.kind == "leaning" and not found.start and before:
        return said_thing(text, found, before[-1], words), None  # "Die zou zijn opgelopen": "De omzet zou ..."
    if found is None and (whole := compound_named(text, people, words)):
        return whole  # "De brug werd in 1956 geopend": the Zuilensebrug, the one name of the article that ends so
    if found is None and before and not subject_only and before[-1][:1] not in QUOTES and report_frame(text, words):
        return f"{before[-1]} {text}", None  # "Rijkswaterstaat maakte dat maandag bekend": the news is the one before
    if found is None or (subject_only and (found.start and found.noun or found.kind == "leaning")):
        return text, None
    named = NAMED.match(text, found.end)
    if found.start == 0 and named:  # "het bedrijf [OpenAI] gaf": the name already stands there
        return f"[{named.group(1)}]{text[named.end():]}", named.group(1)
    if found.noun and NAME.match(text, found.end + 1):
        return text, None  # "De vakbond FNV noemde ...": named where it stands
    if found.noun and APPOSITION.match(text, found.end):
        return text, None  # "De Brabantse gedeputeerde voor mobiliteit, Martijn van Gruijthuijsen, riep": named there
    if found.noun and capital_noun(text, found):
        return text, None  # "De Universiteit van Amsterdam", "De Commissaris van de Koning": a name, no reference
    if found.noun and found.kind == "person" and OF_NAME.match(text, found.end):
        return text, None  # "De minister van Volksgezondheid": the office says who, a name of another kind never
    if found.noun and found.kind != "person" and OF_THING.match(text, found.end):
        return text, None  # "de rederij van het schip": the phrase after it says which one, a name before never
    if found.kind == "leaning":
        return (f"{before[-1]} {text}" if before else text), None
    if found.kind == "person" and not found.noun and plural_verb(text):  # "Ze vroegen ...": a plural, never the
        group = plural_subject(before[-1], words) if before else ""  # last person named; the plural subject before
        return (insert(text, found, group), group) if group else (text, None)
    if found.kind == "organisation" and not found.noun and before and thing_subject(before[-1], words):
        return (it_thing(text, found, before[-1], words) if subject_only else text), None  # "Dat kabinet zat er sinds
        # 2022. Het kwam ten val": "het" is that cabinet, no name; a headline says "Het kabinet kwam ten val"
    if found.kind == "organisation" and not found.noun and before and described_subject(before[-1], words):
        told, name = resolved(before[-1], before[:-1], people, words, False, earlier[:-1])  # "Het bedrijf werd ...
        if name is None:  # opgericht door ... van de TU Delft. In april haalde het ...": what "Het bedrijf" was
            return (it_thing(text, found, before[-1], words) if subject_only else text), None
        return with_role(text, insert(text, found, name), found, name, people, words), name
    pronoun = text[found.start:found.end].lower() if found.kind == "person" and not found.noun else ""
    name = antecedent(before, found.kind, people, words, found.noun, pronoun=pronoun)
    if name and pronoun and not found.noun and (unnamed_acts(before, name, words) or died(before, name, words)):
        return text, None  # "... nam de verdachte een mes mee toen hij naar het huis van Lubbers fietste. Hij kwam
        # om 23.12 uur aan": the person the article describes without a name, not the one named beside him
    if name is None and pronoun:
        name = carried_person(earlier, pronoun, people, words, gender_fits)
    if name is None and found.kind == "person" and found.noun and AGED.match(text.lower(), found.start):
        name = sole_person(earlier, people, words)  # "De 26-jarige Fries" four sentences after the one person named
    if name is None and pronoun:
        name = she_an_organisation(before, pronoun, people, words, subject_text)
    said = text[found.start:found.end].lower() if not found.noun else ""
    if name is None and subject_only and before and not plural_verb(text) \
            and (described := she_described(before[-1], said, words, subject_text)
                 or person_described(before[-1], pronoun, words)
                 or (len(before) > 1 and SAME_ONE.match(before[-1]) and person_described(before[-2], pronoun, words))):
        return placed(text, found, described), None  # a headline's "Zij" for the organisation described before;
        # "Maandag kondigde ze een staking aan": "De vakbond kondigde maandag ..."
    if name is None:
        return text, None
    whole = [p for p in people.persons if p.endswith(" " + name) and (not pronoun or gender_fits(p, pronoun, words))] \
        if found.kind == "person" and " " not in name else []  # "hij" is never "Anita Lubbers" for "Lubbers"
    name = whole[0] if len(whole) == 1 else name  # "Voor Hulshof zelf ... De 59-jarige": Miranda Hulshof
    if found.kind == "place" and re.search(rf"\bde {re.escape(name)}\b", before[-1] if before else ""):
        return insert(text, found, f"De {name}" if found.start == 0 else f"de {name}"), name  # "de VS"
    if re.search(rf"(?<![\w\[]){re.escape(name)}(?![\w\]])", text[found.end:]):
        return text, None  # "De corporatie stuurt Kempenhof een brief": the name said after it is another party
    return with_role(text, insert(text, found, name), found, name, people, words), name


SAME_ONE = re.compile(r"(?:Hij|Zij|Ze)\s")  # a sentence between whose subject is the same person, said again


def capital_noun(text: str, found: Reference) -> bool:
    """Whether the reference's noun is written with a capital and a name goes on after it ("De Universiteit van
    Amsterdam", "De Commissaris van de Koning"): the start of a name."""
    at = text.lower().find(found.noun, found.start, found.end)
    word = text.rfind(" ", 0, at) + 1 if at > 0 else at
    if 0 < word < at and text[word:word + 1].isupper():
        return True  # "het Rijksmuseum", "het Dierenpark": the noun ends a capitalised word, a name
    after = text[at + len(found.noun):].lstrip().split(" ", 1)[0] if at > 0 else ""
    return at > 0 and text[at:at + 1].isupper() and (after == "van" or after[:1].isupper())  # not "De 28-jarige Fries"


def said_thing(text: str, found: Reference, previous: str, words: StoryWords) -> str:
    """A demonstrative that opens the headline ("Die zou zijn opgelopen ...") stands for the subject of the
    sentence before when that is a thing said without a name ("de omzet"): that subject in its place."""
    if text[found.start:found.end].lower() not in DETERMINERS or not thing_subject(previous, words):
        return text
    subject = subject_text(previous, words)
    if plural_verb(text) != plural_verb(previous):
        return text  # "De aannemer laat platen maken. Die worden ... geleverd": not the aannemer
    return subject[:1].upper() + subject[1:] + text[found.end:]


def thing_subject(sentence: str, words: StoryWords) -> bool:
    """Whether the sentence's subject is a noun phrase without a name whose noun is no kind of organisation or
    person ("Dat kabinet", "De regeling"): the "het" after it stands for that, not for a name further back."""
    found = subject_text(sentence, words).split()
    if len(found) < 2 or found[0].lower() not in ARTICLES + DETERMINERS:
        return False
    head = next((k for k, w in enumerate(found) if k and w.lower() in HEAD_ENDS), len(found)) - 1  # "De regeling
    return head > 0 and found[head].islower() and not found[head].endswith(words.kind_nouns)  # van Norvia": regeling


HEAD_ENDS = frozenset({"van", "uit", "in", "voor", "met", "op", "bij", "onder", "over", ","})


def insert(text: str, found: Reference, name: str) -> str:
    """The reference at the sentence's start or after its verb replaced by the name, in brackets, first."""
    if found.start == 0:
        return f"[{name}]{text[found.end:]}"
    return placed(text, found, f"[{name}]")






def died(before: list[str], name: str, words: StoryWords) -> bool:
    """Whether the sentences before say `name` died: the name in a sentence of a death, or as the victim beside one
    ("... kwam om het leven bij een aanrijding. Het slachtoffer is Jan-Willem Brouwer"): the dead act no more."""
    near = before[-3:]
    return any(words.death.search(text) for text in near) and any(
        name in text and (words.death.search(text) or VICTIM.search(text)) for text in near)


VICTIM = re.compile(r"\bslachtoffer\b", re.IGNORECASE)


def unnamed_acts(before: list[str], name: str, words: StoryWords) -> bool:
    """Whether one of the two sentences before describes a person without a name ("de verdachte", "de 34-jarige man")
    before it names `name`, or names `name` only as an owner ("het huis van Lubbers"): the description acts there."""
    for text in before[-2:]:
        someone, at = SOMEONE.search(text), text.find(name)
        if someone and text[someone.end():].lstrip()[:1].isupper():
            continue  # "de 23-jarige Lisa Boeve": described and named
        if someone and at >= 0 and (at > someone.start() or re.search(rf"\bvan\s+{re.escape(name)}\b", text)):
            return True
    return False
