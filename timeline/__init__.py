"""timeline: turn Dutch news articles into a dated story."""

from timeline.extract import extract, resolve

__all__ = ["extract", "resolve"]
