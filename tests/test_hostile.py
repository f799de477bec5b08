"""Hostile input: files a scraper or a careless colleague produces. No traceback, no hang,
no lost or mixed build: a one-line message naming the file and the fix, and the
documented exit code (0 done, 1 bad input, 2 usage, 3 some articles skipped)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = Path(__file__).parent.parent / "seeds"
GOOD = "date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n"


def timeline(*args, cwd=None, input=None, timeout=120, env=None):
    """The installed command as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "timeline.cli", *map(str, args)], capture_output=True, cwd=cwd,
        input=input, timeout=timeout, env=env,
    )


def no_traceback(result) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


@pytest.fixture
def folder(tmp_path):
    found = tmp_path / "news"
    found.mkdir()
    (found / "a.txt").write_text(GOOD, "utf-8")
    return found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_article_is_skipped_and_named_with_any_number_of_jobs(folder, tmp_path, jobs):
    (folder / "empty.txt").write_bytes(b"")
    result = timeline("build", folder, "--out", tmp_path / "out", "--jobs", jobs, timeout=120)
    err = no_traceback(result)
    assert result.returncode == 3
    assert "empty.txt: the file is empty" in err
    assert (tmp_path / "out" / "timeline.json").is_file()


@pytest.mark.parametrize("header", ["date 2025-02-30", "date 2025-13", "date 0000-01-01", "date 9999-12-31"])
def test_a_bad_date_header_skips_only_its_article_naming_file_and_line(folder, tmp_path, header):
    (folder / "bad.txt").write_text(f"{header}\nOpenAI lanceerde in oktober een model.\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out")
    err = no_traceback(result)
    assert result.returncode == 3
    assert "bad.txt:1: the date header" in err and "date YYYY-MM-DD" in err


