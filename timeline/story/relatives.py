"""Where a date stands in a relative clause: it dates that clause's noun, not what the sentence tells ("Lumenta,
dat in 2019 werd opgericht, telt ...", "verweet hem ... over de melding die in oktober binnenkwam")."""

from __future__ import annotations

import re

from collections.abc import Sequence

from timeline.story.timeless import pointing_at_time
from timeline.story.words import StoryWords
from timeline.temporal.pos import Token
from timeline.temporal.pos.nominal import PAST_ENDINGS

CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:—–(]|(?<!\b[A-Z])[.!?]\s")  # a comma inside a number ("7,2 miljard") breaks
# nothing, nor does an initial ("waar K. in mei ..."); a sentence's end breaks every clause ("..., omdat ... zijn uitgelopen. Dat heeft de organisatie dinsdag bekendgemaakt")
REACH = 240  # how far back a date's clause is read: a sentence with thousands of dates stays linear
MODAL_PASTS = frozenset({"zou", "zouden"})  # a future seen from the past ("zou in maart opengaan")


def in_relative(raw: str, position: int, words: StoryWords, alone: bool = False) -> bool:
    """Inside a relative clause set off by commas (", dat ... ,") with the sentence going on after it, or a "die"
    or "wat" clause after a comma that ends the sentence."""
    opened = list(words.relative.finditer(raw, max(0, position - REACH), position))
    if not opened or CLAUSE_BREAK.search(raw, opened[-1].end(), position):
        return noun_clause(raw, position, alone)
    closing = raw.find(",", position, position + REACH)
    if closing == -1:  # "Hij volgt Steijn op, die vorige week werd ontslagen.": a "die" or "wat" clause that ends the
        return opened[-1].group(0).rstrip().endswith(("die", "wat")) or after_noun(raw, opened[-1])  # sentence tells
    # of what it names, too; so does a "dat" clause right after a noun ("... aan het conflict, dat in de zomer begon")
    return bool(raw[closing + 1 : closing + 40].strip(" .!?’”"))


def after_noun(raw: str, opener: re.Match[str]) -> bool:
    """Whether a ", dat" clause follows a noun (a relative clause: "het conflict, dat ..."), not a verb ("zei, dat");
    or any ", waar" clause (where, or at what, something else happened)."""
    from timeline.story.tagging import tagged_plain

    before = tagged_plain(raw[:opener.start()])
    word = opener.group(0).rstrip().rsplit(None, 1)[-1].lower()
    return (word == "dat" and bool(before) and before[-1].tag.startswith("N|soort")
            or word.startswith("waar"))  # "het rapport van het Pieter Baan Centrum voorlezen, waar K. in mei werd
    # onderzocht": what happened at that place, also past the verb that closes the main clause


def noun_clause(raw: str, position: int, alone: bool = False) -> bool:
    """Inside a relative clause right after its noun ("de jaarcijfers die op 1 april verschenen, ...", "De heffingen
    die volgende week zouden ingaan, gaan ..."): a relative pronoun by the tags before the date, no mark between,
    and a comma after it that the sentence goes on past. The sentence's only date (`alone`) dates a main clause in
    the past still ("De fabriek die vorige week sloot, ontsloeg ..."), but never what would have happened ("zouden")
    nor a main clause in the present ("De verdachten die in maart werden aangehouden, zitten nog vast")."""
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(raw)
    before = [t for t in tokens if t.end <= position]
    opener = next((k for k in range(len(before) - 1, -1, -1) if relative_word(before[k]) or before[k].tag == "LET"), None)
    if opener is None or not relative_word(before[opener]) or not opener or not before[opener - 1].tag.startswith("N|"):
        return False
    closing = raw.find(",", position)
    if closing == -1 or not raw[closing + 1:].strip(" .!?’”"):
        return False
    inside = [t for t in tokens if before[opener].end <= t.start < closing]
    main = [t for t in tokens if not before[opener].start <= t.start < closing]
    after = next((t for t in tokens if t.start > closing), None)  # the main clause's verb after the comma
    perfect = after is not None and after.text.lower() in PERFECT_AUXILIARIES
    return not alone or any(t.text.lower() in MODAL_PASTS for t in inside) or perfect or not any(
        t.tag.startswith(("WW|pv|verl", "WW|vd")) for t in main)  # "De verdachten die in maart werden aangehouden,
    # zitten nog vast": a main clause in the present tells a state now, not the clause's happening; nor one in the
    # perfect ("De man die in januari fietsenmaker Lubbers doodstak, is veroordeeld tot veertien jaar cel"): what
    # just happened


PERFECT_AUXILIARIES = frozenset({"is", "zijn", "heeft", "hebben"})


