"""Write network views as GraphML and GEXF (both open in Gephi), and as CSV matrices.

The CSV matrices have the layout of DNA's matrix export: the first row holds an empty corner
cell and then the column labels; each further row holds a row label and then its values.

* :func:`actor_concept_matrix`: rows are actors, columns concepts (topics), and a cell says
  what the actor said about the concept, by ``cells``:

  - ``subtract`` (default): support statements minus oppose statements (DNA's "subtract");
  - ``combine``: 0 nothing, 1 support only, 2 oppose only, 3 both (DNA's "combine" codes);
  - ``sign``: +1 support only, -1 oppose only, 0 both (mixed) or nothing;
  - ``support`` / ``oppose``: the number of statements of that polarity (agreement counts);
  - ``ignore``: all statements, either polarity.

* :func:`adjacency_matrix`: a one-mode network (e.g. congruence) as actor × actor weights,
  0 where there is no edge and on the diagonal.

Labels that repeat are told apart by their ids, as ``label (id)``.
"""
from __future__ import annotations

import io
import json
from collections import defaultdict
from dataclasses import dataclass

from .. import csvio
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..errors import AnalysisError
from ..types import Polarity
from .data import Records, counted
from .networks import _keep, actor_node, cell_value, node_names, topic_node

CELLS = ("subtract", "combine", "sign", "support", "oppose", "ignore")


@dataclass(frozen=True)
class Matrix:
    """A labelled matrix: ``values[r][c]`` belongs to row ``rows[r]`` and column ``columns[c]``;
    ``row_ids`` and ``column_ids`` are the node ids behind the labels."""

    rows: list[str]
    columns: list[str]
    values: list[list[float]]
    row_ids: list[str]
    column_ids: list[str]

    def cell(self, row_id: str, column_id: str) -> float:
        return self.values[self.row_ids.index(row_id)][self.column_ids.index(column_id)]


def actor_concept_matrix(source: Records, *, cells: str = "subtract", duplicates: str = "include",
                         candidates: bool = False) -> Matrix:
    """The actor × concept matrix (rows and columns sorted by label; see the module doc).

    >>> from stancegraph.analysis.data import Position
    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> m = actor_concept_matrix([Position("a", "t", S, statements=2), Position("a", "t", O),
    ...                           Position("b", "u", O)])
    >>> m.rows, m.columns, m.values
    (['a', 'b'], ['t', 'u'], [[1, 0], [0, -1]])
    """
    if cells not in CELLS:
        raise AnalysisError(f"unknown cells setting {cells!r}; use one of: {', '.join(CELLS)}")
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    kept = _keep(counted(source, duplicates, qualifier=cells != "ignore"), candidates)
    names = node_names(kept)
    actors: dict[str, str] = {}
    topics: dict[str, str] = {}
    for p in kept:
        a, t = actor_node(p.actor), topic_node(p.topic, p.candidate)
        actors[a], topics[t] = names[a][0], names[t][0]
        counts[(a, t)][0 if p.polarity is Polarity.SUPPORT else 1] += p.statements
    row_ids = sorted(actors, key=lambda n: (actors[n].casefold(), n))
    col_ids = sorted(topics, key=lambda n: (topics[n].casefold(), n))
    values = [[cell_value(cells, *counts.get((a, t), (0, 0))) for t in col_ids] for a in row_ids]
    return Matrix(_unique_labels(row_ids, actors), _unique_labels(col_ids, topics), values, row_ids, col_ids)


def adjacency_matrix(G: nx.Graph, *, weight: str = "weight") -> Matrix:
    """A one-mode network's weights as a square matrix, nodes sorted by label."""
    labels = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    ids = sorted(G.nodes, key=lambda n: (labels[n].casefold(), str(n)))
    values = [[(G.edges[u, v].get(weight, 1) if u != v and G.has_edge(u, v) else 0) for v in ids] for u in ids]
    names = _unique_labels(ids, labels)
    return Matrix(names, list(names), values, list(ids), list(ids))


def _unique_labels(ids: list[str], labels: dict[str, str]) -> list[str]:
    seen: dict[str, int] = defaultdict(int)
    for n in ids:
        seen[labels[n]] += 1
    return [labels[n] if seen[labels[n]] == 1 else f"{labels[n]} ({n.split(':', 1)[-1]})" for n in ids]


def write_matrix_csv(matrix: Matrix, dest: str | Path | IO[str], *, sep: str = ",") -> None:
    """Write ``matrix`` as CSV in DNA's layout (see the module doc) to a path or text stream."""
    if isinstance(dest, (str, Path)):
        with open(dest, "w", encoding="utf-8", newline="") as fh:
            write_matrix_csv(matrix, fh, sep=sep)
        return
    writer = csvio.writer(dest, delimiter=sep, lineterminator="\n")
    writer.writerow(["", *matrix.columns])
    for label, row in zip(matrix.rows, matrix.values):
        writer.writerow([label, *(_number(v) for v in row)])


def _number(v: float) -> str:
    if isinstance(v, float) and not v.is_integer():
        return repr(round(v, 6))
    return str(int(v))


def exportable(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes GraphML and GEXF can hold: lists and dicts as JSON
    text, ``None`` left out, and every node's ``name`` (DNA's attribute for it; its label)."""
    H = G.copy()
    H.graph = {k: _scalar(v) for k, v in G.graph.items() if v is not None}
    for node, data in H.nodes(data=True):
        data.setdefault("name", data.get("label", str(node)))
        _flatten(data)
    for *_, data in H.edges(data=True):
        _flatten(data)
    return H


def _flatten(data: dict[str, Any]) -> None:
    for key, value in list(data.items()):
        if value is None:
            del data[key]
        else:
            data[key] = _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
    return value


def write_graphml(G: nx.Graph, dest: str | Path | IO[bytes]) -> None:
    """Write ``G`` as GraphML (list attributes, such as evidence, as JSON text)."""
    nx.write_graphml(exportable(G), dest, encoding="utf-8")


def write_gexf(G: nx.Graph, dest: str | Path | IO[bytes]) -> None:
    """Write ``G`` as GEXF 1.2 for Gephi (list attributes as JSON text)."""
    nx.write_gexf(exportable(G), dest, encoding="utf-8")


def matrix_csv_text(matrix: Matrix, *, sep: str = ",") -> str:
    """``matrix`` as CSV text (see :func:`write_matrix_csv`)."""
    buffer = io.StringIO()
    write_matrix_csv(matrix, buffer, sep=sep)
    return buffer.getvalue()
