"""The command line: thin commands over the library. Only here is the clock read."""

from __future__ import annotations

import datetime as dt
import sys

import click

from timeline.errors import EXIT_SKIPPED, TimelineError, printable, quoted

PREFER = click.Choice(["tense", "past", "future"])


def parse_published(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value + "-01" if len(value) == 7 else value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-12-17")
    if not 1000 <= day.year <= 9000:
        raise click.BadParameter(f"{value!r} is outside the years 1000–9000; give a real publication date")
    return day


published_option = click.option(
    "--published", callback=parse_published, metavar="YYYY-MM-DD",
    help="Publication date to resolve against (overrides the article's own).",
)
max_size_option = click.option(
    "--max-size", type=click.IntRange(1, 4096), default=20, show_default=True, metavar="MB",
    help="Largest article to read, in MB; a larger one is skipped and named.",
)


def note(message: str) -> None:
    """One line on stderr, printable whatever user text it quotes (see errors.printable)."""
    click.echo(printable(message), err=True)


def put(text: str, end: str = "\n") -> None:
    """`text` on standard output; one that cannot be written is an OutputError (see timeline.console)."""
    from timeline.console import write

    write([text + end], "give the command a file or a pipe to write to")


def shown(text: str) -> str:
    """A name or title as it may be shown: one line, no control characters, no undecodable bytes."""
    from timeline.read.decode import clean

    return " ".join(clean(text).split())


prefer_option = click.option(
    "--prefer", type=PREFER, default="tense", show_default=True,
    help="How a bare month or weekday picks its year: by the sentence's tense, or always past/future.",
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
        ctx.default_map = {"build": build_defaults(ctx)}


def build_defaults(ctx: click.Context) -> dict:
    """Defaults for `build` from timeline.toml or [tool.timeline] in pyproject.toml."""
    from pathlib import Path

    from timeline import config

    try:
        settings = config.load(Path.cwd())
    except TimelineError as error:
        note(f"timeline: error: {error}")
        ctx.exit(error.exit_code)
    defaults = {k: v for k, v in settings.model_dump().items() if v is not None}
    if "format" in defaults:
        defaults["formats"] = defaults.pop("format")
    return defaults


def to_json(value: object, indent: int | None = None) -> str:
    import json  # only for --format json: the text output starts without it

    return json.dumps(value, ensure_ascii=False, indent=indent)


def expression_dict(expr) -> dict:
    return expr.model_dump(mode="json")


engine_option = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="Where the per-article work runs: here, or as Dask tasks (pip install 'timeline[dask]').",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler to use, e.g. tcp://host:8786 "
    "(default: a LocalCluster on this machine).",
)


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
    from pathlib import Path

    if out or engine == "dask" or fmt in ("jsonl", "parquet") or scheduler:
        return extract_partitions(ctx, articles, published, prefer, fmt, strict, max_size, out, engine, scheduler)
    folder = next((path for path in articles if Path(path).is_dir()), None)
    if folder:
        raise click.BadParameter(f"{folder!r} is a folder; give its articles, or write the rows of a folder "
                                 "with --out DIR", param_hint="ARTICLES")

    from timeline.errors import ArticleError
    from timeline.read.article import read_article
    from timeline.read.inputs import one, read_bytes
    from timeline.temporal.tagger import extract as run

    results, skipped = [], 0
    for path in articles:
        try:
            item = one(Path(path), shown(path), set(), max_size * 1024 * 1024)
            article = read_article(path, published, data=read_bytes(item), name=item.name)
        except ArticleError as error:
            if strict:
                raise
            note(f"timeline: skipped {error}")
            skipped += 1
            continue
        results.append((article, run(article.text, article.published, prefer, reference_grain=article.published_grain)))
    put(to_json([extraction_dict(a, f) for a, f in results], indent=2)
        if fmt == "json" else "\n".join(
            f"{a.path}:{line_of(a.text, e.offset[0])}\t{describe(e)}" for a, f in results for e in f))
    if skipped:
        ctx.exit(EXIT_SKIPPED)


def extract_partitions(ctx, articles, published, prefer, fmt, strict, max_size, out, engine, scheduler):
    """`extract --out DIR`: one row per expression, in partition files written by the engine's tasks."""
    from timeline.archive import extract_all
    from timeline.read.inputs import files

    if not out:
        raise click.BadParameter(f"--engine {engine} --format {fmt} writes partition files; give them a folder "
                                 "with --out DIR", param_hint="--out")
    if scheduler and engine != "dask":
        raise click.BadParameter("a scheduler runs Dask tasks; add --engine dask", param_hint="--scheduler")
    if fmt in ("text", "json"):
        if ctx.get_parameter_source("fmt") is not click.core.ParameterSource.DEFAULT:
            raise click.BadParameter(f"--out writes jsonl or parquet partitions, not {fmt}", param_hint="--format")
        fmt = "jsonl"
    items = files(articles, lambda: sys.stdin.buffer.read(max_size * 1024 * 1024 + 1), max_size * 1024 * 1024)
    skipped = []

    def skip(error):
        skipped.append(error)
        note(f"timeline: skipped {error}")

    read, rows, parts = extract_all(items, out, fmt, published, prefer, engine, scheduler, skip, strict, note)
    note(f"timeline: wrote {rows} rows from {read} articles in {parts} partitions to {out}")
    if skipped:
        ctx.exit(EXIT_SKIPPED)


def extraction_dict(article, found) -> dict:
    return {"path": article.path, "published": article.published.isoformat(),
            "expressions": [expression_dict(e) for e in found]}


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def describe(expr) -> str:
    folded = " ".join(expr.text.split())
    parts = [f"{folded!r}", expr.type, expr.value]
    if expr.mod:
        parts.append(expr.mod)
    if expr.period:
        p = expr.period.model_dump(mode="json")
        parts.append(f"[{p['start']}, {p['end']}) {p['grain']}")
    return "\t".join(parts)


@main.command()
@click.argument("phrase")
@published_option
@prefer_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def resolve(phrase, published, prefer, fmt):
    """Resolve one PHRASE against --published (default: today).

    Example: timeline resolve "begin december" --published 2025-12-17
    """
    from timeline.temporal.tagger import extract as run

    reference = published or dt.date.today()  # the CLI is the one place that may read the clock
    found = run(phrase, reference, prefer)
    if not found:
        raise TimelineError(f"no date found in {quoted(phrase)}; see tests/corpus/nl.txt for phrases timeline knows")
    put("\n".join(to_json(expression_dict(expr)) if fmt == "json" else describe(expr) for expr in found))


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
    from timeline.console import write

    if tagger_file:
        from timeline.evaluate import run_tagger

        write(f"{line}\n" for line in run_tagger(tagger_file))
        return
    if stories:
        write(f"{line}\n" for line in score_stories(stories, prefer, failures))
        return
    from pathlib import Path

    from timeline.evaluate import run_all

    if not Path(conformance).is_dir():  # checked here, not by click: --story needs no suites
        raise click.BadParameter(f"{quoted(conformance)} is not a folder", param_hint="--conformance")
    write(f"{line}\n" for line in run_all(conformance, prefer, failures))


def score_stories(stories, prefer, show_failures) -> list[str]:
    """The score table of every story folder, then (show_failures) what each got wrong."""
    from pathlib import Path

    from timeline.scoring import failures, load_gold, score, table

    scores = [(Path(folder).name or folder, score(story_timeline(Path(folder), gold, prefer), gold))
              for folder in stories for gold in [load_gold(Path(folder) / "gold.json")]]
    return table(scores) + ([line for name, s in scores for line in ["", *failures(name, s)]] if show_failures else [])


def story_timeline(folder, gold, prefer):
    """The story `timeline build FOLDER/articles --subject S --alias A...` builds, in memory."""
    from timeline.api import build_story

    listener = telling(quiet=True, verbose=False)
    return build_story([str(folder / "articles")], subject=gold.subject, aliases=gold.aliases or (), prefer=prefer,
                       strict=False, listener=listener).timeline


def parse_formats(ctx, param, value: str) -> list[str]:
    from timeline.render.output import FORMATS

    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"{value!r}: choose from {','.join(FORMATS)}")
    return chosen


