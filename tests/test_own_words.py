"""The test corpora hold only what we wrote: no phrase or sentence of another project's suite
(../shared/conformance: Duckling, dateparser, Recognizers-Text) is copied into tests/.

A text of ours (a corpus phrase or sentence, a string of a test module) counts as copied when,
lower-cased, with its spaces normalised and the punctuation around its words left out, it is equal
to a text of those suites, or one holds the other word for word (our phrase cut out of their
sentence, or their phrase inside our sentence).

Left out is the language's own vocabulary: a shared text of at most three words with no digit
("vorige week", "twee weken geleden", "over een week", "om drie uur", "begin volgende maand").
Those are how Dutch says a relative date, a closed set of a number word, a unit and a direction;
every Dutch date suite holds them, so a match says nothing about where a line came from, and
writing them differently would only avoid plain Dutch. A number (a day, an hour, a year: "17u10",
"Koningsdag 2014", "tot 11 uur") or a fourth word ("een jaar na kerst", "half vier 's middags") is
the writer's choice, and a match on it is a copy. A shorter text held inside a longer one counts
from three words ("3 maart" in a sentence of ours is a coincidence; "morgenochtend om 7" cut out
of their sentence is not).

`python tests/test_own_words.py` lists every overlap (`--all`: the vocabulary too).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
VOCABULARY = 3  # words: a shorter text without a digit is the language's, not a writer's
SHARED = ROOT.parent / "shared" / "conformance"
CORPUS = ROOT / "tests" / "corpus"
# Keys of a dateparser case that hold the case's text (the rest names its test, settings or check).
TEXT_KEYS = {"input", "args", "expected", "datetime_string", "string", "date_string", "text"}


def words(text: str) -> list[str]:
    """Lower-case words, without the punctuation around them ("'s" and "'90" keep theirs)."""
    return [w for w in (w.strip(".,;:!?\"()“”‘’") for w in text.casefold().split()) if w]


def norm(text: str) -> str:
    return " ".join(words(text))


def trivial(text: str) -> bool:
    """The language's vocabulary: at most three words and no digit."""
    return len(text.split()) <= VOCABULARY and not re.search(r"\d", text)


def pieces(text: str, longest: int = 1000) -> Iterator[str]:
    """Every run of three to `longest` words of a normalised text, shorter than the whole."""
    tokens = text.split()
    for n in range(3, min(len(tokens), longest + 1)):
        for i in range(len(tokens) - n + 1):
            yield " ".join(tokens[i : i + n])


def strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_KEYS:
                yield from strings(item) if key != "args" else strings(list(item.values()))


def theirs() -> dict[str, str]:
    """Every text of the shared suites (normalised) -> the file it comes from."""
    found: dict[str, str] = {}

    def add(text: str, name: str) -> None:
        if norm(text):
            found.setdefault(norm(text), name)

    for entry in json.loads((SHARED / "duckling_nl_time.json").read_text("utf-8")):
        for phrase in entry["phrases"]:
            add(phrase, "duckling_nl_time.json")
    for phrase in json.loads((SHARED / "duckling_nl_time_negative.json").read_text("utf-8"))["phrases_expected_no_time"]:
        add(phrase, "duckling_nl_time_negative.json")
    for entry in json.loads((SHARED / "dateparser_nl_cases.json").read_text("utf-8")):
        for text in strings(entry):
            if not re.fullmatch(r"[\d\-T:. ]+", text):  # an ISO moment is a value, not a text
                add(text, "dateparser_nl_cases.json")
    for name in ("recognizers_nl.txt", "recognizers_nl_negative.txt"):
        for text in corpus_texts(SHARED / name):
            add(text, name)
    return found


def corpus_texts(path: Path) -> Iterator[str]:
    """The texts of one corpus file: a phrase before `=>`, a sentence on its own line, the pieces
    of an event line (`context || text`), a narrative paragraph's sentences and phrases."""
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "@")):
            continue
        line = re.sub(r"\s*\(limit:.*\)\s*$", "", line)
        line = re.sub(r"^> ", "", line)
        text = line.split(" => ")[0]
        for piece in re.split(r"\|\||‖", text):
            yield piece
            if piece.count(". ") or piece.count("? "):  # the sentences of a paragraph too
                yield from re.split(r"(?<=[.?!])\s+", piece)


def module_texts(path: Path) -> Iterator[str]:
    """The string constants of a test module, and the lines and sentences of a longer one."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
            for line in node.value.splitlines() if "\n" in node.value.strip() else ():
                yield line
                yield from re.split(r"(?<=[.?!])\s+", line)


def ours() -> Iterator[tuple[str, str]]:
    """(where, text) for every text of our corpora and test modules."""
    for path in sorted(CORPUS.glob("*.txt")):
        for text in corpus_texts(path):
            yield f"tests/corpus/{path.name}", text
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name != Path(__file__).name:
            for text in module_texts(path):
                yield f"tests/{path.name}", text


def overlaps(include_trivial: bool = False) -> list[tuple[str, str, str, str]]:
    """(where, our text, their text, their file) for each of our texts that equals one of theirs,
    holds one of theirs or is held in one of theirs; the text both share is not the language's
    vocabulary (and, held in a longer one, has at least three words)."""
    shared = theirs()
    held = {piece: text for text in shared for piece in pieces(text)}
    longest = max(len(text.split()) for text in shared)
    found = []
    for where, text in ours():
        mine = norm(text)
        common = [(mine, mine)] if mine in shared else [(p, p) for p in pieces(mine, longest) if p in shared]
        common += [(mine, held[mine])] if mine in held else []
        for both, other in dict.fromkeys(common):
            if include_trivial or not trivial(both):
                found.append((where, text, other, shared[other]))
    return found


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/conformance is not beside the repository")
def test_no_corpus_text_is_a_phrase_or_sentence_of_another_projects_suite():
    found = overlaps()
    assert not found, "\n".join(f"{where}: {text!r} ~ {other!r} ({name})" for where, text, other, name in found)


if __name__ == "__main__":
    for where, text, other, name in overlaps(include_trivial="--all" in sys.argv):
        print(f"{where}\t{text}\t{other}\t{name}")
