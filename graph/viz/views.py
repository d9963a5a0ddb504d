"""Every network view of :mod:`stancegraph.analysis` drawn as an offline HTML map::

    from stancegraph.rdf.store import StanceStore
    from stancegraph.viz.views import write_view

    with StanceStore.open("out/store") as store:
        write_view(store, "congruence", "out/congruence.html", normalization="jaccard")

The views (:data:`VIEWS`):

* ``stances``: the stance map of :func:`~stancegraph.viz.html.write_stance_map` (actors and
  topics, one edge per actor, topic and polarity, statements counted once per sentence);
* ``affiliation``: the same two-mode picture from :func:`~stancegraph.analysis.affiliation_network`
  (every statement counted, summed confidence, candidate topics on request);
* ``congruence``, ``conflict``, ``difference``: actors linked by shared positions, by opposite
  positions, or by the difference of the two, with DNA's normalisations. In the congruence
  view the nodes are coloured by coalition (:func:`~stancegraph.analysis.coalitions`).

:func:`view_graph` returns the networkx graph that is drawn, with the attributes
:func:`~stancegraph.viz.html.write_network_html` reads: node ``label``, ``kind`` (the actor's
kind from the codebook, or ``topic``), ``title``, ``size`` and (coalitions) ``coalition`` and
``color``; edge ``sign`` or ``polarity``, ``weight``, ``width``, ``evidence`` and ``title``.
"""
from __future__ import annotations

import logging
import math
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import networkx as nx

from stancegraph import analysis
from stancegraph.analysis.data import Position, Statement, as_statements
from stancegraph.errors import AnalysisError
from stancegraph.viz.stance_graph import _node_summary, stance_graph
from stancegraph.viz.styles import NODE_STYLES, LegendItem, coalition_color, default_legend, edge_color
from stancegraph.viz.tooltips import MAX_EVIDENCE, evidence_lines

log = logging.getLogger(__name__)

VIEWS = ("stances", *analysis.VIEWS, "matrix")
ONE_MODE = analysis.ONE_MODE_VIEWS
MAX_WIDTH = 8.0
_VERBS = {"congruence": "agree on", "conflict": "disagree on"}
_EDGE_LEGEND = {
    "congruence": ((1, "shared positions"),),
    "conflict": ((-1, "opposite positions"),),
    "difference": ((1, "more agreement than conflict"), (-1, "more conflict than agreement"),
                   (0, "as much of each")),
}


def write_view(source, view: str, path, *, normalization: str = "no", duplicates: str = "include",
               candidates: bool = False, actor_kinds: Mapping[str, str] | None = None,
               title: str | None = None, documents: str | Path | None = None, **html_options: Any) -> Path:
    """Draw the network ``view`` of ``source`` (a StanceStore, or stances, statements or
    positions) as a self-contained HTML page at ``path``; return the path.

    ``normalization`` (no, average, jaccard, cosine) and ``duplicates`` apply to the one-mode
    views; ``actor_kinds`` (actor id -> kind) defaults to the kinds of the default codebook.
    ``matrix`` is the position matrix (:mod:`stancegraph.viz.matrix`). With ``documents`` (a
    folder) and a store as ``source``, every document's view is written there
    (:mod:`stancegraph.viz.document`) and the page links each sentence to its place in them.
    Other keywords go to :func:`~stancegraph.viz.html.write_network_html`.
    """
    from stancegraph.viz.html import write_network_html

    if view not in VIEWS:
        raise AnalysisError(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}")
    path = Path(path)
    if documents is not None:
        if not _is_store(source):
            raise AnalysisError("document views need a StanceStore: the documents' texts are in the store")
        html_options["doc_links"] = _write_documents(source, Path(documents), path, view)
    if view == "matrix":
        if normalization != "no":
            raise AnalysisError("normalization applies to the congruence, conflict and difference views, not 'matrix'")
        from stancegraph.viz.matrix import write_matrix

        return write_matrix(_stances(source if _is_store(source) else list(source)), path,
                            title=title or default_title(view), doc_links=html_options.get("doc_links"))
    G = view_graph(source, view, normalization=normalization, duplicates=duplicates,
                   candidates=candidates, actor_kinds=actor_kinds)
    html_options.setdefault("legend", view_legend(G))
    html_options.setdefault("filter_kind", None if view in ONE_MODE else "topic")
    return write_network_html(G, path, title=title or default_title(view, normalization), **html_options)


def default_title(view: str, normalization: str = "no") -> str:
    """``"stancegraph: congruence network (jaccard)"``; the stance map keeps its own title."""
    if view == "stances":
        return "stancegraph: who stands where"
    if view == "matrix":
        return "stancegraph: position matrix"
    norm = f" ({normalization})" if view in ONE_MODE and normalization != "no" else ""
    return f"stancegraph: {view} network{norm}"


