"""The position matrix: actors × topics, each cell coloured by net position.

Discourse network analysts read this first: one row per actor, grouped by coalition (Louvain
groups of the congruence network, :func:`~stancegraph.analysis.coalitions`), one column per
topic, each cell the actor's number of support and oppose statements on the topic (a statement
is counted once per document and sentence, as on the stance map) and coloured by their
difference, support − oppose. A cell links to its sentences below the table, each a link to its
place in its document (:mod:`stancegraph.viz.document`). One HTML file, no script, everything
from the data escaped::

    from stancegraph.viz.matrix import write_matrix
    write_matrix(store.stances(), "out/matrix.html", doc_links=file_links())
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from stancegraph.types import Polarity, Stance

log = logging.getLogger(__name__)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@dataclass
class Cell:
    actor: str
    topic: str
    support: list[Stance] = field(default_factory=list)
    oppose: list[Stance] = field(default_factory=list)

    @property
    def net(self) -> int:
        return len(self.support) - len(self.oppose)

    @property
    def evidence(self) -> list[Stance]:
        return sorted(self.support + self.oppose, key=lambda s: (-s.confidence, s.doc_id, s.start))


@dataclass
class Matrix:
    """Rows (actor ids) in groups, columns (topic ids), cells by (actor, topic)."""

    groups: list[tuple[str, list[str]]]  # (heading, actor ids)
    topics: list[str]
    actor_labels: dict[str, str]
    topic_labels: dict[str, str]
    cells: dict[tuple[str, str], Cell]

    @property
    def actors(self) -> list[str]:
        return [a for _, members in self.groups for a in members]


def position_matrix(stances: Iterable[Stance], *, coalitions: Sequence[Sequence[str]] | None = None) -> Matrix:
    """The matrix of the classified ``stances``; ``coalitions`` (lists of actor ids, or of
    ``actor:ID`` nodes) default to those of their congruence network.

    >>> from stancegraph.types import Polarity as P
    >>> s = lambda a, p, t, i: Stance("d", a.upper(), a, "state", p, t, t.title(), "x", i, i + 1, 0.9, "r")
    >>> m = position_matrix([s("ru", P.OPPOSE, "truce", 0), s("ru", P.OPPOSE, "truce", 2),
    ...                      s("ru", P.SUPPORT, "truce", 4), s("ua", P.SUPPORT, "truce", 6)])
    >>> m.actors, m.topics, m.cells["ru", "truce"].net
    (['ru', 'ua'], ['truce'], -1)
    """
    from stancegraph import analysis

    cells: dict[tuple[str, str], Cell] = {}
    seen: set[tuple] = set()
    actor_labels: dict[str, str] = {}
    topic_labels: dict[str, str] = {}
    kept = []
    for s in stances:
        if s.topic is None:
            continue
        spot = (s.actor_id, s.topic, s.polarity, s.doc_id, s.start, s.end)
        if spot in seen:
            continue
        seen.add(spot)
        kept.append(s)
        actor_labels.setdefault(s.actor_id, s.actor)
        topic_labels.setdefault(s.topic, s.topic_label or s.topic)
        cell = cells.setdefault((s.actor_id, s.topic), Cell(s.actor_id, s.topic))
        (cell.support if s.polarity is Polarity.SUPPORT else cell.oppose).append(s)
    if coalitions is None:
        coalitions = analysis.coalitions(kept) if kept else []
    by_label = lambda a: (actor_labels[a].lower(), a)  # noqa: E731
    groups: list[tuple[str, list[str]]] = []
    placed: set[str] = set()
    number = 0
    for members in coalitions:
        ids = sorted((m.split(":", 1)[1] if m.startswith("actor:") else m for m in members), key=lambda a: a)
        ids = [a for a in ids if a in actor_labels and a not in placed]
        if len(ids) > 1:
            number += 1
            groups.append((f"coalition {number} ({len(ids)} actors)", sorted(ids, key=by_label)))
            placed.update(ids)
    alone = sorted((a for a in actor_labels if a not in placed), key=by_label)
    if alone:
        groups.append(("in no coalition" if groups else "actors", alone))
    topics = sorted(topic_labels, key=lambda t: (topic_labels[t].lower(), t))
    return Matrix(groups, topics, actor_labels, topic_labels, cells)


def cell_color(net: int, widest: int) -> str:
    """Green for net support, red for net opposition, darker the stronger; amber when even.

    >>> cell_color(2, 2), cell_color(-1, 2), cell_color(0, 2)
    ('#6bbf80', '#eba39d', '#f6e3a1')
    """
    if net == 0:
        return "#f6e3a1"
    share = abs(net) / max(widest, 1)
    light, dark = ((0xd5, 0xf0, 0xdc), (0x6b, 0xbf, 0x80)) if net > 0 else ((0xf6, 0xd8, 0xd5), (0xe0, 0x6e, 0x65))
    rgb = [round(lo + (hi - lo) * share) for lo, hi in zip(light, dark)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def render_matrix(matrix: Matrix, *, title: str = "stancegraph: position matrix",
                  doc_links: Callable[[str, "str | None"], str] | None = None,
                  back: Sequence[tuple[str, str]] = ()) -> str:
    """The matrix as a self-contained HTML page (no script)."""
    import jinja2

    from stancegraph.viz.matrix_template import PAGE

    widest = max((abs(c.net) for c in matrix.cells.values()), default=1)
    column = {t: i for i, t in enumerate(matrix.topics)}
    row = {a: i for i, a in enumerate(matrix.actors)}
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(color=lambda c: cell_color(c.net, widest),
                       cell_id=lambda c: f"c{row[c.actor]}-{column[c.topic]}",
                       link=(lambda s: doc_links(s.doc_id, s.key)) if doc_links else (lambda s: ""))
    return env.from_string(PAGE).render(csp=CSP, title=title, m=matrix, back=back,
                                        statements=sum(len(c.evidence) for c in matrix.cells.values()))


def write_matrix(stances: Iterable[Stance], path, *, title: str = "stancegraph: position matrix",
                 doc_links=None, coalitions=None, back: Sequence[tuple[str, str]] = ()) -> Path:
    """Write :func:`render_matrix` of :func:`position_matrix` to ``path``; return the path."""
    matrix = position_matrix(stances, coalitions=coalitions)
    path = Path(path)
    path.write_text(render_matrix(matrix, title=title, doc_links=doc_links, back=back), encoding="utf-8")
    log.info("wrote %s (%d actors x %d topics)", path, len(matrix.actors), len(matrix.topics))
    return path
