"""Constraints applied after tagging: a Dutch clause has one finite verb, and a few phrase shapes.

The tagger reads left to right and may take a second `-en` form in a clause for a finite
verb (`Hij kan dat bij de stemming melden`) or leave a clause without one (`dat beide
partijen er uit zijn`). Plain rules mend that, on the clauses of `chunks.clauses`:

- a finite verb after another in the same clause, with no coordinator, punctuation or
  question word between them, is a possessive before a noun, adjective or numeral (`zijn`),
  else an infinitive, else a participle when the word can be one; right after the first, a noun;
- a finite verb that may be a possessive is one before a noun, adjective or numeral after a
  preposition (`voor zijn parochie`);
- a subordinate clause opened by a subordinating conjunction of a finite clause (`dat`,
  `omdat`, `toen`, ...; not `om` or `dan`) or a relative pronoun, that has no finite verb, gets
  the first verb of its closing verb cluster that can be finite (not after `te`) as its
  finite verb: an infinitive form becomes a plural present, a participle a past. When no verb
  closes it (or only a `te`-infinitive), its one other infinitive form becomes the finite verb
  (`die onderling communiceren via vaste kanalen`);
- a main clause is read conjunct by conjunct (cut at a coordinator, or before `hoe`, `waarom`,
  `wie`): a conjunct without a finite verb, with more of it after its first verb, has that verb
  as its finite verb when the word can be one and it comes after a noun or pronoun, a noun
  phrase, an adverb or two, or a fronted prepositional phrase (`In India werken 80000
  religieuzen`, `Later vinden de buren ...`);
- an infinitive form right after the finite verb closing a subordinate clause is the main
  clause's finite verb when that verb takes no infinitive (`De mensen die er wonen klagen ...`);
  a past form there before an auxiliary is a participle (`dat het schip verzonken was`).

- `tot en met`, a `maar` right after the verb and quote marks open no new clause; `waar`,
  `waarin` ... inside a sentence open a subordinate clause; a main clause with no verb at all
  takes the word after its subject seen as finite (or as an infinitive after a subject that is
  not singular), or shaped as an unseen past or -t present (`Ze wezen op`, `Ze delen een kamer`).

The rules inside noun phrases are in `nominal.py`. Each rule was kept for what it gained on
Alpino's development part and (from session 9 on) LassySmall's test part, each held out from
training.
"""

from __future__ import annotations

from timeline.temporal.pos.chunks import Clause, clauses
from timeline.temporal.pos.features import QUOTES
from timeline.temporal.pos.nominal import (
    INSEPARABLE, PAST_ENDINGS, can_be, mend_heads, mend_phrases, participle_shaped, plural_present, present_of_verb,
    seen_as,
)

FINITE_OPENERS = frozenset({
    "dat", "omdat", "wanneer", "nadat", "voordat", "terwijl", "toen", "hoewel", "of", "zodat", "doordat",
    "indien", "tenzij", "zodra", "totdat", "opdat", "aangezien", "mits", "zolang", "als",
})
QUESTION_WORDS = frozenset({"welke", "wie", "wat", "hoe", "waarom", "wanneer"})
WAAR = frozenset({"", "in", "mee", "door", "van", "op", "uit", "bij", "na", "over", "voor", "aan", "naar", "tegen", "onder",
                   "om", "achter", "langs", "tussen"})
CLUSTER_VERBS = frozenset(  # finite verbs with an infinitive in their cluster ("dat ze willen gaan", "heeft laten zien")
    "kan kon konden kunnen kunt moet moest moesten moeten mag mocht mochten mogen wil wilt wilde wilden willen wou "
    "wouden zal zult zullen zou zouden ga gaat gaan ging gingen blijf blijft blijven bleef bleven laat laten liet "
    "lieten kom komt komen kwam kwamen hoort horen hoorde hoorden zie ziet zien zag zagen doe doet doen deed deden "
    "hoeft hoeven hoefde hoefden durft durven durfde durfden leert leren leerde leerden helpt helpen hielp hielpen "
    "zit zitten zat zaten staat staan stond stonden ligt liggen lag lagen loopt lopen liep liepen heb hebt heeft "
    "hebben had hadden".split())
AUXILIARIES = frozenset("is was waren werd werden wordt heeft had hadden".split())
INDIRECT_QUESTIONS = frozenset({"hoe", "waarom", "wie"})
COORDINATORS = frozenset({"en", "of", "maar", "want", "noch"})
BREAKING = ("VG|neven", "LET")
NOMINAL = ("N|", "ADJ", "TW")


