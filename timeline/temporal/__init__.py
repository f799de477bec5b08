"""Finding and resolving date expressions: the tagger, its grammar and the language data.

Imports nothing of timeline but `timeline.models` and `timeline.errors`.
"""
