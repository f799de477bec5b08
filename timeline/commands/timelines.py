"""`timeline diff` and `timeline schema`: what changed between two timeline.json files, and the
JSON Schema they follow."""

from __future__ import annotations

from pathlib import Path

from timeline.commands.expressions import to_json
from timeline.commands.telling import put


def print_changelog(old: str, new: str, templates: str | None) -> None:
    """What changed from `old` to `new` (timeline.json files) as a Markdown changelog on stdout."""
    from timeline.render.changelog import render_changelog
    from timeline.render.templating import make_environment
    from timeline.story.diff import compare, load_timeline

    env = make_environment(Path(templates) if templates else None)
    before, after = load_timeline(Path(old)), load_timeline(Path(new))
    put(render_changelog(before, after, compare(before, after), env), end="")


def print_schema() -> None:
    """The JSON Schema of timeline.json on stdout."""
    from timeline.models import Timeline

    put(to_json(Timeline.model_json_schema(mode="serialization"), indent=2))
