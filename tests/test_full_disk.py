"""A disk that fills or a path that cannot be a folder, wherever timeline meets it (its lock, its
working store in the temporary folder, --out itself): a one-line error naming the place and the
fix, exit code 1, and the previous build as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from test_hostile import folder, no_traceback, timeline  # noqa: F401  (folder: the fixture)
from test_users_files import sums

PATCHED = textwrap.dedent("""
    import errno, os, sqlite3, sys
    where = os.environ["FULL_AT"]
    if where == "lock":
        real = os.pwrite
        def pwrite(fd, data, offset):
            if data:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(fd, data, offset)
        os.pwrite = pwrite
    else:
        from timeline import store
        def full(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")
        setattr(store.Store, where, full)
    from timeline.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("where", ["lock", "__init__", "flush"])  # the lock's pid, the store made, a batch stored
def test_a_full_disk_is_one_line_and_the_previous_build_stays(folder, tmp_path, where):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    before = sums(out)
    run = subprocess.run([sys.executable, "-c", PATCHED, "build", folder, "--out", out], capture_output=True,
                         env={**os.environ, "FULL_AT": where}, timeout=120)
    err = no_traceback(run)
    assert run.returncode == 1 and len(err.strip().splitlines()) == 1, err
    assert "full" in err or "No space left" in err, err
    assert "free space" in err, err
    assert sums(out) == before and not list(out.glob(".timeline-staging-*"))
    assert timeline("build", folder, "--out", out).returncode == 0  # the lock was let go


@pytest.mark.parametrize("shape", ["name too long", "through a file", "dangling link", "link loop"])
def test_an_out_that_cannot_be_a_folder_is_one_line_naming_it(folder, tmp_path, shape):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    out = {"name too long": tmp_path / ("o" * 300), "through a file": tmp_path / "notes.txt" / "out",
           "dangling link": tmp_path / "gone", "link loop": tmp_path / "loop"}[shape]
    if shape == "dangling link":
        out.symlink_to(tmp_path / "nowhere")
    elif shape == "link loop":
        out.symlink_to(out)
    before = sums(tmp_path)
    for command in (["build", folder], ["review", folder], ["extract", folder]):
        result = timeline(*command, "--out", out)
        err = no_traceback(result)
        assert result.returncode == 1 and err.startswith(f"timeline: error: {out}: "), err
        assert len(err.strip().splitlines()) == 1 and "choose another --out" in err, err
    assert sums(tmp_path) == before


def test_a_staging_folder_that_cannot_be_marked_for_a_full_disk_is_not_left_behind(tmp_path, monkeypatch):
    """On a full disk the mark's file was made but not written: the folder, not timeline's by its
    mark and not empty, stayed in --out after every failed run (found on a 48 KB tmpfs)."""
    import errno
    from pathlib import Path

    from timeline.errors import OutputError
    from timeline.render import staging

    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name == staging.OWNER:
            self.touch()  # made, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OutputError, match="No space left on device"):
        staging.new_staging(tmp_path)
    assert list(tmp_path.iterdir()) == []
