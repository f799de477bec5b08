"""A definite reference inside a sentence named after it: "De capaciteit van het bedrijf steeg" → "... van het
bedrijf [OpenAI] steeg", never by what the clause's own subject names."""

from __future__ import annotations

import re

from timeline.story.cast import Cast
from timeline.story.antecedents import POSSESSIVE, antecedent
from timeline.story.references import ARTICLE_NOUN, NAME, epithet_pattern
from timeline.story.words import StoryWords

OWNER = re.compile(r"\s+van\s+[A-Z]")  # "het platform van Elon Musk": whose it is, said where it stands


def name_epithet(text: str, before: list[str], people: Cast, words: StoryWords) -> str:
    """"De capaciteit van het bedrijf steeg" → "... van het bedrijf [OpenAI] steeg": the first
    definite reference to an organisation inside a sentence, named after it."""
    found = epithet_pattern(words.organisation_nouns).search(text)
    if not found or found.start() == 0 or NAME.match(text, found.end() + 1) or found.group(0).split()[-1][:1].isupper():
        return text  # "de Omgevingsdienst Noordzeekanaalgebied", "het Rijksmuseum": named where it stands
    if text[:found.start()].rstrip().endswith(",") or OWNER.match(text, found.end()):
        return text  # "X (voorheen Twitter), het platform van Elon Musk": it says what X is, or whose it is
    noun = found.group(0).split()[-1].lower()
    if noun in words.seated:
        return text  # "kocht de grond van de gemeente": a seat's name inside a sentence says no more than the word
    name = antecedent(before + [text[: found.start()]], "organisation", people, words, noun, salient=True,
                      excluded=subject_names(text[: found.start()], people, words))
    return f"{text[: found.end()]} [{name}]{text[found.end():]}" if name else text


def subject_names(said: str, people: Cast, words: StoryWords) -> frozenset[str]:
    """The names what a sentence said before a reference stands for: those it writes, and those its opening
    description came with ("De inspectie gaf de keten ...": the inspectorate never is "de keten")."""
    said = said.rsplit(",", 1)[-1].strip()  # its own clause: "Toen OpenAI ..., verliet Musk het bedrijf [OpenAI]"
    written = {POSSESSIVE.sub("", n) for n, _ in people.names_in(said, words)}
    opening = ARTICLE_NOUN.match(said.lower())
    noun = opening.group(1) if opening else ""
    typed = {n for n, own in people.types.items() if noun and len(noun) > 3 and own.endswith(noun)}
    found = written | typed | {n for n in people.organisations if noun and len(noun) > 3 and noun in n.lower()}
    initials = {w[0] for n in found for w in n.split() if w[:1].isupper()}  # "IGJ" for "Inspectie Gezondheidszorg
    return frozenset(found | {n for n in people.organisations if n.isupper() and len(n) > 1 and set(n) <= initials})
    # en Jeugd", which the cast may hold as two names
