"""Who a sentence is about: names in an article, and the actor a pronoun or a
definite reference at a sentence's start stands for.

A name is a run of capitalised words inside a sentence. It is a person's when
a title stands before it ("president Donald Trump"), when it is two or three
words whose last word the article also uses alone (Sam Altman ... Altman), or
when it is that last word; every other name is an organisation's. "Hij" and
"de topman" take the most recent person, "het" and "het bedrijf" the most
recent organisation: in the nearest sentence before that names one, the first
such name (a sentence's subject comes first). A sentence that opens on a word
that leans on the one before ("Daarbij", "Dat") takes that sentence along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.story.words import NAME, StoryWords

ARTICLES = ("de", "het")
DETERMINERS = ("die", "dat", "dit", "deze")  # a pronoun before a verb ("Dat is"), a determiner before a noun


@dataclass(frozen=True, slots=True)
class Cast:
    """The named actors of one article."""

    persons: frozenset[str]
    organisations: frozenset[str]
    known: frozenset[str]  # words the article capitalises inside sentences


def name_words(sentences: list[str], words: StoryWords) -> frozenset[str]:
    """Words an article capitalises inside a sentence, and (lower case) the words it writes in
    lower case or that the language file lists: a sentence's first word is a name only if it is
    among the first, or stands before another name and is not among the second."""
    capitalised = {
        word for text in sentences for m in NAME.finditer(text) if m.start() > 0
        for word in m.group(0).split() if word[:1].isupper()
    }
    lower = {w for text in sentences for w in re.findall(r"\b[a-z][\w-]*", text)}
    return frozenset(capitalised | lower | words.subordinators | words.fronted)


def names_in(text: str, known: frozenset[str]) -> list[str]:
    """Capitalised runs; at the sentence's start a word counts only if the article names it elsewhere."""
    found = []
    for match in NAME.finditer(text):
        name = match.group(0)
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "‘", "“", '"')):
            parts = name.split()
            if len(parts) == 1 or parts[0] not in known and parts[0].lower() in known:
                parts = parts if parts[0] in known else parts[1:]
            while parts and not parts[0][:1].isupper():
                parts = parts[1:]
            name = " ".join(parts)
        if name and not (" " not in name and name.lower() in known):
            found.append(name)
    return found


def cast(sentences: list[str], words: StoryWords) -> Cast:
    known = name_words(sentences, words)
    runs = [(name, text) for text in sentences for name in names_in(text, known)]
    singles = {name for name, _ in runs if " " not in name}
    persons: set[str] = set()
    titles = "|".join(map(re.escape, words.person_titles))
    nouns = "|".join(map(re.escape, words.person_nouns))
    for name, text in runs:
        parts = name.split()
        titled = re.search(rf"(?:^|\s)(?:{titles})\s+{re.escape(name)}\b", text, re.I) or re.search(
            rf"{re.escape(name)},\s+(?:een|de)\s+(?:[\w-]+\s+)?(?:{nouns})\b", text, re.I)
        plain = all(part.isalpha() and part[:1].isupper() for part in parts)
        if re.match(rf"[\w-]+-(?:{titles})\s", name, re.I):  # "OpenAI-CEO Sam Altman"
            persons.update({name.split(" ", 1)[1], parts[-1]})
        if titled or (2 <= len(parts) <= 3 and plain and parts[-1] in singles):
            persons.update({name, parts[-1]})
    organisations = {name for name, _ in runs if name not in persons}
    return Cast(frozenset(persons), frozenset(organisations), known)


def antecedent(before: list[str], kind: str, people: Cast) -> str | None:
    """The first fitting name of the nearest sentence before that has one."""
    pool = people.persons if kind == "person" else people.organisations
    for text in reversed(before[-3:]):
        bare = [re.sub(r"[’']s$", "", n) for n in names_in(text, people.known)]  # "OpenAI’s" is OpenAI
        fitting = [n for n in bare if n in pool and len(n) > 2]
        if fitting:
            return fitting[0]
    return None


@dataclass(frozen=True, slots=True)
class Reference:
    start: int  # where the referring words stand in the sentence
    end: int
    kind: str  # "person", "organisation" or "leaning"


