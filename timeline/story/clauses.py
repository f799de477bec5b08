"""Clauses made main clauses: a verb-final clause with its finite verb second ("zij de vaart op 9 mei staakte" →
"zij staakte de vaart op 9 mei"), an adverb put after the verb, a second conjunct's verb moved."""

from __future__ import annotations

import re

from timeline.story.subjects import subject_end
from timeline.story.syntax import finite_form, main_verb_of, tagged_plain, widened
from timeline.story.tagging import clause_tagged
from timeline.story.timeless import date_spans
from timeline.story.words import StoryWords


def verb_second(clause: str, words: StoryWords) -> str | None:
    """A verb-final clause as a main clause: "zij de vaart op 9 mei staakte" → "zij staakte de vaart
    op 9 mei"; only the finite verb moves ("had ... ingetrokken" keeps its participle last)."""
    tokens = clause_tagged(clause)
    if len(tokens) > 3 and tokens[0].tag == "BW" and tokens[0].text.lower() in words.subject_adverbs \
            and tokens[1].tag.startswith(("LID", "N|", "VNW|pers")):  # "dat ook de Omgevingsdienst aangifte doet":
        made = verb_second(clause[tokens[1].start:], words)  # "de Omgevingsdienst doet ook aangifte"
        return made and insert_after_verb(made, tokens[0].text.lower(), words)
    dated = {k for k, t in enumerate(tokens) if any(s <= t.start < e for s, e in date_spans(clause))}  # "de gemeente
    end = 1 if tokens and tokens[0].text.lower() == "er" else subject_end(tokens, 0, words, dated)  # [in januari]"
    while end > 1 and tokens[end - 1].text.lower() in words.subject_adverbs and tokens[end - 1].tag == "BW" \
            and end < len(tokens) and tokens[end].tag.startswith("WW|pv"):
        end -= 1  # "hij alleen wilde praten": "hij wilde alleen praten"
    verb = next((k for k in range(end, len(tokens)) if tokens[k].tag.startswith("WW|pv")), None)
    if verb is None:  # a clause has a finite verb: a plural read as an infinitive ("exportregels ... opleggen")
        verb = next((k for k in range(end, len(tokens)) if tokens[k].tag == "WW|inf"
                     and tokens[k - 1].text.lower() != "te"), None)
    if end == 0 or verb is None:
        return None
    if verb == end:  # already subject and verb: only a second clause after "en" may need its verb moved
        rest = clause[tokens[verb].end:].strip()
        second = conjunct_second(rest)
        return f"{clause[:tokens[verb].end]} {second}".strip() if second != rest else None
    last = widened(clause, tokens[0].start, tokens[end - 1].end)[1]
    moved = clause[last:tokens[verb].start].strip()
    rest = clause[tokens[verb].end:].strip()
    if rest and rest[0] in "’”\"'":  # "‘tot stilstand kwamen’": the quote closes where the verb stood
        moved, rest = moved + rest[0], rest[1:].strip()
    form, particle = finite_form(tokens[verb].text, words, tagged=True) or (tokens[verb].text, "")
    return " ".join(p for p in (clause[:last], form, moved, particle, conjunct_second(rest)) if p)


def insert_after_verb(clause: str, adverb: str, words: StoryWords) -> str:
    """The adverb right after the main clause's finite verb."""
    tokens = tagged_plain(clause)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return f"{adverb} {clause}"
    return f"{clause[:tokens[verb].end]} {adverb} {clause[tokens[verb].end:].strip()}".strip()


def conjunct_second(rest: str) -> str:
    """"... en sindsdien nauwelijks zijn gegroeid" → "... en zijn sindsdien nauwelijks gegroeid": a second
    verb-final clause after "en" that shares the subject takes its finite verb after "en" too."""
    tokens = tagged_plain(rest)
    joint = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].text.lower() == "en"), None)
    if joint is None:
        return rest
    verb = next((k for k in range(joint + 1, len(tokens)) if tokens[k].tag.startswith("WW|pv")), None)
    if verb is None or verb == joint + 1 or not all(t.tag.startswith(("WW", "LET")) for t in tokens[verb + 1:]):
        return rest
    if not any(t.tag.startswith(("WW|vd", "WW|inf")) for t in tokens[verb + 1:]):
        return rest  # "en Japan een akkoord sloten": a subject of its own may stand there
    between = rest[tokens[joint].end:tokens[verb].start].strip()
    return f"{rest[:tokens[joint].end]} {tokens[verb].text} {between} {rest[tokens[verb].end:].strip()}".strip()


