"""The changes between two builds as a Markdown changelog (Keep a Changelog style)."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from timeline.diff import Changes
from timeline.models import Event, Timeline
from timeline.render import _markdown_escape as escape
from timeline.render import source_text
from timeline.templating import render_template


@dataclass(frozen=True)
class Line:
    label: str
    text: str
    sources: str
    notes: tuple[str, ...] = ()


def line(event: Event, notes: tuple[str, ...] = ()) -> Line:
    sources = "; ".join(source_text(s) for s in event.sources)
    return Line(escape(event.date.label), escape(event.text), escape(sources), notes)


def notes(change) -> tuple[str, ...]:
    found = []
    if change.old.date != change.new.date:
        word = "preciezer" if change.more_precise else "anders"
        found.append(f"datum {word}: {escape(change.old.date.label)} → {escape(change.new.date.label)}")
    found += [f"nieuwe bron: {escape(path)}" for path in change.new_sources]
    if change.old.text != change.new.text:
        found.append(f"tekst was: {escape(change.old.text)}")
    return tuple(found)


def render_changelog(old: Timeline, new: Timeline, changes: Changes, env: jinja2.Environment) -> str:
    return render_template(
        env, "changelog.md.j2",
        title=escape(new.title), old_count=len(old.events), new_count=len(new.events),
        added=[line(e) for e in changes.added],
        changed=[line(c.new, notes(c)) for c in changes.changed],
        removed=[line(e) for e in changes.removed],
    )
