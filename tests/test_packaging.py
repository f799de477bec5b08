"""What `pip install .` installs: the sdist and the wheel, built by the setuptools that
pyproject.toml asks for, carry the licence, the NOTICE of the treebank-derived model, the
model itself and the type marker."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BUILT = ("LICENSE", "NOTICE", "timeline/py.typed", "timeline/temporal/lang/nl.pos.json.gz")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel of a copy of the project, built as pip's isolated build would
    (the build-system requirement installed into a folder of its own, not this environment)."""
    root = tmp_path_factory.mktemp("packaging")
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["build-system"]["requires"]
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--target",
                    root / "backend", *requires], check=True, capture_output=True, timeout=300)
    source = root / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", ".benchmarks"))
    hooks = "from setuptools import build_meta as b; b.build_sdist('../dist'); b.build_wheel('../dist')"
    subprocess.run([sys.executable, "-c", hooks], cwd=source, env={"PYTHONPATH": str(root / "backend"), "PATH": ""},
                   check=True, capture_output=True, timeout=300)
    return root / "dist"


def test_the_wheel_ships_the_licence_the_notice_the_model_and_the_type_marker(dist):
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/NOTICE", *BUILT[2:]} <= set(names)
    metadata = zipfile.ZipFile(wheel).read(f"{info}/METADATA").decode("utf-8")
    assert "License-Expression: Apache-2.0 AND CC-BY-SA-4.0" in metadata


def test_the_sdist_ships_the_licence_the_notice_the_model_and_the_type_marker(dist):
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert set(BUILT) <= names


def test_the_notice_names_the_treebanks_their_licence_and_what_to_cite():
    notice = (ROOT / "NOTICE").read_text("utf-8")
    for needed in ("timeline/temporal/lang/nl.pos.json.gz", "UD_Dutch-Alpino", "UD_Dutch-LassySmall",
                   "CC BY-SA 4.0", "Gosse Bouma", "Gertjan van Noord", "W17-0403"):
        assert needed in notice
    assert (ROOT / "LICENSE").read_text("utf-8").lstrip().startswith("Apache License")
