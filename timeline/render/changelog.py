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
class Line:
    label: str
    text: str
    sources: str
    old_label: str = ""  # set when the date changed
    more_precise: bool = False
    new_sources: tuple[str, ...] = ()
    old_text: str = ""  # set when the text changed


def line(event: Event) -> Line:
    sources = "; ".join(source_text(s) for s in event.sources)
    return Line(escape(event.date.label), escape(event.text), escape(sources))


def changed_line(change) -> Line:
    """`change` is a story.diff.Change: old and new event, more_precise, new_sources."""
    old, new = change.old, change.new
    return Line(
        escape(new.date.label), escape(new.text), escape("; ".join(source_text(s) for s in new.sources)),
        old_label=escape(old.date.label) if old.date != new.date else "",
        more_precise=change.more_precise,
        new_sources=tuple(escape(source_name(source)) for source in change.new_sources),
        old_text=escape(old.text) if old.text != new.text else "",
    )


def render_changelog(old: Timeline, new: Timeline, changes, env: jinja2.Environment) -> str:
    return render_template(
        env, "changelog.md.j2",
        title=escape(new.title), old_count=len(old.events), new_count=len(new.events),
        added=[line(e) for e in changes.added],
        changed=[changed_line(c) for c in changes.changed],
        removed=[line(e) for e in changes.removed],
    )
