"""A few robust facts of the seed articles, through the queries and the networks."""
from __future__ import annotations

import json

import pytest
from stancegraph.analysis import congruence_network, conflict_network, polarisation, positions
from stancegraph.codebook import load_codebook
from stancegraph.rdf.store import StanceStore

pytestmark = pytest.mark.model
CB = load_codebook()


@pytest.fixture(scope="module")
def seeds_positions(seeds_build):
    """The positions of the built seeds, read once (the store is closed again for commands)."""
    assert seeds_build.run.exit_code == 0, seeds_build.run.stderr
    with StanceStore.open(seeds_build.store) as store:
        return positions(store)


def test_russia_opposes_a_ceasefire(cli, seeds_build):
    run = cli("query", "topic-positions", "-p", "topic=ceasefire", "-f", "json", "--store", seeds_build.store)
    assert run.exit_code == 0, run.stderr
    assert ("Russia", "oppose") in {(r["actorLabel"], r["polarity"]) for r in json.loads(run.stdout)}


def test_ukraine_and_zelenskyy_agree_against_territorial_concessions(cli, seeds_build, seeds_positions):
    run = cli("query", "agreement-pairs", "-f", "json", "--store", seeds_build.store)
    pairs = {(r["topic"], r["polarity"], frozenset({r["actor1"], r["actor2"]})) for r in json.loads(run.stdout)}
    assert (CB.topics["territorial_concessions"].iri, "oppose",
            frozenset({CB.actors["ukraine"].iri, CB.actors["zelenskyy"].iri})) in pairs
    G = congruence_network(seeds_positions, normalization="jaccard")
    assert "territorial_concessions" in G.edges["actor:ukraine", "actor:zelenskyy"]["topics"]
    assert 0 < G.edges["actor:ukraine", "actor:zelenskyy"]["weight"] <= 1


def test_russia_conflicts_with_supporters_of_a_ceasefire(seeds_positions):
    G = conflict_network(seeds_positions)
    assert any("ceasefire" in G.edges["actor:russia", other]["topics"] for other in G["actor:russia"])
    scores = {p.topic: p.score for p in polarisation(seeds_positions)}
    assert all(0 <= s <= 1 for s in scores.values()) and "ceasefire" in scores
