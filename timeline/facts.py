"""The facts of a part too large to hold (timeline.store, LARGE_PART), found on disk: the merge's own
union of reports (merge.report_groups) with nothing of the part's size held as Python objects.

What report_groups holds for each report (its probe and evidence, its articles, its fact's members, its
blocks and the pairs they make) stays in the store's SQLite file; here only arrays of four bytes a report
(each report's fact, the next report of its fact, its article) and bounded memories: the last probes read
and the pair test's answers. The reports are numbered as report_groups numbers them (each class of copies
by its first candidate, in input order), their pairs are asked in its order (ascending, from the blocks)
and each join is decided by its tests, so the facts are its facts, byte for byte the same story."""

from __future__ import annotations

import array
import pickle
import sqlite3
from collections.abc import Iterator

from timeline.story import merge
from timeline.story.blocks import DATED, MAX_BLOCK

PROBES = 10000  # probes and evidence kept in a generation (two generations), some 15 MB
FACTS = 5000  # facts' tellings by article kept before that memory starts again
TESTED = 50_000  # the pair test's answers kept in a generation (two), some 110 bytes each: about 11 MB at most.
# Bounds a part of 10,000 reports already reaches (at 100,000 generated articles a part of 10,901 asked 63,086
# pairs and kept 3,191 facts' tellings), so a larger archive's larger parts hold no more (with merge.TESTED,
# 200,000, and 20,000 facts, a part of 160,569 reports at 300,000 held some 50 MB more than one of 10,000)

TABLES = """
CREATE TABLE member (seq INTEGER PRIMARY KEY, cls BLOB, art INTEGER);
CREATE TABLE rep (at INTEGER PRIMARY KEY, cls BLOB UNIQUE, seq INTEGER);
CREATE TABLE blk (b INTEGER, at INTEGER, dated INTEGER);
CREATE TABLE grp (at INTEGER PRIMARY KEY, g INTEGER);
"""


class LargePart:
    """One large part's reports on disk: what the merge's pair test reads, fetched as it asks."""

    def __init__(self, db: sqlite3.Connection, part_root: int, dropped: frozenset[str], ignore: frozenset[str]):
        self.db, self.ignore = db, ignore
        for name in ("member", "rep", "blk", "grp"):
            db.execute(f"DROP TABLE IF EXISTS {name}")
        db.executescript(TABLES)
        db.execute("INSERT INTO member SELECT m.seq, m.cls, DENSE_RANK() OVER (ORDER BY m.path) FROM part p "
                   "JOIN meta m ON m.seq = p.seq WHERE p.root = ?", (part_root,))
        db.execute("INSERT INTO rep SELECT ROW_NUMBER() OVER (ORDER BY MIN(seq)) - 1, cls, MIN(seq) FROM member GROUP BY cls")
        self.count = db.execute("SELECT COUNT(*) FROM rep").fetchone()[0]
        self.first = array.array("q", (seq for (seq,) in db.execute("SELECT seq FROM rep ORDER BY at")))
        self.article = array.array("i", (art for (art,) in db.execute(
            "SELECT m.art FROM rep r JOIN member m ON m.seq = r.seq ORDER BY r.at")))
        self.copies = shelves(db.execute("SELECT DISTINCT r.at, m.art FROM rep r JOIN member m ON m.cls = r.cls "
                                         "ORDER BY r.at, m.art"), self.count)
        self.dated = array.array("b", (pickle.loads(p)[0].kind != "undated" for (p,) in db.execute(
            "SELECT m.probe FROM rep r JOIN meta m ON m.seq = r.seq ORDER BY r.at")))
        self.blocks(dropped)
        self.new: dict[int, tuple] = {}
        self.old: dict[int, tuple] = {}

    def blocks(self, dropped: frozenset[str]) -> None:
        """Each key 2 to MAX_BLOCK reports of the part share (but one too common in the whole story) as a block:
        its reports, and whether each is dated (merge.split_blocks), in a table; as Store.blocks_of finds them."""
        self.db.execute("CREATE INDEX IF NOT EXISTS keys_seq ON keys (seq)")
        key, members, number, rows = None, [], 0, []
        query = "SELECT keys.k, r.at FROM rep r CROSS JOIN keys ON keys.seq = r.seq ORDER BY keys.k"
        for k, at in self.db.execute(query):
            if k != key:
                if 1 < len(members) <= MAX_BLOCK and key not in dropped:
                    number += 1
                    rows += [(number, m, self.dated[m]) for m in members]
                key, members = k, []
            if len(members) <= MAX_BLOCK:  # a block no longer: its members need not be kept
                members.append(at)
            if len(rows) >= 20000:
                self.db.executemany("INSERT INTO blk VALUES (?, ?, ?)", rows)
                rows = []
        if 1 < len(members) <= MAX_BLOCK and key not in dropped:
            rows += [(number + 1, m, self.dated[m]) for m in members]
        self.db.executemany("INSERT INTO blk VALUES (?, ?, ?)", rows)
        self.db.execute("CREATE INDEX blk_at ON blk (at, b)")
        self.db.execute("CREATE INDEX blk_b ON blk (b, dated, at)")

    def probe(self, at: int) -> tuple:
        """A report's probe and evidence (parts.Probe, Features), from the last read or the store."""
        found = self.new.get(at)
        if found is None:
            found = self.old.get(at)
            if found is None:
                found = pickle.loads(self.db.execute("SELECT probe FROM meta WHERE seq = ?", (self.first[at],)).fetchone()[0])
            if len(self.new) >= PROBES:
                self.new, self.old = {}, self.new
            self.new[at] = found
        return found

    def later(self, at: int) -> list[int]:
        """The dated reports after `at` that share a block with it, ascending (blocks.pairs)."""
        query = ("SELECT DISTINCT c.at FROM blk a JOIN blk c ON c.b = a.b AND c.dated = 1 AND c.at > a.at "
                 "WHERE a.at = ? ORDER BY c.at")
        return [j for (j,) in self.db.execute(query, (at,))]

    def mentioned(self) -> Iterator[tuple[int, Iterator[int]]]:
        """Each undated mention in a block, ascending, with the dated reports of its blocks, ascending."""
        query = ("SELECT DISTINCT c.at FROM blk a JOIN blk c ON c.b = a.b AND c.dated = 1 WHERE a.at = ? ORDER BY c.at")
        mentions = [at for (at,) in self.db.execute("SELECT DISTINCT at FROM blk WHERE dated = 0 ORDER BY at")]
        for mention in mentions:
            yield mention, (o for (o,) in self.db.execute(query, (mention,)))

    def same_fact(self, i: int, j: int) -> bool:
        (a, fa), (b, fb) = self.probe(i), self.probe(j)
        return merge.same_fact(a, b, fa, fb, self.ignore)


