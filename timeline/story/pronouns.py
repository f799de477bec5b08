"""Pronouns and demonstratives that point back by number: a plural "ze" with a plural verb is the plural
subject before it; a demonstrative subject is the noun phrase just before it; "hem" is the one person named
before, "De brug" the one compound name that ends so."""

from __future__ import annotations

import re

from timeline.story.antecedents import gender_fits, small_title
from timeline.story.cast import Cast
from timeline.story.subjects import name_end, phrase_end
from timeline.story.syntax import subject_span, subject_text, tagged_plain
from timeline.story.timeless import is_time_noun
from timeline.story.words import StoryWords


def plural_subject(sentence: str, words: StoryWords) -> str:
    """The subject of a sentence when it is plural and no pronoun ("De ouders schreven ..."), else ""."""
    tokens = tagged_plain(sentence)
    span = subject_span(tokens, words)
    if span is None or not any(t.tag.startswith("N|") and t.tag.endswith("|mv") for t in tokens[span[0]:span[1]]):
        return group(sentence, tokens, words)
    return sentence[tokens[span[0]].start:tokens[span[1] - 1].end]


def group(sentence: str, tokens, words: StoryWords) -> str:
    """With no plural subject, the sentence's first definite plural of people ("... is geschrokken dat 80
    procent van de bewoners van Wijk aan Zee last heeft": de bewoners van Wijk aan Zee), else ""."""
    for k, token in enumerate(tokens[1:], 1):
        if token.tag == "N|soort|mv" and tokens[k - 1].text.lower() == "de" and token.text.lower().endswith(PEOPLE):
            end = k + 1
            if end + 1 < len(tokens) and tokens[end].text == "van" and name_end(tokens, end + 1, set()) > end + 1:
                end = name_end(tokens, end + 1, set())  # "de bewoners van Wijk aan Zee"
            return sentence[tokens[k - 1].start:tokens[end - 1].end]
    return ""


PEOPLE = ("ers", "ren", "enten", "anten", "ieden", "ouders", "leden", "mensen", "burgers", "inwoners")  # groups of people


def demonstrative_named(sentence: str, before: list[str], words: StoryWords) -> str:
    """"De beperking kwam er onder druk van de Amerikaanse regering. Die kondigde ... aan": a demonstrative
    subject is the last noun phrase before it, when their number agrees ("[de Amerikaanse regering] kondigde")."""
    tokens = tagged_plain(sentence[:80])
    verb = inverted_demonstrative(tokens)
    if not before or len(tokens) < 2 or (verb is None and (tokens[0].text.lower() not in ("die", "deze") or
                                                           not tokens[1].tag.startswith("WW|pv"))):
        return sentence
    if verb is not None:
        return inverted_named(sentence, tokens, verb, before[-1], words)
    previous = tagged_plain(before[-1])
    head = agreeing_noun(previous, tokens[1].tag.endswith("|mv"))
    if head is None:
        return sentence
    first = phrase_start(previous, head)
    return f"[{before[-1][previous[first].start:previous[head].end]}]{sentence[tokens[0].end:]}"


def inverted_named(sentence: str, tokens, verb: int, previous: str, words: StoryWords) -> str:
    """"De politie vond een auto. Maandag ontdekte die een tweede wagen": a demonstrative subject after the verb
    goes on with the subject before, when that is a noun phrase of the verb's number ("Maandag ontdekte [de
    politie] ..."); the demonstrative that opens a sentence is the last noun phrase (demonstrative_named)."""
    subject = subject_text(previous, words)
    if subject.split(" ", 1)[0].lower() not in ("de", "het") or plural_verb(sentence) != plural_verb(previous):
        return sentence
    return f"{sentence[:tokens[verb + 1].start]}[{lower_first(subject)}]{sentence[tokens[verb + 1].end:]}"


def placed(text: str, found, said: str) -> str:
    """The reference replaced by what it stands for, without brackets: first, before the verb it followed."""
    if found.start == 0:
        return said + text[found.end:]
    fronted, verb = text[: found.start].rstrip().rsplit(" ", 1)
    return f"{said} {verb} {lower_first(fronted)} {text[found.end:].lstrip()}".replace("  ", " ")


def lower_first(text: str) -> str:
    """A sentence's first word written small where it moves inside it, unless it is a name or an abbreviation."""
    first = text.split(" ", 1)[0]
    keep = any(c.isupper() for c in first[1:]) or first.isupper()
    return text if keep else text[:1].lower() + text[1:]


