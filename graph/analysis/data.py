"""The flat records every network view is built from, read from the store with one query.

A :class:`Statement` is one stance; a :class:`Position` is an actor's stances of one polarity
on one topic, counted. The views pair actors in Python from these records rather than with
a SPARQL self-join (which took minutes on 100k stances, against seconds for the flat read).

Actors and topics are named by their ids: the codebook's ``skos:notation`` when it has one,
else the id stancegraph minted (:func:`stancegraph.rdf.mint.local_id`). Candidate topics
(unclassified phrases) carry ``candidate=True`` and are left out of the views unless asked for.
A concept that a person coded (a DNA import) is a topic even when the codebook does not know
it: read from a store, its statements carry ``candidate=False``.

**Duplicates** (:func:`drop_duplicates`) are DNA's: of the statements by one actor on one topic
(with the same polarity, unless the qualifier is ignored), count every one (``include``), one
per document, calendar week, month or year, or one in all (``acrossrange``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Union

from ..errors import AnalysisError
from ..rdf import mint
from ..types import Polarity, Stance

if TYPE_CHECKING:
    from ..rdf.store import StanceStore

DUPLICATES = ("include", "document", "week", "month", "year", "acrossrange")


@dataclass(frozen=True)
class Statement:
    """One stance: who, which polarity, on what, with its evidence sentence and document."""

    actor: str
    topic: str
    polarity: Polarity
    confidence: float = 1.0
    evidence: str = ""
    doc: str = ""
    date: date | None = None
    actor_label: str = ""
    actor_kind: str = ""
    topic_label: str = ""
    candidate: bool = False
    start: int = 0  # where the evidence starts in its document


@dataclass(frozen=True)
class Position:
    """An actor's stances of one polarity on one topic: ``statements`` stances in
    ``documents`` documents, with their confidences summed."""

    actor: str
    topic: str
    polarity: Polarity
    statements: int = 1
    documents: int = 1
    confidence: float = 1.0
    actor_label: str = ""
    actor_kind: str = ""
    topic_label: str = ""
    candidate: bool = False

    def count(self, duplicates: str = "include") -> int:
        """How much this position weighs under DNA's duplicate settings: every statement
        (``include``), one per document (``document``) or one in all (``acrossrange``).
        Weeks, months and years need the statements' dates: see :func:`drop_duplicates`."""
        _check_duplicates(duplicates)
        if duplicates == "include":
            return self.statements
        if duplicates == "document":
            return self.documents
        if duplicates == "acrossrange":
            return 1
        raise AnalysisError(f"duplicates {duplicates!r} needs statements with dates, not counted positions")


def _check_duplicates(duplicates: str) -> None:
    if duplicates not in DUPLICATES:
        raise AnalysisError(f"unknown duplicates setting {duplicates!r}; use one of: {', '.join(DUPLICATES)}")


Records = Union["StanceStore", Iterable[Statement], Iterable[Position], Iterable[Stance]]


def statements(store: "StanceStore") -> list[Statement]:
    """Every stance in ``store`` (query ``stance-records``)."""
    out = []
    coded = _coded_topics(store)
    for r in _records(store, "stance-records"):
        out.append(Statement(
            actor=r["actorId"] or mint.local_id(r["actor"]), topic=_topic_id(r["topic"], r["topicId"]),
            polarity=Polarity(r["polarity"]), confidence=float(r["confidence"]), evidence=r["evidence"] or "",
            doc=r["doc"] or "", date=r["date"] if isinstance(r["date"], date) else None,
            actor_label=r["actorLabel"] or "", actor_kind=r["actorKind"] or "",
            topic_label=r["topicLabel"] or "", candidate=_candidate(r["topic"], coded),
            start=int(r["start"] or 0)))
    return out


def _coded_topics(store: "StanceStore") -> set[str]:
    """The topics (IRIs) of stances a person coded in another tool (query ``_coded-topics``)."""
    return {str(r["topic"]) for r in _records(store, "_coded-topics")}


def _candidate(topic: str, coded: set[str]) -> bool:
    """A candidate topic is an unclassified phrase, unless a person coded it as a concept."""
    return mint.is_candidate(topic) and str(topic) not in coded


def _records(store: "StanceStore", query: str) -> Iterator[dict]:
    """The rows of the named query ``query`` as mappings by column name."""
    from ..queries import run_query

    result = run_query(store, query)
    for row in result.rows:
        yield dict(zip(result.columns, row))


def positions(store: "StanceStore") -> list[Position]:
    """The stances in ``store`` counted by actor, topic and polarity (query ``position-counts``)."""
    out = []
    coded = _coded_topics(store)
    for r in _records(store, "position-counts"):
        out.append(Position(
            actor=r["actorId"] or mint.local_id(r["actor"]), topic=_topic_id(r["topic"], r["topicId"]),
            polarity=Polarity(r["polarity"]), statements=int(r["statements"]), documents=int(r["documents"]),
            confidence=float(r["confidence"] or 0.0), actor_label=r["actorLabel"] or "",
            actor_kind=r["actorKind"] or "", topic_label=r["topicLabel"] or "",
            candidate=_candidate(r["topic"], coded)))
    return out


def _topic_id(iri: str, notation: str | None) -> str:
    return notation or mint.local_id(iri)


