"""The package keeps the shape the README draws: its parts import one way only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
BASE = {"timeline.models", "timeline.errors", "timeline.bounded"}  # bounded: the one reader of files besides articles
# What each part may import from timeline, besides itself.
ALLOWED = {
    "temporal": BASE,
    "read": BASE | {"timeline.temporal"},
    "story": BASE | {"timeline.temporal", "timeline.read"},
    "render": BASE | {"timeline.temporal"},
    "models": {"timeline.contract"},  # hands out the JSON contract's models on first use
    "contract": {"timeline.models"},
    "errors": set(),
    "bounded": {"timeline.errors"},
    "config": BASE,
    # The commands' bodies (cli.py checks the options and calls them): anything but cli.py above them.
    "commands": BASE | {f"timeline.{name}" for name in ("temporal", "read", "story", "render", "api", "build", "archive",
                                                        "config", "console", "desk", "evaluate", "review", "scoring",
                                                        "store", "stream")},
}
# Optional libraries (pip install 'timeline[dask]') and the only modules that may import them.
OPTIONAL = {"dask": {"timeline.archive"}, "distributed": {"timeline.archive"},
            "pyarrow": {"timeline.tasks", "timeline.read.dataset"},
            "starlette": {"timeline.desk.app", "timeline.commands.reviewing"},
            "uvicorn": {"timeline.desk.serve", "timeline.commands.reviewing"},
            "tomlkit": {"timeline.desk.document", "timeline.commands.reviewing"}}  # pip install 'timeline[desk]'; checked before the desk starts
CLOCK_CALLS = {"today", "now", "utcnow"}  # on date/datetime; and time.time(), time.localtime() ...
TIME_CALLS = {"time", "time_ns", "localtime", "gmtime", "monotonic", "perf_counter"}


def part_of(module: str) -> str:
    """`timeline.story.merge` belongs to the part `story`; `timeline.cli` is `cli`."""
    return module.split(".")[1] if module.count(".") else ""


def timeline_imports(source: str) -> list[tuple[int, str]]:
    """Every `timeline...` module a source imports, with its line (nested imports included)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("timeline")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("timeline") and not node.level:
            names = [f"{node.module}.{alias.name}" if node.module == "timeline" else node.module for alias in node.names]
            found += [(node.lineno, name) for name in names]
    return found


def violations(module: str, source: str) -> list[str]:
    """The imports of `module` that break the layout rules."""
    part = part_of(module)
    allowed = ALLOWED.get(part)
    bad = []
    for line, name in timeline_imports(source):
        if name == "timeline" or part_of(name) == part:
            continue
        if allowed is not None and not any(name == a or name.startswith(a + ".") for a in allowed):
            bad.append(f"{module}:{line} imports {name}")
    if part != "cli" and any(n.split(".")[0] == "click" for n in plain_imports(source)):
        bad.append(f"{module} imports click (only timeline.cli may)")
    for name in {n.split(".")[0] for n in plain_imports(source)} & OPTIONAL.keys():
        if module not in OPTIONAL[name]:
            bad.append(f"{module} imports {name} (only {', '.join(sorted(OPTIONAL[name]))} may: it is optional)")
    return bad


def plain_imports(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def clock_reads(source: str) -> list[int]:
    """Lines that call date.today(), datetime.now(), time.time() and the like."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = getattr(node.func.value, "id", getattr(node.func.value, "attr", ""))
        if node.func.attr in CLOCK_CALLS and owner in {"date", "datetime"}:
            found.append(node.lineno)
        elif node.func.attr in TIME_CALLS and owner == "time" and isinstance(node.func.value, ast.Name):
            found.append(node.lineno)
    return found


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found.append((".".join(p for p in parts if p != "__init__"), path))
    return found


@pytest.mark.parametrize("module, path", modules(), ids=[m for m, _ in modules()])
def test_each_module_imports_only_the_parts_below_it(module, path):
    assert violations(module, path.read_text("utf-8")) == []


@pytest.mark.parametrize("module, path", modules(), ids=[m for m, _ in modules()])
def test_only_the_cli_reads_the_clock(module, path):
    if module != "timeline.cli":
        assert clock_reads(path.read_text("utf-8")) == []


@pytest.mark.parametrize("module, forbidden", [
    ("timeline.temporal.tagger", "from timeline.story.events import Candidate"),
    ("timeline.temporal.labels", "from timeline.build import inputs"),
    ("timeline.render.ics", "from timeline.story import merge"),
    ("timeline.render.document", "from timeline.read.article import Article"),
    ("timeline.story.merge", "import timeline.render.output"),
    ("timeline.read.header", "from timeline.story.sentences import sentences"),
    ("timeline.models", "from timeline.temporal import periods"),
    ("timeline.story.events", "    import click"),
    ("timeline.render.output", "from timeline.archive import partitions"),
    ("timeline.story.merge", "import timeline.archive"),
    ("timeline.build", "    import distributed"),
    ("timeline.cli", "    import dask"),
    ("timeline.read.inputs", "    import pyarrow.parquet"),
    ("timeline.commands.building", "from timeline.cli import note"),
    ("timeline.commands.options", "    import click"),
])
def test_a_forbidden_import_is_caught(module, forbidden):
    source = f"def f():\n{forbidden if forbidden.startswith(' ') else '    ' + forbidden}\n"
    assert violations(module, source), f"{forbidden!r} in {module} should break the layout"


def test_a_part_may_import_what_lies_below_it():
    assert violations("timeline.story.events", "from timeline.temporal.tagger import extract\n") == []
    assert violations("timeline.render.ics", "from timeline.temporal.labels import day_label\n") == []
    assert violations("timeline.read.header", "from timeline.temporal import periods\n") == []


def test_a_clock_read_is_caught():
    assert clock_reads("import datetime as dt\nx = dt.date.today()\n") == [2]
    assert clock_reads("import time\nx = time.time()\n") == [2]
