"""What to read: files as given, folders as their articles, `-` as standard input.

Only regular files are read (a FIFO would hang, /dev/zero would never end), at
most `max_bytes` each; the same file named twice (a folder and a file in it) is
read once. What cannot be read becomes an Input with its problem, so it is
skipped and named like any bad article.
"""

from __future__ import annotations

import array
import bisect
import os
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Callable, Iterable

from timeline.bounded import open_regular
from timeline.errors import ArticleError
from timeline.models import FILE_NAMES, OUTPUT_MARK, PARTITION, YEAR_FILE
from timeline.read.decode import clean

if TYPE_CHECKING:
    from timeline.read.entry import Entry

STDIN = "-"
MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is an error unless the user raises the limit
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".parquet")
OUTPUTS = frozenset(FILE_NAMES.values())


@dataclass(frozen=True, slots=True)  # slotted: the Input of every article is held while they are read
class Input:
    """One article to read: where it is, the name it goes by, its bytes if it came on
    stdin, and why it cannot be read (if so)."""

    path: Path
    name: str
    data: bytes | None = None
    problem: tuple[str, str] | None = None  # (problem, fix)
    max_bytes: int = MAX_BYTES
    kind: str = "text"  # "text", "html", "line" (one article of a JSON Lines file, its bytes in `data`), or
    # "memory" (an article held in memory, read as a text file with `entry` for its manifest entry)
    identity: str = ""  # what its event ids follow, where its file name is not enough (see `distinct`)
    entry: Entry | None = None  # what an article held in memory says of itself
    span: tuple[int, int] | None = None  # a line of a JSON Lines file: its first byte and its length


class Names(Sequence):
    """A folder's file names as one string, a NUL (which no file name holds) after each, and where each
    starts: some 20 bytes a name where a list of strings took some 70 (a folder of 300,000 articles
    held 14 MB more than one of 100,000 while they were read)."""

    __slots__ = ("text", "starts")

    def __init__(self, names: list[str]):
        self.text = "".join(name + "\0" for name in names)
        self.starts = array.array("q", [0]) * (len(names) + 1)
        for k, name in enumerate(names):
            self.starts[k + 1] = self.starts[k] + len(name) + 1

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        index = index + len(self) if index < 0 else index
        return self.text[self.starts[index]:self.starts[index + 1] - 1]


class Run:
    """Plain files of one folder, in order, held as their names: each Input is made when asked for
    (as `files` would have listed it; `expanded`: as `inputs` lists it, a web page marked as such)."""

    __slots__ = ("folder", "names", "max_bytes", "expanded")

    def __init__(self, folder: Path, names: list[str] | Names, max_bytes: int, expanded: bool = False):
        names = names if isinstance(names, Names) else Names(names)
        self.folder, self.names, self.max_bytes, self.expanded = folder, names, max_bytes, expanded

    def item(self, index: int) -> Input:
        path = self.folder / self.names[index]
        html = self.expanded and path.suffix.lower() in (".html", ".htm")
        return Input(path, str(path), max_bytes=self.max_bytes, kind="html" if html else "text")


class Listing(Sequence):
    """The articles to read, in order: runs of a folder's files (Run) and single Inputs. About 70
    bytes an article of a folder where a list of Inputs took about 700 (their paths and names)."""

    def __init__(self) -> None:
        self.parts: list[Run | Input] = []
        self.starts: list[int] = []  # the index of each part's first article
        self.count = 0
        self.told_apart: dict[int, Input] = {}  # articles given an identity by `distinct`

    def add(self, part: Run | Input) -> None:
        self.parts.append(part)
        self.starts.append(self.count)
        self.count += len(part.names) if isinstance(part, Run) else 1

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(self.count))]
        index = index + self.count if index < 0 else index
        if not 0 <= index < self.count:
            raise IndexError(index)
        if index in self.told_apart:
            return self.told_apart[index]
        k = bisect.bisect_right(self.starts, index) - 1
        part = self.parts[k]
        return part.item(index - self.starts[k]) if isinstance(part, Run) else part

    def __iter__(self) -> Iterator[Input]:
        for part, start in zip(self.parts, self.starts):
            if not isinstance(part, Run):
                yield self.told_apart.get(start, part)
                continue
            for n in range(len(part.names)):
                yield self.told_apart.get(start + n) or part.item(n)