def test_a_date_header_with_a_time_is_that_day(folder, tmp_path):
    (folder / "a.txt").write_text("date 2025-03-10T10:00\nOpenAI lanceerde een model.\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    story = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))
    assert story["events"][0]["sources"][0]["published"] == "2025-03-10"
    assert story["events"][0]["date"]["value"] == "2025-03-10"


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_an_unreasonable_published_date_is_a_usage_error(folder, tmp_path, published):
    result = timeline("build", folder, "--out", tmp_path / "out", "--published", published)
    assert result.returncode == 2
    assert published in no_traceback(result)


def test_undecodable_names_and_titles_do_not_crash(tmp_path):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, "utf-8")
    title = os.fsdecode(b"Tijdlijn \xff\nmet\x1b[31m kleur")
    result = timeline("build", folder, "--out", tmp_path / "out", "--title", title)
    no_traceback(result)
    assert result.returncode == 0
    ics = (tmp_path / "out" / "timeline.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(ics)
    assert "\n" not in str(calendar["X-WR-CALNAME"]) and "\x1b" not in str(calendar["X-WR-CALNAME"])
    for name in ("timeline.md", "timeline.html", "timeline.json"):
        assert "\x1b" not in (tmp_path / "out" / name).read_text("utf-8")


@pytest.mark.parametrize("command", ["build", "review"])
def test_an_undecodable_subject_or_alias_is_cleaned_not_a_traceback(folder, tmp_path, command):
    subject, alias = os.fsdecode(b"Open\xffAI"), os.fsdecode(b"Chat\xfeGPT\x1b[2J")
    result = timeline(command, folder, "--out", tmp_path / "out", "--subject", subject, "--alias", alias)
    err = no_traceback(result)  # review wrote the subject into review.html: UnicodeEncodeError
    assert result.returncode == 0, err
    for written in (tmp_path / "out").iterdir():
        if written.is_file() and written.suffix in (".md", ".html", ".json", ".ics"):
            assert "\x1b" not in written.read_text("utf-8")


def test_a_title_with_a_carriage_return_injects_no_event(folder, tmp_path):
    result = timeline("build", folder, "--out", tmp_path / "out", "--title", "Nieuws\rEND:VCALENDAR\rBEGIN:VEVENT\rSUMMARY:x")
    assert result.returncode == 0, no_traceback(result)
    ics = (tmp_path / "out" / "timeline.ics").read_bytes()
    assert len(icalendar.Calendar.from_ical(ics).walk("VEVENT")) == 1
    lines = ics.replace(b"\r\n", b"\n").split(b"\n")
    assert b"\r" not in b"".join(lines) and lines.count(b"BEGIN:VEVENT") == 1


def test_control_characters_in_an_article_reach_no_output(folder, tmp_path):
    (folder / "a.txt").write_bytes(b"date 2025-12-17 OpenAI\x01 sloot in oktober\x1b[2J een deal\x7f met Broadcom.\n")
    result = timeline("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, no_traceback(result)
    for file in (tmp_path / "out").glob("timeline.*"):
        data = file.read_bytes()
        assert not any(byte in data for byte in (b"\x01", b"\x1b", b"\x7f")), file.name


def test_a_backslash_stays_a_backslash_in_the_calendar(folder, tmp_path):
    (folder / "a.txt").write_text("date 2025-12-17 OpenAI zette in oktober de map C:\\Nieuws online voor 10 miljard dollar.\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "ics")
    assert result.returncode == 0, no_traceback(result)
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "timeline.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert "C:\\Nieuws" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("payload, field", [
    ('{"title": "x", "events": [{"id": 1}]}', "events.0"),
    ('{"title": "x", "events": "none"}', "events"),
])
def test_diff_on_a_wrongly_typed_build_names_the_field(tmp_path, payload, field):
    bad = tmp_path / "bad.json"
    bad.write_text(payload, "utf-8")
    result = timeline("diff", bad, bad)
    assert result.returncode == 1
    assert f"field {field}" in no_traceback(result)


@pytest.mark.parametrize("payload", [
    "[" * 100_000 + "]" * 100_000,
    '{"title": "\\ud800", "events": []}',
    '{"title": "x", "events": [{"id": "a", "date": {"value": "2025", "mod": null, "start": "2025-01-01", '
    '"end": "2026-01-01", "grain": "year", "label": "2025"}, "headline": "h", "text": "t", "sources": [], '
    '"sequence": 1e30}]}',
], ids=["nested 100000 deep", "lone surrogate", "sequence 1e30"])
def test_diff_and_build_survive_any_previous_build(folder, tmp_path, payload):
    bad = tmp_path / "bad.json"
    bad.write_text(payload, "utf-8")
    result = timeline("diff", bad, bad)
    assert result.returncode == 1 and "timeline.json" in no_traceback(result)
    out = tmp_path / "out"
    out.mkdir()
    (out / "timeline.json").write_text(payload, "utf-8")
    result = timeline("build", folder, "--out", out)
    err = no_traceback(result)
    if payload.startswith("["):  # no timeline at all: another tool's file, which stays (test_users_files)
        assert result.returncode == 1 and "a file timeline did not write" in err, err
        assert (out / "timeline.json").read_text("utf-8") == payload
        return
    assert result.returncode == 0 and "not comparing with the last build" in err
    json.loads((out / "timeline.json").read_text("utf-8"))


@pytest.mark.parametrize("entry, problem", [
    ('["a.txt"]\npublished = "2025-03-10"\n', "published"),
    ('["a.txt"]\ntitle_written = "ja"\n', "title_written"),
    ('["a.txt"]\npublished = 2025-03-10T10:00:00\n', "published"),
    ('"a.txt" = 5\n', "not a table"),
    ('["a.txt"]\npublished = 2025-03-10\napproximate = "nee"\n', "approximate"),
    ('["a.txt"]\npublished = 2025-03-10\nauthr = "x"\n', "authr"),
])
def test_a_bad_manifest_entry_skips_its_article_naming_the_manifest_line(folder, tmp_path, entry, problem):
    (folder / "a.txt").write_text("OpenAI sloot in oktober een deal van 10 miljard dollar.\n", "utf-8")
    (folder / "b.txt").write_text(GOOD, "utf-8")
    (folder / "published.toml").write_text("# manifest\n" + entry, "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out")
    err = no_traceback(result)
    assert result.returncode == 3
    assert f"published.toml:{entry.count(chr(10)) and 2}" in err and problem in err


def test_writing_to_a_full_stdout_is_an_error_not_a_traceback(folder):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "timeline.cli", "build", str(folder), "--out", "-", "--format", "md"],
                              stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 1
    assert b"standard output" in done.stderr and b"Traceback" not in done.stderr


