"""timeline: turn Dutch news articles into a dated story.

    from timeline import extract, resolve
    resolve("begin december", reference=datetime.date(2025, 12, 17))

The functions load on first use, so `timeline --help` starts fast.
"""

__all__ = ["extract", "resolve"]


def __getattr__(name: str):
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("timeline.temporal.tagger"), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