def opening_reference(text: str, words: StoryWords) -> Reference | None:
    """A pronoun or definite reference in subject place at the sentence's start:
    its first words, or right after the verb that follows a fronted adverbial."""
    lowered = text.lower()
    for opener in words.leaning:
        found = re.match(rf"{re.escape(opener)}\b\s*([\w-]*)", lowered)
        if found and (opener not in DETERMINERS or found.group(1) in words.finite or not found.group(1)):
            return Reference(0, len(opener), "leaning")
    for start in subject_places(text, words):
        found = reference_at(lowered, start, words)
        if found:
            return found
    return None


def subject_places(text: str, words: StoryWords) -> list[int]:
    """The sentence's start, and the word after its first finite verb (within six words)."""
    places = [0]
    for count, match in enumerate(re.finditer(r"[\w’'-]+", text)):
        if count > 6:
            break
        if count and match.group(0).lower() in words.finite:
            places.append(match.end() + 1)
            break
    return places


def reference_at(lowered: str, start: int, words: StoryWords) -> Reference | None:
    rest = lowered[start:]
    word = re.match(r"[\w-]+", rest)
    if not word:
        return None
    first = word.group(0)
    if first in words.person_pronouns:
        return Reference(start, start + len(first), "person")
    if first in ARTICLES:
        noun = re.match(r"(?:de|het)\s+([\w-]+)", rest)
        if noun and noun.group(1).endswith(words.person_nouns):
            return Reference(start, start + noun.end(), "person")
        if noun and noun.group(1).endswith(words.organisation_nouns):
            return Reference(start, start + noun.end(), "organisation")
    if first in DETERMINERS and start and pronoun_not_article(rest, words):
        return Reference(start, start + len(first), "leaning")  # "In 2025 zou die zijn opgelopen"
    if first in words.organisation_pronouns and pronoun_not_article(rest, words):
        return Reference(start, start + len(first), "organisation")
    return None


def pronoun_not_article(rest: str, words: StoryWords) -> bool:
    """"het" is a pronoun when a verb, an article or an adverb follows it, not a noun."""
    following = re.match(r"\w+\s+([\w-]+)", rest)
    if not following:
        return False
    nxt = following.group(1)
    return nxt in words.finite or nxt in {"een", "de", "het", "ook", "al", "nog", "niet", "zich", "zijn", "haar", "er", "daar", "nu"}


def resolve(text: str, before: list[str], people: Cast, words: StoryWords, subject_only: bool = False) -> tuple[str, str | None]:
    """The sentence told so that it stands alone, and the name it was resolved to (if any).

    "Eerder dit jaar sloot het een ronde af" → "[OpenAI] sloot eerder dit jaar een ronde af".
    """
    found = opening_reference(text, words)
    if found is None or (subject_only and (found.start or found.kind == "leaning")):
        return text, None
    if found.kind == "leaning":
        return (f"{before[-1]} {text}" if before else text), None
    name = antecedent(before, found.kind, people)
    if name is None:
        return text, None
    if found.start == 0:
        return f"[{name}]{text[found.end:]}", name
    fronted, verb = text[: found.start].rstrip().rsplit(" ", 1)
    rest = text[found.end :].lstrip()
    return f"[{name}] {verb} {lower_first(fronted)} {rest}".replace("  ", " "), name


def name_epithet(text: str, before: list[str], people: Cast, words: StoryWords) -> str:
    """"De capaciteit van het bedrijf steeg" → "... van het bedrijf [OpenAI] steeg": the first
    definite reference to an organisation inside a sentence, named after it."""
    nouns = "|".join(map(re.escape, words.organisation_nouns))
    found = re.search(rf"(?<=\s)(?:het|de)\s+[\w-]*(?:{nouns})\b(?!\s*\[)", text)
    if not found or found.start() == 0:
        return text
    name = antecedent(before + [text[: found.start()]], "organisation", people)
    return f"{text[: found.end()]} [{name}]{text[found.end():]}" if name else text


def lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    keep = any(c.isupper() for c in first[1:]) or first.isupper()
    return text if keep else text[:1].lower() + text[1:]
