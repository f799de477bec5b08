"""An article's bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
Windows-1252 line by line (one stray Latin-1 byte spoils only its own line), and
without control characters (ESC, DEL, C1), which no output may carry."""

from __future__ import annotations

from timeline.errors import ArticleError
from timeline.models import clean  # what the readers of files import from here

BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def decode(path: str, data: bytes) -> str:
    for bom, codec in BOMS.items():
        if data.startswith(bom):
            try:
                return _checked(path, clean(data[2:].decode(codec)))
            except UnicodeDecodeError:
                raise ArticleError(path, "the text is not valid UTF-16", "save it as UTF-8") from None
    if not data.strip():
        raise ArticleError(path, "the file is empty", "give an article with text")
    if b"\x00" in data:
        raise ArticleError(path, "the file is binary, not text", "give a plain-text article")
    try:
        return _checked(path, clean(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        pass
    lines = [_line(line) for line in data.split(b"\n")]
    text = "\n".join(lines)
    if "\ufffd" in text or sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) // 100:
        raise ArticleError(path, "the text is neither UTF-8 nor Windows-1252", "save it as UTF-8")
    return _checked(path, clean(text))


def _line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def _checked(path: str, text: str) -> str:
    if not text.strip():
        raise ArticleError(path, "the file is empty", "give an article with text")
    return text
