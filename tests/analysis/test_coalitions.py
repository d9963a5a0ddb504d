"""Coalitions (Louvain on the congruence network) and the polarisation of topics."""
from __future__ import annotations

import pytest
from stancegraph.analysis import (Position, coalition_of, coalitions, congruence_network, difference_network,
                                  label_coalitions, polarisation)
from stancegraph.errors import AnalysisError
from stancegraph.types import Polarity

S, O = Polarity.SUPPORT, Polarity.OPPOSE

# Two camps: a, b, c back t1 and t2 and reject t3; d and e the reverse; f speaks on t4 alone.
CAMPS = ([Position(a, t, S) for a in "abc" for t in ("t1", "t2")] + [Position(a, "t3", O) for a in "abc"]
         + [Position(a, t, O) for a in "de" for t in ("t1", "t2")] + [Position(a, "t3", S) for a in "de"]
         + [Position("f", "t4", S)])


def test_two_camps_are_two_coalitions_and_a_loner():
    groups = coalitions(CAMPS)
    assert groups == [["actor:a", "actor:b", "actor:c"], ["actor:d", "actor:e"], ["actor:f"]]
    assert coalitions(CAMPS) == groups  # the fixed seed repeats
    assert coalition_of(groups, "d") == 1 and coalition_of(groups, "zz") is None


def test_coalitions_label_the_network():
    G = congruence_network(CAMPS, normalization="jaccard")
    label_coalitions(G, coalitions(G))
    assert {n: G.nodes[n]["coalition"] for n in G} == {
        "actor:a": 0, "actor:b": 0, "actor:c": 0, "actor:d": 1, "actor:e": 1, "actor:f": 2}


def test_negative_weights_are_refused():
    with pytest.raises(AnalysisError, match="non-negative"):
        coalitions(difference_network(CAMPS))


def test_polarisation_by_hand():
    found = {p.topic: p for p in polarisation(CAMPS)}
    # t1: 3 supporters, 2 opponents -> 1 - 1/5; t4: one side only -> 0
    assert found["t1"].supporters == ("a", "b", "c") and found["t1"].opponents == ("d", "e")
    assert found["t1"].score == pytest.approx(0.8)
    assert found["t4"].score == 0.0
    even = polarisation([Position("a", "t", S), Position("b", "t", O)])[0]
    assert even.score == 1.0
    mixed = polarisation([Position("a", "t", S), Position("a", "t", O), Position("b", "t", O)])[0]
    assert (mixed.mixed, mixed.opponents, mixed.score) == (("a",), ("b",), 0.0)


def test_polarisation_on_the_store(toy_store):
    found = {p.topic: p for p in polarisation(toy_store)}
    assert set(found) == {"ceasefire", "territorial_concessions"}  # no candidate topics
    ceasefire = found["ceasefire"]
    assert (ceasefire.supporters, ceasefire.opponents, ceasefire.mixed) == (
        ("recep_tayyip_erdogan", "ukraine"), (), ("russia",))
    assert ceasefire.score == 0.0
    concessions = found["territorial_concessions"]
    assert concessions.label == "Territorial concessions by Ukraine"
    assert (concessions.supporters, concessions.opponents) == (("trump",), ("ukraine", "zelenskyy"))
    assert concessions.score == pytest.approx(2 / 3)
