"""Human review of the stances: export a review sheet, apply the verdicts, read with them applied.

The round trip::

    stancegraph review export --out review.csv        # least confident first
    # mark rows correct / wrong / changed, add rows for missed stances
    stancegraph review import review.csv --reviewer "Ana Silva"

Each applied file is one ``sg:Review`` activity (``prov:wasAssociatedWith`` the reviewer, a
``prov:Agent``, ``prov:startedAtTime``) whose named graph ``id/review/<batch>`` holds one
``sg:Decision`` per row (``sg:decisionOn`` the stance, ``sg:verdict``, ``prov:wasAttributedTo``
the reviewer, ``prov:generatedAtTime``) and the stances the reviewer added or corrected
(corrections are ``prov:wasRevisionOf`` the machine stance). The graph ``id/review/status``
holds the status the latest decision gave each stance (``sg:Accepted`` or ``sg:Rejected``).

Document rebuilds replace only document graphs, so reviews survive them; a rebuild that
extracts a rejected stance again mints the same IRI, and the stance stays rejected. Rejected
stances are never deleted: reads (``StanceStore.stances()``, the named queries, the networks)
leave them out. The store reads the decisions itself (:mod:`stancegraph.rdf.decisions`, whose
functions this module re-exports); this module writes them, through the store.

A review file is checked whole before anything is written: wrong columns, an unknown stance
id, document or topic, a bad verdict, polarity or span, or the quote of an added stance that is
not in its document (or occurs more than once without ``start``/``end``) refuse the file with
the line numbers. An added stance's evidence is the sentence around its quote
(:mod:`stancegraph.quotes`).

What the decisions teach the extractor is :mod:`stancegraph.lessons`.
"""
from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from . import csvio, quotes
from .codebook import Codebook, load_codebook, slug
from .errors import RecordError
from .rdf import convert, mint, sparql
from .rdf.decisions import apply_reviews, human_graphs, human_stances, rejected
from .rdf.namespace import SG
from .rdf.store import StanceStore
from .types import Polarity, Stance

log = logging.getLogger(__name__)

__all__ = ["COLUMNS", "VERDICTS", "ReviewError", "ReviewReport", "apply_review", "apply_reviews", "human_graphs",
           "human_stances", "read_review", "rejected", "review_rows", "write_review"]

COLUMNS = ["stance", "doc", "actor", "polarity", "topic", "confidence", "evidence", "start", "end",
           "extractor", "verdict", "new_actor", "new_polarity", "new_topic", "note"]
VERDICTS = {"correct": SG.Correct, "wrong": SG.Wrong, "changed": SG.Changed, "added": SG.Added}
STATUS = {SG.Correct: SG.Accepted, SG.Wrong: SG.Rejected, SG.Changed: SG.Rejected}
_POLARITY = {"support": Polarity.SUPPORT, "favor": Polarity.SUPPORT, "pro": Polarity.SUPPORT, "+1": Polarity.SUPPORT,
             "oppose": Polarity.OPPOSE, "against": Polarity.OPPOSE, "con": Polarity.OPPOSE, "-1": Polarity.OPPOSE}


class ReviewError(RecordError):
    """A review file that cannot be applied; ``problems`` lists every ``(line, problem)``."""

    def __init__(self, path, problems: list[tuple[int | None, str]]):
        self.problems = problems
        line, problem = problems[0]
        more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''}; nothing applied)" \
            if len(problems) > 1 else " (nothing applied)"
        super().__init__(path, line, problem + more)


# --- export --------------------------------------------------------------------------------

def review_rows(stances: Iterable[Stance]) -> list[dict[str, str]]:
    """One review row per stance, least confident first (then by document and position)."""
    rows = []
    for s in sorted(stances, key=lambda s: (s.confidence, s.doc_id, s.start, s.key)):
        rows.append({"stance": s.key, "doc": s.doc_id, "actor": s.actor, "polarity": s.polarity.value,
                     "topic": s.topic_label if s.topic is None else s.topic, "confidence": f"{s.confidence:.3f}",
                     "evidence": s.evidence, "start": str(s.start), "end": str(s.end), "extractor": s.extractor,
                     **{c: "" for c in COLUMNS[COLUMNS.index("verdict"):]}})
    return rows


