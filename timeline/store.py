"""An archive's build on disk: memory that does not grow with the archive.

The candidate events of every article stream into an SQLite file in a temporary
folder (Python's own sqlite3: no dependency; its sorts spill to disk), never held
together. Once every article is read, the story's names are known and the merge
runs in parts that cannot touch each other:

1. each candidate's keys (`blocks.block_keys` of its `merge.evidence`) go into a table;
2. the keys shared by 2 to keyed.MAX_BLOCK reports are the merge's blocks; in each, the pairs of
   reports `merge.same_fact` joins are united (a union-find over candidate numbers,
   four bytes a candidate), as are the copies of one report. A part is a set of
   candidates so united: the merge's union of two reports, its "an article reports a fact
   once" and its undated mentions only ever look at pairs within a part, so `merge.tellings`
   of a part, given the keys too common in the whole story (`dropped`), gives the events
   the whole story's merge gives for those candidates;
3. each part is merged (here, or on the Dask workers, see `timeline.archive.merge_parts`); a part too
   large to hold (LARGE_PART) is first cut into its facts here, on disk (`facts.large_facts`: its
   reports, blocks and pairs in SQLite, arrays of a few bytes a report in memory), each fact then
   merged as a part of its own; the events go into a table with their order key; the story is read back ordered by
   SQLite's external sort, each event carrying its ICS SEQUENCE from the previous build,
   which was read into a table the same way.

The output is the in-memory build's (`build.Collector.timeline`), byte for byte.
"""

from __future__ import annotations

import array
import hashlib
import json
import pickle
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.build import SOURCE_FIELDS, Outcome, candidate_of, candidate_row
from timeline.models import Event, Source, event_order, heading_year
from timeline.stored import StoredSources
from timeline.facts import large_facts
from timeline.parts import join_block, probe, root, tupled, unite
from timeline.story import blocks as keyed
from timeline.story.diff import fingerprint
from timeline.story.blocks import block_keys
from timeline.story.merge import copy_key, evidence

SCHEMA = """
CREATE TABLE cand (seq INTEGER PRIMARY KEY, cid TEXT, rec BLOB);
CREATE TABLE meta (seq INTEGER PRIMARY KEY, cls BLOB, path TEXT, probe BLOB);
CREATE TABLE keys (k TEXT, cls BLOB, seq INTEGER);
CREATE TABLE owned (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE part (root INTEGER, seq INTEGER);
CREATE TABLE event (ins INTEGER, year INTEGER, lastmonth INTEGER, coarse INTEGER, start INTEGER, negdays INTEGER, text TEXT,
                    id TEXT, relevance INTEGER, rec BLOB);
CREATE TABLE story (pos INTEGER PRIMARY KEY, year INTEGER, rec BLOB);
CREATE TABLE prev (id TEXT PRIMARY KEY, fp BLOB, seq INTEGER) WITHOUT ROWID;
CREATE TABLE source (seq INTEGER PRIMARY KEY, rec BLOB);
CREATE TABLE big (root INTEGER PRIMARY KEY);
CREATE TABLE fact (root INTEGER, seq INTEGER, PRIMARY KEY (root, seq)) WITHOUT ROWID;
"""
BATCH = 2000  # rows a statement writes at a time
PART_CANDIDATES = 4000  # candidates of the parts a Dask task merges at a time
KEY = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(k, ensure_ascii=False), without a new encoder a key
PROBES = 20000  # probes (parts.probe) kept while the blocks are joined
LARGE_PART = PART_CANDIDATES  # a part of more candidates is grouped from its probes, never held whole


