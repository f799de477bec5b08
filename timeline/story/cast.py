"""The named actors of one article: its people and organisations, the type each came with, and its places.

A name is a run of capitalised words inside a sentence. It is a person's when
a title stands before it ("president Donald Trump"), when it is two or three
words whose last word the article also uses alone (Sam Altman ... Altman), or
when it is that last word; every other name is an organisation's, and a country or one the
article only writes after "in", "uit", "te" is a place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from timeline.story.syntax import tagged_plain
from timeline.story.timeless import WEEKDAY
from timeline.story.words import NAME, StoryWords

ARTICLES = ("de", "het")
LEADING = ARTICLES + ("the",)  # not part of a name that starts with it
PARTICLES = ("de", "van", "der", "den", "ten", "ter")
LOWER_WORD = re.compile(r"\b[a-z][\w-]*")
WORD_BEFORE_REVERSED = re.compile(r"\s+([\w-]+)")  # "([\w-]+)\s+$" read from the end: no scan from the start
ADJECTIVE_NEXT = re.compile(r"\s+[a-z]")
PEOPLE_OF = re.compile(r"\svan\s+([A-Z]\S*)$")
TYPED_PREFIX = re.compile(r"[\w-]+-[A-Za-z]+\s")
LISTED = re.compile(r"\s*(?:,|en|of)\s*")


@dataclass(frozen=True, slots=True)
class Cast:
    """The named actors of one article."""

    persons: frozenset[str]
    organisations: frozenset[str]
    known: frozenset[str]  # words the article capitalises inside sentences
    types: dict  # name -> the type word it came with ("softwarebedrijf"), where it had one
    counts: Counter  # how often the article names each
    runs: dict  # text -> its names_in, each text of the article read once
    places: frozenset[str] = frozenset()  # names the article writes only after "in", "uit", ...: places

    def names_in(self, text: str, words: StoryWords) -> list[tuple[str, str]]:
        found = self.runs.get(text)
        if found is None:
            found = self.runs[text] = names_in(text, self.known, words)
        return found


def name_words(sentences: list[str], words: StoryWords, runs: dict[str, list[re.Match[str]]] | None = None) -> frozenset[str]:
    """Words an article capitalises inside a sentence, and (lower case) the words it writes in
    lower case or that the language file lists: a sentence's first word is a name only if it is
    among the first, or stands before another name and is not among the second. `runs`: each
    sentence's NAME matches, where the caller found them already."""
    runs = runs or {text: list(NAME.finditer(text)) for text in sentences}
    capitalised = {  # not the first word after a quote that opens the sentence ("“Hiermee gaan we ...")
        word for text in sentences for m in runs[text] if text[:m.start()].strip("\"'“‘„«( ")
        for word in m.group(0).split() if word[:1].isupper()
    }
    lower = {w for text in sentences for w in LOWER_WORD.findall(text)}
    first = {p[0] for text in sentences for m in runs[text] if len(p := m.group(0).split()) > 1 and p[1][:1].isupper()}  # "Hofstede
    capitalised |= {w for w in first - capitalised if w.lower() not in lower and not lexicon_knows(w)}  # Vastgoed
    # moet ...", then "Hofstede laat ...": a name the language does not know as a word
    countries = {word for country in words.countries for word in country.split()}  # "Taiwan volgde."
    return frozenset(capitalised | lower | words.subordinators | words.fronted | countries)