def mend(words: list[str], tags: list[str], lexicon: dict[str, str]) -> list[str]:
    """The tags with the constraints applied (a new list)."""
    tags = list(tags)
    mend_heads(words, tags, lexicon)
    opening = list(tags)
    for i in [i for i, w in enumerate(words) if w[:4] in ("waar", "Waar")]:
        if relative_adverb(words, i):
            opening[i] = "VNW|betr"
    for i in [i for i, w in enumerate(words) if i and w.lower() == "toen" and tags[i] == "BW"]:
        if when_clause(words, tags, i, lexicon):
            tags[i] = opening[i] = "VG|onder"  # "ontstak het gas toen de bewoner een schakelaar aanzette"
    for clause in clauses(words, opening):
        mend_clause(words, tags, clause, lexicon)
    mend_phrases(words, tags, lexicon)
    return tags






def when_clause(words: list[str], tags: list[str], i: int, lexicon: dict[str, str]) -> bool:
    """A "toen" inside a sentence that a subject follows, in a stretch whose only finite verb (or past form) ends it
    at its mark (`toen de bewoner een lichtschakelaar aanzette`): the conjunction, not the adverb."""
    end = next((j for j in range(i + 1, len(words)) if tags[j] == "LET"), len(words))
    last = words[end - 1].lower() if end > i + 2 else ""
    return bool(last) and tags[i + 1].startswith(("LID", "VNW|pers", "N|", "VNW|aanw")) \
        and not any(tags[j].startswith("WW|pv") for j in range(i + 1, end - 1)) \
        and (tags[end - 1].startswith("WW|pv") or last.endswith(PAST_ENDINGS) and not can_be(words[end - 1], "N|soort|mv", lexicon))


def mend_clause(words: list[str], tags: list[str], clause: Clause, lexicon: dict[str, str]) -> None:
    finite = [j for j in range(clause.start, clause.end) if tags[j].startswith("WW|pv")]
    for a, b in zip(finite, finite[1:]):
        if not any(breaks(words, tags, j, a) for j in range(a + 1, b)):
            second_finite(words, tags, a, b, lexicon)
    for j in finite:
        if j and tags[j - 1] == "VZ" and possessive(words, tags, j, lexicon):
            tags[j] = "VNW|bez"
    if clause.kind == "sub" and finite and possessive(words, tags, finite[-1], lexicon) and finite_follows(tags, clause.end):
        tags[finite[-1]] = "VNW|bez"  # "nadat hij zijn congé had gekregen": the clause was cut at "zijn"
    if clause.kind == "sub" and len(finite) == 1:
        main_verb_after(words, tags, clause, finite[0], lexicon)
        auxiliary_after(words, tags, clause, finite[0], lexicon)
    if not finite and clause.kind == "sub" and (tags[clause.start] == "VNW|betr" or relative_adverb(words, clause.start)
                                                or words[clause.start].lower() in FINITE_OPENERS):
        make_finite(words, tags, clause.start, clause.end, lexicon)
        if tags[clause.start] == "VNW|betr" and words[clause.start].lower() in ("die", "dat") and clause.start and \
                all(w in ".!?" for w in words[clause.end - 1:]) and \
                not any(tags[j].startswith("WW") for j in range(clause.start + 1, clause.end)):
            tags[clause.start] = "VNW|aanw"  # "trok zij die weer in": no clause of its own, the object
    elif clause.kind == "main":
        mend_conjuncts(words, tags, clause, finite, lexicon)
        if not finite and not any(tags[j].startswith("WW|") for j in range(clause.start, clause.end)):
            hidden_finite(words, tags, clause.start, clause.end, lexicon)


