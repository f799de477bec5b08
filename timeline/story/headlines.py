"""A headline for an event: who did what, in the sentence's own words, at most 90 characters.

From the event's text: quoted speech, parentheticals and appositions go; a
framing clause ("Uit gelekte cijfers blijkt dat ...", "Hoewel ..., zeggen
insiders dat ...") goes; a fronted adverbial goes and the subject comes before
its verb ("Het voorbije jaar sloot OpenAI een deal" → "OpenAI sloot een
deal"); the verb of a verb-final clause comes after its subject; the clause
is cut where a clause that does not hold the happening begins. No word is
added that the text does not hold.
"""

from __future__ import annotations

from dataclasses import replace

import re


from timeline.read.header import past_dateline
from timeline.story.frames import frame_end, teller_said
from timeline.story.pronouns import definite, without_pointing
from timeline.story.syntax import dangling_end, it_alone, tagged_plain, without_relative
from timeline.story.syntax import subject_first as subject_first_by_tags
from timeline.story.clauses import then_clause, told_news, verb_second
from timeline.story.subjects import phrase_end, subject_end
from timeline.story.reorder import conjunct_in_order, happening_clause, subject_first, verb_after_subject
from timeline.story.trim import with_of
from timeline.story.shorten import CLOSING_QUOTE, awaits_verb, fit, shortened, starts_on_verb, word_end
from timeline.story.shorten import without_set_off_relative
from timeline.story.timeless import before_dated_clause, date_spans, timeless
from timeline.story.words import NAME, QUOTES, WORD, StoryWords, capitalised_first

QUOTE = re.compile(r"\s?[‘“\"]([^‘’“”\"]{1,300})[’”\"](?![\w])")
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
DASHES = re.compile(r"\s[—–]\s[^—–]*?\s[—–](?=\s)")
ASIDE_FOR_NOW = r"nu nog|tot voor kort|destijds|toenmalig|voormalig"  # "Peter Hofman, nu nog burgemeester van X, wordt"
APPOSITION = re.compile(rf"((?:[A-Z][\w’'-]*|\]))\s*,\s(?:een|bekend|ooit|voorheen|dat|die|{ASIDE_FOR_NOW})\b[^,]*,")
OPENING_QUOTES, CLOSING_QUOTES = "\"“‘„'", "\"”’'"
BARE_PREPOSITION = re.compile(r"\s(?:aan|van|voor|met|over|tot|naar|als)\s*$")
# ", na druk van de VS," between the verb and the rest: a short phrase set off by commas, no clause of its own
ADVERBIAL = re.compile(r",\s(?:na|volgens|onder|ondanks|vanwege|zonder|tijdens|dankzij|op aandringen van)\s[^,.;:]{1,40},(?=\s)")
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“„\[])")


def headline(text: str, words: StoryWords, title: str | None = None, when: str | None = None) -> str:
    """The event's headline; an article's title stands for its lead when it has one. `when` says the
    event's date ("op 12 februari") where a time word completes the verb ("De zaak dient volgende week").
    A long name with its acronym after it ("de Nederlandse Voedsel- en Warenautoriteit (NVWA)") is said by the
    acronym when the name whole would cost the headline words."""
    line = titled_or_told(text, words, title, when)
    short = ACRONYMED.sub(lambda m: m.group(2) if m.group(1)[0] == m.group(2)[0] else m.group(0), text)
    if short == text or title:
        return line
    named = titled_or_told(short, words, None, when)
    spared = len(text.split()) - len(short.split()) - 1  # the words the acronym stands for, less one ("(NVWA)" went)
    whole = line.endswith("…") and not named.endswith("…")
    return named if whole or len(named.split()) + spared > len(line.split()) else line


