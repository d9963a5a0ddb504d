"""The HTML stance map: records, colours, tooltips, escaping, and a page that needs no network."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import networkx as nx
import pytest

from stancegraph.viz.html import network_data, write_network_html, write_stance_map
from stancegraph.viz.stance_graph import stance_graph
from stancegraph.viz.styles import OPPOSE_COLOR, SUPPORT_COLOR
from stancegraph.viz.template import APP_JS
from stancegraph.viz.tooltips import escape, script_json

from .test_stance_graph import O, S, stance

IMG = """<img src=x onerror="document.title='pwned'">"""
SCRIPT = "</script><script>document.title='pwned2'</script>"


class PageParser(HTMLParser):
    """Collects tags with their attributes, and the text of each <script> and <option>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.options: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag
        if tag == "script":
            self.scripts.append("")
        if tag == "option":
            self.options.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "option":
            self.options[-1] += data


def parse(path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def hostile_stances():
    return [
        stance("zelenskyy", O, "territory", actor="Zelenskyy", kind="person", doc="d1",
               evidence="Zelenskyy said Ukraine will never give up territory."),
        stance("zelenskyy", O, "territory", actor="Zelenskyy", kind="person", doc="d2",
               evidence=f"He repeated it: {IMG}", conf=0.6),
        stance("zelenskyy", S, "ceasefire", actor="Zelenskyy", kind="person", doc="d2",
               evidence=f"He backed a truce {SCRIPT}"),
        stance("ahref", S, "ceasefire", actor="Ahref <b>Group</b>", kind="group", doc="d3",
               evidence='See <a href="http://evil.example">this</a> & that.'),
        stance("ukraine", O, "territory", actor="Ukraine", kind="state", doc="d4",
               topic_label="Territory", evidence="Ukraine refused."),
    ]


@pytest.fixture
def stance_map(tmp_path):
    return write_stance_map(hostile_stances(), tmp_path / "map.html", title="Map <i>x</i>")


def test_nodes_have_shape_and_colour_by_kind():
    nodes, _ = network_data(stance_graph(hostile_stances()))
    by_id = {n["id"]: n for n in nodes}
    assert {n["id"] for n in nodes} == {"actor:zelenskyy", "actor:ahref", "actor:ukraine",
                                        "topic:territory", "topic:ceasefire"}
    assert by_id["actor:zelenskyy"]["shape"] == "dot"
    assert by_id["actor:ukraine"]["shape"] == "square"
    assert by_id["actor:ahref"]["shape"] == "diamond"
    assert by_id["topic:ceasefire"]["shape"] == "box"
    assert len({by_id[i]["color"] for i in by_id if i.startswith("actor:")}) == 3


def test_edges_are_coloured_by_polarity_and_widened_by_statements():
    _, edges = network_data(stance_graph(hostile_stances()))
    by_ends = {(e["from"], e["to"]): e for e in edges}
    twice = by_ends["actor:zelenskyy", "topic:territory"]
    once = by_ends["actor:ukraine", "topic:territory"]
    assert twice["color"]["color"] == once["color"]["color"] == OPPOSE_COLOR
    assert by_ends["actor:ahref", "topic:ceasefire"]["color"]["color"] == SUPPORT_COLOR
    assert twice["weight"] == 2 and twice["width"] > once["width"]


def test_edge_tooltip_lists_evidence_with_document_and_confidence():
    stances = [stance(doc=f"doc-{i}", conf=0.5 + i / 100, evidence=f"Sentence {i}.")
               for i in range(8)]
    _, [edge] = network_data(stance_graph(stances))
    lines = edge["title"].split("\n")
    assert lines[0] == "European Union supports Ceasefire — 8 statements"
    assert lines[1] == "• “Sentence 7.” (doc-7, 0.57)"  # most confident first
    assert len(lines) == 1 + 5 + 1 and lines[-1] == "and 3 more"


def test_every_label_and_title_is_escaped():
    nodes, edges = network_data(stance_graph(hostile_stances()))
    texts = [r[key] for r in nodes + edges for key in ("label", "title") if key in r]
    assert texts and not [t for t in texts if re.search(r"[<>\"']|href", t, re.IGNORECASE)]
    titles = " ".join(texts)
    assert escape(IMG) in titles and "hre&#102;" in titles
    assert "Ahre&#102; &lt;b&gt;Group&lt;/b&gt;" in [n["label"] for n in nodes]


def test_page_has_no_external_reference(stance_map):
    page = parse(stance_map)
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "data", "poster"):
            assert name not in attrs, f"<{tag} {name}={attrs[name]!r}>"
    text = stance_map.read_text(encoding="utf-8")
    for needle in ('src="http', "href=\"http", "//cdn", "<link"):
        assert needle not in text
    assert [tag for tag, _ in page.tags].count("script") == 2
    csp = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0].startswith("default-src 'none'; script-src 'sha256-")


