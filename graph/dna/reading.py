"""Reading a DNA database and importing its statements as human-coded stances (see
:mod:`stancegraph.dna`)."""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import PROV

from .. import csvio
from ..codebook import Codebook, load_codebook, slug
from ..errors import InputError
from ..rdf import convert, mint
from ..rdf.namespace import SG
from ..types import Document, Polarity, Stance

if TYPE_CHECKING:
    from ..rdf.store import StanceStore

log = logging.getLogger(__name__)

DEFAULT_STATEMENT_TYPES = ("DNA Statement", "DNAStatement")  # DNA 3's default type, then DNA 2's
_REQUIRED = ("DOCUMENTS", "STATEMENTS", "STATEMENTTYPES", "VARIABLES", "DATASHORTTEXT")


@dataclass(frozen=True)
class DnaStatement:
    id: int
    type: str
    doc: int
    start: int
    stop: int
    coder: str
    values: dict
    coder_id: int | None = None


@dataclass
class DnaData:
    """What a ``.dna`` file holds: documents by DNA id (with DNA's metadata in ``doc_records``),
    the statement types by label, and the statements with their variables."""

    documents: dict[int, Document] = field(default_factory=dict)
    statements: list[DnaStatement] = field(default_factory=list)
    version: int = 3
    doc_records: dict[int, dict] = field(default_factory=dict)
    types: list[str] = field(default_factory=list)

    def statement_type(self, wanted: str | None, path: Path) -> str:
        """The statement type to import: ``wanted``, or DNA's default one; raises ``InputError``."""
        if wanted is None:
            found = next((t for t in DEFAULT_STATEMENT_TYPES if t in self.types), None)
            if found is None:
                raise InputError(path, f"no statement type {DEFAULT_STATEMENT_TYPES[0]!r}; choose one with "
                                       f"--statement-type: {', '.join(map(repr, self.types)) or 'none'}")
            return found
        if wanted not in self.types:
            raise InputError(path, f"no statement type {wanted!r}; it has: {', '.join(map(repr, self.types)) or 'none'}")
        return wanted


@dataclass
class DnaReport:
    source: Path
    documents: int = 0
    stances: int = 0
    skipped: list[str] = field(default_factory=list)
    candidates: set[str] = field(default_factory=set)
    records: dict = field(default_factory=lambda: defaultdict(list))
    statement_type: str = ""
    other_types: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        kind = f" of type {self.statement_type!r}" if self.statement_type else ""
        text = f"{self.source}: {self.documents} documents, {self.stances} stances imported{kind}"
        if self.candidates:
            text += f" ({len(self.candidates)} concepts not in the codebook kept as concepts of their own)"
        if self.skipped:
            text += f"; {len(self.skipped)} statements skipped"
        if self.other_types:
            others = ", ".join(f"{t}: {n}" for t, n in sorted(self.other_types.items()))
            text += f"; {sum(self.other_types.values())} statements of other types not imported ({others})"
        return text


# --- reading a .dna file -------------------------------------------------------------------