def view_graph(source, view: str, *, normalization: str = "no", duplicates: str = "include",
               candidates: bool = False, actor_kinds: Mapping[str, str] | None = None) -> nx.Graph:
    """The graph drawn for ``view``: see the module doc for its attributes.

    Raises ``AnalysisError`` for an unknown view, normalisation or duplicates setting, or a
    normalisation asked of a two-mode view.
    """
    if view not in VIEWS:
        raise AnalysisError(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}")
    if view == "matrix":
        raise AnalysisError("the matrix view is a table, not a network: see stancegraph.viz.matrix")
    if normalization not in analysis.NORMALIZATIONS:
        raise AnalysisError(f"unknown normalization {normalization!r}; "
                            f"use one of: {', '.join(analysis.NORMALIZATIONS)}")
    if view not in ONE_MODE and normalization != "no":
        raise AnalysisError(f"normalization applies to the {', '.join(ONE_MODE)} views, not {view!r}")
    kinds = codebook_kinds() if actor_kinds is None else dict(actor_kinds)
    if not _is_store(source):
        source = list(source)
    if view == "stances":
        return stance_graph(_stances(source), actor_kinds=kinds)
    statements = as_statements(source)  # None when source holds positions
    records: list[Statement] | list[Position] = statements if statements is not None else source
    if view == "affiliation":
        G = analysis.affiliation_network(records, candidates=candidates)
        _set_kinds(G, kinds)
        for node in G:
            G.nodes[node]["title"] = _node_summary(G, node)
        return G
    build = getattr(analysis, f"{view}_network")
    G = build(records, normalization=normalization, duplicates=duplicates, candidates=candidates)
    _set_kinds(G, kinds)
    _decorate_actors(G, records, statements or [])
    if view == "congruence":
        _colour_coalitions(G)
    return G


def view_legend(G: nx.Graph) -> list[LegendItem]:
    """Legend rows for a graph from :func:`view_graph`: node kinds (and coalitions), edge meanings."""
    view = G.graph.get("view")
    if view not in ONE_MODE:
        return default_legend((k for _, k in G.nodes(data="kind")),
                              (_sign(a) for *_, a in G.edges(data=True)))
    kinds = {k for _, k in G.nodes(data="kind")}
    groups: list[list[str]] = G.graph.get("coalitions", [])
    coloured = [g for g in groups if len(g) > 1]
    shape_color = "#555555" if coloured else None
    items = [LegendItem(style.legend, shape_color or style.color, style.shape)
             for kind, style in NODE_STYLES.items() if kind in kinds]
    for number, members in enumerate(coloured):
        items.append(LegendItem(f"coalition {number + 1} ({len(members)} actors)",
                                coalition_color(number, len(members)), "dot"))
    signs = {_sign(a) for *_, a in G.edges(data=True)}
    items += [LegendItem(text, edge_color(sign), "line") for sign, text in _EDGE_LEGEND[view] if sign in signs]
    return items


def codebook_kinds() -> dict[str, str]:
    """Actor id -> kind (person/state/organization/group) from the default codebook."""
    from stancegraph.codebook import load_codebook

    return {a.id: a.kind for a in load_codebook().actors.values()}


# --- helpers -------------------------------------------------------------------------------

def _write_documents(store, folder: Path, page: Path, view: str):
    """Write every document's view into ``folder``; the links to them from ``page``."""
    import os

    from stancegraph.viz.document import file_links, write_documents

    folder.mkdir(parents=True, exist_ok=True)
    back = os.path.relpath(page.resolve(), folder.resolve()).replace(os.sep, "/")
    write_documents(store, folder, back=[(back, f"back to the {view} view")])
    prefix = os.path.relpath(folder.resolve(), page.resolve().parent).replace(os.sep, "/")
    return file_links(prefix + "/")


def _is_store(source) -> bool:
    return hasattr(source, "query") and hasattr(source, "stances")


def _stances(source):
    from stancegraph.types import Stance

    if _is_store(source):
        return source.stances()
    if any(not isinstance(s, Stance) for s in source):
        raise AnalysisError("the stances view needs a StanceStore or Stance records")
    return source


def _set_kinds(G: nx.Graph, kinds: Mapping[str, str]) -> None:
    for node, attrs in G.nodes(data=True):
        if attrs.get("type") == "actor":
            attrs["kind"] = kinds.get(node.split(":", 1)[1]) or attrs.get("kind") or "actor"


