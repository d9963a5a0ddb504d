"""Each network view drawn as a map: the nodes and edges of the page, for a hand-made store.

The store holds two articles with six stances::

    v-1  Ukraine supports ceasefire, Zelenskyy supports ceasefire, Russia opposes ceasefire
    v-2  Russia supports territorial concessions, Ukraine opposes them, Trump supports them

so Ukraine and Zelenskyy share one position (ceasefire, support), Russia and Trump another
(territorial concessions, support), and Russia is in conflict with Ukraine on both topics.
"""
from __future__ import annotations

import json
import re

import pytest
from stancegraph.analysis import positions
from stancegraph.codebook import load_codebook
from stancegraph.errors import AnalysisError
from stancegraph.rdf.store import StanceStore
from stancegraph.types import Document, Polarity, Stance
from stancegraph.viz.styles import LONER_COLOR, NODE_STYLES, OPPOSE_COLOR, SUPPORT_COLOR
from stancegraph.viz.views import VIEWS, view_graph, write_view

S, O = "support", "oppose"
ARTICLES = {
    "v-1": [("ukraine", S, "ceasefire", "Ukraine backed the ceasefire.", 0.8),
            ("zelenskyy", S, "ceasefire", "Zelenskyy welcomed the ceasefire.", 0.9),
            ("russia", O, "ceasefire", "Russia rejected the ceasefire.", 0.7)],
    "v-2": [("russia", S, "territorial_concessions", "Russia demanded territorial concessions "
             "</script><img src=x onerror=\"document.title='pwned'\">.", 0.6),
            ("ukraine", O, "territorial_concessions", "Ukraine ruled out territorial concessions.", 0.75),
            ("trump", S, "territorial_concessions", "Trump urged territorial concessions.", 0.5)],
}
UA, ZE, RU, TR = "actor:ukraine", "actor:zelenskyy", "actor:russia", "actor:trump"
CEASEFIRE, TERRITORY = "topic:ceasefire", "topic:territorial_concessions"


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def items(codebook):
    out = []
    for doc_id, rows in ARTICLES.items():
        text = " ".join(r[3] for r in rows)
        doc = Document(id=doc_id, text=text, title=doc_id, date="2025-03-01")
        stances = []
        for actor_id, polarity, topic, sentence, confidence in rows:
            actor, (start, end) = codebook.actors[actor_id], span(text, sentence)
            stances.append(Stance(
                doc_id=doc_id, actor=actor.label, actor_id=actor_id, actor_kind=actor.kind,
                polarity=Polarity(polarity), topic=topic, topic_label=codebook.topics[topic].label,
                evidence=sentence, start=start, end=end, confidence=confidence,
                extractor="stancegraph.rules.v1", cue=sentence.split()[1]))
        out.append((doc, stances))
    return out


@pytest.fixture(scope="module")
def store():
    codebook = load_codebook()
    with StanceStore.open(None) as st:
        st.replace_documents(items(codebook), codebook)
        yield st


def drawn(path) -> tuple[dict[str, dict], dict[tuple[str, str], dict]]:
    """The node records (by id) and edge records (by sorted ends) the page draws."""
    text = path.read_text(encoding="utf-8")
    nodes, edges = (json.loads(re.search(rf"var {name} = (.*);\n", text).group(1))
                    for name in ("nodeData", "edgeData"))
    return {n["id"]: n for n in nodes}, {tuple(sorted((e["from"], e["to"]))): e for e in edges}


def pair(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((a, b)))


# --- one-mode views ------------------------------------------------------------------------

def test_congruence_links_exactly_the_actors_who_share_a_position(store, tmp_path):
    nodes, edges = drawn(write_view(store, "congruence", tmp_path / "c.html"))
    assert set(nodes) == {UA, ZE, RU, TR}
    assert set(edges) == {pair(UA, ZE), pair(RU, TR)}
    assert edges[pair(UA, ZE)]["weight"] == edges[pair(RU, TR)]["weight"] == 1.0
    assert {e["color"]["color"] for e in edges.values()} == {SUPPORT_COLOR}


def test_congruence_weight_is_normalised(store, tmp_path):
    # Ukraine has two positions, Zelenskyy one, one shared: Jaccard 1 / 2.
    _, edges = drawn(write_view(store, "congruence", tmp_path / "c.html", normalization="jaccard"))
    assert edges[pair(UA, ZE)]["weight"] == 0.5
    _, edges = drawn(write_view(store, "congruence", tmp_path / "c.html", normalization="average"))
    assert edges[pair(UA, ZE)]["weight"] == pytest.approx(1 / 1.5)