PUT_IN_AFTER_PRONOUN = re.compile(r"^(\w+)\s*\[[^\]]*\]")
FRAME_REACH = 8  # words between a frame's finite verb and its "dat": "liet in een brief aan ouders weten dat"


def told_news(clause: str, words: StoryWords) -> tuple[str, str] | None:
    """"Het OM maakte vorige week bekend dat Fluoron en de medewerker zich ... moeten verantwoorden" → "Het OM:
    Fluoron en de medewerker moeten zich ... verantwoorden"; "Minister Agema maakte bekend dat ze fabrikanten wil
    verplichten ..." → "Minister Agema wil fabrikanten verplichten ...": the news a subject-first frame tells, in
    main-clause order, with its teller to put before a colon ("" when a pronoun opening it stands for the teller)."""
    from timeline.story.frames import teller_said
    from timeline.story.syntax import subject_span

    tokens = tagged_plain(clause)
    span, verb = subject_span(tokens, words), main_verb_of(tokens, words)
    if span is None or verb is None or span[0] != 0 or verb != span[1]:
        return None
    said = next((k for k in range(verb + 1, min(len(tokens), verb + FRAME_REACH + 2))
                 if tokens[k].text.lower() == "dat"), None)
    frame_words = {t.text.lower() for t in tokens[verb:said or 0]}
    if said is None or not frame_words & words.telling_frames or said + 3 >= len(tokens) \
            or frame_words & {"niet", "geen", "nooit", "te"}:  # "verklaarde niet te verwachten dat": the frame's own
        return None  # denial or view, never to leave out
    teller, news = clause[:tokens[span[1] - 1].end], plain_news(clause[tokens[said].end:].strip())
    if "[" in teller or "]" in teller:
        return None  # a name put in for the teller: the frame stays
    news = PUT_IN_AFTER_PRONOUN.sub(r"\1", news)  # "dat het [Gelderland] geen ...": the pronoun is the teller's
    own = teller_said(clause[:tokens[said].start], news, words)
    main = verb_second(own, words)
    if main is None:
        return None
    return ("", main) if own != news else (teller, main)


def plain_news(news: str) -> str:
    """The news without what hangs on it: a relative clause after its subject ("de medewerker die als verdachte
    was aangemerkt") or after its last noun ("woningen waar ..."), a purpose ("om de lonen te betalen") or anything
    after a comma that follows its verb."""
    tokens = tagged_plain(news)
    verb = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), len(tokens))
    comma = next((t for t in tokens[verb:] if t.text == ","), None)  # not the commas of a list before the verb
    news = re.split(r"\s+om\s+(?=.*\bte\s)", news[:comma.start] if comma else news, maxsplit=1)[0]
    news = re.split(r"\s+waar(?:in|bij|door|mee|van|op|uit)?\s", news, maxsplit=1)[0]  # "woningen waar ... zijn"
    tokens = tagged_plain(news)
    opener = next((k for k, t in enumerate(tokens) if k and t.text.lower() in ("die", "dat") and t.tag.startswith("VNW")
                   and tokens[k - 1].tag.startswith("N|")), None)
    verb = next((k for k in range(opener or 0, len(tokens)) if tokens[k].tag.startswith("WW|pv")), None) if opener else None
    if opener is None or verb is None:
        return news
    end = verb + 1
    while end < len(tokens) and tokens[end].tag.startswith("WW"):
        end += 1  # "was aangemerkt": the relative clause's verbs close it
    return f"{news[:tokens[opener].start].strip()} {news[tokens[end - 1].end:].strip()}".strip() if end < len(tokens) else news


def then_clause(text: str) -> int | None:
    """Where "toen" opens a clause of its own, after the verbs that close the main clause ("De brug was op 22 mei
    gesloten toen bij een inspectie scheuren werden ontdekt"); not the adverb ("legde Apple toen een boete op")."""
    if " toen " not in text:
        return None
    tokens = tagged_plain(text)
    return next((t.start for k, t in enumerate(tokens) if k > 2 and t.text == "toen"
                 and tokens[k - 1].tag in ("WW|vd", "WW|inf")), None)
