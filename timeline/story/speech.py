"""Quoted speech in the story: headed as a news site heads a quote ("Schreinemacher: We hebben deze stap
genomen"), and no event when it is a memory or a view in the speaker's own words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from timeline.story.headlines import FIRST_SENTENCE, headline
from timeline.story.leads import FIRST_PERSON, QUOTES, spoken_in_first_person
from timeline.story.shorten import shortened
from timeline.story.syntax import has_main_verb, in_past
from timeline.story.words import NAME, StoryWords
from timeline.temporal.tense import QUOTE_CLOSE as CLOSING_QUOTE

if TYPE_CHECKING:
    from timeline.story.events import Told


def spoken(sentence: str, line: str, words: StoryWords, pronoun_of: Callable[[str], str | None] = lambda _: None) -> str:
    """Quoted speech with its speaker after it ("“We hebben deze stap genomen ...’’, aldus Schreinemacher") is
    headed as a news site heads a quote: "Schreinemacher: We hebben deze stap genomen", never by the frame alone;
    a speaker said as "hij" or "zij" by the name `pronoun_of` gives, never a place after it ("in Den Haag")."""
    said = words.speaker.search(sentence) if sentence[:1] in QUOTES else None
    if said is None:
        return line
    pronoun = PRONOUN.match(sentence, said.end())
    speaker = pronoun_of(pronoun.group(0)) if pronoun else None
    name = NAME.search(sentence, said.end()) if not pronoun else None
    role = ROLE.match(sentence, said.end())  # "zei de directeur": the role speaks when no name does
    if speaker is None and role and role.group(1) in words.person_kind_words and (name is None or name.start() > said.end() + 20):
        speaker = role.group(1).capitalize()
    if speaker is None and (name is None or name.start() > said.end() + 20):
        return line
    quote = FIRST_SENTENCE.split(sentence[1:said.start()].strip(" ,"), maxsplit=1)[0]
    if not has_main_verb(quote):
        return line
    return shortened(f"{speaker or name.group(0).split()[-1]}: {headline(quote, words)}", words)


PRONOUN = re.compile(r"(?:hij|zij|ze)\b")
ROLE = re.compile(r"\s*(?:(?:de|het)\s+)?([a-z][\w-]+)\b")


def remembered(item: "Told", dating) -> bool:
    """Speech in the first person dated inside the quote ("'Mijn grootvader heeft dit huis in 1931 gebouwd', zei
    Verhoeven", "'We begonnen in 2010 in een garage', zegt de oprichter"): a memory, a view or a plan in the speaker's
    words, no event; so is any quote that tells in the past what happened at a date inside it (the speaker's memory,
    not the news); a quote the frame dates ("'We gaan niet verhuizen', zei de topman donderdag") is that day's news."""
    if item.raw[:1] not in QUOTES:
        return False
    closing = CLOSING_QUOTE.search(item.raw, 1)  # none: the speech runs on into the next sentence
    end = closing.start() if closing is not None else len(item.raw)
    at = next((p.start for p in item.placed if p.expression is dating.expression), -1)
    return 0 <= at < end and (spoken_in_first_person(item.raw) or in_past(item.raw[1:end]))  # "'Er zit een deuk in
    # die er in april nog niet zat', zei hij", "'Mensen hebben in januari te horen gekregen ...": what the speaker saw


def first_person(sentence: str) -> bool:
    """Quoted speech in the first person ("“We hebben deze stap genomen ..."), with no speaker in the sentence
    to say who "we" are: a headline of it would not stand alone."""
    if sentence[:1] not in QUOTES:
        return False
    first = sentence[1:].split(" ", 1)[0].lower()
    return first in FIRST_PERSON and not any(q in sentence[1:] for q in "”’\"")
