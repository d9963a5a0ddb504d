"""Network views of the stances, as in the Discourse Network Analyzer (DNA, Leifeld).

Nodes are ``"actor:<id>"`` and ``"topic:<id>"`` (``"candidate:<slug>"`` for unclassified
topics), as in :mod:`stancegraph.viz`, with ``label``, ``kind`` (the actor's kind, or
``"topic"``) and ``type`` (``"actor"`` or ``"topic"``) attributes.

**One-mode networks.** Let ``x[i, t, q]`` be how often actor ``i`` took polarity ``q`` on
topic ``t`` (statements, documents or 0/1, by the ``duplicates`` setting, as DNA's). Then

* congruence ``c(i, j) = sum over t, q of x[i,t,q] * x[j,t,q]`` (same topic, same polarity);
* conflict ``f(i, j) = sum over t and q != r of x[i,t,q] * x[j,t,r]`` (opposite polarities);
* difference ``c(i, j) - f(i, j)``, each normalised first (DNA's "subtract").

Each is divided by the normalisation of the pair (DNA's one-mode normalisations), where
``n_i = sum of x[i,·,·]``:

* ``no``: 1;
* ``average`` (average activity): ``(n_i + n_j) / 2``;
* ``jaccard``: ``m10 + m01 + m11`` where ``m10`` sums ``x[i,t,q]`` over cells where ``j`` has
  none, ``m01`` the reverse, and ``m11`` sums ``x[i,t,q] * x[j,t,q]`` over cells both used;
  with 0/1 counts this is the Jaccard coefficient ``|A ∩ B| / |A ∪ B|`` of their positions;
* ``cosine``: ``‖x_i‖ · ‖x_j‖``, the Euclidean norms of the actors' (topic, polarity) count
  vectors, so congruence is the cosine similarity of the two vectors. (DNA's code divides by
  ``n_i · n_j`` instead; the two agree only when each actor has one statement.)

Edges are kept where the value is not zero (for the difference: where either part is not).
The pairing runs in Python over one flat query, never as a SPARQL self-join.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from ..errors import AnalysisError
from ..types import Polarity
from .data import Position, Records, as_positions, as_statements, to_positions

NORMALIZATIONS = ("no", "average", "jaccard", "cosine")
ONE_MODE_VIEWS = ("congruence", "conflict", "difference")


def actor_node(actor: str) -> str:
    return f"actor:{actor}"


def topic_node(topic: str, candidate: bool = False) -> str:
    return f"{'candidate' if candidate else 'topic'}:{topic}"


# --- two-mode ------------------------------------------------------------------------------

def affiliation_network(source: Records, *, candidates: bool = False) -> nx.MultiDiGraph:
    """Actors and topics, one edge ``actor -> topic`` per polarity (the key), signed.

    Edge attributes: ``polarity``, ``sign`` (+1 support, -1 oppose), ``weight`` (number of
    statements), ``documents``, ``confidence`` (summed) and ``evidence`` (a list of
    ``{"text", "doc_id", "confidence"}``, most confident first; empty when ``source`` holds
    positions). Nodes carry ``bipartite`` (0 actors, 1 topics).

    >>> from stancegraph.analysis.data import Statement
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> G = affiliation_network([Statement("a", "t", S, 0.5, "A backs t.", "d1"),
    ...                          Statement("a", "t", S, 0.25, "A backs t again.", "d2"),
    ...                          Statement("b", "t", O, 1.0, "B rejects t.", "d1")])
    >>> sorted((u, v, k, d["sign"], d["weight"], d["confidence"]) for u, v, k, d in G.edges(keys=True, data=True))
    [('actor:a', 'topic:t', 'support', 1, 2, 0.75), ('actor:b', 'topic:t', 'oppose', -1, 1, 1.0)]
    """
    stmts = as_statements(source)
    positions = to_positions(stmts) if stmts is not None else as_positions(source)
    evidence: dict[tuple, list[dict]] = defaultdict(list)
    for s in stmts or ():
        evidence[(s.actor, s.topic, s.polarity)].append(
            {"text": s.evidence, "doc_id": s.doc, "confidence": s.confidence})
    G = nx.MultiDiGraph(view="affiliation")
    kept = _keep(positions, candidates)
    names = node_names(kept)
    for p in kept:
        a, t = actor_node(p.actor), topic_node(p.topic, p.candidate)
        if a not in G:
            G.add_node(a, type="actor", bipartite=0, label=names[a][0], kind=names[a][1])
        if t not in G:
            G.add_node(t, type="topic", bipartite=1, label=names[t][0], kind="topic", candidate=p.candidate)
        ev = sorted(evidence.get((p.actor, p.topic, p.polarity), ()),
                    key=lambda e: (-e["confidence"], e["doc_id"], e["text"]))
        G.add_edge(a, t, key=p.polarity.value, polarity=p.polarity.value,
                   sign=1 if p.polarity is Polarity.SUPPORT else -1, weight=p.statements,
                   documents=p.documents, confidence=round(p.confidence, 6), evidence=ev)
    return G


# --- one-mode ------------------------------------------------------------------------------

@dataclass
class _Pair:
    congruence: float = 0.0
    conflict: float = 0.0
    shared_i: float = 0.0  # x[i] summed over cells both actors use (Jaccard's m11 cells)
    shared_j: float = 0.0
    agree: set = field(default_factory=set)
    disagree: set = field(default_factory=set)


def congruence_network(source: Records, *, normalization: str = "no", duplicates: str = "include",
                       candidates: bool = False) -> nx.Graph:
    """Actors linked by shared positions (same topic, same polarity); see the module doc.

    Edge attributes: ``weight`` (normalised), ``count`` (before normalisation) and ``topics``
    (the topic ids they agree on).

    >>> from stancegraph.analysis.data import Position
    >>> S = Polarity.SUPPORT
    >>> ps = [Position("a", "t1", S), Position("a", "t2", S), Position("b", "t1", S)]
    >>> G = congruence_network(ps, normalization="jaccard")
    >>> G.edges["actor:a", "actor:b"]["weight"], G.edges["actor:a", "actor:b"]["topics"]
    (0.5, ['t1'])
    """
    return _one_mode("congruence", source, normalization, duplicates, candidates)


def conflict_network(source: Records, *, normalization: str = "no", duplicates: str = "include",
                     candidates: bool = False) -> nx.Graph:
    """Actors linked by opposite positions on the same topic; see the module doc.

    Edge attributes: ``weight`` (normalised), ``count`` and ``topics`` (the topic ids they
    disagree on).

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> G = conflict_network([Position("a", "t", S, statements=2), Position("b", "t", O)])
    >>> G.edges["actor:a", "actor:b"]["weight"]
    2.0
    """
    return _one_mode("conflict", source, normalization, duplicates, candidates)


def difference_network(source: Records, *, normalization: str = "no", duplicates: str = "include",
                       candidates: bool = False) -> nx.Graph:
    """Congruence minus conflict, each normalised (DNA's "subtract"); weights may be negative.

    Edge attributes: ``weight`` (the difference), ``congruence``, ``conflict``, ``agree``
    and ``disagree`` (topic ids).
    """
    return _one_mode("difference", source, normalization, duplicates, candidates)


def _one_mode(view: str, source: Records, normalization: str, duplicates: str, candidates: bool) -> nx.Graph:
    if normalization not in NORMALIZATIONS:
        raise AnalysisError(f"unknown normalization {normalization!r}; use one of: {', '.join(NORMALIZATIONS)}")
    positions = _keep(as_positions(source), candidates)
    x: dict[str, dict[tuple[str, Polarity], int]] = defaultdict(dict)
    for p in positions:
        x[p.actor][(p.topic, p.polarity)] = p.count(duplicates)
    G = nx.Graph(view=view, normalization=normalization, duplicates=duplicates)
    names = node_names(positions)
    for p in positions:
        node = actor_node(p.actor)
        if node not in G:
            G.add_node(node, type="actor", label=names[node][0], kind=names[node][1],
                       statements=sum(x[p.actor].values()))
    for (i, j), pair in sorted(_pairs(x).items()):
        norm = _norm(normalization, x[i], x[j], pair)
        c, f = pair.congruence / norm, pair.conflict / norm
        if view == "congruence" and pair.congruence:
            G.add_edge(actor_node(i), actor_node(j), weight=c, count=pair.congruence, topics=sorted(pair.agree))
        elif view == "conflict" and pair.conflict:
            G.add_edge(actor_node(i), actor_node(j), weight=f, count=pair.conflict, topics=sorted(pair.disagree))
        elif view == "difference" and (pair.congruence or pair.conflict):
            G.add_edge(actor_node(i), actor_node(j), weight=c - f, congruence=c, conflict=f,
                       agree=sorted(pair.agree), disagree=sorted(pair.disagree))
    return G


def _pairs(x: dict[str, dict[tuple[str, Polarity], int]]) -> dict[tuple[str, str], _Pair]:
    """Congruence and conflict counts of every pair of actors who spoke on a common topic."""
    by_topic: dict[str, dict[str, dict[Polarity, int]]] = defaultdict(lambda: defaultdict(dict))
    for actor, cells in x.items():
        for (topic, polarity), n in cells.items():
            if n:
                by_topic[topic][actor][polarity] = n
    pairs: dict[tuple[str, str], _Pair] = defaultdict(_Pair)
    for topic, actors in by_topic.items():
        for (i, xi), (j, xj) in combinations(sorted(actors.items()), 2):
            pair = pairs[(i, j)]
            for q, ni in xi.items():
                for r, nj in xj.items():
                    if q is r:
                        pair.congruence += ni * nj
                        pair.shared_i += ni
                        pair.shared_j += nj
                        pair.agree.add(topic)
                    else:
                        pair.conflict += ni * nj
                        pair.disagree.add(topic)
    return pairs


def _norm(normalization: str, xi: dict, xj: dict, pair: _Pair) -> float:
    if normalization == "no":
        return 1.0
    ni, nj = sum(xi.values()), sum(xj.values())
    if normalization == "average":
        return (ni + nj) / 2
    if normalization == "jaccard":
        return (ni - pair.shared_i) + (nj - pair.shared_j) + pair.congruence
    return math.sqrt(sum(v * v for v in xi.values())) * math.sqrt(sum(v * v for v in xj.values()))


def node_names(positions: list[Position]) -> dict[str, tuple[str, str]]:
    """Node id -> (label, kind): the first label and kind any position gives, else the id."""
    names: dict[str, tuple[str, str]] = {}
    for p in positions:
        for node, label, kind in ((actor_node(p.actor), p.actor_label, p.actor_kind),
                                  (topic_node(p.topic, p.candidate), p.topic_label, "topic")):
            old_label, old_kind = names.get(node, ("", ""))
            names[node] = (old_label or label, old_kind or kind)
    return {node: (label or node.split(":", 1)[1], kind or "actor") for node, (label, kind) in names.items()}


def _keep(positions: list[Position], candidates: bool) -> list[Position]:
    return [p for p in positions if candidates or not p.candidate]


# --- pairs as rows (the agreement-pairs and conflict-pairs queries, paired in Python) -------

def agreement_pairs(source: Records, *, candidates: bool = True) -> list[tuple[str, str, str, str]]:
    """``(topic, polarity, actor1, actor2)`` for every two actors with the same polarity on a
    topic, ``actor1 < actor2``, sorted: the rows of the ``agreement-pairs`` query, by id.

    >>> from stancegraph.analysis.data import Position
    >>> S = Polarity.SUPPORT
    >>> agreement_pairs([Position("b", "t", S), Position("a", "t", S)])
    [('t', 'support', 'a', 'b')]
    """
    return _pair_rows(source, candidates, same=True)


def conflict_pairs(source: Records, *, candidates: bool = True) -> list[tuple[str, str, str, str, str]]:
    """``(topic, actor1, polarity1, actor2, polarity2)`` for every two actors with opposite
    polarities on a topic, ``actor1 < actor2``, sorted: the rows of ``conflict-pairs``, by id."""
    return _pair_rows(source, candidates, same=False)


def _pair_rows(source: Records, candidates: bool, *, same: bool) -> list[tuple]:
    by_topic: dict[str, dict[str, set[Polarity]]] = defaultdict(lambda: defaultdict(set))
    for p in _keep(as_positions(source), candidates):
        by_topic[p.topic][p.actor].add(p.polarity)
    rows = set()
    for topic, actors in by_topic.items():
        for (i, qi), (j, qj) in combinations(sorted(actors.items()), 2):
            for q in qi:
                for r in qj:
                    if same and q is r:
                        rows.add((topic, q.value, i, j))
                    elif not same and q is not r:
                        rows.add((topic, i, q.value, j, r.value))
    return sorted(rows)
