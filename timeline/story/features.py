"""What a sentence says, for telling whether two reports are the same fact:
the amounts with their units, the names, and the words for what happened."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal.grammar import at_word_start
from timeline.temporal.language import load

NUMBER = r"(?P<number>\d+(?:[.,]\d+)*)"
DIGIT = re.compile(r"[0-9]")
ANY_DIGIT = re.compile(r"\d")  # as NUMBER reads a digit
CAPITALISED = re.compile(r"[A-Z][\w-]+")
LONG_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ-]{6,}")
STEM = 7  # a long word's first letters stand for it: "exportbeperking" and "exportbeperkingen" share "exportb"
SHARED_TERMS = 3  # two dated reports that share this many stems at overlapping dates tell one fact


@dataclass(frozen=True, slots=True)
class Features:
    """Sets while matching; tuples while an archive's candidates wait (a tuple is a
    third of a frozenset's size), see `compact` and `known`."""

    amounts: frozenset[tuple[float, str]] | tuple  # (value, unit), e.g. (1e10, "USD")
    names: frozenset[str] | tuple  # capitalised words; only those known as names count (see `known`)
    words: frozenset[str] | tuple
    actor: frozenset[str] | tuple = ()  # the words of its subject's nouns and names, lower case ("musk", "groep")
    terms: frozenset[str] | tuple = ()  # the stems of its long words ("exportb", "chipmac"): what it is about

    def same_fact(self, other: "Features", ignore: frozenset[str], both_dated: bool) -> bool:
        """A shared name with a shared amount or event word; or, for two dated
        reports, a shared amount and event word. Never two reports whose actors differ:
        each has a subject, and it is not the case that each names the other's ("OpenAI sloot
        een deal met Broadcom" and "Broadcom sloot een deal met OpenAI" tell one fact)."""
        if not self.same_actor(other) and not self.acted_on(other):
            return False
        name = bool((self.names & other.names) - ignore)
        amount, word = bool(self.amounts & other.amounts), bool(self.words & other.words)
        about = bool(self.actor or other.actor) and len(plain(self.terms) & plain(other.terms)) >= SHARED_TERMS
        return (name and (amount or word)) or (both_dated and ((amount and word) or about))

    def acted_on(self, other: "Features") -> bool:
        """Whether one's subject is what the other's actor acted on ("De natuurvergunning werd verleend", "De provincie
        verleende de luchthaven een natuurvergunning"): its words are among the other's; the terms they share decide."""
        return {w[:STEM] for w in self.actor} <= set(other.terms) or {w[:STEM] for w in other.actor} <= set(self.terms)

    def same_actor(self, other: "Features") -> bool:
        if not self.actor or not other.actor or set(self.actor) & set(other.actor):
            return True
        if set(self.actor) <= set(other.words) or set(other.actor) <= set(self.words):
            return True  # "Het bod komt ...": the subject is the happening the other tells ("deden een bod")
        return bool({n.lower() for n in other.names} & set(self.actor) and {n.lower() for n in self.names} & set(other.actor))


@lru_cache(maxsize=None)
def amount_pattern(language: str) -> re.Pattern[str]:
    merge = load(language).merge
    scale = "|".join(sorted(map(re.escape, merge.multipliers), key=len, reverse=True))
    money = "|".join(sorted(map(re.escape, merge.currencies), key=len, reverse=True))
    return re.compile(
        rf"(?P<pre>{money})?\s?{NUMBER}\s*(?P<scale>{scale})?\s*(?P<unit>{money})?(?![\w])", re.IGNORECASE
    )


@lru_cache(maxsize=None)
def reach(language: str) -> int:
    """How far before its number an amount can start: the longest currency word and a space."""
    return max(map(len, load(language).merge.currencies), default=0) + 1


def parse_number(text: str) -> float | None:
    """Dutch notation: 9,74 is nine point seven four; 1.400 is fourteen hundred; None for a number no notation
    writes ("1.400.12", "3,5,1": a typo or a list), which is then no amount."""
    try:
        if "," in text:
            return float(text.replace(".", "").replace(",", "."))
        return float(text.replace(".", "")) if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) else float(text)
    except ValueError:
        return None


def amounts(text: str, language: str = "nl") -> frozenset[tuple[float, str]]:
    """Amounts of money and other scaled quantities ("10 miljard dollar", "$70 miljard")."""
    if not DIGIT.search(text):
        return frozenset()  # most sentences: no number, so no amount
    merge = load(language).merge
    found = set()
    start = max(0, ANY_DIGIT.search(text).start() - reach(language))  # no amount starts before its currency
    for match in amount_pattern(language).finditer(text, start):
        unit_word = match.group("unit") or match.group("pre")
        if not (match.group("scale") or unit_word):
            continue  # a bare number is no amount
        number = parse_number(match.group("number"))
        if number is None:
            continue
        value = number * merge.multipliers.get((match.group("scale") or "").lower(), 1)
        found.add((round(value, 2), merge.currencies.get((unit_word or "").lower(), "")))
    return frozenset(found)


