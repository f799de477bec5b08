"""What the desk's page shows, as JSON: every event with its tellings, the events an edit dropped,
the sentences left out with why, the calendar in two figures, and what the last change did; and
the checks that a change names what the story holds."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from timeline.desk import document
from timeline.desk.session import Built, Desk, unknown
from timeline.editing import date_phrase, edit_date
from timeline.errors import DeskError
from timeline.render.ics import placed
from timeline.render.view import source_text
from timeline.review import Left, flags, left_items, telling
from timeline.story.edits import KEY_RELEVANCE, merge_roots
from timeline.story.events import Candidate
from timeline.temporal.labels import day_label
from timeline.temporal.language import load


def members_of(built: Built) -> dict[str, list[Candidate]]:
    """Each event of the story with the tellings it holds, those of the events an edit merged into it too."""
    told = {event.id: members for event, members in built.told}
    found = {e.id: list(told.get(e.id, [])) for e in built.story.events}
    for merged, root in (merge_roots(built.edits) if built.edits else {}).items():
        if root in found and merged in told:
            found[root] += told[merged]
    return found


def dropped(built: Built) -> list[dict]:
    """The events an edit dropped, to bring back."""
    told = {event.id: event for event, _ in built.told}
    edits = built.edits.edits if built.edits else {}
    return [{"id": key, "label": told[key].date.label, "headline": told[key].headline}
            for key, edit in edits.items() if edit.drop and key in told]


def left_out(desk: Desk, built: Built) -> list[Left]:
    story = {e.id for e in built.story.events}
    edits = built.edits.edits if built.edits else {}
    aside = {key for key, edit in edits.items() if edit.drop} | set(merge_roots(built.edits) if built.edits else ())
    return [item for item in left_items(desk.collector, built.told, story, aside) if item.id not in story]


def event_view(event, members: list[Candidate], built: Built) -> dict:
    edit = built.edits.edits.get(event.id) if built.edits else None
    merged = [m for m in (edit.merge if edit else []) if m != event.id]
    return {
        "id": event.id, "label": event.date.label, "value": event.date.value, "headline": event.headline,
        "text": event.text, "sources": [source_text(s) for s in event.sources], "edited": event.edited,
        "key": event.relevance >= KEY_RELEVANCE, "expected": event.expected, "phrase": date_phrase(event),
        "flags": list(flags(event, members)), "merged": merged,
        "tellings": [{"id": m.id, **vars(telling(m))} for m in members],
    }


def calendar(built: Built, grain: str, language: str = "nl") -> dict:
    """How many entries the calendar holds, and its busiest day (all-day entries cover each day they span)."""
    entries = placed(built.story, grain)
    days: Counter = Counter()
    for event in entries:
        days.update(event.date.start + timedelta(days=n) for n in range((event.date.end - event.date.start).days))
    busiest = min(days.items(), key=lambda item: (-item[1], item[0])) if days else None
    labels = load(language).labels
    return {"entries": len(entries), "busiest": day_label(labels, busiest[0]) if busiest else "",
            "busiest_count": busiest[1] if busiest else 0}


def state(desk: Desk) -> dict:
    built = desk.current
    members = members_of(built)
    return {
        "version": built.version, "title": built.story.title, "edits": str(desk.settings.edits),
        "out": str(desk.settings.out),
        "events": [event_view(e, members[e.id], built) for e in built.story.events],
        "dropped": dropped(built), "left": [vars(item) for item in left_out(desk, built)],
        "calendar": calendar(built, desk.settings.options.calendar_grain, desk.settings.language),
        "changes": desk.changes or [], "acted": desk.changes is not None, "can_undo": bool(desk.history), "warnings": list(built.warnings),
    }


def resolve(desk: Desk, key: str, phrase: str) -> dict:
    """What a date phrase gives the event, before it is saved."""
    event = next((e for e in desk.current.story.events if e.id == key), None)
    if event is None:
        raise unknown("event", key)
    date = edit_date(phrase, event, desk.settings.language) if phrase.strip() else None
    if date is None:
        return {"label": "", "error": f"geen datum in ‘{phrase.strip()[:80]}’"}
    return {"label": date.label, "start": date.start.isoformat(), "end": date.end.isoformat(), "error": ""}


def checked(desk: Desk):
    """The check `Desk.change` runs on a change against the story it is made on."""

    def check(built: Built, change) -> dict | None:
        events = {e.id for e in built.story.events}
        if isinstance(change, (document.Redate, document.Rewrite, document.Key)) or (
                isinstance(change, document.Drop) and change.action == "drop"):
            need(change.id in events, "event", change.id)
        elif isinstance(change, document.Drop):
            need(change.id in {d["id"] for d in dropped(built)}, "dropped event", change.id)
        elif isinstance(change, document.Merge):
            need(change.id in events, "event", change.id)
            need(change.other in events, "event", change.other)
            if change.id == change.other:
                raise DeskError("an event cannot be merged into itself; choose another event", 400)
        elif isinstance(change, document.Split):
            need(change.id in events, "event", change.id)
            tellings = {m.id for m in members_of(built).get(change.id, [])}
            merged = {m for m, root in (merge_roots(built.edits) if built.edits else {}).items() if root == change.id}
            need(change.member in merged or (change.member in tellings and len(tellings) > 1), "telling", change.member)
        elif isinstance(change, document.Add):
            return added(desk, built, change.id)
        return None

    return check


def added(desk: Desk, built: Built, key: str) -> dict:
    """The fields of an Add: an event left out for its subject comes back as it is; a sentence or a
    mention becomes an event of its own, from its article, in its words, at its date."""
    item = next((i for i in left_out(desk, built) if i.id == key), None)
    if item is None:
        raise unknown("left-out sentence", key)
    if item.kind == "subject":
        return {"add": True}
    fields = {"add": True, "source": short_name(item.article, [s.path for s in desk.collector.sources]),
              "text": item.text}
    return {**fields, "date": item.date} if item.date else fields


def short_name(path: str, paths: list[str]) -> str:
    """The shortest end of `path` that names it alone among the articles read ("a.txt", "news/a.txt")."""
    parts = path.split("/")
    for n in range(1, len(parts) + 1):
        end = "/".join(parts[-n:])
        if sum(p == end or p.endswith("/" + end) for p in paths) == 1:
            return end
    return path


def need(found: bool, kind: str, key: str) -> None:
    if not found:
        raise unknown(kind, key)
