"""A headline for an event: who did what, in the sentence's own words, at most 90 characters.

From the event's text: quoted speech, parentheticals and appositions go; a
framing clause ("Uit gelekte cijfers blijkt dat ...", "Hoewel ..., zeggen
insiders dat ...") goes; a fronted adverbial goes and the subject comes before
its verb ("Het voorbije jaar sloot OpenAI een deal" → "OpenAI sloot een
deal"); the verb of a verb-final clause comes after its subject; the clause
is cut where a clause that does not hold the happening begins. No word is
added that the text does not hold.
"""

from __future__ import annotations

import re

import datetime as dt

from timeline.read.header import past_dateline
from timeline.story.features import event_words
from timeline.story.syntax import (
    dangling_end, finite_form, tagged_plain, teller_said, verb_second, verb_tail, without_relative,
)
from timeline.story.syntax import subject_first as subject_first_by_tags
from timeline.story.words import NAME, WORD, StoryWords

QUOTE = re.compile(r"\s?[‘“\"]([^‘’“”\"]{1,300})[’”\"](?![\w])")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
DASHES = re.compile(r"\s[—–]\s[^—–]*?\s[—–](?=\s)")
APPOSITION = re.compile(r"((?:[A-Z][\w’'-]*|\]))\s*,\s(?:een|bekend|ooit|voorheen|dat|die)\b[^,]*,")
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“\[])")
# A named subject, with a companion: "Musk en een groep investeerders".
ACTOR = re.compile(
    r"(?:\[[^\]]+\]|" + NAME.pattern + r")(?:\s+en\s+(?:(?:een|de|het)\s+)?[\w-]+(?:\s+(?!een\b|de\b|het\b)[a-z][\w-]*)?)?"
)
SPANS_REFERENCE = dt.date(2000, 1, 1)


SUBJECT = re.compile(r"\[[^\]]+\]|(?:de|het|een|De|Het|Een)\s+[\w-]+(?:\s+\[[^\]]+\])?|[\w’'-]+")


def headline(text: str, words: StoryWords, title: str | None = None) -> str:
    """The event's headline; an article's title stands for its lead when it has one."""
    if title:
        head = title.split(": ")[0]
        return fit(head if len(head.split()) >= 3 else title, words)
    first = FIRST_SENTENCE.split(text, maxsplit=1)[0]
    plain = strip_asides(first)
    plain = happening_clause(plain, words) or main_clause(plain, words)
    short = without_relative(cut(plain, words), words)
    short = dangling_end(short, words) if short != plain else short
    whole = timeless(short, words)
    if whole.split(" ", 1)[0] != short.split(" ", 1)[0] and starts_on_verb(whole):  # a fronted time word went,
        # but nothing took its place: keep it
        whole = short
    return shortened(whole, words)


def shortened(whole: str, words: StoryWords) -> str:
    """The headline within its length: as it is; else without its dates (the timeline shows them); else
    cut at a word, keeping the verbs that end its clause."""
    fitted = fit(whole, words)
    if not cut_short(fitted, whole):
        return fitted
    undated = timeless(whole, words, every=True)
    if undated.split(" ", 1)[0] == whole.split(" ", 1)[0] or not starts_on_verb(undated):
        whole = undated  # not when the date stood where the subject goes ("Woensdag 29 oktober is ...")
    fitted = fit(whole, words)
    if cut_short(fitted, whole) and not fitted.endswith("…"):
        fitted = with_verbs(dangling_end(without_open_om(fitted), words), whole.rstrip(" ."), words)
    return fitted


def without_open_om(text: str) -> str:
    """A cut that leaves "om ..." without its "te" and verb ends before "om" ("een poging om kunstmatige
    intelligentie open-source" → "een poging")."""
    at = text.rfind(" om ")
    return text[:at] if at > 20 and " te " not in text[at:] else text