def from_stance(stance: Stance) -> Statement:
    """A :class:`~stancegraph.types.Stance` as a statement (a candidate topic by its slug)."""
    topic = stance.topic if stance.topic is not None else mint.local_id(
        mint.candidate_iri(stance.phrase or stance.topic_label))
    return Statement(actor=stance.actor_id, topic=topic, polarity=stance.polarity,
                     confidence=stance.confidence, evidence=stance.evidence, doc=stance.doc_id,
                     actor_label=stance.actor, actor_kind=stance.actor_kind,
                     topic_label=stance.topic_label, candidate=stance.topic is None, start=stance.start)


def to_positions(items: Iterable[Statement]) -> list[Position]:
    """Statements counted by (actor, topic, polarity); the first label and kind seen are kept.

    >>> s = [Statement("a", "t", Polarity.SUPPORT, 0.5, doc="d1"),
    ...      Statement("a", "t", Polarity.SUPPORT, 0.25, doc="d1")]
    >>> p = to_positions(s)[0]
    >>> (p.statements, p.documents, p.confidence)
    (2, 1, 0.75)
    """
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for s in items:
        groups[(s.actor, s.topic, s.polarity)].append(s)
    out = []
    for (actor, topic, polarity), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2].value)):
        first = group[0]
        out.append(Position(actor, topic, polarity, statements=len(group),
                            documents=len({s.doc for s in group}), confidence=sum(s.confidence for s in group),
                            actor_label=first.actor_label, actor_kind=first.actor_kind,
                            topic_label=first.topic_label, candidate=first.candidate))
    return out


def drop_duplicates(items: Iterable[Statement], duplicates: str = "include", *,
                    qualifier: bool = True) -> list[Statement]:
    """The statements DNA keeps under its ``duplicates`` setting (``Exporter.filterStatements``):
    taken oldest first (then by document and position, as DNA orders them), a statement is
    dropped when one already kept has the same actor, topic and (with ``qualifier``) polarity
    in the same document, ISO calendar week, calendar month or year, or anywhere
    (``acrossrange``). ``qualifier=False`` is DNA's aggregation "ignore",
    which does not compare the polarity. Undated statements are never duplicates by date.

    >>> S, O = Polarity.SUPPORT, Polarity.OPPOSE
    >>> s = [Statement("a", "t", S, doc="d1"), Statement("a", "t", O, doc="d1"),
    ...      Statement("a", "t", S, doc="d1"), Statement("a", "t", S, doc="d2")]
    >>> len(drop_duplicates(s, "document")), len(drop_duplicates(s, "document", qualifier=False))
    (3, 2)
    """
    _check_duplicates(duplicates)
    items = list(items)
    if duplicates == "include":
        return items
    ordered = sorted(enumerate(items), key=lambda e: (e[1].date is None, e[1].date or date.min,
                                                      _natural(e[1].doc), e[1].start, e[0]))
    seen: set[tuple] = set()
    kept: list[Statement] = []
    for n, s in ordered:
        key = (s.actor, s.topic, s.polarity if qualifier else None, _bucket(s, duplicates, n))
        if key not in seen:
            seen.add(key)
            kept.append(s)
    return kept


def _natural(text: str) -> tuple:
    """``"doc-10"`` after ``"doc-9"``: DNA orders statements by date, then document id (a number)."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def _bucket(s: Statement, duplicates: str, n: int):
    """What two statements must share to be duplicates: document, week, month, year or nothing."""
    if duplicates == "document":
        return s.doc
    if duplicates == "acrossrange":
        return None
    if s.date is None:
        return ("undated", n)
    if duplicates == "week":
        return tuple(s.date.isocalendar())[:2]  # ISO weeks: DNA's UK calendar weeks, Monday first
    return (s.date.year, s.date.month) if duplicates == "month" else s.date.year


def counted(source: Records, duplicates: str = "include", *, qualifier: bool = True) -> list[Position]:
    """``source`` as positions whose ``statements`` count only what DNA's ``duplicates``
    setting keeps (see :func:`drop_duplicates`); ``qualifier=False`` for DNA's "ignore".

    Counted positions (no documents or dates) allow ``include``, and ``document`` or
    ``acrossrange`` when the polarity is compared; other settings need statements.
    """
    _check_duplicates(duplicates)
    if duplicates == "include":
        return as_positions(source)
    if not _is_store(source):
        source = list(source)  # read twice below
    stmts = as_statements(source)
    if stmts is not None:
        return to_positions(drop_duplicates(stmts, duplicates, qualifier=qualifier))
    if qualifier and duplicates in ("document", "acrossrange"):
        return [replace(p, statements=p.count(duplicates)) for p in as_positions(source)]
    raise AnalysisError(f"duplicates {duplicates!r}{'' if qualifier else ' without the polarity'} "
                        "needs statements (documents and dates), not counted positions")


def _is_store(source) -> bool:
    return hasattr(source, "query") and hasattr(source, "stances")


def as_statements(source: Records) -> list[Statement] | None:
    """``source`` as statements, or ``None`` when it holds positions (counts, no evidence)."""
    if _is_store(source):
        return statements(source)  # a StanceStore
    items = list(source)
    if items and isinstance(items[0], Position):
        return None
    return [from_stance(x) if isinstance(x, Stance) else _check(x, Statement) for x in items]


def as_positions(source: Records) -> list[Position]:
    """``source`` (a store, statements, stances or positions) as positions."""
    if _is_store(source):
        return positions(source)  # a StanceStore: counted by the query
    items = list(source)
    if items and isinstance(items[0], Position):
        return [_check(x, Position) for x in items]
    return to_positions(from_stance(x) if isinstance(x, Stance) else _check(x, Statement) for x in items)


def _check(item, cls):
    if not isinstance(item, cls):
        raise AnalysisError(f"expected {cls.__name__} records, got {type(item).__name__}")
    return item
