"""Interactive HTML maps drawn with vis-network (through pyvis), working with no network.

The page inlines vis-network, links nothing outside itself, and its Content-Security-Policy
allows only its own two scripts (by hash) and no requests at all. Labels and tooltips are
escaped here and shown as text in the page (see :mod:`stancegraph.viz.tooltips`).

pyvis is imported inside the functions that need it.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import math
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import networkx as nx

from stancegraph.types import Stance
from stancegraph.viz.layout import fast_layout
from stancegraph.viz.placement import LAYOUTS, column_layout, label_layout, node_box
from stancegraph.viz.stance_graph import stance_graph
from stancegraph.viz.styles import LegendItem, default_legend, edge_color, edge_sign, node_style
from stancegraph.viz.template import APP_JS, PAGE
from stancegraph.viz.tooltips import edge_tooltip, escape, script_json

log = logging.getLogger(__name__)

LAYOUT_THRESHOLD = 1000
LABEL_LAYOUT_MAX = 400  # nodes: above, fast_layout (no label check)
MAX_LINKS = 30  # evidence links per edge in the click panel
DocLinks = Callable[[str, "str | None"], str]  # (doc_id, stance key or None) -> href
VIS_DIR = "templates/lib/vis-9.1.2"  # inside the pyvis package


def write_stance_map(stances: Iterable[Stance], path, *, title: str = "stancegraph",
                     actor_kinds: dict[str, str] | None = None, **html_options: Any) -> Path:
    """Write an HTML map of who supports or opposes which topic, and return its path.

    Actors and topics are nodes; each (actor, topic, polarity) is one edge, green for support
    and red for oppose, as wide as its number of statements, with the evidence sentences as
    its tooltip. ``actor_kinds`` (actor id -> person/state/organization/group) overrides the
    kinds the stances carry. A menu shows one topic and the actors linked to it. Other
    keywords (``layout``, ``doc_links``...) go to :func:`write_network_html`.
    """
    return write_network_html(stance_graph(stances, actor_kinds=actor_kinds), path, title=title,
                              **html_options)


def write_network_html(G: nx.Graph, path, *, title: str = "stancegraph",
                       legend: Sequence[LegendItem] | None = None, physics: bool | None = None,
                       layout_threshold: int = LAYOUT_THRESHOLD, filter_kind: str | None = "topic",
                       height: str = "85vh", layout: str = "map", doc_links: DocLinks | None = None) -> Path:
    """Write any networkx graph as a self-contained interactive HTML page.

    Node attributes used: ``label``, ``kind`` (person/state/organization/group/topic, which
    sets shape and colour), ``title`` (tooltip text), optional ``size``, ``x``, ``y`` and
    ``color`` (a ``#rrggbb`` colour instead of the kind's, e.g. for coalitions).
    Edge attributes used: ``polarity`` (support/oppose) or numeric ``sign`` for the colour,
    ``weight`` for the width (or an explicit ``width``), ``evidence`` (sentences, or mappings
    with ``text``, ``doc_id``, ``confidence``) or ``title`` for the tooltip. All text is
    treated as untrusted.

    ``legend`` defaults to the node kinds and edge signs present. Positions are computed here,
    so the same graph always gives the same picture (``physics`` off, the default): unless
    every node has ``x`` and ``y``, up to :data:`LABEL_LAYOUT_MAX` nodes are placed by
    ``layout`` (``"map"``: a spring layout with no label over a node or another label;
    ``"columns"``: actors left, topics right; see :mod:`stancegraph.viz.placement`), bigger
    graphs by :func:`~stancegraph.viz.layout.fast_layout`. ``physics=True`` lets the browser
    move the nodes instead (up to ``layout_threshold`` nodes).
    Nodes of kind ``filter_kind`` get a menu that shows one of them and its neighbours.
    ``doc_links(doc_id, stance_key)`` gives the address of a document view: clicking an edge
    or a node then lists its evidence sentences, each a link to its place in its document.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}")
    physics = bool(physics) and len(G) <= layout_threshold
    nodes, edges = network_data(G, doc_links=doc_links)
    if not physics:
        positions = _positions(G, nodes, layout)
        for node, record in zip(G, nodes):
            record["x"], record["y"] = positions[node]
    if legend is None:
        legend = default_legend((kind for _, kind in G.nodes(data="kind")),
                                (edge_sign(attrs) for *_, attrs in G.edges(data=True)))
    filter_options = []
    if filter_kind:
        filter_options = sorted(((n["id"], G.nodes[node].get("label", node))
                                 for node, n in zip(G, nodes) if n.get("kind") == filter_kind),
                                key=lambda pair: str(pair[1]).lower())
    page = _render(_to_pyvis(nodes, edges), _options(physics, G.is_directed(), len(G)),
                   title=title, legend=legend, filter_options=filter_options,
                   filter_kind=filter_kind, height=height)
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    log.info("wrote %s (%d nodes, %d edges, physics %s)", path, len(nodes), len(edges),
             "on" if physics else "off")
    return path


