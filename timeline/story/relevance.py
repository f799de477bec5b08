"""How much an event matters to the story: it names the subject (or an alias), more
sources report it, it carries an amount, it names a counterpart.

With a subject, an event that neither names it nor ties to it (a resolved
reference counts) leaves the story; without one, relevance only ranks.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.models import Event, clean

SUBJECT_WEIGHT = 4


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject and its aliases as text may hold them: a name given on the command line with bytes
    that are no UTF-8 (--subject $'\\xff') or a control character is cleaned as article text is
    (models.clean), so it can be written in every output."""

    name: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean(self.name))
        object.__setattr__(self, "aliases", tuple(clean(alias) for alias in self.aliases))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def named_in(self, text: str) -> bool:
        """Whether the text names the subject: a whole name, not part of a longer word."""
        return any(_whole(text, name) for name in self.names)

    def touched_in(self, text: str) -> bool:
        """Whether the text names the subject or a name inside a subject said as a description: what an
        article about it names ("Ransomwareaanval op gemeente Hoogeveen": "Hoe Hoogeveen werd gehackt")."""
        return self.named_in(text) or any(_whole(text, name) for name in cores(self.names))


def cores(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names inside the subject's names that are descriptions (a word written small): each run of capitalised
    words, the first word of the description left out ("Sluiting kraamafdeling Streekziekenhuis Veenhorst":
    Streekziekenhuis Veenhorst; "stikstofzaak Nunspeet": Nunspeet). A name without a small word has none."""
    found = []
    for name in names:
        said = name.split()
        if len(said) < 2 or all(w[:1].isupper() for w in said):
            continue
        run: list[str] = []
        for k, word in enumerate(said + [""]):
            if k and word[:1].isupper():
                run.append(word)
            elif run:
                found.append(" ".join(run))
                run = []
    return tuple(dict.fromkeys(found))


def _whole(text: str, name: str) -> bool:
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum() or text[end:end + 2] in ("’s", "'s")):
            return True
        start = text.find(name, start + 1)
    return False


def score(event: Event, subject: Subject | None, amounts: bool, counterparts: int) -> int:
    named = subject is not None and subject.named_in(event.text + " " + event.headline)
    return SUBJECT_WEIGHT * named + (len(event.sources) - 1) * 2 + amounts + min(counterparts, 2)


def keep(events: list[Event], subject: Subject | None, key: int | None, belong: frozenset[str] | set[str] = frozenset()
         ) -> list[Event]:
    """With a subject, the events that name it or `belong` to it (told in an article about it, naming
    no other actor); with `key`, the N most relevant (earliest first on a tie)."""
    if subject is not None:
        events = [e for e in events if e.edited or e.id in belong or subject.named_in(e.text + " " + e.headline)]
    if key is not None:
        ranked = sorted(events, key=lambda e: (-e.relevance, e.date.start, e.id))[:key]
        chosen = {e.id for e in ranked}
        events = [e for e in events if e.id in chosen]
    return events
