"""What to read: files as given, folders as their articles, `-` as standard input.

Only regular files are read (a FIFO would hang, /dev/zero would never end), at
most `max_bytes` each; the same file named twice (a folder and a file in it) is
read once. What cannot be read becomes an Input with its problem, so it is
skipped and named like any bad article.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
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


def default_seeds() -> Path:
    """The bundled seed articles: the installed copy, else (an editable install) the project's seeds/."""
    from importlib import resources

    installed = Path(str(resources.files("timeline") / "seeds"))
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "seeds"


def inputs(paths: Iterable[str], read_stdin: Callable[[], bytes], max_bytes: int = MAX_BYTES) -> list[Input]:
    """Each article to read: the files, with a JSON Lines or Parquet file as one Input a line or row."""
    return [line for item in files(paths, read_stdin, max_bytes) for line in expanded(item)]


def files(paths: Iterable[str | Input], read_stdin: Callable[[], bytes], max_bytes: int = MAX_BYTES) -> list[Input]:
    """Files as given; a folder means its articles, in name order; `-` is standard input; an Input
    (an article held in memory) is itself. Nothing is read yet (but standard input), so a file of
    many articles can be opened where its articles are worked on. No path at all means the seeds."""
    paths = list(paths)
    if not paths:
        seeds = default_seeds()
        return [Input(p, f"seeds/{p.name}", max_bytes=max_bytes) for p in sorted(seeds.glob("*.txt"))]
    found: list[Input] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        if isinstance(raw, Input):
            found.append(raw)
            continue
        raw = os.fspath(raw)
        path = Path(raw)
        if raw == STDIN:
            found.append(Input(path, "<stdin>", read_stdin(), max_bytes=max_bytes))
        elif path.is_dir():
            articles = [p for p in sorted(path.iterdir()) if p.suffix in SUFFIXES and not written_here(p)]
            if not articles:
                raise ArticleError(raw, "the folder holds no article (.txt, .html, .jsonl, .parquet)",
                                   "give a folder of articles or the files themselves")
            found.extend(one(p, clean(str(p)), seen, max_bytes) for p in articles)
        elif path.exists() or path.is_symlink():
            found.append(one(path, clean(raw), seen, max_bytes))
        else:
            raise ArticleError(raw, "no such file or folder", "check the path")
    return distinct([item for item in found if item is not None])


def distinct(found: list[Input]) -> list[Input]:
    """Event ids follow an article's file name, so that moving a folder keeps them. Files of one
    name in several folders (`a/index.html`, `b/index.html`) are told apart by as many of their
    folders as it takes."""
    by_name: dict[str, list[int]] = {}
    for n, item in enumerate(found):
        if item.data is None or (item.kind == "memory" and item.path.name != STDIN):
            by_name.setdefault(unicodedata.normalize("NFC", item.path.name), []).append(n)
    found = list(found)
    for indexes in (group for group in by_name.values() if len(group) > 1):
        parts = [unicodedata.normalize("NFC", str(found[n].path.absolute())).split(os.sep) for n in indexes]
        depth = next((d for d in range(2, max(map(len, parts)) + 1)
                      if len({tuple(p[-d:]) for p in parts}) == len(parts)), 0)
        for n, p in zip(indexes, parts):
            found[n] = replace(found[n], identity="/".join(p[-depth:]) if depth else "")
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


def one(path: Path, name: str, seen: set, max_bytes: int) -> Input | None:
    """The article at `path`, None if it was named before, or an Input with its problem."""
    try:
        info = os.stat(path)
    except OSError as error:
        return Input(path, name, problem=(f"cannot read the file ({error.strerror})", "check the path and its permissions"))
    if not stat.S_ISREG(info.st_mode):
        return Input(path, name, problem=("not a regular file (a FIFO, device or socket)", "give a plain text file"))
    if (info.st_dev, info.st_ino) in seen:
        return None
    seen.add((info.st_dev, info.st_ino))
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
