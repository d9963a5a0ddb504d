"""Network views of the stances, as in the Discourse Network Analyzer (DNA, Leifeld).

Nodes are ``"actor:<id>"`` and ``"topic:<id>"`` (``"candidate:<slug>"`` for unclassified
topics), as in :mod:`stancegraph.viz`, with ``label`` (written to GraphML also as ``name``,
DNA's attribute for it), ``kind`` (the actor's kind, or ``"topic"``) and ``type`` (``"actor"`` or ``"topic"``).

The numbers are DNA's: this module re-implements ``Exporter.computeOneModeMatrix`` and
``Exporter.computeTwoModeMatrix`` of DNA 3 (github leifeld/dna,
``dna/src/main/java/export/Exporter.java``) for a boolean qualifier (agreement = polarity),
after DNA's duplicate filter ``Exporter.filterStatements`` (:func:`~.data.drop_duplicates`).

**One-mode networks** (:func:`one_mode_network`). Let ``x[i, t, q]`` be how many of actor
``i``'s statements of polarity ``q`` on topic ``t`` the ``duplicates`` setting keeps. Then, by
DNA's qualifier aggregation,

* ``congruence``: ``c(i, j) = sum over t, q of x[i,t,q] * x[j,t,q]`` (same topic, same polarity);
* ``conflict``: ``f(i, j) = sum over t and q != r of x[i,t,q] * x[j,t,r]`` (opposite polarities);
* ``subtract``: ``c(i, j) - f(i, j)``, each normalised first (:func:`difference_network`);
* ``ignore`` (rDNA's default): ``sum over t of x[i,t,·] * x[j,t,·]``, the polarity ignored
  (with the polarity left out of the duplicate filter too): congruence plus conflict.

Each is divided by the normalisation of the pair (DNA's one-mode normalisations), where
``n_i = sum of x[i,·,·]`` (the actor's statements):

* ``no``: 1;
* ``average`` (average activity): ``(n_i + n_j) / 2``;
* ``jaccard``: ``m10 + m01 + m11`` where ``m10`` sums ``x[i,t,q]`` over cells where ``j`` has
  none, ``m01`` the reverse, and ``m11`` sums ``x[i,t,q] * x[j,t,q]`` over cells both used;
  with 0/1 counts this is the Jaccard coefficient ``|A ∩ B| / |A ∪ B|`` of their positions;
* ``cosine`` (DNA's "cosine"): ``n_i · n_j``, the product of the two statement counts;
* ``vector-cosine`` (not in DNA): ``‖x_i‖ · ‖x_j‖``, the Euclidean norms of the actors'
  (topic, polarity) count vectors, so congruence is the cosine similarity of the two vectors.
  The two agree when every count is 0 or 1 and each actor has one statement.

An edge is kept where the weight is not zero, as DNA writes them: a subtract edge whose
agreement and conflict cancel out is no edge, except in :func:`difference_network`, the map's
view, which keeps it with weight 0. The pairing runs in Python over one flat
query, never as a SPARQL self-join.

**Two-mode networks** (:func:`two_mode_network`): actors and topics, one undirected edge per
cell of DNA's actor × concept matrix that is not zero, weighted by the qualifier aggregation
``ignore`` (all statements), ``subtract`` (support minus oppose) or ``combine`` (1 support
only, 2 oppose only, 3 both). :func:`affiliation_network` is the richer picture the maps draw:
one directed edge per actor, topic and polarity, with its evidence.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from ..errors import AnalysisError
from ..types import Polarity
from .data import Position, Records, as_positions, as_statements, counted, to_positions

NORMALIZATIONS = ("no", "average", "jaccard", "cosine", "vector-cosine")
ONE_MODE_VIEWS = ("congruence", "conflict", "difference")
AGGREGATIONS = ("ignore", "congruence", "conflict", "subtract")  # DNA's one-mode qualifier aggregations
TWO_MODE_AGGREGATIONS = ("ignore", "subtract", "combine")
_VIEW_AGGREGATION = {"congruence": "congruence", "conflict": "conflict", "difference": "subtract",
                     "cooccurrence": "ignore"}


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


def two_mode_network(source: Records, *, aggregation: str = "ignore", duplicates: str = "include",
                     candidates: bool = False) -> nx.Graph:
    """rDNA's ``dna_network(networkType = "twomode")``: actors and topics, one undirected edge
    per actor-topic cell that is not zero, its ``weight`` by DNA's qualifier ``aggregation``:
    ``ignore`` (every statement), ``subtract`` (support minus oppose) or ``combine`` (1 support
    only, 2 oppose only, 3 both). Edges also carry ``support`` and ``oppose`` (statements
    kept by ``duplicates``); nodes ``bipartite`` (0 actors, 1 topics) and ``frequency``.

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> ps = [Position("a", "t", S), Position("a", "t", O), Position("b", "t", O)]
    >>> [(u, v, d["weight"]) for u, v, d in sorted(two_mode_network(ps).edges(data=True))]
    [('actor:a', 'topic:t', 2), ('actor:b', 'topic:t', 1)]
    >>> sorted(two_mode_network(ps, aggregation="combine").edges(data="weight"))
    [('actor:a', 'topic:t', 3), ('actor:b', 'topic:t', 2)]
    """
    if aggregation not in TWO_MODE_AGGREGATIONS:
        raise AnalysisError(f"unknown two-mode aggregation {aggregation!r}; "
                            f"use one of: {', '.join(TWO_MODE_AGGREGATIONS)}")
    kept = _keep(counted(source, duplicates, qualifier=aggregation != "ignore"), candidates)
    names = node_names(kept)
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    G = nx.Graph(view="affiliation", aggregation=aggregation, duplicates=duplicates)
    for mode in (0, 1):  # actors first: each edge reads actor -> topic
        for p in kept:
            node = topic_node(p.topic, p.candidate) if mode else actor_node(p.actor)
            if node not in G:
                G.add_node(node, type="topic" if mode else "actor", bipartite=mode, label=names[node][0],
                           kind="topic" if mode else names[node][1], frequency=0)
    for p in kept:
        a, t = actor_node(p.actor), topic_node(p.topic, p.candidate)
        G.nodes[a]["frequency"] += p.statements
        G.nodes[t]["frequency"] += p.statements
        cells[(a, t)][0 if p.polarity is Polarity.SUPPORT else 1] += p.statements
    for (a, t), (support, oppose) in sorted(cells.items()):
        weight = cell_value(aggregation, support, oppose)
        if weight:
            G.add_edge(a, t, weight=weight, support=support, oppose=oppose)
    return G


def cell_value(aggregation: str, support: int, oppose: int) -> int:
    """An actor-topic cell of DNA's two-mode matrix from its support and oppose counts."""
    if aggregation == "subtract":
        return support - oppose
    if aggregation == "combine":  # DNA's lexRank of (agreement 0 used, agreement 1 used)
        return (1 if support else 0) + (2 if oppose else 0)
    if aggregation == "sign":
        return 0 if (support and oppose) else (1 if support else (-1 if oppose else 0))
    if aggregation == "support":
        return support
    if aggregation == "oppose":
        return oppose
    return support + oppose


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
    """Congruence minus conflict, each normalised; weights may be negative. A pair whose
    agreement and conflict cancel out keeps an edge of weight 0, which maps draw as balanced;
    DNA's "subtract" drops it (``one_mode_network(aggregation="subtract")``).

    Edge attributes: ``weight`` (the difference), ``congruence``, ``conflict``, ``agree``
    and ``disagree`` (topic ids).
    """
    return _one_mode("difference", source, normalization, duplicates, candidates)