def parse_calendar_url(ctx, param, value: str | None) -> str | None:
    """An http(s) address with a host and no space; a folder's address (ending in /) means its timeline.ics."""
    from urllib.parse import urlsplit

    if value is None:
        return None
    url = value.strip()
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if urlsplit(url).scheme not in ("https", "http") or not host or any(c.isspace() for c in url):
        raise click.BadParameter(f"{value!r}: give the https address timeline.ics will be served from, "
                                 "e.g. https://example.org/verhaal/timeline.ics")
    return url + ("timeline.ics" if url.endswith("/") else "")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="build", show_default=True, help="Folder for the timeline files, or - for stdout (one format).")
@click.option("--format", "formats", default="md,ics,html,json", show_default=True, callback=parse_formats,
              help="Comma-separated formats: md, ics, html, json, timelinejs, fragment, embed.")
@click.option("--calendar-grain", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True,
              help="Coarsest events the calendar holds; coarser ones are left out (year: all but decades).")
@click.option("--calendar-spans", is_flag=True,
              help="Show a period longer than a week over all its days in the calendar, not once on its first day.")
@click.option("--calendar-url", metavar="URL", callback=parse_calendar_url,
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
    from pathlib import Path

    from contextlib import closing

    from timeline.api import build_story, producers, write_story
    from timeline.store import Store
    from timeline.story.diff import load_timeline
    from timeline.stream import previous_events

    if out == "-" and len(formats) != 1:
        raise click.BadParameter("--out - writes one format; add e.g. --format md", param_hint="--out")
    if out == "-" and since:
        raise click.BadParameter("--since writes changelog.md beside the build; give --out a folder", param_hint="--since")
    if scheduler and engine != "dask":
        raise click.BadParameter("a scheduler runs Dask tasks; add --engine dask", param_hint="--scheduler")
    stop_cleanly_on_sigterm()
    listener = telling(quiet, verbose)
    old = load_timeline(Path(since)) if since else None
    with closing(Store()) as store:  # the candidates and the story wait on disk (timeline.store)
        # Without --since only SEQUENCE needs the last build: read into the store an event at a time.
        previous = old if since else previous_events(Path(out), listener.say)
        story = build_story(
            paths or None, subject=subject, aliases=aliases, title=shown(title) if title else title,
            published=published, prefer=prefer, language=language, key=key, edits=edits_path, strict=strict,
            jobs=jobs, max_size=max_size, engine=engine, scheduler=scheduler, previous=previous, listener=listener,
            store=store)
        look = dict(calendar_grain=calendar_grain, calendar_spans=calendar_spans, calendar_url=calendar_url,
                    theme=theme, heading_level=heading_level, show_title=not no_title, templates=templates)
        if out == "-":
            from timeline.console import write as to_stdout

            to_stdout(producers(story.timeline, formats, **look)[formats[0]]())
        else:
            for target in write_story(story, out, formats, since=old, say=listener.say, **look):
                listener.say(f"timeline: wrote {target}")
        summary(story, formats, calendar_grain, listener.say)
    if story.skipped:
        ctx.exit(EXIT_SKIPPED)


def summary(story, formats, calendar_grain, say) -> None:
    """How many events from how many articles; how many the calendar leaves out (counted as the
    events are read: a large story's are in the store)."""
    from timeline.render.ics import placed_count

    say(f"timeline: {len(story.timeline.events)} events from {story.read} articles"
        + (f", {len(story.skipped)} skipped" if story.skipped else ""))
    left_out = len(story.timeline.events) - placed_count(story.timeline, calendar_grain)
    if "ics" in formats and left_out:
        say(f"timeline: {left_out} events coarser than a {calendar_grain} are not in the calendar; "
            "--calendar-grain year puts them in")


def stop_cleanly_on_sigterm() -> None:
    """SIGTERM ends the build like an error: staging is removed and the lock let go."""
    import signal

    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def telling(quiet: bool, verbose: bool):
    """The build's listener on stderr: skipped articles always, notes unless quiet, each article
    read with verbose, and a progress bar on a terminal."""
    from timeline.api import Listener

    class Telling(Listener):
        bar = None

        def started(self, total: int) -> None:
            self.bar = progress(total, quiet)
            self.update = self.bar.__enter__().update

        def read(self, name: str, candidates: int) -> None:
            if verbose:
                note(f"timeline: read {name}: {candidates} candidate events")
            self.update(1)

        def skipped(self, error) -> None:
            note(f"timeline: skipped {error}")

        def say(self, message: str) -> None:
            if not quiet:
                note(message)

        def finished(self) -> None:
            if self.bar is not None:
                self.bar.__exit__(None, None, None)

    return Telling()


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
    from pathlib import Path

    from timeline.build import story_subject
    from timeline.review import write_review

    focus = story_subject(paths, subject, aliases)

    def gather():
        from timeline.api import MB, BuildOptions, collect, inputs_of

        chosen = BuildOptions(published=published, prefer=prefer, language=language, strict=False)
        return collect(inputs_of(paths or None, chosen.max_size * MB), chosen, focus, telling(True, False), left=True)

    targets, skipped = write_review(gather, paths, Path(out), fmt, subject, aliases, language)
    for target in targets:
        note(f"timeline: wrote {target}")
    if skipped:
        ctx.exit(EXIT_SKIPPED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="build", show_default=True, help="Folder the desk rebuilds the timeline files in.")
@click.option("--format", "formats", default="md,ics,html,json", show_default=True, callback=parse_formats,
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
    from pathlib import Path

    try:
        import starlette, tomlkit, uvicorn  # noqa: F401,E401  (the extra's libraries, checked before any work)
    except ImportError as error:
        raise TimelineError(f"the desk needs {error.name}: pip install 'timeline[desk]'") from None
    from timeline.build import story_subject
    from timeline.desk.serve import serve
    from timeline.desk.session import Desk, Settings
    from timeline.render.output import Options
    from timeline.temporal.language import load

    load(language)
    edits = desk_edits(paths, edits_path)
    focus = story_subject(paths, subject, aliases)
    from timeline.api import MB, BuildOptions, collect, inputs_of

    chosen = BuildOptions(published=published, prefer=prefer, language=language, strict=False, max_size=max_size)
    collector = collect(inputs_of(paths or None, max_size * MB), chosen, focus, telling(False, False), left=True)
    settings = Settings(edits, Path(out), tuple(formats), focus, shown(title) if title else None, language,
                        Options(calendar_grain))
    desk = Desk(collector, settings, note)
    note(f"timeline: {len(desk.current.story.events)} events from {collector.read} articles; edits in {edits}, "
         f"the build in {out}; Ctrl-C stops the desk")
    serve(desk, port, open_browser, lambda address: put(f"timeline desk: {address}"))


def desk_edits(paths, given):
    """--edits FILE, else edits.toml in the one folder read."""
    from pathlib import Path

    if given:
        return Path(given)
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if len(folders) != 1:
        raise click.BadParameter("the desk writes edits.toml beside the articles: give one folder of articles, "
                                 "or --edits FILE", param_hint="PATHS")
    return folders[0] / "edits.toml"


@main.command()
@click.argument("old", type=click.Path(dir_okay=False, exists=True))
@click.argument("new", type=click.Path(dir_okay=False, exists=True))
@click.option("--templates", type=click.Path(file_okay=False, exists=True), help="Folder whose templates replace the defaults.")
def diff(old, new, templates):
    """Print what changed from OLD.json to NEW.json as a Markdown changelog."""
    from pathlib import Path

    from timeline.render.changelog import render_changelog
    from timeline.render.templating import make_environment
    from timeline.story.diff import compare, load_timeline

    env = make_environment(Path(templates) if templates else None)
    before, after = load_timeline(Path(old)), load_timeline(Path(new))
    put(render_changelog(before, after, compare(before, after), env), end="")


@main.command()
def schema():
    """Print the JSON Schema of timeline.json, the contract every other format is rendered from."""
    from timeline.models import Timeline

    put(to_json(Timeline.model_json_schema(mode="serialization"), indent=2))


def progress(total: int, quiet: bool):
    """A progress bar on stderr for long runs, only when stderr is a terminal."""
    import contextlib

    stderr = sys.stderr
    if quiet or total < 20 or not stderr.isatty():
        return contextlib.nullcontext(type("NoBar", (), {"update": lambda self, n: None})())
    return click.progressbar(length=total, label="articles", file=stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
