"""Constraints applied after tagging: a Dutch clause has one finite verb, and a few phrase shapes.

The tagger reads left to right and may take a second `-en` form in a clause for a finite
verb (`Hij kan dat bij de stemming melden`) or leave a clause without one (`dat beide
partijen er uit zijn`). Plain rules mend that, on the clauses of `chunks.clauses`:

- a finite verb after another in the same clause, with no coordinator, punctuation or
  question word between them, is a possessive before a noun, adjective or numeral (`zijn`),
  else an infinitive, else a participle when the word can be one; right after the first, a noun;
- a finite verb that may be a possessive is one before a noun, adjective or numeral after a
  preposition (`voor zijn parochie`);
- a main clause with no finite verb whose first verb comes right after a noun or pronoun,
  with more of the clause after it, has it as its finite verb when the word can be one
  (`In India werken 80000 religieuzen`, `Velora verwacht in 2026 ...`);
- a subordinate clause opened by a subordinating conjunction of a finite clause (`dat`,
  `omdat`, `toen`, ...; not `om` or `dan`) or a relative pronoun, that has no finite verb, gets
  the first verb of its closing verb cluster that can be finite (not after `te`) as its
  finite verb: an infinitive form becomes a plural present, a participle a past.

- `tot en met`, a `maar` right after the verb and quote marks open no new clause; `waar`,
  `waarin` ... inside a sentence open a subordinate clause; a main clause with no verb at all
  takes the word after its subject seen as finite or shaped as an unseen past (`Ze wezen op`).

And in phrases: a possessive after an article is a noun (`de mijn`), a capitalised adjective
after a name is part of it (`Zonnestroom Noord`) and a capitalised unknown verb form a name, a
past form between an article, possessive, numeral, adjective, adverb or preposition and a noun
or adjective is a participle (`de vertraagde treinen`), an -en form after a cardinal a noun
(`twaalf sprongen`), after `te` an infinitive.
Each rule was kept for what it gained on Alpino's development part, held out from training.
"""

from __future__ import annotations

from timeline.temporal.pos.chunks import Clause, clauses
from timeline.temporal.pos.features import QUOTES

FINITE_OPENERS = frozenset({
    "dat", "omdat", "wanneer", "nadat", "voordat", "terwijl", "toen", "hoewel", "of", "zodat", "doordat",
    "indien", "tenzij", "zodra", "totdat", "opdat", "aangezien", "mits", "zolang", "als",
})
QUESTION_WORDS = frozenset({"welke", "wie", "wat", "hoe", "waarom", "wanneer"})
WAAR = frozenset({"", "in", "mee", "door", "van", "op", "uit", "bij", "na", "over", "voor", "aan", "naar", "tegen", "onder",
                   "om", "achter", "langs", "tussen"})
COORDINATORS = frozenset({"en", "of", "maar", "want", "noch"})
BREAKING = ("VG|neven", "LET")
ATTRIBUTIVE = ("LID|", "VNW|bez", "TW", "ADJ")
PAST_ENDINGS = ("de", "te", "den", "ten")
NOMINAL = ("N|", "ADJ", "TW")
DETERMINERS = frozenset({"de", "een", "geen", "elk", "elke", "ieder", "iedere", "jouw", "onze", "uw"})
INSEPARABLE = ("be", "ver", "ont", "her", "ge", "er")


