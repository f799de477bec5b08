"""Frames that tell who told the news: "Dat meldt persbureau Reuters", "Rijkswaterstaat maakte dat maandag
bekend", and the pronoun after a frame that stands for its teller ("meldt rederij Wadvaart dat zij ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.story.reorder import finite_verb
from timeline.story.syntax import subject_span
from timeline.story.tagging import tagged_plain
from timeline.story.words import WORD, StoryWords
from timeline.temporal.pos import Token


ASIDE = re.compile(r"\s*\([^()]{1,60}\)")


def report_frame(sentence: str, words: StoryWords) -> bool:
    """"Dat meldt persbureau Reuters", "Dat heeft de minister woensdag bekendgemaakt": a sentence
    that only says who told the news of the sentence before it. An aside in brackets ("Gedeputeerde Mirjam van Loon
    (Mobiliteit) maakte dat donderdag bekend") is read past."""
    sentence = ASIDE.sub("", sentence)
    tokens = tagged_plain(sentence)
    if (len(tokens) > 2 and tokens[0].text.lower() in ("dat", "dit") and tokens[1].tag.startswith("WW|pv")
            and any(t.text.lower() in words.report_frames for t in tokens[1:])):
        return True
    said = [t.text.lower() for t in tokens[:9]]  # "(Op dinsdag) meldt hij dit nieuws via X": the frame, "dit"
    return any(word in words.report_frames and (any(pointing(tokens, j) for j in range(k + 1, min(k + 3, len(said))))
                                                or held_back(tokens, k, sentence))
               for k, word in enumerate(said) if k)


def held_back(tokens: Sequence[Token], k: int, sentence: str = "") -> bool:
    """"Rijkswaterstaat maakte dat maandag bekend": the particle of the frame ends the sentence (or a phrase with no
    verb follows it: "... bekend in een brief aan de raad"), and what stands between it and the finite verb points
    back to the news."""
    after = tokens[k + 1:]
    clause = after[:next((j for j, t in enumerate(after) if t.tag == "LET"), len(after))]  # up to its comma: ", twee
    if after and after[0].tag != "LET" and not (after[0].tag.startswith("VZ")  # weken nadat ... had doorzocht"
                                                and not any(t.tag.startswith("WW") for t in clause)):
        return False
    verb = next((j for j in range(1, k) if tokens[j].tag.startswith("WW|pv")), None)
    return verb is not None and names_the_news(tokens[verb + 1:k], sentence)


def names_the_news(between: Sequence[Token], sentence: str) -> bool:
    """A "dat" or "dit"; a "het" that is no article ("maakte het woensdagavond bekend", never "bevestigde het
    verhaal"); or a noun after "de" with only adverbs, names and nouns after it ("maakte de besmetting maandagavond
    bekend"): the news told before."""
    if any(t.text.lower() in ("dat", "dit") for t in between):
        return True
    if between and between[0].text.lower() == "het":
        return len(between) == 1 or not between[1].tag.startswith(("N|", "ADJ")) or dated_at(sentence, between[1].start)
    return len(between) > 1 and between[0].text.lower() == "de" and between[1].tag.startswith("N|soort") \
        and all(t.tag.startswith(("BW", "N|eigen", "N|soort", "ADJ")) for t in between[2:])


def dated_at(sentence: str, at: int) -> bool:
    """Whether a date the date tagger finds in the sentence starts at `at`."""
    from timeline.story.timeless import date_spans  # the headline's module: read only for a frame with "het"

    return any(start <= at < end for start, end in date_spans(sentence))


def pointing(tokens: Sequence[Token], j: int) -> bool:
    """"meldt hij dit nieuws", "meldt dat": a "dit" or "dat" that points back; never the "dat" that opens the
    news ("meldt alleen dat het in 2026 ...", "meldt dat de omzet ...")."""
    word = tokens[j].text.lower()
    if word == "dit":
        return True
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    rest = [t for t in tokens[j + 1:] if t.tag != "LET"]  # "bevestigde dat woensdag na berichtgeving in de krant":
    return word == "dat" and (following is None or following.tag == "LET" or following.tag.startswith("VZ") or (
        not any(t.tag.startswith(("WW|pv", "VNW|pers")) for t in rest)))  # no clause of its own after it


def teller_said(frame: str, news: str, words: StoryWords) -> str:
    """"meldt rederij Wadvaart dat zij de vaart staakte": the pronoun that opens the news after a frame
    is the frame's subject ("rederij Wadvaart de vaart staakte")."""
    opening = tagged_plain(news)
    pronoun = len(opening) > 1 and opening[0].text.lower() == "het" and opening[1].tag.startswith(("LID", "VNW|onbep",
                                                                                              "VNW|ander", "TW"))
    # "dat het geen onderzoek instelt", "dat het een boete oplegt": "het" acts, the teller; not "dat het
    # discriminerend werkte", a thing
    if not opening or not (opening[0].tag.startswith("VNW|pers") or pronoun):  # "dat het geen onderzoek instelt"
        return news
    tokens = tagged_plain(frame)
    span = subject_span(tokens, words)
    if span is None or tokens[span[0]].tag.startswith("VNW"):
        return news
    return frame[tokens[span[0]].start:tokens[span[1] - 1].end] + news[opening[0].end:]


def frame_end(text: str, words: StoryWords) -> int | None:
    """Where the news starts after a frame whose verb is the sentence's first:
    "Uit gelekte cijfers blijkt dat ...", "zeggen insiders dat ..."."""
    verb = finite_verb(text, words)
    if verb is None or verb.group(0).lower() not in words.reporting:
        return None
    if re.search(r"\b(?:te|niet|nooit)\s+$", text[: verb.start()]):  # "verklaarde niet te verwachten dat ...": an
        return None  # infinitive under another verb, or a denial, frames no news of its own
    for count, later in enumerate(WORD.finditer(text, verb.end())):
        if count > 8:  # "concludeerde het Rijksinstituut voor Volksgezondheid en Milieu na onderzoek dat"
            return None
        if later.group(0).lower() in ("te", "om"):
            return None  # "zei een programma te lanceren dat ...": that "dat" opens a relative clause
        if later.group(0).lower() == "dat":
            clause = re.split(r"[,;:]", text[later.end():], maxsplit=1)[0].strip(" .!?").lower()
            if clause.endswith(FRAME_PARTICLES):
                return None  # "maakte de zorggroep dat besluit ... bekend": the frame's particle comes after it,
                # so "dat" is a determiner of what was made known, no clause of news
            return later.end() + 1
    return None


FRAME_PARTICLES = (" bekend", " aan", " mee", " toe", " door")  # "maakte ... bekend", "gaf ... aan", "deelde ... mee"
