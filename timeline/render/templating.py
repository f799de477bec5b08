"""The one Jinja environment: the user's templates first, the packaged defaults after.

A user folder may hold any of the default template names (``timeline.md.j2``,
``timeline.html.j2`` or a partial such as ``_style.css.j2``); each file found
there replaces the default of the same name, everything else falls back.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any, Iterator

import jinja2
from jinja2.exceptions import SecurityError

from timeline.errors import TemplateError
from timeline.render.sandbox import OUTPUT_LIMIT, Costly, Sandbox


def make_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """Build the environment that loads ``user_dir`` first, then the defaults."""
    folders = [Path(str(files("timeline.templates")))]
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(
                f"{user_dir}: template folder not found; "
                "pass an existing folder or leave the option out to use the defaults"
            )
        folders.insert(0, user_dir)
    return Sandbox(
        loader=jinja2.ChoiceLoader([BoundedLoader(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class BoundedLoader(jinja2.FileSystemLoader):
    """Jinja's file loader, but each template is read by read.bounded: a regular file of at most
    1 MB (a FIFO or device in the folder is an error naming it, not a hang or a silent default)."""

    def get_source(self, environment: jinja2.Environment, template: str):
        import os
        import posixpath

        from jinja2.loaders import split_template_path

        from timeline.bounded import TEMPLATE, read_text

        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.lexists(filename):
                break
        else:
            raise jinja2.TemplateNotFound(template)
        source = read_text(filename, TEMPLATE, "give a regular template file of at most 1 MB", TemplateError)
        inside(filename, folder)  # after: a FIFO or device is named as such
        mtime = os.path.getmtime(filename)
        return source, os.path.normpath(filename), lambda: os.path.exists(filename) and os.path.getmtime(filename) == mtime


def inside(filename: str, folder: str) -> None:
    """A template is a file of its folder: a link (or a linked folder) that leads out of it is a
    TemplateError, so a template folder from elsewhere (a theme) cannot put ~/.ssh/id_rsa or
    /etc/shadow into a page that is published."""
    import os

    real, root = os.path.realpath(filename), os.path.realpath(folder)
    if os.path.commonpath([real, root]) != root:
        raise TemplateError(f"{filename}: a link to {real}, outside the template folder; copy the template "
                            f"itself into {folder}")


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render template ``name``; any failure becomes a TemplateError naming file and line."""
    return "".join(stream_template(env, name, **context))


def stream_template(env: jinja2.Environment, name: str, **context: Any) -> Iterator[str]:
    """Template ``name`` rendered piece by piece (Jinja's generate), the same text as rendering
    it whole; any failure becomes a TemplateError naming file and line."""
    written = 0
    try:
        template = env.get_template(name)
        if isinstance(env, Sandbox):
            env.start()  # its steps are counted from here (see render.sandbox)
        for chunk in template.generate(**context):
            written += len(chunk)
            if written > OUTPUT_LIMIT:  # checked as it streams: nested loops would fill the disk
                where = template.filename if template.filename and not template.filename.startswith("<") else name
                raise TemplateError(f"{where}: the template wrote more than {OUTPUT_LIMIT:,} characters, "
                                    "the most timeline writes of one file; print each value once (look for "
                                    "nested loops)")
            yield chunk
    except TemplateError:  # already names the template and the fix (a template file that cannot be read)
        raise
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise TemplateError(f"{where}: {exc.message}; fix the Jinja syntax on that line") from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"template {exc.name!r} not found; add it to the template folder "
            "or remove the include that names it"
        ) from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"{_template_location(exc, name)}: {exc.message}; use only the variables "
            f"timeline provides: {', '.join(sorted(context))}"
        ) from exc
    except Costly as exc:  # a bound of the sandbox: its message names the fix
        raise TemplateError(f"{_template_location(exc, name)}: {exc}") from exc
    except SecurityError as exc:
        raise TemplateError(
            f"{_template_location(exc, name)}: {exc}; templates may only print the values timeline gives them"
        ) from exc
    except Exception as exc:  # anything else a template expression can raise
        raise TemplateError(
            f"{_template_location(exc, name)}: {exc}; fix the expression on that line"
        ) from exc


def _template_location(exc: Exception, name: str) -> str:
    """The innermost ``file:line`` in template code, from Jinja's rewritten traceback."""
    where, tb = name, exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where
