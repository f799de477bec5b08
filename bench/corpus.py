"""Distinct generated Dutch news articles, as an archive has them: many companies, people,
amounts and dates, sentences mixed and reworded, and a known share of wire copies (the
same article republished by other outlets under other names).

    python bench/corpus.py OUT_FOLDER --articles 10000 [--wire 0.1] [--seed 7] [--format txt|jsonl]

Every article of one seed and count is the same on every machine (random.Random(seed));
the number of companies and people grows with the count (one of each per 20 articles). The words are
ours; no sentence comes from a real article. Used by bench/archive.py and the tests of
the streamed build (tests/test_store.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

START = dt.date(2015, 1, 1)
DAYS = 4200  # publication days from 2015 to the end of 2026
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
SYLLABLES = ("ver", "mo", "lan", "dek", "tra", "bo", "zen", "ka", "rel", "stra", "ni", "vo", "gen", "tal", "por",
             "wes", "ter", "ha", "lum", "dor", "quin", "sel", "mar", "ko", "fen", "bri", "gal", "ent", "ro", "vis")
KINDS = ("Systems", "Holding", "Energie", "Logistiek", "Bank", "Groep", "Technologies", "Pharma", "Media", "Bouw")
FIRST = ("Anna", "Bram", "Carla", "Daan", "Eva", "Floris", "Greta", "Hugo", "Iris", "Joost", "Karin", "Lars",
         "Maud", "Niels", "Olga", "Pieter", "Roos", "Sander", "Tess", "Vincent", "Wouter", "Yara", "Ruben", "Lotte")
LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters",
        "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Kok", "Verhoeven", "Maas", "Kuipers", "Postma")
CITIES = ("Utrecht", "Eindhoven", "Groningen", "Zwolle", "Breda", "Leiden", "Arnhem", "Delft", "Tilburg", "Almere")
OUTLETS = ("Dagblad Noord", "Het Zuiden", "Nieuwsbode", "Financieel Weekblad", "Regio Vandaag", "De Kroniek")
TITLES = ("topman", "bestuursvoorzitter", "financieel directeur", "oprichter", "woordvoerder")
PRODUCTS = ("betaaldienst", "batterijfabriek", "chipmachine", "zorgapp", "windpark", "datacenter", "vrachtplatform")

# Sentences of a happening at a date; {when} is a date phrase, the rest names and figures.
EVENTS = (
    "{org} heeft {when} een overname van {org2} aangekondigd voor {amount} miljoen euro.",
    "{when_cap} sloot {org} een financieringsronde van {amount} miljoen dollar af, geleid door {org2}.",
    "{when_cap} lanceerde {org} een nieuwe {product} in {city}.",
    "{title_cap} {person} van {org} maakte {when} bekend dat het bedrijf {count} banen schrapt.",
    "{org} opende {when} een {product} in {city}, een investering van {amount} miljoen euro.",
    "De aandeelhouders van {org} stemden {when} in met het bod van {org2}.",
    "{org} en {org2} tekenden {when} een overeenkomst over de bouw van een {product}.",
    "{when_cap} kondigde {org} een beursgang aan die {amount} miljoen euro moet opleveren.",
    "De rechtszaak van {org2} tegen {org} begon {when} bij de rechtbank in {city}.",
    "{person}, {title} van {org}, trad {when} af na een conflict met de raad van commissarissen.",
)
# Sentences that look ahead or hold a figure now.
OUTLOOKS = (
    "{org} zal {when} een {product} openen in {city}.",
    "{org} verwacht in {year} een omzet van {amount} miljoen euro.",
    "Inmiddels werken er {count} mensen bij {org}.",
    "Volgens {person} is de markt voor {product}s nu {percent} procent groter dan een jaar eerder.",
)
# Sentences with no date of their own.
FILLERS = (
    "Het bedrijf wil de komende jaren verder groeien in Europa.",
    "{person} noemde de stap een logisch vervolg op de strategie van {org}.",
    "Analisten reageerden verdeeld op het nieuws.",
    "De concurrentie in de sector is de laatste tijd flink toegenomen.",
    "{org} telt vestigingen in {city} en {city2}.",
    "Het is nog onduidelijk wat de gevolgen zijn voor de klanten.",
    "De vakbond vindt dat de werknemers te weinig zijn betrokken bij het besluit.",
    "{org} wilde niet reageren op vragen van deze krant.",
)


class World:
    """The names the articles tell about: companies and people, a fixed set per seed."""

    def __init__(self, rng: random.Random, companies: int, people: int):
        self.orgs = sorted({self.company(rng) for _ in range(companies)})
        self.people = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(people)})

    @staticmethod
    def company(rng: random.Random) -> str:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        return f"{word.capitalize()} {rng.choice(KINDS)}"


def when(rng: random.Random, published: dt.date, past: bool = True) -> tuple[str, int]:
    """A date phrase for a happening around the article's day, and the year it falls in."""
    shift = rng.randint(1, 400) * (-1 if past else 1)
    day = published + dt.timedelta(days=shift)
    choice = rng.random()
    if choice < 0.45:
        return f"op {day.day} {MONTHS[day.month - 1]} {day.year}", day.year
    if choice < 0.7:
        return f"in {MONTHS[day.month - 1]} {day.year}", day.year
    if choice < 0.8 and past:
        return rng.choice(("vorige week", "gisteren", WEEKDAYS[published.weekday() % 5])), published.year
    if choice < 0.9:
        return f"begin {day.year}" if day.month < 5 else f"eind {day.year}", day.year
    return f"in {day.year}", day.year


