"""An actor's positions on a topic over time, and where they changed (support -> oppose).

>>> from datetime import date
>>> pts = [Point(date(2025, 3, 1), Polarity.OPPOSE, "Russia rejected the ceasefire.", "d1"),
...        Point(date(2025, 3, 5), Polarity.SUPPORT, "Russia now accepts a ceasefire.", "d2")]
>>> [(c.before.polarity.value, c.after.polarity.value, c.after.date.isoformat()) for c in changes(pts)]
[('oppose', 'support', '2025-03-05')]
"""
from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .types import Polarity

if TYPE_CHECKING:
    from .codebook import Codebook
    from .rdf.store import StanceStore


@dataclass(frozen=True)
class Point:
    """One stance on the timeline; ``date`` is ``None`` for a document without a date."""

    date: date | None
    polarity: Polarity
    evidence: str
    doc: str
    confidence: float = 1.0
    stance: str = ""


@dataclass(frozen=True)
class Change:
    """Two successive dated stances of opposite polarity: the position changed."""

    before: Point
    after: Point


@dataclass(frozen=True)
class Timeline:
    actor: str
    topic: str
    points: list[Point]

    @property
    def changes(self) -> list[Change]:
        return changes(self.points)


def timeline(store: "StanceStore", actor: str, topic: str, *, codebook: "Codebook | None" = None) -> Timeline:
    """The positions of ``actor`` on ``topic`` (ids, labels or IRIs), by the named query
    ``timeline``: oldest first, undated last."""
    from .queries import run_query

    result = run_query(store, "timeline", {"actor": actor, "topic": topic}, codebook=codebook)
    points = []
    for row in result.rows:
        r = dict(zip(result.columns, row))
        points.append(Point(r["date"] if isinstance(r["date"], date) else None, Polarity(r["polarity"]),
                            r["evidence"] or "", r["doc"] or "", float(r["confidence"]), r["stance"]))
    return Timeline(actor, topic, points)


def changes(points: Iterable[Point]) -> list[Change]:
    """Each dated stance whose polarity differs from the dated stance before it."""
    dated = sorted((p for p in points if p.date is not None), key=lambda p: p.date)
    return [Change(a, b) for a, b in zip(dated, dated[1:]) if a.polarity is not b.polarity]


def render(tl: Timeline, *, width: int = 100) -> str:
    """The timeline as text: one line per stance, then each change with both sentences side by side."""
    lines = [f"{tl.actor} on {tl.topic}: {len(tl.points)} stance{'s' if len(tl.points) != 1 else ''}"]
    for p in tl.points:
        when = p.date.isoformat() if p.date else "(undated)"
        lines.append(f"  {when:<10}  {p.polarity.value:<7}  {p.doc}: {p.evidence}")
    found = tl.changes
    lines.append("")
    lines.append(f"position changes: {len(found)}" if found else "position changes: none")
    col = max(20, (width - 3) // 2)
    for c in found:
        lines.append("")
        lines.append(_side_by_side(_head(c.before), _head(c.after), col, " → "))
        lines.append(_side_by_side(c.before.evidence, c.after.evidence, col, " │ "))
    return "\n".join(lines) + "\n"


def _head(p: Point) -> str:
    return f"{p.date.isoformat()} {p.polarity.value} ({p.doc})"


def _side_by_side(left: str, right: str, col: int, sep: str) -> str:
    a, b = textwrap.wrap(left, col) or [""], textwrap.wrap(right, col) or [""]
    n = max(len(a), len(b))
    a, b = a + [""] * (n - len(a)), b + [""] * (n - len(b))
    return "\n".join(f"{x:<{col}}{sep}{y}".rstrip() for x, y in zip(a, b))