def second_finite(words: list[str], tags: list[str], a: int, b: int, lexicon: dict[str, str]) -> None:
    """Mend two finite verbs a and b of one clause with nothing between them that may start a new one."""
    seen = seen_as(words[b], lexicon)
    if a and not seen_as(words[a], lexicon) and "LID" in seen_as(words[a - 1], lexicon) and seen \
            and all(t.startswith("WW|pv") for t in seen.split("/")):  # "Het concert ter ere van ... was": an unseen
        tags[a - 1], tags[a] = "LID|bep", "N|soort|ev"  # word after an article, before a verb that is only finite
    elif b == a + 1 and "N|soort" in seen_as(words[a], lexicon) and not can_be(words[b], "N|soort", lexicon) \
            and not can_be(words[b], "WW|inf", lexicon) and not can_be(words[b], "WW|vd", lexicon):
        tags[a] = "N|soort|ev" if "N|soort|ev" in seen_as(words[a], lexicon) else "N|soort|mv"  # "Trimbles vertrek viel"
    elif possessive(words, tags, b, lexicon):
        tags[b] = "VNW|bez"
    elif can_be(words[b], "WW|inf", lexicon):
        tags[b] = "WW|inf"
    elif can_be(words[b], "WW|vd", lexicon):
        tags[b] = "WW|vd"
    elif b == a + 1 and (can_be(words[b], "N|soort|ev", lexicon) or not seen):
        tags[b] = "N|soort|ev"
    elif "N|soort" in seen and "WW|pv" not in seen:
        tags[b] = "N|soort|ev" if "N|soort|ev" in seen else "N|soort|mv"  # "dat begin dit jaar"
    elif not seen and participle_shaped(words[b]):
        tags[b] = "WW|vd"  # "is op 1 mei overgestapt op ..."
    elif not seen and tags[b - 1].startswith(("N|eigen", "LID", "VNW|bez", "ADJ")) and not words[b].endswith(PAST_ENDINGS):
        tags[b] = "N|soort|ev"  # "Daar breekt Rons toverstaf": not seen, after a name or an article
    elif not seen and b - 2 > a and tags[b - 2].startswith(("LID", "VNW|bez", "ADJ")) \
            and tags[b - 1].startswith("N|soort") and words[b][:1].islower():
        tags[b] = "N|soort|ev"  # "sluit zijn afdeling verloskunde": not seen, the noun's name after it


def mend_conjuncts(words: list[str], tags: list[str], clause: Clause, finite: list[int], lexicon: dict[str, str]) -> None:
    """Each conjunct of a main clause without a finite verb takes its first verb after a subject (not after the
    clause's finite verb: "met de ministeries en de provincie ondertekenen"), or after adverbs or "en"."""
    for start, end in conjuncts(words, tags, clause):
        if any(start <= j < end for j in finite) \
                or any(tags[j] in ("WW|inf", "WW|vd") for j in range(max(clause.start - 1, 0), start)):
            continue  # "Ze willen zingen en dansen": an infinitive before, and the verb after "en" is one too
        verb = next((j for j in range(start + 1, end) if tags[j].startswith("WW|")), None)
        after_finite = any(j < start for j in finite)
        if verb is not None and (subject_before(tags, start, verb) and not after_finite or fronted(tags, start, verb)) \
                and verb + 1 < len(tags) and (tags[verb + 1] != "LET" if verb + 1 < end else tags[end] == "VG|onder"):
            tags[verb] = main_finite(words[verb], tags[verb], lexicon)


def main_verb_after(words: list[str], tags: list[str], clause: Clause, finite: int, lexicon: dict[str, str]) -> None:
    """An infinitive form right after the finite verb that closes a subordinate clause is the main clause's finite
    verb when that verb takes no infinitive and the main clause has none before or after (`De mensen die er
    wonen klagen over lawaai`)."""
    j = finite + 1
    if j >= clause.end or tags[j] != "WW|inf" or words[finite].lower() in CLUSTER_VERBS \
            or not plural_present(words[j], lexicon):
        return
    left = next((k for k in range(clause.start - 1, -1, -1) if tags[k] == "LET"), -1)
    right = next((k for k in range(j + 1, len(tags)) if tags[k] == "LET" or tags[k] == "VG|onder"), len(tags))
    if any(tags[k].startswith("WW|pv") for k in [*range(left + 1, clause.start), *range(j + 1, right)]):
        return
    tags[j] = "WW|pv|tgw|mv"


def auxiliary_after(words: list[str], tags: list[str], clause: Clause, finite: int, lexicon: dict[str, str]) -> None:
    """A subordinate clause cut after a past form that an auxiliary follows has a participle there, and the
    auxiliary is its finite verb (`dat het kalf verdronken was`)."""
    after = clause.end
    if finite == after - 1 and after < len(words) and words[after].lower() in AUXILIARIES \
            and tags[after].startswith("WW|pv") and (can_be(words[finite], "WW|vd", lexicon)
                                                    or words[finite].startswith(INSEPARABLE) and words[finite].endswith("en")):
        tags[finite] = "WW|vd"