def inverted_demonstrative(tokens) -> int | None:
    """Where the finite verb stands when a demonstrative subject follows it after a fronted phrase ("Maandag
    ontdekte die een tweede wagen"), never a "die" before its noun ("kocht die auto") or a relative one."""
    verb = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), None)
    if verb is None or verb == 0 or verb + 2 >= len(tokens) or any(t.text in ",;:" for t in tokens[:verb]):
        return None
    said, after = tokens[verb + 1], tokens[verb + 2]
    if said.text.lower() not in ("die", "deze") or after.tag.startswith(("N|", "ADJ", "TW")):
        return None
    return verb


def phrase_start(tokens, head: int) -> int:
    """Where the noun phrase of a head begins: its article, possessive, adjectives and names ("de Amerikaanse
    regering"), a plural noun between an adjective and the head ("nieuwe betonnen balken", "verschillende soorten
    producten"); never a name after a preposition ("bij de fabriek in Tilburg nieuwe vuilniswagens")."""
    first = head
    while first > 0:
        tag = tokens[first - 1].tag
        if tag.startswith("N|eigen") and first > 1 and tokens[first - 2].tag.startswith("VZ"):
            break
        if not (tag.startswith(("LID", "ADJ", "VNW|bez", "N|eigen")) or first == head and tag == "N|soort|mv"
                and first > 1 and tokens[first - 2].tag == "ADJ"):
            break
        first -= 1
        if tag.startswith(("LID", "VNW|bez")):
            break  # the article opens the phrase
    return first


PLACE_BEFORE = frozenset({"in", "uit", "te", "naar"})


def agreeing_noun(previous, plural: bool, heads: int = 3) -> int | None:
    """The last noun of the sentence before whose number agrees with the verb ("... laat stalen platen maken in
    Duitsland. Die worden ... geleverd": platen), among its last three nouns; a place after "in" is passed by."""
    for k in range(len(previous) - 1, -1, -1):
        if not previous[k].tag.startswith("N|") or (k + 1 < len(previous) and previous[k + 1].tag.startswith("N|")):
            continue  # the last word of a noun phrase is its head
        if previous[k].tag.startswith("N|eigen") and k and previous[k - 1].text.lower() in PLACE_BEFORE:
            continue
        if k > 1 and previous[k - 1].tag.startswith("TW") and previous[k - 2].text.lower() == "van":
            continue  # "een lening van 500.000 euro": the amount says what the loan is, the loan is the phrase
        if previous[k].tag.endswith("|mv") == plural:
            return k
        heads -= 1
        if not heads:
            return None
    return None


def plural_verb(text: str) -> bool:
    """Whether the sentence's first finite verb is plural ("melden", "kondigden")."""
    verb = next((t for t in tagged_plain(text[:120]) if t.tag.startswith("WW|pv")), None)
    return verb is not None and verb.tag.endswith("|mv")


OF_THOSE = re.compile(r"(Een|Eén|Twee|Drie|Vier|Vijf|Zes|Zeven|Acht|Negen|Tien|\d+|Enkele|Sommige|Veel|Geen)\s+"
                      r"(?:daarvan|hiervan|van hen)\b")  # "Twee van hen zijn overleden"


def of_those(sentence: str, before: list[str]) -> str:
    """"Tata Steel moet zich verantwoorden voor vier overtredingen. Een daarvan betreft ...": "Een van de vier
    overtredingen betreft ...", the plural the sentence before ended on; so for "Twee van hen" ("52 mensen")."""
    found = OF_THOSE.match(sentence)
    if not found or not before:
        return sentence
    previous = tagged_plain(before[-1])
    head = last_tagged(previous, "N|soort|mv")
    if head is None:
        return sentence
    first = head
    while first > 0 and previous[first - 1].tag.startswith(("ADJ", "TW")) and previous[first].tag != "TW":
        first -= 1  # "vier grote banken", never the adverb before a number ("uiteindelijk 52 mensen")
    return f"{found.group(1)} van de {before[-1][previous[first].start:previous[head].end]}{sentence[found.end():]}"



def last_tagged(tokens, tag: str) -> int | None:
    """Where the last token whose tag starts so stands, None without one."""
    return next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].tag.startswith(tag)), None)


OF_NOUN = frozenset({"van", "voor", "over", "tegen", "naar", "om", "met", "op"})  # a phrase of the noun's own
ABOUT_THAT = re.compile(r"^((?:Een|De|Het)\s+(?:[\w-]+\s+){0,2}?)(daar|hier)(over|naar|tegen)\b")


