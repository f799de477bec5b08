"""Compiled patterns for one language, built from its language file.

Each rule (the file's [rules] table, in priority order) is a regular
expression with named groups; `{name}` in it stands for a word class of the
language (months, weekdays, ...). A name may carry a suffix (`{month_b}`) to
use the class twice in one rule. This module knows no words of any language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from timeline.temporal import language as language_module, patterns
from timeline.temporal.cache import cached
from timeline.temporal.language import Language, load
from timeline.temporal.patterns import Patterns, at_word_start, word_start  # noqa: F401  (at_word_start: for story)

DAY = r"(?:[12]\d|3[01]|0?[1-9])"
NMONTH = r"(?:1[0-2]|0?[1-9])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
LONE_YEAR = r"(?:19\d\d|20\d\d)"
DIGITS = r"\d{1,3}(?:,\d+)?"
HOUR = r"(?:[01]?\d|2[0-4])"
MINUTE = r"[0-5]\d"
ORDINAL_DIGITS = r"\d{1,2}(?:ste|de|e)"

@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per language
class Grammar:
    language: Language
    rules: tuple[tuple[str, str], ...]  # (name, regex source): compiled when first needed
    words: dict[str, dict[str, object]]
    prefixes: Mapping[str, re.Pattern[str]]  # these three compile each pattern when first asked for it
    tense: Mapping[str, re.Pattern[str]]
    anchors: dict[str, frozenset[str]]  # word -> classes: every match holds an anchor of its rule's classes
    anchor_patterns: tuple[re.Pattern[str], ...]  # numbers that are not amounts; anchor words (after a space, after a mark)
    rule_classes: dict[str, tuple[frozenset[str], ...]]  # rule -> sets of anchor classes; a window needs one whole set
    glue: Mapping[str, re.Pattern[str]]  # what may stand between a day and its time

    @property
    def weekday_names(self) -> frozenset[str]:
        """The weekdays' names, lower case ("zondag"; no abbreviation)."""
        return frozenset(w for w in self.words["weekday"] if not w.endswith("."))

    @cached_property  # made once a language: select asks it for every text
    def until_words(self) -> re.Pattern[str]:
        """The signals that make a date a stretch's end ("tot zondagavond", "uiterlijk vrijdag"), ending a text."""
        ends = [w for w, mod in self.language.signals.items() if mod == "BEFORE"]
        return re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, sorted(ends, key=len, reverse=True))) + r")\s+$", re.IGNORECASE)

    def lookup(self, cls: str, text: str) -> object:
        """The value a word of class `cls` stands for (case and spaces folded)."""
        return self.words[cls][" ".join(text.lower().split())]


def rule_source(body: str) -> str:
    r"""A rule for the padded text (see at_word_start): it takes the character before its words, which
    may be none of [\w-.,/], and "^" in it is the start of the text, right after the pad."""
    return r"[^\w\-.,/]" + body.replace("^", "(?<=^ )").replace("[(?<=^ )", "[^") + r"(?![\w])"


def _alternation(words) -> str:
    """One regex for a set of words, factored as a trie so the engine tries few branches."""
    return _trie_of(frozenset(words))