def conjuncts(words: list[str], tags: list[str], clause: Clause) -> list[tuple[int, int]]:
    """The stretches of a main clause between its coordinators (each after the first starts at its coordinator;
    not the "en" of "tot en met")."""
    if "VG|neven" not in tags[clause.start:clause.end] and INDIRECT_QUESTIONS.isdisjoint(words[clause.start:clause.end]):
        return [(clause.start, clause.end)]
    cuts = [j for j in range(clause.start + 1, clause.end - 1) if tags[j] == "VG|neven"
            and not (words[j - 1].lower() == "tot" and words[j + 1].lower() == "met")
            or words[j] in INDIRECT_QUESTIONS and j > clause.start + 1]
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
    in ...`), is one; so is its first word after the comma that closes a leading clause (`Als de hulp sluit, zijn
    ambulances langer onderweg`)."""
    leading = start and words[start - 1] == "," and words[0].lower() in FINITE_OPENERS and "," not in words[:start - 1]
    seen = seen_as(words[start], lexicon) if leading and start + 1 < end else ""
    if "WW|pv" in seen and tags[start + 1] != "LET":
        tags[start] = next(t for t in seen.split("/") if t.startswith("WW|pv"))
        return
    for j in range(start + 1, end - 1):
        if tags[j - 1].startswith(("N|", "VNW|pers")) and tags[j + 1] != "LET" and words[j].islower():
            seen = seen_as(words[j], lexicon)
            finite = next((t for t in seen.split("/") if t.startswith("WW|pv")), None)
            if finite is None and not seen and words[j].endswith(PAST_ENDINGS):
                finite = "WW|pv|verl|mv" if words[j].endswith("en") else "WW|pv|verl|ev"
            if finite is None and seen.startswith("N|soort|ev") and "/" not in seen and tags[j - 1].startswith("N|eigen") \
                    and j - 2 >= start and tags[j - 2] != "LET" and present_of_verb(words[j], lexicon):
                finite = "WW|pv|tgw|ev"  # "De gemeenteraad van Dokkum praat op 26 februari": no compound with a name
            if finite is None and "WW|inf" in seen and not tags[j - 1].endswith("|ev"):
                finite = "WW|pv|tgw|mv"  # "Ze delen een coupé": an infinitive's form is the plural present
            if finite is None and not seen and words[j].endswith("t") and len(words[j]) > 4 \
                    and not words[j].endswith(("ent", "ant", "ist", "aat", "ect", "act", "iet")):
                finite = "WW|pv|tgw|ev"  # "De kaars smelt", "België grenst aan ..."
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
    if tag == "WW|vd" and ("WW|pv|verl" in seen or (word.endswith(PAST_ENDINGS) and not word.startswith("ge")
                                                    and (not seen or set(seen.split("/")) == {"WW|vd"}))):
        # "Het waterschap verleende in december ...": a form seen only as a participle with -e is the past here
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





def make_finite(words: list[str], tags: list[str], start: int, end: int, lexicon: dict[str, str]) -> None:
    while end > start and tags[end - 1] == "LET":
        end -= 1
    first = end
    while first > start + 1 and (tags[first - 1].startswith("WW|") or words[first - 1].lower() == "te"):
        first -= 1  # "wanneer ... niet blijken te helpen"
    if first > start + 1 and first < end and words[first - 1].lower() in CLUSTER_VERBS:
        finite = next((t for t in seen_as(words[first - 1], lexicon).split("/") if t.startswith("WW|pv")), None)
        if finite:  # "dat hij alleen wilde praten": a cluster verb the tagger read otherwise ("wilde" as "wild")
            tags[first - 1] = finite
            return
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
    # no verb but a te-infinitive closes the clause: "die onderling communiceren via vaste kanalen"
    verbs = [j for j in range(start + 1, end) if tags[j].startswith("WW|") and words[j - 1].lower() != "te"]
    if len(verbs) == 1 and (first == end or verbs[0] < first) and tags[verbs[0]] == "WW|inf" \
            and not tags[verbs[0] - 1].startswith(("LID", "LET")) and plural_present(words[verbs[0]], lexicon):
        tags[verbs[0]] = "WW|pv|tgw|mv"
    elif not any(tags[j] != "WW|od" for j in verbs) and end - 1 > start + 1 and tags[end - 1].startswith("N|soort"):  # "dat het een fase start": the
        finite = next((t for t in seen_as(words[end - 1], lexicon).split("/") if t.startswith("WW|pv")), None)
        if finite:  # last word, seen as a finite verb too, closes the clause that has none
            tags[end - 1] = finite
