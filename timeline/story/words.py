"""The story's words from the language file, as sets and patterns built once per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal.language import load

TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
WORD = re.compile(r"[\w’'-]+")  # a word, with its apostrophes and hyphens
WEB = r"(?:\.(?:nl|nu|com|org|net|eu|be|de|io|ai|info)\b(?!\.\w))?"  # "FrisseWind.nu" is one name
NAME = re.compile(rf"[A-Z][\w’'-]*[\w]{WEB}(?:\s+(?:van\s+der\s+|van\s+den\s+|van\s+de\s+|van\s+|de\s+|&\s+)?[A-Z][\w’'-]*[\w])*")
# "Autoriteit Consument & Markt", "Procter & Gamble": an ampersand joins one name


QUOTES = "‘“\"'„«"  # what opens quoted speech

def alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def any_of(words, flags: int = 0) -> re.Pattern[str]:
    """One of the words (or phrases) as a whole word; not the end of a web name ("FrisseWind.nu")."""
    return re.compile(rf"(?<!\w\.)\b(?:{alternatives(words)})\b", flags)


def opening_quote(elided) -> re.Pattern[str]:
    """A quote mark that opens a word, not the apostrophe of an article said short ("'s nachts", "'t")."""
    rests = [w.lstrip("'’") for w in elided]
    short = rf"(?!(?i:{alternatives(rests)})\b)" if rests else ""
    return re.compile(rf"(?:^|(?<=\s))(?:[“„\"]|[‘’']{short})(?=\w)")


@dataclass(frozen=True)
class StoryWords:
    actions: frozenset[str]
    finite: frozenset[str]  # action forms and auxiliaries: where a subject stands beside its verb
    subordinators: frozenset[str]
    person_pronouns: frozenset[str]
    organisation_pronouns: frozenset[str]
    situation_it: re.Pattern[str]  # "Het is de eerste keer dat ...", "Het gaat om ...": a situation, no name
    leaning: tuple[str, ...]
    leaning_after_noun: frozenset[str]
    group_nouns: frozenset[str]  # "Beide dieren", "De mensen": the counted group the sentence before named
    any_group_nouns: frozenset[str]  # "dieren": a group noun that may stand for any counted group, not people only
    relation_nouns: frozenset[str]  # "Zijn partner": "De partner van Ronald Vos"
    building_nouns: tuple[str, ...]
    male_names: frozenset[str]
    female_names: frozenset[str]
    first_names: frozenset[str]  # either
    organisation_nouns: tuple[str, ...]
    institutions: tuple[str, ...]
    place_nouns: tuple[str, ...]
    countries: frozenset[str]
    nationalities: frozenset[str]  # lower case, with the inflected form: "amerikaans", "amerikaanse"
    name_adjectives: frozenset[str]  # "tweede", "openbaar": a name they open is no person's
    non_business: tuple[str, ...]
    place_prepositions: frozenset[str]
    results: re.Pattern[str]
    generic_nouns: tuple[str, ...]
    name_words: tuple[str, ...]
    person_nouns: tuple[str, ...]
    person_titles: tuple[str, ...]
    reporting: frozenset[str]
    fronted: frozenset[str]
    particles: tuple[str, ...]
    noun_particles: frozenset[str]  # "vond ... plaats": a happening ("plaatsvinden")
    qualifier: re.Pattern[str]
    figure: re.Pattern[str]
    recurring: re.Pattern[str]
    topic: re.Pattern[str]
    relative: re.Pattern[str]
    bound: re.Pattern[str]
    comparison: re.Pattern[str]
    compared_with: re.Pattern[str]
    cause_clause: re.Pattern[str]
    change_from: re.Pattern[str]
    change_to: re.Pattern[str]
    conditional: re.Pattern[str]
    present: re.Pattern[str]
    hedge: re.Pattern[str]
    recent: re.Pattern[str]
    clause_start: re.Pattern[str]
    headline_cut: re.Pattern[str]
    headline_soft: re.Pattern[str]
    headline_clause: re.Pattern[str]
    headline_max: int
    opening_quote: re.Pattern[str] = re.compile(r"(?!)")  # a quote mark that opens a word
    phrase_degrees: frozenset[str] = frozenset()  # "vlak [voor haar vertrek]"
    figure_comparison: re.Pattern[str] = re.compile(r"(?!)")  # ", tegen ruim 140 [vorig jaar]"
    headline_on_day: str = "{day}"  # "op {day}": a date kept where it is the verb's complement
    headline_in_period: str = "{period}"
    subject_openers: tuple[str, ...] = ()
    kind_nouns: tuple[str, ...] = ()  # nouns that stand for an organisation or a person of a kind ("bedrijf", "topman")
    person_kind_words: frozenset[str] = frozenset()  # the person nouns as words: "Italiaan" alone is no name
    seated: frozenset[str] = frozenset()  # institutions named by their seat ("rechtbank Den Haag")
    report_frames: frozenset[str] = frozenset()
    state_verbs: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    feature_openers: frozenset[str] = frozenset()  # "Waarom ...": a title of a feature, no news
    conditional_openers: frozenset[str] = frozenset()  # "als", "indien": a condition's first word
    voor_verbs: frozenset[str] = frozenset()  # "stemde ... voor het plan": the verb's own phrase
    declining: tuple[str, ...] = ()
    measure_nouns: frozenset[str] = frozenset()
    continuation: re.Pattern[str] = re.compile(r"(?!)")
    subject_adverbs: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()  # "kabinet", "minister": a country's government
    home_state: str = ""  # the adjective of the country whose government such a noun alone is ("nederlands")
    state_names: tuple[tuple[str, str], ...] = ()  # "vs" -> "amerikaans": a country or capital as its government
    outlook_verbs: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    part_verbs: frozenset[str] = frozenset()  # "laat", "vroeg": a period's part, or the finite verb
    time_complement_verbs: frozenset[str] = frozenset()  # "De zaak dient [volgende week]": the date completes it
    regulator_nouns: frozenset[str] = frozenset()  # "de toezichthouder": only a name with a regulator's word
    regulator_words: frozenset[str] = frozenset()
    topic_nouns: tuple[str, ...] = ()  # "de gesprekken over ...", "een onderzoek naar ...": the noun's own phrase
    passive_auxiliaries: frozenset[str] = frozenset()  # "werd ... vernietigd door": its agent acted
    agent_words: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    part_names: frozenset[str] = frozenset()  # "Waterbedrijf Zuid": a name that is only a part keeps its type
    plan_reference: re.Pattern[str] = re.compile(r"(?!)")  # "stemde in met het plan": the plan the lead told
    pointing_adverbs: frozenset[str] = frozenset()  # "daarvoor": the news told before
    other_deed: frozenset[str] = frozenset()  # "al", "ook": another deed of the lead's subject
    indefinite_persons: frozenset[str] = frozenset()  # "iedereen [die ...]"
    telling_frames: frozenset[str] = frozenset()  # "maakte bekend dat": a frame that only tells the news after it
    aim_with_infinitive: frozenset[str] = frozenset()  # "dient te": a duty; "De zaak dient": a hearing
    volume_verbs: frozenset[str] = frozenset()  # "verkocht vorig jaar 54 machines": a figure over the year
    explanations: tuple[str, ...] = ()
    opinion_verbs: frozenset[str] = frozenset()
    find_verbs: frozenset[str] = frozenset()  # "vonden de schaal": found, no view
    regard_verbs: frozenset[str] = frozenset()  # "ziet ... als": a view of something, no happening
    example: re.Pattern[str] = re.compile(r"(?!)")
    trend: re.Pattern[str] = re.compile(r"(?!)")
    disclosure: re.Pattern[str] = re.compile(r"(?!)")  # "werd duidelijk dat": the news follows
    headline_relative: re.Pattern[str] = re.compile(r"(?!)")  # time words a headline leaves out
    headline_deictic: frozenset[str] = frozenset()  # "afgelopen september": a month said from the day of writing
    speaker: re.Pattern[str] = re.compile(r"(?!)")  # "”, lichtte Jetten toe": the verb that names who spoke
    month_words: frozenset[str] = frozenset()  # months and seasons: a date phrase with one stays in a headline
    death: re.Pattern[str] = re.compile("(?!)")  # "kwam om het leven", "overleed": the person acts no more
    resumed: re.Pattern[str] = re.compile("(?!)")  # "weer", "opnieuw": a state resumed ("is sinds maandag weer open")
    time_units: frozenset[str] = frozenset()  # "week", "maanden": the units of time
    time_words: frozenset[str] = frozenset()  # months, seasons and weekdays: never a subject ("Maandag presenteerde")
    person_kinds: tuple[str, ...] = ()  # person titles and nouns: a name's type word that makes it a person's
    type_words: tuple[str, ...] = ()  # every type word a name may come with
    conditional_verbs: tuple[str, ...] = ("",)  # `conditional` matches only a text that holds one ("": any text)
    recent_words: tuple[str, ...] = ("",)  # the same for `recent`
    relative_words: tuple[str, ...] = ("",)  # and, lower case, for `headline_relative` (see may_hold)


# "legde Apple toen een boete op": "toen" after a word is the time of the sentence before; ", toen ..." opens a clause
ADVERB_THEN = re.compile(r"(?<=[\w\]] )toen(?= [a-z])")


def inflected(adjective: str) -> str:
    """"amerikaans" → "amerikaanse", "chinees" → "chinese": the form before a noun."""
    return adjective[:-3] + "ese" if adjective.endswith("ees") else adjective + "e"


@lru_cache(maxsize=None)
def story_words(language: str = "nl") -> StoryWords:
    lang = load(language)
    s = lang.story
    actions = frozenset(form for entry in s.action_verbs for form in entry.split())
    word_before = r"(?:^|(?<=[\s,;:(‘“\"—–]))"
    return StoryWords(
        actions=actions,
        finite=actions | frozenset(s.auxiliaries),
        subordinators=frozenset(s.subordinators),
        person_pronouns=frozenset(s.person_pronouns),
        organisation_pronouns=frozenset(s.organisation_pronouns),
        situation_it=re.compile(rf"het\s+(?:(?:is|was|wordt|werd|lijkt|leek|blijkt|bleek|blijft|bleef)\s+(?:(?:nog|niet|ook|al)\s+)*)?"
                                rf"(?:{alternatives(s.situation_it)})\b"),
        leaning=tuple(s.leaning_openers),
        leaning_after_noun=frozenset(s.leaning_after_noun), group_nouns=frozenset(s.group_nouns), any_group_nouns=frozenset(s.any_group_nouns),
        relation_nouns=frozenset(s.relation_nouns) | frozenset(s.person_nouns),
        building_nouns=tuple(s.building_nouns),
        male_names=frozenset(s.male_first_names),
        female_names=frozenset(s.female_first_names),
        first_names=frozenset(s.male_first_names) | frozenset(s.female_first_names),
        organisation_nouns=tuple(s.organisation_nouns),
        kind_nouns=tuple(s.organisation_nouns) + tuple(s.person_nouns),
        person_kind_words=frozenset(s.person_nouns),
        institutions=tuple(s.institutions),
        seated=frozenset(s.seated_institutions),
        place_nouns=tuple(s.place_nouns),
        countries=frozenset(s.countries),
        name_adjectives=frozenset(s.name_adjectives),
        nationalities=frozenset(inflected(n.lower()) for n in s.nationalities) | frozenset(n.lower() for n in s.nationalities),
        non_business=tuple(s.non_business_nouns),
        place_prepositions=frozenset(s.place_prepositions),
        results=any_of(s.results_words),
        generic_nouns=tuple(s.generic_organisation_nouns),
        name_words=tuple(s.organisation_name_words), part_names=frozenset(s.part_names),
        regulator_nouns=frozenset(s.regulator_nouns), regulator_words=frozenset(s.regulator_words), topic_nouns=tuple(s.topic_nouns),
        person_nouns=tuple(s.person_nouns),
        person_titles=tuple(s.person_titles),
        reporting=frozenset(s.reporting_verbs),
        fronted=frozenset(s.fronted),
        particles=tuple(s.particles), noun_particles=frozenset(s.noun_particles),
        qualifier=re.compile(  # "de omzet van 2025"; "een boete voor het overtreden van de regels in 2021"
            rf"\b(?:{alternatives(s.qualifier_articles)})\s+(?:[\w-]+\s+){{1,2}}(?:{alternatives(s.qualifier_prepositions)})"
            rf"(?:\s+\d{{1,2}}\s*(?:en|of|t/m|tot(?:\s+en\s+met)?|[-–]))?\s*$"  # "de editie van 19 en 20 juli"
            rf"|\bvoor\s+(?:(?:de|het|een)\s+)?[\w-]+\s+(?:van\s+(?:de|het|een)\s+[\w-]+\s+)?in\s*$"
        ),
        figure=re.compile(
            rf"\d[\d.,]*\s*(?:{alternatives(s.figure_units + lang.not_after_number.words)})(?!\w)", re.IGNORECASE
        ),
        recurring=re.compile(rf"\b(?:{alternatives(lang.every)})\s+(?:\S+\s*)?$"),
        topic=re.compile(r"^\s+(?:(?:wordt|werd|is|was|zal\s+worden)\s+)?(?:een|het)\s+(?:[\w-]+\s+){0,2}jaar\b"),
        relative=re.compile(r",\s*(?:dat|die|wat|waar|waarin|waarbij|waarop)\b"),  # ", waar eind augustus ... plaatsvond,"
        bound=re.compile(rf"\b(?:{alternatives(s.bounds)})\b(?:\s+\S+){{0,{s.bound_reach}}}\s*$"),
        comparison=re.compile(rf"\b(?:{alternatives(s.comparisons)})\s"),
        cause_clause=re.compile(rf",\s+(?:(?:kort|vlak|direct|meteen|pas|net|al)\s+)?(?:{alternatives(s.cause_openers)})\b",
                                re.IGNORECASE),  # ", kort nadat de gemeenteraad in maart ..."
        compared_with=re.compile(rf"\b(?:{alternatives(s.comparison_right_before)})\s+(?:(?:{alternatives(s.comparison_between)})\s+)?"
                                 r"(?:(?:in|op)\s+)?$", re.IGNORECASE),
        figure_comparison=re.compile(rf",\s+(?:{alternatives(s.figure_comparisons)})\s+(?:\S+\s+)?\d[\d.,]*(?:\s+\S+){{0,3}}\s+$",
                                     re.IGNORECASE) if s.figure_comparisons else re.compile(r"(?!)"),
        change_from=any_of(s.change_from),
        change_to=any_of(s.change_to),
        conditional=re.compile(
            rf"{word_before}(?:{alternatives(s.conditional_openers)})\b.*\b(?:{alternatives(s.conditional_verbs)})\b"
            rf"|^\W*(?:{alternatives(s.conditional_verbs)})\b[^,]*,\s*(?:{alternatives(s.conditional_then)})\b"
        ),
        present=any_of(s.present_words),
        hedge=any_of(s.hedges),
        recent=any_of(s.recent_phrases),
        clause_start=re.compile(rf"(?:^(?!\s*dat\b)|[,;:—–(])\s*(?:{alternatives(s.subordinators)})\b"),  # "Dat heeft
        # de organisatie bekendgemaakt": a "dat" that opens a sentence points back
        headline_cut=re.compile(
            rf"\s*(?:[,;:]\s*(?:{alternatives(s.headline_cuts)})\b|[;(]|:\s|\s[—–]\s)"
            rf"|\s(?:{alternatives(s.headline_cuts_bare)})\s"
        ),
        headline_soft=re.compile(rf"\s(?:{alternatives(s.headline_soft_cuts)})\s"),
        opening_quote=opening_quote(s.elided_articles), phrase_degrees=frozenset(s.phrase_degrees),
        headline_clause=re.compile(rf"\s(?:{alternatives(s.headline_clause_cuts)})\s"),
        headline_max=s.headline_max, headline_on_day=s.headline_on_day, headline_in_period=s.headline_in_period,
        subject_openers=tuple(s.subject_openers),
        report_frames=frozenset(s.report_frames),
        state_verbs=frozenset(s.state_verbs) | frozenset(s.auxiliaries),
        refusals=frozenset(s.refusals),
        voor_verbs=frozenset(s.voor_verbs),
        conditional_openers=frozenset(s.conditional_openers),
        feature_openers=frozenset(s.feature_openers),
        declining=tuple(s.declining),
        measure_nouns=frozenset(s.measure_nouns),
        subject_adverbs=frozenset(s.subject_adverbs),
        state_nouns=frozenset(s.state_nouns), home_state=s.home_state,
        state_names=tuple(sorted(s.state_names.items())),
        outlook_verbs=frozenset(s.outlook_verbs),
        copulas=frozenset(s.copulas), time_complement_verbs=frozenset(s.time_complement_verbs) | frozenset(s.copulas),
        part_verbs=frozenset(s.part_verbs),
        passive_auxiliaries=frozenset(s.passive_auxiliaries), agent_words=frozenset(s.agent_words),
        aim_verbs=frozenset(s.aim_verbs), aim_with_infinitive=frozenset(s.aim_with_infinitive),
        plan_reference=re.compile(rf"\b(?:het|de|dat|die|dit|deze)\s+(?:{alternatives(s.plan_nouns)})\b", re.IGNORECASE)
        if s.plan_nouns else re.compile(r"(?!)"),
        volume_verbs=frozenset(s.volume_verbs), pointing_adverbs=frozenset(s.pointing_adverbs),
        other_deed=frozenset(s.other_deed_words), indefinite_persons=frozenset(s.indefinite_persons),
        death=re.compile(rf"\b(?:{alternatives(s.death_phrases)})\b", re.IGNORECASE) if s.death_phrases else re.compile("(?!)"),
        resumed=re.compile(rf"\b(?:{alternatives(s.resumed_words)})\b", re.IGNORECASE) if s.resumed_words else re.compile("(?!)"),
        telling_frames=frozenset(s.telling_frames),
        explanations=tuple(s.explanations),
        opinion_verbs=frozenset(s.opinion_verbs), find_verbs=frozenset(s.find_verbs),
        regard_verbs=frozenset(s.regard_verbs),
        example=any_of(s.example_words),
        disclosure=re.compile(rf"\b(?:{alternatives(s.disclosure_frames)}),?\s+dat\s", re.IGNORECASE),
        trend=any_of(s.trend_verbs),
        continuation=any_of(s.continuation_words),
        headline_relative=any_of(s.headline_relative, re.IGNORECASE),
        headline_deictic=frozenset(s.headline_deictic),
        speaker=re.compile(rf"[”’'\"]+,?\s+(?:{alternatives(s.speech_verbs)})\s+(?:de\s+|het\s+)?"),
        month_words=frozenset(lang.months) | frozenset(lang.seasons),
        time_units=frozenset(lang.units) | frozenset(lang.weekday_parts),
        time_words=frozenset(lang.months) | frozenset(lang.seasons) | frozenset(lang.weekdays),
        person_kinds=tuple(s.person_titles) + tuple(s.person_nouns),
        type_words=tuple(s.organisation_nouns) + tuple(s.person_titles) + tuple(s.person_nouns) + tuple(s.institutions),
        conditional_verbs=tuple(s.conditional_verbs),
        recent_words=tuple(s.recent_phrases),
        relative_words=tuple(w.lower() for w in s.headline_relative) if all(map(str.isascii, s.headline_relative)) else ("",),
    )


FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ K: the only characters a case-blind pattern
# matches to an ASCII letter


def may_hold(text: str, needles: tuple[str, ...], ignore_case: bool = False) -> bool:
    """Whether a pattern made of `needles` (any_of) can match in `text`: only where one of them stands, so a
    text that holds none is told without the pattern running. `ignore_case`: for a case-blind pattern, with
    lower-case ASCII needles (a text with one of FOLDS_TO_ASCII is always searched)."""
    if ignore_case:
        if not FOLDS_TO_ASCII.isdisjoint(text):
            return True
        text = text.lower()
    return any(map(text.__contains__, needles))


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def capitalised_first(text: str) -> str:
    """The text with its first letter a capital, where that is one letter ("ß" stays: "SS" would lengthen it)."""
    first = text[:1].upper()
    return (first if len(first) == 1 else text[:1]) + text[1:]
