"""What a dated sentence does with its date besides telling a happening: a state it describes, an aim
or a duty it sets, a trend over a span up to now. Such a sentence is no event at that date."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.story.features import event_words
from timeline.story.syntax import main_verb_of, outlook, tagged_plain, viewed
from timeline.story.words import StoryWords
from timeline.models import Expression, Grain
from timeline.temporal.pos import Token

if TYPE_CHECKING:
    from timeline.read.article import Article
    from timeline.story.dating import Dating
    from timeline.story.events import Told


def clause_of(tokens: Sequence[Token], verb: int, words: StoryWords) -> Sequence[Token]:
    """The main clause around its finite verb: up to a comma, a relative pronoun or a subordinator."""
    end = next((k for k in range(verb + 1, len(tokens)) if tokens[k].text in ",;:" or tokens[k].tag == "VNW|betr"
                or tokens[k].text.lower() in words.subordinators or purpose(tokens, k)), len(tokens))
    return tokens[:end]


def purpose(tokens: Sequence[Token], k: int) -> bool:
    """An "om" that opens a clause of purpose ("om ... te besparen"), not the preposition ("om het leven gekomen",
    "om 15.00 uur")."""
    if tokens[k].text.lower() != "om":
        return False
    rest = tokens[k + 1:]
    stop = next((j for j, t in enumerate(rest) if t.text in ",;:."), len(rest))
    return any(t.text.lower() == "te" for t in rest[:stop])


PLACING = frozenset({"ligt", "liggen", "lag", "lagen"})  # "lag in mei 12 procent hoger": a measured figure


def opinion(text: str, words: StoryWords) -> bool:
    """A main clause whose verb gives a view or a feeling ("vindt het mooi dat ...", "is geschrokken dat ...")."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return False
    clause = clause_of(tokens, verb, words)[verb:]
    return any(t.text.lower() in words.opinion_verbs and (t.text.lower() not in words.find_verbs or viewed(clause[k + 1:]))
               for k, t in enumerate(clause))


