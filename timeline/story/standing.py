"""A reference told so that a headline stands alone: the role a person put in was given, and the thing a "Het"
stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.story.cast import Cast
from timeline.story.pronouns import placed, plural_verb
from timeline.story.syntax import subject_text, tagged_plain
from timeline.story.words import StoryWords

if TYPE_CHECKING:
    from timeline.story.references import Reference


def with_role(said: str, told: str, found: Reference, name: str, people: Cast, words: StoryWords) -> str:
    """A person put in at the start of a sentence with the role the reference said ("De burgemeester") or the
    article gave the name ("advocaat Thomas Vermeulen"), so the headline says who the person is: "Burgemeester
    [Marieke Zwaans] bezocht ...", "Advocaat [Thomas Vermeulen] wees erop ..."; a name that carries its title, one
    the article gave no role, or a sentence too long to stay whole in a headline, as it is."""
    if found.kind == "organisation" and not found.start and found.noun in words.seated and told.startswith("[") \
            and people.types.get(name) == found.noun:  # "De rechtbank" of "de rechtbank Den Haag": never the city
        return f"{found.noun.capitalize()} {told}"
    if found.kind != "person" or found.start or not told.startswith("[") or " " not in name \
            or (found.noun and said[found.start:found.end].split()[-1][:1].isupper()):  # "De Italiaan": no role
        return told
    role = found.noun or people.types.get(name, "")
    if not role or not role.islower() or role not in words.person_kind_words or role in name.lower() \
            or len(told) + len(role) - 1 > words.headline_max:
        return told
    return f"{role[:1].upper()}{role[1:]} {told}"


def it_thing(text: str, found: Reference, previous: str, words: StoryWords) -> str:
    """A headline's "Het" that opens it, for the neuter subject said without a name in the sentence before ("Het
    gezin woonde in de Dorpsstraat. Het verhuisde in april"): that subject, with the definite article ("Het gezin
    verhuisde ..."); any other reference as it is."""
    subject = subject_text(previous, words)
    head, _, rest = subject.partition(" ")
    if text[found.start:found.end].lower() != "het" or head.lower() not in NEUTER or not rest \
            or plural_verb(text) or plural_verb(previous) or not previous.startswith(subject):
        return text
    after = next((t for t in tagged_plain(previous) if t.start >= len(subject)), None)
    if after is None or not after.tag.startswith(("WW|pv", "VZ")):
        return text  # "Het fout [gegane model] werd ...": a subject read only in part; "Het ziekenhuis [aan de
        # Julianalaan] werd": its noun
    return placed(text, found, f"Het {rest}")  # "In maart strandde het ...": "Het bouwplan strandde in maart ..."


NEUTER = frozenset({"het", "dat", "dit"})