def test_congruence_nodes_have_codebook_kinds_and_coalition_colours(store, tmp_path):
    G = view_graph(store, "congruence")
    assert G.graph["coalitions"] == [[RU, TR], [UA, ZE]]
    assert {n: G.nodes[n]["coalition"] for n in G} == {RU: 0, TR: 0, UA: 1, ZE: 1}
    nodes, _ = drawn(write_view(store, "congruence", tmp_path / "c.html"))
    assert nodes[UA]["kind"] == nodes[RU]["kind"] == "state"
    assert nodes[UA]["shape"] == NODE_STYLES["state"].shape
    assert nodes[ZE]["kind"] == "person" and nodes[ZE]["shape"] == NODE_STYLES["person"].shape
    assert nodes[UA]["color"] == nodes[ZE]["color"] != nodes[RU]["color"] == nodes[TR]["color"]
    assert "coalition 2 (2 actors)" in nodes[UA]["title"]
    text = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "</span> coalition 1 (2 actors)</li>" in text and "</span> shared positions</li>" in text
    assert 'id="sg-filter"' not in text  # no topic nodes to filter by


def test_congruence_tooltip_holds_both_actors_evidence(store, tmp_path):
    _, edges = drawn(write_view(store, "congruence", tmp_path / "c.html"))
    lines = edges[pair(UA, ZE)]["title"].split("\n")
    assert lines[0] == "Ukraine and Volodymyr Zelenskyy agree on: Ceasefire"
    assert lines[2:] == ["• Volodymyr Zelenskyy (support): “Zelenskyy welcomed the ceasefire.” (v-1, 0.90)",
                         "• Ukraine (support): “Ukraine backed the ceasefire.” (v-1, 0.80)"]


def test_conflict_links_opposite_positions(store, tmp_path):
    nodes, edges = drawn(write_view(store, "conflict", tmp_path / "f.html"))
    assert set(edges) == {pair(UA, RU), pair(ZE, RU), pair(UA, TR)}
    assert {k: e["weight"] for k, e in edges.items()} == {pair(UA, RU): 2.0, pair(ZE, RU): 1.0, pair(UA, TR): 1.0}
    assert {e["color"]["color"] for e in edges.values()} == {OPPOSE_COLOR}
    assert edges[pair(UA, RU)]["width"] > edges[pair(UA, TR)]["width"]
    assert "Ceasefire, Territorial concessions" in edges[pair(UA, RU)]["title"]
    assert all("color" not in view_graph(store, "conflict").nodes[n] for n in nodes)  # kind colours


def test_difference_is_signed(store, tmp_path):
    _, edges = drawn(write_view(store, "difference", tmp_path / "d.html"))
    assert {k: (e["weight"], e["sign"]) for k, e in edges.items()} == {
        pair(UA, ZE): (1.0, 1), pair(RU, TR): (1.0, 1),
        pair(UA, RU): (-2.0, -1), pair(ZE, RU): (-1.0, -1), pair(UA, TR): (-1.0, -1)}
    assert edges[pair(UA, RU)]["color"]["color"] == OPPOSE_COLOR


def test_a_balanced_pair_draws_weight_zero(tmp_path):
    codebook = load_codebook()
    stances = [s for _, ss in items(codebook) for s in ss if s.topic == "ceasefire"]
    flipped = [*stances, Stance(**{**stances[0].__dict__, "polarity": Polarity.OPPOSE, "start": 1})]
    _, edges = drawn(write_view(flipped, "difference", tmp_path / "d.html"))
    # Ukraine now supports and opposes the ceasefire: as much agreement as conflict with each other actor.
    assert edges[pair(UA, ZE)]["weight"] == 0 and edges[pair(UA, ZE)]["sign"] == 0


def test_positions_without_evidence_draw_too(store, tmp_path):
    _, edges = drawn(write_view(positions(store), "congruence", tmp_path / "p.html"))
    assert set(edges) == {pair(UA, ZE), pair(RU, TR)}
    assert "•" not in edges[pair(UA, ZE)]["title"]


# --- two-mode views ------------------------------------------------------------------------

def test_affiliation_edges_are_signed_actor_topic_links(store, tmp_path):
    nodes, edges = drawn(write_view(store, "affiliation", tmp_path / "a.html"))
    assert set(nodes) == {UA, ZE, RU, TR, CEASEFIRE, TERRITORY}
    assert nodes[CEASEFIRE]["kind"] == "topic" and nodes[TR]["kind"] == "person"
    records = json.loads(re.search(r"var edgeData = (.*);\n", (tmp_path / "a.html").read_text()).group(1))
    assert sorted((e["from"], e["to"], e["sign"]) for e in records) == [
        (RU, CEASEFIRE, -1), (RU, TERRITORY, 1), (TR, TERRITORY, 1),
        (UA, CEASEFIRE, 1), (UA, TERRITORY, -1), (ZE, CEASEFIRE, 1)]
    assert "“Trump urged territorial concessions.” (v-2, 0.50)" in edges[pair(TR, TERRITORY)]["title"]
    assert "supports: Ceasefire (1)" in nodes[UA]["title"]
    assert 'value="topic:ceasefire"' in (tmp_path / "a.html").read_text()  # the topic filter


def test_stances_view_is_the_stance_map(store, tmp_path):
    nodes, edges = drawn(write_view(store, "stances", tmp_path / "s.html"))
    assert set(nodes) == {UA, ZE, RU, TR, CEASEFIRE, TERRITORY} and len(edges) == 6
    assert "<title>stancegraph: who stands where</title>" in (tmp_path / "s.html").read_text()


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "matrix"])  # the matrix: test_matrix.py
def test_untrusted_evidence_stays_text(store, tmp_path, view):
    text = write_view(store, view, tmp_path / f"{view}.html").read_text(encoding="utf-8")
    data = "".join(re.search(rf"var {n} = (.*);\n", text).group(1) for n in ("nodeData", "edgeData"))
    assert "<" not in data and "onerror" in data  # only as escaped text


