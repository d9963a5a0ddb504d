"""fast_layout: every node placed, apart from the others, the same every run, and fast."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import networkx as nx

from stancegraph.viz.layout import fast_layout


def bipartite_map(actors: int, topics: int) -> nx.Graph:
    G = nx.Graph()
    G.add_nodes_from((f"t{t}" for t in range(topics)), kind="topic")
    for a in range(actors):
        G.add_node(f"a{a}", kind="person")
        for t in {a % topics, (a * 7) % topics}:
            G.add_edge(f"a{a}", f"t{t}")
    return G


def test_every_node_gets_its_own_position():
    G = bipartite_map(300, 12)
    G.add_edges_from([("x1", "x2"), ("x2", "x3"), ("y1", "y2")])  # unreached by any topic
    G.add_node("lonely")
    pos = fast_layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == len(G)
    assert all(isinstance(c, float) for xy in pos.values() for c in xy)


def test_topics_are_the_anchors_and_actors_sit_around_them():
    G = bipartite_map(50, 5)
    pos = fast_layout(G, spacing=30)
    for a in range(0, 50, 5):  # actors of one topic only: near it
        (t,) = G[f"a{a}"]
        (ax, ay), (tx, ty) = pos[f"a{a}"], pos[t]
        assert ((ax - tx) ** 2 + (ay - ty) ** 2) ** 0.5 < 200


def test_same_layout_whatever_the_hash_seed():
    code = ("from tests.viz.test_layout import bipartite_map; "
            "from stancegraph.viz.layout import fast_layout; "
            "print(sorted(fast_layout(bipartite_map(200, 9)).items()))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": seed},
                           cwd=Path(__file__).parents[2]).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1


def test_five_thousand_nodes_in_seconds():
    G = bipartite_map(4900, 100)
    start = time.perf_counter()
    pos = fast_layout(G)
    assert len(pos) == 5000
    assert time.perf_counter() - start < 10  # about 0.4 s here; spring_layout takes ~60 s


def test_graphs_without_kinds_use_the_best_connected_nodes():
    G = nx.barabasi_albert_graph(400, 2, seed=3)
    assert set(fast_layout(G)) == set(G)
    assert fast_layout(nx.Graph()) == {}
