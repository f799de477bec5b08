"""Who a report says acted: the nouns and names of the main clause's subject, or of a passive clause's agent,
and the country whose government that subject is (for telling whether two reports are one fact)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.story.features import STATE
from timeline.story.subjects import subject_end
from timeline.story.syntax import main_verb_of, subject_span
from timeline.story.tagging import tagged_plain
from timeline.story.words import StoryWords, inflected
from timeline.temporal.pos import Token


def actor_words(text: str, words: StoryWords) -> tuple[str, ...]:
    """The nouns and names of the main clause's subject, lower case: who does what ("Musk en een groep
    investeerders deden een bod" → musk, groep, investeerders); none for a pronoun or no subject."""
    tokens = tagged_plain(text)
    start, end = subject_span(tokens, words) or (0, 0)
    start, end = agent_span(tokens, end, words) or (start, end)
    nouns = [t for t in tokens[start:end] if t.tag.startswith(("N|", "SPEC"))
             or end - start == 1 and t.text[:1].isupper() and t.tag.startswith("ADJ")]  # "Plantwise schrapt ...": a subject of one word is a name
    if nouns and all(t.tag.startswith("N|soort") and t.text.lower().endswith(words.kind_nouns) for t in nouns):
        return ()  # "Het staalbedrijf kondigde ... aan": a reference like a pronoun, its actor unknown here
    said = {t.text.lower() for t in nouns}
    state = state_of(tokens[start:end], said, words)
    return tuple(sorted(said | {part for word in said if "-" in word for part in word.split("-") if len(part) > 2}
                        | ({STATE + state} if state else set())))
    # "PVV-leider Geert Wilders", "het NSC-smaldeel": the party is an actor word too


def agent_span(tokens: Sequence[Token], after: int, words: StoryWords) -> tuple[int, int] | None:
    """The agent of a passive main clause, after its subject (which ends at `after`): who did it ("Een eerder
    plan werd vorig jaar vernietigd door de Raad van State": the Raad van State acted)."""
    verb = main_verb_of(tokens, words)
    if verb is None or tokens[verb].text.lower() not in words.passive_auxiliaries:
        return None
    clause_end = next((k for k in range(verb + 1, len(tokens))
                       if tokens[k].text in ",;:" or tokens[k].tag.startswith(("VG", "WW|pv"))), len(tokens))
    if not any(t.tag == "WW|vd" for t in tokens[verb + 1:clause_end]):
        return None  # "werd ... vernietigd", "werd door ... vernietigd": a participle in the main clause
    k = next((k for k in range(max(after, verb + 1), clause_end) if tokens[k].text.lower() in words.agent_words), None)
    end = subject_end(tokens, k + 1, words, set()) if k is not None else 0
    return (k + 1, end) if end > (k or 0) + 1 else None


def state_of(subject: Sequence[Token], said: set[str], words: StoryWords) -> str:
    """The country whose government the subject is, by its adjective ("nederlands" for "Het Nederlandse
    kabinet", "Minister Schreinemacher"; "amerikaans" for "De VS", "De Amerikaanse regering"); "" for none."""
    text = " ".join(t.text.lower() for t in subject)
    named = next((state for name, state in words.state_names if re.search(rf"\b{re.escape(name)}\b", text)
                  and said <= set(name.split())), "")  # "De VS", not "De Chinese ambassade in Den Haag"
    country = next((t.text.lower() for t in subject if t.text in words.countries and said == {t.text.lower()}), "")
    if named or country:
        return named or next((n for n in sorted(words.nationalities) if n[:4] == country[:4] and not n.endswith("e")), "")
    if not said & words.state_nouns:
        return ""
    adjective = next((t.text.lower() for t in subject if t.text.lower() in words.nationalities), "")
    return next((n for n in words.nationalities if inflected(n) == adjective and n != adjective), adjective) \
        or words.home_state  # "chinese": "chinees"