def test_only_hex_colours_and_positive_widths_reach_the_page():
    import networkx as nx
    from stancegraph.viz.html import network_data

    G = nx.Graph()
    G.add_node("a", kind="state", color="red;} body {display:none")
    G.add_node("b", kind="state", color=LONER_COLOR)
    G.add_edge("a", "b", sign=1, weight=0.25, width=-3)
    nodes, [edge] = network_data(G)
    assert [n["color"] for n in nodes] == [NODE_STYLES["state"].color, LONER_COLOR]
    assert edge["width"] == 1.5 and edge["weight"] == 0.25


# --- settings ------------------------------------------------------------------------------

def test_unknown_settings_are_refused(store):
    with pytest.raises(AnalysisError, match="unknown view 'nope'; use one of: stances, affiliation"):
        view_graph(store, "nope")
    with pytest.raises(AnalysisError, match="unknown normalization"):
        view_graph(store, "congruence", normalization="pearson")
    with pytest.raises(AnalysisError, match="normalization applies"):
        view_graph(store, "affiliation", normalization="jaccard")


def test_actor_kinds_can_be_overridden(store):
    G = view_graph(store, "congruence", actor_kinds={"trump": "group"})
    assert G.nodes[TR]["kind"] == "group" and G.nodes[UA]["kind"] == "state"


# --- the command ---------------------------------------------------------------------------

@pytest.fixture
def store_dir(tmp_path):
    codebook = load_codebook()
    with StanceStore.open(tmp_path / "store") as st:
        st.replace_documents(items(codebook), codebook)
    return tmp_path / "store"


def test_cli_draws_a_view(cli, store_dir, tmp_path):
    out = tmp_path / "maps" / "c.html"
    run = cli("viz", "--view", "congruence", "--normalization", "jaccard", "--store", store_dir, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip() == f"wrote {out}"
    _, edges = drawn(out)
    assert set(edges) == {pair(UA, ZE), pair(RU, TR)} and edges[pair(UA, ZE)]["weight"] == 0.5
    assert "<title>stancegraph: congruence network (jaccard)</title>" in out.read_text()


def test_cli_default_is_the_stance_map(cli, store_dir, tmp_path):
    out = tmp_path / "s.html"
    run = cli("viz", "--store", store_dir, "-o", out)
    assert run.exit_code == 0, run.stderr
    nodes, edges = drawn(out)
    assert CEASEFIRE in nodes and "<title>stancegraph: who stands where</title>" in out.read_text()
    # the documents beside it, each sentence of the map linked to its place in them
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["v-1.html", "v-2.html"]
    assert edges[pair(RU, CEASEFIRE)]["links"][0]["href"].startswith("docs/v-1.html#s-")


def test_cli_columns_layout_without_documents(cli, store_dir, tmp_path):
    out = tmp_path / "c.html"
    run = cli("viz", "--layout", "columns", "--no-documents", "--store", store_dir, "-o", out)
    assert run.exit_code == 0, run.stderr
    nodes, edges = drawn(out)
    assert {n["x"] for i, n in nodes.items() if i.startswith("actor:")} == {0.0}
    assert not (tmp_path / "docs").exists() and all("links" not in e for e in edges.values())


@pytest.mark.parametrize("args, message", [
    (["--view", "nope"], "unknown view 'nope'"),
    (["--view", "congruence", "-n", "pearson"], "unknown normalization 'pearson'"),
    (["--view", "affiliation", "-n", "jaccard"], "--normalization applies"),
    (["--layout", "grid"], "unknown layout 'grid'; use one of: map, columns"),
])
def test_cli_refuses_bad_settings(cli, store_dir, tmp_path, args, message):
    run = cli("viz", *args, "--store", store_dir, "-o", tmp_path / "x.html")
    assert run.exit_code == 2 and message in run.stderr
    assert not (tmp_path / "x.html").exists()


# --- in a real browser ---------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("view, counts", [("stances", ("6", "6")), ("affiliation", ("6", "6")),
                                          ("congruence", ("4", "2")), ("conflict", ("4", "3")),
                                          ("difference", ("4", "5"))])
def test_every_view_draws_in_chromium(chromium, store, tmp_path, view, counts):
    page = write_view(store, view, tmp_path / f"{view}.html", title="intact")
    dom = chromium(page, budget_ms=8000, until='id="sg-status"')
    assert "<title>intact</title>" in dom  # the payload in the evidence did not run
    status = re.search(r'<div id="sg-status"([^>]*)>', dom)
    assert status, "the network was never drawn"
    drawn_counts = dict(re.findall(r'data-(\w+)="([^"]*)"', status.group(1)))
    assert (drawn_counts["nodes"], drawn_counts["edges"]) == counts
    assert drawn_counts["resources"] == "0"
