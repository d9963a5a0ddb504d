"""Deterministic positions for maps of up to a few hundred nodes, with no label over a node or
another label.

vis-network draws a topic (a ``box``) with its label inside, and the other shapes with the label
centred below them. :func:`node_box` estimates the rectangle a node and its label cover (from
the label's length, generously, since the browser's font is not known here);
:func:`label_layout` starts from a seeded spring layout and pushes the rectangles apart until
none overlaps; :func:`column_layout` puts actors in a left column and topics in a right one,
actors ordered by the mean row of their topics, which keeps edges from crossing where it can.
Both depend only on the graph's nodes, edges and labels, never on their order in ``G`` or on the
hash seed: the same data gives the same picture.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Hashable

import networkx as nx

Pos = dict[Hashable, tuple[float, float]]

FONT_PX = 14          # nodes.font.size in the page's options
CHAR_PX = 0.62 * FONT_PX  # wide enough for DejaVu Sans, the widest of the usual fallbacks
LABEL_GAP = 12        # between a shape and the label below it (vis-network draws it 11 px below)
BOX_MARGIN = 5        # vis-network's default margin inside a box
PADDING = 12          # kept free between any two rectangles
LAYOUTS = ("map", "columns")
SPREAD = 6            # the drawing's area over the boxes' area
ASPECT = 1.1          # sqrt of the drawing's width over its height


@dataclass(frozen=True)
class Box:
    """The rectangle a node and its label cover, as offsets from the node's position."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


def label_size(label: str) -> tuple[float, float]:
    """Estimated width and height in pixels of a label (one line per ``\\n``).

    >>> label_size("Ceasefire")
    (78.1, 14)
    """
    lines = str(label).split("\n") or [""]
    return round(max(len(line) for line in lines) * CHAR_PX, 1), FONT_PX * len(lines)


def node_box(shape: str, size: float, label: str) -> Box:
    """The area covered by a node of ``shape`` and ``size`` with ``label``, around (0, 0).

    >>> node_box("box", 10, "Ceasefire")
    Box(left=-44.05, top=-12.0, right=44.05, bottom=12.0)
    >>> node_box("dot", 10, "EU")
    Box(left=-10.0, top=-10.0, right=10.0, bottom=36.0)
    """
    width, height = label_size(label)
    if shape in ("box", "ellipse", "circle", "database", "text"):
        half_w, half_h = width / 2 + BOX_MARGIN, height / 2 + BOX_MARGIN
        return Box(-half_w, -half_h, half_w, half_h)
    half_w, size = max(float(size), width / 2), float(size)
    return Box(-half_w, -size, half_w, size + LABEL_GAP + height)


def _order(G: nx.Graph) -> list:
    return sorted(G, key=str)


def _simple(G: nx.Graph) -> nx.Graph:
    """An undirected simple graph of ``G`` with nodes and edges in a fixed order."""
    H = nx.Graph()
    H.add_nodes_from(_order(G))
    weights: dict[tuple, float] = {}
    for u, v, w in G.edges(data="weight", default=1):
        if u == v:
            continue
        pair = tuple(sorted((u, v), key=str))
        weights[pair] = weights.get(pair, 0) + abs(float(w or 1))
    H.add_weighted_edges_from((u, v, 1 + math.log1p(w)) for (u, v), w in sorted(weights.items(), key=str))
    return H


def label_layout(G: nx.Graph, boxes: dict, *, seed: int = 0, max_rounds: int = 400) -> Pos:
    """Positions for ``G`` where no two ``boxes`` (node -> :class:`Box`) overlap.

    Each connected part is laid out on its own: a spring layout (fixed ``seed``) scaled so that
    its boxes take about 1/:data:`SPREAD` of its area, then overlaps removed by pushing pairs
    apart. The parts are then packed in rows, biggest first.
    """
    if len(G) == 0:
        return {}
    H = _simple(G)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    laid = [_layout_part(H.subgraph(part), boxes, seed, max_rounds) for part in parts]
    return _pack(laid, boxes)


