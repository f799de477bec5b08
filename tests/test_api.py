"""The Python API (`from timeline import build_story, render_story`): a story from articles held in
memory is the command line's story, byte for byte; errors are the TimelineError family."""

from __future__ import annotations

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import Article, ArticleError, ConfigError, Listener, OutputError, build_story, render_story
from timeline.cli import main

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
EVERY = "md,ics,html,json,timelinejs,fragment,embed"
FILES = {"md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
         "timelinejs": "timelinejs.json", "fragment": "timeline.fragment.html", "embed": "timeline.embed.html",
         "snippet": "timeline.embed.snippet.html"}
LUMO = {
    "ronde.txt": "date 2025-03-05\nHet Amsterdamse softwarebedrijf Lumo Systems heeft op 3 maart een "
                 "financieringsronde van 40 miljoen euro gesloten. Topman Eva de Wit noemde het een mijlpaal.\n",
    "overname.txt": "Lumo Systems nam vorig jaar het Belgische Datagrid over. In oktober opende het bedrijf "
                    "een kantoor in Berlijn.\n",
    "beurs.txt": "date 2025-09\nLumo Systems wil volgend jaar naar de beurs. De onderneming haalde in mei "
                 "een order van 12 miljoen euro binnen bij de gemeente Utrecht.\n",
}
MANIFEST = '["overname.txt"]\npublished = 2025-11-20\ntitle = "Lumo koopt Datagrid"\noutlet = "Het Dagblad"\n' \
           'url = "https://example.org/lumo"\n'


def cli(*args) -> None:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output


def files_of(out: Path) -> dict[str, bytes]:
    return {fmt: (out / name).read_bytes() for fmt, name in FILES.items() if (out / name).exists()}


def held(folder: Path, name_of=str) -> list[Article]:
    """The folder's articles as a pipeline would hold them: the text, and the manifest's fields."""
    manifest = tomllib.loads((folder / "published.toml").read_text("utf-8"))
    return [Article(text=path.read_text("utf-8"), name=name_of(path),
                    **{k: v for k, v in manifest.get(path.name, {}).items() if k != "why"})
            for path in sorted(folder.glob("*.txt"))]


def rendered(story, formats: str, **look) -> dict[str, bytes]:
    return {fmt: render_story(story, fmt, **look).encode("utf-8") for fmt in [*formats.split(","), "snippet"]}


@pytest.fixture(scope="module")
def seeds_story():
    settings = tomllib.loads((SEEDS / "timeline.toml").read_text("utf-8"))
    articles = held(SEEDS, lambda path: f"seeds/{path.name}")
    return build_story(articles, subject=settings["subject"], aliases=settings["aliases"])


@pytest.fixture
def lumo(tmp_path) -> Path:
    folder = tmp_path / "lumo"
    folder.mkdir()
    for name, text in LUMO.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "published.toml").write_text(MANIFEST, "utf-8")
    return folder


def test_the_seeds_held_in_memory_give_the_command_lines_files_byte_for_byte(seeds_story, tmp_path):
    cli("build", "--out", tmp_path, "--format", EVERY)
    expected = files_of(tmp_path)
    assert set(expected) == set(FILES)
    assert rendered(seeds_story, EVERY) == expected
    assert len(seeds_story.timeline.events) >= 10 and seeds_story.read == 5 and seeds_story.skipped == ()


@pytest.mark.parametrize("options, given, look", [
    (["--subject", "Lumo Systems", "--alias", "Lumo", "--key", "3", "--title", "Lumo in 2025"],
     dict(subject="Lumo Systems", aliases=["Lumo"], key=3, title="Lumo in 2025"), {}),
    (["--published", "2025-12-17", "--prefer", "past", "--calendar-grain", "year", "--theme", "dark", "--no-title",
      "--heading-level", "3"],
     dict(published="2025-12-17", prefer="past"), dict(calendar_grain="year", theme="dark", show_title=False,
                                                       heading_level=3)),
    (["--calendar-spans", "--calendar-url", "https://example.org/lumo/", "--theme", "auto"],
     {}, dict(calendar_spans=True, calendar_url="https://example.org/lumo/", theme="auto")),
])
def test_articles_in_memory_with_the_build_options_give_the_command_lines_files(lumo, tmp_path, options, given, look):
    cli("build", lumo, "--out", tmp_path, "--format", EVERY, *options)
    story = build_story(held(lumo), **given)
    assert rendered(story, EVERY, **look) == files_of(tmp_path)
    assert build_story([lumo], **given) == story  # the folder's path gives the same story
    assert story.read == 3 and story.timeline.events


def test_a_story_rendered_into_a_stream_is_the_string(seeds_story):
    binary, text = io.BytesIO(), io.StringIO()
    assert render_story(seeds_story, "ics", binary) is None
    render_story(seeds_story, "md", text)
    assert binary.getvalue() == render_story(seeds_story, "ics").encode("utf-8")
    assert text.getvalue() == render_story(seeds_story.timeline, "md")
    assert binary.getvalue().startswith(b"BEGIN:VCALENDAR\r\n")


def test_a_stream_that_cannot_be_written_is_an_output_error(seeds_story):
    closed = io.BytesIO()
    closed.close()
    with pytest.raises(OutputError, match="cannot write the timeline to the stream"):
        render_story(seeds_story, "json", closed)