def cooccurrence_network(source: Records, *, normalization: str = "no", duplicates: str = "include",
                         candidates: bool = False) -> nx.Graph:
    """Actors linked by the topics both spoke on, whatever their polarity: DNA's aggregation
    "ignore", rDNA's default one-mode network. Edge attributes: ``weight``, ``count`` and
    ``topics``.

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> G = cooccurrence_network([Position("a", "t", S, statements=2), Position("b", "t", O)])
    >>> G.edges["actor:a", "actor:b"]["weight"]
    2.0
    """
    return _one_mode("cooccurrence", source, normalization, duplicates, candidates)


def one_mode_network(source: Records, *, aggregation: str = "ignore", normalization: str = "no",
                     duplicates: str = "include", candidates: bool = False) -> nx.Graph:
    """rDNA's ``dna_network(networkType = "onemode")`` over actors and topics: the network of
    DNA's qualifier ``aggregation`` (ignore, congruence, conflict or subtract; see the module doc).
    """
    views = {agg: view for view, agg in _VIEW_AGGREGATION.items()}
    if aggregation not in views:
        raise AnalysisError(f"unknown one-mode aggregation {aggregation!r}; use one of: {', '.join(AGGREGATIONS)}")
    return _one_mode(views[aggregation], source, normalization, duplicates, candidates, balanced=False)


def _one_mode(view: str, source: Records, normalization: str, duplicates: str, candidates: bool, *,
              balanced: bool = True) -> nx.Graph:
    """The one-mode ``view``; ``balanced`` keeps difference edges of weight 0 (not DNA's way)."""
    if normalization not in NORMALIZATIONS:
        raise AnalysisError(f"unknown normalization {normalization!r}; use one of: {', '.join(NORMALIZATIONS)}")
    aggregation = _VIEW_AGGREGATION[view]
    positions = _keep(counted(source, duplicates, qualifier=aggregation != "ignore"), candidates)
    x: dict[str, dict[tuple[str, Polarity], int]] = defaultdict(dict)
    for p in positions:
        x[p.actor][(p.topic, p.polarity)] = p.statements
    G = nx.Graph(view=view, aggregation=aggregation, normalization=normalization, duplicates=duplicates)
    names = node_names(positions)
    for p in positions:
        node = actor_node(p.actor)
        if node not in G:
            G.add_node(node, type="actor", label=names[node][0], kind=names[node][1],
                       statements=sum(x[p.actor].values()))
    for (i, j), pair in sorted(_pairs(x).items()):
        norm = _norm(normalization, x[i], x[j], pair)
        c, f = pair.congruence / norm, pair.conflict / norm
        u, v = actor_node(i), actor_node(j)
        if view == "congruence" and c:
            G.add_edge(u, v, weight=c, count=pair.congruence, topics=sorted(pair.agree))
        elif view == "conflict" and f:
            G.add_edge(u, v, weight=f, count=pair.conflict, topics=sorted(pair.disagree))
        elif view == "difference" and (c - f or (balanced and (c or f))):
            G.add_edge(u, v, weight=c - f, congruence=c, conflict=f,
                       agree=sorted(pair.agree), disagree=sorted(pair.disagree))
        elif view == "cooccurrence" and c + f:
            G.add_edge(u, v, weight=c + f, count=pair.congruence + pair.conflict,
                       topics=sorted(pair.agree | pair.disagree))
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
    if normalization == "cosine":  # DNA: sqrt(n_i^2) * sqrt(n_j^2)
        return float(ni * nj)
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