def _layout_part(H: nx.Graph, boxes: dict, seed: int, max_rounds: int) -> Pos:
    nodes = sorted(H, key=str)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    F = nx.Graph()
    F.add_nodes_from(nodes)
    F.add_edges_from(sorted(H.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    raw = nx.spring_layout(F, seed=seed, iterations=200 if len(nodes) <= 120 else 60, weight="weight")
    area = sum((boxes[n].width + PADDING) * (boxes[n].height + PADDING) for n in nodes)
    scale = math.sqrt(SPREAD * area) / 2
    pos = {n: [float(raw[n][0]) * scale * ASPECT, float(raw[n][1]) * scale / ASPECT] for n in nodes}
    for _ in range(2):
        for _ in range(max_rounds):
            if not _push_apart(nodes, pos, boxes):
                return {n: (x, y) for n, (x, y) in pos.items()}
        for xy in pos.values():  # still crowded: spread everything out and go on
            xy[0], xy[1] = xy[0] * 1.5, xy[1] * 1.5
    return {n: (x, y) for n, (x, y) in pos.items()}


def _pack(parts: list[Pos], boxes: dict) -> Pos:
    """The laid-out parts side by side in rows no wider than the biggest part (or 1200 px)."""
    def extent(pos):
        return (min(x + boxes[n].left for n, (x, y) in pos.items()), min(y + boxes[n].top for n, (x, y) in pos.items()),
                max(x + boxes[n].right for n, (x, y) in pos.items()), max(y + boxes[n].bottom for n, (x, y) in pos.items()))

    extents = [extent(p) for p in parts]
    width = max(1200.0, extents[0][2] - extents[0][0])
    out: Pos = {}
    x = y = row_height = 0.0
    for pos, (x0, y0, x1, y1) in zip(parts, extents):
        w, h = x1 - x0, y1 - y0
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height + 3 * PADDING, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w + 3 * PADDING
        row_height = max(row_height, h)
    return out


def _push_apart(nodes: list, pos: dict, boxes: dict) -> bool:
    """One sweep (by left edge) over the overlapping pairs, pushing each apart; whether any
    was found."""
    half = PADDING / 2
    rects = {}
    for n in nodes:
        b, (x, y) = boxes[n], pos[n]
        rects[n] = [x + b.left - half, y + b.top - half, x + b.right + half, y + b.bottom + half]
    order = sorted(nodes, key=lambda n: (rects[n][0], str(n)))
    moved = False
    for i, a in enumerate(order):
        ra = rects[a]
        for b in order[i + 1:]:
            rb = rects[b]
            if rb[0] >= ra[2]:
                break
            if rb[1] >= ra[3] or rb[3] <= ra[1] or rb[2] <= ra[0]:
                continue
            # separate along the axis on which the centres are further apart, relative to the
            # boxes' sizes: neighbours keep their relative places
            cax, cay, cbx, cby = (ra[0] + ra[2]) / 2, (ra[1] + ra[3]) / 2, (rb[0] + rb[2]) / 2, (rb[1] + rb[3]) / 2
            if abs(cbx - cax) / (ra[2] - ra[0] + rb[2] - rb[0]) >= abs(cby - cay) / (ra[3] - ra[1] + rb[3] - rb[1]):
                axis, sign = 0, 1 if (cbx, str(b)) >= (cax, str(a)) else -1
                shift = min(ra[2] - rb[0], rb[2] - ra[0]) / 2 + 0.5
            else:
                axis, sign = 1, 1 if (cby, str(b)) >= (cay, str(a)) else -1
                shift = min(ra[3] - rb[1], rb[3] - ra[1]) / 2 + 0.5
            pos[a][axis] -= sign * shift
            pos[b][axis] += sign * shift
            ra[axis] -= sign * shift
            ra[axis + 2] -= sign * shift
            rb[axis] += sign * shift
            rb[axis + 2] += sign * shift
            moved = True
    return moved


def column_layout(G: nx.Graph, boxes: dict, *, right_kind: str = "topic") -> Pos:
    """Nodes of ``right_kind`` (topics) in a right column sorted by label, the others (actors)
    in a left column ordered by the mean row of their neighbours in the right one."""
    H = _simple(G)
    label = lambda n: (str(G.nodes[n].get("label", n)).lower(), str(n))  # noqa: E731
    right = sorted((n for n in H if G.nodes[n].get("kind") == right_kind), key=label)
    left_nodes = [n for n in H if G.nodes[n].get("kind") != right_kind]
    row = {n: i for i, n in enumerate(right)}

    def barycentre(n):
        rows = [row[m] for m in H[n] if m in row]
        return (sum(rows) / len(rows) if rows else len(right), label(n))

    left = sorted(left_nodes, key=barycentre)
    gap = max((boxes[n].width for n in H), default=0) + 240
    pos: Pos = {}
    for column, x in ((left, 0.0), (right, gap)):
        heights = [boxes[n].height + PADDING for n in column]
        y = -sum(heights) / 2
        for n, h in zip(column, heights):
            pos[n] = (round(x, 1), round(y - boxes[n].top + PADDING / 2, 1))
            y += h
    return pos


def overlaps(pos: Pos, boxes: dict) -> list[tuple]:
    """The pairs of nodes whose boxes overlap (none after either layout).

    >>> b = node_box("dot", 10, "A")
    >>> overlaps({"a": (0, 0), "b": (5, 5), "c": (200, 0)}, {"a": b, "b": b, "c": b})
    [('a', 'b')]
    """
    out = []
    items = sorted(pos, key=str)
    for i, a in enumerate(items):
        ax, ay = pos[a]
        for b in items[i + 1:]:
            bx, by = pos[b]
            A, B = boxes[a], boxes[b]
            if (ax + A.left < bx + B.right and bx + B.left < ax + A.right
                    and ay + A.top < by + B.bottom and by + B.top < ay + A.bottom):
                out.append((a, b))
    return out
