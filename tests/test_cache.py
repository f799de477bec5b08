"""The cache of a language file's data between runs (timeline.temporal.cache): keyed by content, never stale."""

from __future__ import annotations

from pathlib import Path

from timeline.temporal import cache, grammar, language

SOURCE = Path(language.file_of("nl")).read_text("utf-8")


def grammar_from(folder, monkeypatch):
    """The grammar as a fresh process builds it from the language files in `folder` (no in-process caches)."""
    monkeypatch.setattr(language, "FOLDER", str(folder))
    monkeypatch.setattr(grammar, "load", language.load.__wrapped__)
    return grammar.compile_grammar.__wrapped__("nl")


def test_an_edited_language_file_is_read_again_not_served_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "nl.toml").write_text(SOURCE, "utf-8")
    before = grammar_from(tmp_path, monkeypatch)
    assert sorted(p.name.split(".")[1] for p in (tmp_path / "cache").iterdir()) == ["grammar", "language"]
    # the same length, one word changed: only the content can tell the two files apart
    (tmp_path / "nl.toml").write_text(SOURCE.replace("\ndecember = 12\n", "\ndecembel = 12\n", 1), "utf-8")
    after = grammar_from(tmp_path, monkeypatch)
    assert "december" in before.words["month"] and "december" in before.language.months
    assert "december" not in after.words["month"] and "decembel" in after.language.months
    assert "decembel" in after.anchors and after.anchor_patterns[1].search(" op 3 decembel ").group("word") == "decembel"
    assert before.anchor_patterns[1].search(" op 3 decembel ") is None


def test_the_grammar_from_the_cache_is_the_one_built_from_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", "")  # off: built from the file
    built = grammar_from(language.FOLDER, monkeypatch)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))
    grammar_from(language.FOLDER, monkeypatch)  # fills the cache
    served = grammar_from(language.FOLDER, monkeypatch)
    assert served.language == built.language == language.read(language.file_of("nl"))  # as validated from the file
    assert type(served.language.tense) is language.Tense and served.language.story == built.language.story
    assert served.rules == built.rules and served.words == built.words and served.anchors == built.anchors
    assert {k: served.prefixes[k].pattern for k in served.prefixes} == {k: built.prefixes[k].pattern for k in built.prefixes}
    assert [p.pattern for p in served.anchor_patterns] == [p.pattern for p in built.anchor_patterns]


def test_an_entry_is_built_once_then_read_while_its_inputs_stay_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data.txt"
    data.write_text("one", "utf-8")
    builds = []

    def build():
        builds.append(1)
        return data.read_text("utf-8")

    assert [cache.cached("x", [data], build) for _ in range(3)] == ["one"] * 3
    assert len(builds) == 1
    data.write_text("two", "utf-8")
    assert cache.cached("x", [data], build) == "two" and len(builds) == 2


def test_a_damaged_or_unwritable_cache_falls_back_to_building(tmp_path, monkeypatch):
    data = tmp_path / "data.txt"
    data.write_text("one", "utf-8")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    assert cache.cached("x", [data], lambda: 1) == 1
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(entry.read_bytes()[:100])  # truncated
    assert cache.cached("x", [data], lambda: 2) == 2
    (tmp_path / "file").write_text("", "utf-8")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "file" / "cache"))  # a folder that cannot be made
    assert cache.cached("x", [data], lambda: 3) == 3


def cache_folder(tmp_path, monkeypatch):
    """A data file and an empty cache folder that timeline uses."""
    data = tmp_path / "data.txt"
    data.write_text("one", "utf-8")
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(folder))
    return data, folder


def test_a_fifo_or_a_device_at_an_entrys_name_is_a_miss_not_a_command_that_waits_for_good(tmp_path, monkeypatch):
    import os
    import sys

    data, folder = cache_folder(tmp_path, monkeypatch)
    entry = folder / f"x.{sys.implementation.cache_tag}.marshal"
    os.mkfifo(entry)  # every command opened it and waited for a writer
    assert cache.cached("x", [data], lambda: 1) == 1
    entry.unlink()
    entry.symlink_to("/dev/zero")  # read until memory ran out
    assert cache.cached("x", [data], lambda: 2) == 2


def test_an_entry_is_never_written_through_a_link_left_at_its_staging_name(tmp_path, monkeypatch):
    import os
    import sys

    data, folder = cache_folder(tmp_path, monkeypatch)
    mine = tmp_path / "notes.txt"
    mine.write_text("mijn notities", "utf-8")
    (folder / f".x.{sys.implementation.cache_tag}.marshal.{os.getpid()}").symlink_to(mine)
    assert cache.cached("x", [data], lambda: 1) == 1
    assert mine.read_text("utf-8") == "mijn notities"  # was truncated and overwritten with the entry
    assert os.path.islink(folder / f".x.{sys.implementation.cache_tag}.marshal.{os.getpid()}")
