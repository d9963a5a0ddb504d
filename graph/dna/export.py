"""The statement table and rDNA's networks for DNA users (see :mod:`stancegraph.dna`)."""
from __future__ import annotations


import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .. import csvio
from ..codebook import Codebook, load_codebook
from ..rdf import mint
from ..types import Polarity, Stance
from .reading import DEFAULT_STATEMENT_TYPES

if TYPE_CHECKING:
    from ..rdf.store import StanceStore

STATEMENT_COLUMNS = ["statement ID", "time", "start", "stop", "statement type", "document ID", "title", "author",
                     "source", "section", "type", "text", "person", "organization", "concept", "agreement", "coder"]

_DOCS = """
PREFIX schema: <https://schema.org/>
SELECT ?id ?title ?source ?date WHERE {
  ?d a schema:NewsArticle ; schema:identifier ?id .
  OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:publisher ?source }
  OPTIONAL { ?d schema:datePublished ?date }
}"""


def statement_rows(store: "StanceStore", codebook: Codebook | None = None, *, candidates: bool = True) -> list[dict]:
    """The stances of ``store`` (reviews applied) as rows of DNA's statement table, oldest
    first. Imported statements keep DNA's values (their ``sg:sourceRecord``); the others are
    numbered after the highest DNA statement id."""
    from ..queries import run_query

    codebook = codebook or load_codebook()
    docs = {str(r["id"]): r for r in store.query(_DOCS)}
    records = {str(node): json.loads(str(record)) for node, record in run_query(store, "_source-records").rows}
    rows, others = [], []
    for s in store.stances():
        record = records.get(str(mint.stance_iri(s)))
        if not (candidates or s.classified or record is not None):
            continue
        doc_record = records.get(str(mint.doc_iri(s.doc_id)))
        if record is not None and doc_record is not None:
            rows.append(_dna_row(s, record, doc_record))
        else:
            others.append(_row(s, docs.get(s.doc_id), codebook))
    first = max((r["statement ID"] for r in rows), default=0) + 1
    for n, row in enumerate(others, start=first):
        row["statement ID"] = n
    return sorted(rows + others, key=lambda r: (r["time"], r["statement ID"]))


def _dna_row(s: Stance, record: dict, doc: dict) -> dict:
    v = record.get("variables", {})
    return {"statement ID": record["statement"], "time": doc.get("time", ""), "start": s.start, "stop": s.end,
            "statement type": record.get("type", ""), "document ID": doc["id"], "title": doc.get("title", ""),
            "author": doc.get("author", ""), "source": doc.get("source", ""), "section": doc.get("section", ""),
            "type": doc.get("type", ""), "text": s.evidence, "person": v.get("person", ""),
            "organization": v.get("organization", ""), "concept": v.get("concept", ""),
            "agreement": v.get("agreement", ""), "coder": "" if record.get("coder") is None else record["coder"]}


def _row(s: Stance, meta, codebook: Codebook) -> dict:
    person, organization = _person_organization(s, codebook)
    coder = s.extractor.split(":", 1)[1] if s.extractor.startswith(("dna:", "human:")) else s.extractor
    day = _str(meta, "date")
    return {"statement ID": 0, "time": f"{day} 00:00:00" if day else "", "start": s.start, "stop": s.end,
            "statement type": DEFAULT_STATEMENT_TYPES[0], "document ID": s.doc_id, "title": _str(meta, "title"),
            "author": "", "source": _str(meta, "source"), "section": "", "type": "", "text": s.evidence,
            "person": person, "organization": organization, "concept": s.topic_label,
            "agreement": 1 if s.polarity is Polarity.SUPPORT else 0, "coder": coder}


def _str(meta, key: str) -> str:
    return "" if meta is None or meta[key] is None else str(meta[key])


def _person_organization(s: Stance, codebook: Codebook) -> tuple[str, str]:
    """A person with the organization (state, group) the codebook says it belongs to; any other
    actor as the organization."""
    if s.actor_kind != "person":
        return "", s.actor
    known = codebook.actors.get(s.actor_id)
    parent = codebook.actors.get(known.member_of) if known and known.member_of else None
    return s.actor, parent.label if parent else ""


def write_statement_table(store: "StanceStore", out: TextIO, codebook: Codebook | None = None, *,
                          candidates: bool = True) -> int:
    """Write the statement table (CSV, :data:`STATEMENT_COLUMNS`) to ``out``; returns the row count."""
    rows = statement_rows(store, codebook, candidates=candidates)
    writer = csvio.DictWriter(out, fieldnames=STATEMENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def export_dna(store: "StanceStore", out: Path, codebook: Codebook | None = None, *,
               aggregations=("ignore", "congruence", "conflict", "subtract"), two_mode: str | None = "ignore",
               normalization: str = "no", duplicates: str = "include", candidates: bool = True) -> tuple[int, list[Path]]:
    """Write ``statements.csv`` and rDNA's networks (:func:`write_networks`) of ``store`` into the
    folder ``out``; returns the number of statements and the paths written."""
    from .. import analysis

    table = out / "statements.csv"
    part = table.with_name(table.name + ".part")
    try:
        with open(part, "w", encoding="utf-8", newline="") as fh:
            n = write_statement_table(store, fh, codebook, candidates=candidates)
        part.replace(table)
    finally:
        part.unlink(missing_ok=True)
    written = write_networks(analysis.statements(store), out, aggregations=aggregations, two_mode=two_mode,
                             normalization=normalization, duplicates=duplicates, candidates=candidates)
    return n, [table, *written]


def write_networks(source, out: Path, *, aggregations=("ignore", "congruence", "conflict", "subtract"),
                   two_mode: str | None = "ignore", normalization: str = "no", duplicates: str = "include",
                   candidates: bool = True) -> list[Path]:
    """Write rDNA's networks of ``source`` (a store or statements) as GraphML into ``out``: one
    ``<aggregation>.graphml`` per one-mode aggregation and ``affiliation.graphml``, the two-mode
    network with the ``two_mode`` aggregation (none when ``None``). Returns the paths written."""
    from .. import analysis

    written = []
    for aggregation in aggregations:
        G = analysis.one_mode_network(source, aggregation=aggregation, normalization=normalization,
                                      duplicates=duplicates, candidates=candidates)
        written.append(_write(G, out / f"{aggregation}.graphml"))
    if two_mode is not None:
        G = analysis.two_mode_network(source, aggregation=two_mode, duplicates=duplicates, candidates=candidates)
        written.append(_write(G, out / "affiliation.graphml"))
    return written


def _write(G, path: Path) -> Path:
    """Write GraphML through a temporary file, so a failure leaves no half-written file."""
    from ..analysis import write_graphml

    tmp = path.with_name(path.name + ".part")
    try:
        write_graphml(G, tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