def test_a_fifo_and_a_device_are_named_not_read(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    result = timeline("build", folder, "--out", tmp_path / "out", timeout=60)
    err = no_traceback(result)
    assert result.returncode == 3
    assert "pipe.txt: not a regular file" in err and "zero.txt: not a regular file" in err
    direct = timeline("build", folder / "pipe.txt", "--out", tmp_path / "out2", timeout=60)
    assert direct.returncode == 1 and "pipe.txt: not a regular file" in no_traceback(direct)


def test_an_article_over_the_size_limit_is_skipped_with_the_way_to_raise_it(folder, tmp_path):
    (folder / "big.txt").write_text("date 2025-12-17 " + "Woorden zonder eind. " * 60_000, "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--max-size", "1")
    err = no_traceback(result)
    assert result.returncode == 3 and "big.txt: the article is larger than 1 MB" in err and "--max-size" in err


def test_the_same_article_named_twice_is_read_once(folder, tmp_path):
    result = timeline("build", folder, folder / "a.txt", "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    story = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))
    ids = [e["id"] for e in story["events"]]
    assert len(ids) == len(set(ids)) == 1


def test_moving_the_folder_keeps_every_id_and_a_typo_fix_keeps_the_id_with_a_higher_sequence(tmp_path):
    import shutil

    first, second = tmp_path / "one" / "seeds", tmp_path / "elsewhere" / "deeper" / "seeds"
    shutil.copytree(SEEDS, first)
    shutil.copytree(SEEDS, second)
    out = tmp_path / "out"
    assert timeline("build", first, "--out", out).returncode == 0
    before = {e["id"]: e for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]}
    moved = tmp_path / "moved"
    assert timeline("build", second.resolve(), "--out", moved).returncode == 0
    after = {e["id"]: e for e in json.loads((moved / "timeline.json").read_text("utf-8"))["events"]}
    assert set(before) == set(after)
    article = first / "002_63a8b02069decfa4.txt"
    article.write_text(article.read_text("utf-8").replace("clouddiensten afneemt", "clouddienstenn afneemt"), "utf-8")
    assert timeline("build", first, "--out", out).returncode == 0
    fixed = {e["id"]: e for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]}
    assert set(fixed) == set(before)
    (changed,) = [i for i in fixed if fixed[i]["text"] != before[i]["text"]]
    assert fixed[changed]["sequence"] == before[changed]["sequence"] + 1


def test_a_folder_in_place_of_a_target_changes_nothing(folder, tmp_path):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob("timeline.*")}
    (out / "timeline.json").unlink()
    (out / "timeline.json").mkdir()
    (folder / "b.txt").write_text(GOOD.replace("oktober", "november"), "utf-8")
    result = timeline("build", folder, "--out", out)
    assert result.returncode == 1 and "a folder stands where the file goes" in no_traceback(result)
    assert {p.name: p.read_bytes() for p in out.glob("timeline.*") if p.is_file()} == {
        k: v for k, v in before.items() if k != "timeline.json"}
    assert not list(out.glob(".timeline-*"))


def test_a_dead_builds_lock_is_taken_over_and_said(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".timeline.lock").write_text("999999999\n", "utf-8")  # a pid no process has
    result = timeline("build", folder, "--out", out)
    assert result.returncode == 0
    assert "took over the lock" in no_traceback(result)
    assert not list(out.glob(".timeline-staging-*"))