def about_that(sentence: str, before: list[str]) -> str:
    """"... wil dat ondernemers een tegemoetkoming krijgen. Een motie daarover werd ... aangenomen": "Een motie
    over een tegemoetkoming werd ... aangenomen", the last noun phrase of the sentence before in its place."""
    found = ABOUT_THAT.match(sentence)
    if not found or not before:
        return sentence
    previous = tagged_plain(before[-1])
    head = last_tagged(previous, "N|soort")
    if head is None:
        return sentence
    first = phrase_start(previous, head)
    if first > 1 and previous[first - 1].text in OF_NOUN \
            and previous[first - 2].tag.startswith("N|soort"):
        first = phrase_start(previous, first - 2)  # "een verbod op vuurwerk", not "vuurwerk"
    phrase = before[-1][previous[first].start:previous[head].end]
    return f"{found.group(1)}{found.group(3)} {phrase}{sentence[found.end():]}"


THAT_NOUN = re.compile(r"(Dat|Die|Dit|Deze)\s+([a-z][\w-]{2,})\b")


def that_thing(sentence: str, before: list[str], words) -> str:
    """"Dat plan kreeg ... steun", after "... presenteerde een plan voor rekeningrijden": "Het plan voor
    rekeningrijden kreeg ... steun", the noun with the phrase of its own that the sentence before gave it; without
    one, the demonstrative still becomes the article ("Het besluit leidde ...")."""
    found = THAT_NOUN.match(sentence)
    if not found or not before:
        return sentence
    tokens = tagged_plain(sentence[:80])
    if len(tokens) < 3 or not tokens[1].tag.startswith("N|soort") or not tokens[2].tag.startswith("WW|pv"):
        return sentence  # "Dat bleek ...", "Die eerste ...": no noun of its own after it
    if found.group(2).lower() in words.time_units:
        return sentence  # "Deze week publiceerde ...": a time, not a thing told before
    article = "Het" if found.group(1) in ("Dat", "Dit") else "De"
    previous = tagged_plain(before[-1])
    noun = found.group(2).lower()
    at = next((k for k, t in enumerate(previous) if t.text.lower() == noun), None)
    own = ""
    if at is not None and at + 2 < len(previous) and previous[at + 1].text.lower() == "om":
        te = next((j for j in range(at + 2, min(len(previous) - 1, at + 12)) if previous[j].text.lower() == "te"
                   or previous[j].tag == "LET"), None)  # "het advies om ramen en deuren te sluiten": the clause whole
        whole = te is not None and previous[te].text.lower() == "te" and previous[te + 1].tag.startswith("WW")
        own = " " + before[-1][previous[at + 1].start:previous[te + 1].end] if whole else ""
    elif at is not None and at + 2 < len(previous) and previous[at + 1].text in OF_NOUN:
        end = phrase_end(previous, at + 2, set(), words)
        while end < min(len(previous), at + 6) and end == at + 2 and not previous[end].tag.startswith(("LET", "WW|pv", "VG")):
            end += 1  # "voor rekeningrijden": a word the noun phrases do not know
        if end > at + 2 and end + 1 < len(previous) and previous[end].text in OF_NOUN:
            end = max(end, phrase_end(previous, end + 1, set(), words))  # "voor zonnepanelen op boerderijen"
        own = " " + before[-1][previous[at + 1].start:previous[end - 1].end] if end > at + 2 else ""
    return f"{article} {found.group(2)}{own}{sentence[found.end():]}"


HIM = re.compile(r"(?<=\s)hem\b")


def him_named(line: str, before: list[str], people: Cast, words: StoryWords) -> str:
    """"De gemeenteraad zegde het vertrouwen in hem op": "hem" in a headline is the one person the three
    sentences before name ("... in Eric van Oosterhout op"); so is a "haar" the tags read as an object ("De minister
    ontsloeg haar dinsdag", never "haar vertrek"), by a woman's name or one of neither gender; with none or more than
    one, it stays."""
    him = HIM.search(line)
    her = None if him else next((t for t in tagged_plain(line) if t.text == "haar" and t.tag.startswith("VNW|pers")), None)
    if him is None and her is None:
        return line
    (start, end), pronoun = (him.span(), "hij") if him else ((her.start, her.end), "zij")
    persons = {n for text in before[-3:] for n, kind in people.names_in(text, words)
               if n in people.persons or kind.lower() in words.person_kind_words}  # "burgemeester Eric van Oosterhout"
    whole = {n for n in persons if not any(n != m and n in m for m in persons) and gender_fits(n, pronoun, words)}
    # "Van Oosterhout" is in the whole name
    if len(whole) != 1:
        return line
    return f"{line[:start]}{small_title(whole.pop(), words)}{line[end:]}"  # "curator Annelies Verhage"


