"""Maps that read at a glance, checked on what Chromium draws: the positions vis-network reports
(``network.getPositions()``) and each node's shape and label box. No label covers a node or
another label, and the same data gives the same positions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancegraph.viz.views import write_view

pytestmark = pytest.mark.browser

GEOMETRY = """JSON.stringify((() => {
  const sg = window.stancegraph, out = {};
  for (const id of sg.nodes.getIds()) {
    const n = sg.network.body.nodes[id], l = n.labelModule.size;
    out[id] = {x: n.x, y: n.y, shape: n.options.shape, w: n.shape.width, h: n.shape.height,
               size: n.options.size, label: [l.left, l.top, l.left + l.width, l.top + l.height],
               text: n.options.label};
  }
  return out;
})())"""
DRAWN = "document.getElementById('sg-status') !== null"


def drawn_geometry(browser, page: Path) -> dict:
    browser.goto(page.resolve().as_uri())
    browser.wait(DRAWN)
    return json.loads(browser.eval(GEOMETRY))


def shape_box(node: dict) -> tuple[float, float, float, float]:
    x, y = node["x"], node["y"]
    if node["shape"] == "box":
        return x - node["w"] / 2, y - node["h"] / 2, x + node["w"] / 2, y + node["h"] / 2
    s = node["size"]
    return x - s, y - s, x + s, y + s


def meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def collisions(geometry: dict) -> list[str]:
    """Every label over another node's shape or label, and every two shapes that overlap."""
    found = []
    ids = sorted(geometry)
    for a in ids:
        for b in ids:
            if a == b:
                continue
            A, B = geometry[a], geometry[b]
            if meet(A["label"], shape_box(B)):
                found.append(f"label of {a} covers node {b}")
            if a < b and meet(A["label"], B["label"]):
                found.append(f"labels of {a} and {b} overlap")
            if a < b and meet(shape_box(A), shape_box(B)):
                found.append(f"nodes {a} and {b} overlap")
    return found


@pytest.mark.model
@pytest.mark.parametrize("view, layout", [("stances", "map"), ("stances", "columns"), ("affiliation", "map"),
                                          ("congruence", "map"), ("conflict", "map"), ("difference", "map")])
def test_no_label_covers_a_node_or_a_label_at_seed_scale(browser, seeds_build, tmp_path, view, layout):
    from stancegraph.rdf.store import StanceStore

    with StanceStore.read_only(seeds_build.store) as store:
        page = write_view(store, view, tmp_path / f"{view}.html", layout=layout)
    geometry = drawn_geometry(browser, page)
    # seed scale: a few dozen actors and topics; the one-mode views draw actors only (about ten)
    assert len(geometry) >= (10 if view in ("stances", "affiliation") else 6)
    assert collisions(geometry) == []


@pytest.mark.model
def test_two_builds_of_the_seeds_draw_the_same_positions(browser, cli, seeds_build, tmp_path):
    from conftest import SEEDS
    from stancegraph.rdf.store import StanceStore

    again = cli("build", SEEDS, "--out", tmp_path / "again")
    assert again.exit_code == 0, again.stderr
    positions = []
    for n, store_dir in enumerate((seeds_build.store, tmp_path / "again" / "store")):
        with StanceStore.read_only(store_dir) as store:
            page = write_view(store, "stances", tmp_path / f"map{n}.html")
        browser.goto(page.resolve().as_uri())
        browser.wait(DRAWN)
        positions.append(json.loads(browser.eval("JSON.stringify(window.stancegraph.network.getPositions())")))
    assert len(positions[0]) >= 10
    assert positions[0] == positions[1]
    # and the stance map the build itself wrote is the same picture
    assert (seeds_build.out / "stances.html").read_text() == (tmp_path / "again" / "stances.html").read_text()


def test_columns_put_actors_left_and_topics_right(browser, toy_store, tmp_path):
    page = write_view(toy_store, "stances", tmp_path / "columns.html", layout="columns")
    geometry = drawn_geometry(browser, page)
    actors = [g for n, g in geometry.items() if n.startswith("actor:")]
    topics = [g for n, g in geometry.items() if n.startswith("topic:")]
    assert len({g["x"] for g in actors}) == 1 and len({g["x"] for g in topics}) == 1
    assert actors[0]["x"] < topics[0]["x"]
    assert collisions(geometry) == []


def test_toy_map_has_no_collisions_and_clicking_an_edge_links_its_documents(browser, toy_store, tmp_path):
    page = write_view(toy_store, "stances", tmp_path / "map.html", documents=tmp_path / "docs")
    geometry = drawn_geometry(browser, page)
    assert collisions(geometry) == []
    # the click panel of the Russia - ceasefire (oppose) edge: its sentence, linked into its document
    links = json.loads(browser.eval("""JSON.stringify((() => {
      const sg = window.stancegraph;
      const edge = sg.edges.get().filter(e => e.from === "actor:russia" && e.sign === -1)[0];
      sg.showPanel("x", sg.linksOf([edge.id]));
      return Array.from(document.querySelectorAll("#sg-panel-list a")).map(a => [a.getAttribute("href"), a.textContent]);
    })())"""))
    assert len(links) == 1
    href, text = links[0]
    assert text == "“Russia rejected the ceasefire.”"
    assert href.startswith("docs/toy-1.html#s-")
    assert (tmp_path / "docs" / "toy-1.html").is_file()
    assert f'id="{href.split("#")[1]}"' in (tmp_path / "docs" / "toy-1.html").read_text(encoding="utf-8")


def test_the_collision_check_sees_a_label_over_a_node(browser, tmp_path):
    """Control: nodes placed by hand on top of each other are reported."""
    import networkx as nx
    from stancegraph.viz.html import write_network_html

    G = nx.Graph()
    G.add_node("a", label="A long label over its neighbour", kind="person", x=0, y=0)
    G.add_node("b", label="B", kind="topic", x=30, y=30)
    G.add_edge("a", "b", sign=1)
    geometry = drawn_geometry(browser, write_network_html(G, tmp_path / "crowded.html"))
    assert "label of a covers node b" in collisions(geometry)


def test_hostile_evidence_stays_text_in_the_click_panel(browser, tmp_path):
    from stancegraph.viz.document import file_links
    from stancegraph.viz.html import write_stance_map

    from .test_html import IMG, hostile_stances

    page = write_stance_map(hostile_stances(), tmp_path / "map.html", title="intact", doc_links=file_links())
    browser.goto(page.resolve().as_uri())
    browser.wait(DRAWN)
    seen = json.loads(browser.eval("""JSON.stringify((() => {
      const sg = window.stancegraph;
      sg.showPanel("all", sg.linksOf(sg.edges.getIds()));
      const panel = document.getElementById("sg-panel");
      return {texts: Array.from(panel.querySelectorAll("a")).map(a => a.textContent),
              hrefs: Array.from(panel.querySelectorAll("a")).map(a => a.getAttribute("href")),
              elements: panel.querySelectorAll("img, script, b").length, hidden: panel.hidden,
              title: document.title};
    })())"""))
    assert not seen["hidden"] and seen["elements"] == 0 and seen["title"] == "intact"
    assert any(IMG in text for text in seen["texts"])
    assert all(href.startswith("docs/") for href in seen["hrefs"])
