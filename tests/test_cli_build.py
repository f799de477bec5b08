"""`timeline build` through the real command line: bad input, atomic output, settings."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
GOOD = "date 2025-12-17 OpenAI lanceerde in oktober een eigen browser.\n"


def run(*args, stdin=None, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, [str(a) for a in args], input=stdin)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, [str(a) for a in args], input=stdin)


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD, "utf-8")
    return articles


def built(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".timeline.lock"}


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "the file is binary"),
        ("strange.txt", "date 2025-12-17 Zo’n ".encode("utf-8")[:-3] + b"\x81\x8d\x90 tekst", "the text is neither UTF-8 nor Windows-1252"),
        ("undated.txt", b"OpenAI lanceerde in oktober een browser.\n", "no publication date"),
    ],
)
def test_a_bad_article_is_skipped_by_name_and_the_good_ones_still_build(folder, tmp_path, name, data, problem):
    (folder / name).write_bytes(data)
    out = tmp_path / "out"
    result = run("build", folder, "--out", out)
    assert result.exit_code == 3
    assert f"skipped {folder / name}: {problem}" in result.output
    story = json.loads((out / "timeline.json").read_text("utf-8"))
    assert any("browser" in e["text"] for e in story["events"])


def test_strict_makes_a_bad_article_fatal_and_writes_nothing(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("build", folder, "--out", out, "--strict")
    assert result.exit_code == 1
    assert f"{folder / 'empty.txt'}: the file is empty" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffdate 2025-12-17 Théâtre Eén opende in oktober een première.\n".encode("utf-8"),
        "date 2025-12-17 Théâtre Eén opende in oktober een première.\n".encode("cp1252"),
        "date 2025-12-17 Théâtre Eén opende in oktober een première.\n".encode("latin-1"),
    ],
    ids=["utf-8 with BOM", "windows-1252", "latin-1"],
)
def test_encodings_are_read_correctly(tmp_path, data):
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    result = run("build", article, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    story = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))
    assert story["events"][0]["text"].startswith("Théâtre Eén opende in oktober een première")


def test_an_impossible_published_date_is_a_usage_error_quoting_it(folder):
    result = run("build", folder, "--published", "2025-13-45")
    assert result.exit_code == 2
    assert "'2025-13-45'" in result.output


def test_a_missing_path_names_the_path(tmp_path):
    result = run("build", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output


def test_a_broken_user_template_leaves_the_previous_build_as_it_was(folder, tmp_path):
    out = tmp_path / "out"
    assert run("build", folder, "--out", out).exit_code == 0
    before = built(out)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "timeline.md.j2").write_text("{{ title }\n", "utf-8")
    (folder / "more.txt").write_text("date 2025-12-18 Google lanceerde in november Gemini 3.\n", "utf-8")
    result = run("build", folder, "--out", out, "--templates", templates)
    assert result.exit_code == 1
    assert "timeline.md.j2" in result.output
    assert built(out) == before


def test_an_output_path_that_is_a_file_is_an_error_and_the_file_stays(folder, tmp_path):
    out = tmp_path / "out"
    out.write_text("keep me", "utf-8")
    result = run("build", folder, "--out", out)
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output
    assert out.read_text("utf-8") == "keep me"


def test_stdin_article_and_stdout_output():
    result = run("build", "-", "--format", "md", "--out", "-", "--quiet", stdin=GOOD)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Tijdlijn")
    assert "browser" in result.output


def test_out_dash_needs_one_format(folder):
    result = run("build", folder, "--out", "-")
    assert result.exit_code == 2
    assert "one format" in result.output


def test_quiet_says_nothing_and_verbose_names_each_article(folder, tmp_path):
    quiet = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "q"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    verbose = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "v"), "--verbose"])
    assert f"read {folder / 'good.txt'}" in verbose.stderr


def test_settings_file_sets_defaults(folder, tmp_path, monkeypatch):
    here = tmp_path / "project"
    here.mkdir()
    (here / "timeline.toml").write_text('out = "story"\nformat = "md"\n', "utf-8")
    monkeypatch.chdir(here)
    result = CliRunner().invoke(main, ["build", str(folder)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (here / "story").iterdir() if not p.name.startswith(".")] == ["timeline.md"]


def test_an_unknown_setting_is_an_error_suggesting_the_nearest(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\nformats = "md"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "unknown setting 'formats'; did you mean 'format'?" in result.output


def test_traceback_flag_shows_the_full_story(tmp_path):
    plain = run("build", tmp_path / "nope.txt")
    full = run("--traceback", "build", tmp_path / "nope.txt")
    assert "Traceback" not in plain.output
    assert "Traceback" in full.output


def test_two_builds_give_byte_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build", SEEDS, "--out", first).exit_code in (0,)
    assert run("build", SEEDS, "--out", second).exit_code in (0,)
    assert built(first) == built(second)


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", SEEDS, "--out", one).exit_code == 0
    assert run("build", SEEDS, "--out", two, "--jobs", "2").exit_code == 0
    assert built(one) == built(two)


def test_progress_shows_on_a_terminal_only(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"a{i:02d}.txt").write_text(GOOD, "utf-8")
    command = [sys.executable, "-m", "timeline.cli", "build", str(folder), "--out", str(tmp_path / "out")]
    master, slave = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=slave, timeout=120)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert done.returncode == 0 and done.stdout == b""
    assert b"articles" in shown and b"100%" in shown
    piped = subprocess.run(command, capture_output=True, timeout=120)
    assert b"100%" not in piped.stderr and b"25 articles" in piped.stderr


def test_a_full_disk_leaves_the_previous_build_and_no_temporary_files(folder, tmp_path, monkeypatch):
    import errno

    from timeline.render import output

    out = tmp_path / "out"
    assert run("build", folder, "--out", out).exit_code == 0
    before = built(out)
    (folder / "more.txt").write_text("date 2025-12-18 Google lanceerde in november Gemini 3.\n", "utf-8")
    real_stream = output.stream
    calls = []

    def full_after_two(make, target):
        calls.append(1)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_stream(make, target)

    monkeypatch.setattr(output, "stream", full_after_two)
    result = run("build", folder, "--out", out)
    assert result.exit_code == 1
    assert "No space left on device" in result.output and str(out) in result.output
    assert built(out) == before
    assert not list(out.glob(".timeline-*"))  # the lock file (.timeline.lock) stays; it holds no pid now


def test_an_unreadable_last_build_is_ignored_but_a_bad_since_is_an_error(folder, tmp_path):
    import hashlib
    import json

    out = tmp_path / "out"
    out.mkdir()
    old = b'{"title": "old", "events": [{"id": 1}]}'  # what another version of timeline wrote, and recorded
    (out / "timeline.json").write_bytes(old)
    (out / ".timeline.files").write_text(json.dumps({"files": {"timeline.json": hashlib.sha256(old).hexdigest()}}))
    result = run("build", folder, "--out", out)
    assert result.exit_code == 0, result.output
    assert "not comparing with the last build" in result.output
    bad = run("build", folder, "--out", tmp_path / "other", "--since", out / "timeline.md")
    assert bad.exit_code == 1
    assert "not a timeline.json" in bad.output


def test_a_timeline_json_nobody_recorded_that_timeline_cannot_read_is_refused_not_replaced(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "timeline.json").write_text('{"title": "old", "events": [{"id": 1}]}', "utf-8")
    result = run("build", folder, "--out", out)
    assert result.exit_code == 1 and "move it away or choose another --out" in result.output, result.output
    assert (out / "timeline.json").read_text("utf-8") == '{"title": "old", "events": [{"id": 1}]}'


def test_an_unknown_language_is_an_error_naming_the_known_ones_and_writes_nothing(folder, tmp_path):
    result = run("build", folder, "--language", "xx", "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert "unknown language 'xx'; choose one of nl" in result.output
    assert not (tmp_path / "out").exists()


def test_every_timeline_json_validates_against_the_printed_schema(tmp_path):
    import jsonschema

    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    for extra in ([], ["--calendar-grain", "year", "--key", "5"]):
        out = tmp_path / f"out{len(extra)}"
        assert run("build", "--out", out, "-q", *extra).exit_code == 0
        jsonschema.validate(json.loads((out / "timeline.json").read_text("utf-8")), schema)
    broken = json.loads((tmp_path / "out0" / "timeline.json").read_text("utf-8"))
    broken["events"][0]["date"]["grain"] = "fortnight"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_an_article_with_any_weekday_after_een_builds_with_the_rest(tmp_path):
    """"op een zondagochtend" names no day; it once stopped its article with an error (exit 3)."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("date 2026-10-20\n\nDe brand in het hotel ontstond op een zondagochtend. De eigenaar "
                                  "maakte dinsdag bekend dat het hotel wordt herbouwd.\n", encoding="utf-8")
    result = run("build", source, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    story = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert story["events"] and all(s["path"].endswith("a.txt") for e in story["events"] for s in e["sources"])
