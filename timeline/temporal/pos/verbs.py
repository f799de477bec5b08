"""The forms of Dutch strong and irregular verbs, with prefixes, as tag lists for the tagger's lexicon.

The treebanks the tagger learns from hold ~70,000 words, so many a strong past (`trof`, `verwierf`,
`aanhield`) never occurs in them and reads as a noun. Training gives each form listed here that the
treebanks did not show the tags of what it is: an infinitive `WW|inf/WW|pv|tgw|mv` (the plural present
has its form), a past `WW|pv|verl|ev` or `|mv`, a participle `WW|vd`. The verbs are [verbs] in nl.toml
and the lines of nl.verbs.txt, each also with every prefix of nl.verbs.txt in front.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "lang" / "nl.verbs.txt"
INFINITIVE = ("WW|inf", "WW|pv|tgw|mv")


def listed() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[str]]]:
    """The strong verbs (infinitive -> past singular, past plural, participle) and the word lists: the
    "inseparable" and "separable" prefixes and the "weak" verbs (and "weak_nouns", plural nouns too)."""
    from timeline.temporal.language import load

    verbs = dict(load("nl").verbs)
    lists: dict[str, list[str]] = defaultdict(list)
    for line in FILE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, colon, rest = line.partition(":")
        if colon:
            lists[head.strip()] += rest.split()
        else:
            infinitive, *forms = line.split()
            verbs[infinitive] = tuple(forms)
    return verbs, lists


def forms() -> dict[str, str]:
    """Each form -> its tags, joined by "/" in sorted order as the lexicon writes them."""
    verbs, lists = listed()
    inseparable, separable = lists["inseparable"], lists["separable"]
    found: dict[str, set[str]] = defaultdict(set)
    for infinitive in lists["weak"]:
        found[infinitive].update(INFINITIVE)
    for infinitive in lists["weak_nouns"]:
        found[infinitive].update(INFINITIVE + ("N|soort|mv",))
    for infinitive, (past, pasts, participle) in sorted(verbs.items()):
        done = [("", participle)] + [(s, s + participle) for s in separable]
        if not infinitive.startswith(tuple(inseparable)):  # "ver" + "gegeven"; "ver" + "gelijken": "vergeleken"
            done += [(p, p + participle.removeprefix("ge")) for p in inseparable]
            done += [(p, p + participle) for p in inseparable if infinitive.startswith("ge")]
        for prefix, participle_form in done:
            for tag in INFINITIVE:
                found[prefix + infinitive].add(tag)
            found[prefix + past].add("WW|pv|verl|ev")
            found[prefix + pasts].add("WW|pv|verl|mv")
            if participle != "-":
                found[participle_form].add("WW|vd")
    return {form: "/".join(sorted(tags)) for form, tags in sorted(found.items())}
