"""`timeline evaluate`: pass rates on other projects' Dutch test suites, stories scored against
their gold, or the part-of-speech tagger scored on a CoNLL-U file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeline.api import Listener


def evaluate(conformance: str, stories, prefer, show_failures: bool, tagger_file: str | None,
             listen: Callable[[], Listener]) -> None:
    """The report on stdout: of the tagger (`tagger_file`), else of the `stories` (each built with a
    listener from `listen`), else of the suites in `conformance`."""
    from timeline.console import write

    if tagger_file:
        from timeline.evaluate import run_tagger

        write(f"{line}\n" for line in run_tagger(tagger_file))
        return
    if stories:
        write(f"{line}\n" for line in score_stories(stories, prefer, show_failures, listen))
        return
    from timeline.evaluate import run_all

    write(f"{line}\n" for line in run_all(conformance, prefer, show_failures))


def score_stories(stories, prefer, show_failures, listen: Callable[[], Listener]) -> list[str]:
    """The score table of every story folder, then (show_failures) what each got wrong."""
    from timeline.scoring import failures, load_gold, score, table

    scores = [(Path(folder).name or folder, score(story_timeline(Path(folder), gold, prefer, listen()), gold))
              for folder in stories for gold in [load_gold(Path(folder) / "gold.json")]]
    return table(scores) + ([line for name, s in scores for line in ["", *failures(name, s)]] if show_failures else [])


def story_timeline(folder: Path, gold, prefer, listener: Listener):
    """The story `timeline build FOLDER/articles --subject S --alias A...` builds, in memory."""
    from timeline.api import build_story

    return build_story([str(folder / "articles")], subject=gold.subject, aliases=gold.aliases or (), prefer=prefer,
                       strict=False, listener=listener).timeline