def titled_or_told(text: str, words: StoryWords, title: str | None = None, when: str | None = None) -> str:
    """The headline of `headline`, names as the text writes them."""
    if title:
        head = title.split(": ")[0]  # the whole title when it fits ("Hoofdsponsor haakt af: gat van 9 miljoen in
        tail = title[len(head) + 2:]  # stadionplan Zeeland United"), else its head; never a question or a quote after it
        fits = len(timeless(title, words, when=when)) <= words.headline_max and not tail.endswith("?") \
            and tail[:1] not in QUOTES and timeless(tail, words) == tail  # "...: 48.000 euro in drie dagen" needs its
        # time words (a length, a figure's period): the head alone, then
        head = title if fits or len(head.split()) < 3 or NAME.fullmatch(head) else head  # ("Raad van State: ..." tells)
        head = timeless(head, words, when=when)  # "Treinpersoneel legt donderdag werk neer": the day stands beside it
        return shortened(head, words) if len(head) > words.headline_max else fit(head, words)  # "breidt ... uit"
    first = FIRST_SENTENCE.split(text, maxsplit=1)[0]
    said = AS_SAID.match(first)
    if said and starts_on_verb(first[said.end():]):  # "Zoals verwacht won de VVD ...": the VVD won
        first = subject_before_verb(first[said.end():], words) or first
    stripped = before_dated_clause(without_set_off_relative(strip_asides(first)))  # ", de club waarvan ..., doet": the
    # subject, its verb; "ging dicht[, een jaar later verhuisde ...]": one happening
    plain = conjunct_in_order(happening_clause(stripped, words) or main_clause(stripped, words), words)
    told = told_news(plain, words) if len(plain) > words.headline_max else None
    if told is not None:  # "Het OM maakte bekend dat ...": too long with its frame, "Het OM: " and the news
        teller, news = told
        alone = headline(news, words, when=when)
        said = headline(news, replace(words, headline_max=words.headline_max - len(teller) - 2), when=when) if teller else alone
        if teller and said != alone and (surname := SURNAME.search(teller)):  # "Advocaat Rutger Hazelhoff" is long:
            teller = surname.group(1)  # "Hazelhoff: ..."
            said = headline(news, replace(words, headline_max=words.headline_max - len(teller) - 2), when=when)
        if teller and said == alone:
            return f"{capitalised_first(teller)}: {after_colon(said)}"  # the teller when it fits
        if not teller or not CLAIMED.search(plain[:plain.find(" dat ") + 1]):
            return alone  # the news a frame announced ("maakte bekend dat ...") heads as it is
        # a claim ("betoogde dat ...") never heads as a fact: the frame stays, cut for length
    short = without_relative(cut(plain, words), words)
    if short != plain and plain[len(short):].lstrip(" ,").startswith("dat "):  # "presenteerde zijn eindverslag met
        short = WITH_NOUN.sub("", short)  # de aanbeveling [dat ...]": the noun that heads the clause goes with it
    short = dangling_end(short, words) if short != plain or len(stripped) < len(first) - 1 else short
    whole = timeless(short, words, when=when)
    whole = dangling_end(whole, words) if whole != short else whole  # "dan aan [het begin van dit jaar]"
    if whole.split(" ", 1)[0] != short.split(" ", 1)[0] and starts_on_verb(whole):  # a fronted time word went:
        whole = subject_before_verb(whole, words) or short  # its subject comes first, else the time word stays
    return marked_cut(without_pointing(definite(shortened(named_not_kin(whole), words), words)), words)


CLAIMED = re.compile(r"\b(?:betoogt|betoogde|betoogden|stelt|stelde|stelden|beweert|beweerde|beweerden|claimt|claimde|"
                     r"vindt|vond|waarschuwt|waarschuwde|verklaart|verklaarde|ontkent|ontkende|denkt|dacht|vreest|vreesde)\b")
SURNAME = re.compile(r"(?<!\S)(?!(?:De|Het|Een)\s)[A-Z][\w’'-]+\s+((?:(?:van|de|der|den)\s+)*[A-Z][\w’'-]+)$")  # a first name and a surname


def after_colon(news: str) -> str:
    """"Dagmarkt: de negen winkels ...": after a colon a word that is no name is written small."""
    tokens = tagged_plain(news[:40])
    name = not tokens or tokens[0].tag.startswith(("N|eigen", "SPEC")) or tokens[0].text.isupper()
    return news if name else news[:1].lower() + news[1:]


def named_not_kin(text: str) -> str:
    """"Haar voorganger Sybrand Buma presenteerde ...": a possessive and a noun before a name lean on someone
    the headline does not name; the name stands alone ("Sybrand Buma presenteerde ...")."""
    tokens = tagged_plain(text[:80])
    if len(tokens) > 3 and tokens[0].tag.startswith("VNW|bez") and tokens[1].tag.startswith("N|soort") \
            and tokens[2].text[:1].isupper() and (tokens[2].tag.startswith("N|eigen") or tokens[2].tag.startswith("N")
                                                  and tokens[3].tag.startswith("N|eigen") and tokens[3].text[:1].isupper()):
        return text[tokens[2].start:]  # "Haar collega Frank Hoitink": a first name the tagger read as a noun ("frank")
    return text


