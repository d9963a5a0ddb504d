"""Time-window networks, as DNA's moving time windows: one network per window of ``size`` days,
the window moved on by ``step`` days, from the first dated stance to the last.

Each window holds the statements dated in ``[start, end)``; its network is built by the same
view functions as the whole graph (:func:`congruence_network` and the others), so a series of
windows shows coalitions forming and breaking over time::

    from stancegraph.analysis import statements, window_networks
    with StanceStore.open("out/store") as store:
        series = window_networks(statements(store), view="congruence", size=30, step=7)
    for w, G in series:
        print(w.start, w.end, G.number_of_edges())

Undated statements belong to no window.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

import networkx as nx

from ..errors import AnalysisError
from .data import Statement, as_statements
from .networks import (affiliation_network, conflict_network, congruence_network, cooccurrence_network,
                       difference_network)

if TYPE_CHECKING:
    from .data import Records

WINDOW_VIEWS = {"affiliation": affiliation_network, "congruence": congruence_network,
                "conflict": conflict_network, "difference": difference_network,
                "cooccurrence": cooccurrence_network}


@dataclass(frozen=True)
class Window:
    """The days ``start`` (included) to ``end`` (excluded) and the statements dated in them."""

    start: date
    end: date
    statements: tuple[Statement, ...] = ()


def time_windows(source: "Records", *, size: int = 30, step: int = 7, start: date | None = None,
                 end: date | None = None) -> list[Window]:
    """Windows of ``size`` days every ``step`` days from ``start`` (default: the first date) until
    a window begins after ``end`` (default: the last date).

    >>> from stancegraph.types import Polarity
    >>> S = Polarity.SUPPORT
    >>> ws = time_windows([Statement("a", "t", S, date=date(2025, 3, 1)),
    ...                    Statement("b", "t", S, date=date(2025, 3, 9))], size=7, step=4)
    >>> [(w.start.isoformat(), len(w.statements)) for w in ws]
    [('2025-03-01', 1), ('2025-03-05', 1), ('2025-03-09', 1)]
    """
    if size < 1 or step < 1:
        raise AnalysisError(f"window size and step are whole days >= 1, not {size} and {step}")
    stmts = as_statements(source)
    if stmts is None:
        raise AnalysisError("time windows need statements with dates, not counted positions")
    dated = sorted((s for s in stmts if s.date is not None), key=lambda s: s.date)
    if not dated:
        return []
    first, last = start or dated[0].date, end or dated[-1].date
    out = []
    for begin in _starts(first, last, step):
        stop = begin + timedelta(days=size)
        out.append(Window(begin, stop, tuple(s for s in dated if begin <= s.date < stop)))
    return out


def _starts(first: date, last: date, step: int) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=step)


def window_networks(source: "Records", *, view: str = "congruence", size: int = 30, step: int = 7,
                    start: date | None = None, end: date | None = None, **options) -> list[tuple[Window, nx.Graph]]:
    """One network of kind ``view`` per time window (see :func:`time_windows`); ``options`` go to
    the view function (``normalization``, ``duplicates``, ``candidates``). Each graph carries
    its window as the graph attributes ``window_start`` and ``window_end`` (ISO dates)."""
    if view not in WINDOW_VIEWS:
        raise AnalysisError(f"unknown view {view!r}; use one of: {', '.join(WINDOW_VIEWS)}")
    out = []
    for w in time_windows(source, size=size, step=step, start=start, end=end):
        G = WINDOW_VIEWS[view](list(w.statements), **options)
        G.graph.update(window_start=w.start.isoformat(), window_end=w.end.isoformat())
        out.append((w, G))
    return out


def edge_series(series: Iterable[tuple[Window, nx.Graph]], u: str, v: str, weight: str = "weight") -> list[tuple[date, float]]:
    """The weight of edge ``u``-``v`` in each window (0 when absent): how a tie grows or fades."""
    return [(w.start, float(G.edges[u, v].get(weight, 1)) if G.has_edge(u, v) else 0.0) for w, G in series]
