"""Which name a reference stands for: the fitting name of the nearest sentence before that has one, by kind
("hij", "het bedrijf", "de verzekeraar"), gender and type."""

from __future__ import annotations

import re

from timeline.story.cast import Cast
from timeline.story.syntax import subject_text
from timeline.story.words import StoryWords

POSSESSIVE = re.compile(r"[’']s$")
CODE = re.compile(r"[A-Z]+\d+[A-Z]+\d*")  # "H5N1": a virus's code, never an organisation a reference names


def antecedent(
    before: list[str], kind: str, people: Cast, words: StoryWords, noun: str = "", salient: bool = False,
    pronoun: str = "", excluded: frozenset[str] = frozenset(),
) -> str | None:
    """The fitting name of the nearest sentence before that has one: the first there (a
    sentence's subject comes first), or one that the noun names ("de brouwer": Maasbrouwerij).
    "Het bedrijf" never stands for an institution, nor for a name of another type ("Omroep Horizon");
    "hij" never for a woman's first name, "zij" never for a man's."""
    pool = people.persons if kind == "person" else people.organisations
    typed = typed_as(noun, pool, people, words)
    if typed:  # "de verzekeraar": the article's name that came with that type, the nearest mention first
        near = [n for text in reversed(before[-3:]) for n, _ in people.names_in(text, words) if n in typed]
        return near[0] if near else max(sorted(typed), key=lambda n: people.counts[n])
    if noun and noun.endswith(words.institutions):
        return None  # "de rechtbank", "de gemeente": named only by a name that came with that word, never another
    holding = holding_noun(noun, pool, excluded, people, words) if kind == "organisation" else []
    if holding:  # "de bank": Ravenstein Bank, the article's name that holds the word, most named first; never
        said = " ".join(before[-3:])  # "Wet ter voorkoming ..." from the sentence before; on a tie, the last said
        return max(holding, key=lambda n: (named_often(n, people), said.rfind(n)))
    texts = [" ".join(before[-3:])] if salient else list(reversed(before[-3:]))
    for nearest, text in enumerate(texts):
        bare = [POSSESSIVE.sub("", n) for n, _ in people.names_in(text, words)]  # "OpenAI’s" is OpenAI
        allowed = [n for n in bare if n in pool and n not in excluded and not CODE.fullmatch(n)
                   and (len(n) > 2 or kind != "person" and n.isupper())
                   and (kind == "person" or not institution(n, people, words)) and (n not in people.places or noun.endswith(words.place_nouns))]
        if pronoun:  # "Joost Verhagen droeg de leiding over aan Lisa Bakker. Zij opende ...": Lisa Bakker
            allowed = [n for n in allowed if gender_fits(n, pronoun, words)]
        if kind == "place":  # a country or a town: no company or person of a type ("chipmaker Lumora")
            allowed = [n for n in allowed if not people.types.get(n)]
        fitting = [n for n in allowed if kind == "person" and not other_role(n, noun, people, words)
                   or kind != "person" and fits(n, noun, people, words)]
        if noun.endswith(words.generic_nouns):  # "het bedrijf": a name said with a company's type word first
            fitting.sort(key=lambda n: not people.types.get(n, "").endswith(words.organisation_nouns))
        named = [n for n in allowed if noun and noun[:5] in n.lower()]
        if noun.endswith(words.generic_nouns) and any(typed_organisation(n, people, words) for n in fitting):
            fitting = [n for n in fitting if typed_organisation(n, people, words)]  # "dat bedrijf": the chip maker,
            # not the country that is the sentence's subject
        said = subject_text(text, words) if fitting and not (salient or nearest) else ""  # read once, not once a name
        subject = [n for n in fitting if n in said] if said else []
        if noun.endswith(words.building_nouns):
            fitting = []  # "naar het ziekenhuis": a kind, unless a name came with the word (typed or named)
        loose = [n for n in allowed if not people.types.get(n, "").endswith(words.non_business + words.institutions)]
        # "de chipmaker": the "halfgeleiderfabrikant Siliconix"; "de club" never "stichting Zeeuws Fundament", "de
        # corporatie" never "gemeente Weert": a name of another kind
        chosen = named or subject or fitting or (loose if not noun.endswith(words.generic_nouns + words.building_nouns)
                                                 and kind != "person" and noun not in words.regulator_nouns
                                                 or not noun else [])
        if chosen:
            return max(chosen, key=lambda n: people.counts[n]) if salient else chosen[0]
    return None


