"""What an article says by description, put in so that a headline stands alone: a group it counted before
("Beide dieren" after "twee pelikanen"), a person it described but never named ("Hij", "De man" after "de
44-jarige oprichter van ..."), and a person's relation ("Zijn partner": "De partner van Ronald Vos")."""

from __future__ import annotations

import re

from timeline.story.cast import Cast
from timeline.story.pronouns import plural_verb
from timeline.story.carried import carried_person
from timeline.story.antecedents import antecedent, gender_fits, small_title, split_title
from timeline.story.syntax import tagged_plain
from timeline.story.words import StoryWords
from timeline.story.subjects import name_end, phrase_end

GROUP = re.compile(r"(Beide|De|Die)\s+([a-z][\w'’-]+)(?=\s)")
THEY = re.compile(r"(Ze|Zij)(?=\s)")
YEAR = re.compile(r"(?:1[89]|20)\d\d")


def counted_group(sentence: str, before: list[str], words: StoryWords) -> str:
    """"Bij twee pelikanen is vogelgriep vastgesteld. Beide dieren zijn dinsdag gestorven": "De twee pelikanen
    zijn dinsdag gestorven"; "De politie hield drie verdachten aan. ... De verdachten worden ... voorgeleid":
    "De drie verdachten ...". The group counted in one of the two sentences before, the nearest first: one with
    the same noun, else (for a noun of any group, or "Beide" for a group of two) the last one counted."""
    found = GROUP.match(sentence) or THEY.match(sentence)
    if found is None or (found.re is THEY and not plural_verb(sentence)):
        return sentence
    noun, both = found.group(2).lower() if found.re is GROUP else "", found.group(1) == "Beide"
    for text in reversed(before[-2:]):
        tokens = tagged_plain(text)
        groups = counted(tokens)
        same = [g for g in groups if tokens[g[1]].text.lower() == noun]
        any_group = [g for g in groups if not both or tokens[g[0]].text.lower() in ("twee", "2")]
        if found.re is THEY or noun in words.group_nouns - words.any_group_nouns:  # "Ze werden ... opgepakt",
            # "De daders ...": a group
            any_group = [g for g in groups if people(tokens[g[1]].text.lower(), words)]  # of people, not things
        fitting = same or (any_group if both or not noun or noun in words.group_nouns else [])
        if fitting:
            first, head = fitting[-1]
            return f"De {text[tokens[first].start:tokens[head].end]}{sentence[found.end():]}"
    return sentence


def people(noun: str, words: StoryWords) -> bool:
    """A plural that names people: a group noun ("verdachten") or an age ("19-jarigen")."""
    return noun in words.group_nouns or noun.endswith("-jarigen")


def counted(tokens) -> list[tuple[int, int]]:
    """(number, noun) of each counted plural ("twee pelikanen", "drie zieke flamingo's"); no year, no "een"."""
    found = []
    for head, token in enumerate(tokens):
        first = head
        while token.tag.startswith("N|soort|mv") and first > 0 and tokens[first - 1].tag.startswith("ADJ"):
            first -= 1
        number = tokens[first - 1] if token.tag.startswith("N|soort|mv") and first > 0 else None
        if number is not None and number.tag.startswith("TW") and number.text.lower() not in ("een", "één") \
                and not YEAR.fullmatch(number.text):
            found.append((first - 1, head))
    return found


PERSON = re.compile(r"(Hij|Zij|De man|De vrouw|De verdachte)(?=\s)")
AGED = re.compile(r"\d+-jarige$")


def described_person(sentence: str, before: list[str], words: StoryWords) -> str:
    """"De politie heeft de 44-jarige oprichter van festival Duinvuur aangehouden. ... De man werd dinsdag
    opgepakt": a person the article describes and has not named (else the pronoun was named already) is told
    by that description, from one of the two sentences before, the nearest first: one with an age."""
    found = PERSON.match(sentence)
    if found is None or plural_verb(sentence):
        return sentence
    for text in reversed(before[-2:]):
        tokens = tagged_plain(text)
        aged = next((k for k, t in enumerate(tokens) if k and AGED.search(t.text) and tokens[k - 1].text.lower() == "de"), None)
        if aged is None:
            continue
        end = aged + 1
        if end < len(tokens) and tokens[end].text.islower() and tokens[end].tag.startswith(("N|", "WW|vd", "ADJ")):
            end += 1  # "de 33-jarige verdachte", "de 44-jarige oprichter"
        if end + 1 < len(tokens) and tokens[end].text == "van" and (whole := phrase_end(tokens, end + 1, set(), words)) > end + 1:
            end = whole  # "... van het geschrapte festival Duinvuur", with the name after its noun
            while end < len(tokens) and tokens[end].text[:1].isupper():
                end = max(end + 1, name_end(tokens, end, set()))  # "restaurant De Gouden Leeuw"
        return f"De {text[tokens[aged].start:tokens[end - 1].end]}{sentence[found.end():]}"
    return sentence


