"""The stance map in a real headless Chromium with no network: it draws, and hostile evidence
stays text. The page's CSP blocks scripts it does not list, so each check is also run with the
CSP taken out, to show that the escaping alone is enough."""
from __future__ import annotations

import base64
import html
import hashlib
import re

import pytest

from stancegraph.viz.html import write_stance_map

from .test_html import IMG, SCRIPT, hostile_stances

pytestmark = pytest.mark.browser

# Test-only probe, added to a copy of the page: hovers the edge whose evidence holds the
# <img> payload and records what the tooltip shows, and whether any title holds an element;
# then picks one topic in the filter and counts what is left shown.
PROBE = """
(function () {
  function report(values) {
    var div = document.createElement("div");
    div.id = "sg-probe";
    for (var key in values) { div.dataset[key] = String(values[key]); }
    document.body.appendChild(div);
  }
  function whenDrawn(fn) {
    if (document.getElementById("sg-status")) { fn(); } else { setTimeout(whenDrawn, 50, fn); }
  }
  whenDrawn(function () {
    var sg = window.stancegraph;
    var items = sg.nodes.get().concat(sg.edges.get());
    var textOnly = items.every(function (item) {
      return item.title instanceof Element &&
        Array.prototype.every.call(item.title.childNodes, function (c) {
          return c.nodeType === Node.TEXT_NODE;
        });
    });
    var edge = sg.edges.get().filter(function (e) {
      return e.title.textContent.indexOf("onerror") >= 0;
    })[0];
    sg.network.setOptions({physics: {enabled: false}});
    var point = sg.network.body.edges[edge.id].edgeType.getPoint(0.5);
    var dom = sg.network.canvasToDOM(point);
    var canvas = document.querySelector("#mynetwork canvas");
    var box = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent("mousemove", {
      clientX: box.left + dom.x, clientY: box.top + dom.y, bubbles: true}));
    setTimeout(function () {
      var tip = document.querySelector("div.vis-tooltip");
      var select = document.getElementById("sg-filter");
      select.value = "topic:territory";
      select.dispatchEvent(new Event("change"));
      function shown(set) { return set.get({filter: function (x) { return !x.hidden; }}).length; }
      report({textonly: textOnly, tooltip: tip ? tip.textContent : "",
              elements: tip ? tip.querySelectorAll("img, script, a, b").length : -1,
              filterednodes: shown(sg.nodes), filterededges: shown(sg.edges)});
    }, 1000);
  });
})();
"""


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def with_probe(page: str) -> str:
    page = page.replace("</body>", f"<script>{PROBE}</script>\n</body>")
    return page.replace("script-src ", f"script-src {_sha256(PROBE)} ", 1)


def without_csp(page: str) -> str:
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert stripped != page
    return stripped


def status(dom: str) -> dict[str, str]:
    match = re.search(r'<div id="sg-status"([^>]*)>', dom)
    assert match, "the network was never drawn"
    return dict(re.findall(r'data-(\w+)="([^"]*)"', match.group(1)))


def probe(dom: str) -> dict[str, str]:
    match = re.search(r'<div id="sg-probe"([^>]*)>', dom)
    assert match, "the probe did not finish"
    return dict(re.findall(r'data-(\w+)="([^"]*)"', match.group(1)))


def test_detector_sees_an_injection(chromium, tmp_path):
    """Control: the same payloads, unescaped, do change the title, so the checks below can
    fail."""
    page = tmp_path / "control.html"
    page.write_text(f"<html><head><title>intact</title></head><body>{IMG}"
                    f"<script>var x = 1;{SCRIPT}</body></html>", encoding="utf-8")
    assert "<title>pwned" in chromium(page)


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_hostile_evidence_stays_text_and_the_map_draws_offline(chromium, tmp_path, csp):
    path = write_stance_map(hostile_stances(), tmp_path / "map.html", title="intact")
    page = with_probe(path.read_text(encoding="utf-8"))
    page = page if csp else without_csp(page)
    (tmp_path / "probed.html").write_text(page, encoding="utf-8")

    dom = chromium(tmp_path / "probed.html", budget_ms=8000, until='id="sg-status"')

    assert "<title>intact</title>" in dom  # neither payload ran
    markup = re.sub(r"<script>.*?</script>", "", dom, flags=re.DOTALL)
    assert not re.search(r"<(img|a)\b", markup)  # the tooltip made no elements of the text
    drawn = status(dom)
    assert (drawn["nodes"], drawn["edges"]) == ("5", "4")  # 3 actors + 2 topics
    assert drawn["resources"] == "0"  # nothing fetched, not even a failed request
    seen = probe(dom)
    assert seen["textonly"] == "true"
    assert IMG in html.unescape(seen["tooltip"])  # shown as the literal sentence ...
    assert seen["elements"] == "0"  # ... and not as markup
    # "Territory": the topic, Zelenskyy and Ukraine, and their two edges
    assert (seen["filterednodes"], seen["filterededges"]) == ("3", "2")