def holding_noun(noun: str, pool: frozenset[str], excluded: frozenset[str], people: Cast,
                 words: StoryWords) -> list[str]:
    """The names of the article with a word that ends in the reference's noun ("Ravenstein Bank", "De Nederlandsche
    Bank" for "de bank"), in a fixed order; none for a short, generic or building noun, which a kind may be."""
    if len(noun) < 4 or noun.endswith(words.generic_nouns + words.building_nouns):
        return []
    return sorted(n for n in pool if n not in excluded and n not in people.places
                  and any(w.lower().endswith(noun) for w in n.split()) and n.lower() != noun)


def named_often(name: str, people: Cast) -> int:
    """How often the article names `name`, whole or by one of its words ("Ravenstein" for "Ravenstein Bank")."""
    parts = set(name.split())
    return people.counts[name] + sum(n for other, n in people.counts.items() if other in parts and other != name)


def gender_fits(name: str, pronoun: str, words: StoryWords) -> bool:
    """Whether a person's first name allows the pronoun: a name of neither list allows both."""
    first = name.split(" ", 1)[0].lower()
    first = first if first in words.first_names else first.split("-")[0]  # "Jan-Willem": Jan
    if pronoun == "hij":
        return first not in words.female_names
    return pronoun not in ("zij", "ze") or first not in words.male_names


def typed_as(noun: str, pool: frozenset[str], people: Cast, words: StoryWords) -> set[str]:
    """The names the article introduced with the reference's own noun ("zorgverzekeraar Zilveren Kruis" for "de
    verzekeraar"); none for a generic noun ("het bedrijf") or a noun no name came with."""
    if len(noun) < 4 or noun.endswith(words.generic_nouns):
        return set()
    institution = noun.endswith(words.institutions)  # "rechtbank Rotterdam" is no "bank"
    return {n for n, own in people.types.items() if n in pool and own and (own.endswith(noun) or noun.endswith(own))
            and (institution or not own.endswith(words.institutions))}


def typed_organisation(name: str, people: Cast, words: StoryWords) -> bool:
    return people.types.get(name, "").endswith(words.organisation_nouns)


def institution(name: str, people: Cast, words: StoryWords) -> bool:
    own = people.types.get(name, "")
    return name.lower().endswith(words.institutions) or own.endswith(words.institutions)


def other_role(name: str, noun: str, people: Cast, words: StoryWords) -> bool:
    """"De staatssecretaris" never names "gedeputeerde Egbert Bosma": a person the article gave another role."""
    own = people.types.get(name, "") or next((people.types[p] for p in people.persons if p.endswith(" " + name)
                                              and people.types.get(p)), "")  # "Verheije": burgemeester Annelies Verheije
    return bool(noun and own and noun in words.person_kind_words and own in words.person_kind_words and own != noun)


def fits(name: str, noun: str, people: Cast, words: StoryWords) -> bool:
    """A name introduced with a type ("Omroep Horizon") fits only a reference of that type."""
    own = people.types.get(name, "")
    if noun in words.regulator_nouns:  # a regulator by its name ("Autoriteit Persoonsgegevens", "ACM")
        return any(w == r or len(r) > 4 and w.endswith(r) for w in name.lower().split() for r in words.regulator_words)
    if not noun or not own:
        return True
    if noun.endswith(words.generic_nouns):  # "het bedrijf" is no game or product ("het spel Polderkoorts"),
        business = not noun.endswith(("organisatie", "groep"))  # "het staalbedrijf" no foundation
        return own.endswith(words.organisation_nouns + words.name_words) and not (business and own.endswith(words.non_business))
    return own.endswith(noun[-6:]) or noun.endswith(own[-6:])


def split_title(name: str, words: StoryWords) -> tuple[str, str]:
    """A title a name took in when it opened a sentence ("Pluimveehouder Gerrit Hendriks", "Curator Annelies
    Verhage"), and the person's name: ("Pluimveehouder", "Gerrit Hendriks"); ("", name) without one."""
    parts = name.split()
    if len(parts) > 2 and parts[1].lower() in words.first_names:
        return parts[0], " ".join(parts[1:])
    return "", name


def small_title(name: str, words: StoryWords) -> str:
    """The name with the title it opened a sentence with written small: "curator Annelies Verhage"."""
    title, person = split_title(name, words)
    return f"{title.lower()} {person}" if title else name