RELATION = re.compile(r"(Zijn|Haar)\s+([\w.,-]+)(?=\s)")


def relation_named(sentence: str, before: list[str], people: Cast, words: StoryWords) -> str:
    """"Zijn partner hoorde een werkstraf eisen": "De partner van Ronald Vos hoorde ...", the person the
    possessive is of (by its gender) named in one of the three sentences before."""
    found = RELATION.match(sentence)
    end = owned_plural(sentence) if found is not None and found.group(2) not in words.relation_nouns else None
    owned = end is None and found is not None and found.group(2) not in words.relation_nouns and owned_single(sentence)
    if found is None or (end is None and found.group(2) not in words.relation_nouns and not owned) \
            or sentence[found.end() + 1:found.end() + 2].isupper():
        return sentence  # "Haar voorganger Sybrand Buma": named where it stands
    pronoun = "hij" if found.group(1) == "Zijn" else "zij"
    name = antecedent(before, "person", people, words, pronoun=pronoun) \
        or carried_person(before, pronoun, people, words, gender_fits)  # "Hij werd ... Zijn partner": further back
    if name is None:
        return sentence
    if owned:  # "Zijn bedrijf werd in 2022 getroffen": "Gerrit Hendriks' bedrijf", whatever the noun's article
        return f"{genitive(split_title(name, words)[1])}{sentence[len(found.group(1)):]}"
    name = small_title(name, words)  # "Pluimveehouder Gerrit Hendriks" opened a sentence
    if end is not None:  # "Zijn 1.800 gevaccineerde hennen zijn getest": "De 1.800 ... hennen van Gerrit Hendriks"
        return f"De {sentence[len(found.group(1)) + 1:end]} van {name}{sentence[end:]}"
    return f"De {found.group(2)} van {name}{sentence[found.end():]}"


def owned_single(sentence: str) -> bool:
    """"Zijn bedrijf werd ...", "Haar oude programma startte": a possessive before a singular noun phrase."""
    tokens = tagged_plain(sentence[:100])
    k = 1
    while k < len(tokens) and tokens[k].tag.startswith("ADJ"):
        k += 1
    return len(tokens) > k and tokens[0].tag.startswith("VNW|bez") and tokens[k].tag.startswith("N|soort|ev")


def genitive(name: str) -> str:
    """"Hendriks'", "Jansens", "Anna's": the name as the owner before a noun."""
    if name.endswith(("s", "x", "z")):
        return name + "'"
    return name + ("'s" if name[-1:] in "aiouy" else "s")


def owned_plural(sentence: str) -> int | None:
    """Where the plural noun phrase after an opening possessive ends ("Zijn 1.800 gevaccineerde hennen"), by the
    tags; None when the possessive is no possessive ("Zijn de kippen getest?") or the phrase is no plural."""
    tokens = tagged_plain(sentence[:100])
    if len(tokens) < 3 or not tokens[0].tag.startswith("VNW|bez"):
        return None
    k = 1
    while k < len(tokens) and tokens[k].tag.startswith(("TW", "ADJ", "WW|vd")):
        k += 1
    return tokens[k].end if k < len(tokens) and tokens[k].tag.startswith("N|soort|mv") else None


BARE = re.compile(r"(De|Het)\s+([a-z][a-z]{2,})(?=\s)")
COMPOUND_MORE = 3  # letters a compound has at least in front of its head ("medezeggenschaps|raad", "water|kelder")


def compound_said(sentence: str, before: list[str]) -> str:
    """"... meldde de medezeggenschapsraad. De raad nam unaniem een motie aan": a bare noun that opens the sentence as
    its subject stands for the one compound with that head in the sentence before, which says which one ("De
    medezeggenschapsraad nam ..."); not when the sentence before says the noun itself or two such compounds."""
    found = BARE.match(sentence)
    if found is None or not before:
        return sentence
    tokens = tagged_plain(sentence[:80])
    if len(tokens) < 3 or not tokens[1].tag.startswith("N|soort") or not tokens[2].tag.startswith("WW|pv"):
        return sentence
    noun = found.group(2)
    said = {t.text for t in tagged_plain(before[-1]) if t.tag.startswith("N|soort") and t.text.islower()}
    compounds = {w for w in said if w.endswith(noun) and len(w) >= len(noun) + COMPOUND_MORE}
    if noun in said or len(compounds) != 1:
        return sentence
    return f"{found.group(1)} {compounds.pop()}{sentence[found.end():]}"


def described(sentence: str, before: list[str], people: Cast, words: StoryWords) -> str:
    """The sentence with its opening group, described person, relation or compound told in full (see above)."""
    if not before:
        return sentence
    sentence = compound_said(sentence, before)
    return relation_named(described_person(counted_group(sentence, before, words), before, words), before, people, words)