COMPOUND_TAIL = re.compile(r"(De|Het|de|het)\s+([a-z]{4,})\b")


def compound_named(text: str, people: Cast, words: StoryWords) -> tuple[str, str] | None:
    """"De brug" opening a sentence of an article that names one Zuilensebrug (and no other name of one word
    that ends on "brug"): that name, in brackets in the phrase's place ("[De Zuilensebrug] werd ... geopend")."""
    found = COMPOUND_TAIL.match(text)
    if found is None or found.group(2) in words.finite:
        return None
    noun = found.group(2)
    names = {n for n in people.counts if " " not in n and n.lower().endswith(noun) and len(n) >= len(noun) + 3}
    if len(names) != 1:
        return None
    name = names.pop()
    return f"[{found.group(1)} {name}]{text[found.end():]}", name


def definite(line: str, words: StoryWords) -> str:
    """"BlackVault dreigt die gegevens te publiceren": inside a headline a demonstrative before its noun points at
    what the sentences before said, which the headline does not hold; the definite article says the same and stands
    alone ("dreigt de gegevens ..."). Not after a noun (a relative "die") nor before a time ("die avond")."""
    tokens = tagged_plain(line)
    for k in range(len(tokens) - 2, 0, -1):
        word, after = tokens[k].text, tokens[k + 1]
        noun = tokens[k + 2] if after.tag == "ADJ" and k + 2 < len(tokens) else after
        if word not in POINTING_ARTICLES or not tokens[k].tag.startswith("VNW") or not noun.tag.startswith("N|soort") \
                or is_time_noun(noun.text.lower(), words) or noun.text.lower() in OCCASIONS:  # never "dat" alone
            continue
        after_noun = tokens[k - 1].tag.startswith(("N|", "LET")) and tokens[k].tag != "VNW|aanw"
        if after_noun or tokens[k - 1].text.lower() in ("en", "of"):
            continue  # a relative after a noun; "maakte Zorggroep Oost-Groningen dat besluit bekend" is no relative
        line = line[:tokens[k].start] + POINTING_ARTICLES[word] + line[tokens[k].end:]
    return line


POINTING_ARTICLES = {"die": "de", "deze": "de", "dat": "het", "dit": "het"}
OCCASIONS = frozenset({"keer", "maal"})  # "dit keer", "deze keer": this time, no pointer at what was said


def without_pointing(line: str) -> str:
    """"De parochie zet daarvoor een pendelbusje in", "De raad stemde daar eind september mee in": an adverb that
    points at what the sentences before said ("daarvoor", "daar ... mee") says nothing in a headline that stands
    alone; it goes, with its preposition ("De raad stemde eind september in"). Not at the start (another rule's)."""
    line = FUSED_POINTER.sub("", line)
    bound = REFLEXIVE.search(line) or line.endswith(" terug")  # "bemoeit zich ermee", "kwam erop terug": the verb
    line = line if bound else FUSED_ER_LAST.sub(r"\1", line)  # needs it; "De raad ging ermee akkoord": "ging akkoord"
    split = SPLIT_POINTER.search(line) or (None if bound else SPLIT_ER.search(line))  # "stemde er in maart mee in"
    if split is not None:
        line = line[:split.start()] + " " + split.group(1) + (split.group(2) or "")
    return " ".join(line.split())


R_PREPOSITIONS = "mee|voor|over|op|aan|bij|van|door|tegen|uit|toe|naar"
FUSED_POINTER = re.compile(rf"(?<=\w)\s+(?:daar|hier)(?:{R_PREPOSITIONS}|in|om)\b(?!\s*[,;:])")
FUSED_ER_LAST = re.compile(rf"(?<=\w)\s+er(?:{R_PREPOSITIONS})((?:\s+\w+)?)$")  # never "slaagde erin een koper te vinden"
REFLEXIVE = re.compile(r"\bzich\b")
# "er ... mee" as "daar ... mee"; never in a clause of its own ("wat er van het hotel over was": no pointer)
SPLIT_ER = re.compile(rf"(?<=\w)(?<!\bwat)(?<!\bdie)(?<!\bdat)(?<!\bof)(?<!\bals)(?<!\btoen)\s+er\s+((?:\S+\s+){{0,5}}?)(?:{R_PREPOSITIONS})((?:\s+\w+)?)$")
SPLIT_POINTER = re.compile(rf"\s+(?:daar|hier)\s+((?:\S+\s+){{0,5}}?)(?:{R_PREPOSITIONS})((?:\s+\w+)?)$")