def names_in(text: str, known: frozenset[str], words: StoryWords,
             runs: list[re.Match[str]] | None = None) -> list[tuple[str, str]]:
    """(name, type) for each capitalised run. At the sentence's start a word counts only if the
    article names it elsewhere. A leading article or type word ("Chemieconcern Norvia
    Chemicals", "de Zeeuwse Spaarbank") is not part of the name but its type; so is a
    lower-case type word right before it ("topman Erik Vos"). "Nijmeegse halfgeleiderfabrikant"
    is an adjective, not a name."""
    found, last_end = [], 0
    for match in NAME.finditer(text) if runs is None else runs:
        parts = match.group(0).split()
        window = text[max(0, match.start() - 60) : match.start()]  # a bounded look back keeps long texts linear
        at_start = match.start() == 0 or window.rstrip().endswith((".", "‘", "“", '"'))
        opening = ""
        if at_start and (len(parts) == 1 or parts[0] not in known and parts[0].lower() in known):
            bare = len(parts) == 1 and parts[0].lower() not in known and unknown_subject(parts[0], text, match.end(), words)
            opening, parts = ("", parts) if parts[0] in known or bare else (parts[0].lower(), parts[1:])
        elif at_start and len(parts) > 2 and parts[1] == "van" and parts[0] not in known and common_noun(text, parts[0]):
            parts = parts[2:]  # "Kassasoftware van Datakassa": a thing of a name
        before = WORD_BEFORE_REVERSED.match(window[::-1])
        type_word = before.group(1)[::-1].lower() if before else ""
        kind = type_word if before and is_type(type_word, words) else role_of_field(window, words) or apposed(window, words)
        of = OF_INSTITUTION.search(window)  # "het ministerie van Landbouw": Landbouw is the ministry, no firm
        kind = of.group(1).lower() if of and of.group(1).lower() in words.institutions and of.group(1).lower() in words.state_nouns else kind
        kind = opening if opening and parts and is_type(opening, words) else kind  # "Rederij Wadvaart kocht ..."
        led = opening in ARTICLES
        while parts:
            head = parts[0].lower()
            typed = is_type(head, words) and not (kind and len(parts) > 1 and head in words.first_names)
            # "Staatssecretaris Noor van Dalen": after a title, a first name ("Noor") is the name's, not a type
            if parts[0][:1].isupper() and head not in LEADING and not (len(parts) > 1 and typed):
                break
            if typed and (not at_start or led) and parts[0][:1].isupper() and head.endswith(words.organisation_nouns
                                                                                            + words.institutions):
                kind = head  # "de Omgevingsdienst Noordzeekanaalgebied", "de Raad van State": capitalised inside a
                break  # sentence, the type word is part of the name
            kind = head if typed else kind
            led = head in ARTICLES  # "De Omgevingsdienst ...": a capitalised type after an article is the name's
            parts = parts[1:]
        while len(parts) > 1 and (parts[-1].lower() in words.nationalities or parts[-1] in PARTICLES):
            parts = parts[:-1]  # "in Den Haag de Nederlandse regering": the adjective is the next noun's
        if len(parts) >= 4 and "van" in parts[2:]:  # "Erik Vos van Velora": a person of an organisation
            parts = parts[: parts.index("van", 2)]
        elif len(parts) >= 3 and parts[1] == "van" and parts[2].lower().endswith(words.organisation_nouns):
            owner, parts = (" ".join(parts[2:]), parts[2].lower()), parts[:1]  # "Bima van Dierenpark Hoogeveld": one
            found.append(owner)  # of an organisation named with its type, and that organisation
        name = " ".join(parts)
        if kind and len(parts) == 1 and name.lower() in words.part_names:
            name = f"{kind.capitalize()} {name}"  # "Waterbedrijf Zuid", never "Zuid"
        if not name or (len(parts) == 1 and (name.lower() in known or name.lower() in words.person_kind_words
                                             or name.lower() in NEVER_NAMES or WEEKDAY.fullmatch(name))) \
                or adjective(name, text, match.end(), words):  # "de Italiaan": a kind of person, no name
            continue
        if not kind and found and found[-1][1] and LISTED.fullmatch(text, last_end, match.start()):
            kind = found[-1][1]  # "de vakbonden FNV en CNV": the type of a list is each name's
        found.append((name, kind))
        last_end = match.end()
    return found


OF_INSTITUTION = re.compile(r"(\w+)\s+van\s+$")
APPOSED_ROLE = re.compile(r"(?:^|\s)[Dd]e\s+(?:\w+\s+)?([a-z][\w-]+)(?:\s+van\s+[^,]{1,40})?,\s+$")


def apposed(window: str, words: StoryWords) -> str:
    """The role a person's name follows as an apposition ("De advocaat van Vandamme, Thomas Vermeulen, ..."): the
    person noun, else nothing."""
    found = APPOSED_ROLE.search(window)
    return found.group(1) if found and found.group(1) in words.person_kind_words else ""