def _sign(attrs: Mapping) -> int:
    if "polarity" in attrs:
        return 1 if attrs["polarity"] == "support" else -1
    sign = attrs.get("sign", 0)
    return (sign > 0) - (sign < 0)


def _decorate_actors(G: nx.Graph, records: Sequence, statements: Iterable[Statement]) -> None:
    """Sizes and tooltips of the actors; sign, width, evidence and tooltip of the edges."""
    view = G.graph["view"]
    topic_labels = {r.topic: r.topic_label or r.topic for r in records}
    said: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in statements:
        said[(s.actor, s.topic)].append(s)
    for node, attrs in G.nodes(data=True):
        n = attrs.get("statements", 0)
        attrs["size"] = round(10 + 4 * math.log2(1 + n), 1)
        attrs["title"] = f"{attrs['label']} ({attrs['kind']})\n{n} statement{'' if n == 1 else 's'}"
    widest = max((abs(w) for *_, w in G.edges(data="weight")), default=0) or 1
    for u, v, attrs in G.edges(data=True):
        weight = attrs["weight"]
        attrs["sign"] = {"congruence": 1, "conflict": -1}.get(view, (weight > 0) - (weight < 0))
        attrs["width"] = round(1 + (MAX_WIDTH - 1) * abs(weight) / widest, 2)
        if view == "difference":
            topics = sorted(set(attrs["agree"]) | set(attrs["disagree"]))
        else:
            topics = attrs["topics"]
        attrs["evidence"] = _evidence(G, u, v, topics, said)
        attrs["title"] = _edge_title(G, u, v, attrs, topic_labels, G.graph.get("normalization", "no"))


def _evidence(G: nx.Graph, u: str, v: str, topics: Iterable[str],
              said: Mapping[tuple[str, str], list[Statement]]) -> list[dict]:
    """What each of the two actors said on the topics that link them, most confident first."""
    out = []
    for node in (u, v):
        actor = node.split(":", 1)[1]
        for topic in topics:
            for s in said.get((actor, topic), ()):
                out.append({"actor": G.nodes[node]["label"], "topic": topic, "polarity": s.polarity.value,
                            "text": s.evidence, "doc_id": s.doc, "confidence": s.confidence})
    return sorted(out, key=lambda e: (-e["confidence"], e["doc_id"], e["actor"], e["text"]))


def _edge_title(G: nx.Graph, u: str, v: str, attrs: Mapping, topic_labels: Mapping[str, str],
                normalization: str) -> str:
    view = G.graph["view"]
    pair = f"{G.nodes[u]['label']} and {G.nodes[v]['label']}"
    names = lambda ids: ", ".join(topic_labels.get(t, t) for t in ids)  # noqa: E731
    norm = "" if normalization == "no" else f" ({normalization})"
    if view == "difference":
        lines = [f"{pair}: agreement {attrs['congruence']:.3g} − conflict {attrs['conflict']:.3g}"
                 f" = {attrs['weight']:.3g}{norm}"]
        if attrs["agree"]:
            lines.append(f"agree on: {names(attrs['agree'])}")
        if attrs["disagree"]:
            lines.append(f"disagree on: {names(attrs['disagree'])}")
    else:
        lines = [f"{pair} {_VERBS[view]}: {names(attrs['topics'])}",
                 f"weight {attrs['weight']:.3g}{norm}, {attrs['count']:g} before normalisation"]
    return "\n".join([*lines, *_said_lines(attrs["evidence"])])


def _said_lines(evidence: Sequence[Mapping], limit: int = MAX_EVIDENCE) -> list[str]:
    """``• Russia (oppose): “…” (doc, 0.90)`` for the first ``limit`` items, then "and N more"."""
    lines = [f"• {e['actor']} ({e['polarity']}): {evidence_lines([e])[0][2:]}" for e in evidence[:limit]]
    if len(evidence) > limit:
        lines.append(f"and {len(evidence) - limit} more")
    return lines


def _colour_coalitions(G: nx.Graph) -> None:
    """Louvain coalitions as node attribute ``coalition`` and colour; the groups in ``G.graph``."""
    groups = analysis.coalitions(G) if G.number_of_nodes() else []
    analysis.label_coalitions(G, groups)
    G.graph["coalitions"] = groups
    coloured = 0
    for members in groups:
        colour = coalition_color(coloured if len(members) > 1 else None, len(members))
        coloured += len(members) > 1
        for node in members:
            G.nodes[node]["color"] = colour
            G.nodes[node]["title"] += (f"\ncoalition {coloured} ({len(members)} actors)"
                                       if len(members) > 1 else "\nin no coalition")
    log.debug("congruence view: %d coalitions", len(groups))
