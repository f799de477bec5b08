"""timeline: turn Dutch news articles into a dated story.

    from timeline import Article, build_story, render_story, resolve
    story = build_story([Article(text="...", published="2025-12-17", title="...")], subject="OpenAI")
    render_story(story, "md")
    resolve("begin december", reference=datetime.date(2025, 12, 17))

The names load on first use, so `timeline --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.api import Listener, Story, build_story, render_story, write_story
    from timeline.contract import Event, EventDate, Source, Timeline
    from timeline.errors import ArticleError, ConfigError, OutputError, TimelineError
    from timeline.read.given import Article
    from timeline.temporal.tagger import extract, resolve

WHERE = {
    "extract": "timeline.temporal.tagger", "resolve": "timeline.temporal.tagger",
    "build_story": "timeline.api", "render_story": "timeline.api", "write_story": "timeline.api", "Story": "timeline.api",
    "Listener": "timeline.api", "Article": "timeline.read.given",
    "Timeline": "timeline.models", "Event": "timeline.models", "EventDate": "timeline.models", "Source": "timeline.models",
    "TimelineError": "timeline.errors", "ArticleError": "timeline.errors", "ConfigError": "timeline.errors",
    "OutputError": "timeline.errors",
}
__all__ = list(WHERE)


def __getattr__(name: str):
    if name in WHERE:
        import importlib

        return getattr(importlib.import_module(WHERE[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