NEVER_NAMES = frozenset({"onze", "ons", "mijn", "wij", "we", "ik", "jullie", "jouw", "uw", "hun", "zijn", "haar"})  # a
# quote that opens on a pronoun ("“Onze kinderen ...”") names no one

NOT_A_FIELD = frozenset({"van", "voor", "bij", "uit", "over", "naar", "tegen", "met", "in", "op", "aan", "om", "en", "of",
                         "de", "het", "een", "namens", "zonder", "door", "als", "dat", "die"})
ROLE_AND_FIELD = re.compile(r"([a-z][\w-]+)\s+([a-z][\w-]+)\s+$")


def role_of_field(window: str, words: StoryWords) -> str:
    """"hoogleraar cardiologie Hendrik-Jan Wolters", "wethouder sport Ans Kok": a person's role said with its field
    before the name is the name's type ("hoogleraar"); "" for none."""
    found = ROLE_AND_FIELD.search(window)
    if found is None or found.group(1) not in words.person_kind_words or found.group(2) in NOT_A_FIELD \
            or found.group(2) in words.finite or not noun_or_unknown(found.group(2)):
        return ""  # "staatssecretaris van Landbouw", "Volgens een woordvoerder blijft Fluoron": no person
    return found.group(1) if not is_type(found.group(2), words) else ""


def unknown_subject(word: str, text: str, end: int, words: StoryWords) -> bool:
    """A sentence's first word that the language does not know, standing bare before its finite verb: a name
    ("Vitesse heeft trainer ... ontslagen"), though the article never writes it inside a sentence."""
    following = NEXT_WORD.match(text, end)
    if following and following.group(1).lower() in words.copulas and CAPITAL_NEXT.match(text, following.end()):
        return False  # "Initiatiefnemer is Jan-Willem Kodde": a role, the name after the copula
    if following and (following.group(1).lower().endswith("en") or following.group(1).lower() in ("zijn", "waren")) \
            and word.endswith(("ers", "en", "s")):
        return False  # "Huurders zijn boos", "Omwonenden hebben ...": a plural noun before its plural verb
    return bool(following) and following.group(1).lower() in words.finite and not lexicon_knows(word)


NEXT_WORD = re.compile(r"\s+([\w-]+)")
CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def noun_or_unknown(word: str) -> bool:
    """Whether the tagger's lexicon has the word as a common noun, or has it not at all."""
    from timeline.temporal.pos import loaded_model

    seen = loaded_model().lexicon.get(word, "")
    return not seen or "N|soort" in seen


def lexicon_knows(word: str) -> bool:
    from timeline.temporal.pos import loaded_model  # the tagger's model is loaded for the story already

    lexicon = loaded_model().lexicon
    return word in lexicon or word.lower() in lexicon


def person_after(name: str, kind: str, singles: set[str]) -> list[tuple[str, str]]:
    """"Huis van Afgevaardigden Michael McCaul": an organisation's name of two words or more run into a person's
    first name and surname, the surname one the article also writes alone, is two names."""
    parts = name.split()
    if len(parts) >= 4 and parts[-1] in singles and parts[-3] not in PARTICLES and parts[-2] not in PARTICLES \
            and parts[-2].isalpha() and parts[-2][:1].isupper() and not parts[-2].isupper():
        return [(" ".join(parts[:-2]), kind), (" ".join(parts[-2:]), "")]
    return [(name, kind)]


def common_noun(text: str, word: str) -> bool:
    """Whether the tagger reads the sentence's first word as a common noun (asked only of a name-like
    run that opens a sentence with "van" in it, so seldom)."""
    first = tagged_plain(text[: len(word) + 40])
    return bool(first) and first[0].text == word and first[0].tag.startswith("N|soort")


