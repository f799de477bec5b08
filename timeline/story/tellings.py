"""Whether two reports tell one fact: the pair test of the merge. The same actor and a compatible happening at
dates that fit, told again in other words, looked back on later, a forecast come true or told again."""

from __future__ import annotations

import re

from timeline.story.blocks import ACTOR_END, BEFORE_PUBLICATION, DATED, undated_lead
from timeline.story.events import Candidate
from timeline.story.features import STEM, Features, actor_names, families, plain, state_words

def overlap(a: Candidate, b: Candidate) -> bool:
    da, db = a.date, b.date
    return da.start < db.end and db.start < da.end


def dates_fit(a: Candidate, b: Candidate) -> bool:
    if a.kind in BEFORE_PUBLICATION or b.kind in BEFORE_PUBLICATION:
        mention, other = (a, b) if a.kind in BEFORE_PUBLICATION else (b, a)
        return other.kind != "undated" and other.date.start < mention.published_end
    return overlap(a, b)


def same_fact(a: Candidate, b: Candidate, fa: Features, fb: Features, ignore: frozenset[str]) -> bool:
    if a.source.path == b.source.path:
        return told_again(a, b, fa, fb)
    both_dated = a.kind in DATED and b.kind in DATED
    if not dates_fit(a, b):  # a day apart, told in the same words: one article counted the day from another day
        return both_dated and days_apart(a, b) <= NEAR_DAYS and (retold(fa, fb) and fa.same_actor(fb)
                                                                  or the_evening_before(a, b, fa, fb))
    return (fa.same_fact(fb, ignore, both_dated) or (both_dated and days_apart(a, b) == 0 and named_actor(fa, fb))
            or (both_dated and retold(fa, fb) and fa.same_actor(fb)) or (both_dated and one_states_deed(a, b, fa, fb))
            or (both_dated and (looked_back(a, b, fa, fb) or fulfilled(a, b, fa, fb) or planned_again(a, b, fa, fb)
                                or one_scene(a, b, fa, fb) or one_kind(a, b, fa, fb))))