def write_review(stances: Iterable[Stance], out: TextIO) -> int:
    """Write the review sheet (CSV, :data:`COLUMNS`) of ``stances`` to ``out``; returns the row count."""
    rows = review_rows(stances)
    writer = csvio.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


# --- import: check the whole file, then write once ----------------------------------------

@dataclass
class ReviewReport:
    """What an applied review did."""

    review: URIRef
    reviewer: str
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        parts = ", ".join(f"{n} {v}" for v, n in sorted(self.counts.items())) or "no decisions"
        return f"review {mint.local_id(self.review)} by {self.reviewer}: {parts}"


@dataclass(frozen=True)
class _Row:
    line: int
    verdict: URIRef
    target: Stance | None  # the reviewed stance (None for an added one)
    new: Stance | None  # the stance the reviewer added or corrected to
    note: str


def apply_review(store: StanceStore, path: str | Path, reviewer: str, *, codebook: Codebook | None = None,
                 now: datetime | None = None) -> ReviewReport:
    """Apply the review file ``path`` by ``reviewer`` to ``store``: all rows or none.

    Raises :class:`ReviewError` (nothing written) when any row cannot be applied.
    """
    path = Path(path)
    if not reviewer.strip():
        raise ReviewError(path, [(None, "give the reviewer's name")])
    codebook = codebook or load_codebook()
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    rows = read_review(path, store, codebook, reviewer=reviewer)
    batch = f"{now:%Y%m%dT%H%M%SZ}-{slug(reviewer) or 'reviewer'}-{_digest(path)}"
    graph, report = _review_graph(rows, batch, reviewer.strip(), now, codebook, path.name)
    store.write_graphs([graph, _status_graph(store, graph)])
    log.info("%s", report.summary())
    return report


