"""The one family of errors timeline raises, and the exit codes, in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1  # bad article, bad output path, broken template: the user can fix the input
EXIT_USAGE = 2  # click's own code for a bad option or argument
EXIT_SKIPPED = 3  # the run finished, but some articles were skipped


class TimelineError(Exception):
    """An error the user can fix: the message names the problem and the fix."""

    exit_code = EXIT_INPUT


class ArticleError(TimelineError):
    """An article that cannot be read or dated."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None):
        self.path, self.problem, self.fix, self.line = path, problem, fix, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}; {fix}")

    def __reduce__(self):
        """Picklable, so a worker of `--jobs N` can hand it back."""
        return (type(self), (self.path, self.problem, self.fix, self.line))


class OutputError(TimelineError):
    """An output that cannot be written."""


class TemplateError(TimelineError):
    """A user template that does not render."""


class ConfigError(TimelineError):
    """A setting that timeline does not know or cannot use."""