def test_untrusted_text_cannot_end_the_script(stance_map):
    page = parse(stance_map)
    assert len(page.scripts) == 2  # vis-network and the page's own; none injected
    text = stance_map.read_text(encoding="utf-8")
    nodes_json, edges_json = (re.search(rf"var {name} = (.*);\n", text).group(1)
                              for name in ("nodeData", "edgeData"))
    assert "pwned2" in edges_json and "<" not in edges_json + nodes_json
    assert "\\u0026lt;/script\\u0026gt;" in edges_json  # HTML-escaped, then JSON-escaped
    titles = " ".join(e["title"] for e in json.loads(edges_json))
    assert escape(SCRIPT) in titles


def test_script_json_escapes_what_could_end_a_script():
    raw = script_json({"t": SCRIPT + "<!-- & \u2028"})
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw
    assert json.loads(raw) == {"t": SCRIPT + "<!-- & \u2028"}


def test_page_never_sets_inner_html():
    assert "innerHTML" not in APP_JS and "outerHTML" not in APP_JS
    assert "insertAdjacentHTML" not in APP_JS and "document.write" not in APP_JS


def test_legend_title_and_topic_filter(stance_map):
    page = parse(stance_map)
    text = stance_map.read_text(encoding="utf-8")
    assert "<title>Map &lt;i&gt;x&lt;/i&gt;</title>" in text
    assert 'id="sg-legend"' in text
    for entry in ("person", "state", "group", "topic", "supports", "opposes"):
        assert f"</span> {entry}</li>" in text
    assert "organization</li>" not in text  # only kinds present
    selects = [a for t, a in page.tags if t == "select"]
    assert [s.get("id") for s in selects] == ["sg-filter"]
    assert [o.strip() for o in page.options] == ["all", "Ceasefire", "Territory"]
    values = [a["value"] for t, a in page.tags if t == "option"]
    assert values == ["", "topic:ceasefire", "topic:territory"]


def test_any_networkx_graph_with_signs(tmp_path):
    G = nx.Graph()
    G.add_node(1, label="One", kind="state")
    G.add_node(2, label="Two")
    G.add_node(3, label="Three", kind="topic")
    G.add_edge(1, 2, sign=-1, weight=3, evidence=["A <b>quarrel</b>."])
    G.add_edge(2, 3, sign=0.4)
    nodes, edges = network_data(G)
    assert [n["id"] for n in nodes] == ["n0", "n1", "n2"]
    assert [e["color"]["color"] for e in edges] == [OPPOSE_COLOR, SUPPORT_COLOR]
    assert edges[0]["title"] == ("One opposes Two — 3 statements\n"
                                 "• “A &lt;b&gt;quarrel&lt;/b&gt;.”")
    path = write_network_html(G, tmp_path / "g.html", title="signed")
    assert '"arrows": {"to": {"enabled": false' in path.read_text(encoding="utf-8")


def test_big_graphs_get_positions_and_no_physics(tmp_path):
    G = nx.barabasi_albert_graph(60, 2, seed=1)
    path = write_network_html(G, tmp_path / "big.html", layout_threshold=50)
    text = path.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var nodeData = (.*);\n", text).group(1))
    options = json.loads(re.search(r"var options = (.*);\n", text).group(1))
    assert all("x" in n and "y" in n for n in nodes)
    assert options["physics"]["enabled"] is False
    assert options["layout"] == {"improvedLayout": False}


def test_pyvis_is_imported_only_when_a_page_is_written():
    code = ("import sys, stancegraph.viz.html, stancegraph.viz.stance_graph; "
            "assert 'pyvis' not in sys.modules, 'pyvis imported at import time'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shared_sample_stances(sample_stances, tmp_path):
    """The shared fixture: two classified stances drawn, the unclassified one left out."""
    path = write_stance_map(sample_stances, tmp_path / "sample.html")
    text = path.read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var nodeData = (.*);\n", text).group(1))
    assert sorted(n["id"] for n in nodes) == [
        "actor:recep_tayyip_erdogan", "actor:zelenskyy", "topic:ceasefire",
        "topic:territorial_concessions"]
    assert "Erdoğan" in text  # UTF-8 kept as is
