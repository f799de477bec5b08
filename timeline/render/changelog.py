"""The changes between two builds as a Markdown changelog (Keep a Changelog style).

The template gets ready values and words them; see templates/changelog.md.j2.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from timeline.models import Event, Timeline
from timeline.render.view import markdown_escape as escape
from timeline.render.view import source_name, source_text
from timeline.render.templating import render_template


@dataclass(frozen=True)
class Field:
    """One thing about an event that changed: its name, what it was and what it is."""

    name: str
    old: str
    new: str


@dataclass(frozen=True)
class Line:
    label: str
    text: str
    sources: str
    fields: tuple[Field, ...] = ()  # for a changed event: each field that changed, old and new


def line(event: Event) -> Line:
    sources = "; ".join(source_text(s) for s in event.sources)
    return Line(escape(event.date.label), escape(event.text), escape(sources))


def changed_fields(change) -> tuple[Field, ...]:
    """`change` is a story.diff.Change: each field a reader sees that changed, as old and new."""
    old, new = change.old, change.new
    found = []
    if (old.date.start, old.date.end, old.date.label) != (new.date.start, new.date.end, new.date.label):
        found.append(Field("datum preciezer" if change.more_precise else "datum", old.date.label, new.date.label))
    if old.headline != new.headline:
        found.append(Field("kop", old.headline, new.headline))
    if old.text != new.text:
        found.append(Field("tekst", old.text, new.text))
    if [s.path for s in old.sources] != [s.path for s in new.sources]:
        found.append(Field("bronnen", "; ".join(map(source_name, old.sources)), "; ".join(map(source_name, new.sources))))
    if old.expected != new.expected:
        found.append(Field("verwachting", "ja" if old.expected else "nee", "ja" if new.expected else "nee"))
    return tuple(found)


def changed_line(change) -> Line:
    new = change.new
    fields = tuple(Field(f.name, escape(f.old) or "(leeg)", escape(f.new) or "(leeg)") for f in changed_fields(change))
    return Line(escape(new.date.label), escape(new.text), escape("; ".join(source_text(s) for s in new.sources)), fields)


def render_changelog(old: Timeline, new: Timeline, changes, env: jinja2.Environment) -> str:
    return render_template(
        env, "changelog.md.j2",
        title=escape(new.title), old_count=len(old.events), new_count=len(new.events),
        added=[line(e) for e in changes.added],
        changed=[changed_line(c) for c in changes.changed],
        removed=[line(e) for e in changes.removed],
    )