def mend(words: list[str], tags: list[str], lexicon: dict[str, str]) -> list[str]:
    """The tags with the constraints applied (a new list)."""
    tags = list(tags)
    for i in range(1, len(tags)):
        if tags[i].startswith("WW|pv|verl") and heads_noun_phrase(words, tags, i, lexicon):
            tags[i] = "N|soort|mv" if words[i].endswith("en") else "N|soort|ev"
        elif tags[i].startswith("WW|pv") and words[i - 1].lower() in DETERMINERS and words[i - 1] != "Een" \
                and not (i + 1 < len(tags) and tags[i + 1].startswith(("N|", "ADJ"))):
            seen = seen_as(words[i], lexicon)  # "geen verwijt", "de sprong": no finite verb after a determiner
            plural = "N|soort|ev" not in seen and ("N|soort|mv" in seen or words[i].endswith("en"))
            tags[i] = "N|soort|mv" if plural else "N|soort|ev"
    opening = [("VNW|betr" if relative_adverb(words, i) else t) for i, t in enumerate(tags)]
    for clause in clauses(words, opening):
        mend_clause(words, tags, clause, lexicon)
    for i in range(1, len(tags)):
        if tags[i] == "VNW|bez" and tags[i - 1].startswith("LID|"):
            tags[i] = "N|soort|ev"
        elif tags[i] == "ADJ" and tags[i - 1].startswith("N|eigen") and words[i][:1].isupper():
            tags[i] = "N|eigen|ev"
        elif tags[i].startswith("WW|") and words[i][:1].isupper() and words[i] not in lexicon \
                and (tags[i - 1] != "LET" or words[i - 1] == ","):
            tags[i] = "N|eigen|ev"  # "woningcorporatie Stadswonen": a verb inside a sentence has no capital
    for i in range(1, len(tags) - 1):
        if tags[i].startswith("WW|pv"):
            tags[i] = in_phrase(words, tags, i, lexicon)
    return tags