@lru_cache(maxsize=None)
def event_word_pattern(language: str) -> re.Pattern[str]:
    """One regex for the event words, at word starts; a group per entry tells which one matched."""
    entries = [entry.lower() for entry in load(language).merge.event_words]
    branches = [
        f"(?P<w{i}>{re.escape(entry[:-1])}\\w*)" if entry.endswith("*") else f"(?P<w{i}>{re.escape(entry)})"
        for i, entry in enumerate(entries)
    ]
    return at_word_start(r"(?:" + "|".join(branches) + r")\b")


@lru_cache(maxsize=None)
def event_stems(language: str) -> tuple[str, ...]:
    return tuple(entry.lower().rstrip("*") for entry in load(language).merge.event_words)


def event_words(text: str, language: str = "nl") -> frozenset[str]:
    """The words for what happened, each as its entry says it (a stem without its *).
    Most sentences hold none of the stems: a substring test says so before the pattern runs."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, event_stems(language))):
        return frozenset()
    entries = load(language).merge.event_words
    return frozenset(
        entries[int(m.lastgroup[1:])].rstrip("*") for m in event_word_pattern(language).finditer(" " + lowered)
    )


def capitalised(text: str) -> frozenset[str]:
    return frozenset(map(sys.intern, CAPITALISED.findall(text)))


def known(features_: Features, names: frozenset[str]) -> Features:
    """As sets, with the capitalised words kept to names known in the story ("Amazons" counts as Amazon)."""
    found = {w[:-1] if w not in names and w.endswith("s") and w[:-1] in names else w for w in features_.names}
    return Features(frozenset(features_.amounts), frozenset(found & names), frozenset(features_.words),
                    frozenset(features_.actor), frozenset(features_.terms))


def features(text: str, language: str = "nl") -> Features:
    """What a sentence says, compact: tuples, to be matched after `known`."""
    return Features(
        tuple(sorted(amounts(text, language))), tuple(sorted(capitalised(text))), tuple(sorted(event_words(text, language))),
        (), terms(text, language),
    )


def terms(text: str, language: str = "nl") -> tuple[str, ...]:
    """The stems of the sentence's long words that are no common words of the language; a strong verb's past form
    stands for its infinitive ("besloot" for "besluiten", as "besluit" and "besluiten" say it); a participle stays
    itself, the shape of a deed done (tellings.same_deed)."""
    common, strong, kinds = common_words(language), strong_forms(language), family_of(language)
    lowered = text.lower()
    return tuple(sorted({strong.get(w, w)[:STEM] for w in LONG_WORD.findall(lowered) if w not in common}
                        | {kinds[w] for w in ANY_WORD.findall(lowered) if w in kinds}))


@lru_cache(maxsize=None)
def family_of(language: str) -> dict[str, str]:
    """Each word of a kind of happening ([merge.families]) with its kind's term ("dieven": "~diefstal"), a word no
    text holds, so that a kind is shared only by the words of that kind."""
    return {word: FAMILY + kind for kind, found in load(language).merge.families.items() for word in found}


FAMILY = "~"  # the mark of a kind's term among a report's stems
ANY_WORD = re.compile(r"\w+")


def plain(terms) -> set[str]:
    """A report's stems without the kinds of happening its words tell: what it is about, word for word."""
    return {t for t in terms if not t.startswith(FAMILY)}


def families(f: "Features") -> set[str]:
    """The kinds of happening a report's words tell (see family_of)."""
    return {t for t in f.terms if t.startswith(FAMILY)}


@lru_cache(maxsize=None)
def strong_forms(language: str) -> dict[str, str]:
    """A strong verb's past forms, also after a separable particle ("toewees"), each with its infinitive's stem;
    never a form that is also its participle ("besloten")."""
    lang = load(language)
    forms: dict[str, str] = {}
    for infinitive, (past, plural, participle) in lang.verbs.items():
        stem = infinitive[:-2] if infinitive.endswith("en") else infinitive
        for form in {past, plural} - {participle}:
            forms[form] = stem
            forms.update((particle + form, particle + stem) for particle in lang.story.particles)
    return {form: stem for form, stem in forms.items() if form != stem}


@lru_cache(maxsize=None)
def common_words(language: str) -> frozenset[str]:
    return frozenset(load(language).merge.common_words)


STATE = "@"  # an actor word that says which country's government acts ("@nederlands"): no word of the text


def state_words(f: Features) -> set[str]:
    """The actor words that name a country's government (see actors.state_of)."""
    return {w for w in f.actor if w.startswith(STATE)}


def actor_names(f: Features) -> set[str]:
    """The words of a report's subject that are names it writes ("tata", "steel"), lower case."""
    return {n.lower() for n in f.names} & set(f.actor)


def joined_features(a: Features, b: Features) -> Features:
    """What two sentences told as one event are about together, and who acts in them."""
    return Features(frozenset(a.amounts) | frozenset(b.amounts), frozenset(a.names) | frozenset(b.names),
                    frozenset(a.words) | frozenset(b.words), tuple(sorted({*a.actor, *b.actor})),
                    frozenset(a.terms) | frozenset(b.terms))
