"""The word order of a headline's clause: the subject before its finite verb ("Het voorbije jaar sloot OpenAI een
deal" -> "OpenAI sloot een deal"), and the clause that holds the happening when the main one does not."""

from __future__ import annotations

import re

from timeline.story.clauses import verb_second
from timeline.story.features import event_words
from timeline.story.subjects import subject_end
from timeline.story.syntax import finite_form, tagged_plain
from timeline.story.timeless import date_spans
from timeline.story.words import NAME, WORD, StoryWords

# A named subject, with a companion: "Musk en een groep investeerders".
ACTOR = re.compile(
    r"(?:\[[^\]]+\]|" + NAME.pattern + r")(?:\s+en\s+(?:(?:een|de|het)\s+)?[\w-]+(?:\s+(?!een\b|de\b|het\b)[a-z][\w-]*)?)?"
)
SUBJECT = re.compile(r"\[[^\]]+\]|(?:de|het|een|De|Het|Een)\s+[\w-]+(?:\s+\[[^\]]+\])?|[\w’'-]+")


def happening_clause(text: str, words: StoryWords) -> str | None:
    """"X bereikte een hoogtepunt toen Musk een bod deed": a main clause with no happening
    of its own gives way to the "toen"/"waarbij" clause that holds one. A "nadat" clause tells what came before the
    main clause's happening: it gives way only when the clause holds the sentence's date ("Het voorstel kwam er nadat
    AirNord vorige maand had aangekondigd ...", not "Het bedrijf ging vorige maand failliet nadat ...")."""
    found = re.search(r"\b(?:toen|waarbij|waarin|nadat)\s", text)
    if not found:
        return None
    main, clause = text[: found.start()], text[found.end() :]
    if clause.split(" ", 1)[0].lower() in words.report_frames:  # "stelden een ontwerp vast, waarin staat dat ...":
        return None  # what a document says, not a happening
    after = found.group(0).startswith("nadat")
    dated_clause = after and date_spans(clause) and not date_spans(main)  # "was naar de rechter gestapt nadat de
    if weight(clause, 0) <= weight(main, 1) and not dated_clause:  # gemeente in januari een vergunning had verleend":
        return None  # January is the permit's: the clause heads, whatever the main clause holds
    if after and not dated_clause:
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
        return swap_after_verb(text, verb, words) if verb is not None else text
    fronted = text[: verb.start()].strip()
    opener = fronted.split()[0].lower()
    if opener not in words.fronted and not re.search(r"\d", fronted) and not fronted.lower().startswith(("het voorbije", "het afgelopen")):
        return text
    return swap_after_verb(text, verb, words)


def swap_after_verb(text: str, verb: re.Match[str], words: StoryWords) -> str:
    """"sloot OpenAI een deal" → "OpenAI sloot een deal" (what stood before the verb goes); the subject whole, by
    the tags where they find it longer ("won de roeiploeg van Delft de Varsity")."""
    after = text[verb.end() :].lstrip(" ,")
    subject = ACTOR.match(after) or SUBJECT.match(after)
    if subject is None:
        return text
    cut = subject.end()
    tokens = tagged_plain(after[:120])
    end = subject_end(tokens, 0, words, set()) if tokens else 0
    article = len(tokens) > 1 and tokens[0].text.lower() == "het" and tokens[1].tag.startswith(("N|", "ADJ"))
    if tokens and tokens[0].tag.startswith("VNW|pers") and not article:  # "moet het binnenwerk": an article
        cut = tokens[0].end  # "opende het een winkel": the pronoun alone, never "het een"
    elif end and tokens[end - 1].end > cut:
        cut = tokens[end - 1].end
    return f"{after[:cut]} {verb.group(0)} {after[cut:].lstrip(' ,')}".strip()


def verb_after_subject(clause: str, words: StoryWords) -> str:
    """"OpenAI in 2026 ... zal verbranden" → "OpenAI zal in 2026 ... verbranden"."""
    clause = clause.split(", ", 1)[0] if clause.count(", ") and len(clause.split(", ", 1)[0]) > 20 else clause
    tokens = tagged_plain(clause)
    dated = {k for k, t in enumerate(tokens) if any(s <= t.start < e for s, e in date_spans(clause))}
    end = subject_end(tokens, 0, words, dated) if tokens else 0
    if 0 < end < len(tokens) and tokens[end].tag.startswith("WW|pv"):
        return clause  # "een nieuwe investeringsronde was mislukt": subject and verb stand in order already
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


def conjunct_in_order(text: str, words: StoryWords) -> str:
    """"De overspanning werd vastgezet en werden de eerste sporen aangesloten" (after "Zondag" went): a second
    conjunct whose finite verb differs in number from the first's has a subject of its own after it, which comes
    first ("en de eerste sporen werden aangesloten"); never a shared subject's ("en legde het werk neer")."""
    tokens = tagged_plain(text)
    verbs = [k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")]
    if len(verbs) != 2 or verbs[1] < 2 or tokens[verbs[1] - 1].text.lower() != "en" \
            or tokens[verbs[0]].tag.rsplit("|", 1)[-1] == tokens[verbs[1]].tag.rsplit("|", 1)[-1]:
        return text
    second = verbs[1]
    end = subject_end(tokens, second + 1, words, set(), after_verb=True)
    if end <= second + 1 or not tokens[second + 1].tag.startswith(("LID", "N|", "VNW|pers", "TW")):
        return text
    verb, subject = tokens[second], text[tokens[second + 1].start:tokens[end - 1].end]
    return f"{text[:verb.start]}{subject} {verb.text}{text[tokens[end - 1].end:]}"
