"""Stances -> actor/topic graph: aggregation, kinds, labels, node summaries."""
from __future__ import annotations

from stancegraph.types import Polarity, Stance
from stancegraph.viz.stance_graph import stance_graph

S, O = Polarity.SUPPORT, Polarity.OPPOSE


def stance(actor_id="eu", polarity=S, topic="ceasefire", *, doc="d1", start=0, conf=0.8,
           actor="European Union", kind="organization", evidence="The EU backed a truce.",
           topic_label=None) -> Stance:
    return Stance(doc, actor, actor_id, kind, polarity, topic,
                  topic_label or (topic or "").title(), evidence, start, start + len(evidence),
                  conf, "test")


def test_one_edge_per_actor_topic_polarity():
    G = stance_graph([
        stance(doc="d1"), stance(doc="d2"), stance(doc="d3", polarity=O),
        stance(topic="sanctions"), stance("hamas", O, kind="group", actor="Hamas"),
    ])
    assert sorted(G.nodes) == ["actor:eu", "actor:hamas", "topic:ceasefire", "topic:sanctions"]
    assert sorted(G.edges(keys=True)) == [
        ("actor:eu", "topic:ceasefire", "oppose"), ("actor:eu", "topic:ceasefire", "support"),
        ("actor:eu", "topic:sanctions", "support"), ("actor:hamas", "topic:ceasefire", "oppose"),
    ]
    edge = G.edges["actor:eu", "topic:ceasefire", "support"]
    assert edge["weight"] == 2 and edge["polarity"] == "support"
    assert [e["doc_id"] for e in edge["evidence"]] == ["d1", "d2"]


def test_same_statement_twice_counts_once_with_best_confidence():
    G = stance_graph([stance(conf=0.5), stance(conf=0.9), stance(start=40, conf=0.7)])
    edge = G.edges["actor:eu", "topic:ceasefire", "support"]
    assert edge["weight"] == 2
    assert [e["confidence"] for e in edge["evidence"]] == [0.9, 0.7]  # most confident first


def test_unclassified_stances_are_left_out():
    G = stance_graph([stance(topic=None, topic_label="a new plan"), stance()])
    assert sorted(G.nodes) == ["actor:eu", "topic:ceasefire"]


def test_labels_kinds_and_overrides():
    G = stance_graph(
        [stance(actor="EU"), stance(actor="European Union", doc="d2"),
         stance(actor="European Union", doc="d3"), stance("x", actor="X", kind="person")],
        actor_kinds={"x": "state"},
    )
    assert G.nodes["actor:eu"]["label"] == "European Union"  # the most frequent name
    assert G.nodes["actor:eu"]["kind"] == "organization"
    assert G.nodes["actor:x"]["kind"] == "state"
    assert G.nodes["topic:ceasefire"] == {
        "label": "Ceasefire", "kind": "topic",
        "title": "Ceasefire (topic)\nsupported by: European Union (3), X (1)"}
    assert G.nodes["actor:eu"]["title"] == "European Union (organization)\nsupports: Ceasefire (3)"
