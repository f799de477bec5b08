"""Real JavaScript libraries from the npm registry, for the tests only (never a dependency of timeline)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def npm_install(folder: Path, package: str) -> Path:
    """`package` (name@version) installed into folder/node_modules, without its scripts; that folder."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm not found: install nodejs and npm (apt-get install nodejs npm)")
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(folder), package],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return folder / "node_modules"
