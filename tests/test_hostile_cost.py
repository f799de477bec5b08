"""Cost that must stay linear (issue 26): line numbers of edits.toml and the manifest, the
nearest-id hint of a stale edit, the size and element limits of a saved page. Timed checks
compare two sizes by ratio (generous); where operations can be counted, they are."""

from __future__ import annotations

import gc
import secrets
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.bounded import key_lines


def best_time(work, repeat=5) -> float:
    """The least CPU time of `repeat` runs of `work`, with the garbage collector held: the time the process
    itself spent (another process on the machine does not count), and no collection of all objects that
    happens to fall in the larger run."""
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
    finally:
        if collecting:
            gc.enable()
    return min(times)


def edits_file(path: Path, n: int) -> list[str]:
    ids = [secrets.token_hex(6) for _ in range(n)]
    path.write_text("".join(f'["{i}"]\ndrop = true\n\n' for i in ids), "utf-8")
    return ids


def test_edits_line_numbers_cost_linear_time(tmp_path):
    from timeline.story.edits import load_edits

    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    ids = edits_file(small, 4000)
    edits_file(large, 16000)
    assert load_edits(small).lines[ids[-1]] == 3 * 3999 + 1
    ratio = best_time(lambda: load_edits(large)) / best_time(lambda: load_edits(small))
    assert ratio < 10, ratio  # 4 when linear, 16 when every key is looked for from the top (generous: a busy machine)


def test_manifest_line_numbers_cost_linear_time(tmp_path):
    from timeline.read.manifest import manifest, manifest_entry

    def folder(n):
        found = tmp_path / str(n)
        found.mkdir()
        (found / "published.toml").write_text(
            "".join(f'["a{k}.txt"]\npublished = 2025-12-17\n\n' for k in range(n)), "utf-8")
        return found

    def read_all(found, n):
        manifest.cache_clear()
        for k in range(n):
            manifest_entry(found / f"a{k}.txt")

    small, large = folder(4000), folder(16000)
    ratio = best_time(lambda: read_all(large, 16000), 3) / best_time(lambda: read_all(small, 4000), 3)
    assert ratio < 10, ratio  # 4 when linear, 16 when each entry's line is looked for from the top


def test_a_bad_manifest_entry_far_down_is_named_by_its_line(tmp_path):
    from timeline.errors import ArticleError
    from timeline.read.manifest import manifest, manifest_entry

    manifest.cache_clear()
    lines = "".join(f'["a{k}.txt"]\npublished = 2025-12-17\n' for k in range(500)) + '["bad.txt"]\npublished = "gisteren"\n'
    (tmp_path / "published.toml").write_text(lines, "utf-8")
    with pytest.raises(ArticleError, match=r"published.toml:1001: bad.txt: published"):
        manifest_entry(tmp_path / "bad.txt")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True), min_size=1, max_size=20, unique=True),
       st.sampled_from(["quoted", "single", "bare", "inline"]))
def test_key_lines_finds_the_line_of_every_key_tomllib_reads(keys, style):
    import tomllib

    if style == "bare":
        keys = [k for k in keys if "." not in k] or ["k"]
    head = {"quoted": '["{}"]\ndrop = true\n', "single": "['{}']\ndrop = true\n", "bare": "[{}]\ndrop = true\n",
            "inline": '"{}" = {{ drop = true }}\n'}[style]
    source = "# edits\n\n" + "".join(head.format(k) + "\n" for k in keys)
    table = tomllib.loads(source)
    found = key_lines(source)
    step = head.count("\n") + 1
    for n, key in enumerate(keys):
        assert key in table and found[key] == 3 + n * step


def test_the_nearest_id_compares_few_candidates_and_finds_a_typo_anywhere(monkeypatch):
    import difflib

    from timeline.story.edits import Nearest

    ids = [secrets.token_hex(6) for _ in range(20000)]
    compared = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches",
                        lambda word, possibilities, **kw: compared.append(len(possibilities)) or real(word, possibilities, **kw))
    nearest = Nearest(ids)
    for target in ids[:50]:
        for at in (0, 5, 11):
            typo = target[:at] + ("x" if target[at] != "x" else "y") + target[at + 1:]
            assert nearest(typo) == target
    assert max(compared) <= 4 * Nearest.AROUND  # against every id it was 20,000 comparisons a stale id


def page(tags: int) -> bytes:
    body = "<p>Op 3 maart 2024 sloot OpenAI een deal van 10 miljard dollar met Broadcom.</p>" + "x<br>" * tags
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>".encode()


def test_a_page_of_too_many_tags_is_skipped_before_trafilatura_parses_it(monkeypatch):
    import trafilatura

    from timeline.errors import ArticleError
    from timeline.read.web import PAGE_TAGS, page_parts

    parsed = []
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: parsed.append(1))
    with pytest.raises(ArticleError, match="x.html: the page has 1,000,0.. tags, more than the 50,000"):
        page_parts("x.html", page(1_000_000))  # 5 MB of `x<br>`: minutes in trafilatura
    assert not parsed
    with pytest.raises(ArticleError, match="larger than 8 MB"):
        page_parts("x.html", b"<p>" + b"a" * (9 * 1024 * 1024))
    assert not parsed
    assert PAGE_TAGS == 50_000


def test_a_page_just_under_the_tag_limit_is_read_in_bounded_time(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "many.html").write_bytes(page(49_900))
    (folder / "huge.html").write_bytes(page(1_000_000))
    result = subprocess.run([sys.executable, "-m", "timeline.cli", "build", folder, "--out", tmp_path / "out",
                             "--published", "2025-12-17"], capture_output=True, timeout=120)
    err = result.stderr.decode()
    assert result.returncode == 3, err
    assert "huge.html: the page has 1,000,0" in err and "many.html" not in err