def read_review(path: Path, store: StanceStore, codebook: Codebook, *, reviewer: str = "reviewer") -> list[_Row]:
    """The rows of a review file that carry a decision, checked; raises :class:`ReviewError`."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return _check_rows(path, csvio.DictReader(fh), store, codebook, reviewer)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReviewError(path, [(None, f"cannot read: {getattr(exc, 'strerror', None) or exc}")]) from exc


def _check_rows(path: Path, reader: csv.DictReader, store, codebook: Codebook, reviewer: str) -> list[_Row]:
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        what = "; ".join(x for x in (f"missing {', '.join(missing)}" if missing else "",
                                     f"unknown {', '.join(unknown)}" if unknown else "") if x)
        raise ReviewError(path, [(1, f"wrong columns ({what}); expected: {', '.join(COLUMNS)}")])
    known = {mint.stance_iri(s): s for s in [*store.stances(reviewed=False), *human_stances(store)]}
    texts: dict[str, str | None] = {}
    problems: list[tuple[int, str]] = []
    rows: list[_Row] = []
    seen: dict[URIRef, int] = {}
    for rec in reader:
        line = reader.line_num
        if None in rec:  # more cells than columns
            problems.append((line, f"{len(rec[None])} cells more than the {len(COLUMNS)} columns"))
            continue
        rec = {k: (v or "").strip() for k, v in rec.items()}
        if not any(rec.values()):
            continue
        try:
            row = _check_row(rec, line, known, texts, store, codebook, reviewer)
        except ValueError as exc:
            problems.append((line, str(exc)))
            continue
        if row is None:
            continue
        if row.target is not None:
            iri = mint.stance_iri(row.target)
            if iri in seen:
                problems.append((line, f"stance {row.target.key} was already reviewed on line {seen[iri]}"))
                continue
            seen[iri] = line
        rows.append(row)
    if problems:
        raise ReviewError(path, problems)
    return rows


def _check_row(rec: dict[str, str], line: int, known: dict, texts: dict, store, codebook: Codebook,
               reviewer: str) -> _Row | None:
    verdict_text = rec["verdict"].lower()
    if not rec["stance"]:  # a stance the extractor missed
        if verdict_text not in ("", "added"):
            raise ValueError(f"a row without a stance id adds a stance: its verdict is 'added', not {rec['verdict']!r}")
        return _Row(line, SG.Added, None, _added(rec, texts, store, codebook, reviewer), rec["note"])
    if not rec["doc"]:
        raise ValueError(f"stance {rec['stance']!r}: the doc column is empty")
    target = known.get(mint.stance_iri_of(rec["doc"], rec["stance"]))
    if target is None:
        raise ValueError(f"unknown stance id {rec['stance']!r} in document {rec['doc']!r}")
    if not verdict_text:
        return None
    if verdict_text not in VERDICTS or verdict_text == "added":
        raise ValueError(f"unknown verdict {rec['verdict']!r}; use correct, wrong or changed "
                         "(or 'added' on a row without a stance id)")
    verdict = VERDICTS[verdict_text]
    new = None
    if verdict == SG.Changed:
        if not (rec["new_actor"] or rec["new_polarity"] or rec["new_topic"]):
            raise ValueError("verdict 'changed' needs new_actor, new_polarity or new_topic")
        new = _changed(target, rec, codebook, reviewer)
        if (new.actor_id, new.polarity, new.topic) == (target.actor_id, target.polarity, target.topic):
            raise ValueError("verdict 'changed' but the new actor, polarity and topic are the stance's own")
    return _Row(line, verdict, target, new, rec["note"])


def _changed(old: Stance, rec: dict[str, str], codebook: Codebook, reviewer: str) -> Stance:
    actor = _actor(rec["new_actor"], codebook) if rec["new_actor"] else (old.actor, old.actor_id, old.actor_kind)
    polarity = _polarity(rec["new_polarity"]) if rec["new_polarity"] else old.polarity
    topic, label = _topic(rec["new_topic"], codebook) if rec["new_topic"] else (old.topic, old.topic_label)
    return replace(old, actor=actor[0], actor_id=actor[1], actor_kind=actor[2], polarity=polarity, topic=topic,
                   topic_label=label, confidence=1.0, extractor=f"human:{reviewer}", cue="", mention="",
                   phrase="" if topic is not None else old.phrase)


def _added(rec: dict[str, str], texts: dict, store, codebook: Codebook, reviewer: str) -> Stance:
    """A stance the extractor missed: found by its quote (``evidence``) in the document's text;
    ``start``/``end`` are needed only when the quote occurs more than once."""
    for column in ("doc", "actor", "polarity", "topic", "evidence"):
        if not rec[column]:
            raise ValueError(f"an added stance needs {column!r}")
    doc = rec["doc"]
    if doc not in texts:
        texts[doc] = store.document_text(doc)
        if texts[doc] is None and store.document_hash(doc) is not None:
            texts[doc] = False  # stored before texts were kept: offsets only
    if texts[doc] is None:
        raise ValueError(f"unknown document {doc!r}")
    start, end = _span(rec, doc, texts[doc], store)
    actor, actor_id, kind = _actor(rec["actor"], codebook)
    topic, label = _topic(rec["topic"], codebook)
    evidence = texts[doc][start:end] if texts[doc] else rec["evidence"]
    return Stance(doc_id=doc, actor=actor, actor_id=actor_id, actor_kind=kind, polarity=_polarity(rec["polarity"]),
                  topic=topic, topic_label=label, evidence=evidence, start=start, end=end, confidence=1.0,
                  extractor=f"human:{reviewer}")


def _span(rec: dict[str, str], doc: str, text, store) -> tuple[int, int]:
    """The offsets of the sentence that holds the row's quote (see :mod:`stancegraph.quotes`)."""
    offsets = None
    if rec["start"] or rec["end"]:
        try:
            offsets = int(rec["start"]), int(rec["end"])
        except ValueError:
            raise ValueError(f"start and end must be whole numbers, not {rec['start']!r} and {rec['end']!r}") from None
    if text is False:  # no text stored: the offsets as given
        if offsets is None:
            raise ValueError(f"document {doc!r} was stored without its text: build it again to add stances "
                             "by quote, or give start and end")
        length = int(store.graph(doc).value(mint.doc_iri(doc), SG.length))
        if not 0 <= offsets[0] < offsets[1] <= length:
            raise ValueError(f"span {offsets[0]}-{offsets[1]} is outside document {doc!r} (length {length})")
        return offsets
    if offsets is not None and not 0 <= offsets[0] < offsets[1] <= len(text):
        raise ValueError(f"span {offsets[0]}-{offsets[1]} is outside document {doc!r} (length {len(text)})")
    quote = rec["evidence"]
    if len(quote.split()) < quotes.MIN_WORDS:
        raise ValueError(f"quote {quote!r} is too short: copy at least {quotes.MIN_WORDS} words from the article")
    hits = quotes.locate(text, quote)
    if offsets is not None:  # the occurrence the offsets point at, or the quote inside them
        hits = [h for h in hits if h[0] < offsets[1] and offsets[0] < h[1]]
    if not hits:
        where = f" between {offsets[0]} and {offsets[1]}" if offsets else ""
        raise ValueError(f"quote {_short(quote)} is not in document {doc!r}{where}")
    if len(hits) > 1:
        raise ValueError(f"quote {_short(quote)} occurs {len(hits)} times in document {doc!r}: "
                         "quote more words, or give start and end")
    return quotes.enclosing_sentence(text, *hits[0])


