"""The tagger's tag set: CGN tags (as in the Lassy/Alpino treebanks and Frog) cut down to what the story uses.

A tag is its category, then the number where the category has one:

    WW|pv|tgw|ev  WW|pv|tgw|mv    finite verb, present (singular, plural)
    WW|pv|verl|ev WW|pv|verl|mv   finite verb, past
    WW|vd  WW|inf  WW|od          participle, infinitive, present participle
    N|soort|ev  N|soort|mv        common noun
    N|eigen|ev  N|eigen|mv        proper noun (CGN's name parts, SPEC|deeleigen, included)
    ADJ  BW  VZ  TW  LET  TSW     adjective, adverb, preposition, numeral, punctuation, interjection
    LID|bep  LID|onbep            definite and indefinite article
    VNW|pers|ev  VNW|pers|mv  VNW|pers   personal pronoun (number where the word shows it)
    VNW|bez  VNW|aanw  VNW|betr  VNW|ander   possessive, demonstrative, relative, other pronoun
    VG|neven  VG|onder            coordinating and subordinating conjunction
    SPEC                          foreign word, symbol, abbreviation and other special tokens
"""

from __future__ import annotations

PRONOUN_KINDS = frozenset({"pers", "bez", "aanw", "betr"})
NUMBERS = frozenset({"ev", "mv"})


def reduce(xpos: str) -> str:
    """The reduced tag of a full CGN tag such as `WW|pv|verl|ev` or `VNW|pers|pron|nomin|vol|3|ev|masc`."""
    parts = xpos.split("|")
    head, sub = parts[0], parts[1] if len(parts) > 1 else ""
    if head == "WW":
        if sub == "pv":
            tense = "verl" if parts[2] == "verl" else "tgw"  # the rare conjunctive (leve, ware) counts as present
            return f"WW|pv|{tense}|{'mv' if parts[3] == 'mv' else 'ev'}"
        return f"WW|{sub}"
    if head == "N":
        return f"N|{sub}|{parts[2]}"
    if head == "SPEC":
        return "N|eigen|ev" if sub == "deeleigen" else "SPEC"
    if head in ("LID", "VG"):
        return f"{head}|{sub}"
    if head == "VNW":
        if sub == "pers":
            number = next((p for p in parts[2:] if p in NUMBERS), "")
            return f"VNW|pers|{number}" if number else "VNW|pers"
        return f"VNW|{sub if sub in PRONOUN_KINDS else 'ander'}"
    return head


def category(tag: str) -> str:
    """The tag without its number: what the tagger's accuracy is measured on."""
    return tag.rsplit("|", 1)[0] if tag.endswith(("|ev", "|mv")) else tag


def number(tag: str) -> str | None:
    """"sg" or "pl" for a tag that carries a number, else None."""
    return {"ev": "sg", "mv": "pl"}.get(tag.rsplit("|", 1)[-1])


def is_finite(tag: str) -> bool:
    return tag.startswith("WW|pv|")


def tense(tag: str) -> str | None:
    """"present" or "past" for a finite verb, else None."""
    if not is_finite(tag):
        return None
    return "past" if tag.startswith("WW|pv|verl") else "present"


def is_noun(tag: str) -> bool:
    return tag.startswith("N|")


def is_name(tag: str) -> bool:
    return tag.startswith("N|eigen")


def is_verb(tag: str) -> bool:
    return tag.startswith("WW|")