def regards(text: str, words: StoryWords) -> bool:
    """"ASML ziet dit jaar als een tussenjaar waarin de omzet niet stijgt": a main verb of regarding with "als"
    in its clause gives a view, not a happening."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None or tokens[verb].text.lower() not in words.regard_verbs:
        return False
    after = tokens[verb + 1:verb + 8]  # "als" opens no clause of its own here: look in the words after the verb
    return any(t.text.lower() == "als" for t in after[:next((k for k, t in enumerate(after) if t.text == ","), 7)])


def not_yet(text: str, words: StoryWords) -> bool:
    """A main clause that says something has not happened ("heeft nog geen verklaring gegeven", "is nog niet
    besloten"), or that someone declined to comment ("wilde donderdag niet reageren"): no happening."""
    lowered = text.lower()
    if any(phrase in lowered for phrase in words.declining):
        return True
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return False
    said = [t.text.lower() for t in clause_of(tokens, verb, words)]
    return any(a == "nog" and b in ("geen", "niet", "nooit") for a, b in zip(said, said[1:]))


def states(text: str, words: StoryWords) -> bool:
    """A copula without a participle of a happening: "De partij was in 2023 groter dan D66", "Rutte is
    bijna veertien jaar premier geweest", "China was nog goed voor 40 procent". A happening as subject
    stays ("De verkiezingen zijn op 29 oktober")."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None or tokens[verb].text.lower() not in words.copulas or words.disclosure.search(text):
        return False  # "werd duidelijk dat ...": the news follows
    clause = clause_of(tokens, verb, words)
    if any(t.text.lower() == "er" for t in clause[max(0, verb - 1):verb + 2]):
        return False  # "Gisteren was er overleg": something took place
    verbs = [k for k in range(verb + 1, len(clause)) if clause[k].tag.startswith("WW")
             and clause[k].text.lower() not in words.copulas
             and not (k + 1 < len(clause) and clause[k + 1].tag.startswith("N|"))]  # "verkochte chipmachines"
    if tokens[verb].text.lower() in PLACING or verbs:
        return False  # "werd geïnstalleerd", "is gestart"
    if predicate_adjective(clause, verb):
        return True  # "De uitgestelde investeringen zijn vooral zichtbaar bij ...": said of a happening, a state
    return not event_words(" ".join(t.text for t in clause))  # "De verkiezingen zijn op 29 oktober": a happening


def predicate_adjective(clause: Sequence[Token], verb: int) -> bool:
    """An adjective after the copula that no noun follows ("zijn vooral goed zichtbaar", "was constructief")."""
    return any(clause[k].tag == "ADJ" and not (k + 1 < len(clause) and clause[k + 1].tag.startswith(("N|", "ADJ")))
               for k in range(verb + 1, len(clause)))


def explains(text: str, words: StoryWords) -> bool:
    """"Dat komt doordat klanten ...", "Het gaat om acht nieuwe bewindspersonen": what was told, explained;
    after a fronted phrase ("Volgens het bedrijf komt dat doordat ..."), or with up to two words inside
    its verb and the rest ("Het ging onder meer om ...", "Het gaat bijvoorbeeld om ...")."""
    said = text.lower().replace(",", " ").split()[:10]
    heads = first_words(words.explanations)  # each reading at k starts with said[k]: only a phrase's first word
    return any(" ".join(said[k:]).startswith(words.explanations) or " ".join(said[k:k + 2] + said[k + 2 + gap:]).startswith(
        words.explanations) for k in range(0, 6) if k >= len(said) or said[k].startswith(heads) for gap in (1, 2))


@lru_cache(maxsize=None)
def first_words(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(phrase.split(" ", 1)[0] for phrase in phrases)


def spans_years(period) -> bool:
    """A stretch of more than a year ("in de periode van 2018 tot en met 2021"): a background, no happening."""
    return (period.end_date - period.start_date).days > 366


def volume(text: str, period, words: StoryWords) -> bool:
    """A count over a year or longer of what is done over and over: "ASML verkocht vorig jaar zo'n 54 EUV-machines"
    is a figure; "Tata Steel schrapte in 2023 580 banen" (no verb of volume) and a quarter's sales stay."""
    if (period.end_date - period.start_date).days < 365:
        return False
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:  # "verwerkte" read as a participle: the first verb of volume
        verb = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW") and t.text.lower() in words.volume_verbs), None)
    return verb is not None and tokens[verb].text.lower() in words.volume_verbs and any(
        t.tag.startswith("TW") for t in clause_of(tokens, verb, words)[verb + 1:])


def aims(text: str, words: StoryWords) -> bool:
    """A will or a duty, not a deed: "Tata Steel wil uiterlijk in 2029 ...", "moet eind 2025 voldoen"; with
    a later date its date is a target or a deadline."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None:
        return False
    clause = clause_of(tokens, verb, words)
    second = [k for k in range(verb + 2, len(clause)) if clause[k].tag.startswith("WW|pv") and clause[k - 1].text == "en"]
    return any(tokens[k].text.lower() in words.aim_verbs and (tokens[k].text.lower() not in words.aim_with_infinitive
               or any(t.tag == "WW|inf" for t in clause)) for k in [verb] + second[:1])  # "kost ... en moet in 2031 klaar zijn"


def missed(text: str, words: StoryWords) -> bool:
    """What should have happened and did not: "Dit probleem had opgelost moeten zijn"."""
    tokens = tagged_plain(text)
    verb = main_verb_of(tokens, words)
    if verb is None or tokens[verb].text.lower() not in ("had", "hadden"):
        return False
    return any(t.text.lower() in words.aim_verbs and t.tag == "WW|inf" for t in clause_of(tokens, verb, words))


def at_its_date(item: Told, dating: Dating, article: Article, words: StoryWords) -> bool:
    """Whether a dated sentence tells a happening at its date: not a trend up to now ("het afgelopen jaar is
    het verschil verkleind"), a state, an explanation, a stretch of years, what should have happened, or a
    target or deadline ("wil uiterlijk in 2029 ...")."""
    raw, period = item.raw, dating.expression.period
    if rolling(dating.expression) and words.trend.search(raw.lower()):
        return False
    if (states(raw, words) and dating.rule != "resumed") or missed(raw, words) or explains(raw, words) or spans_years(period) \
            or volume(raw, period, words):  # a state resumed since a day happened that day ("is sinds 1 mei weer open")
        return False
    if words.example.search(raw.lower()):
        return False  # "Zo viel woensdag 8 oktober bijvoorbeeld al af": an example
    if aims(raw, words) and dating.expression.mod in ("END", "BEFORE"):
        return False  # "moest eind 2025 volledig aan de regels voldoen": a deadline, whatever the tense
    return not (aims(raw, words) or outlook(raw, words)) or period.start_date <= article.published


def rolling(expr: Expression) -> bool:
    """A span counted back from a day ("het afgelopen jaar" in December): a month or longer that does
    not start on the first of a month."""
    period = expr.period
    return expr.mod is None and period.grain in COARSE and period.start_date.day != 1


COARSE = frozenset({Grain.MONTH, Grain.SEASON, Grain.QUARTER, Grain.HALF, Grain.YEAR})


RESULTS_DAYS = 45  # quarterly and annual figures come out within weeks of the period's end


def results_out(period, article, text: str, words: StoryWords) -> bool:
    """A company's figures over a quarter, half or year that ended just before the article ("ASML boekte in het
    tweede kwartaal een omzet van 6,2 miljard euro", published 17 July): the news is their publication, that day."""
    if period is None or period.grain not in RESULT_GRAINS or article.published_grain is not Grain.DAY:
        return False
    after = (article.published - period.end_date).days
    return 0 <= after <= RESULTS_DAYS and bool(words.results.search(text.lower()))


RESULT_GRAINS = (Grain.QUARTER, Grain.HALF, Grain.YEAR)