@lru_cache(maxsize=None)  # rules share word classes: each is built once
def _trie_of(words: frozenset[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [_char(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _classes(lang: Language) -> dict[str, dict[str, object]]:
    longest = {n: max((w for w, m in lang.months.items() if m == n), key=len) for n in lang.months.values()}
    # A month standing alone is its full name or a dotted abbreviation ("Jan" is a name).
    full_months = {w: n for w, n in lang.months.items() if w.endswith(".") or longest[n] == w}
    return {
        "month": dict(lang.months),
        "monthname": full_months,
        "weekday": dict(lang.weekdays),
        "number": dict(lang.numbers),
        "ordinal": dict(lang.ordinals),
        "unit": dict(lang.units),
        "shift": dict(lang.shifts),
        "rolling": dict(lang.rolling),
        "within": dict(lang.within_year),
        "dayword": dict(lang.days),
        "season": dict(lang.seasons),
        "decade": dict(lang.decades),
        "holiday": dict(lang.holidays),
        "vague": dict(lang.vague),
        "qmod": dict(lang.quantity_mods),
        "part": dict(lang.parts),
        "signal": dict(lang.signals),
        "signal_after": dict(lang.signals_after),
        "anaphor": dict(lang.anaphora),
        "hour_lead": dict.fromkeys(lang.hour_leads.words, 1),
        "pastverb": dict.fromkeys(past_words(lang), 1),
        "daypart": dict(lang.dayparts),
        "every": dict(lang.every),
        "daypartword": dict(lang.day_parts),
        "qdir": dict(lang.quarter_hours),
        "_anchors": dict(lang.anchors),
        "frequency": dict(lang.frequencies),
        "offset": dict(lang.offsets),
        "daynumber": dict(lang.day_numbers),
        "dayordinal": dict(lang.day_ordinals),
        "weekdaypart": weekday_parts(lang),
        "partphrase": dict(lang.part_phrases),
    }


def weekday_parts(lang: Language) -> dict[str, tuple[str, str]]:
    """"donderdagochtend" and "donderdag ochtend": a weekday's full name and a part of the day, as (weekday, part)."""
    names = [w for w in lang.weekdays if not w.endswith(".")]
    return {
        f"{name}{glue}{noun}": (name, part)
        for name in names
        for noun, part in lang.weekday_parts.items()
        for glue in ("", " ")
    }


_FIXED = {
    "day": DAY,
    "nmonth": NMONTH,
    "year": YEAR,
    "lone_year": LONE_YEAR,
    "hour": HOUR,
    "minute": MINUTE,
    "ordinal_digits": ORDINAL_DIGITS,
}


def _expand(template: str, classes: dict[str, dict[str, object]], lang: Language) -> str:
    def fragment(match: re.Match[str]) -> str:
        name = match.group(1)
        base = name.removesuffix("_b")
        if base == "not_after_number":
            return _alternation(lang.not_after_number.words)
        if base == "no_bad_year":  # "31 december 9999", "5 maart 20250": a year that is none makes no date
            return rf"(?!,?\s+\d{{4,5}}\b(?!\s*(?:{_alternation(lang.not_after_number.words)})))"
        if base in ("hour", "minute", "ordinal_digits"):
            return _FIXED[base]
        if base == "number":
            body = f"{DIGITS}|{_alternation(classes['number'])}"
        elif base in classes:
            body = _alternation(classes[base])
        else:
            body = _FIXED[base]
        return f"(?P<{name}>{body})"

    return re.sub(r"\{([a-z_]+)\}", fragment, template)


# Classes whose words anchor rules (besides the language's [anchors] table).
ANCHOR_CLASSES = (
    "month", "weekday", "unit", "season", "holiday", "dayword", "vague", "ordinal", "frequency", "daypartword",
    "shift", "rolling", "within", "every", "part", "anaphor", "dayordinal", "weekdaypart",
)


# Numbers that can anchor a rule, by their shape (a plain number never does:
# "15 februari" is anchored by its month, "3 jaar" by its unit). Numbers and
# words are found by two simple patterns (faster than one with both); a number
# inside a word such as "gpt-5.1" only costs an idle window. The pattern opens
# with a plain digit class, which lets the regex engine skip to the next digit;
# the groups hold what follows the first digit.
NUMBER_ANCHORS = (
    r"[0-9](?<!\w[0-9])"
    r"(?:(?P<numdate>[0-9]?[-/.][0-9]{{1,2}}[-/.][0-9]{{2,4}})"
    r"|(?P<clock>[0-9]?[:hu][0-9][0-9])"
    r"|(?P<clockh>[0-9]?[hu](?![\w]))"
    r"|(?P<numdm>[0-9]?[-/.][0-9]{{1,2}})"
    r"|(?P<year>(?:(?<=1)[0-9]|(?<=2)0)[0-9][0-9])(?!\s+(?:{amounts})(?![\w]))"
    r"|(?P<ordinal>[0-9]?(?:ste|de|e)))(?![0-9])"
)
TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+")


def anchor_words(classes: dict[str, dict[str, object]]) -> dict[str, frozenset[str]]:
    """Word -> anchor classes; a phrase of several words is anchored by each longer word.

    Words are cut as TOKEN cuts the text ("king's" gives "king").
    """
    found: dict[str, set[str]] = {word: {cls} for word, cls in classes["_anchors"].items()}
    for cls in ANCHOR_CLASSES:
        for phrase in classes[cls]:
            words = TOKEN.findall(phrase)
            for word in words if len(words) > 1 else words:
                if len(words) == 1 or len(word) >= 4:
                    found.setdefault(word, set()).add(cls)
    return {word: frozenset(classes_) for word, classes_ in found.items()}


def needs(anchor: str) -> tuple[frozenset[str], ...]:
    """"month+shift ordinal": near a month and a shift word, or near an ordinal."""
    return tuple(frozenset(one.split("+")) for one in anchor.split())


def past_source(lang: Language) -> str:
    """The past words, and a strong verb's past form after an inseparable prefix ("verliep", "ontstond");
    `not_past` holds prefixed forms that are more often other words ("verdacht")."""
    forms = {form for past_sg, past_pl, _ in lang.verbs.values() for form in (past_sg, past_pl)}
    forms -= set(lang.tense.not_past)
    prefixed = (
        rf"(?!(?:{_alternation(lang.tense.not_past)})(?![\w]))"
        rf"(?:{_alternation(lang.tense.inseparable_prefixes)})(?:{_alternation(forms)})"
    )
    return rf"(?:{_alternation(past_words(lang))}|{prefixed})(?![\w])"


def past_words(lang: Language) -> set[str]:
    """The words that mark the past: the list, and the past forms of the strong and irregular verbs."""
    forms = {form for past_sg, past_pl, _ in lang.verbs.values() for form in (past_sg, past_pl)}
    return (set(lang.tense.past) | forms) - set(lang.tense.not_past)


@lru_cache(maxsize=None)
def compile_grammar(code: str = "nl") -> Grammar:
    lang = load(code)
    made_by = [language_module.file_of(code), __file__, patterns.__file__, *language_module.CODE]
    sources = cached(f"{code}.grammar", made_by, lambda: expand(lang))
    return Grammar(
        language=lang, rules=sources["rules"], words=sources["words"], anchors=sources["anchors"],
        prefixes=Patterns(sources["prefixes"]), tense=Patterns(sources["tense"]),
        anchor_patterns=tuple(re.compile(source) for source in sources["anchor_patterns"]),
        rule_classes=sources["rule_classes"], glue=Patterns(sources["glue"], re.IGNORECASE),
    )


def expand(lang: Language) -> dict[str, object]:
    """What the grammar is made of, as plain data: the rules' and the other patterns' sources, the word classes."""
    classes = _classes(lang)
    words = anchor_words(classes)
    return {
        "rules": tuple((name, rule_source(_expand(pattern, classes, lang))) for name, (_, pattern) in lang.rules.items()),
        "words": classes, "prefixes": prefix_sources(lang), "tense": tense_sources(lang), "anchors": words,
        "anchor_patterns": (
            NUMBER_ANCHORS.format(amounts=_alternation(lang.not_after_number.words)),
            # Words after a space, then after any other mark: a plain space as the first character
            # lets the regex engine jump from space to space, which halves the cost of the scan.
            r" (?P<word>" + _alternation(words) + r")\b",
            r"[^a-z0-9 ](?<=\W)(?P<word>" + _alternation(words) + r")\b",
        ),
        "rule_classes": {name: needs(anchor) for name, (anchor, _) in lang.rules.items()},
        "glue": {name: _expand(pattern, classes, lang) for name, pattern in lang.glue.model_dump().items()},
    }


def prefix_sources(lang: Language) -> dict[str, str]:
    """Patterns for the words around a match: parts and signals stand before it."""
    prefix = {
        "part": word_start(r"(?P<w>" + _alternation(lang.parts) + r")\s+$"),
        "signal": word_start(r"(?P<w>" + _alternation(lang.signals) + r")\s+$"),
        "signal_after": r"\s+(?P<w>" + _alternation(lang.signals_after) + r")(?![\w])",
        "daypart_after": r",?\s+(?P<w>" + _alternation(lang.part_phrases) + r")(?![\w])",
        # "het hoogste niveau in een week": a word that makes "in <count> <unit>" after it a length
        "measure": word_start(r"(?:" + _alternation(lang.measure_cues.words) + r")(?![\w])"),
        # "in een dag, een week of een maand": another length right after one
        "enumeration": (
            rf"\s*(?:,|\s(?:{_alternation(lang.measure_joiners.words)}))\s+"
            rf"(?:{DIGITS}|{_alternation(lang.numbers)})\s+(?:{_alternation(lang.units)})(?![\w])"
        ),
        # "drie dagen na": a count of units and a side, before the date they are counted from
        "offset": word_start(
            rf"(?P<n>{DIGITS}|{_alternation(lang.numbers)})\s+(?P<u>{_alternation(lang.units)})\s+"
            rf"(?P<w>{_alternation(lang.offsets)})\s+$"
        ),
    }
    # what may follow a match, in one pattern: most matches are followed by none of it
    after_words = set(lang.signals_after) | set(lang.part_phrases) | set(lang.hour_leads.words)
    prefix["after"] = r",?\s+(?:" + _alternation(after_words) + r")(?![\w])"
    return prefix


def tense_sources(lang: Language) -> dict[str, str]:
    """Patterns for the words that tell a clause's tense, and for where a clause ends."""
    tense = {
        name: word_start(r"(?:" + _alternation(words) + r")(?![\w])")
        for name, words in (("future", lang.tense.future), ("aux", lang.tense.perfect_aux),
                            ("participle", lang.tense.zijn_participles), ("have", lang.tense.have_aux))
    }
    particles = _alternation(lang.tense.zijn_particles) if lang.tense.zijn_particles else "(?!)"
    tense["participle"] = word_start(rf"(?:{particles})?(?:{_alternation(lang.tense.zijn_participles)})(?![\w])")
    states = _alternation(lang.tense.zijn_states) if lang.tense.zijn_states else "(?!)"
    tense["state_participle"] = word_start(rf"(?:{particles})?(?:{states})(?![\w])")
    strong = {participle for _, _, participle in lang.verbs.values()}
    tense["have_participle"] = r"\b(?:" + lang.tense.participle_shape + r"|(?:\w{2,6})?(?:" + _alternation(strong) + r"))\b"
    tense["have_infinitive"] = r"\b(?:" + _alternation(lang.tense.have_infinitives) + r")\s+\w+en\b"
    tense["agent"] = r"\s(?:" + _alternation(lang.tense.passive_agents or ("(?!)",)) + r")\s"
    # ", ruim twee weken voor de eerste editie op 14 juni": a count of units from another happening, no verb of its own
    tense["relation"] = (rf"\s*(?:\S+\s+){{0,2}}(?:{_alternation(lang.units)})\s+(?:{_alternation(lang.offsets)})\s")
    tense["future"] = r"(?<!\bte)" + tense["future"]  # "maakte bekend naar de koning te gaan": an infinitive, no future
    tense["past"] = word_start(past_source(lang))
    # a clause ends at a mark or before an opener ("dat", "omdat"); one class first lets the engine skip ahead
    tense["clause"] = (
        r"[,;:—–()\s](?:(?<=[,;:—–()])|(?<=\s)(?:" + _alternation(lang.tense.clause_openers) + r")(?=\s))"
    )
    return tense
