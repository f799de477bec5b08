"""Every file timeline is pointed at besides articles (--since, --edits, diff's builds, the
manifest, the settings, templates) goes through one bounded reader: a FIFO, a device or an
oversized file is a one-line error naming it (exit 1), never a hang or a read without end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_hostile import GOOD, folder, timeline  # noqa: F401  (folder: the fixture; timeline: a hang fails by its timeout)


def special(path: Path, kind: str) -> Path:
    """A FIFO (nobody writes it), /dev/zero behind a link, or a sparse file over every limit."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:
        with open(path, "wb") as handle:
            handle.truncate(300 * 1024 * 1024)  # sparse: no disk used, st_size over 256 MB
    return path


def where(folder: Path, tmp_path: Path, place: str, kind: str) -> tuple[list, Path | None, Path]:
    """The command line that makes timeline read the hostile file at `place`, its cwd, the file."""
    out = tmp_path / "out"
    if place == "since":
        bad = special(tmp_path / "old.json", kind)
        return ["build", folder, "--out", out, "--since", bad], None, bad
    if place == "edits":
        bad = special(tmp_path / "edits.toml", kind)
        return ["build", folder, "--out", out, "--edits", bad], None, bad
    if place == "edits-beside":
        return ["build", folder, "--out", out, "--edits", special(folder / "edits.toml", kind)], None, folder / "edits.toml"
    if place == "diff":
        bad = special(tmp_path / "old.json", kind)
        return ["diff", bad, bad], None, bad
    if place == "manifest":
        return ["build", folder, "--out", out], None, special(folder / "published.toml", kind)
    if place == "settings":
        return ["build", folder, "--out", out], tmp_path, special(tmp_path / "timeline.toml", kind)
    templates = tmp_path / "templates"
    templates.mkdir()
    return ["build", folder, "--out", out, "--templates", templates], None, special(templates / "timeline.md.j2", kind)


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
@pytest.mark.parametrize("place", ["since", "edits", "diff", "manifest", "settings", "templates"])
def test_a_fifo_a_device_or_a_huge_file_is_named_not_read(folder, tmp_path, place, kind):
    args, cwd, bad = where(folder, tmp_path, place, kind)
    result = timeline(*args, cwd=cwd, timeout=60)
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    problem = "larger than" if kind == "huge" else "not a regular file"
    lines = [line for line in err.splitlines() if problem in line]
    assert lines and str(bad) in lines[0], err
    if place == "manifest":  # the manifest's articles are skipped and named; here that is every one
        assert lines[0].startswith("timeline: skipped"), err
    assert result.returncode == 1, err
    assert not (tmp_path / "out" / "timeline.json").exists()


def test_the_reader_opens_a_fifo_with_a_writer_waiting_without_blocking(tmp_path):
    from timeline.errors import TimelineError
    from timeline.bounded import read_bounded

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(TimelineError, match="not a regular file"):
        read_bounded(fifo, 1024, "give a file")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path):
    from timeline.errors import ConfigError
    from timeline.bounded import read_bounded

    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100, "fix") == b"x" * 100
    with pytest.raises(ConfigError, match=r"f: larger than .*; fix"):
        read_bounded(path, 99, "fix", ConfigError)


NESTED = ('{% for i in range(100000) %}{% for j in range(100000) %}{{ "x" * 1000 }}{% endfor %}{% endfor %}')


@pytest.mark.parametrize("name, body", [
    ("timeline.md.j2", NESTED),  # 10^13 characters if nothing stopped it
    ("timeline.html.j2", "{% for i in range(100000) %}{% include '_row.j2' %}{% endfor %}"),  # through an include
    ("timeline.md.j2", '{{ "x" * 10000000000 }}'),  # one expression: memory before any output
    ("timeline.md.j2", "{{ 9 ** 100000000 }}"),  # one expression: minutes of CPU
])
def test_a_template_that_writes_without_end_is_stopped_and_named(folder, tmp_path, name, body):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / name).write_text(body, "utf-8")
    (templates / "_row.j2").write_text(NESTED, "utf-8")
    out = tmp_path / "out"
    result = timeline("build", folder, "--out", out, "--templates", templates, timeout=120)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "Traceback" not in err, err
    (line,) = [line for line in err.splitlines() if "error" in line]
    assert str(templates) in line and ("67,108,864 characters" in line or "too large" in line or "longer than" in line), line
    assert not (out / "timeline.json").exists()
    assert sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) == 0  # staging was removed


