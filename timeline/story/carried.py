"""A pronoun carried along a chain: "Burgemeester Frits Wolters ... Dat zei hij ... zei de burgemeester ... zei hij
... Hij legde die functie neer". The nearest sentences name no one, but they keep referring to the one person the
article named before them: that person, when no one else could be meant."""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.story.cast import Cast
from timeline.story.subjects import subject_end
from timeline.story.syntax import subject_span, subject_text
from timeline.story.tagging import tagged_plain
from timeline.story.words import QUOTES, StoryWords

REACH = 12  # sentences back for the one person named
CHAIN = {"hij": re.compile(r"\b(?:hij|zijn|hem)\b", re.IGNORECASE), "zij": re.compile(r"\b(?:zij|haar)\b", re.IGNORECASE)}
SOMEONE = re.compile(r"\b(?:een|de|die)\s+(?:\S+\s+)?(?:man|vrouw|jongen|meisje|verdachte|slachtoffer|bestuurder|"
                     r"\d+-jarige)\b", re.IGNORECASE)  # another person the article did not name


def carried_person(before: list[str], pronoun: str, people: Cast, words: StoryWords,
                   fits: Callable[[str, str, StoryWords], bool]) -> str | None:
    """The one person named within REACH sentences back, when the three sentences before the pronoun name no
    one but hold the same pronoun (the chain goes on) and no other person without a name."""
    chain = CHAIN.get(pronoun)
    near = " ".join(before[-3:])
    if chain is None or not chain.search(near) or SOMEONE.search(near):
        return None
    named = {n for text in before[-REACH:] for n, _ in people.names_in(text, words) if n in people.persons}
    whole = {n for n in named if not any(o != n and o.endswith(" " + n) for o in named)}  # "Wolters": Frits Wolters
    fitting = [n for n in whole if len(n) > 2 and fits(n, pronoun, words)]
    return fitting[0] if len(fitting) == 1 else None


def she_an_organisation(before: list[str], pronoun: str, people: Cast, words: StoryWords,
                        subject_of: Callable[[str, StoryWords], str]) -> str | None:
    """A singular "ze" or "zij" that no person fits: the organisation that is the subject of one of the three
    sentences before, the nearest first ("Werkgeversvereniging DHZ Nederland liet het ultimatum verlopen. Ze deed
    vorige week een nieuw bod"), unless a person without a name stands there."""
    if pronoun not in ("ze", "zij") or SOMEONE.search(" ".join(before[-3:])):
        return None
    for text in reversed(before[-3:]):
        said = subject_of(text, words)
        named = [n for n, _ in people.names_in(text, words) if n in people.organisations and n in said]
        if named and not any(n in people.places for n in named):
            return named[0]
    return None


def she_described(previous: str, pronoun: str, words: StoryWords, subject_of: Callable[[str, StoryWords], str]) -> str:
    """For a headline, a singular "ze" or "zij" no name fits: the organisation the sentence before described as its
    subject without a name ("Ook de gemeente krijgt kritiek. Zij kreeg in april meldingen ...": "De gemeente"),
    else ""."""
    if pronoun not in ("ze", "zij", "het"):
        return ""
    said = subject_of(previous, words).split()
    said = said[1:] if said and said[0].lower() in ("ook", "zelfs", "vooral") else said
    placed = len(said) > 3 and said[2] in ("in", "van", "te") and all(w[:1].isupper() for w in said[3:])
    article = "het" if pronoun == "het" else "de"
    if (len(said) != 2 and not placed) or said[0].lower() != article or not said[1].islower():
        return ""  # "Het ziekenhuis kreeg een boete. In maart sloot het ...": "Het ziekenhuis"; "De rechtbank in Breda"
    kind = said[1].endswith(words.organisation_nouns + words.institutions)
    return " ".join([said[0].capitalize()] + said[1:]) if kind else ""


FEMALE = frozenset({"vrouw", "moeder", "dochter", "zus", "zuster", "meisje", "winnares", "eigenares", "weduwe", "oma"})
MALE = frozenset({"man", "vader", "zoon", "broer", "jongen", "opa", "weduwnaar"})
DESCRIBED_REACH = 7  # words of a description: "de advocaat van twaalf omwonende huishoudens"
DIMINUTIVE = ("je", "tje", "pje", "kje")
ARTICLES = ("de", "het", "een")  # "het meisje", "het jongetje": a "het" word


def person_described(previous: str, pronoun: str, words: StoryWords) -> str:
    """For a headline, a "hij" or "zij" no name fits: the person the sentence before described as its subject without
    a name ("De verdachte werd maandag aangehouden. Hij wordt dinsdag voorgeleid": "De verdachte"; "Dat zei de
    advocaat van de buren. Hij baseerde zich ...": "De advocaat van de buren"), else ""."""
    if pronoun not in ("hij", "zij") or previous[:1] in QUOTES:
        return ""  # "„Het is de eenzaamste periode van mijn leven", zegt de schaatser": no person described there
    tokens = tagged_plain(previous)
    verb = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), None)
    if verb is None:
        return ""
    start = verb + 1 if verb == 1 and tokens[0].text.lower() in ("dat", "dit") else 0  # "Dat zei de advocaat"
    start += start < len(tokens) and tokens[start].text.lower() in ("ook", "zelfs")
    end = subject_end(tokens, start, words, set())
    said = [t.text for t in tokens[start:end]]
    if not said or said[0].lower() not in ARTICLES:  # "Bij de optocht raakte een meisje gewond": after its verb
        span = subject_span(tokens, words)
        start, end = span if span is not None and span[0] > verb else (start, end)
        said = [t.text for t in tokens[start:end]]
    if len(said) > 1 and said[0].lower() == "een":  # "Een 9-jarig meisje uit Geleen raakte ...": "Het meisje"
        noun = next((t.text for t in tokens[start + 1:end] if t.tag.startswith("N|soort|ev")), "")
        said = [("Het" if noun.endswith(DIMINUTIVE) else "De"), noun] if noun.islower() else []
    if not 1 < len(said) <= DESCRIBED_REACH or said[0].lower() not in ("de", "het") or not said[1].islower() \
            or (start and end < len(tokens) and tokens[end].tag.startswith("WW")):
        return ""
    noun = said[1]
    person = noun in words.person_kind_words or noun in FEMALE | MALE or noun.endswith("-jarige") \
        or tokens[start + 1].tag in ("ADJ", "WW|vd")
    if not person or noun in (FEMALE if pronoun == "hij" else MALE):
        return ""
    return " ".join([said[0].capitalize()] + said[1:])


def described_subject(sentence: str, words: StoryWords) -> bool:
    """Whether the sentence's subject is a definite noun without a name in its head ("Het bedrijf", "Het
    ziekenhuis aan de Julianalaan"): a "het" after it goes on with that, never with a name said beside it."""
    said = subject_text(sentence, words).split()
    return len(said) > 1 and said[0].lower() in ("de", "het") and said[1].isalpha() \
        and all(w.islower() for w in said[1:])


def sole_person(earlier: list[str], people: Cast, words: StoryWords) -> str | None:
    """The one person the article named before, when it described no one else without a name there."""
    if any(SOMEONE.search(text) for text in earlier):
        return None
    named = {n for text in earlier for n, _ in people.names_in(text, words) if n in people.persons}
    whole = [n for n in named if len(n) > 2 and not any(o != n and o.endswith(" " + n) for o in named)]
    return whole[0] if len(whole) == 1 else None