def cut_short(fitted: str, whole: str) -> bool:
    """Whether `fit` lost the end of the text (not only a middle part such as the start of a change)."""
    return not whole.rstrip(" .,;:").endswith(fitted.rstrip("…")[-12:])


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where the text says a date (its offsets only: any reference day serves)."""
    from timeline.temporal.tagger import extract

    return [e.offset for e in extract(text, SPANS_REFERENCE) if e.type in ("DATE", "TIME")]  # not a length


def with_verbs(cut_text: str, whole: str, words: StoryWords) -> str:
    """A headline cut for length keeps the verbs that end its clause ("zal ... de prijzen verhogen")."""
    tail = verb_tail(whole, words)
    if not tail or cut_text.endswith(tail) or not same_clause(whole[len(cut_text):len(whole) - len(tail)]):
        return cut_text
    if verb_tail(cut_text, words):  # "moet ... worden uitgewerkt": its own verbs already end it
        return cut_text
    if any(t.tag.startswith("WW|pv") for t in tagged_plain(tail)) and not awaits_verb(cut_text):
        return cut_text  # "kwamen ... en zijn gegroeid": a finite verb of another clause
    limit = words.headline_max - len(tail) - 1
    if len(cut_text) > limit:
        soft = [m.start() for m in words.headline_soft.finditer(cut_text, 30, limit + 1)]
        if not soft:
            return cut_text
        cut_text = dangling_end(cut_text[: soft[-1]], words)
    return f"{cut_text} {tail}"


def starts_on_verb(text: str) -> bool:
    first = tagged_plain(text[:40])
    return bool(first) and first[0].tag.startswith("WW|pv")


def awaits_verb(text: str) -> bool:
    """Whether the text ends inside a subordinate clause that has not had its finite verb yet ("dat ASML
    ook oudere machines niet meer ...")."""
    tokens = tagged_plain(text)
    opened = max((k for k, t in enumerate(tokens) if t.tag in ("VG|onder", "VNW|betr")), default=-1)
    return opened >= 0 and not any(t.tag.startswith("WW|pv") for t in tokens[opened + 1:])


def same_clause(middle: str) -> bool:
    """Whether the words between a cut and the verbs that end a clause belong to that clause (no other
    clause's verb, relative pronoun or conjunction stands between)."""
    return not any(t.tag.startswith(("WW", "VNW|betr", "VNW|aanw", "VG|onder")) or
                   t.text.lower() in (",", ";", ":", "te", "om", "maar") for t in tagged_plain(middle))


def timeless(text: str, words: StoryWords, every: bool = False) -> str:
    """Without the time words that do not stand alone: a date phrase with neither a figure nor a
    month ("dinsdag", "vorige week", "eerder dit jaar") and the words of `headline_relative`, each
    with a preposition before it ("op dinsdag")."""
    spans = [(s, e) for s, e in date_spans(text) if every or
             (not re.search(r"\d", text[s:e]) and not words.month_words & set(text[s:e].lower().split()))]
    spans += [m.span() for m in words.headline_relative.finditer(text)]
    for start, end in reversed(merged(spans)):
        before = re.search(r"(?:\b(?:op|in|sinds|vanaf|per)\s+)?$", text[:start])
        text = text[: before.start()].rstrip() + " " + text[end:].lstrip()
    return " ".join(text.replace(" ,", ",").split()).strip(" ,")


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one, in order."""
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]


def strip_asides(text: str) -> str:
    """Without quoted speech (a short quoted term stays), parentheses, dashes and appositions."""
    text = text[past_dateline(text, 0):]
    text = QUOTE.sub(lambda m: m.group(0) if len(m.group(1).split()) <= 3 else "", text)
    text = PARENTHESIS.sub("", text)
    text = DASHES.sub("", text)
    text = APPOSITION.sub(r"\1,", text)
    return " ".join(text.split())


def main_clause(text: str, words: StoryWords) -> str:
    """Subject first: drop a leading subordinate clause or frame, and undo inversion (by the tags;
    by the word lists where the tags find no finite verb with a subject)."""
    first = WORD.match(text)
    rest = text.split(",", 1)[1].strip() if first and first.group(0).lower() in words.subordinators and "," in text else text
    framed = frame_end(rest, words)
    if framed is not None:
        news = teller_said(rest[:framed], rest[framed:], words)
        return verb_second(news, words) or verb_after_subject(news, words)
    found = subject_first_by_tags(text, words, date_spans(text))
    return found if found is not None else subject_first(rest, words)


def frame_end(text: str, words: StoryWords) -> int | None:
    """Where the news starts after a frame whose verb is the sentence's first:
    "Uit gelekte cijfers blijkt dat ...", "zeggen insiders dat ..."."""
    verb = finite_verb(text, words)
    if verb is None or verb.group(0).lower() not in words.reporting:
        return None
    for count, later in enumerate(WORD.finditer(text, verb.end())):
        if count > 4:
            return None
        if later.group(0).lower() == "dat":
            return later.end() + 1
    return None


def happening_clause(text: str, words: StoryWords) -> str | None:
    """"X bereikte een hoogtepunt toen Musk een bod deed": a main clause with no happening
    of its own gives way to the "toen"/"waarbij" clause that holds one."""
    found = re.search(r"\b(?:toen|waarbij|waarin|nadat)\s", text)
    if not found:
        return None
    main, clause = text[: found.start()], text[found.end() :]
    if weight(clause, 0) <= weight(main, 1):
        return None
    return verb_second(clause, words) or verb_after_subject(clause, words)


def weight(text: str, skip: int) -> int:
    """How much of a happening a clause holds: an amount, named actors, words for what happened.
    `skip` 1 passes over a capital at the start (a sentence's first word)."""
    names = [m for m in NAME.finditer(text) if m.start() >= skip]
    return bool(re.search(r"\d", text)) + min(len(names), 2) + len(event_words(text))


def finite_verb(text: str, words: StoryWords, reach: int = 12) -> re.Match[str] | None:
    for count, match in enumerate(WORD.finditer(text)):
        if count >= reach:
            return None
        word = match.group(0).lower()
        if word in words.finite or word in words.reporting:
            return match
    return None


def subject_first(text: str, words: StoryWords) -> str:
    """"Het voorbije jaar sloot OpenAI een deal" → "OpenAI sloot een deal"."""
    verb = finite_verb(text, words)
    if verb is None or verb.start() == 0:
        return swap_after_verb(text, verb) if verb is not None else text
    fronted = text[: verb.start()].strip()
    opener = fronted.split()[0].lower()
    if opener not in words.fronted and not re.search(r"\d", fronted) and not fronted.lower().startswith(("het voorbije", "het afgelopen")):
        return text
    return swap_after_verb(text, verb)


def swap_after_verb(text: str, verb: re.Match[str]) -> str:
    """"sloot OpenAI een deal" → "OpenAI sloot een deal" (what stood before the verb goes)."""
    after = text[verb.end() :].lstrip(" ,")
    subject = ACTOR.match(after) or SUBJECT.match(after)
    if subject is None:
        return text
    return f"{subject.group(0)} {verb.group(0)} {after[subject.end():].lstrip(' ,')}".strip()


def verb_after_subject(clause: str, words: StoryWords) -> str:
    """"OpenAI in 2026 ... zal verbranden" → "OpenAI zal in 2026 ... verbranden"."""
    clause = clause.split(",", 1)[0] if clause.count(",") and len(clause.split(",", 1)[0]) > 20 else clause
    subject = ACTOR.match(clause) or SUBJECT.match(clause)
    if subject is None:
        return clause
    rest = clause[subject.end() :]
    verb = next((m for m in WORD.finditer(rest) if finite_form(m.group(0), words)), None)
    if verb is None or not rest[: verb.start()].strip():
        return clause
    form, particle = finite_form(verb.group(0), words)
    quote = verb.group(0)[len(verb.group(0).rstrip("’'")) :]  # "kwamen’": the quote closes where the verb stood
    moved = f"{rest[: verb.start()].strip()}{quote} {particle} {rest[verb.end():].strip()}".replace("  ", " ").strip()
    return f"{subject.group(0)} {form} {moved}"


def cut(text: str, words: StoryWords) -> str:
    """The clause up to where one that does not hold the happening begins."""
    found = words.headline_cut.search(text, 15)
    return text[: found.start()] if found else text


BRACKETED = re.compile(r"(?:\b(?:de|het|De|Het)\s+(?:[\w-]+\s+){0,2}?)?\[([^\]]+)\]")


def named(line: str) -> str:
    """A headline says names, never brackets: "[OpenAI] sloot" → "OpenAI sloot", "de oud-premier
    [Rutte] opende" → "Rutte opende"; a reference to a name the headline already says keeps its
    own words ("Maasbrouwerij sloot de brouwerij [Maasbrouwerij]" → "... de brouwerij")."""
    def one(found: re.Match[str]) -> str:
        name, whole = found.group(1), found.group(0)
        reference = whole[: whole.index("[")].rstrip()
        elsewhere = name in line[: found.start()] + line[found.end():]
        return (reference if elsewhere and reference else name)

    text = BRACKETED.sub(one, line)
    return " ".join(text.split())[:1].upper() + " ".join(text.split())[1:]


CHANGE_FROM = re.compile(r"\svan\s+(?:(?!\svan\s).)*?\s(?=tot\s)")


def fit(text: str, words: StoryWords) -> str:
    text = " ".join(text.split()).rstrip(" .,;:")
    if len(text) > words.headline_max:  # "steeg van 200 megawatt in 2023 tot 1,9 gigawatt": the end of the change stays
        text = CHANGE_FROM.sub(" ", text, count=1) if CHANGE_FROM.search(text) else text
    if len(text) > words.headline_max:
        limit = words.headline_max - 1
        soft = [m.start() for m in words.headline_soft.finditer(text, 40, limit + 1)]
        comma = text.rfind(", ", 0, limit)
        if comma > 40 or soft:
            text = text[: comma if comma > 40 else soft[-1]].rstrip(" ,;:")
        else:
            text = text[: word_end(text, limit)].rstrip(" ,;:") + "…"
    return text[:1].upper() + text[1:]


def word_end(text: str, limit: int) -> int:
    """Where to cut `text` to at most `limit` characters: at the last space, unless that would
    leave less than half (a word too long to fit, a URL, a run without spaces), then at `limit`."""
    space = text.rfind(" ", 0, limit + 1)
    return space if space >= limit // 2 else limit
