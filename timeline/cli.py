"""The command line: thin commands over the library. Only here is the clock read."""

from __future__ import annotations

import datetime as dt
import sys

import click

from timeline.commands import options as checks
from timeline.errors import EXIT_SKIPPED, TimelineError, printable


def checked(parse):
    """The click callback of a parser in timeline.commands.options: its ValueError is a BadParameter."""
    def callback(ctx, param, value):
        try:
            return parse(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return callback


def refuse(problem: checks.Problem | None) -> None:
    """A problem found by a `*_misuse` check is click's BadParameter for the option it names."""
    if problem:
        raise click.BadParameter(problem[0], param_hint=problem[1])


def note(message: str) -> None:
    """One line on stderr, printable whatever user text it quotes (see errors.printable)."""
    click.echo(printable(message), err=True)


published_option = click.option(
    "--published", callback=checked(checks.published), metavar="YYYY-MM-DD",
    help="Publication date to resolve against (overrides the article's own).",
)
max_size_option = click.option(
    "--max-size", type=click.IntRange(1, 4096), default=20, show_default=True, metavar="MB",
    help="Largest article to read, in MB; a larger one is skipped and named.",
)
prefer_option = click.option(
    "--prefer", type=click.Choice(["tense", "past", "future"]), default="tense", show_default=True,
    help="How a bare month or weekday picks its year: by the sentence's tense, or always past/future.",
)
engine_option = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="Where the per-article work runs: here, or as Dask tasks (pip install 'timeline[dask]').",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler to use, e.g. tcp://host:8786 "
    "(default: a LocalCluster on this machine).",
)