def is_type(word: str, words: StoryWords) -> bool:
    """A type word, also after "oud-" or "ex-" ("oud-voetballer", "ex-topman")."""
    if word.endswith(("en", "s")) and len(word) > 5 and (word[:-2] if word.endswith("en") else word[:-1]).endswith(
            words.type_words):
        return True  # "de vakbonden FNV en CNV", "de partijen"
    return word.endswith(words.type_words) or word.startswith(("oud-", "ex-")) and word[word.index("-") + 1:].endswith(
        words.type_words)


def adjective(name: str, text: str, end: int, words: StoryWords) -> bool:
    """"Nijmeegse halfgeleiderfabrikant", "Amerikaans congreslid": an adjective, no name."""
    following = NEXT_WORD.match(text, end)
    return " " not in name and (name.lower() in words.nationalities  # not before a verb: "Vitesse heeft ..."
                                or name.endswith(("se", "sche")) and bool(ADJECTIVE_NEXT.match(text, end))
                                and not (following and following.group(1) in words.finite))


def is_person(name: str, kind: str, words: StoryWords) -> bool:
    """A title or person noun before it, or a plain name of two or three words (particles allowed)."""
    if kind and kind.endswith(words.person_kinds):
        return True
    if kind:  # "fietsenmaker Jan Lubbers": a trade the lists do not know, before a first name and a surname
        parts = name.split()
        return len(parts) >= 2 and parts[0].lower() in words.first_names
    parts = [p for p in name.split() if p not in PARTICLES]
    plain = all(p.replace("-", "").isalpha() and p[:1].isupper() and not p.isupper() for p in parts[:1]) \
        and all(p.isalpha() and p[:1].isupper() and not p.isupper() for p in parts[1:])  # "Jan-Willem Kodde"
    typed = any(p.lower().endswith(words.name_words) or p.lower() in words.regulator_words for p in parts)  # never
    # "Autoriteit Persoonsgegevens", "Inspectie Leefomgeving": a body by its regulator's word
    return 2 <= len(parts) <= 3 and plain and not typed and not adjectival(parts[0].lower(), words) \
        and not only_a_word(parts[0], words)


def only_a_word(word: str, words: StoryWords) -> bool:
    """A capitalised word the tagger's lexicon knows, and only as no name, that is no first name: "Opsporing
    Verzocht" is a television programme, "Wet Bibob" a law, no person."""
    from timeline.temporal.pos import loaded_model

    seen = loaded_model().lexicon.get(word)
    return bool(seen) and "N|eigen" not in seen and word.lower() not in words.first_names


def adjectival(first: str, words: StoryWords) -> bool:
    """"Binnenlandse Zaken", "Tweede Kamer", "Zilveren Kruis": a name opened by an adjective is no person's."""
    return (first in words.name_adjectives or first in words.nationalities
            or len(first) >= 8 and first.endswith(("landse", "lijke", "ische", "sche", "aanse", "ese")))


def cast(sentences: list[str], words: StoryWords) -> Cast:
    runs = {text: list(NAME.finditer(text)) for text in sentences}  # read once, for the known words and the names
    known = name_words(sentences, words, runs)
    memo = {text: names_in(text, known, words, runs[text]) for text in sentences}
    singles = {name for found in memo.values() for name, _ in found if " " not in name}
    memo = {text: [part for name, kind in found for part in person_after(name, kind, singles)] for text, found in memo.items()}
    runs = [(name, kind, text) for text in sentences for name, kind in memo[text]]
    persons: set[str] = set()
    where: dict[str, bool] = {}  # name -> whether the article writes it only as a place
    singles = {name for name, _, _ in runs if " " not in name}
    firms = {name for name, kind, _ in runs if kind.endswith(words.organisation_nouns) and not kind.endswith(words.person_kinds)}
    for name, kind, text in runs:
        if name in firms:
            continue  # "modeketen Van Dalen", then "Van Dalen kampte ...": the firm, never a person
        if PEOPLE_OF.search(name) and name.split()[-1] in singles:
            continue  # "Critici van OpenAI": people of an organisation, not a person's name
        if TYPED_PREFIX.match(name) and is_type(name.split()[0].split("-")[-1].lower(), words):
            name = name.split(" ", 1)[1]  # "OpenAI-CEO Sam Altman"
            kind = "ceo"
        if is_person(name, kind, words) and name not in words.countries:
            where[name] = where[name] if name in where else placed(name, sentences, words)
            if not where[name]:
                persons.update({name, name.split()[-1]})
    names = {name for name, _, _ in runs}
    counts = Counter(name for name, _, _ in runs)
    types = {name: kind for name, kind, _ in runs if kind}
    return Cast(frozenset(persons), frozenset(names - persons), known, types, counts, memo,
                frozenset(n for n in names - persons if n in words.countries or placed(n, sentences, words)))