def _short(quote: str) -> str:
    return repr(quote if len(quote) <= 60 else quote[:57] + "...")


def _actor(text: str, codebook: Codebook) -> tuple[str, str, str]:
    """(label, id, kind) of a codebook actor named by id, label or alias; else a new actor."""
    folded = text.casefold()
    for a in codebook.actors.values():
        if a.id == text or any(n.casefold() == folded for n in a.names):
            return a.label, a.id, a.kind
    if not slug(text):
        raise ValueError(f"cannot read {text!r} as an actor")
    return text, slug(text), ""


def _topic(text: str, codebook: Codebook) -> tuple[str, str]:
    """(id, label) of a codebook topic named by id, label or alternative label."""
    folded = text.casefold()
    for t in codebook.topics.values():
        if t.id == text or any(n.casefold() == folded for n in (t.label, *t.alt_labels)):
            return t.id, t.label
    raise ValueError(f"unknown topic {text!r}: not a topic of codebook {codebook.label or codebook.iri}")


def _polarity(text: str) -> Polarity:
    try:
        return _POLARITY[text.lower()]
    except KeyError:
        raise ValueError(f"unknown polarity {text!r}; use support or oppose") from None


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:8]


def _review_graph(rows: list[_Row], batch: str, reviewer: str, now: datetime, codebook: Codebook,
                  source: str) -> tuple[Graph, ReviewReport]:
    activity, agent = mint.review_iri(batch), mint.agent_iri("reviewer", reviewer)
    when = Literal(now.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)
    g = convert.new_graph(activity)
    g.add((activity, RDF.type, SG.Review))
    g.add((activity, RDFS.label, Literal(f"review of {source} by {reviewer}")))
    g.add((activity, PROV.wasAssociatedWith, agent))
    g.add((activity, PROV.startedAtTime, when))
    g.add((agent, RDF.type, PROV.Agent))
    g.add((agent, RDFS.label, Literal(reviewer)))
    report = ReviewReport(activity, reviewer)
    for row in rows:
        target = mint.stance_iri(row.target) if row.target is not None else None
        if row.new is not None:
            target_new = convert.add_human_stance(g, row.new, codebook, activity=activity, agent=agent, when=when,
                                                  revision_of=target)
            target = target or target_new
        d = mint.decision_iri(batch, row.line)
        g.add((d, RDF.type, SG.Decision))
        g.add((d, SG.decisionOn, target))
        g.add((d, SG.verdict, row.verdict))
        g.add((d, PROV.wasGeneratedBy, activity))
        g.add((d, PROV.wasAttributedTo, agent))
        g.add((d, PROV.generatedAtTime, when))
        if row.note:
            g.add((d, SG.note, Literal(row.note)))
        name = str(row.verdict).rsplit("#", 1)[-1].lower()
        report.counts[name] = report.counts.get(name, 0) + 1
    return g, report


def _status_graph(store: StanceStore, new: Graph) -> Graph:
    """The status of every reviewed stance, by its latest decision (the new review's last)."""
    latest: dict = {}
    old = [(r["time"].toPython(), 0, str(r["d"]), r["on"], r["verdict"]) for r in store.query(sparql.DECISIONS)]
    fresh = [(r["time"].toPython(), 1, str(r["d"]), r["on"], r["verdict"]) for r in new.query(sparql.DECISIONS)]
    for _, _, _, on, verdict in sorted(old + fresh, key=lambda t: (t[0], t[1], t[2])):
        latest[on] = verdict
    g = convert.new_graph(mint.REVIEW_STATUS_GRAPH)
    for stance, verdict in latest.items():
        if verdict in STATUS:
            g.add((stance, SG.reviewStatus, STATUS[verdict]))
    return g
