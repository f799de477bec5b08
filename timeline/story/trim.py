"""A headline kept short in its parts: its subject to its noun phrase ("Felle uitspraken maakten de maat vol") or
to a title and a name ("Veiligheidsadviseur Jake Sullivan benaderde ..."), a closing "dat" clause without its
prepositional phrases; and the pieces a shortening is made of (a phrase with its "van" phrases, a text rebuilt)."""

from __future__ import annotations

import re

from timeline.story.subjects import name_end
from timeline.story.syntax import GENITIVE, NAME_LINKS, dangling_end, main_verb_of, phrase_end, quantity_end, tagged_plain
from timeline.story.words import StoryWords


NAME_PARTICLES = NAME_LINKS - {"op", "in", "aan"}  # not those that also say a place ("Tata Steel in IJmuiden")


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
    while end + 1 < len(tokens) and tokens[end].text in NAME_PARTICLES and tokens[end + 1].tag.startswith("N|eigen") \
            and tokens[end - 1].tag.startswith("N|eigen"):
        end += 2  # "Minister Jan de Vries", "Henk van Dijk": a particle inside a name is the name's
    if verb is None or end <= start or end >= verb:
        return text
    before = tokens[:verb - 1] if tokens[verb - 1].text == "," else tokens[:verb]  # a stray comma before the verb
    if not all(t.text[:1].isalpha() or t.text in GENITIVE for t in before) or any(t.text.lower() in (",", "en", "of") for t in before[end:]):
        return text  # a list as subject stays whole ("Blootstelling aan ..., overlast en onzekerheid hebben")
    if tokens[end].text.lower() == "van" and not tokens[end - 1].tag.startswith("N|eigen"):  # "enige fabrikant
        # van lithografiemachines"; not the ministry after a name ("Minister Jan de Vries [van Buitenlandse Handel]")
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


def titled_apposition(text: str, words: StoryWords) -> str:
    """A subject described and then named between commas, as the role and the name: "De Brabantse gedeputeerde
    voor mobiliteit, Martijn van Gruijthuijsen, riep ..." → "Gedeputeerde Martijn van Gruijthuijsen riep ..."."""
    tokens = tagged_plain(text)
    commas = [k for k, t in enumerate(tokens) if t.text == ","][:2]
    if len(commas) < 2 or not tokens[0].tag.startswith("LID|bep") or commas[1] + 1 >= len(tokens) \
            or not tokens[commas[1] + 1].tag.startswith("WW|pv"):
        return text
    name = tokens[commas[0] + 1:commas[1]]
    role = next((t for t in tokens[1:commas[0]] if t.tag.startswith("N|soort")), None)
    if not name or not name[0].text[:1].isupper() or role is None or role.text.lower() not in words.person_kind_words \
            or not all(t.text[:1].isupper() or t.text in NAME_LINKS for t in name):
        return text
    return f"{role.text.capitalize()} {text[name[0].start:name[-1].end]} {text[tokens[commas[1] + 1].start:]}"


def with_of(tokens, end: int, words: StoryWords, start: int = -1) -> int:
    """A phrase's end with the "van" phrases of its noun ("voor de productie van halfgeleiders"); a "van" phrase
    takes the phrases of its own noun too ("van de regio met de provincies")."""
    chained = start >= 0 and tokens[start].text.lower() == "van"
    while end + 1 < len(tokens) and (tokens[end].text.lower() == "van" or (
            chained and tokens[end].tag == "VZ" and tokens[end].text.lower() not in ("te", "om")
            and tokens[end + 1].tag != "TW")):  # "met twee jaar" is the verb's, not the noun's
        chained = chained or tokens[end].text.lower() == "van"  # "over exportbeperking van chips naar China"
        after = phrase_end(tokens, end + 1, set(), words)
        if after <= end + 1:
            break
        end = after
    return end


SPACED = re.compile(r"[\s\[\]]*\s[\s\[\]]*")


def rebuilt(text: str, kept: list) -> str:
    """The text of the kept tokens, with the spaces between neighbours as the text had them."""
    parts = [text[kept[0].start:kept[0].end]]
    for before, token in zip(kept, kept[1:]):
        between = text[before.end:token.start]
        gap = between if token.start >= before.end and SPACED.fullmatch(between) or token.start == before.end \
            else "" if token.tag == "LET" and token.text in ",.;:" else " "  # "[X] verzamelde": a name put in keeps its brackets
        parts.append(gap + text[token.start:token.end])
    return balanced("".join(parts))


