"""A fast, deterministic layout for graphs too big for the browser's physics.

networkx's ``spring_layout`` needs about a minute for 5,000 nodes without scipy, and
vis-network's physics needs minutes in the page. This layout is near linear: a spring layout of
a few hundred *anchor* nodes (topics, or the best-connected nodes), then every other node on a
sunflower spiral around the mean position of the already placed neighbours it is reached from,
in breadth-first order. Parts of the graph no anchor reaches are packed in rows beside it.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Hashable

import networkx as nx

Pos = dict[Hashable, tuple[float, float]]

MAX_ANCHORS = 300
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def fast_layout(G: nx.Graph, *, anchor_kind: str = "topic", spacing: float = 30.0,
                seed: int = 0) -> Pos:
    """Positions (in pixels, about ``spacing`` apart) for every node of ``G``.

    Anchors are the nodes whose ``kind`` attribute is ``anchor_kind`` when there are at most
    ``MAX_ANCHORS`` of them, otherwise the best-connected nodes.

    >>> G = nx.star_graph(20)
    >>> G.nodes[0]["kind"] = "topic"
    >>> pos = fast_layout(G)
    >>> len(pos), pos[0]
    (21, (0.0, 0.0))
    """
    if len(G) == 0:
        return {}
    anchors = _anchors(G, anchor_kind)
    radius = spacing * math.sqrt(4 * len(G) / math.pi)
    pos = _place_anchors(G, anchors, radius, seed)
    pos.update(_grow(G, pos, spacing))
    rest = [n for n in G if n not in pos]
    if rest:
        pos.update(_pack_components(G.subgraph(rest), spacing, right_of=pos))
    return pos


def _neighbors(G: nx.Graph, node) -> set:
    if G.is_directed():
        return set(G.successors(node)) | set(G.predecessors(node))
    return set(G.neighbors(node))


def _anchors(G: nx.Graph, kind: str) -> list:
    chosen = [n for n, k in G.nodes(data="kind") if k == kind]
    if 0 < len(chosen) <= MAX_ANCHORS:
        return chosen
    count = min(MAX_ANCHORS, max(1, round(math.sqrt(len(G)))))
    by_degree = sorted(G.degree, key=lambda nd: (-nd[1], str(nd[0])))
    return [n for n, _ in by_degree[:count]]


def _place_anchors(G: nx.Graph, anchors: list, radius: float, seed: int) -> Pos:
    """Spring layout of the anchors, linked by direct edges and by shared neighbours."""
    if len(anchors) == 1:
        return {anchors[0]: (0.0, 0.0)}
    anchor_set = set(anchors)
    H = nx.Graph()
    H.add_nodes_from(anchors)
    for node in G:
        linked = sorted((n for n in _neighbors(G, node) if n in anchor_set), key=str)[:20]
        if node in anchor_set:
            pairs = ((node, other) for other in linked)
        else:
            pairs = combinations(linked, 2)
        for a, b in pairs:
            weight = H.edges[a, b]["weight"] + 1 if H.has_edge(a, b) else 1
            H.add_edge(a, b, weight=weight)
    raw = nx.spring_layout(H, seed=seed, weight="weight", iterations=100)
    return {n: (float(x) * radius, float(y) * radius) for n, (x, y) in raw.items()}


def _spiral(center: tuple[float, float], count: int, start: float, spacing: float,
            turn: float) -> list[tuple[float, float]]:
    """``count`` points on a sunflower spiral around ``center``, from radius ``start``."""
    cx, cy = center
    points = []
    for k in range(count):
        r = start + 0.6 * spacing * math.sqrt(k + 0.5)
        angle = turn + k * GOLDEN_ANGLE
        points.append((round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1)))
    return points


def _grow(G: nx.Graph, placed: Pos, spacing: float) -> Pos:
    """Breadth first from the placed nodes: each layer grouped by the placed neighbours
    it hangs from, each group on a spiral around their mean position."""
    pos = dict(placed)
    layer = list(placed)
    while layer:
        parents_of: dict = defaultdict(list)
        for node in layer:
            for nb in _neighbors(G, node):
                if nb not in pos:
                    parents_of[nb].append(node)
        by_parents: dict[tuple, list] = defaultdict(list)
        for child, parents in parents_of.items():
            by_parents[tuple(sorted(set(parents), key=str))].append(child)
        next_layer = []
        for parents, children in sorted(by_parents.items(), key=lambda kv: str(kv[0])):
            xs, ys = zip(*(pos[p] for p in parents))
            center = (sum(xs) / len(xs), sum(ys) / len(ys))
            start = 2 * spacing if len(parents) == 1 else 0.0
            turn = len(next_layer) * 0.7  # vary where spirals start, deterministically
            for child, point in zip(sorted(children, key=str),
                                    _spiral(center, len(children), start, spacing, turn)):
                pos[child] = point
            next_layer.extend(children)
        layer = next_layer
    return {n: p for n, p in pos.items() if n not in placed}


def _pack_components(G: nx.Graph, spacing: float, right_of: Pos) -> Pos:
    """Lay out each component around its best-connected node, then pack them in rows."""
    xs = [x for x, _ in right_of.values()] or [0.0]
    ys = [y for _, y in right_of.values()] or [0.0]
    left, top, row_width = max(xs) + 4 * spacing, min(ys), max(max(ys) - min(ys), 20 * spacing)
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    components = sorted(nx.connected_components(undirected),
                        key=lambda c: (-len(c), str(min(c, key=str))))
    pos: Pos = {}
    x, y, row_height = left, top, 0.0
    for nodes in components:
        sub = G.subgraph(nodes)
        hub = max(sorted(nodes, key=str), key=sub.degree)
        local = {hub: (0.0, 0.0)}
        local.update(_grow(sub, local, spacing))
        lx = [p[0] for p in local.values()]
        ly = [p[1] for p in local.values()]
        width, height = max(lx) - min(lx) + 2 * spacing, max(ly) - min(ly) + 2 * spacing
        if x > left and x + width > left + row_width:
            x, y, row_height = left, y + row_height, 0.0
        for node, (px, py) in local.items():
            pos[node] = (round(x + px - min(lx) + spacing, 1), round(y + py - min(ly) + spacing, 1))
        x += width
        row_height = max(row_height, height)
    return pos