def default_seeds() -> Path:
    """The bundled seed articles: the installed copy, else (an editable install) the project's seeds/."""
    from importlib import resources

    installed = Path(str(resources.files("timeline") / "seeds"))
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "seeds"


def inputs(paths: Iterable[str], read_stdin: Callable[[], bytes], max_bytes: int = MAX_BYTES) -> Listing:
    """Each article to read: the files, with a JSON Lines or Parquet file as one Input a line or row."""
    listed, found = files(paths, read_stdin, max_bytes), Listing()
    for part, start in zip(listed.parts, listed.starts):
        size = len(part.names) if isinstance(part, Run) else 1
        if isinstance(part, Run) and not any(start <= n < start + size for n in listed.told_apart):
            found.add(Run(part.folder, part.names, part.max_bytes, expanded=True))
            continue
        for n in range(start, start + size):
            for line in expanded(listed[n]):
                found.add(line)
    return found


def files(paths: Iterable[str | Input], read_stdin: Callable[[], bytes], max_bytes: int = MAX_BYTES) -> Listing:
    """Files as given; a folder means its articles, in name order; `-` is standard input; an Input
    (an article held in memory) is itself. Nothing is read yet (but standard input), so a file of
    many articles can be opened where its articles are worked on. No path at all means the seeds."""
    paths = list(paths)
    found = Listing()
    if not paths:
        seeds = default_seeds()
        for p in sorted(seeds.glob("*.txt")):
            found.add(Input(p, f"seeds/{p.name}", max_bytes=max_bytes))
        return found
    seen: set[int] = set()
    for raw in paths:
        if isinstance(raw, Input):
            found.add(raw)
            continue
        raw = os.fspath(raw)
        path = Path(raw)
        if raw == STDIN:
            found.add(Input(path, "<stdin>", read_stdin(), max_bytes=max_bytes))
        elif path.is_dir():
            folder(path, raw, seen, max_bytes, found)
        elif path.exists() or path.is_symlink():
            item = one(path, clean(raw), seen, max_bytes)
            if item is not None:
                found.add(item)
        else:
            raise ArticleError(raw, "no such file or folder", "check the path")
    return distinct(found)


def folder(path: Path, raw: str, seen: set[int], max_bytes: int, found: Listing) -> None:
    """A folder's articles, in name order: its plain files as a Run of names (a folder of a million
    articles is held as their names), a data set or a file that cannot be read as an Input."""
    names = [n for n in sorted(os.listdir(path)) if Path(n).suffix in SUFFIXES and not written_here(path / n)]
    if not names:
        raise ArticleError(raw, "the folder holds no article (.txt, .html, .jsonl, .parquet)",
                           "give a folder of articles or the files themselves")
    run: list[str] = []
    for name in names:
        p = path / name
        item = one(p, clean(str(p)), seen, max_bytes)
        if item is None:  # named before
            continue
        if item.problem or p.suffix.lower() in (".jsonl", ".parquet") or item.name != str(p):
            if run:
                found.add(Run(path, run, max_bytes))
            found.add(item)
            run = []
        else:
            run.append(name)
    if run:
        found.add(Run(path, run, max_bytes))


def distinct(found: Listing) -> Listing:
    """Event ids follow an article's file name, so that moving a folder keeps them. Files of one
    name in several folders (`a/index.html`, `b/index.html`) are told apart by as many of their
    folders as it takes (one folder's names are all distinct: nothing to tell apart)."""
    if len(found.parts) == 1 and isinstance(found.parts[0], Run):
        return found
    by_name: dict[str, list[int]] = {}
    for n, item in enumerate(found):
        if item.data is None or (item.kind == "memory" and item.path.name != STDIN):
            by_name.setdefault(unicodedata.normalize("NFC", item.path.name), []).append(n)
    for indexes in (group for group in by_name.values() if len(group) > 1):
        parts = [unicodedata.normalize("NFC", str(found[n].path.absolute())).split(os.sep) for n in indexes]
        depth = next((d for d in range(2, max(map(len, parts)) + 1)
                      if len({tuple(p[-d:]) for p in parts}) == len(parts)), 0)
        for n, p in zip(indexes, parts):
            found.told_apart[n] = replace(found[n], identity="/".join(p[-depth:]) if depth else "")
    return found