def read_dna(path: str | Path, *, doc_prefix: str | None = None) -> DnaData:
    """The documents and statements of the DNA database ``path``; raises ``InputError``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    prefix = f"{path.stem}-" if doc_prefix is None else doc_prefix
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(path, f"cannot open as an SQLite database: {exc}") from exc
    try:
        return _read(con, path, prefix)
    except sqlite3.Error as exc:
        raise InputError(path, f"not a DNA database: {exc}") from exc
    finally:
        con.close()


def _read(con: sqlite3.Connection, path: Path, prefix: str) -> DnaData:
    tables = {r[0].upper() for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in _REQUIRED if t not in tables]
    if missing:
        raise InputError(path, f"not a DNA database: no table {', '.join(missing)}")
    short_columns = {r[1].lower() for r in con.execute("PRAGMA table_info(DATASHORTTEXT)")}
    data = DnaData(version=3 if "entity" in short_columns else 2)
    doc_columns = {r[1].lower() for r in con.execute("PRAGMA table_info(DOCUMENTS)")}
    extra = [c for c in ("Author", "Section", "Type") if c.lower() in doc_columns]
    for doc_id, title, text, source, stamp, *more in con.execute(
            f"SELECT ID, Title, Text, Source, Date{''.join(', ' + c for c in extra)} FROM DOCUMENTS"):
        data.documents[doc_id] = Document(id=f"{prefix}{doc_id}", text=text or "", title=_cell(title) or None,
                                          date=_date(stamp), source=_cell(source) or None, path=str(path))
        meta = {c.lower(): _cell(v) or "" for c, v in zip(extra, more)}
        data.doc_records[doc_id] = {"id": doc_id, "title": _cell(title) or "", "author": meta.get("author", ""),
                                    "source": _cell(source) or "", "section": meta.get("section", ""),
                                    "type": meta.get("type", ""), "time": _time(stamp)}
    coders = dict(con.execute("SELECT ID, Name FROM CODERS")) if "CODERS" in tables else {}
    types = dict(con.execute("SELECT ID, Label FROM STATEMENTTYPES"))
    data.types = [label for _, label in sorted(types.items())]
    values: dict[int, dict] = {}
    short = ("SELECT d.StatementId, v.Variable, e.Value FROM DATASHORTTEXT d JOIN VARIABLES v ON v.ID = d.VariableId "
             "JOIN ENTITIES e ON e.ID = d.Entity") if data.version == 3 else \
        "SELECT d.StatementId, v.Variable, d.Value FROM DATASHORTTEXT d JOIN VARIABLES v ON v.ID = d.VariableId"
    queries = [short] + [f"SELECT d.StatementId, v.Variable, d.Value FROM {t} d JOIN VARIABLES v ON v.ID = d.VariableId"
                         for t in ("DATALONGTEXT", "DATABOOLEAN", "DATAINTEGER") if t in tables]
    for sql in queries:
        for statement, variable, value in con.execute(sql):
            values.setdefault(statement, {})[variable.lower()] = _cell(value)
    for sid, tid, doc, start, stop, coder in con.execute(
            "SELECT ID, StatementTypeId, DocumentId, Start, Stop, Coder FROM STATEMENTS ORDER BY ID"):
        data.statements.append(DnaStatement(sid, types.get(tid, ""), doc, start, stop,
                                            coders.get(coder, f"coder {coder}"), values.get(sid, {}), coder))
    return data


def _cell(value):
    """A short text as written: without the quote our statement table puts before a cell a
    spreadsheet would take for a formula (a database filled from ``statements.csv``)."""
    return csvio.unescape_cell(value) if isinstance(value, str) else value


def _moment(stamp) -> datetime | None:
    """A DNA date (seconds since 1970 in DNA 3, milliseconds in DNA 2), in UTC as DNA reads it."""
    if stamp is None or stamp == "":
        return None
    try:
        n = int(stamp)
    except (TypeError, ValueError):
        return None
    seconds = n / 1000 if abs(n) > 10**11 else n  # 10**11 s is the year 5138: such a number is in ms
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _date(stamp) -> str | None:
    """A DNA date as YYYY-MM-DD."""
    moment = _moment(stamp)
    return moment.date().isoformat() if moment else None


def _time(stamp) -> str:
    """A DNA date as DNA's event list writes it: ``yyyy-MM-dd HH:mm:ss``."""
    moment = _moment(stamp)
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else ""


# --- statements to stances -----------------------------------------------------------------

def to_stances(data: DnaData, codebook: Codebook, *, actor: str = "organization",
               report: DnaReport | None = None, statement_type: str | None = None) -> dict[str, list[Stance]]:
    """The statements of ``data`` (of ``statement_type``; of every type when ``None``) as
    human-coded stances, by document id; :func:`statement_record` gives DNA's record of each."""
    report = report or DnaReport(Path("."))
    out: dict[str, list[Stance]] = {d.id: [] for d in data.documents.values()}
    other = "person" if actor == "organization" else "organization"
    for st in data.statements:
        if statement_type is not None and st.type != statement_type:
            report.other_types[st.type or "(none)"] += 1
            continue
        doc = data.documents.get(st.doc)
        v = st.values
        name_var = actor
        name, concept, agreement = (v.get(name_var) or "").strip(), (v.get("concept") or "").strip(), v.get("agreement")
        why = ("its document is missing" if doc is None else _no_actor(actor, other, v) if not name else
               "no concept" if not concept else "no agreement" if agreement in (None, "") else
               "its span is outside the document" if not 0 <= st.start < st.stop <= len(doc.text) else "")
        if why:
            report.skipped.append(f"statement {st.id}: {why}")
            continue
        actor_label, actor_id, kind = _actor(name, name_var, codebook)
        topic = _topic(concept, codebook)
        if topic is None:
            report.candidates.add(concept)
        out[doc.id].append(Stance(
            doc_id=doc.id, actor=actor_label, actor_id=actor_id, actor_kind=kind,
            polarity=Polarity.SUPPORT if int(agreement) > 0 else Polarity.OPPOSE,
            topic=topic.id if topic else None, topic_label=topic.label if topic else concept,
            evidence=doc.text[st.start:st.stop], start=st.start, end=st.stop, confidence=1.0,
            extractor=f"dna:{st.coder}", phrase="" if topic else concept, mention=name))
        report.records[mint.stance_iri(out[doc.id][-1])].append(statement_record(st))
    return out


