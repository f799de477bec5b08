"""One editor's desk over a story: the articles read once, the story made again from them and
edits.toml after every change, and each change saved as `timeline build` saves a build.

A change is made on the version of edits.toml the page last read (a digest of its bytes). Under
the lock of the edits' folder (and of --out, when that is another folder) the desk reads the file
again: if another tab, another desk or a text editor changed it since, the change is refused as a
conflict and nothing is written. Otherwise the new text is read as edits, the story is made with
it (an edit the build cannot apply is refused, nothing written), and edits.toml and the outputs
are swapped in all or nothing (timeline.render.staging): edits.toml first, then the build with
timeline.json last. A desk killed at any moment leaves each whole, and the next lock puts back a
swap it left half done.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from timeline.bounded import EDITS, read_text
from timeline.build import Collector, last_build
from timeline.errors import ConfigError, DeskError, TimelineError, quoted
from timeline.models import Event, Timeline
from timeline.render.output import Options, producers, put_files
from timeline.render.staging import locked_folder
from timeline.story.diff import carry_sequences, compare, digests
from timeline.story.edits import KEY_RELEVANCE, Edits, parse_edits
from timeline.story.events import Candidate
from timeline.story.relevance import Subject
from timeline.desk import document


@dataclass(frozen=True)
class Settings:
    edits: Path  # the edits.toml the desk writes
    out: Path  # where the build goes
    formats: tuple[str, ...]
    focus: Subject | None
    title: str | None = None
    language: str = "nl"
    options: Options = Options()

    def __post_init__(self) -> None:
        """The edits are never one of the files the desk writes into --out (nor its lock or record);
        a link to them is followed (the desk writes the file it points to, the link stays)."""
        object.__setattr__(self, "edits", replaceable(self.edits))
        if self.edits.parent.resolve() == self.out.resolve() and written_in_out(self.edits.name):
            raise ConfigError(f"{self.edits}: the desk writes its own {self.edits.name} into --out {self.out}; "
                              "give the edits another name (edits.toml) or choose another --out")


def replaceable(edits: Path) -> Path:
    """The file the desk saves the edits in: `edits`, or the file it links to. The desk replaces it whole
    (a new file swapped in), so a file made read-only, or with a second name (a hard link, which the swap
    would part from it), or a link to nothing is a ConfigError naming it, raised before anything is written."""
    import os
    import stat

    if edits.is_symlink():
        target = Path(os.path.realpath(edits))
        if not target.exists():
            raise ConfigError(f"{edits}: a symbolic link to nothing ({target}); make the file it names, "
                              "or give --edits a file")
        edits = target
    try:
        info = os.stat(edits)
    except FileNotFoundError:
        return edits  # made by the first change
    except OSError as error:
        raise ConfigError(f"{edits}: cannot read the edits ({error.strerror}); give --edits another file") from None
    if stat.S_ISREG(info.st_mode) and not info.st_mode & stat.S_IWUSR:
        raise ConfigError(f"{edits}: read-only, and the desk saves each change in it; make it writable "
                          "(chmod u+w) or give --edits another file")
    if stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
        raise ConfigError(f"{edits}: has another name too (a hard link) that saving would part from it; "
                          "copy it to a file of its own or give --edits another file")
    return edits


def written_in_out(name: str) -> bool:
    from timeline.models import FILE_NAMES, OUTPUT_MARK, YEAR_FILE
    from timeline.render.owned import RECORD

    return name in FILE_NAMES.values() or name in (OUTPUT_MARK, RECORD) or YEAR_FILE.match(name) is not None


@dataclass(frozen=True)
class Built:
    """The story made from one text of edits.toml."""

    text: str
    version: str
    story: Timeline
    told: list[tuple[Event, list[Candidate]]]
    edits: Edits | None
    warnings: tuple[str, ...]


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Desk:
    def __init__(self, collector: Collector, settings: Settings, say: Callable[[str], None]):
        self.collector, self.settings, self.say = collector, settings, say
        self.guard = threading.Lock()  # one change at a time in this desk; the folder locks keep out the others
        self.history: list[tuple[str, str]] = []  # edits.toml before and after each change this desk made, for undo
        self.changes: list[dict] | None = None  # what the last change did to the story (None: no change yet)
        with self.locked():
            self.current = self.make(self.edits_text())
            self.write(self.current, edits_too=False)

    @contextlib.contextmanager
    def locked(self):
        """The lock of the edits' folder, then of --out when it is another folder (always in this order)."""
        folders = [self.settings.edits.parent]
        if self.settings.out.resolve() != self.settings.edits.parent.resolve():
            folders.append(self.settings.out)
        with contextlib.ExitStack() as stack:
            for folder in folders:
                stack.enter_context(locked_folder(folder, self.say))
            yield

    def edits_text(self) -> str:
        path = self.settings.edits
        if not path.exists():
            return ""
        return read_text(path, EDITS, "give a regular edits.toml of at most 16 MB", DeskError)

    def make(self, text: str) -> Built:
        """The story with the edits `text`; an edit the build cannot apply is a DeskError (422)."""
        s = self.settings
        warnings: list[str] = []
        try:
            edits = parse_edits(text, s.edits) if text.strip() else None
            story, told = self.collector.story(s.title, s.language, s.focus, None, edits, warnings.append)
        except TimelineError as error:
            raise DeskError(str(error), 422) from None
        story = carry_sequences(digests(last_build(s.out / "timeline.json", warnings.append)), story)
        return Built(text, version_of(text), story, told, edits, tuple(warnings))

    def write(self, built: Built, edits_too: bool = True) -> None:
        """edits.toml (if `edits_too`) and the build, each all or none; the caller holds the locks."""
        s = self.settings
        files = producers(built.story, list(s.formats), None, None, None, s.options)
        from timeline.models import FILE_NAMES

        outputs = {FILE_NAMES[fmt]: make for fmt, make in files.items()}
        edits = {s.edits.name: lambda: [built.text.encode("utf-8")]} if edits_too else {}
        if s.out.resolve() == s.edits.parent.resolve():
            put_files(s.out, {**edits, **outputs}, self.say, theirs=(s.edits.name,))
            return
        if edits:
            put_files(s.edits.parent, edits, self.say, theirs=(s.edits.name,))
        put_files(s.out, outputs, self.say)

    def change(self, request: document.Request, fields: Callable[[Built, object], dict | None]) -> Built:
        """Make one change and save it; `fields` checks the change against the story (a DeskError
        when it names no event there) and gives what an Add writes."""
        with self.guard, self.locked():
            text = self.edits_text()
            if request.version != version_of(text):
                raise DeskError(f"{self.settings.edits}: changed since this page read it (in another tab, another "
                                "desk or an editor); nothing was written: the page now shows the file as it is", 409)
            before = self.make(text) if version_of(text) != self.current.version else self.current
            change = request.change
            if isinstance(change, document.Undo):
                if not self.history:
                    raise DeskError("nothing to undo: this desk has made no change yet", 400)
                if self.history[-1][1] != text:
                    raise DeskError(f"{self.settings.edits}: changed elsewhere since this desk's last change; undoing "
                                    "it would overwrite that, so nothing was written", 409)
                new = self.history[-1][0]
            else:
                new = document.changed(text, change, fields(before, change))
            built = self.make(new)
            self.write(built)
            if isinstance(change, document.Undo):
                self.history.pop()
            else:
                self.history.append((text, new))
            self.changes = changes_of(before.story, built.story)
            self.current = built
            return built


