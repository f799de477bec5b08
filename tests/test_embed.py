"""The iframe embed sizes itself by the conventions newsrooms already run: the real pym.js from npm,
AMP's amp-iframe `embed-size` message, and our own snippet; and it fits a 300px column."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from npm import npm_install
from test_render_html import chromium

from timeline.cli import main

PYM = "pym.js@1.3.2"  # NPR's pym.js, for this test only: never a dependency of timeline
REPORT = """<pre id="report"></pre><script>
function report(found) { document.getElementById("report").textContent = JSON.stringify(found); }
</script>"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The seed story's embed page and snippet, built by the command line."""
    out = tmp_path_factory.mktemp("embed")
    result = CliRunner().invoke(main, ["build", "--format", "embed", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pym_js(tmp_path_factory) -> Path:
    cache = Path(os.environ.get("PYM_CACHE", tmp_path_factory.mktemp("npm")))
    script = cache / "node_modules" / "pym.js" / "dist" / "pym.v1.js"
    return script if script.is_file() else npm_install(cache, PYM) / "pym.js" / "dist" / "pym.v1.js"


def run(folder: Path, name: str, body: str, width: int = 680) -> dict:
    """A host page of `body` beside the embed, opened in Chromium; what its script reported."""
    page = folder / name
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
                    f"<div style='width:{width}px'>{body}</div>{REPORT}</body></html>", "utf-8")
    dom = chromium(folder, "--dump-dom", "--window-size=1000,1200", "--virtual-time-budget=4000",
                   "--allow-file-access-from-files", page.as_uri())
    return json.loads(html.unescape(re.search(r'<pre id="report">(.*?)</pre>', dom, flags=re.S).group(1)) or "{}")


def content_height(folder: Path, width: int = 680) -> int:
    """The embed's own height at `width`, measured inside it (file pages are one origin with the flag)."""
    found = run(folder, f"measure-{width}.html", f"""<iframe id="f" src="timeline.embed.html" style="width:{width}px;height:300px;border:0"></iframe>
<script>addEventListener("load", function () {{ var doc = document.getElementById("f").contentDocument;
  report({{height: Math.ceil(doc.body.getBoundingClientRect().height), scroll: doc.documentElement.scrollWidth,
          client: doc.documentElement.clientWidth}}); }});</script>""", width)
    return found


def test_a_pym_js_parent_sizes_the_embed_with_no_snippet_of_ours(folder, pym_js):
    found = run(folder, "pym.html", f"""<div id="timeline"></div><script src="{pym_js.as_uri()}"></script>
<script>
var host = new pym.Parent("timeline", "timeline.embed.html", {{}});
setTimeout(function () {{
  var first = host.iframe.getAttribute("height");
  host.iframe.setAttribute("height", "10px");
  host.sendWidth();  /* pym asks again, as on a resize: the embed answers with its height */
  setTimeout(function () {{ report({{first: first, again: host.iframe.getAttribute("height"), src: host.iframe.src}}); }}, 800);
}}, 1500);
</script>""")
    assert "childId=timeline" in found["src"]
    height = content_height(folder)["height"]
    assert height > 1000
    assert found["first"] == found["again"] == f"{height}px"


def test_an_amp_iframe_s_embed_size_message_carries_the_embed_s_height(folder):
    """What amp-iframe (resizable) listens for: from its own iframe, an object with sentinel "amp",
    type "embed-size" and the height in px; and "embed-ready" once it has loaded."""
    found = run(folder, "amp.html", """<iframe id="f" src="timeline.embed.html" style="width:680px;height:300px;border:0"></iframe>
<script>
var frame = document.getElementById("f"), sizes = [], ready = false;
addEventListener("message", function (event) {
  var data = event.data;
  if (event.source !== frame.contentWindow || !data || data.sentinel !== "amp") return;
  if (data.type === "embed-ready") ready = true;
  if (data.type === "embed-size" && typeof data.height === "number") sizes.push(data.height);
});
setTimeout(function () { report({sizes: sizes, ready: ready}); }, 1500);
</script>""")
    assert found["ready"] and found["sizes"]
    assert found["sizes"][-1] == content_height(folder)["height"]


def test_our_own_snippet_still_sizes_its_iframe_to_the_same_height(folder):
    snippet = (folder / "timeline.embed.snippet.html").read_text("utf-8")
    found = run(folder, "snippet.html", snippet + """<script>
setTimeout(function () { report({height: document.querySelector("iframe").style.height}); }, 1500);
</script>""")
    assert found["height"] == f"{content_height(folder)['height']}px"


def test_the_embed_fits_a_300px_column_without_a_horizontal_scrollbar(folder):
    found = content_height(folder, 300)
    assert found["client"] == 300 and found["scroll"] <= 300
    assert found["height"] > content_height(folder, 680)["height"]  # narrower: taller, not wider
