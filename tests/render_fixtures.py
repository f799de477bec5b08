"""A realistic Timeline shared by the renderer tests."""

from __future__ import annotations

import datetime as dt

from timeline.models import Event, EventDate, Grain, Source, Timeline

D = dt.date

ALTMAN = Source(
    path="seeds/001_c849ffd6ff0bcb15.txt",
    title="Sam Altman is als een jongleur op een eenwieler",
    published=D(2025, 12, 3),
)
CHIPS = Source(path="seeds/003_8a920a78c4b27215.txt", title=None, published=D(2025, 9, 14))
ARCHIEF = Source(
    path="seeds/000_57baac05c5f8387e.txt",
    title="De geschiedenis van OpenAI & co",
    published=D(2023, 1, 10),
    approximate=True,
)


HEADLINES = {
    "e1a0c3f2b9d4": "OpenAI wordt opgericht als non-profit",
    "b7d91e04c2aa": "ChatGPT verschijnt met <100 miljoen> *gebruikers*",
    "5f03aa7d81e6": "OpenAI haalt nieuw kapitaal op",
    "0c6e2b5d97f1": "[OpenAI] presenteert een model dat ‘redeneert’ & code leest",
    "93b4f0e2d6c8": "Gesprekken met chipmakers over eigen processors",
    "d2c87a1f4e05": "Altman roept ‘code rood’ uit",
    "7a4d0be91f3c": "Eigen consumentenapparaat zou op de markt komen",
}


def _event(id_, value, mod, start, end, grain, label, text, sources, expected=False):
    date = EventDate(value=value, mod=mod, start=start, end=end, grain=grain, label=label)
    return Event(id=id_, date=date, headline=HEADLINES[id_], text=text, sources=sources, expected=expected)


EVENTS = (
    _event(
        "e1a0c3f2b9d4", "2015-12-11", None, D(2015, 12, 11), D(2015, 12, 12), Grain.DAY,
        "11 december 2015",
        "OpenAI wordt in San Francisco opgericht als non-profit, met geld van Musk & Altman.",
        (ARCHIEF,),
    ),
    _event(
        "b7d91e04c2aa", "2022", "END", D(2022, 9, 1), D(2023, 1, 1), Grain.YEAR,
        "eind 2022",
        "ChatGPT verschijnt en heeft binnen twee maanden <100 miljoen> gebruikers; "
        "critici spreken van een *hype* rond __kunstmatige__ intelligentie.",
        (ARCHIEF, ALTMAN),
    ),
    _event(
        "5f03aa7d81e6", "2025-H1", None, D(2025, 1, 1), D(2025, 7, 1), Grain.HALF,
        "eerste helft van 2025",
        "OpenAI haalt nieuw kapitaal op bij investeerders uit Japan en het Midden-Oosten.",
        (ALTMAN,),
    ),
    _event(
        "0c6e2b5d97f1", "2025-04-16", None, D(2025, 4, 16), D(2025, 4, 17), Grain.DAY,
        "16 april 2025",
        "Het bedrijf presenteert een model dat ‘redeneert’ over afbeeldingen <img> en code.",
        (ALTMAN,),
    ),
    _event(
        "93b4f0e2d6c8", "2025-SU", None, D(2025, 6, 1), D(2025, 9, 1), Grain.SEASON,
        "zomer 2025",
        "Gesprekken met chipmakers over eigen processors; één deal is al rond.",
        (CHIPS,),
    ),
    _event(
        "d2c87a1f4e05", "2025-12", "START", D(2025, 12, 1), D(2025, 12, 11), Grain.MONTH,
        "begin december 2025",
        "Altman roept ‘code rood’ uit: alle hens aan dek om ChatGPT te verbeteren.",
        (ALTMAN,),
    ),
    _event(
        "7a4d0be91f3c", "2026-SP", None, D(2026, 3, 1), D(2026, 6, 1), Grain.SEASON,
        "voorjaar 2026",
        "Een eigen consumentenapparaat zou op de markt moeten komen.",
        (ALTMAN,),
        expected=True,
    ),
)  # fmt: skip


def sample_timeline() -> Timeline:
    """Seven events over 2015, 2022, 2025 and an expected one in 2026."""
    return Timeline(title="OpenAI: van lab tot ‘code rood’ & verder", events=EVENTS)