def network_data(G: nx.Graph, *, positions: dict | None = None, doc_links: DocLinks | None = None
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge records for ``G``, with every label and title escaped.

    With ``doc_links``, each edge with evidence has ``links``: ``{"text", "where", "href"}``
    for its first :data:`MAX_LINKS` sentences (plain text, shown with ``textContent``)."""
    ids = _node_ids(G)
    weighted_degree = dict(G.degree(weight="weight"))
    nodes = []
    for node, attrs in G.nodes(data=True):
        kind = attrs.get("kind")
        style = node_style(kind)
        label = str(attrs.get("label", node))
        record = {"id": ids[node], "label": escape(label), "shape": style.shape,
                  "color": _color(attrs.get("color")) or style.color, "kind": kind or "",
                  "title": escape(attrs.get("title") or f"{label} ({kind or 'node'})")}
        size = attrs.get("size") or 10 + 4 * math.log2(1 + weighted_degree[node])
        record["size"] = round(size, 1)
        if positions is not None:
            record["x"], record["y"] = positions[node]
        nodes.append(record)
    edges = []
    parallel: dict[tuple, int] = {}
    for index, (u, v, attrs) in enumerate(G.edges(data=True)):
        sign = edge_sign(attrs)
        color = edge_color(sign)
        weight = attrs.get("weight")
        weight = 1 if weight is None else weight
        label_u, label_v = (str(G.nodes[n].get("label", n)) for n in (u, v))
        title = attrs.get("title") or edge_tooltip(label_u, label_v, sign, attrs)
        links = _links(attrs.get("evidence") or [], doc_links) if doc_links else []
        if links:
            title += "\n(click for the sentences in their documents)"
        record = {"id": f"e{index}", "from": ids[u], "to": ids[v], "title": escape(title),
                  "color": {"color": color, "highlight": color, "hover": color},
                  "width": _width(attrs.get("width"), weight),
                  "sign": sign, "weight": weight}
        rank = parallel[frozenset((u, v))] = parallel.get(frozenset((u, v)), -1) + 1
        if rank:
            record["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * rank}
        if links:
            record["links"] = links
        edges.append(record)
    return nodes, edges


_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def _color(value: Any) -> str | None:
    """``value`` when it is a ``#rrggbb`` colour (anything else is ignored: it reaches CSS)."""
    return value if isinstance(value, str) and _HEX_COLOR.fullmatch(value) else None


def _width(width: Any, weight: Any) -> float:
    """An edge's explicit ``width``, else one growing with the log of its weight."""
    if isinstance(width, (int, float)) and width > 0:
        return round(float(width), 2)
    return round(1.5 + 1.5 * math.log2(max(float(weight), 1.0)), 2)


def _node_ids(G: nx.Graph) -> dict[Any, str]:
    """String ids for the page: the nodes themselves when they are distinct strings."""
    if all(isinstance(n, str) for n in G):
        return {n: n for n in G}
    return {n: f"n{i}" for i, n in enumerate(G)}


def _links(evidence, doc_links: DocLinks) -> list[dict[str, str]]:
    """Click-panel entries for the evidence items that name their document."""
    out = []
    for item in evidence:
        if not isinstance(item, dict) or item.get("doc_id") is None:
            continue
        where = [str(item["doc_id"])]
        if item.get("actor"):
            where.insert(0, f"{item['actor']} ({item.get('polarity', '')})")
        if item.get("confidence") is not None:
            where.append(f"{float(item['confidence']):.2f}")
        out.append({"text": str(item.get("text", "")), "where": ", ".join(where),
                    "href": doc_links(str(item["doc_id"]), item.get("key"))})
        if len(out) == MAX_LINKS:
            break
    return out


def _positions(G: nx.Graph, records: list[dict], layout: str) -> dict:
    given = {n: (a.get("x"), a.get("y")) for n, a in G.nodes(data=True)}
    if all(x is not None and y is not None for x, y in given.values()):
        return given
    if len(G) > LABEL_LAYOUT_MAX:
        return fast_layout(G)
    boxes = {node: node_box(r["shape"], r["size"], str(G.nodes[node].get("label", node)))
             for node, r in zip(G, records)}
    if layout == "columns":
        return column_layout(G, boxes)
    return label_layout(G, boxes)


def _options(physics: bool, directed: bool, size: int) -> dict:
    """vis-network options: physics for small graphs, fixed positions and lighter drawing for
    big ones."""
    options = {
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
                  "smooth": {"enabled": physics, "type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": size > 300},
        "physics": {"enabled": physics},
    }
    if physics:
        options["physics"].update(
            solver="forceAtlas2Based",
            forceAtlas2Based={"gravitationalConstant": -60, "springLength": 120},
            stabilization={"iterations": 400})
    else:
        options["layout"] = {"improvedLayout": False}
    return options


def _to_pyvis(nodes: list[dict], edges: list[dict]):
    """The records, checked and normalised by a pyvis Network."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for record in nodes:
        options = dict(record)
        net.add_node(options.pop("id"), **options)
    # Network.add_edge looks both ends up in a list, O(nodes) per edge. Here the ends are
    # known to exist, so edges go in as pyvis Edge records directly; arrows come from the
    # options (directed=False keeps Edge from forcing them on).
    from pyvis.edge import Edge

    for record in edges:
        options = dict(record)
        source, target = options.pop("from"), options.pop("to")
        net.edges.append(Edge(source, target, directed=False, **options).options)
    return net


def _vis_asset(name: str) -> str:
    """vis-network's CSS or JS as shipped in pyvis, newlines normalised as a browser does
    (so that the CSP hash of the inline script matches)."""
    text = (files("pyvis") / VIS_DIR / name).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _render(net, options: dict, *, title: str, legend, filter_options, filter_kind,
            height: str) -> str:
    import jinja2

    app_js = (APP_JS.replace("__NODES__", script_json(net.nodes))
              .replace("__EDGES__", script_json(net.edges))
              .replace("__OPTIONS__", script_json(options)))
    vis_js = _vis_asset("vis-network.min.js")
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(PAGE).render(
        csp=csp, title=title, vis_css=_vis_asset("vis-network.css"), vis_js=vis_js,
        app_js=app_js, legend=legend, filter_options=filter_options,
        filter_kind=filter_kind or "", height=height)