def placed(name: str, sentences: list[str], words: StoryWords) -> bool:
    """Whether every time the article writes `name` it follows a word of place ("in IJmuiden", "uit Veldhoven")."""
    seen = False
    for text in sentences:
        for w in words_before(name, text) if name in text else ():
            if w is None or w.lower() not in words.place_prepositions:
                return False  # once is enough: most names are read no further than their first sentence
            seen = True
    return seen


def words_before(name: str, text: str) -> list[str | None]:
    """The word before each time `text` writes `name` as a word of its own (None where no space stands before
    it), as a pattern of any word, spaces and the name reads them from the left. The name is found first and
    the word before it read back: that pattern tries every letter of the text as the start of the word before,
    which took most of `cast`'s time on the seeds. Where it reads a word of place, so does this."""
    found, last = [], 0
    for match in written(name).finditer(text):
        head = text[last:match.start()]
        bare = head.rstrip()
        found.append(bare.rsplit(None, 1)[-1] if bare and len(bare) < len(head) else None)
        last = match.end()
    return found


@lru_cache(maxsize=4096)
def written(name: str) -> re.Pattern[str]:
    """`name` as a word of its own (compiled once a name)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*")


def name_runs(texts) -> Counter:
    """The names of more than one capitalised word in these texts, counted."""
    return Counter(run for text in texts for run in CAPITALISED_RUN.findall(text) if " " in run)


def title_name(names: Counter, runs: Counter, words: StoryWords) -> str | None:
    """The name a story with no subject given is titled by: the one mentioned most, written whole (full_name),
    passing over a first name or a word of a closed class that stands alone ("Gerrit", "Twee" of a programme
    "Laat op Twee"); "De" of "De Nieuwe Vaart" stays, whole."""
    ranked = [(name, full_name(name, runs, words, names)) for name, _ in names.most_common(12)]
    fitting = [whole for name, whole in ranked if whole != name or not (
        name.lower() in words.first_names or common_word(name))]
    return (fitting or [whole for _, whole in ranked] or [None])[0]


def common_word(name: str) -> bool:
    """Whether a capitalised word is, in lower case, only a word of a closed class ("Twee": a numeral; "Op",
    "De"), never a name's ("Leiden", "Dalen" are verbs too, and names)."""
    from timeline.temporal.pos import loaded_model

    tags = loaded_model().lexicon.get(name.lower(), "") if name != name.lower() else ""
    return bool(tags) and all(t.startswith(CLOSED) for t in tags.split("/"))


CLOSED = ("TW", "LID", "VZ", "VG", "BW", "VNW", "TSW")


def full_name(word: str, runs: Counter, words: StoryWords, names: Counter) -> str:
    """The name a story's most mentioned word is written in most often, without a type word before it
    ("Zorgverzekeraar Zilveren Kruis", "PVV-leider Geert Wilders"): "Zilveren Kruis", "Geert Wilders"; a word
    capitalised only where a sentence starts ("Of OpenAI ...") is no part of it; an institution's or building's
    word is ("Universiteit Leiden")."""
    holding: Counter = Counter()
    for run, n in runs.items():
        parts = run.split(" ")
        while len(parts) > 1 and (is_type(parts[0].split("-")[-1].lower(), words) or parts[0] not in names) \
                and parts[0].lower() not in words.building_nouns + words.institutions:  # "Universiteit Leiden",
            parts = parts[1:]  # "Rechtbank Amsterdam": the kind is part of the name
        if word in parts and len(parts) > 1:
            holding[" ".join(parts)] += n
    return min(holding, key=lambda run: (-holding[run], len(run))) if holding else word

