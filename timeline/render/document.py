"""Render a Timeline as Markdown, HTML (a page, a fragment, an embed) or JSON.

Markdown and HTML go through the Jinja templates, which receive the view of
`timeline.render.view`: every value ready to print.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

import jinja2

from timeline.models import Timeline
from timeline.render.templating import render_template, stream_template
from timeline.render.view import markdown_escape, view


@dataclass(frozen=True)
class Look:
    """How an HTML timeline shows: its colours, its top heading level, whether it has a title, and
    the address its calendar is served from (then it says how to subscribe)."""

    theme: str = "light"  # light, dark, or auto (the reader's system setting)
    heading_level: int | None = None  # the title's level; default 1 on a page, 2 in a fragment
    title: bool = True
    calendar: str = ""  # the http(s) address of timeline.ics, or empty


def render_markdown(timeline: Timeline, env: jinja2.Environment, calendar: str = "") -> str:
    """The timeline as GitHub-flavoured Markdown, every text escaped for Markdown; with the address
    of its calendar (`calendar`), how to subscribe."""
    return "".join(markdown_chunks(timeline, env, calendar))


def markdown_chunks(timeline: Timeline, env: jinja2.Environment, calendar: str = "") -> Iterator[str]:
    """The Markdown as Jinja generates it, piece by piece."""
    return stream_template(env, "timeline.md.j2", **view(timeline, markdown_escape, calendar))


def render_html(timeline: Timeline, env: jinja2.Environment, fragment: bool = False, look: Look = Look(),
                kind: str | None = None) -> str:
    """A self-contained HTML page; with `fragment` one scoped element to paste into an article;
    with kind "embed" a page for an iframe that tells its parent its height."""
    return "".join(html_chunks(timeline, env, fragment, look, kind))


def html_chunks(timeline: Timeline, env: jinja2.Environment, fragment: bool = False, look: Look = Look(),
                kind: str | None = None) -> Iterator[str]:
    """The HTML as Jinja generates it, piece by piece."""
    kind = kind or ("fragment" if fragment else "page")
    level = look.heading_level or (2 if kind == "fragment" else 1)
    root = "tl-" + hashlib.sha1(timeline.title.encode("utf-8", "replace")).hexdigest()[:8]
    return stream_template(
        env, "timeline.html.j2", fragment=kind == "fragment", embed=kind == "embed", level=level,
        show_title=look.title, theme=look.theme, root=root, **view(timeline, str, look.calendar),
    )


def render_snippet(timeline: Timeline, env: jinja2.Environment, height: int) -> str:
    """The lines to paste for the embed: an iframe of timeline.embed.html at a height that
    fits, grown by the page's own message once it has loaded (an inline script, nothing fetched)."""
    return render_template(env, "timeline.snippet.html.j2", title=timeline.title, height=height)


def render_json(timeline: Timeline) -> str:
    """The timeline in the models' own shape, as readable UTF-8 JSON."""
    return "".join(json_chunks(timeline))


def json_chunks(timeline: Timeline) -> Iterator[str]:
    """The JSON an event at a time (the same text as dumping the whole at once),
    so a large archive never holds every event as a dict or the file as one string."""
    yield f'{{\n  "title": {json.dumps(timeline.title, ensure_ascii=False)},\n  "events": '
    if not timeline.events:
        yield "[]\n}\n"
        return
    yield "[\n"
    for index, event in enumerate(timeline.events):
        dumped = json.dumps(event.model_dump(mode="json"), ensure_ascii=False, indent=2)
        yield ("" if index == 0 else ",\n") + textwrap.indent(dumped, "    ")
    yield "\n  ]\n}\n"


def jsonl_chunks(timeline: Timeline) -> Iterator[str]:
    """timeline.jsonl: one event a line, as timeline.json has it (the next build reads it line by line)."""
    for event in timeline.events:
        yield json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n"