def one_kind(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """Two reports of one day or night, neither a forecast, in words of one kind of happening ("De diefstal vond
    plaats in de nacht van 8 op 9 maart", "In de nacht van 8 op 9 maart sloegen dieven een raam in"): one happening,
    unless each names what the other does not, or their amounts differ."""
    if days_apart(a, b) != 0 or ahead(a) or ahead(b) or not families(fa) & families(fb) \
            or set(fa.amounts) != set(fb.amounts):  # "50.000 euro beloning voor tip over gestolen ...": another deed
        return False
    return not (fa.names and fb.names) or bool(set(fa.names) & set(fb.names))


def one_scene(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """Two articles telling what happened on one day, each by another actor, in words of the same scene ("Jayden M.
    plaatste op 11 januari een explosief tegen de voordeur", "Bij die explosie, op 11 januari, werden de voordeur en
    ramen vernield"): one happening, when neither is a forecast and they share two words besides an actor of both."""
    if days_apart(a, b) != 0 or ahead(a) or ahead(b):
        return False
    shared = plain(fa.terms) & plain(fb.terms) - {w[:STEM] for w in set(fa.actor) & set(fb.actor)}
    return len(shared) >= SCENE_TERMS  # one's actor may be what the other tells of ("de voordeur")


SCENE_TERMS = 2


def one_states_deed(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """Two reports of one country's government ("Het kabinet ...", "Minister X ...", "De VS ...", "De Amerikaanse
    regering ...") at one day, or at one and the same month: one happening of that government."""
    da, db = a.date, b.date
    one = days_apart(a, b) == 0 or ((da.start, da.end) == (db.start, db.end) and (da.end - da.start).days <= 31)
    return one and bool(state_words(fa) & state_words(fb))


def looked_back(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A later article looking back over a month or a year ("Een eerder plan werd vorig jaar januari vernietigd
    door de Raad van State") at a day an earlier article told ("De Raad van State heeft woensdag het
    bestemmingsplan vernietigd"): one happening, when the day lies in the period, the actor is a name both
    write and they share a word of what it is about besides the actor's."""
    coarse, fine = (a, b) if length(a) > length(b) else (b, a)
    return (length(fine) <= 1 < length(coarse) <= LOOK_BACK and fine.published_end < coarse.published_end
            and coarse.date.start <= fine.date.start and fine.date.end <= coarse.date.end
            and (bool(actor_names(fa) & actor_names(fb)) or not (fa.actor and fb.actor) and same_deed(fa, fb))  # "Het
            # jong werd begin maart geboren": a reference, its actor unknown here, looks back at the birth told before
            and bool(besides_actors(fa, fb)))  # besides the actor


DEED_STEM = re.compile(r"(?:ge|be|ver|ont|her|\w{2,4}ge)\w{3,}")  # the first letters of a participle: "geboren",
# "gearres" (gearresteerd), "aangeho" (aangehouden)


def same_deed(fa: Features, fb: Features) -> bool:
    """Whether two reports share a word shaped as a participle, besides their actors': the same deed."""
    shared = besides_actors(fa, fb)
    return any(DEED_STEM.fullmatch(term) for term in shared)


def fulfilled(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A forecast ("De laatste vlucht vertrekt op 25 oktober") and a report, no earlier, of it done at a day in its
    period ("Op 25 oktober vertrok de laatste vlucht van AirNord"): one happening, when their actors agree and they
    share a word besides the actor's."""
    forecast, done = (a, b) if a.date.start >= a.published_end else (b, a)
    fd, dd = forecast.date, done.date
    if not (fd.start >= forecast.published_end and dd.start < done.published_end
            and forecast.published_end <= done.published_end and length(forecast) <= FORECAST_SPAN
            and (fd.start <= dd.start and dd.end <= fd.end or length(done) <= FORECAST_SPAN and dd.start <= fd.start
                 and fd.end <= dd.end)):  # "neemt op 14 april een besluit" done "half april"
        return False
    if days_apart(a, b) == 0:  # the day foreseen: its actor's deed that day, or a deed of that day about the same
        return about_deed(fa, fb) or actors_meet(fa, fb)  # thing ("De raad praat op 26 februari over de baan",
        # "nam de raad een motie aan"; "De raad wordt op 1 april geïnstalleerd", "is de gemeenteraad geïnstalleerd")
    return bool(besides_actors(fa, fb)) and (fa.same_actor(fb) or bool(actor_ends(fa) & actor_ends(fb)))  # "Het
    # bestuur", "Het schoolbestuur"


def about_deed(fa: Features, fb: Features) -> bool:
    """Whether two reports share a word besides their actors' and the names they write: what happened or what it
    was about ("geïnstalleerd", "stembureau"), never only the person or the place the whole story is about."""
    named = {w.lower()[:STEM] for w in (*fa.names, *fb.names)}
    return bool(besides_actors(fa, fb) - named)


def actors_meet(fa: Features, fb: Features) -> bool:
    """Whether both say who acts and one's word is the other's or its compound's head ("raad", "gemeenteraad")."""
    return any(x == y or len(y) >= HEAD and x.endswith(y) or len(x) >= HEAD and y.endswith(x)
               for x in fa.actor for y in fb.actor) or bool(actor_ends(fa) & actor_ends(fb))


def besides_actors(fa: Features, fb: Features) -> set[str]:
    """The stems two reports share besides their actors' words: what happened or what it was about."""
    return plain(fa.terms) & plain(fb.terms) - {w[:STEM] for w in (*fa.actor, *fb.actor)}


def length(c: Candidate) -> int:
    return (c.date.end - c.date.start).days


def the_evening_before(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A lead that says no day of its own stands at its publication day; an article of the day before tells
    the same actor's deed on that day ("NSC verlaat het demissionaire kabinet", published the morning after
    "Het NSC-smaldeel heeft vrijdagavond bekendgemaakt zich terug te trekken"): one happening, the day before."""
    lead, other = (a, b) if undated_lead(a) else (b, a)
    return (undated_lead(lead) and (lead.date.start - other.date.start).days == 1
            and bool(set(fa.actor) & set(fb.actor)))


def named_actor(fa: Features, fb: Features) -> bool:
    """Two articles telling what one named actor did on one day ("Tata Steel kondigde een reorganisatie aan",
    "Tata Steel zegt 1.600 banen te schrappen"): the same news, when the actor is a name both write."""
    return bool(actor_names(fa) & actor_names(fb))


def told_again(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """One article telling one happening twice: the same day, the same named actor ("Het staalbedrijf
    kondigde een reorganisatie aan" ... "Tata Steel zei 1.600 banen te schrappen")."""
    return (told_at(a, b) and days_apart(a, b) == 0 and bool(fa.actor and fb.actor)
            and bool(set(fa.actor) & set(fb.actor)))


def told_at(a: Candidate, b: Candidate) -> bool:
    """Both dated, or one dated and the other its article's figure of the day ("ASML boekte ook een hogere
    omzet" beside "ASML heeft fors meer bestellingen binnengekregen", both of the day of the figures)."""
    dated = (a.kind in DATED) + (b.kind in DATED)
    return dated == 2 or (dated == 1 and "current" in (a.kind, b.kind))


NEAR_DAYS = 1
HEAD = 4  # the shortest head of a compound an actor's word may end in: "raad" of "gemeenteraad"
LOOK_BACK = 366  # the longest period a look back may have: a year ("in 2024 ...")
FORECAST_SPAN = 31  # the longest period a forecast may have to join the report of its happening: a month
RETOLD = 0.8  # the share of the shorter telling's stems the other holds


def days_apart(a: Candidate, b: Candidate) -> int:
    da, db = a.date, b.date
    if (da.start, da.end) == (db.start, db.end) and (da.end - da.start).days <= 2:
        return 0  # one night ("de nacht van 16 op 17 mei") told twice: its two days
    wide, other = (da, db) if da.end - da.start > db.end - db.start else (db, da)
    if (wide.end - wide.start).days <= 2 and (other.end - other.start).days <= 1 and wide.start <= other.start \
            and other.end <= wide.end:
        return 0  # "rond 03.40 uur" in "de nacht van 8 op 9 maart"
    if (da.end - da.start).days > 1 or (db.end - db.start).days > 1:
        return 99  # only day-grain reports
    return abs((da.start - db.start).days)


def retold(fa: Features, fb: Features) -> bool:
    shared, fewest = len(plain(fa.terms) & plain(fb.terms)), min(len(plain(fa.terms)), len(plain(fb.terms)))
    return fewest >= 3 and shared >= RETOLD * fewest


def planned_again(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """Two reports of one day still to come for their articles whose actors are one by their words ("De afdeling gaat
    officieel dicht" and "Kinderafdeling ziekenhuis Winschoten gaat op 1 mei dicht"): one happening planned."""
    return ahead(a) and ahead(b) and days_apart(a, b) == 0 and actors_meet(fa, fb)


def ahead(c: Candidate) -> bool:
    """Whether the report's day lies after its article's publication (a forecast)."""
    return c.date.start >= c.published_end


def actor_ends(f: Features) -> set[str]:
    return {w[-ACTOR_END:] for w in f.actor if len(w) >= ACTOR_END}
