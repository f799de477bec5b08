"""A language's date words, loaded from its data file into a typed model."""

from __future__ import annotations

import os
from functools import lru_cache

from timeline import models
from timeline.errors import ConfigError
from timeline.models import Mod
from timeline.temporal.cache import cached
from timeline.models import Record as Model, RecordError as ValidationError  # plain records: no pydantic at start-up


class WordList(Model):
    words: tuple[str, ...]


class Tense(Model):
    future: tuple[str, ...]
    past: tuple[str, ...]
    not_past: tuple[str, ...]
    inseparable_prefixes: tuple[str, ...]
    perfect_aux: tuple[str, ...]
    zijn_participles: tuple[str, ...]
    zijn_particles: tuple[str, ...] = ()
    zijn_states: tuple[str, ...] = ()  # "dichtgegaan": a separable particle before a participle of the list
    have_aux: tuple[str, ...]
    have_infinitives: tuple[str, ...] = ()
    passive_agents: tuple[str, ...] = ()
    participle_shape: str
    clause_openers: tuple[str, ...]


class Labels(Model):
    months: tuple[str, ...]
    ordinals: tuple[str, ...]
    day: str
    month: str
    season: str
    quarter: str
    half: str
    year: str
    decade: str
    range: str
    year_until: str = "{day}"
    night: str = "{first} – {last}"
    time: str
    approximate_time: str = "{day} {time}"  # "4 augustus 2026, rond 14:15": the clock time is approximate
    day_part: str
    day_parts: dict[str, str]  # the starting hour ("0", "12") -> the part
    recent: str
    title: str
    untitled: str
    expected: str
    expected_note: str
    period: str
    added: str
    source: str
    sources: str
    approximate: str
    untitled_source: str
    seasons: dict[str, str]
    mods: dict[Mod, str]


class Merge(Model):
    multipliers: dict[str, float]
    currencies: dict[str, str]
    event_words: tuple[str, ...]
    recent_days: int
    recent_words: tuple[str, ...]
    common_words: tuple[str, ...]
    families: dict[str, tuple[str, ...]] = {}


class Glue(Model):
    date_time: str
    time_date: str
    range: str  # between the two days of "13 - 15 juli", "van 14/10 tot 15/10"
    range_start: str  # before the first day of a range
    range_and: str  # between the two ends of a range after "tussen" ("tussen 2010 en 2015")
    between_start: str  # before the first end of such a range
    bare_hour: str  # "23 okt. om zeven", "vanavond rond 7": an hour without "uur" after a day


class Text(Model):
    connectives: tuple[str, ...]
    abbreviations: tuple[str, ...]


class Story(Model):
    """The words that tell a happening from a mention, and make an event's text and headline."""

    action_verbs: tuple[str, ...]  # one verb an entry, its forms separated by spaces
    auxiliaries: tuple[str, ...]
    subordinators: tuple[str, ...]
    qualifier_articles: tuple[str, ...]
    qualifier_prepositions: tuple[str, ...]
    bounds: tuple[str, ...]
    bound_reach: int
    comparisons: tuple[str, ...]
    comparison_right_before: tuple[str, ...] = ()
    comparison_between: tuple[str, ...] = ()
    figure_comparisons: tuple[str, ...] = ()
    cause_openers: tuple[str, ...] = ()
    change_from: tuple[str, ...]
    change_to: tuple[str, ...]
    figure_units: tuple[str, ...]
    conditional_openers: tuple[str, ...]
    conditional_verbs: tuple[str, ...]
    conditional_then: tuple[str, ...]  # "Had ... ingegrepen, dan ...": a sentence opened by a conditional verb
    present_words: tuple[str, ...]
    hedges: tuple[str, ...]
    recent_phrases: tuple[str, ...]
    person_pronouns: tuple[str, ...]
    organisation_pronouns: tuple[str, ...]
    situation_it: tuple[str, ...] = ()
    leaning_openers: tuple[str, ...]
    leaning_after_noun: tuple[str, ...] = ()
    group_nouns: tuple[str, ...] = ()
    any_group_nouns: tuple[str, ...] = ()
    relation_nouns: tuple[str, ...] = ()
    organisation_nouns: tuple[str, ...]
    male_first_names: tuple[str, ...] = ()
    female_first_names: tuple[str, ...] = ()
    building_nouns: tuple[str, ...] = ()
    institutions: tuple[str, ...]
    seated_institutions: tuple[str, ...] = ()
    place_prepositions: tuple[str, ...]
    place_nouns: tuple[str, ...]
    countries: tuple[str, ...]
    nationalities: tuple[str, ...]
    name_adjectives: tuple[str, ...]
    non_business_nouns: tuple[str, ...]
    results_words: tuple[str, ...]
    generic_organisation_nouns: tuple[str, ...]
    organisation_name_words: tuple[str, ...]
    regulator_nouns: tuple[str, ...] = ()
    regulator_words: tuple[str, ...] = ()
    topic_nouns: tuple[str, ...] = ()
    part_names: tuple[str, ...] = ()
    person_nouns: tuple[str, ...]
    person_titles: tuple[str, ...]
    headline_cuts: tuple[str, ...]
    headline_cuts_bare: tuple[str, ...]
    headline_soft_cuts: tuple[str, ...]
    elided_articles: tuple[str, ...] = ()
    phrase_degrees: tuple[str, ...] = ()
    headline_clause_cuts: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    fronted: tuple[str, ...]
    particles: tuple[str, ...]
    noun_particles: tuple[str, ...] = ()
    subject_openers: tuple[str, ...]
    report_frames: tuple[str, ...]
    state_verbs: tuple[str, ...]
    refusals: tuple[str, ...]
    voor_verbs: tuple[str, ...] = ()
    feature_openers: tuple[str, ...] = ()
    declining: tuple[str, ...] = ()
    measure_nouns: tuple[str, ...]
    continuation_words: tuple[str, ...]
    subject_adverbs: tuple[str, ...]
    state_nouns: tuple[str, ...] = ()
    home_state: str = ""
    state_names: dict[str, str] = {}
    outlook_verbs: tuple[str, ...]
    copulas: tuple[str, ...]
    time_complement_verbs: tuple[str, ...] = ()
    part_verbs: tuple[str, ...] = ()
    passive_auxiliaries: tuple[str, ...] = ()
    agent_words: tuple[str, ...] = ()
    trend_verbs: tuple[str, ...]
    aim_verbs: tuple[str, ...]
    aim_with_infinitive: tuple[str, ...] = ()
    plan_nouns: tuple[str, ...] = ()
    pointing_adverbs: tuple[str, ...] = ()
    other_deed_words: tuple[str, ...] = ()
    indefinite_persons: tuple[str, ...] = ()
    resumed_words: tuple[str, ...] = ()  # "is sinds maandag weer open": a state resumed that day
    death_phrases: tuple[str, ...] = ()  # "kwam om het leven": a person who died acts no more
    telling_frames: tuple[str, ...] = ()
    volume_verbs: tuple[str, ...] = ()
    explanations: tuple[str, ...]
    opinion_verbs: tuple[str, ...]
    find_verbs: tuple[str, ...] = ()
    regard_verbs: tuple[str, ...]
    example_words: tuple[str, ...]
    disclosure_frames: tuple[str, ...]
    headline_relative: tuple[str, ...]
    headline_deictic: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    headline_max: int
    headline_on_day: str = "{day}"  # a date kept in a headline where it is the verb's complement
    headline_in_period: str = "{period}"