def changes_of(old: Timeline, new: Timeline) -> list[dict]:
    """What a change did to the story, each changed field as old and new (as changelog.md shows),
    and a key moment marked or unmarked."""
    from timeline.render.changelog import changed_fields

    found = compare(old, new)
    line = lambda kind, e, fields: {"kind": kind, "id": e.id, "label": e.date.label,  # noqa: E731
                                    "headline": e.headline, "fields": fields}
    before = {e.id: e for e in old.events}
    changed = {c.new.id: [vars(f) for f in changed_fields(c)] for c in found.changed}
    for event in new.events:
        was = before.get(event.id)
        if was is not None and (was.relevance >= KEY_RELEVANCE) != (event.relevance >= KEY_RELEVANCE):
            changed.setdefault(event.id, []).append(
                {"name": "kernmoment", "old": "ja" if was.relevance >= KEY_RELEVANCE else "nee",
                 "new": "ja" if event.relevance >= KEY_RELEVANCE else "nee"})
    return ([line("toegevoegd", e, []) for e in found.added]
            + [line("gewijzigd", e, changed[e.id]) for e in new.events if e.id in changed]
            + [line("weggehaald", e, []) for e in found.removed])


def unknown(kind: str, key: str) -> DeskError:
    return DeskError(f"no {kind} {quoted(key)} in this story; reload the page", 404)