class Group(click.Group):
    """Turns a TimelineError into a one-line message and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TimelineError as error:
            if ctx.obj and ctx.obj.get("traceback"):
                import traceback

                traceback.print_exc()
            if not getattr(error, "quiet", False):
                note(f"timeline: error: {error}")
            ctx.exit(error.exit_code)


@click.group(cls=Group)
@click.option("--traceback", "show_traceback", is_flag=True, help="Show the full traceback of an error.")
@click.version_option(package_name="timeline")
@click.pass_context
def main(ctx: click.Context, show_traceback: bool) -> None:
    """Turn Dutch news articles into a dated story."""
    ctx.obj = {"traceback": show_traceback}
    if ctx.invoked_subcommand == "build":
        from pathlib import Path

        try:  # the defaults for build from timeline.toml or [tool.timeline] in pyproject.toml
            ctx.default_map = {"build": checks.build_defaults(Path.cwd())}
        except TimelineError as error:
            note(f"timeline: error: {error}")
            ctx.exit(error.exit_code)


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@published_option
@prefer_option
@click.option("--format", "fmt", type=click.Choice(["json", "text", "jsonl", "parquet"]), default="text",
              show_default=True, help="text or json to stdout; with --out, jsonl (the default there) or parquet partitions.")
@click.option("--strict", is_flag=True, help="Stop at the first bad article instead of skipping it.")
@max_size_option
@click.option("--out", metavar="DIR", help="Write one row per expression into partition files part-NNNNN.jsonl "
              "(or .parquet) in DIR; ARTICLES may then be folders, JSON Lines or Parquet files.")
@engine_option
@scheduler_option
@click.pass_context
def extract(ctx, articles, published, prefer, fmt, strict, max_size, out, engine, scheduler):
    """List every date expression in ARTICLES with its resolved value.

    A bad article is named on stderr and skipped (exit code 3); --strict stops at it.
    """
    from timeline.commands.expressions import extract as run

    given = ctx.get_parameter_source("fmt") is not click.core.ParameterSource.DEFAULT
    refuse(checks.extract_misuse(articles, fmt, given, out, engine, scheduler))
    if run(articles, published, prefer, fmt, strict, max_size, out, engine, scheduler, note):
        ctx.exit(EXIT_SKIPPED)


@main.command()
@click.argument("phrase")
@published_option
@prefer_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def resolve(phrase, published, prefer, fmt):
    """Resolve one PHRASE against --published (default: today).

    Example: timeline resolve "begin december" --published 2025-12-17
    """
    from timeline.commands.expressions import resolve_phrase

    reference = published or dt.date.today()  # the CLI is the one place that may read the clock
    resolve_phrase(phrase, reference, prefer, fmt)


@main.command()
@click.option("--conformance", type=click.Path(file_okay=False), default="../shared/conformance",
              show_default=True, help="Folder with the converted Duckling, dateparser and Recognizers-Text suites.")
@click.option("--story", "stories", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Score the story FOLDER (articles/ and gold.json) instead (repeatable).")
@prefer_option
@click.option("--failures", is_flag=True, help="List every phrase that fails (with --story: every fact not dated "
              "right, forbidden event and duplicate).")
@click.option("--tagger", "tagger_file", type=click.Path(dir_okay=False, exists=True), metavar="FILE.conllu",
              help="Score the part-of-speech tagger on a CoNLL-U file (CGN tags) instead.")
def evaluate(conformance, stories, prefer, failures, tagger_file):
    """Run other projects' Dutch test suites and print timeline's pass rates; with --story, build
    each story's articles/ with its gold's subject and aliases and score it against gold.json; with
    --tagger, score the part-of-speech tagger on a CoNLL-U file."""
    from timeline.commands.evaluating import evaluate as run

    refuse(checks.evaluate_misuse(conformance, stories, tagger_file))
    run(conformance, stories, prefer, failures, tagger_file, lambda: telling(quiet=True, verbose=False))


def story_timeline(folder, gold, prefer):
    """The story `timeline build FOLDER/articles --subject S --alias A...` builds, in memory."""
    from timeline.commands.evaluating import story_timeline as built

    return built(folder, gold, prefer, telling(quiet=True, verbose=False))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="build", show_default=True, help="Folder for the timeline files, or - for stdout (one format).")
@click.option("--format", "formats", default="md,ics,html,json", show_default=True, callback=checked(checks.formats),
              help="Comma-separated formats: md, ics, html, json, timelinejs, fragment, embed.")
@click.option("--calendar-grain", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="Coarsest events the calendar holds; coarser ones are left out (year: all but decades).")
@click.option("--calendar-spans", is_flag=True,
              help="Show a period longer than a week over all its days in the calendar, not once on its first day.")
@click.option("--calendar-url", metavar="URL", callback=checked(checks.calendar_url),
              help="The https address timeline.ics will be served from: the HTML and Markdown say how to subscribe.")
@click.option("--theme", type=click.Choice(["light", "dark", "auto"]), default="light", show_default=True,
              help="Colours of the HTML; auto follows the reader's system setting.")
@click.option("--heading-level", type=click.IntRange(1, 4), help="Level of the HTML's top heading (default 1 on a page, 2 in a fragment).")
@click.option("--no-title", "no_title", is_flag=True, help="Leave the HTML's own title out (the article has one).")
@click.option("--templates", type=click.Path(file_okay=False, exists=True), help="Folder whose templates replace the defaults.")
@click.option("--title", help="Title of the story (default: the name the articles mention most).")
@click.option("--strict", is_flag=True, help="Stop at the first bad article instead of skipping it.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes for reading articles [default: the machine's cores, one for fewer than 64 articles].")
@click.option("--language", default="nl", show_default=True, help="Language of the articles and the labels (a file in timeline/temporal/lang).")
@click.option("--subject", help="What the story is about (e.g. OpenAI): events that do not name it are left out.")
@click.option("--alias", "aliases", multiple=True, help="Another name of the subject (repeatable), e.g. --alias ChatGPT.")
@click.option("--key", type=click.IntRange(1, None), help="Keep only the N most relevant events (the key moments).")
@click.option("--edits", "edits_path", type=click.Path(dir_okay=False, exists=True),
              help="The editor's edits.toml (default: edits.toml in the folder read).")
@click.option("--since", type=click.Path(dir_okay=False, exists=True),
              help="timeline.json of an earlier build: also write changelog.md of what changed since.")
@max_size_option
@click.option("--quiet", "-q", is_flag=True, help="Say nothing on stderr but errors.")
@click.option("--verbose", "-v", is_flag=True, help="Name each article on stderr as it is read.")
@published_option
@prefer_option
@engine_option
@scheduler_option
@click.pass_context
def build(ctx, paths, out, formats, calendar_grain, calendar_spans, calendar_url, theme, heading_level, no_title,
          templates, title, strict, jobs, language, subject, aliases, key, edits_path, since, max_size, quiet, verbose,
          published, prefer, engine, scheduler):
    """Build the timeline from PATHS (articles, folders, or - for stdin; default: the bundled seeds).

    Writes timeline.md, .ics, .html and .json to --out; all files or, on any
    error, none (the previous build stays as it was). An event that changed
    since the previous build in --out (or --since) gets a higher ICS SEQUENCE.
    """
    from timeline.commands.building import build_and_write

    refuse(checks.build_misuse(out, formats, since, engine, scheduler))
    look = dict(calendar_grain=calendar_grain, calendar_spans=calendar_spans, calendar_url=calendar_url,
                theme=theme, heading_level=heading_level, show_title=not no_title, templates=templates)
    story = build_and_write(
        paths, out, formats, since, look, telling(quiet, verbose), title=title, subject=subject, aliases=aliases,
        published=published, prefer=prefer, language=language, key=key, edits=edits_path, strict=strict,
        jobs=jobs, max_size=max_size, engine=engine, scheduler=scheduler)
    if story.skipped:
        ctx.exit(EXIT_SKIPPED)


def telling(quiet: bool, verbose: bool):
    """The build's listener on stderr: skipped articles always, notes unless quiet, each article
    read with verbose, and click's progress bar on a terminal."""
    from timeline.commands.telling import Telling

    return Telling(quiet, verbose, note, click.progressbar)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="build", show_default=True, help="Folder for review.html (or review.md).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--subject", help="What the story is about, as for build.")