def trailing_relative(raw: str, position: int, words: StoryWords) -> bool:
    """Inside a relative clause that opens after the main clause's finite verb, right after a noun, and runs on to the
    date with no mark between ("heeft het gat gedicht dat eind juni ontstond", "verweet hem ... over de melding die in
    oktober binnenkwam"): it dates that noun, not what the main clause tells."""
    from timeline.story.syntax import main_verb_of
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(raw)
    before = [t for t in tokens if t.end <= position]
    opener = next((k for k in range(len(before) - 1, -1, -1) if relative_word(before[k]) or before[k].tag == "LET"
                   or before[k].text.lower() == "die" and k and antecedent(before[k - 1], words)
                   or extraposed(before, tokens, k, words)), None)
    if opener is None or before[opener].tag == "LET" or not opener \
            or not (antecedent(before[opener - 1], words) or extraposed(before, tokens, opener, words)):
        return False
    verb = main_verb_of(tokens, words)
    own = next((t for t in tokens[opener + 1:] if t.tag.startswith("WW|pv")), None)
    described = own is not None and own.text.lower() in words.copulas and not own.text.lower().startswith(("werd", "word")) \
        and not any(t.tag == "WW|vd" for t in tokens[opener + 1:])  # "zegt een oud-medewerker die in 2023 een van de
    # briefschrijvers was": who the speaker is, not when the report was made (never "werd" nor "is gepubliceerd": a
    # report's own happening)
    return verb is not None and verb < opener and (described or not any(t.text.lower() in words.report_frames
                                                                         for t in before[:opener]))
    # "schrijft de wethouder in een brief die ze vrijdag stuurde": the day of the report that tells the news


def antecedent(token: Token, words: StoryWords) -> bool:
    """A word a relative clause may follow: a noun, or a pronoun for people ("roept iedereen die ... was op")."""
    return token.tag.startswith("N|") or token.text.lower() in words.indefinite_persons


def extraposed(before: Sequence[Token], tokens: Sequence[Token], k: int, words: StoryWords) -> bool:
    """A "dat" or "die" right after the participle that closes the main clause, with no subject of its own before the
    date ("heeft het gat gedicht dat eind juni ontstond"): a relative clause of the object, moved past the verb; never
    what was said or decided ("heeft besloten dat de school in juni sluit": a subject follows)."""
    return 0 < k and before[k].text.lower() in ("dat", "die") and before[k - 1].tag == "WW|vd" \
        and not any(t.tag.startswith(("N|", "VNW|pers", "VNW|aanw", "LID")) for t in before[k + 1:]) \
        and not pointing_at_time(tokens, k, words)  # "nam de verdachte die vrijdagavond een mes mee": that evening


def relative_word(token) -> bool:
    """A relative pronoun by the tags, or a "waarin", "waarbij" ... the tagger reads as an adverb."""
    from timeline.story.syntax import WAAR_RELATIVES

    return token.tag == "VNW|betr" or token.text.lower() in WAAR_RELATIVES


def relative_end(tokens: Sequence[Token], k: int, words: StoryWords) -> int | None:
    """After an inverted subject, the end of a relative clause of its noun that runs to its own finite verb with no
    mark between ("een hackersgroep die zich BlackVault noemt"); None when none opens at k."""
    if k >= len(tokens) or tokens[k].tag != "VNW|betr" or pointing_at_time(tokens, k, words):
        return None
    for j in range(k + 1, min(len(tokens), k + 10)):
        if tokens[j].tag.startswith("LET") or tokens[j].tag.startswith("VG"):
            return None
        if tokens[j].tag.startswith("WW|pv") or tokens[j].tag == "WW|vd" and tokens[j].text.endswith(PAST_ENDINGS) \
                and not any(t.tag.startswith("WW|") for t in tokens[k + 1:j]):  # "die de baan beheerde": a weak
            # past the tagger read as a participle ends the clause that has no other verb
            while j + 1 < len(tokens) and tokens[j + 1].tag.startswith(("WW|inf", "WW|vd")):
                j += 1  # "die het gebouw wil kopen": its verbs end it
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            return j + 1 if after is not None and not after.tag.startswith(("LET", "VG")) else None  # the main
            # clause goes on after it; one that runs to the end or on with "en" is the relative clause's own
    return None


def closing_words(rest: Sequence[Token]) -> bool:
    """Whether the words after a relative clause are what ends the main clause: a few adverbs, adjectives and verbs
    ("kort daarna failliet", "opnieuw ingediend"), no noun, no "te" or "om" of a clause of their own."""
    words_ = [t for t in rest if t.tag != "LET"]
    return 0 < len(words_) <= 4 and all(t.tag.startswith(("ADJ", "BW", "WW|vd", "WW|inf")) and t.text.lower() not in
                                         ("te", "om") for t in words_)


def main_rest(rest: Sequence[Token]) -> bool:
    """Whether the words after a relative clause that ends on its finite verb finish the main clause: a few, with no
    verb, conjunction, relative pronoun or mark of a clause of their own among them ("aan banden tot en met 30 juni";
    after "die Nederland gaat opleggen" a phrase may be the relative clause's own, "aan ASML")."""
    said = [t for t in rest if t.tag != "LET" or t.text not in ".!?"]
    return 0 < len(said) <= 8 and not any((t.tag.startswith(("WW", "VG", "VNW|betr")) or t.text in ",;:")
                                          and not (t.text == "en" and k and said[k - 1].text == "tot")  # "tot en met"
                                          for k, t in enumerate(said))