def subject_before_verb(text: str, words: StoryWords) -> str | None:
    """"debatteert de Tweede Kamer over het verslag" → "de Tweede Kamer debatteert over het verslag"; None
    when no subject follows the verb."""
    tokens = tagged_plain(text)
    start = 1
    if len(tokens) > 3 and tokens[1].tag == "VZ":  # "geldt [voor de export van ...] een vergunningplicht"
        start = with_of(tokens, phrase_end(tokens, 2, set(), words), words, 1)
    end = subject_end(tokens, start, words, set()) if len(tokens) > start + 1 else start
    pronoun = start < len(tokens) and tokens[start].tag.startswith("VNW|pers")
    if end <= start or pronoun and (start > 1 or tokens[start].text.lower() not in SUBJECT_PRONOUNS
                                    or tokens[start].text.lower() == "het" and not it_alone(tokens, start)) or \
            (start > 1 and end < len(tokens) - 1):
        return None  # a subject after a phrase only when it ends the clause; "kondigde ze ... aan": "Ze kondigde"
    subject, moved = text[tokens[start].start:tokens[end - 1].end], text[tokens[1].start:tokens[start - 1].end] if start > 1 else ""
    subject = subject[:1].upper() + subject[1:] if pronoun else subject  # the pronoun's name or description follows
    return " ".join(part for part in (subject, tokens[0].text, moved, text[tokens[end - 1].end:].strip()) if part)




SUBJECT_PRONOUNS = frozenset({"hij", "zij", "ze", "het", "wij", "we"})


def marked_cut(line: str, words: StoryWords) -> str:
    """A headline that still ends inside a clause waiting for its verb ("besloot dat ASML ook oudere
    chipmachines niet meer") says it was cut."""
    opened = max((m.start() for m in words.opening_quote.finditer(line)), default=-1)  # also a ’ or ' that opens a word
    if opened > 15 and not CLOSING_QUOTE.search(line, opened + 1):  # "noemt de regeling “misbruik": the quote was cut
        if opened > 30:
            return dangling_end(line[:opened], words) + "…"
        return line[:opened] + line[opened + 1:] + "…"  # "De staalfabriek blijft „willens en wetens ...": its words
    if line.endswith("…") or not awaits_verb(line):
        return line
    return (line if len(line) < words.headline_max else dangling_end(line[: word_end(line, words.headline_max - 1)].rstrip(),
                                                                     words)) + "…"  # never "dat het…"


TITLED = re.compile(r"\b(?:de titel|de naam|het motto|de slogan|getiteld|genaamd)\s*$")


def without_quotes(text: str) -> str:
    """Without quoted speech longer than three words; a preposition left before a quote that ended the
    clause goes with it ("... opleggen aan “een beperkt aantal fabrieken”.")."""
    parts, last = [], 0
    for found in QUOTE.finditer(text):
        if len(found.group(1).split()) <= 3 or TITLED.search(text, 0, found.start()):
            continue  # "onder de titel “Samen de stad op orde”": a title, no speech
        before = text[last:found.start()]
        if re.match(r"\s*(?:[.,;:]|$)", text[found.end():]):
            before = BARE_PREPOSITION.sub("", before)
        parts.append(before)
        last = found.end()
    return "".join(parts) + text[last:]


def strip_asides(text: str) -> str:
    """Without quoted speech (a short quoted term stays), parentheses, dashes and appositions."""
    text = text[past_dateline(text, 0):]
    text = without_quotes(text)
    if text[:1] in OPENING_QUOTES and not any(q in text[1:] for q in CLOSING_QUOTES):  # speech running on to a later
        text = text[1:]  # sentence: its opening mark does not belong in a headline
    text = PARENTHESIS.sub("", text)
    text = DASHES.sub("", text)
    text = APPOSITION.sub(lambda m: m.group(1) + ("" if verb_follows(m, text) else ","), text)
    text = ADVERBIAL.sub("", text)
    return " ".join(text.split())


ACRONYMED = re.compile(  # "de Nederlandse Voedsel- en Warenautoriteit (NVWA)": the name, then its acronym
    r"\b((?:[A-Z][\w’'-]*\s+(?:(?:en|van|voor|de|der|het|op)\s+)*){1,6}[A-Z][\w’'-]*)\s+\(([A-Z]{2,7})\)")


def verb_follows(aside: re.Match[str], text: str) -> bool:
    """"De winkel aan de Kruisstraat, die ... bleef, is weer open": after a relative clause set off by commas the
    verb follows its subject without a comma; never before "om", "en" ... ("Broadcom, een chipontwerper, om ...")."""
    after = text[aside.end():].split(maxsplit=1)
    relative = re.match(rf"\S+\s*,\s(?:die|dat|{ASIDE_FOR_NOW})\b", aside.group(0)) is not None
    return relative and bool(after) and after[0].islower() and after[0] not in KEEP_COMMA


KEEP_COMMA = frozenset({"om", "en", "maar", "of", "want", "te", "terwijl", "omdat", "waarna", "nadat"})