def test_the_output_limit_is_counted_while_streaming(monkeypatch):
    """The error comes at the limit, not after the whole output is made."""
    import jinja2

    from timeline.errors import TemplateError
    from timeline.render import templating

    monkeypatch.setattr(templating, "OUTPUT_LIMIT", 10_000)
    env = templating.Sandbox(loader=jinja2.DictLoader({"t": "{% for i in range(100000) %}{{ i }}\n{% endfor %}"}))
    made = []
    with pytest.raises(TemplateError, match="t: the template wrote more than"):
        for chunk in templating.stream_template(env, "t"):
            made.append(chunk)
    assert 9_000 < sum(map(len, made)) <= 10_000


def test_an_article_swapped_for_a_fifo_after_it_was_listed_is_named_not_waited_for(tmp_path):
    from timeline.errors import ArticleError
    from timeline.read.inputs import Input, read_bytes

    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)  # listed as a regular file a moment before, then replaced
    with pytest.raises(ArticleError, match=r"a.txt: cannot read the file \(not a regular file"):
        read_bytes(Input(fifo, "a.txt"))


def memory_bounded():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # the old code's one expression took it all


COSTLY = {
    "nested loops that write nothing": "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
    "~ doubling": "{% set ns = namespace(x='x') %}{% for i in range(40) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}",
    "a method's width": "{{ 'x'.ljust(10**10) }}",
    "a filter's width": "{{ 'x'|center(10**10) }}",
    "a format width": "{{ '{:>10000000000}'.format(1) }}",
    "a format width from an argument": "{{ '{:{}}'.format(1, 10**10) }}",
    "a %-format width from an argument": "{{ '%*s'|format(10**10, 1) }}",
    "a %-format width after a mapping key": "{{ '%(a)10000000000s' % {'a': 1} }}",
    "a %-format precision": "{{ '%.10000000000f'|format(1.5) }}",
    "a replace that multiplies": "{{ ('x' * 60000000)|replace('x', 'x' * 60000000) }}",
    "a join that multiplies": "{{ (['x' * 60000000] * 1000)|join }}",
    "an indent string at each line": "{{ ('x\\n' * 1000000)|indent('y' * 60000000) }}",
    "placeholder text": "{{ lipsum(10**9) }}",
}


@pytest.mark.parametrize("body", COSTLY.values(), ids=COSTLY.keys())
def test_a_template_that_works_without_writing_or_makes_one_huge_value_is_stopped_and_named(folder, tmp_path, body):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "timeline.md.j2").write_text(body, "utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "timeline.cli", "build", folder, "--out", out, "--templates", templates],
                            capture_output=True, timeout=90, preexec_fn=memory_bounded)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "Traceback" not in err, err
    (line,) = err.splitlines()
    assert str(templates / "timeline.md.j2") in line and any(
        bound in line for bound in ("steps (loop turns and calls)", "longer than", "over 1,000,000", "words")), line
    assert not (out / "timeline.json").exists()


def test_a_macro_that_calls_itself_twice_is_stopped_at_the_step_limit(monkeypatch):
    import jinja2

    from timeline.errors import TemplateError
    from timeline.render import sandbox
    from timeline.render.templating import Sandbox, render_template

    monkeypatch.setattr(sandbox, "STEP_LIMIT", 10_000)
    env = Sandbox(loader=jinja2.DictLoader({"t.j2": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                                                    "{% endmacro %}{{ f(40) }}"}))
    with pytest.raises(TemplateError, match=r":1: the template: more than 10,000 steps.*a macro that calls itself"):
        render_template(env, "t.j2")
    env.loader.mapping["ok.j2"] = "{% for i in range(9000) %}{% endfor %}done"
    assert render_template(env, "ok.j2") == "done"  # each render counts its own steps