def written_here(path: Path) -> bool:
    """A file timeline wrote (a timeline or an extract's partition) in a folder it writes into: not an article."""
    return ((path.name in OUTPUTS or PARTITION.match(path.name) is not None or YEAR_FILE.match(path.name) is not None)
            and os.path.lexists(path.parent / OUTPUT_MARK))


def expanded(item: Input, span: tuple[int, int, int] | None = None) -> list[Input]:
    """A JSON Lines or Parquet file as one Input a line or row (of a JSON Lines file, those of the run
    of lines `span`, see read.lines); a web page marked as such; anything else as it is."""
    suffix = item.path.suffix.lower()
    if item.problem or item.kind == "memory" or (item.data is not None and item.name == "<stdin>"):
        return [item]
    if suffix in (".html", ".htm"):
        return [replace(item, kind="html")]
    if suffix not in (".jsonl", ".parquet"):
        return [item]
    from timeline.read.dataset import parquet_rows
    from timeline.read.lines import numbered

    try:
        if suffix == ".parquet":
            lines = parquet_rows(item.name, item.path, max_bytes=item.max_bytes)
        elif span is not None:  # a run of lines, read by a task: its lines in memory
            lines = [(name, line) for name, _, line in numbered(item.name, item.path, item.max_bytes, span)]
        else:  # each line read when it is worked on, as a file of a folder is: the export is never held
            return [Input(item.path, name, problem=(line.problem, line.fix)) if isinstance(line, ArticleError)
                    else replace(item, name=name, kind="line", span=(at, len(line)))
                    for name, at, line in numbered(item.name, item.path, item.max_bytes)]
    except ArticleError as error:
        return [Input(item.path, item.name, problem=(error.problem, error.fix))]
    except OSError as error:
        return [Input(item.path, item.name, problem=(f"cannot read the file ({error.strerror})",
                                                     "check the path and its permissions"))]
    return [row_input(item, name, line) for name, line in lines]


def row_input(item: Input, name: str, line) -> Input:
    """One line or row of a data set: its bytes, or (a row over the limit) the problem that names it."""
    if isinstance(line, ArticleError):
        return Input(item.path, name, problem=(line.problem, line.fix))
    return replace(item, name=name, data=line, kind="line")


def one(path: Path, name: str, seen: set[int], max_bytes: int) -> Input | None:
    """The article at `path`, None if it was named before, or an Input with its problem."""
    try:
        info = os.stat(path)
    except OSError as error:
        return Input(path, name, problem=(f"cannot read the file ({error.strerror})", "check the path and its permissions"))
    if not stat.S_ISREG(info.st_mode):
        return Input(path, name, problem=("not a regular file (a FIFO, device or socket)", "give a plain text file"))
    if (info.st_dev << 64 | info.st_ino) in seen:
        return None
    seen.add(info.st_dev << 64 | info.st_ino)
    return Input(path, name, max_bytes=max_bytes)


def read_bytes(item: Input) -> bytes:
    """The article's bytes, at most its limit; a larger file is an error that says how to raise it."""
    if item.problem:
        raise ArticleError(item.name, *item.problem)
    if item.data is not None:
        data = item.data
    else:
        try:
            with open_regular(item.path) as handle:  # replaced by a FIFO since it was listed: no hang
                if item.span is not None:
                    handle.seek(item.span[0])
                data = handle.read(item.max_bytes + 1 if item.span is None else min(item.span[1], item.max_bytes + 1))
        except OSError as error:
            raise ArticleError(item.name, f"cannot read the file ({error.strerror})", "check the path and its permissions") from None
    if len(data) > item.max_bytes:
        limit = item.max_bytes / 1024 / 1024
        raise ArticleError(item.name, f"the article is larger than {limit:g} MB", "raise the limit with --max-size MB")
    return data
