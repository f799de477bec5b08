"""An article's bytes as text: UTF-8 (with or without BOM), else Windows-1252."""

from __future__ import annotations

from timeline.errors import ArticleError


def decode(path: str, data: bytes) -> str:
    if not data.strip():
        raise ArticleError(path, "the file is empty", "give an article with text")
    if b"\x00" in data:
        raise ArticleError(path, "the file is binary, not text", "give a plain-text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text or sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) // 100:
        raise ArticleError(path, "the text is neither UTF-8 nor Windows-1252", "save it as UTF-8")
    return text