class Store:
    """A build's candidates, parts and events in an SQLite file that goes with the store."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="timeline-store-")
        self.db = sqlite3.connect(Path(self.folder.name) / "build.sqlite", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", "cache_size=-32768"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(SCHEMA)
        self.count = 0
        self.pending: list[tuple] = []
        self.articles: list[tuple] = []  # each article read, waiting to go into `source`
        self.probed: dict[int, tuple] = {}  # the last probes read (see `probes`)
        self.dropped: frozenset[str] = frozenset()  # the keys too common in the whole story, as stored

    def close(self) -> None:
        self.db.close()
        self.folder.cleanup()

    def add(self, outcome: Outcome, owned_ids: Iterable[str]) -> None:
        """One article's candidates, numbered in input order, and the ids of those the subject owns."""
        for c in outcome.candidates:
            self.count += 1
            self.pending.append((self.count, c.id, pickle.dumps(candidate_row(c), protocol=5)))
        if len(self.pending) >= BATCH:
            self.flush()
        owned_ids = list(owned_ids)
        if owned_ids:
            self.db.executemany("INSERT OR IGNORE INTO owned VALUES (?)", ((i,) for i in owned_ids))

    def add_source(self, source: Source) -> None:
        """An article read, for the events an editor adds (build.Collector.sources): kept on disk."""
        self.articles.append((pickle.dumps(tuple(getattr(source, f) for f in SOURCE_FIELDS), protocol=5),))
        if len(self.articles) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending or self.articles:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT INTO cand VALUES (?, ?, ?)", self.pending)
            self.db.executemany("INSERT INTO source (rec) VALUES (?)", self.articles)
            self.db.execute("COMMIT")
            self.pending, self.articles = [], []

    def sources(self) -> Iterable[Source]:
        """Every article read, in order, as often as it is iterated; never all in memory."""
        return StoredSources(self)

    def candidates(self, query: str = "SELECT seq, rec FROM cand ORDER BY seq", args: tuple = ()) -> Iterator:
        for seq, rec in self.db.execute(query, args):
            yield seq, candidate_of(pickle.loads(rec))

    # -- 1. keys ---------------------------------------------------------------------------------

    def index(self, subject: str | None, names: frozenset[str]) -> None:
        """Each candidate's report class (its copies share one), what a pair test needs of it, and its keys."""
        self.flush()
        ignore = frozenset({subject}) if subject else frozenset()
        seen: Counter = Counter()
        article = None
        meta, keys = [], []
        for seq, c in self.candidates():
            if c.source.path != article:  # an article's candidates come together: copies of a report in one
                article, seen = c.source.path, Counter()  # article are separate reports, as merge.copies has it
            found = evidence(c, subject, names)
            digest = hashlib.blake2b(repr(copy_key(c)).encode("utf-8"), digest_size=15).digest()
            seen[digest] += 1
            cls = digest + bytes([min(seen[digest], 255)])
            meta.append((seq, cls, c.source.path, pickle.dumps(probe(c, found), protocol=5)))
            keys += [(KEY(k), cls, seq) for k in block_keys(found, ignore, c)]
            if len(keys) >= BATCH * 8:
                self.write(meta, keys)
                meta, keys = [], []
        self.write(meta, keys)
        self.db.execute("CREATE INDEX keys_k ON keys (k, cls, seq)")
        self.db.execute("CREATE INDEX meta_cls ON meta (cls, seq)")

    def write(self, meta: list, keys: list) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)", meta)
        self.db.executemany("INSERT INTO keys VALUES (?, ?, ?)", keys)
        self.db.execute("COMMIT")

    # -- 2. parts --------------------------------------------------------------------------------

    def parts(self, subject: str | None) -> frozenset:
        """Unite copies and the pairs the merge would join; the keys too common to be a block."""
        ignore = frozenset({subject}) if subject else frozenset()
        parent = array.array("i" if self.count < 2**31 else "q", range(self.count + 1))  # four bytes a candidate
        last_cls, last_seq = None, 0
        for cls, seq in self.db.execute("SELECT cls, seq FROM meta ORDER BY cls, seq"):
            if cls == last_cls:  # copies of one report
                unite(parent, last_seq, seq)
            last_cls, last_seq = cls, seq
        dropped = []
        for key, reports in self.blocks():
            if len(reports) > keyed.MAX_BLOCK:
                dropped.append(key)
            elif len(reports) > 1:
                self.join(parent, reports, ignore)
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO part VALUES (?, ?)", ((root(parent, s), s) for s in range(1, self.count + 1)))
        self.db.execute("COMMIT")
        self.db.execute("CREATE INDEX part_root ON part (root, seq)")
        self.probed = {}  # the probes are read again, a large part's, only where they are needed
        self.dropped = frozenset(dropped)
        return frozenset(tupled(json.loads(k)) for k in dropped)

    def blocks(self) -> Iterator[tuple[str, list[int]]]:
        """Each key with the first candidate of each report (class) that has it, in order; a key of more than
        keyed.MAX_BLOCK reports (too common to be a block) with MAX_BLOCK + 1 of them, never all: the commonest
        keys are shared by a share of the whole archive."""
        key, reports = None, []
        for k, _, first in self.db.execute("SELECT k, cls, MIN(seq) FROM keys GROUP BY k, cls ORDER BY k"):
            if k != key:
                if key is not None:
                    yield key, sorted(reports)
                key, reports = k, []
            if len(reports) <= keyed.MAX_BLOCK:
                reports.append(first)
        if key is not None:
            yield key, sorted(reports)

    def join(self, parent: array.array, reports: list[int], ignore: frozenset[str]) -> None:
        """Unite the reports of one block that the merge's own test calls one fact (parts.join_block)."""
        probes = self.probes(reports)
        join_block(parent, reports, [probes[i] for i in reports], ignore)

    def probes(self, reports: list[int]) -> dict[int, tuple]:
        """What the pair test reads of each report; a report is in several blocks, so the last
        PROBES read are kept (a bounded number: the store's memory does not grow with the archive)."""
        missing = [seq for seq in reports if seq not in self.probed]
        if len(self.probed) + len(missing) > PROBES:
            self.probed, missing = {}, reports
        if missing:  # a block holds at most blocks.MAX_BLOCK reports: one query
            marks = ",".join("?" * len(missing))
            for seq, p in self.db.execute(f"SELECT seq, probe FROM meta WHERE seq IN ({marks})", missing):
                self.probed[seq] = pickle.loads(p)
        return self.probed

    def part_batches(self, subject: str | None, names: frozenset[str], dropped: frozenset,
                     limit: int = PART_CANDIDATES) -> Iterator[list[list[tuple[int, bool, tuple]]]]:
        """The parts, a few at a time: each part its candidates (number, owned, record) in input order.
        A part of more than LARGE_PART candidates (reports chained through shared keys: 117,373 of the
        416,257 candidates of 100,000 generated articles) is never held whole, nor are its reports: its facts
        are found on disk (facts.large_facts) and each goes as a part of its own."""
        self.db.execute("DELETE FROM big")
        self.db.execute("INSERT INTO big SELECT root FROM part GROUP BY root HAVING COUNT(*) > ?", (LARGE_PART,))
        small = self.members("part p", "p.root NOT IN (SELECT root FROM big)")
        yield from batched(small, limit)
        ignore = frozenset({subject}) if subject else frozenset()
        for (part_root,) in self.db.execute("SELECT root FROM big ORDER BY root").fetchall():
            large_facts(self.db, part_root, self.dropped, ignore)
            yield from batched(self.members("fact p"), limit)

    def members(self, table: str, where: str = "1") -> Iterator[list[tuple[int, bool, tuple]]]:
        """Each part of `table` (rows of part and candidate number) as its candidates (number, owned, record), in order."""
        query = (f"SELECT p.root, p.seq, c.rec, EXISTS(SELECT 1 FROM owned o WHERE o.id = c.cid) FROM {table} "
                 f"JOIN cand c ON c.seq = p.seq WHERE {where} ORDER BY p.root, p.seq")
        current, found = None, []
        for part_root, seq, rec, is_owned in self.db.execute(query):
            if part_root != current and found:
                yield found
                found = []
            current = part_root
            found.append((seq, bool(is_owned), pickle.loads(rec)))
        if found:
            yield found

    # -- 3. events -------------------------------------------------------------------------------

    def add_events(self, found: Iterable[tuple[int, bool, Event]], keep: Callable[[Event, bool], bool]) -> None:
        """Merged events (first candidate's number, belongs to the subject, event) that `keep` keeps."""
        rows = ((ins, *event_order(e), e.relevance, pickle.dumps(e, protocol=5))
                for ins, belong, e in found if keep(e, belong))
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.db.execute("COMMIT")

    def key_moments(self, key: int) -> None:
        """Only the `key` most relevant events (earliest first on a tie), as relevance.keep chooses."""
        self.db.execute("DELETE FROM event WHERE rowid NOT IN (SELECT rowid FROM event "
                        "ORDER BY -relevance, start, id, ins LIMIT ?)", (key,))

    def previous(self, rows: Iterable[tuple[str, bytes, int]]) -> None:
        """The previous build's (id, fingerprint, sequence) rows, for SEQUENCE."""
        self.db.execute("BEGIN")
        try:
            self.db.executemany("INSERT OR REPLACE INTO prev VALUES (?, ?, ?)", rows)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def order(self, carry: bool) -> int:
        """The story in its one order (models.story_order), each event with its SEQUENCE carried from the
        previous build; how many events."""
        query = "SELECT rec FROM event ORDER BY year, lastmonth, coarse, start, negdays, text, id, ins"
        pos = 0
        rows = []
        for (rec,) in self.db.execute(query):
            event = pickle.loads(rec)
            if carry:
                event = event.model_copy(update={"sequence": self.sequence(event)})
                rec = pickle.dumps(event, protocol=5)
            pos += 1
            rows.append((pos, heading_year(event.date.start, event.date.end), rec))
            if len(rows) >= BATCH:
                self.db.executemany("INSERT INTO story VALUES (?, ?, ?)", rows)
                rows = []
        self.db.executemany("INSERT INTO story VALUES (?, ?, ?)", rows)
        self.db.execute("CREATE INDEX story_year ON story (year, pos)")
        return pos

    def sequence(self, event: Event) -> int:
        old = self.db.execute("SELECT fp, seq FROM prev WHERE id = ?", (event.id,)).fetchone()
        if old is None:
            return 0
        return min(old[1] + (old[0] != fingerprint(event)), 2**31 - 1)


def batched(parts: Iterable[list], limit: int) -> Iterator[list[list]]:
    """Parts gathered into batches of at least `limit` candidates (the last may be smaller)."""
    batch, size = [], 0
    for members in parts:
        batch.append(members)
        size += len(members)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
