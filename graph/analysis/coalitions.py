"""Coalitions (communities of the congruence network) and the polarisation of topics."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..errors import AnalysisError
from ..types import Polarity
from .data import Records, as_positions
from .networks import _keep, actor_node, congruence_network


def coalitions(network: nx.Graph | Records, *, resolution: float = 1.0, seed: int = 0,
               normalization: str = "jaccard") -> list[list[str]]:
    """Groups of actors who share positions: Louvain communities (``networkx``, fixed
    ``seed`` so runs repeat) of a congruence network, largest first, members sorted.

    ``network`` is an actor network with non-negative ``weight`` (a congruence network), or
    records to build one from with ``normalization``. Actors tied to nobody are coalitions
    of one.

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> ps = [Position(a, "t", S) for a in "ab"] + [Position(a, "t", O) for a in "cd"]
    >>> coalitions(ps)
    [['actor:a', 'actor:b'], ['actor:c', 'actor:d']]
    """
    G = network if isinstance(network, nx.Graph) else congruence_network(network, normalization=normalization)
    if any(w < 0 for _, _, w in G.edges(data="weight", default=1.0)):
        raise AnalysisError("coalitions need non-negative weights: use a congruence network, not a difference network")
    if G.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def label_coalitions(G: nx.Graph, groups: list[list[str]]) -> nx.Graph:
    """Set the node attribute ``coalition`` (0 for the largest group, ...) on ``G``; return it."""
    for number, members in enumerate(groups):
        for node in members:
            if node in G:
                G.nodes[node]["coalition"] = number
    return G


@dataclass(frozen=True)
class Polarisation:
    """How split the actors are on one topic.

    ``supporters`` and ``opponents`` are the actors whose statements on the topic are mostly
    support (resp. oppose); ``mixed`` those with as many of each. With ``S`` and ``O`` their
    numbers, ``score = 1 - |S - O| / (S + O)``: 0 when every actor with a side is on the same
    side (consensus), 1 when the sides are equally large; 0 when no actor has a side.
    """

    topic: str
    label: str
    supporters: tuple[str, ...]
    opponents: tuple[str, ...]
    mixed: tuple[str, ...]
    score: float


def polarisation(source: Records, *, duplicates: str = "include", candidates: bool = False) -> list[Polarisation]:
    """The :class:`Polarisation` of every topic, most polarised first (then by topic id).

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> ps = [Position("a", "t", S), Position("b", "t", O), Position("c", "t", S, statements=2),
    ...       Position("c", "t", O), Position("a", "u", S)]
    >>> [(p.topic, p.supporters, p.opponents, round(p.score, 3)) for p in polarisation(ps)]
    [('t', ('a', 'c'), ('b',), 0.667), ('u', ('a',), (), 0.0)]
    """
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    labels: dict[str, str] = {}
    for p in _keep(as_positions(source), candidates):
        counts[p.topic][p.actor][0 if p.polarity is Polarity.SUPPORT else 1] += p.count(duplicates)
        labels.setdefault(p.topic, p.topic_label or p.topic)
    out = []
    for topic, actors in counts.items():
        sup = tuple(sorted(a for a, (s, o) in actors.items() if s > o))
        opp = tuple(sorted(a for a, (s, o) in actors.items() if o > s))
        mixed = tuple(sorted(a for a, (s, o) in actors.items() if s == o))
        sides = len(sup) + len(opp)
        score = 1 - abs(len(sup) - len(opp)) / sides if sides else 0.0
        out.append(Polarisation(topic, labels[topic], sup, opp, mixed, score))
    return sorted(out, key=lambda p: (-p.score, p.topic))


def coalition_of(groups: list[list[str]], actor: str) -> int | None:
    """The index of the coalition ``actor`` (an id, or an ``actor:`` node) belongs to."""
    node = actor if actor.startswith("actor:") else actor_node(actor)
    return next((i for i, members in enumerate(groups) if node in members), None)
