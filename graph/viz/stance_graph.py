"""Stances -> a networkx graph of actors and topics, the data behind the stance map."""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from typing import Iterable

import networkx as nx

from stancegraph.types import Stance

log = logging.getLogger(__name__)

MAX_TOPICS_IN_TOOLTIP = 8


def actor_node(actor_id: str) -> str:
    return f"actor:{actor_id}"


def topic_node(topic: str) -> str:
    return f"topic:{topic}"


def stance_graph(stances: Iterable[Stance], *, actor_kinds: dict[str, str] | None = None
                 ) -> nx.MultiDiGraph:
    """Actors and topics as nodes, one edge per (actor, topic, polarity).

    An edge's ``weight`` is its number of distinct statements (document and character span),
    and ``evidence`` lists them as ``{"text", "doc_id", "confidence", "key"}`` (``key``: the
    stance's :attr:`~stancegraph.types.Stance.key`), most confident first.
    ``actor_kinds`` (actor id -> kind) overrides the kind the stances carry. Unclassified
    stances (``topic is None``) have no topic node and are left out.

    >>> from stancegraph.types import Polarity
    >>> s = Stance("d1", "EU", "eu", "organization", Polarity.SUPPORT, "ceasefire", "Ceasefire",
    ...            "The EU backed a truce.", 0, 22, 0.8, "test")
    >>> G = stance_graph([s, s])
    >>> sorted(G.nodes), G.edges["actor:eu", "topic:ceasefire", "support"]["weight"]
    (['actor:eu', 'topic:ceasefire'], 1)
    """
    statements: dict[tuple, dict[tuple, dict]] = defaultdict(dict)
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    topic_labels: dict[str, str] = {}
    skipped = 0
    for stance in stances:
        if stance.topic is None:
            skipped += 1
            continue
        names[stance.actor_id][stance.actor] += 1
        kinds[stance.actor_id][stance.actor_kind] += 1
        topic_labels.setdefault(stance.topic, stance.topic_label or stance.topic)
        edge = (stance.actor_id, stance.topic, stance.polarity.value)
        spot = (stance.doc_id, stance.start, stance.end)
        seen = statements[edge].get(spot)
        if seen is None or stance.confidence > seen["confidence"]:
            statements[edge][spot] = {"text": stance.evidence, "doc_id": stance.doc_id,
                                      "confidence": stance.confidence, "key": stance.key}
    if skipped:
        log.debug("stance map: left out %d unclassified stances", skipped)

    G = nx.MultiDiGraph()
    overrides = actor_kinds or {}
    for actor_id, counter in names.items():
        kind = overrides.get(actor_id) or kinds[actor_id].most_common(1)[0][0]
        G.add_node(actor_node(actor_id), label=counter.most_common(1)[0][0], kind=kind)
    for topic, label in topic_labels.items():
        G.add_node(topic_node(topic), label=label, kind="topic")
    for (actor_id, topic, polarity), by_spot in sorted(statements.items()):
        evidence = sorted(by_spot.values(), key=lambda e: (-e["confidence"], e["doc_id"]))
        G.add_edge(actor_node(actor_id), topic_node(topic), key=polarity, polarity=polarity,
                   weight=len(evidence), evidence=evidence)
    for node in G:
        G.nodes[node]["title"] = _node_summary(G, node)
    return G


def _node_summary(G: nx.MultiDiGraph, node: str) -> str:
    """Plain-text tooltip of a node: its name and kind, then the other side of its edges."""
    data = G.nodes[node]
    lines = [f"{data['label']} ({data['kind']})"]
    topic = data["kind"] == "topic"
    edges = G.in_edges(node, data=True) if topic else G.out_edges(node, data=True)
    by_polarity: dict[str, list[str]] = defaultdict(list)
    for u, v, attrs in edges:
        other = u if topic else v
        by_polarity[attrs["polarity"]].append(f"{G.nodes[other]['label']} ({attrs['weight']})")
    for polarity, verb in (("support", "supported by" if topic else "supports"),
                           ("oppose", "opposed by" if topic else "opposes")):
        items = sorted(by_polarity.get(polarity, []))
        if items:
            shown = ", ".join(items[:MAX_TOPICS_IN_TOOLTIP])
            more = len(items) - MAX_TOPICS_IN_TOOLTIP
            lines.append(f"{verb}: {shown}" + (f" and {more} more" if more > 0 else ""))
    return "\n".join(lines)