def fill(template: str, rng: random.Random, world: World, published: dt.date, cast: dict) -> str:
    phrase, year = when(rng, published, past="zal" not in template)
    values = dict(cast, when=phrase, when_cap=phrase[:1].upper() + phrase[1:], year=year + 1,
                  amount=rng.choice((rng.randint(2, 99), rng.randint(100, 950), round(rng.uniform(1, 9), 1))),
                  count=rng.randint(12, 4000), percent=rng.randint(2, 60), product=rng.choice(PRODUCTS),
                  city=rng.choice(CITIES), city2=rng.choice(CITIES))
    values["amount"] = str(values["amount"]).replace(".", ",")
    return template.format(**values)


def article(rng: random.Random, world: World, index: int) -> dict:
    """One article: a lead, two to six more happenings, outlooks and fillers mixed."""
    published = START + dt.timedelta(days=rng.randrange(DAYS))
    org, org2 = rng.sample(world.orgs, 2)
    title = rng.choice(TITLES)
    cast = dict(org=org, org2=org2, person=rng.choice(world.people), title=title, title_cap=title.capitalize())
    lines = [fill(rng.choice(EVENTS), rng, world, published, cast)]
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        pool = EVENTS if roll < 0.45 else OUTLOOKS if roll < 0.6 else FILLERS
        if rng.random() < 0.3:  # a second company comes into the story
            cast = dict(cast, org2=rng.choice(world.orgs))
        lines.append(fill(rng.choice(pool), rng, world, published, cast))
    paragraphs = [" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]
    return {"name": f"a{index:07d}", "published": published.isoformat(), "outlet": rng.choice(OUTLETS),
            "title": headline(lines[0]), "text": "\n\n".join(paragraphs)}


def headline(sentence: str) -> str:
    """A title from the lead: its first clause, cut at a word within 70 characters."""
    clause = sentence.split(",")[0].rstrip(".")
    return clause if len(clause) <= 70 else clause[:70].rsplit(" ", 1)[0]


def articles(count: int, wire: float = 0.1, seed: int = 7) -> Iterator[dict]:
    """`count` articles; a share `wire` of them is a copy of an earlier one under another outlet and name."""
    rng = random.Random(seed)
    world = World(random.Random(seed + 1), companies=max(200, count // 20), people=max(200, count // 20))
    made: list[dict] = []
    for index in range(count):
        if made and rng.random() < wire:
            copy = dict(rng.choice(made[-500:]), name=f"a{index:07d}", outlet=rng.choice(OUTLETS))
            yield copy
            continue
        new = article(rng, world, index)
        made.append(new)
        if len(made) > 1000:
            del made[:500]
        yield new


def write(folder: Path, count: int, wire: float = 0.1, seed: int = 7, fmt: str = "txt") -> int:
    """The articles into `folder`, as .txt files (a `date` line first) or one articles.jsonl; their bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    if fmt == "jsonl":
        with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
            for a in articles(count, wire, seed):
                line = json.dumps({k: a[k] for k in ("text", "title", "outlet", "published")} | {"url": f"https://example.org/{a['name']}"},
                                  ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
        return size
    for a in articles(count, wire, seed):
        text = f"date {a['published']}\n{a['title']}\n\n{a['text']}\n"
        (folder / f"{a['name']}.txt").write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--wire", type=float, default=0.1, help="share of wire copies")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = parser.parse_args()
    size = write(Path(args.out), args.articles, args.wire, args.seed, args.format)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
