"""Starting a desk as an editor does (`timeline desk FOLDER --out DIR`, in its own process) and
talking to it over HTTP as its page does, or as a stranger would."""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from timeline.render.output import producers
from timeline.story.diff import load_timeline

SEEDS = Path(__file__).parent.parent / "seeds"
COMMENT = "# Bewerkingen van de redactie: laat deze regel staan\n"


@dataclass
class Running:
    process: subprocess.Popen
    url: str
    port: int
    token: str

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def news(tmp_path: Path) -> Path:
    """A copy of the seeds with an editor's edits.toml holding only a comment."""
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    (folder / "edits.toml").write_text(COMMENT, "utf-8")
    return folder


def start(folder: Path, out: Path, script: str | None = None, env: dict | None = None) -> Running:
    """The desk in its own process, once it has printed its address (its errors go to desk.err)."""
    command = [sys.executable, *(["-c", script] if script else ["-m", "timeline.cli"]), "desk", str(folder), "--out", str(out)]
    errors = open(out.parent / f"desk-{out.name}.err", "ab")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env={**os.environ, **(env or {})})
    ready, _, _ = select.select([process.stdout], [], [], 180)
    line = process.stdout.readline().decode("utf-8") if ready else ""
    assert line.startswith("timeline desk: http://127.0.0.1:"), (line, (out.parent / f"desk-{out.name}.err").read_text())
    url = line.split(": ", 1)[1].strip()
    port = int(url.split(":")[2].split("/")[0])
    return Running(process, url, port, url.split("token=", 1)[1])


def ask(desk: Running, method: str, path: str, body: object = None, headers: dict | None = None) -> tuple[int, dict]:
    """One request, with the Host the browser would send unless `headers` says otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", desk.port, timeout=180)
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode("utf-8")
    connection.request(method, path, body=data, headers={"Host": f"127.0.0.1:{desk.port}", **(headers or {})})
    response = connection.getresponse()
    raw = response.read()
    connection.close()
    return response.status, json.loads(raw) if raw[:1] in (b"{", b"[") else {"raw": raw.decode("utf-8", "replace")}


def state(desk: Running) -> dict:
    status, body = ask(desk, "GET", "/api/state", headers={"X-Desk-Token": desk.token})
    assert status == 200, body
    return body


def post(desk: Running, change: object, version: str | None = None, headers: dict | None = None) -> tuple[int, dict]:
    """A change as the desk's page sends it; `headers` replace the page's own (None leaves one out)."""
    sent = {"X-Desk-Token": desk.token, "Origin": desk.origin, "Content-Type": "application/json", **(headers or {})}
    body = {"version": version if version is not None else state(desk)["version"], "change": change}
    return ask(desk, "POST", "/api/change", body, {k: v for k, v in sent.items() if v is not None})


def event_with(story: dict, words: str) -> dict:
    (found,) = [e for e in story["events"] if words in e["text"]]
    return found


def edits_of(folder: Path) -> dict:
    return tomllib.loads((folder / "edits.toml").read_text("utf-8"))


def whole_build(out: Path):
    """The build in `out`, checked whole: each of its files is what its timeline.json renders to."""
    story = load_timeline(out / "timeline.json")
    made = producers(story, ["md", "ics", "html"], None)
    for fmt, name in (("md", "timeline.md"), ("ics", "timeline.ics"), ("html", "timeline.html")):
        assert b"".join(made[fmt]()) == (out / name).read_bytes(), f"{name} is not from the same build as timeline.json"
    return story


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".timeline.lock"}
