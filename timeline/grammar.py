"""Compiled patterns for one language, built from its word lists.

Each rule is a regular expression with named groups; `{name}` in a rule's
template stands for a word class of the language (months, weekdays, ...).
A name may carry a suffix (`{month_b}`) to use the class twice in one rule.
The rules know no words themselves: those come from the language file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.language import Language, load

DAY = r"(?:[12]\d|3[01]|0?[1-9])"
NMONTH = r"(?:1[0-2]|0?[1-9])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
LONE_YEAR = r"(?:19\d\d|20\d\d)"
DIGITS = r"\d{1,3}(?:,\d+)?"
HOUR = r"(?:[01]?\d|2[0-4])"
MINUTE = r"[0-5]\d"
ORDINAL_DIGITS = r"\d{1,2}(?:ste|de|e)"

# Rules, most specific first: at equal length the earlier rule wins.
RULES: tuple[tuple[str, str], ...] = (
    ("day_range", r"{day}\s*(?:-|–|t/m|tot en met|tot)\s*{day_b}\s+{month}(?:\s+{year})?"),
    ("numeric_date", r"(?:{weekday},?\s+)?{day}(?P<sep>[-/.]){nmonth}(?P=sep)(?P<year>\d{4}|\d{2})"),
    ("numeric_day_month", r"(?:(?<=\bop )|(?<=\bvan )|(?<=\btot )|(?<=\bper )){day}[-/.]{nmonth}(?![-/.,]?\d)"),
    ("day_month", r"(?:{weekday},?\s+)?(?:op\s+)?(?:de\s+)?(?:{day}|(?P<ordday>{ordinal_digits}))\s+{month}(?:,?\s+{year})?"),
    ("month_day", r"(?:{weekday},?\s+)?{month}\s+{day}(?:(?:ste|de|e))?(?:,?\s+{year})?"),
    ("ordinal_day", r"op\s+de\s+(?:{ordinal}|(?P<ordday>{ordinal_digits}))(?!\s+\w)"),
    ("nth_in_month", r"(?:de\s+)?(?:{ordinal}|(?P<ordday>{ordinal_digits}))\s+(?:{weekday}|(?P<dayword>dag)|(?P<weekword>week))\s+(?:in|van)\s+{monthname}(?:\s+{year})?"),
    ("nth_after_holiday", r"(?:de\s+)?{ordinal}\s+{weekday}\s+na\s+{holiday}(?:\s+{year})?"),
    ("month_year", r"{monthname}\s+(?:van\s+)?{year}"),
    ("shift_month", r"{shift}\s+jaar\s+{monthname}"),
    ("decade", r"(?:de\s+)?jaren\s+(?:{decade}|'?(?P<dec2>\d)0|(?P<dec4>(?:19|20)\d)0)"),
    ("season", r"(?:(?:de|het)\s+|{shift}\s+)?{season}(?:\s+(?:van\s+)?{year})?"),
    ("quarter", r"(?:het\s+)?(?:{ordinal}|(?P<ordday>{ordinal_digits}))\s+kwartaal(?:\s+(?:van\s+)?{year})?"),
    ("quarter_code", r"q(?P<qn>[1-4])(?:\s+(?:van\s+)?{year})?"),
    ("half", r"(?:de\s+|het\s+)?{ordinal}\s+(?:jaar)?helft(?:\s+van\s+(?:{year}|(?:het|dit)\s+jaar|{shift}\s+jaar))?"),
    ("half_code", r"h(?P<hn>[12])\s+{year}"),
    ("the_unit", r"(?:het|de)\s+(?P<unitword>jaar|maand|week)"),
    ("year", r"{lone_year}(?!\s*(?:{not_after_number}))(?![.,]\d|-\w)"),
    ("month", r"{monthname}"),
    ("week_weekday", r"{shift}\s+week\s+{weekday}"),
    ("weekday_week", r"{weekday}\s+(?:{shift}\s+week|over\s+(?P<overweek>een)\s+week)"),
    ("weekday", r"(?:{shift}\s+)?{weekday}"),
    ("holiday", r"{holiday}(?:\s+{year})?"),
    ("day_part", r"{daypartword}"),
    ("day_word", r"(?<!'s )(?<!de ){dayword}"),
    ("shift_unit", r"{shift}\s+{unit}"),
    ("within_year", r"{within}\s+(?P<unitword>jaar|maand|week)"),
    ("rolling", r"{rolling}\s+(?:{number}\s+)?{unit}"),
    ("rolling_bare", r"{shift}\s+{number}\s+{unit}"),
    ("ago", r"{number}\s+{unit}\s+geleden"),
    ("ahead", r"(?:over|binnen|in)\s+{number}\s+{unit}"),
    ("vague", r"{vague}"),
    ("every_weekday", r"{every}\s+{weekday}"),
    ("every_unit", r"{every}\s+(?:{number}\s+)?{unit}"),
    ("frequency", r"{frequency}"),
    ("hour", r"(?:(?:om|rond|tegen|vanaf|tot|stipt om)\s+(?:ongeveer\s+|circa\s+)?)(?P<hh>{hour}|{number})\s+uur(?:\s+(?P<mm>{minute}))?(?:\s+{daypart})?"),
    ("hour_daypart", r"(?P<hh>{hour}|{number})\s+uur(?:\s+(?P<mm>{minute}))?\s+{daypart}"),
    ("duration", r"(?:{qmod}\s+)?{number}\s+(?:en\s+een\s+half\s+)?{unit}(?!\s+(?:geleden|na|voor))"),
    ("clock", r"(?P<hh>{hour})(?::|h|u)(?P<mm>{minute})(?:u|h)?(?!\d)(?:\s+{daypart})?"),

    ("half_hour", r"half\s+(?P<hh>{hour}|{number})(?!\s+\w*(?:uur|jaar|maand|week))(?:\s+{daypart})?"),
    ("quarter_hour", r"kwart\s+(?P<qdir>over|voor)\s+(?P<hh>{hour}|{number})(?:\s+{daypart})?"),
)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per language
class Grammar:
    language: Language
    rules: tuple[tuple[str, str], ...]  # (name, regex source): compiled when first needed
    words: dict[str, dict[str, object]]
    prefixes: dict[str, re.Pattern[str]]
    tense: dict[str, re.Pattern[str]]
    anchors: dict[str, frozenset[str]]  # word -> classes: every match holds an anchor of its rule's classes
    anchor_pattern: re.Pattern[str]  # finds anchor words, and numbers that are not amounts
    rule_classes: dict[str, frozenset[str]]

    def lookup(self, cls: str, text: str) -> object:
        """The value a word of class `cls` stands for (case and spaces folded)."""
        return self.words[cls][" ".join(text.lower().split())]


def _alternation(words) -> str:
    """One regex for a set of words, factored as a trie so the engine tries few branches."""
    trie: dict = {}
    for word in set(words):
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
        "daypart": dict(lang.dayparts),
        "every": dict(lang.every),
        "daypartword": dict(lang.day_parts),
        "frequency": dict(lang.frequencies),
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


# The anchor classes that can trigger each rule: a rule runs only on text near
# a word of one of its classes ("digit" is any number).
RULE_ANCHORS = {
    "day_range": "month", "numeric_date": "numdate", "numeric_day_month": "numdm", "day_month": "month",
    "month_day": "month", "ordinal_day": "ordinal", "nth_in_month": "month", "nth_after_holiday": "holiday",
    "month_year": "month", "shift_month": "month", "decade": "unit", "season": "season", "quarter": "unit",
    "quarter_code": "code", "half": "helft", "half_code": "code", "the_unit": "unit", "year": "year",
    "month": "month", "week_weekday": "weekday", "weekday_week": "weekday", "weekday": "weekday",
    "holiday": "holiday", "day_word": "dayword", "day_part": "daypartword", "shift_unit": "unit", "within_year": "unit", "rolling": "unit",
    "rolling_bare": "unit", "ago": "unit", "ahead": "unit", "vague": "vague", "duration": "unit",
    "every_weekday": "weekday", "every_unit": "unit", "frequency": "frequency",
    "clock": "clock", "hour": "unit", "hour_daypart": "unit", "half_hour": "clockword", "quarter_hour": "clockword",
}
ANCHOR_CLASSES = (
    "month", "weekday", "unit", "season", "holiday", "dayword", "vague", "ordinal", "frequency", "daypartword",
)
EXTRA_ANCHORS = {"helft": "helft", "jaarhelft": "helft", "half": "clockword", "kwart": "clockword",
                 "q1": "code", "q2": "code", "q3": "code", "q4": "code", "h1": "code", "h2": "code"}


# Numbers that can anchor a rule, by their shape (a plain number never does:
# "15 februari" is anchored by its month, "3 jaar" by its unit). The pattern
# starts with a plain word boundary, not a look-behind, so the engine can skip
# ahead fast; an anchor in a word such as "gpt-5.1" only costs an idle window.
NUMBER_ANCHORS = (
    r"(?:(?P<numdate>\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
    r"|(?P<clock>\d{{1,2}}[:hu]\d\d)"
    r"|(?P<numdm>\d{{1,2}}[-/.]\d{{1,2}})"
    r"|(?P<year>(?:1\d|20)\d\d)(?!\s+(?:{amounts})(?![\w]))"
    r"|(?P<ordinal>\d{{1,2}}(?:ste|de|e)))(?![\d])"
)
TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+")


def anchor_words(classes: dict[str, dict[str, object]]) -> dict[str, frozenset[str]]:
    """Word -> anchor classes; a phrase of several words is anchored by each longer word.

    Words are cut as TOKEN cuts the text ("king's" gives "king").
    """
    found: dict[str, set[str]] = {word: {cls} for word, cls in EXTRA_ANCHORS.items()}
    for cls in ANCHOR_CLASSES:
        for phrase in classes[cls]:
            words = TOKEN.findall(phrase)
            for word in words if len(words) > 1 else words:
                if len(words) == 1 or len(word) >= 4:
                    found.setdefault(word, set()).add(cls)
    return {word: frozenset(classes_) for word, classes_ in found.items()}


@lru_cache(maxsize=None)
def compile_grammar(code: str = "nl") -> Grammar:
    lang = load(code)
    classes = _classes(lang)
    rules = tuple((name, r"(?<![\w\-.,/])" + _expand(t, classes, lang) + r"(?![\w])") for name, t in RULES)
    # Regexes for the words around a match: parts and signals stand before it.
    prefix = {
        "part": re.compile(r"(?<![\w])(?P<w>" + _alternation(lang.parts) + r")\s+$", re.IGNORECASE),
        "signal": re.compile(r"(?<![\w])(?P<w>" + _alternation(lang.signals) + r")\s+$", re.IGNORECASE),
    }
    tense = {
        name: re.compile(r"(?<![\w])(?:" + _alternation(words) + r")(?![\w])", re.IGNORECASE)
        for name, words in (("future", lang.tense.future), ("past", lang.tense.past))
    }
    words = anchor_words(classes)
    return Grammar(
        language=lang, rules=rules, words=classes, prefixes=prefix, tense=tense, anchors=words,
        anchor_pattern=re.compile(r"\b(?:" + NUMBER_ANCHORS.format(amounts=_alternation(lang.not_after_number.words))
                                  + r"|(?P<word>" + _alternation(words) + r")(?![\w]))"),
        rule_classes={name: frozenset(RULE_ANCHORS[name].split()) for name, _ in RULES},
    )