def shelves(rows: Iterator[tuple[int, int]], count: int) -> tuple[array.array, array.array]:
    """Rows (report, article) ascending as offsets and articles: report k's articles are articles[offsets[k]:offsets[k + 1]]."""
    offsets, found = array.array("q", [0] * (count + 1)), array.array("i")
    for at, art in rows:
        found.append(art)
        offsets[at + 1] = len(found)
    for k in range(1, count + 1):
        offsets[k] = max(offsets[k], offsets[k - 1])
    return offsets, found


class Facts:
    """merge.report_groups over a LargePart: the same unions, each fact's reports a chain in arrays."""

    def __init__(self, part: LargePart):
        self.part, n = part, part.count
        self.parent = array.array("i", range(n))
        self.next = array.array("i", [-1]) * n  # the next report of its fact, -1 at its end
        self.tail = array.array("i", range(n))  # a fact's last report, under its root
        self.told: dict[int, list[list[int]]] = {}
        self.tested: list[dict[tuple[int, int], bool]] = [{}, {}]

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def members(self, a: int) -> Iterator[int]:
        while a >= 0:
            yield a
            a = self.next[a]

    def fits(self, i: int, j: int) -> bool:
        new, old = self.tested
        known = new.get((i, j))
        if known is None:
            known = old.get((i, j))
            if known is None:
                known = self.part.same_fact(i, j)
            if len(new) >= TESTED:
                self.tested[:] = new, old = {}, new
            new[i, j] = known
        return known

    def tellings(self, a: int) -> list[list[int]]:
        """A fact's reports by the article of each (merge.report_groups' tellings_of)."""
        found = self.told.get(a)
        if found is None:
            by: dict[int, list[int]] = {}
            for x in self.members(a):
                by.setdefault(self.part.article[x], []).append(x)
            found = list(by.values())
            if len(self.told) >= FACTS:
                self.told = {}
            self.told[a] = found
        return found

    def articles(self, a: int) -> set[int]:
        offsets, found = self.part.copies
        return {art for x in self.members(a) for art in found[offsets[x]:offsets[x + 1]]}

    def all_fit(self, a: int, b: int) -> bool:
        fits = self.fits
        return all(any(fits(x, y) for x in xs for y in ys) for xs in self.tellings(a) for ys in self.tellings(b))

    def unite(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        article = self.part.article
        if a != b and self.fits(i, j) and (article[i] == article[j] or not (self.articles(a) & self.articles(b))) \
                and self.all_fit(a, b):
            self.parent[b] = a
            self.next[self.tail[a]] = b
            self.tail[a] = self.tail[b]
            self.told.pop(a, None), self.told.pop(b, None)

    def takes(self, a: int, mention: int) -> bool:
        return (any(self.part.probe(x)[0].kind in DATED for x in self.members(a))
                and all(any(self.fits(mention, x) for x in xs) for xs in self.tellings(a)))

    def join(self) -> None:
        """The dated pairs in ascending order, then each undated mention onto the first fact that takes it."""
        part = self.part
        for i in range(part.count):
            if part.dated[i]:
                for j in part.later(i):
                    self.unite(i, j)
        for mention, others in part.mentioned():
            other = next((o for o in others if self.takes(self.root(o), mention)), None)
            if other is not None:
                self.parent[mention] = self.root(other)


def large_facts(db: sqlite3.Connection, part_root: int, dropped: frozenset[str], ignore: frozenset[str]) -> None:
    """The facts of one part as rows (fact, candidate number) of the table `fact`, each fact numbered in order of
    its first candidate as parts.part_groups lists them."""
    part = LargePart(db, part_root, dropped, ignore)
    facts = Facts(part)
    facts.join()
    rank, made = array.array("i", [-1]) * part.count, 0
    rows = []
    for at in range(part.count):
        r = facts.root(at)
        if rank[r] < 0:
            rank[r], made = made, made + 1
        rows.append((at, rank[r]))
        if len(rows) >= 20000:
            db.executemany("INSERT INTO grp VALUES (?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO grp VALUES (?, ?)", rows)
    db.execute("DELETE FROM fact")
    db.execute("INSERT INTO fact SELECT g.g, m.seq FROM member m JOIN rep r ON r.cls = m.cls JOIN grp g ON g.at = r.at")