def _no_actor(actor: str, other: str, values: dict) -> str:
    if (values.get(other) or "").strip():
        return f"no {actor} (its {other}: {values[other].strip()!r}; import with --actor {other} for it)"
    return "no person or organization"


def statement_record(st: DnaStatement) -> dict:
    """What DNA holds about statement ``st``: id, type, coder id and variables (text as is)."""
    return {"statement": st.id, "type": st.type, "coder": st.coder_id, "document": st.doc,
            "variables": {k: v for k, v in sorted(st.values.items())}}


def _actor(name: str, variable: str, codebook: Codebook) -> tuple[str, str, str]:
    folded = name.casefold()
    for a in codebook.actors.values():
        if a.id == name or any(n.casefold() == folded for n in a.names):
            return a.label, a.id, a.kind
    return name, slug(name) or "actor", "person" if variable == "person" else "organization"


def _topic(concept: str, codebook: Codebook):
    folded = concept.casefold()
    return next((t for t in codebook.topics.values()
                 if t.id == concept or any(n.casefold() == folded for n in (t.label, *t.alt_labels))), None)


def import_dna(store: "StanceStore", path: str | Path, *, codebook: Codebook | None = None,
               actor: str = "organization", statement_type: str | None = None,
               now: datetime | None = None) -> DnaReport:
    """Load the DNA database ``path`` into ``store`` in one transaction: its documents (their
    graphs replaced) and its statements of ``statement_type`` (default: DNA's "DNA Statement")
    as stances attributed to their DNA coders, with DNA's records of both."""
    if actor not in ("organization", "person"):
        raise InputError("actor", f"use organization or person, not {actor!r}")
    path = Path(path)
    codebook = codebook or load_codebook()
    data = read_dna(path)
    chosen = data.statement_type(statement_type, path)
    report = DnaReport(path, documents=len(data.documents), statement_type=chosen)
    by_doc = to_stances(data, codebook, actor=actor, report=report, statement_type=chosen)
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    when = Literal(now.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime)
    batch = f"dna-{slug(path.stem) or 'file'}-{hashlib.sha1(path.read_bytes()).hexdigest()[:8]}"
    activity = mint.import_iri(batch)
    g = convert.new_graph(activity)
    g.add((activity, RDF.type, SG.CodingImport))
    g.add((activity, RDFS.label, Literal(f"DNA import of {path.name}")))
    g.add((activity, PROV.startedAtTime, when))
    graphs = [convert.ontology_graph(), convert.codebook_graph(codebook)]
    for dna_id, doc in data.documents.items():
        try:
            graphs.append(convert.document_graph(doc, [], codebook))
            g.add((mint.doc_iri(doc.id), SG.sourceRecord, _json(data.doc_records[dna_id])))
            for st in by_doc[doc.id]:
                coder = st.extractor.split(":", 1)[1]
                agent = mint.agent_iri("dna-coder", coder)
                g.add((agent, RDF.type, PROV.Agent))
                g.add((agent, RDFS.label, Literal(coder)))
                g.add((activity, PROV.wasAssociatedWith, agent))
                node = convert.add_human_stance(g, st, codebook, activity=activity, agent=agent, when=when)
                for record in report.records.get(node, ()):
                    g.add((node, SG.sourceRecord, _json(record)))
                report.stances += 1
        except ValueError as exc:
            raise InputError(path, f"document {doc.id!r}: {exc}") from exc
    store.write_graphs([*graphs, g])
    log.info("%s", report.summary())
    return report


def _json(record: dict) -> Literal:
    return Literal(json.dumps(record, ensure_ascii=False, sort_keys=True), datatype=RDF.JSON)