@click.option("--alias", "aliases", multiple=True, help="Another name of the subject (repeatable).")
@click.option("--language", default="nl", show_default=True, help="Language of the articles.")
@published_option
@prefer_option
@click.pass_context
def review(ctx, paths, out, fmt, subject, aliases, language, published, prefer):
    """Write a review page of the story built from PATHS: each event with the sentence and the
    date phrase that dated it, why, what to check, and the edits.toml lines to drop or re-date it."""
    from timeline.commands.reviewing import review_story

    if review_story(paths, out, fmt, subject, aliases, language, published, prefer, telling(True, False), note):
        ctx.exit(EXIT_SKIPPED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="build", show_default=True, help="Folder the desk rebuilds the timeline files in.")
@click.option("--format", "formats", default="md,ics,html,json", show_default=True, callback=checked(checks.formats),
              help="Comma-separated formats, as for build.")
@click.option("--edits", "edits_path", type=click.Path(dir_okay=False),
              help="The edits.toml to write (default: edits.toml in the one folder read; made if missing).")
@click.option("--subject", help="What the story is about, as for build.")
@click.option("--alias", "aliases", multiple=True, help="Another name of the subject (repeatable).")
@click.option("--title", help="Title of the story, as for build.")
@click.option("--calendar-grain", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="Coarsest events the calendar holds, as for build.")
@click.option("--language", default="nl", show_default=True, help="Language of the articles.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 [default: a free one].")
@click.option("--open", "open_browser", is_flag=True, help="Open the desk in the browser.")
@max_size_option
@published_option
@prefer_option
def desk(paths, out, formats, edits_path, subject, aliases, title, calendar_grain, language, port, open_browser,
         max_size, published, prefer):
    """Review and correct the story in a browser: a local web page (127.0.0.1 only, its address
    with a token printed) where each change writes edits.toml and rebuilds the timeline in --out."""
    from timeline.commands.reviewing import desk_ready, run_desk

    desk_ready(language)
    refuse(checks.desk_misuse(paths, edits_path))
    run_desk(paths, checks.desk_edits(paths, edits_path), out, formats, subject, aliases, title, calendar_grain, language,
             port=port, open_browser=open_browser, max_size=max_size, published=published, prefer=prefer,
             listener=telling(False, False), note=note)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False, exists=True))
@click.argument("new", type=click.Path(dir_okay=False, exists=True))
@click.option("--templates", type=click.Path(file_okay=False, exists=True), help="Folder whose templates replace the defaults.")
def diff(old, new, templates):
    """Print what changed from OLD.json to NEW.json as a Markdown changelog."""
    from timeline.commands.timelines import print_changelog

    print_changelog(old, new, templates)


@main.command()
def schema():
    """Print the JSON Schema of timeline.json, the contract every other format is rendered from."""
    from timeline.commands.timelines import print_schema

    print_schema()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