def test_the_json_model_is_the_json_the_story_renders(seeds_story):
    assert json.loads(render_story(seeds_story, "json")) == seeds_story.timeline.model_dump(mode="json")


@pytest.mark.parametrize("fields, problem", [
    ({"text": "x", "url": "ftp://example.org/a"}, "url: String should match pattern"),
    ({"text": "x", "published": 20251217}, "published: Value error, a number (20251217) is no date"),
    ({"text": "x", "published": "17-12-2025"}, "published: Input should be a valid date"),
    ({"text": "x", "auteur": "Eva"}, "auteur: Extra inputs are not permitted"),
    ({"titel": "x"}, "text: Field required"),
])
def test_a_bad_field_of_an_article_is_an_article_error_naming_it(fields, problem):
    with pytest.raises(ArticleError, match=re.escape(problem)):
        Article(**fields)
    with pytest.raises(ArticleError, match=re.escape(problem)):
        Article.model_validate(fields)
    with pytest.raises(ArticleError, match=re.escape(problem)):
        build_story([fields])


@pytest.mark.parametrize("call, message", [
    (lambda a: build_story(a, prefer="soon"), "option 'prefer': Input should be 'tense', 'past' or 'future'"),
    (lambda a: build_story(a, key=0), "option 'key': Input should be greater than or equal to 1"),
    (lambda a: build_story(a, language="xx"), "unknown language 'xx'"),
    (lambda a: build_story(a[0]), "give a list of paths or articles, not one"),
    (lambda a: render_story(build_story(a), "pdf"), "unknown format 'pdf'"),
    (lambda a: render_story(build_story(a), "md", theme="pink"), "option 'theme'"),
    (lambda a: render_story(build_story(a), "md", calendar_url="webcal://x"), "option 'calendar_url'"),
    (lambda a: render_story(build_story(a), "changelog"), "give since=<its Timeline>"),
])
def test_a_bad_option_is_a_config_error_naming_it(call, message):
    articles = [Article(text="OpenAI lanceerde in oktober een browser.", published="2025-12-17")]
    with pytest.raises(ConfigError, match=re.escape(message)):
        call(articles)


def test_an_article_without_a_date_raises_unless_it_may_be_skipped():
    articles = [{"text": "OpenAI lanceerde in oktober een browser."},
                {"text": "OpenAI lanceerde in oktober een browser.", "published": "2025-12-17"}]
    with pytest.raises(ArticleError, match=re.escape("<article 1>: no publication date; give the article")):
        build_story(articles)
    story = build_story(articles, strict=False)
    assert [e.path for e in story.skipped] == ["<article 1>"] and story.read == 1
    assert [e.date.value for e in story.timeline.events] == ["2025-10"]


def test_an_article_in_memory_takes_no_manifest_from_beside_its_name():
    path = SEEDS / "000_57baac05c5f8387e.txt"  # the seeds' manifest dates it; held in memory nothing does
    with pytest.raises(ArticleError, match="no publication date"):
        build_story([Article(text=path.read_text("utf-8"), name=str(path))])


def test_the_previous_build_keeps_each_sequence_and_raises_a_changed_ones():
    text = "date 2025-12-17\nOpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n"
    first = build_story([Article(text=text, name="deal.txt")])
    again = build_story([Article(text=text.replace("Broadcom", "Broadcom Inc"), name="deal.txt")],
                        previous=first.timeline)
    assert [e.id for e in again.timeline.events] == [e.id for e in first.timeline.events]
    assert [e.sequence for e in first.timeline.events] == [0] and [e.sequence for e in again.timeline.events] == [1]


def test_a_listener_hears_each_article_read_and_skipped():
    heard = []

    class Told(Listener):
        def started(self, total):
            heard.append(("started", total))

        def read(self, name, candidates):
            heard.append(("read", name, candidates > 0))

        def skipped(self, error):
            heard.append(("skipped", error.path))

        def finished(self):
            heard.append(("finished",))

    build_story([{"text": "Geen datum."}, {"text": "OpenAI lanceerde in oktober een browser.", "published": "2025-12-17",
                                            "name": "a.txt"}], strict=False, listener=Told())
    assert heard == [("started", 2), ("read", "<article 1>", False), ("skipped", "<article 1>"),
                     ("read", "a.txt", True), ("finished",)]


def test_two_processes_build_the_story_one_builds(seeds_story):
    settings = tomllib.loads((SEEDS / "timeline.toml").read_text("utf-8"))
    articles = held(SEEDS, lambda path: f"seeds/{path.name}")
    pooled = build_story(articles, subject=settings["subject"], aliases=settings["aliases"], jobs=2)
    assert pooled == seeds_story


def test_the_readme_example_runs(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "3 maart 2025 | Lumo Systems haalt 40 miljoen euro op" in printed
    assert "2024 | Lumo Systems nam het Belgische Datagrid over" in printed
    assert "# Tijdlijn: Lumo Systems" in printed


def test_every_name_the_package_exports_is_the_object_not_a_subpackage():
    import importlib

    import timeline
    import timeline.read.article  # noqa: F401  (the subpackages loaded: none may shadow a name)
    import timeline.render.output  # noqa: F401

    for name in timeline.__all__:
        assert getattr(timeline, name) is getattr(importlib.import_module(timeline.WHERE[name]), name), name