SLOW_BUILD = textwrap.dedent("""
    import os, sys, time
    real = os.replace
    def slow(a, b):
        time.sleep(0.01)
        return real(a, b)
    os.replace = slow
    from timeline.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_concurrent_builds_into_one_folder_always_leave_one_whole_build(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "out"
    for pair in range(20):
        runs = [
            subprocess.Popen([sys.executable, "-c", SLOW_BUILD, "build", str(news), "--out", str(out), "-q",
                              "--title", f"build {pair}-{side}"], stderr=subprocess.PIPE)
            for side in "ab"
        ]
        for run in runs:
            assert run.wait(timeout=120) == 0, run.stderr.read()
        titles = {
            json.loads((out / "timeline.json").read_text("utf-8"))["title"],
            (out / "timeline.md").read_text("utf-8").splitlines()[0].removeprefix("# "),
            str(icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes())["X-WR-CALNAME"]),
        }
        assert len(titles) == 1 and titles.pop().startswith(f"build {pair}-"), titles
        assert not list(out.glob(".timeline-*"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    article=st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    header=st.sampled_from(["", "date 2025-12-17 ", "date 2025-02-30\n", "date 2025-13 ", "date 0000-01-01\n", "date ",
                            "date 2025-03-10T10:00\n"]),
    manifest=st.sampled_from(["", '["a.txt"]\npublished = 2025-03-10\n', '["a.txt"]\npublished = "x"\n', '"a.txt" = 5\n',
                              "[[[", '["a.txt"]\npublished = 2025-03-10\napproximate = "nee"\n']),
    previous=st.sampled_from(["", "{", "[]", '{"title": "\\ud800", "events": []}', '{"title": "x", "events": []}']),
)
def test_any_input_gives_a_documented_exit_and_no_traceback(tmp_path_factory, article, header, manifest, previous):
    root = tmp_path_factory.mktemp("h")
    news = root / "news"
    news.mkdir()
    (news / "a.txt").write_bytes(header.encode("utf-8") + article)
    (news / "b.txt").write_text(GOOD, "utf-8")
    if manifest:
        (news / "published.toml").write_text(manifest, "utf-8")
    out = root / "out"
    out.mkdir()
    if previous:
        (out / "timeline.json").write_text(previous, "utf-8", errors="surrogatepass")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = timeline("build", news, "--out", out, timeout=60)
    assert result.returncode in (0, 1, 2, 3)
    no_traceback(result)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".timeline.lock"}
    assert after == before or {"timeline.md", "timeline.ics", "timeline.html", "timeline.json"} <= set(after)
    diff = timeline("diff", out / "timeline.json", out / "timeline.json", timeout=60) if (out / "timeline.json").exists() else None
    if diff is not None:
        assert diff.returncode in (0, 1)
        no_traceback(diff)


def test_one_latin1_byte_spoils_only_its_own_line(folder, tmp_path):
    (folder / "a.txt").write_bytes(
        "date 2025-12-17\nOpenAI sloot in oktober een deal met Broadcom, zegt één bron.\n".encode("utf-8")
        + "Caf\xe9 Nieuws schreef erover.\n".encode("latin-1"))
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    text = (tmp_path / "out" / "timeline.json").read_text("utf-8")
    assert "één bron" in text and "Ã" not in text


def test_a_utf16_article_is_read_not_called_binary(folder, tmp_path):
    (folder / "a.txt").write_bytes(GOOD.encode("utf-16"))
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    assert "Broadcom" in (tmp_path / "out" / "timeline.json").read_text("utf-8")


def test_an_article_that_is_only_a_header_is_named(folder, tmp_path):
    (folder / "b.txt").write_text("date 2025-12-17\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 3 and "b.txt: the article has no text after its header" in no_traceback(result)


def test_a_bad_setting_names_its_file(folder, tmp_path):
    (tmp_path / "timeline.toml").write_text("jobs = 0\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 1 and "timeline.toml" in no_traceback(result) and "jobs" in result.stderr.decode()


def test_the_only_dated_first_sentence_keeps_its_own_date_and_a_soft_wrap_its_second_half(folder, tmp_path):
    (folder / "a.txt").write_text("date 2025-12-17\nIn april 2024 lanceerde OpenAI\neen nieuw model voor 10 miljard dollar.\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    (event,) = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))["events"]
    assert event["date"]["value"] == "2024-04"
    assert event["text"] == "In april 2024 lanceerde OpenAI een nieuw model voor 10 miljard dollar."


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_title_after_the_date_header_is_found(folder, tmp_path, gap):
    (folder / "a.txt").write_text(f"date 2025-12-17{gap}OpenAI sluit deal met Broadcom\n\nOpenAI sloot in oktober een deal met Broadcom.\n", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.returncode == 0, no_traceback(result)
    (event,) = json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))["events"]
    assert event["sources"][0]["title"] == "OpenAI sluit deal met Broadcom"


def test_since_with_stdout_is_a_usage_error(folder, tmp_path):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    result = timeline("build", folder, "--out", "-", "--format", "md", "--since", out / "timeline.json")
    assert result.returncode == 2 and "--since" in no_traceback(result)


def test_templates_run_in_a_sandbox(folder, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "timeline.md.j2").write_text("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out", "--templates", templates)
    assert result.returncode == 1 and "unsafe" in no_traceback(result)
    assert not list((tmp_path / "out").glob("timeline.*"))


@pytest.mark.parametrize("how", ["the template", "an include", "a linked folder"])
def test_a_template_that_links_out_of_its_folder_is_refused_and_what_it_points_to_is_in_no_output(
        folder, tmp_path, how):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "id_rsa").write_text("GEHEIME SLEUTEL", "utf-8")
    templates = tmp_path / "theme"
    templates.mkdir()
    if how == "the template":
        (templates / "timeline.md.j2").symlink_to(secret / "id_rsa")
    elif how == "an include":
        (templates / "timeline.md.j2").write_text("{% include 'sleutel.j2' %}", "utf-8")
        (templates / "sleutel.j2").symlink_to(secret / "id_rsa")
    else:
        (templates / "deel").symlink_to(secret)
        (templates / "timeline.md.j2").write_text("{% include 'deel/id_rsa' %}", "utf-8")
    out = tmp_path / "out"
    result = timeline("build", folder, "--out", out, "--templates", templates)
    err = no_traceback(result)
    assert result.returncode == 1, err
    assert "outside the template folder" in err and len(err.strip().splitlines()) == 1, err
    assert not any(b"GEHEIME" in f.read_bytes() for f in tmp_path.rglob("*") if f.is_file() and secret not in f.parents
                   and f.parent != secret and not f.is_symlink())


def test_an_article_the_story_code_fails_on_is_skipped_and_named_and_the_others_are_told(tmp_path, monkeypatch):
    from timeline import build as building
    from timeline.build import build_timeline, inputs

    told = building.article_candidates

    def failing(article, *args, **kwargs):
        if article.path.endswith("b.txt"):
            raise IndexError("string index out of range")
        return told(article, *args, **kwargs)

    monkeypatch.setattr(building, "article_candidates", failing)
    (tmp_path / "a.txt").write_text("date 2025-03-12\n\nDe gemeente sloot op 3 maart de brug.\n", "utf-8")
    (tmp_path / "b.txt").write_text("date 2025-03-12\n\nDe provincie opende op 4 maart de weg.\n", "utf-8")
    skipped = []
    collector = building.Collector(False, skipped.append)
    for outcome in building.outcomes(inputs([str(tmp_path)], None), None, "tense", "nl", jobs=1):
        collector.add(outcome)
    assert [e.path for e in skipped] == [str(tmp_path / "b.txt")] and "IndexError" in str(skipped[0])
    assert any("brug" in e.text for e in collector.timeline().events)