def balanced(text: str) -> str:
    """Without a bracket whose partner went with the words left out: a name put in is kept whole or not at all."""
    out, opened = [], None
    for char in text:
        if char == "[":
            if opened is not None:
                out[opened] = ""
            opened = len(out)
        elif char == "]":
            if opened is None:
                continue
            opened = None
        out.append(char)
    if opened is not None:
        out[opened] = ""
    return "".join(out)


def without_clause_phrases(text: str, words: StoryWords) -> str:
    """A main clause that ends in a "dat" clause, with that clause's prepositional phrases left out, the last
    first, until it fits, while its verbs stay ("besloot dat ASML ook oudere chipmachines niet meer naar China
    mocht exporteren" → "... niet meer mocht exporteren"); unchanged when that is not enough."""
    tokens = [t for t in tagged_plain(text) if t.tag != "LET" or t.text not in ".!?"]
    opener = next((k for k, t in enumerate(tokens) if t.text.lower() == "dat" and t.tag == "VG|onder"), None)
    tail = len(tokens)
    while tail > 0 and (tokens[tail - 1].tag.startswith("WW") or tokens[tail - 1].text.lower() == "te"):
        tail -= 1
    if opener is None or tail == len(tokens) or not tokens[tail].tag.startswith("WW|pv") or any(
            t.tag.startswith(("WW", "VG")) or t.text in ",;:" for t in tokens[opener + 1:tail]):
        return text  # one clause after "dat", closed by its finite verb
    spans = [(k, with_of(tokens, phrase_end(tokens, k + 1, set(), words), words, k)) for k in range(opener + 2, tail)
             if tokens[k].tag == "VZ" and tokens[k - 1].tag != "VZ"]
    dropped: set[int] = set()
    steps = [range(a, b) for a, b in reversed(spans) if a + 1 < b <= tail]
    for step in subject_steps(tokens, opener) + steps:
        dropped.update(step)
        line = rebuilt(text, [t for k, t in enumerate(tokens) if k not in dropped])
        if len(line) <= words.headline_max:
            return line
    return text


def subject_steps(tokens, verb: int) -> list[range]:
    """What a subject can lose first: its adjectives after an article ("Het [Nederlandse] kabinet"), a first name
    between a title and a surname ("Minister [Liesje] Schreinemacher")."""
    if tokens[0].tag.startswith("LID"):
        return [range(1, next((k for k in range(1, verb) if not tokens[k].tag.startswith("ADJ")), 1))]
    if verb > 3 and tokens[0].tag.startswith("N|soort") and all(t.tag.startswith("N|eigen") for t in tokens[1:3]) \
            and not tokens[3].tag.startswith("N|"):
        return [range(1, 2)]
    return []


def without_ministry(text: str, words: StoryWords) -> str:
    """"Minister Bart Vermeer van Infrastructuur liet weten ...": a title, a name of two words or more and what
    the title is of ("van Infrastructuur", "van de provincie Drenthe"), without the last, when the verb follows
    ("Minister Bart Vermeer liet weten ..."); for a headline that is too long."""
    tokens = tagged_plain(text[:120])
    if len(tokens) < 5 or tokens[0].text.lower() not in words.person_titles:
        return text
    name = name_end(tokens, 1, set())
    named = lambda j: sum(t.text[:1].isupper() for t in tokens[1:j]) >= 2  # noqa: E731  "Bart Vermeer", never "Henk"
    start = next((j for j in range(name - 2, 1, -1) if tokens[j].text == "van" and named(j)
                  and tokens[j + 1].tag.startswith(("N|soort", "ADJ"))), None)  # "... van Infrastructuur" in the name
    end = name
    if start is None and name + 1 < len(tokens) and tokens[name].text == "van" and named(name):
        start, end = name, phrase_end(tokens, name + 1, set(), words)  # "van de provincie Drenthe"
        while end < len(tokens) and tokens[end].text[:1].isupper():
            end = max(end + 1, name_end(tokens, end, set()))
    if start is None or end >= len(tokens) or not tokens[end].tag.startswith("WW|pv"):
        return text
    return f"{text[:tokens[start - 1].end]} {text[tokens[end].start:]}"


def without_last_clause(text: str, words: StoryWords) -> str:
    """The text before the last clause a word of `headline_clause_cuts` opens, when what comes before holds a finite
    verb, its only one (not the end of a relative clause: "heeft het gat gedicht dat ontstond [toen ...]"), and ends
    on no determiner, preposition or conjunction; else the text."""
    for m in reversed(list(words.headline_clause.finditer(text, 20))):
        before = text[:m.start()].rstrip(" ,;:")
        tokens = tagged_plain(before)
        if sum(t.tag.startswith("WW|pv") for t in tokens) == 1 and dangling_end(before, words) == before:
            return before
    return text
