"""A headline's subject kept short: to its noun phrase ("Felle uitspraken maakten de maat vol"), or to a
title and a name ("Veiligheidsadviseur Jake Sullivan benaderde ...")."""

from __future__ import annotations

from timeline.story.syntax import GENITIVE, main_verb_of, phrase_end, quantity_end, tagged_plain
from timeline.story.words import StoryWords


def short_subject(text: str, words: StoryWords) -> str:
    """A subject-first clause whose subject is long, with the subject kept to its noun phrase (and one
    "van" phrase): "Felle uitspraken over de verantwoordelijken voor het geweld ... maakten de maat vol" →
    "Felle uitspraken maakten de maat vol"."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    start = quantity_end(tokens, 0, words)
    if start + 1 < len(tokens) and tokens[start].text in GENITIVE:
        start += 2
    end = phrase_end(tokens, start, set(), words)
    if verb is None or end <= start or end >= verb:
        return text
    before = tokens[:verb - 1] if tokens[verb - 1].text == "," else tokens[:verb]  # a stray comma before the verb
    if not all(t.text[:1].isalpha() or t.text in GENITIVE for t in before) or any(t.text.lower() in (",", "en", "of") for t in before[end:]):
        return text  # a list as subject stays whole ("Blootstelling aan ..., overlast en onzekerheid hebben")
    if tokens[end].text.lower() == "van":  # "enige fabrikant van lithografiemachines"
        of = phrase_end(tokens, end + 1, set(), words)
        end = of if end + 1 < of < verb and len(text[:tokens[of - 1].end]) <= 60 else end
    kept = tokens[end - 1].end + (text[tokens[end - 1].end:tokens[end - 1].end + 1] == "]")  # "[ASML] uit Veldhoven"
    subject = text[:kept]
    if subject.count("[") > subject.count("]"):  # "[de bewoners van Wijk aan Zee]" kept in part: plain words
        at = subject.rindex("[")
        subject = subject[:at] + subject[at + 1:]
    return f"{subject} {text[tokens[verb].start:]}"


def bare_title(text: str) -> str:
    """A subject of an article, adjectives, a title and a name, as the title and the name: "De Amerikaanse
    nationale veiligheidsadviseur Jake Sullivan benaderde ..." → "Veiligheidsadviseur Jake Sullivan benaderde ..."."""
    tokens = tagged_plain(text)
    if len(tokens) < 4 or not tokens[0].tag.startswith("LID|bep"):
        return text
    title = next((k for k in range(1, len(tokens)) if not tokens[k].tag.startswith("ADJ")), 0)
    names = next((k for k in range(title + 1, len(tokens)) if not tokens[k].tag.startswith("N|eigen")), title + 1)
    if not tokens[title].tag.startswith("N|soort") or names == title + 1 or not tokens[names].tag.startswith("WW|pv"):
        return text
    rest = text[tokens[title].start:]
    return rest[:1].upper() + rest[1:]