def main_clause(text: str, words: StoryWords) -> str:
    """Subject first: drop a leading subordinate clause or frame, and undo inversion (by the tags;
    by the word lists where the tags find no finite verb with a subject)."""
    rest = text.split(",", 1)[1].strip() if opens_clause(text, words) and "," in text else text
    if rest is not text and re.match(r"\w+\s+(?:dat|dit)\s", rest):  # "Toen X ..., bracht dat het kabinet aan het
        clause = text.split(",", 1)[0].split(" ", 1)[1]  # wankelen": what "dat" stands for is the news
        told = verb_second(clause, words)
        if told:
            return told
    disclosed = words.disclosure.search(rest, 0, 80)
    if disclosed is not None:  # "Eind januari werd duidelijk dat Nederland ... een akkoord hebben gesloten"
        news = rest[disclosed.end():]
        return verb_second(news, words) or verb_after_subject(news, words)
    framed = frame_end(rest, words)
    if framed is not None and any(t.tag.startswith(("WW|pv", "WW|inf")) for t in tagged_plain(rest[framed:])):  # "concludeerde het RIVM dat de emissies de l" (cut
        news = teller_said(rest[:framed], rest[framed:], words)  # off in the source): no news to tell
        return verb_second(news, words) or verb_after_subject(news, words)
    found = subject_first_by_tags(text, words, date_spans(text))
    return found if found is not None else subject_first(rest, words)


def opens_clause(text: str, words: StoryWords) -> bool:
    """Whether the text opens on a subordinate clause ("Nadat ..., begon"); "Die groei is ..." opens on a
    demonstrative, "Dat plan ..." on a determiner."""
    first = WORD.match(text)
    if not first or first.group(0).lower() not in words.subordinators:
        return False
    tokens = tagged_plain(text[:80])
    if len(tokens) > 1 and tokens[1].tag.startswith("WW|pv"):
        return False  # "Toen kwam naar buiten dat ...": an adverb before the verb
    return not tokens or not tokens[0].tag.startswith(("VNW", "LID"))


def cut(text: str, words: StoryWords) -> str:
    """The clause up to where one that does not hold the happening begins; a relative clause set off by commas
    inside the main clause goes alone when what follows it ends the main clause ("besloot om de pinguïns, die in
    een ander deel van het park zitten, niet te ruimen": "niet te ruimen" stays)."""
    found = words.headline_cut.search(text, 15)
    then = then_clause(text)
    if then is not None and (found is None or then < found.start()):
        return text[:then].rstrip()
    if found is None:
        return text
    closed = CLAUSE_COMMA.search(text, found.end()) if RELATIVE_OPENER.match(text, found.start()) else None
    tail = text[closed.end():].strip(" .") if closed else ""  # never the comma of "11,4 miljoen"
    tags = tagged_plain(tail) if tail else ()
    if tail and len(tail.split()) <= 12 and "," not in tail and not any(t.tag.startswith("WW|pv") for t in tags) \
            and tags[-1].tag.startswith(("WW|inf", "WW|vd")):  # "heeft het contract, dat ... is, vorige week aan
        return f"{text[: found.start()]} {tail}"  # het bedrijf gegund": the verbs after it end the main clause
    if tail and len(tail.split()) <= 6 and not any(t.tag.startswith("WW|pv") for t in tags) \
            and any(t.tag.startswith(("WW|inf", "WW|vd")) for t in tags):
        return f"{text[: found.start()]} {tail}"
    if tail and len(tail.split()) <= 12 and tags[0].tag.startswith("WW|pv") and "," not in tail:
        return f"{text[: found.start()]} {tail}"  # "Het advies ..., dat sinds half mei gold, is maandag ingetrokken"
    return text[: found.start()]


RELATIVE_OPENER = re.compile(r",\s*(?:die|dat|wat)\b")
CLAUSE_COMMA = re.compile(r",(?=\s)")


AS_SAID = re.compile(r"Zoals\s+(?:(?:al|eerder|vorige\s+week)\s+)?(?:verwacht|gepland|gemeld|bekend|aangekondigd|voorspeld|"
                     r"gevreesd|beloofd|afgesproken),?\s+")  # a fronted "Zoals verwacht": what the news was known as
WITH_NOUN = re.compile(r",?\s+(?:met|onder)\s+(?:de|het)\s+[a-z][\w-]*\s*$")


BRACKETED = re.compile(r"(?:\b(?:de|het|De|Het)\s+(?:[\w-]+\s+){0,2}?)?\[([^\]]+)\]")


def named(line: str) -> str:
    """A headline says names, never brackets: "[OpenAI] sloot" → "OpenAI sloot", "de oud-premier
    [Rutte] opende" → "Rutte opende"; a reference to a name the headline already says keeps its
    own words ("Maasbrouwerij sloot de brouwerij [Maasbrouwerij]" → "... de brouwerij")."""
    def one(found: re.Match[str]) -> str:
        name, whole = found.group(1), found.group(0)
        reference = whole[: whole.index("[")].rstrip()
        elsewhere = name in line[: found.start()] + line[found.end():]
        return (reference if elsewhere and reference else name)

    text = BRACKETED.sub(one, line)
    return capitalised_first(" ".join(text.split()))


