"""What to read: files as given, folders as their articles, `-` as standard input."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from timeline.errors import ArticleError

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One article to read: where it is, the name it goes by, and its bytes if it came on stdin."""

    path: Path
    name: str
    data: bytes | None = None


def default_seeds() -> Path:
    """The bundled seed articles: the installed copy, else (an editable install) the project's seeds/."""
    installed = Path(str(resources.files("timeline") / "seeds"))
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "seeds"


def inputs(paths: Iterable[str], read_stdin: Callable[[], bytes]) -> list[Input]:
    """Files as given; a folder means its .txt articles, in name order; `-` is standard input."""
    found: list[Input] = []
    if not paths:
        seeds = default_seeds()
        return [Input(p, f"seeds/{p.name}") for p in sorted(seeds.glob("*.txt"))]
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            found.append(Input(path, "<stdin>", read_stdin()))
        elif path.is_dir():
            found.extend(Input(p, str(p)) for p in sorted(path.iterdir()) if p.suffix == ".txt" and p.is_file())
        elif path.is_file():
            found.append(Input(path, raw))
        else:
            raise ArticleError(raw, "no such file or folder", "check the path")
    return found
