"""Phrases and clauses read off the tags: noun phrases, prepositional phrases, clause bounds.

Spans are token indices, `end` exclusive. The rules are deliberately plain (no parser):

- a noun phrase is determiners (articles, possessive, demonstrative and other determiner
  pronouns), then modifiers (adjectives, numerals, participles, an adverb before one of those),
  then one or more nouns or names; a personal pronoun alone is a noun phrase too.
  `noun_phrases` also takes in a following "van" phrase ("de minister van Financiën");
- a prepositional phrase is a preposition and the noun phrase after it;
- a subordinate clause starts at a subordinating conjunction or a relative pronoun and ends
  after its finite verb and the verbs right after it ("dat hij had gezegd"), at a comma,
  semicolon, colon or bracket, or where the next subordinate clause starts. The rest is main clause.
"""

from __future__ import annotations

from dataclasses import dataclass

DETERMINERS = ("LID|", "VNW|bez", "VNW|aanw", "VNW|ander")
MODIFIERS = ("ADJ", "TW", "WW|vd", "WW|od")
NOMINAL = ("N|", "SPEC")
CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "–", "—"})


@dataclass(frozen=True, slots=True)
class Chunk:
    kind: str  # "NP" or "PP"
    start: int
    end: int  # exclusive
    head: int  # the head noun (for a PP: its noun phrase's head)


@dataclass(frozen=True, slots=True)
class Clause:
    kind: str  # "main" or "sub"
    start: int
    end: int  # exclusive
    finite: int | None  # the index of its finite verb, if it has one


def noun_phrase_at(tags: list[str], i: int) -> Chunk | None:
    """The base noun phrase that starts at token i, if one does."""
    j = i
    while j < len(tags) and tags[j].startswith(DETERMINERS):
        j += 1
    while j < len(tags) and (tags[j].startswith(MODIFIERS) or (tags[j] == "BW" and j + 1 < len(tags)
                                                                 and tags[j + 1].startswith(("ADJ", "TW")))):
        j += 1
    k = j
    while k < len(tags) and tags[k].startswith(NOMINAL):
        k += 1
    if k > j:
        return Chunk("NP", i, k, k - 1)
    if tags[i].startswith("VNW|pers"):
        return Chunk("NP", i, i + 1, i)
    return None


def chunks(tags: list[str]) -> list[Chunk]:
    """Base noun phrases and prepositional phrases, left to right, not overlapping."""
    found, i = [], 0
    while i < len(tags):
        if tags[i] == "VZ" and i + 1 < len(tags) and (np := noun_phrase_at(tags, i + 1)):
            found.append(Chunk("PP", i, np.end, np.head))
            i = np.end
        elif np := noun_phrase_at(tags, i):
            found.append(np)
            i = np.end
        else:
            i += 1
    return found


def noun_phrases(words: list[str], tags: list[str]) -> list[Chunk]:
    """Every noun phrase (those in prepositional phrases too), with any "van" phrases after it taken
    in: "de Franse minister van Financiën" is one, headed by "minister"."""
    found: list[Chunk] = []
    for chunk in chunks(tags):
        if chunk.kind == "PP" and words[chunk.start].lower() == "van" and found and found[-1].end == chunk.start:
            last = found[-1]
            found[-1] = Chunk("NP", last.start, chunk.end, last.head)
        else:
            found.append(Chunk("NP", chunk.start + (chunk.kind == "PP"), chunk.end, chunk.head))
    return found


def clauses(words: list[str], tags: list[str]) -> list[Clause]:
    """The sentence cut into main and subordinate stretches, in order."""
    found: list[Clause] = []
    start, kind, finite = 0, "main", None
    i = 0
    while i < len(tags):
        tag, word = tags[i], words[i]
        opens = tag in ("VG|onder", "VNW|betr") and i > start
        if opens or (word in CLAUSE_ENDS and tag == "LET"):
            end = i if opens else i + 1
            if end - start == 1 and not opens and found:  # a comma right after a clause's verbs ends that clause
                found[-1] = Clause(found[-1].kind, found[-1].start, end, found[-1].finite)
            else:
                found.append(Clause(kind, start, end, finite))
            start, kind, finite = end, "sub" if opens else "main", None
        elif tag.startswith("WW|pv") and finite is None:
            finite = i
            if kind == "sub":
                while i + 1 < len(tags) and tags[i + 1].startswith(("WW|inf", "WW|vd")):
                    i += 1
                found.append(Clause(kind, start, i + 1, finite))
                start, kind, finite = i + 1, "main", None
        elif tag in ("VG|onder", "VNW|betr"):
            kind = "sub"
        i += 1
    if start < len(tags):
        found.append(Clause(kind, start, len(tags), finite))
    return [c for c in found if c.end > c.start]
