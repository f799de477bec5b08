"""The tagger's features, shared by training and tagging.

A word's features split into blocks that depend on one word only (the word itself, or a
neighbour at -2, -1, +1, +2), so the tagger sums each block's weights once per word type, and
a few that depend on the tags already chosen (the previous two tags, and the clause so far:
whether it is subordinate and whether it has had its finite verb yet).
"""

from __future__ import annotations

START, END = "<s>", "</s>"
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—", '"', "“", "”", "‘", "’"})
QUOTES = frozenset(",'\"`“”‘’«»„")
SYMBOLS = frozenset("%+=×÷−&€$£§#@°~<>^|")
OPENING = "s0f0"  # a main clause that has not had its finite verb yet
SHAPE_CLASSES = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "X" * 26 + "x" * 26 + "d" * 10
)


def shape(word: str) -> str:
    """Letters as X/x, digits as d, runs squeezed: "Rutte" -> "Xx", "1,5" -> "d,d", "COVID-19" -> "X-d"."""
    out = []
    for char in word.translate(SHAPE_CLASSES)[:12]:
        char = char if char in "Xxd" else ("x" if char.isalpha() else char)
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out[:5])


def punctuation(word: str) -> str | None:
    """LET for a token of punctuation only (SPEC for a symbol such as % or +), else None."""
    if any(c.isalnum() for c in word):
        return None
    return "SPEC" if any(c in SYMBOLS for c in word) else "LET"


def word_class(word: str, lexicon: dict[str, str]) -> str:
    """The tags a word was seen with (its ambiguity class); for an unseen word its last two letters."""
    found = lexicon.get(word) or lexicon.get(word.lower())
    return found if found else "?" + word[-2:].lower()


def ending(tail: str) -> list[str]:
    """The features of a word's last four letters (lower case), which many words share."""
    return ["b", "s1=" + tail[-1:], "s2=" + tail[-2:], "s3=" + tail[-3:], "s4=" + tail]


def current(word: str, lexicon: dict[str, str]) -> list[str]:
    return ending(word[-4:].lower()) + own(word, lexicon)


def own(word: str, lexicon: dict[str, str]) -> list[str]:
    """The current word's features but those of its ending."""
    low = word.lower()
    found = ["w=" + low, "p3=" + low[:3], "sh=" + shape(word), "l=" + (lexicon.get(word) or "?")]
    if word != low:
        found.append("ll=" + (lexicon.get(low) or "?"))
    if not any(c.isalnum() for c in word):
        found.append("pq" if all(c in QUOTES for c in word) else "pu")
    if "-" in word[1:]:
        found.append("h=" + low.rsplit("-", 1)[-1][-4:])
    if not (lexicon.get(word) or lexicon.get(low)):
        found += ["hd=" + head_class(low, lexicon), "vf=" + verb_form(low, lexicon)]
    return found


PAST = (("den", "pl"), ("ten", "pl"), ("de", "sg"), ("te", "sg"))
VOICED = {"f": "v", "s": "z"}


def stems(stem: str) -> list[str]:
    """The infinitives a verb stem may have: "werk" werken, "handhaaf" handhaven, "ontplof" ontploffen, "reis" reizen."""
    found = [stem + "en", stem + stem[-1:] + "en"]
    if len(stem) > 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        found.append(stem[:-2] + VOICED.get(stem[-1], stem[-1]) + "en")
    if stem[-1:] in VOICED:  # "deins" deinzen, "verhuis" verhuizen
        found.append(stem[:-1] + VOICED[stem[-1]] + "en")
    return found


def verb_form(low: str, lexicon: dict[str, str]) -> str:
    """For a word not seen: a weak past ("pl"/"sg") or a present with -t ("t") whose infinitive was seen,
    with or without a prefix in front ("ontploften": "ploffen"), else "-"."""
    for end, kind in PAST + (("t", "t"),):
        if low.endswith(end) and len(low) > len(end) + 2:
            stem = low[:-len(end)]
            for cut in range(0, max(len(stem) - 3, 1)):
                if any("WW|inf" in lexicon.get(inf, "") for inf in stems(stem[cut:])):
                    return kind
    return "-"


def head_class(low: str, lexicon: dict[str, str]) -> str:
    """For a word not seen: the tags of its longest seen ending of four letters or more that leaves two in
    front (a compound's head, a verb's stem after its prefix: "afzwoer" as "zwoer"), else "?"."""
    for cut in range(2, len(low) - 3):
        found = lexicon.get(low[cut:])
        if found:
            return found
    return "?"


def neighbour(word: str, lexicon: dict[str, str], offset: int) -> list[str]:
    low = word.lower()
    found = [f"w{offset}={low}", f"l{offset}={word_class(word, lexicon)}"]
    if abs(offset) == 1:
        found += [f"s{offset}={low[-3:]}", f"sh{offset}={shape(word)}"]
    return found


def context(before2: str, before: str, cls: str, state: str) -> list[str]:
    """The features that depend on the tags already chosen."""
    return ["t1=" + before, "t2=" + before2 + " " + before, "t1l=" + before + " " + cls, "st=" + state + " " + cls]


def pair(before: str, word: str) -> list[str]:
    """The previous tag with this very word: "heeft" then "verkocht" is a participle, "hij" then "verkocht" is not."""
    return ["t1w=" + before + " " + word.lower()]


def advance(state: str, word: str, tag: str) -> str:
    """The clause state after a tagged word: s1 in a subordinate clause, f1 once it has its finite verb."""
    if tag.startswith("WW|pv"):
        return state[:2] + "f1"
    if tag == "VG|onder" or tag == "VNW|betr":
        return "s1f0"
    if tag == "VG|neven":
        return state[:2] + "f0"
    if tag == "LET" and word in CLAUSE_BREAKS:
        return OPENING
    return state


def static(words: list[str], lexicon: dict[str, str]) -> list[list[str]]:
    """Each word's features that do not depend on tags (used in training; tagging caches the blocks)."""
    padded = [START, START, *words, END, END]
    found = []
    for i in range(2, len(padded) - 2):
        feats = current(padded[i], lexicon)
        for offset in (-2, -1, 1, 2):
            feats += neighbour(padded[i + offset], lexicon, offset)
        found.append(feats)
    return found
