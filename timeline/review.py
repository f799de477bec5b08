"""The review page: every event with why it has its date and what an editor should look at,
and the edits.toml lines that would drop or re-date it, ready to copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from timeline.build import Collector
from timeline.models import Event
from timeline.render.view import source_text
from timeline.story.events import Candidate
from timeline.story.merge import tellings
from timeline.story.relevance import Subject, keep

RULES = {
    "main": "de datum in de hoofdzin",
    "subordinate": "de enige datum, in een bijzin",
    "change-end": "het eind van een verandering (van … tot …)",
    "recent": "‘recent’, ‘onlangs’ of ‘eerder gesloten’: kort voor de publicatie",
    "present": "een cijfer van nu: de publicatiedatum",
    "lead": "de opening van het artikel: de publicatiedatum",
    "continues": "gaat verder op de zin ervoor (‘dit bod’, ‘daarop’): de datum van die zin",
}


@dataclass(frozen=True)
class Telling:
    source: str
    before: str  # the sentence up to the date phrase
    phrase: str  # the date phrase, highlighted
    after: str
    rule: str
    kind: str


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    value: str
    headline: str
    text: str
    relevance: int
    tellings: tuple[Telling, ...]
    flags: tuple[str, ...]
    drop: str
    redate: str


def telling(candidate: Candidate) -> Telling:
    why = candidate.why
    if why is None:
        return Telling(source_text(candidate.source), candidate.text, "", "", "", candidate.kind)
    sentence, at, phrase = " ".join(why.sentence.split()), why.at, why.phrase
    if at >= 0 and phrase:
        raw = why.sentence
        before, after = " ".join(raw[:at].split()), " ".join(raw[at + len(phrase):].split())
        return Telling(source_text(candidate.source), before + " ", " ".join(phrase.split()), " " + after,
                       RULES.get(why.rule, why.rule), candidate.kind)
    return Telling(source_text(candidate.source), sentence, "", "", RULES.get(why.rule, why.rule), candidate.kind)


def edges(escape: Callable[[str], str], text: str) -> str:
    """Escaped, keeping the space that joins it to the highlighted phrase."""
    core = escape(text.strip())
    return (" " if text[:1] == " " else "") + core + (" " if text[-1:] == " " else "") if core else text


def flags(event: Event, members: list[Candidate]) -> tuple[str, ...]:
    found = []
    if any(s.approximate for s in event.sources):
        found.append("geschatte publicatiedatum")
    if "[" in event.text:
        found.append("verwijzing opgelost: controleer de naam tussen haken")
    if any(m.why and m.why.dates > 1 for m in members):
        found.append("zin met meerdere datums")
    if len({m.source.path for m in members}) > 1:
        found.append(f"samengevoegd uit {len({m.source.path for m in members})} artikelen")
    if event.expected:
        found.append("verwachting, nog niet gebeurd")
    return tuple(found)


def review_items(collector: Collector, focus: Subject | None, escape: Callable[[str], str] = str) -> list[Item]:
    """The story's events (as the build would keep them) with their tellings and flags;
    `escape` makes the article's words safe for the format (the HTML template escapes itself)."""
    subject = focus.name if focus else (collector.names.most_common(1)[0][0] if collector.names else None)
    pairs = tellings(collector.candidates, subject, frozenset(collector.names), focus)
    kept = {e.id for e in keep([e for e, _ in pairs], focus, None)}
    items = []
    for event, members in sorted(pairs, key=lambda pair: (pair[0].date.start, pair[0].id)):
        if event.id not in kept:
            continue
        members = sorted(members, key=lambda m: (m.kind not in ("lead", "dated"), m.source.published))
        told = tuple(Telling(escape(t.source), edges(escape, t.before), escape(t.phrase), edges(escape, t.after), t.rule,
                             t.kind) for t in map(telling, members))
        items.append(Item(
            event.id, escape(event.date.label), event.date.value, escape(event.headline), escape(event.text),
            event.relevance, told, flags(event, members),
            f'["{event.id}"]\ndrop = true', f'["{event.id}"]\ndate = "{event.date.label}"',
        ))
    return items


def write_review(gather: Callable[[], Collector], paths, out: Path, fmt: str, subject: str | None, aliases,
                 language: str = "nl") -> tuple[list[Path], int]:
    """review.html (or review.md) in `out`; returns what was written and how many articles were skipped.
    `gather` reads the articles, once (standard input can be read only once)."""
    from timeline.build import story_subject
    from timeline.render.output import write_all
    from timeline.render.templating import make_environment, render_template
    from timeline.render.view import markdown_escape

    focus = story_subject(paths, subject, aliases)
    collector = gather()
    title = collector.title(None, language, focus)
    escape = markdown_escape if fmt == "md" else str
    items = review_items(collector, focus, escape)
    page = render_template(make_environment(None), f"review.{fmt}.j2", title=escape(title), items=items)
    key = "review" if fmt == "html" else "review-md"
    return write_all(out, {key: lambda: [page.encode("utf-8")]}), len(collector.skipped)
