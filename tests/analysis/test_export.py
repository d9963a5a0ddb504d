"""Exports: GraphML and GEXF read back with the same edges; CSV matrices in DNA's layout."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from stancegraph.analysis import (Position, Statement, actor_concept_matrix, adjacency_matrix, affiliation_network,
                                  congruence_network, matrix_csv_text, write_gexf, write_graphml)
from stancegraph.errors import AnalysisError
from stancegraph.types import Polarity

S, O = Polarity.SUPPORT, Polarity.OPPOSE
POSITIONS = [Position("a", "t", S, statements=2, actor_label="Alpha", topic_label="Truce"),
             Position("a", "t", O, actor_label="Alpha"),
             Position("a", "u", S, topic_label="Union"),
             Position("b", "t", S, actor_label="Beta"),
             Position("c", "u", O, actor_label="Gamma")]


@pytest.mark.parametrize("cells, expected", [
    ("subtract", "a:1,1|b:1,0|c:0,-1"),
    ("combine", "a:3,1|b:1,0|c:0,2"),
    ("sign", "a:0,1|b:1,0|c:0,-1"),
    ("support", "a:2,1|b:1,0|c:0,0"),
    ("oppose", "a:1,0|b:0,0|c:0,1"),
    ("ignore", "a:3,1|b:1,0|c:0,1"),
])
def test_actor_concept_matrix_cells(cells, expected):
    m = actor_concept_matrix(POSITIONS, cells=cells)
    assert m.rows == ["Alpha", "Beta", "Gamma"] and m.columns == ["Truce", "Union"]
    got = "|".join(f"{rid.split(':')[1]}:{','.join(map(str, row))}" for rid, row in zip(m.row_ids, m.values))
    assert got == expected


def test_matrix_csv_has_dna_layout():
    text = matrix_csv_text(actor_concept_matrix(POSITIONS))
    assert text == ",Truce,Union\nAlpha,1,1\nBeta,1,0\nGamma,0,-1\n"
    assert matrix_csv_text(actor_concept_matrix(POSITIONS), sep=";").splitlines()[0] == ";Truce;Union"
    with pytest.raises(AnalysisError, match="unknown cells"):
        actor_concept_matrix(POSITIONS, cells="mean")


def test_adjacency_matrix_of_a_one_mode_network():
    m = adjacency_matrix(congruence_network(POSITIONS, normalization="jaccard"))
    assert m.rows == m.columns == ["Alpha", "Beta", "Gamma"]
    # a {tS, tO, uS} (counts 2, 1, 1), b {tS}: congruence 2, jaccard (4-2) + (1-1) + 2 = 4
    assert m.values == [[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]]
    assert matrix_csv_text(m).splitlines()[1] == "Alpha,0,0.5,0"


def test_repeated_labels_are_told_apart():
    m = actor_concept_matrix([Position("x1", "t", S, actor_label="Same"), Position("x2", "t", O, actor_label="Same")])
    assert m.rows == ["Same (x1)", "Same (x2)"]


def test_graphml_and_gexf_read_back(tmp_path):
    G = affiliation_network([Statement("a", "t", S, 0.5, 'A said "<yes>" to t.', "d1", actor_label="Alpha")])
    write_graphml(G, tmp_path / "a.graphml")
    back = nx.read_graphml(tmp_path / "a.graphml", force_multigraph=True)
    edge = back.edges["actor:a", "topic:t", "support"]
    assert (edge["sign"], edge["weight"], edge["confidence"]) == (1, 1, 0.5)
    assert json.loads(edge["evidence"]) == [{"text": 'A said "<yes>" to t.', "doc_id": "d1", "confidence": 0.5}]
    assert back.nodes["actor:a"]["label"] == "Alpha"
    C = congruence_network(POSITIONS, normalization="cosine")
    write_gexf(C, tmp_path / "c.gexf")
    gexf = nx.read_gexf(tmp_path / "c.gexf")
    assert {gexf.nodes[n]["label"] for n in gexf} == {"Alpha", "Beta", "Gamma"}
    assert gexf.edges["actor:a", "actor:b"]["weight"] == pytest.approx(2 / (4 * 1))  # DNA's cosine: n_a * n_b
    assert back.nodes["actor:a"]["name"] == "Alpha"  # DNA's node attribute
    assert G.edges["actor:a", "topic:t", "support"]["evidence"][0]["doc_id"] == "d1"  # the original is untouched
