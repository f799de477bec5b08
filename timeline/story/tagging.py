"""The tags of a headline's text: each sentence is tagged about once, though a headline reads it a few times
over, cut and reordered (timeline.temporal.pos does the tagging)."""

from __future__ import annotations

import re
from collections import OrderedDict, deque
from collections.abc import Sequence

from timeline.temporal.pos import TOKEN, Token, clauses, tagged_spans

RECENT: deque[tuple[str, tuple[Token, ...], dict[str, str]]] = deque(maxlen=8)  # the texts last tagged, with their
# tokens and the tag of each of their words



def tagged_plain(text: str) -> tuple[Token, ...]:
    """The tags of a text whose names put in for pronouns ("[OpenAI]") read as names. A headline reads
    its sentence a few times over, cut and reordered: a text that is a stretch of one just tagged takes
    that one's tokens (tagged in their whole sentence), so each sentence is tagged about once."""
    plain = text.replace("[", " ").replace("]", " ")
    if plain in SEEN:
        SEEN.move_to_end(plain)
        return SEEN[plain]
    stretch = STRETCHES.get(plain) or stretch_of(plain)
    if stretch is not None:
        return stretch
    spans = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(plain)]  # as pos.tagged reads them
    found = retagged(spans) or as_names(spans, named_spans(text))
    tokens = tuple(Token(t.text, t.start, t.end, "WW|inf") if t.tag.startswith("WW|pv") and k and
                   found[k - 1].text.lower() == "te" else t for k, t in enumerate(found))  # "om ... aan te trekken"
    RECENT.append((plain, tokens, word_tags(tokens)))
    STRETCHES.clear()
    SEEN[plain] = tokens
    if len(SEEN) > SEEN_MAX:
        SEEN.popitem(last=False)
    return tokens


def clause_tagged(clause: str) -> tuple[Token, ...]:
    """The tags of a verb-final clause read as the subordinate clause it was ("[dat] Mohamed B. alleen wilde praten":
    "wilde" is its finite verb, never the adjective a main clause's tags would make of it); a stretch of a sentence
    just tagged keeps that sentence's tags."""
    plain = clause.replace("[", " ").replace("]", " ")
    if plain in SEEN or STRETCHES.get(plain) or stretch_of(plain):
        return tagged_plain(clause)
    found = tagged_plain(SUBORDINATOR + clause)
    shift = len(SUBORDINATOR)
    return tuple(Token(t.text, t.start - shift, t.end - shift, t.tag) for t in found[1:])


SUBORDINATOR = "dat "


def named_spans(text: str) -> list[tuple[int, int]]:
    """Where the names put in for pronouns stand ("[Hofstede] verkocht ...")."""
    return [(m.start(), m.end()) for m in NAMED.finditer(text)] if "[" in text else []


NAMED = re.compile(r"\[[^\[\]]+\]")
STAND_IN = "Amsterdam"  # a word the tagger knows only as a name


def as_names(spans: list[tuple[str, int, int]], named: list[tuple[int, int]]) -> list[Token]:
    """The tags of the words, a name put in read as a name ("[Hofstede] verkocht": never an adjective
    before a participle): each of its words is tagged as a stand-in name, and keeps its own text."""
    inside = [any(s <= start < e for s, e in named) for _, start, _ in spans]
    if not any(inside):
        return tagged_spans(spans)
    found = tagged_spans([(STAND_IN if k else w, a, b) for (w, a, b), k in zip(spans, inside)])
    return [Token(w, a, b, "N|eigen|ev" if k else t.tag) for (w, a, b), k, t in zip(spans, inside, found)]


def stretch_of(plain: str) -> tuple[Token, ...] | None:
    """The tokens of a stretch of a text just tagged (the most recent that holds it), offset to the stretch;
    kept in STRETCHES until RECENT changes, for what they are depends on RECENT alone."""
    for parent, tokens, _ in reversed(RECENT):
        at = parent.find(plain)
        if at >= 0 and plain.strip():
            inside = [t for t in tokens if at <= t.start and t.end <= at + len(plain)]
            if inside and inside[0].start == at + len(plain) - len(plain.lstrip()) and \
                    inside[-1].end == at + len(plain.rstrip()):
                STRETCHES[plain] = found = tuple(Token(t.text, t.start - at, t.end - at, t.tag) for t in inside)
                return found
    return None


STRETCHES: dict[str, tuple[Token, ...]] = {}  # the stretches read since RECENT last changed (a headline asks
# for the same cut of its sentence several times over)


def retagged(found: list[tuple[str, int, int]]) -> list[Token] | None:
    """A headline's reordering of a sentence just tagged ("OpenAI sloot een deal" from "Het voorbije jaar
    sloot OpenAI een deal"): its words (with their offsets) keep the tags they had in their sentence,
    where each had one tag; a sentence is passed over at its first word without one."""
    lowered = [word.lower() for word, _, _ in found]
    for _, _, known in reversed(RECENT):
        if found and all(map(known.get, lowered)):
            return [Token(word, start, end, known[low]) for (word, start, end), low in zip(found, lowered)]
    return None


def word_tags(tokens: tuple[Token, ...]) -> dict[str, str]:
    """Each word of a tagged text with its tag ("" for a word it tagged two ways)."""
    known: dict[str, str] = {}
    for t in tokens:
        if known.setdefault(t.text.lower(), t.tag) != t.tag:
            known[t.text.lower()] = ""
    return known


SEEN: OrderedDict[str, tuple[Token, ...]] = OrderedDict()  # the last texts tagged whole, by their text
SEEN_MAX = 512


def forget_texts() -> None:
    """Forget the texts tagged so far (RECENT, SEEN), before each article: a text is then tagged by its
    own article's sentences alone, never by another article's that this process happened to read
    before (a `--jobs` worker or a Dask worker reads other articles before it than `--jobs 1` does).
    VERBS and BY_TOKENS stay: what they give depends on their key alone."""
    RECENT.clear()
    SEEN.clear()
    STRETCHES.clear()


def main_verb(tokens: Sequence[Token]) -> int | None:
    """The finite verb of the first main clause that has one. A headline's checks ask it of the same
    tokens many times over (outlook, stance, subject, shortening): each word sequence is read once,
    and the tokens of a text tagged whole (kept in SEEN) are known by themselves."""
    same = BY_TOKENS.get(id(tokens))
    if same is not None and same[0] is tokens:
        return same[1]
    words, tags = tuple(t.text for t in tokens), tuple(t.tag for t in tokens)
    key = (words, tags)
    if key not in VERBS:
        if len(VERBS) >= VERBS_MAX:
            VERBS.clear()
        VERBS[key] = next((c.finite for c in clauses(list(words), list(tags)) if c.kind == "main" and c.finite is not None),
                          None)
    if isinstance(tokens, tuple):  # immutable (a tuple of frozen tokens): known by itself from now on
        if len(BY_TOKENS) >= VERBS_MAX:
            BY_TOKENS.clear()
        BY_TOKENS[id(tokens)] = (tokens, VERBS[key])  # the tokens are kept, so their id is not another's
    return VERBS[key]


VERBS: dict[tuple[tuple[str, ...], tuple[str, ...]], int | None] = {}  # the main verb of each word sequence
BY_TOKENS: dict[int, tuple[Sequence[Token], int | None]] = {}
VERBS_MAX = 4096