class Language(Model):
    """Every word the grammar knows, by role. Keys are lower case."""

    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, ...]]
    parts: dict[str, Mod]
    shifts: dict[str, int]
    rolling: dict[str, int]
    within_year: dict[str, str]
    days: dict[str, int]
    seasons: dict[str, str]
    decades: dict[str, int]
    holidays: dict[str, str]
    dayparts: dict[str, int]
    day_parts: dict[str, tuple[int, str]]
    part_hours: dict[str, tuple[int, int]]
    every: dict[str, int]
    frequencies: dict[str, str]
    day_numbers: dict[str, int]
    offsets: dict[str, int]
    measure_cues: WordList
    measure_joiners: WordList
    day_ordinals: dict[str, int]
    weekday_parts: dict[str, str]
    part_phrases: dict[str, tuple[str, str, int, int]]
    vague: dict[str, str]
    signals: dict[str, Mod]
    signals_after: dict[str, Mod]
    anaphora: dict[str, int]
    hour_leads: WordList  # the words that may bring an hour after a day (the glue's bare_hour)
    quantity_mods: dict[str, str]
    not_after_number: WordList
    lengths_after: WordList  # a rate before "over vijf jaar" makes it a length
    any_day_after: WordList  # "een (gewone) donderdag": any such day, no date
    tense: Tense
    verbs: dict[str, tuple[str, str, str]]  # infinitive -> (past singular, past plural, participle)
    labels: Labels
    merge: Merge
    rules: dict[str, tuple[str, str]]  # name -> (anchor classes, pattern); order is priority
    anchors: dict[str, str]
    quarter_hours: dict[str, int]
    glue: Glue
    text: Text
    story: Story


# The language files ship inside the package, beside this module. A plain path
# is enough (pip installs packages as folders) and spares every start the
# import of importlib.resources (~10 ms), and of pathlib (~5 ms).
FOLDER = os.path.join(os.path.dirname(__file__), "lang")
CODE = [__file__, models.__file__]  # what reads a language file: a cached entry is made by these


def available() -> list[str]:
    return sorted(name.removesuffix(".toml") for name in os.listdir(FOLDER) if name.endswith(".toml"))


def file_of(code: str) -> str:
    return os.path.join(FOLDER, f"{code}.toml")


@lru_cache(maxsize=None)
def load(code: str = "nl") -> Language:
    """The language data for `code` (e.g. "nl"), validated (kept between runs by timeline.temporal.cache)."""
    if code not in available():
        raise ConfigError(
            f"unknown language {code!r}; choose one of {', '.join(available())}"
        )
    path = file_of(code)
    return Language.from_dump(cached(f"{code}.language", [path, *CODE], lambda: read(path).model_dump()))


def read(path: str) -> Language:
    """The language file at `path`, parsed and validated."""
    import tomllib  # only when the cache has no entry for this file

    try:
        with open(path, encoding="utf-8") as file:
            return Language.model_validate(tomllib.loads(file.read()))
    except (tomllib.TOMLDecodeError, ValidationError) as error:
        raise ConfigError(f"{path}: {error}; fix the language file") from error
