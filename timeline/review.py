"""The review page: every event with why it has its date and what an editor should look at,
the edits.toml lines that would drop or re-date it, ready to copy, and the sentences the story
left out, each with why. In Dutch throughout; the desk (timeline.desk) shows the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from timeline.build import Collector
from timeline.editing import date_phrase
from timeline.models import Event, EventDate, Source
from timeline.render.view import source_text
from timeline.story.events import Candidate, LeftOut, Why
from timeline.story.relevance import Subject

RULES = {
    "main": "de datum in de hoofdzin",
    "resumed": "de dag sinds wanneer een toestand weer geldt (‘is sinds 1 mei weer open’)",
    "subordinate": "de enige datum, in een bijzin",
    "change-end": "het eind van een verandering (van … tot …)",
    "recent": "‘recent’, ‘onlangs’ of ‘eerder gesloten’: kort voor de publicatie",
    "present": "een cijfer van nu: de publicatiedatum",
    "lead": "de opening van het artikel: de publicatiedatum",
    "continues": "gaat verder op de zin ervoor (‘dit bod’, ‘daarop’): de datum van die zin",
    "no date": "geen eigen datum: past bij een gedateerd bericht",
    "quoted": "geen eigen datum (die in de zin staat in een citaat): past bij een gedateerd bericht",
    "qualifier": "geen eigen datum (die in de zin hoort bij een naamwoord): past bij een gedateerd bericht",
    "bound": "geen eigen datum (die in de zin begrenst een toestand): past bij een gedateerd bericht",
    "base": "geen eigen datum (die in de zin is de basis van een vergelijking): past bij een gedateerd bericht",
    "relative": "geen eigen datum (die in de zin is achtergrond in een bijzin): past bij een gedateerd bericht",
    "recurring": "geen eigen datum (die in de zin is een gewoonte): past bij een gedateerd bericht",
    "topic": "geen eigen datum (de zin gaat over een jaar): past bij een gedateerd bericht",
}
# Why a sentence gave no event: the codes of story.leftout.left_reason, and what the story did with a telling.
REASONS = {
    "heading": "een tussenkop",
    "condition": "een voorwaarde of iets wat niet gebeurde (‘als …’)",
    "outlook": "een verwachting, geen gebeurtenis",
    "no-happening": "een datum, maar geen gebeurtenis: geen werkwoord van handeling, bedrag of woord voor wat er gebeurde",
    "recent": "‘recent’ of ‘onlangs’, maar zonder naam met een bedrag of woord voor wat er gebeurde",
    "no date": "geen datum, en geen naam met een bedrag of woord voor wat er gebeurde",
    "quoted": "de datum staat in een citaat",
    "qualifier": "de datum hoort bij een naamwoord (‘de omzet van 2025’)",
    "bound": "de datum begrenst een toestand (‘loopt tot 2032’, ‘sinds 2015’)",
    "base": "de datum is de basis van een vergelijking (‘tegenover … in 2025’, ‘sinds begin 2023’)",
    "relative": "de datum is achtergrond in een bijzin (‘dat in 2019 werd opgericht’)",
    "recurring": "een gewoonte (‘elk voorjaar’), geen gebeurtenis",
    "topic": "gaat over een jaar (‘2026 wordt een beslissend jaar’)",
    "mention": "een vermelding zonder eigen datum die bij geen gedateerd bericht past",
    "subject": "noemt het onderwerp van het verhaal niet",
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


@dataclass(frozen=True)
class Left:
    """A sentence or telling the story left out, with why, and what an edit needs to pull it in."""

    id: str  # the key of the edit that pulls it in
    source: str
    before: str
    phrase: str
    after: str
    reason: str
    kind: str  # "sentence" (gave no event), "mention" (fitted no dated report), "subject" (not the subject's)
    text: str  # as an event would tell it
    article: str  # the article's path
    date: str  # a phrase for its date, empty for the publication date


def telling(candidate: Candidate) -> Telling:
    why = candidate.why
    if why is None:
        return Telling(source_text(candidate.source), candidate.text, "", "", "", candidate.kind)
    before, phrase, after = highlight(why)
    return Telling(source_text(candidate.source), before, phrase, after, RULES.get(why.rule, why.rule), candidate.kind)


def highlight(why: Why) -> tuple[str, str, str]:
    """The sentence around its date phrase: before (with its space), the phrase, after."""
    sentence, at, phrase = " ".join(why.sentence.split()), why.at, why.phrase
    if at >= 0 and phrase:
        raw = why.sentence
        before, after = " ".join(raw[:at].split()), " ".join(raw[at + len(phrase):].split())
        return (before + " " if before else ""), " ".join(phrase.split()), (" " + after if after else "")
    return sentence, "", ""


def phrase_of(date: EventDate | None, source: Source) -> str:
    """The date phrase an added event gets: one that resolves to `date` (none: the publication)."""
    if date is None:
        return ""
    return date_phrase(Event(id="x", date=date, headline="", text="", sources=(source,)))


def left_items(collector: Collector, told: list[tuple[Event, list[Candidate]]], story_ids: set[str],
               set_aside: set[str] = frozenset()) -> list[Left]:
    """What the story left out: sentences that gave no event, mentions that fitted no dated report,
    and events dropped for not naming the subject (`set_aside`: events an edit dropped or merged)."""
    found = [left_sentence(item) for item in {item.id: item for item in collector.left_out}.values()]  # a pull quote once
    members = {m.id for _, group in told for m in group}
    found += [left_telling(c, c.id, "mention") for c in collector.candidates if c.id not in members]
    for event, group in told:
        if event.id not in story_ids and event.id not in set_aside:
            best = next((m for m in group if m.id == event.id), group[0])
            found.append(left_telling(best, event.id, "subject"))
    return found


def left_sentence(item: LeftOut) -> Left:
    before, phrase, after = highlight(item.why)
    return Left(item.id, source_text(item.source), before, phrase, after, REASONS.get(item.why.rule, item.why.rule),
                "sentence", item.text, item.source.path, phrase_of(item.date, item.source))


def left_telling(candidate: Candidate, key: str, kind: str) -> Left:
    before, phrase, after = highlight(candidate.why) if candidate.why else (candidate.text, "", "")
    date = phrase_of(candidate.date, candidate.source) if kind == "mention" else ""
    return Left(key, source_text(candidate.source), before, phrase, after, REASONS[kind], kind, candidate.text,
                candidate.source.path, date)


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


def review_items(collector: Collector, focus: Subject | None, escape: Callable[[str], str] = str,
                 language: str = "nl") -> tuple[list[Item], list[Left]]:
    """The story's events (as the build keeps them, before edits) with their tellings and flags, and
    what it left out; `escape` makes the article's words safe for the format (HTML escapes itself)."""
    story, pairs = collector.story(None, language, focus)
    kept = {e.id for e in story.events}
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
            f'["{event.id}"]\ndrop = true', f'["{event.id}"]\ndate = "{date_phrase(event, language)}"',
        ))
    left = [Left(item.id, escape(item.source), edges(escape, item.before), escape(item.phrase), edges(escape, item.after),
                 item.reason, item.kind, item.text, item.article, item.date)
            for item in left_items(collector, pairs, kept)]
    return items, left


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
    items, left = review_items(collector, focus, escape, language)
    page = render_template(make_environment(None), f"review.{fmt}.j2", title=escape(title), items=items, left=left)
    key = "review" if fmt == "html" else "review-md"
    return write_all(out, {key: lambda: [page.encode("utf-8")]}), len(collector.skipped)