def heads_noun_phrase(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """Whether an unseen word read as a past stands where a noun phrase's head goes: after an article or a
    determiner such as `sommige` (`Sommige geleerden denken`; not `zich` nor `veel`), or as an -en form after
    "en" and a plural noun (`Arbeiders en bedienden maken ...`), and before no noun or adjective."""
    if seen_as(words[i], lexicon) or not words[i].islower() or i + 1 < len(tags) and tags[i + 1].startswith(("N|", "ADJ")):
        return False
    before = tags[i - 1]
    return before.startswith("LID") or before == "VNW|ander" and words[i - 1].endswith("e") \
        or before == "VG|neven" and i > 1 and tags[i - 2].startswith("N|") and tags[i - 2].endswith("|mv") \
        and words[i].endswith("en")


def in_phrase(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> str:
    """The tag of a finite verb form that stands where a noun phrase's words go: a past form between an
    article, possessive, numeral, adjective, adverb or preposition and a noun or adjective is a participle
    (`de vertraagde treinen`), and so is an unseen `ge-...-de` form before one (`door Syrië gesteunde`);
    an -en form after a cardinal in letters, or after one and an adjective, is a plural noun (`twaalf sprongen`);
    after `te`, an infinitive."""
    word, before, after = words[i], tags[i - 1], tags[i + 1]
    if tags[i] == "WW|pv|tgw|mv" and words[i - 1].lower() == "te":  # "lijken te dragen"
        return "WW|inf"
    if tags[i].startswith("WW|pv|verl") and after.startswith(("N|", "ADJ")):
        if (before.startswith(ATTRIBUTIVE) or before in ("BW", "VZ") and another_finite(tags, i)) \
                and (can_be(word, "WW|vd", lexicon) or not seen_as(word, lexicon)):
            return "WW|vd"  # not "Gisteren bestelde Jansen boeken", the clause's only finite verb
        if word.startswith("ge") and word.endswith(("de", "te")) and not seen_as(word, lexicon):
            return "WW|vd"
        if word.startswith(INSEPARABLE) and word.endswith(("de", "te")) \
                and (before.startswith(("LID|", "VNW|bez")) or counted(words, tags, i - 1)):
            return "WW|vd"  # "haar drie veroverde titels": the participle of "veroveren" has the form of its past
    if word.endswith("en") and word.islower() and not after.startswith("LID") \
            and (counted(words, tags, i - 1) or before == "ADJ" and words[i - 1].endswith("e") and counted(words, tags, i - 2)):
        return "N|soort|mv"  # not "Slechts vier vonden de haven"
    return tags[i]


def another_finite(tags: list[str], i: int) -> bool:
    """Whether the sentence has a finite verb besides word i."""
    return any(t.startswith("WW|pv") for j, t in enumerate(tags) if j != i)


def counted(words: list[str], tags: list[str], i: int) -> bool:
    """Whether word i is a cardinal numeral in letters (`drie`, `honderd`; not `tweede` nor `2001`)."""
    return i >= 0 and tags[i] == "TW" and words[i].isalpha() and not words[i].endswith(("de", "ste"))


def mend_clause(words: list[str], tags: list[str], clause: Clause, lexicon: dict[str, str]) -> None:
    finite = [j for j in range(clause.start, clause.end) if tags[j].startswith("WW|pv")]
    for a, b in zip(finite, finite[1:]):
        if not any(breaks(words, tags, j, a) for j in range(a + 1, b)):
            if possessive(words, tags, b, lexicon):
                tags[b] = "VNW|bez"
            elif can_be(words[b], "WW|inf", lexicon):
                tags[b] = "WW|inf"
            elif can_be(words[b], "WW|vd", lexicon):
                tags[b] = "WW|vd"
            elif b == a + 1 and (can_be(words[b], "N|soort|ev", lexicon) or not seen_as(words[b], lexicon)):
                tags[b] = "N|soort|ev"
            elif not seen_as(words[b], lexicon) and participle_shaped(words[b]):
                tags[b] = "WW|vd"  # "is op 1 mei overgestapt op ..."
            elif not seen_as(words[b], lexicon) and tags[b - 1].startswith(("N|eigen", "LID", "VNW|bez", "ADJ")) \
                    and not words[b].endswith(PAST_ENDINGS):
                tags[b] = "N|soort|ev"  # "Daar breekt Rons toverstaf": not seen, after a name or an article
    for j in finite:
        if j and tags[j - 1] == "VZ" and possessive(words, tags, j, lexicon):
            tags[j] = "VNW|bez"
    if clause.kind == "sub" and finite and possessive(words, tags, finite[-1], lexicon) and finite_follows(tags, clause.end):
        tags[finite[-1]] = "VNW|bez"  # "nadat hij zijn congé had gekregen": the clause was cut at "zijn"
    if not finite and clause.kind == "sub" and (tags[clause.start] == "VNW|betr" or relative_adverb(words, clause.start)
                                                or words[clause.start].lower() in FINITE_OPENERS):
        make_finite(words, tags, clause.start, clause.end, lexicon)
    elif clause.kind == "main":
        for start, end in conjuncts(words, tags, clause):
            if any(tags[j].startswith("WW|pv") for j in range(start, end)) \
                    or any(tags[j] in ("WW|inf", "WW|vd") for j in range(max(clause.start - 1, 0), start)):
                continue  # "Ze willen zingen en dansen": an infinitive before, and the verb after "en" is one too
            verb = next((j for j in range(start + 1, end) if tags[j].startswith("WW|")), None)
            if verb is not None and (subject_before(tags, start, verb) or fronted(tags, start, verb)) \
                    and verb + 1 < len(tags) and (tags[verb + 1] != "LET" if verb + 1 < end else tags[end] == "VG|onder"):
                tags[verb] = main_finite(words[verb], tags[verb], lexicon)
        if not finite and not any(tags[j].startswith("WW|") for j in range(clause.start, clause.end)):
            hidden_finite(words, tags, clause.start, clause.end, lexicon)


def conjuncts(words: list[str], tags: list[str], clause: Clause) -> list[tuple[int, int]]:
    """The stretches of a main clause between its coordinators (each after the first starts at its coordinator;
    not the "en" of "tot en met")."""
    cuts = [j for j in range(clause.start + 1, clause.end - 1) if tags[j] == "VG|neven"
            and not (words[j - 1].lower() == "tot" and words[j + 1].lower() == "met")
            or j > clause.start + 1 and words[j].lower() in ("hoe", "waarom", "wie")]
    bounds = [clause.start, *cuts, clause.end]
    return list(zip(bounds, bounds[1:]))


NOUN_PHRASE = ("LID|", "VNW|bez", "VNW|aanw", "VNW|ander", "ADJ", "TW", "N|")


def subject_before(tags: list[str], start: int, verb: int) -> bool:
    """Whether a noun or personal pronoun stands right before the verb, or a noun phrase fills the clause up
    to it (`De jaren vijftig staan ...`)."""
    if tags[verb - 1].startswith(("N|", "VNW|pers")):
        return True
    before = tags[start:verb]
    return all(t.startswith(NOUN_PHRASE) for t in before) and any(t.startswith("N|") for t in before)


def fronted(tags: list[str], start: int, verb: int) -> bool:
    """Whether only an adverb or two (or a coordinator) stand before the verb in its clause, the place of a
    main clause's finite verb (`Later gebruiken ze ...`, `Dagelijks rollen ...`, `..., en vinden dat ...`), or
    a prepositional phrase with the subject after the verb (`In die zaal spelen de kinderen ...`)."""
    if verb - start <= 2 and all(t in ("BW", "ADJ", "VG|neven") for t in tags[start:verb]):
        return True
    return tags[start] == "VZ" and all(t.startswith(NOUN_PHRASE + ("VZ",)) for t in tags[start:verb]) \
        and verb + 1 < len(tags) and tags[verb + 1].startswith(("LID", "VNW|pers", "N|eigen"))


def hidden_finite(words: list[str], tags: list[str], start: int, end: int, lexicon: dict[str, str]) -> None:
    """In a main clause from `start` to `end` with no verb at all: the first word after
    a noun or personal pronoun that was seen as a finite verb (`Ze wezen op ...`), or as an infinitive after a
    subject that is not singular (`Ze delen een coupé`), or not seen and shaped as a past (`De Afrikanen boekten
    in ...`), is one."""
    for j in range(start + 1, end - 1):
        if tags[j - 1].startswith(("N|", "VNW|pers")) and tags[j + 1] != "LET" and words[j].islower():
            seen = seen_as(words[j], lexicon)
            finite = next((t for t in seen.split("/") if t.startswith("WW|pv")), None)
            if finite is None and not seen and words[j].endswith(PAST_ENDINGS):
                finite = "WW|pv|verl|mv" if words[j].endswith("en") else "WW|pv|verl|ev"
            if finite is None and "WW|inf" in seen and not tags[j - 1].endswith("|ev"):
                finite = "WW|pv|tgw|mv"  # "Ze delen een coupé": an infinitive's form is the plural present
            if finite:
                tags[j] = finite
                return


def relative_adverb(words: list[str], i: int) -> bool:
    """Whether word i is "waar" or "waar" and a preposition inside a sentence ("waarin we ...", ", waar ... liggen")."""
    low = words[i].lower()
    return i > 0 and low.startswith("waar") and low[4:] in WAAR and words[i - 1] not in (":", '"', "'", ",,", "“")


def finite_follows(tags: list[str], start: int) -> bool:
    """Whether a finite verb comes from `start` on before punctuation or a conjunction."""
    for tag in tags[start:]:
        if tag.startswith("WW|pv"):
            return True
        if tag in BREAKING or tag == "VG|onder":
            return False
    return False


def possessive(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """Whether word i may be a possessive and stands before a noun, adjective or numeral."""
    return can_be(words[i], "VNW|bez", lexicon) and i + 1 < len(tags) and tags[i + 1].startswith(NOMINAL)


def main_finite(word: str, tag: str, lexicon: dict[str, str]) -> str:
    """The finite tag of a main clause's only verb form, if the word can be finite, else its tag."""
    seen = seen_as(word, lexicon)
    if tag == "WW|inf" and ("WW|pv|tgw|mv" in seen or "WW|inf" in seen):
        return "WW|pv|tgw|mv"
    if tag == "WW|vd" and "WW|pv|tgw|ev" in seen:
        return "WW|pv|tgw|ev"
    if tag == "WW|vd" and ("WW|pv|verl" in seen or (not seen and word.endswith(PAST_ENDINGS) and not word.startswith("ge"))):
        return "WW|pv|verl|mv" if word.endswith("en") else "WW|pv|verl|ev"
    return tag


def breaks(words: list[str], tags: list[str], j: int, finite: int) -> bool:
    """Whether a new clause may start at word j, after the finite verb at `finite`: punctuation, a coordinator,
    a question word; not the "en" of "tot en met", nor a "maar" right after the verb ("zal maar ...")."""
    low = words[j].lower()
    if low == "en" and words[j - 1].lower() == "tot" and j + 1 < len(words) and words[j + 1].lower() == "met":
        return False
    if low == "maar" and j == finite + 1:
        return False
    if all(c in QUOTES for c in low):  # "zou 'per ongeluk' ontvoerd zijn"
        return False
    return tags[j] in BREAKING or asks(words[j])


def asks(word: str) -> bool:
    """A question word or a coordinator, whatever its tag: a new clause may start at it."""
    low = word.lower()
    return low in QUESTION_WORDS or low in COORDINATORS or low.startswith("waar")


def seen_as(word: str, lexicon: dict[str, str]) -> str:
    return lexicon.get(word) or lexicon.get(word.lower()) or ""


def participle_shaped(word: str) -> bool:
    """Whether a word has a participle's shape: "ge" in front or after a prefix, and a -t or -d at the end."""
    low = word.lower()
    return low.endswith(("t", "d")) and "ge" in low[:-3]


def can_be(word: str, tag: str, lexicon: dict[str, str]) -> bool:
    """Whether the treebanks showed the word with this tag, or (unseen) it ends as an infinitive does."""
    seen = seen_as(word, lexicon)
    return tag in seen if seen else tag == "WW|inf" and word.endswith("en")


def make_finite(words: list[str], tags: list[str], start: int, end: int, lexicon: dict[str, str]) -> None:
    while end > start and tags[end - 1] == "LET":
        end -= 1
    first = end
    while first > start + 1 and (tags[first - 1].startswith("WW|") or words[first - 1].lower() == "te"):
        first -= 1  # "wanneer ... niet blijken te helpen"
    for j in range(first, end):
        if tags[j] == "WW|inf" and words[j - 1].lower() != "te" and can_be(words[j], "WW|inf", lexicon):
            tags[j] = "WW|pv|tgw|mv"
            return
        seen = seen_as(words[j], lexicon)
        if tags[j] == "WW|vd" and "WW|pv|verl" in seen:
            tags[j] = "WW|pv|verl|ev" if "WW|pv|verl|ev" in seen else "WW|pv|verl|mv"
            return
    if first < end and words[first].lower() == "te" and first - 1 > start and not tags[first - 1].startswith("WW|"):
        finite = next((t for t in seen_as(words[first - 1], lexicon).split("/") if t.startswith("WW|pv")), None)
        if finite:  # "omdat ze op het perron staat te wachten"
            tags[first - 1] = finite
            return
    if first == end:  # no verb closes the clause: "die onderling communiceren via vaste kanalen"
        verbs = [j for j in range(start + 1, end) if tags[j].startswith("WW|")]
        if len(verbs) == 1 and tags[verbs[0]] == "WW|inf" and words[verbs[0] - 1].lower() != "te" \
                and not tags[verbs[0] - 1].startswith(("LID", "LET")) and plural_present(words[verbs[0]], lexicon):
            tags[verbs[0]] = "WW|pv|tgw|mv"


def plural_present(word: str, lexicon: dict[str, str]) -> bool:
    """Whether the word may be a plural present: seen as one, or not seen and ending in -en."""
    seen = seen_as(word, lexicon)
    return "WW|pv|tgw|mv" in seen if seen else word.endswith("en")
