"""The graph store: stances by document, one named graph per document, over a backend.

:class:`StanceStore` holds the behaviour (reading stances and versions, replacing documents,
human reviews applied, load, export) once; under it a :class:`~stancegraph.rdf.backend.Backend`
runs the SPARQL (:mod:`stancegraph.rdf.sparql`): Oxigraph in this process, on disk or in memory
(:mod:`~stancegraph.rdf.embedded`), or a SPARQL 1.1 server (:mod:`~stancegraph.rdf.remote`).
:func:`open_store` picks one from a folder, ``None`` or a ``sparql+http://`` spec.

Beside the document graphs it holds the codebook (``id/graph/codebook``) and the ontology
(``id/graph/ontology``), both refreshed on each :meth:`StanceStore.replace_documents`.

Writes are all-or-nothing for a whole call: every document is converted (and so checked)
before anything is written, then all graphs are replaced by ONE SPARQL update request
(``DROP SILENT GRAPH g ; INSERT DATA { GRAPH g {...} }`` for each), which Oxigraph applies
as one transaction: if any operation fails, none is applied.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from ..codebook import Codebook
from ..errors import QueryError, StoreError
from ..types import Document, Stance
from . import convert, decisions, mint, sparql, terms
from .backend import Backend
from .embedded import DEFAULT_GRAPH_ERROR, EmbeddedBackend, has_default_graph
from .remote import SparqlBackend, is_remote

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_PATH", "EXPORT_FORMATS", "LOAD_FORMATS", "StanceStore", "is_remote", "open_store",
           "stances_from_rows"]

DEFAULT_PATH = Path("out/store")
EXPORT_FORMATS = {"ttl": "turtle", "trig": "trig", "jsonld": "json-ld", "nquads": "nquads"}
LOAD_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS}
_KIND_OF = {str(cls): kind for cls, kind in convert.CLASS_KIND.items()}


def open_store(spec: str | Path | None = DEFAULT_PATH) -> "StanceStore":
    """The store that ``spec`` names: a folder (``None``: in memory) or a SPARQL server
    (``sparql+http://host:port/path`` or ``sparql+https://``); the same API for all."""
    return StanceStore(spec)


@lru_cache(maxsize=1)
def query_prefixes() -> dict[str, str]:
    """The prefixes every query may use undeclared: rdflib's usual ones and stancegraph's."""
    ds = Dataset()
    for prefix, ns in convert.PREFIXES.items():
        ds.bind(prefix, ns)
    return {prefix: str(ns) for prefix, ns in ds.namespaces()}


class StanceStore:
    """Stances by document in the folder ``spec`` (in memory when ``None``), in the SPARQL
    server a ``sparql+http://`` spec names, or over any :class:`Backend`.

    >>> with StanceStore.open(None) as store:
    ...     store.documents()
    []
    """

    def __init__(self, spec: str | Path | Backend | None = DEFAULT_PATH, *, read_only: bool = False):
        if isinstance(spec, Backend):
            self.backend = spec
        elif is_remote(spec):
            self.backend = SparqlBackend(str(spec))
        else:
            self.backend = EmbeddedBackend(None if spec is None else Path(spec), read_only=read_only)
        # where it lives: the folder (``None`` in memory), or the server's spec
        self.path = self.backend.path if isinstance(self.backend, EmbeddedBackend) else self.backend.location

    @classmethod
    def open(cls, spec: str | Path | Backend | None = DEFAULT_PATH) -> "StanceStore":
        return cls(spec)

    @classmethod
    def read_only(cls, path: str | Path) -> "StanceStore":
        """Open the store folder ``path`` for reading only: no lock is taken, so several processes
        can (a query server's workers); nothing may write to it meanwhile (Oxigraph's rule)."""
        return cls(path, read_only=True)

    def __enter__(self) -> "StanceStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (its directory lock, its connections)."""
        self.backend.close()

    def __len__(self) -> int:
        """The number of quads in all graphs."""
        return len(self.backend)

    @property
    def dataset(self) -> Dataset:
        """An rdflib view (default graph = union of all graphs); read it, write through this class."""
        return self.backend.dataset()

    # --- reading ---------------------------------------------------------------------------

    def _select(self, text: str, names: Iterable[str], **bindings: Identifier) -> Iterable[dict[str, str | None]]:
        return terms.values(self.backend.query(text, terms.substitutions(bindings)), names)

    def graph(self, doc_id: str) -> Graph:
        """A copy of one document's named graph (empty when the document is not stored)."""
        name = mint.graph_iri(doc_id)
        g = convert.new_graph(name)
        g += terms.result(self.backend.query(sparql.GRAPH_TRIPLES, terms.substitutions({"g": name}))).graph
        return g

    def documents(self) -> list[str]:
        """The ids of the stored documents, sorted."""
        ids = (mint.graph_doc_id(g) for g in self.backend.graph_names() if g.startswith(mint.BASE + "graph/"))
        return sorted(i for i in ids if i is not None)

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash the document was stored with, or ``None`` if it is not stored."""
        rows = self._select(sparql.VERSIONS, ["h"], g=mint.graph_iri(doc_id))
        return next((r["h"] for r in rows), None)

    def document_text(self, doc_id: str) -> str | None:
        """The document's cleaned text (the one evidence offsets point into), or ``None`` when
        the document is not stored or was stored without it."""
        rows = self._select(sparql.DOCUMENT_TEXT, ["t"], g=mint.graph_iri(doc_id), d=mint.doc_iri(doc_id))
        return next((r["t"] for r in rows), None)

    def document_hashes(self) -> dict[str, str]:
        """Every stored document id with its content hash, in one query."""
        return {d: h for d, (h, _) in self.document_versions().items()}

    def document_versions(self) -> dict[str, tuple[str, str | None]]:
        """Every stored document id with its content hash and what it was extracted with
        (``sg:extractedWith``; ``None`` when not recorded), in one query."""
        rows = self._select(sparql.VERSIONS, ["g", "h", "w"])
        found = ((mint.graph_doc_id(r["g"]), (r["h"], r["w"])) for r in rows if r["g"].startswith(mint.BASE + "graph/"))
        return {d: v for d, v in found if d is not None}

    def stances(self, doc_id: str | None = None, *, reviewed: bool = True) -> list[Stance]:
        """The stances of one document, or of all.

        With ``reviewed`` (the default) human decisions apply (:mod:`stancegraph.review`):
        stances a reviewer rejected are left out, stances people added or corrected (reviews,
        DNA imports) are in. ``reviewed=False`` gives the machine stances as they were stored.
        """
        graph = {} if doc_id is None else {"g": mint.graph_iri(doc_id)}
        out = stances_from_rows(self._select(sparql.TERM_INFO, ["x", "notation", "kind"]),
                                self._select(sparql.STANCE_ROWS, ["stance", *sparql.STANCE_FIELDS], **graph))
        if reviewed:
            out = self.apply_reviews(out, doc_id=doc_id)
        return out

    def apply_reviews(self, stances: list[Stance], *, doc_id: str | None = None) -> list[Stance]:
        """``stances`` (machine stances of ``doc_id``, or of all documents) with the stored human
        decisions applied (:func:`stancegraph.rdf.decisions.apply_reviews`)."""
        return decisions.apply_reviews(self, stances, doc_id=doc_id)

    def query(self, text: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs, with parameters as ``initBindings``.

        A bound value is a term, never read as query text (Oxigraph substitutes it into the
        parsed query, SPARQL-dev SEP-0007; a server gets it in a ``VALUES`` block); in a
        SELECT run by Oxigraph, a bound variable must be projected.
        """
        try:
            params = terms.substitutions(bindings)
        except (TypeError, ValueError) as exc:
            raise QueryError(str(exc)) from None
        return terms.result(self.backend.query(text, params, prefixes=query_prefixes()))

    # --- writing ---------------------------------------------------------------------------

    def replace_documents(
        self, items: Iterable[tuple[Document, list[Stance]]], codebook: Codebook, *, force: bool = False,
        extracted_with: str | None = None,
    ) -> list[str]:
        """Store each document with its stances, replacing its previous graph; all or nothing.

        ``extracted_with`` (see :func:`stancegraph.pipeline.extraction_key`) is recorded on each
        document. A document stored with the same content hash (and, when given, the same
        ``extracted_with``) is skipped unless ``force``. Returns the ids of the documents
        written. Raises ``StoreError`` (and writes nothing) when a document or stance cannot be
        converted or the write fails.
        """
        stored = {} if force else self.document_versions()
        graphs: dict[str, Graph] = {}
        for doc, stances in items:
            try:
                if _unchanged(stored.get(doc.id), doc, extracted_with):
                    log.debug("document %s unchanged; skipped", doc.id)
                    continue
                graphs[doc.id] = convert.document_graph(doc, stances, codebook, extracted_with=extracted_with)
            except ValueError as exc:
                raise StoreError(f"document {doc.id!r} not stored: {exc}") from exc
        self.write_graphs([convert.ontology_graph(), convert.codebook_graph(codebook), *graphs.values()])
        log.info("stored %d documents", len(graphs))
        return list(graphs)

    def write_graphs(self, graphs: list[Graph]) -> None:
        """Replace each named graph (by its identifier) with its triples, all in one transaction.

        For graphs that are not documents, such as reviews (:mod:`stancegraph.review`) and imports."""
        try:
            held = self.backend.held(str(g.identifier) for g in graphs)
            request = sparql.replace_graphs(graphs, held.__contains__)
            self.backend.update(request, quads=sum(len(g) for g in graphs))
        except (StoreError, ValueError) as exc:
            raise StoreError(f"{self.backend.location}: write failed, nothing stored: {terms.reason(exc)}") from exc

    def load(self, path: str | Path) -> list[str]:
        """Load a dataset file (TriG or N-Quads, as ``export --format trig|nquads`` writes it):
        each named graph in it replaces the store's graph of that name, all in one transaction.

        A backend with a faster path takes it (embedded Oxigraph, into an empty store: its bulk
        loader, which streams the file). Otherwise the file is read into memory first and
        written as one update. Returns the names of the graphs loaded. Raises ``StoreError``
        (nothing changed) for an unknown format, a syntax error (with its line) or triples
        outside named graphs.
        """
        path, fmt = _load_format(path)
        if self.backend.bulk_load(path, fmt):
            return sorted(self.backend.graph_names())
        staged = _staged(path, fmt)
        names = [g for g in staged.named_graphs() if isinstance(g, ox.NamedNode)]
        held = self.backend.held(g.value for g in names)
        try:
            self.backend.update(sparql.load_request(staged, names, held.__contains__), quads=len(staged))
        except StoreError as exc:
            raise StoreError(f"{self.backend.location}: load of {path} failed, nothing stored: {exc}") from exc
        return sorted(g.value for g in names)

    # --- export ----------------------------------------------------------------------------

    def export(self, fmt: str, dest: str | Path) -> Path:
        """Write the store to ``dest``: ``ttl`` merges the document graphs into one graph;
        ``trig``, ``jsonld`` and ``nquads`` keep every named graph (codebook and ontology too).

        Turtle, TriG and N-Quads are written by Oxigraph, streaming (a million triples in
        seconds, without an rdflib copy in memory); JSON-LD by rdflib, for its context."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        prefixes = {prefix: str(ns) for prefix, ns in convert.PREFIXES.items()}
        try:
            if fmt == "ttl":
                triples = self.backend.query(sparql.DOCUMENT_TRIPLES)
                ox.serialize(triples, str(dest), ox.RdfFormat.TURTLE, prefixes=prefixes)
            elif fmt in ("trig", "nquads"):
                kind = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
                self.backend.dump(dest, kind, prefixes if fmt == "trig" else None)
            else:
                out = Dataset()
                for prefix, ns in convert.PREFIXES.items():
                    out.bind(prefix, ns)
                for row in terms.result(self.backend.query(sparql.ALL_QUADS)):
                    out.add((row.s, row.p, row.o, URIRef(str(row.g))))
                out.serialize(destination=dest, format=EXPORT_FORMATS[fmt], encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{dest}: cannot write export: {terms.reason(exc)}") from exc
        return dest


def _load_format(path: str | Path) -> tuple[Path, ox.RdfFormat]:
    path = Path(path)
    fmt = LOAD_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: cannot load {path.suffix or 'a file without suffix'}; "
                         f"give a dataset file: {', '.join(LOAD_FORMATS)}")
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    return path, fmt


def _staged(path: Path, fmt: ox.RdfFormat) -> ox.Store:
    """The file parsed into an in-memory store, checked to hold named graphs only."""
    staged = ox.Store()
    try:
        staged.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: {terms.reason(exc)}; nothing loaded") from exc
    if has_default_graph(staged):
        raise StoreError(f"{path}: {DEFAULT_GRAPH_ERROR}")
    return staged


def stances_from_rows(term_info: Iterable[Mapping[str, str | None]],
                      stance_rows: Iterable[Mapping[str, str | None]]) -> list[Stance]:
    """Machine stances from the rows of :data:`~stancegraph.rdf.sparql.TERM_INFO` and
    :data:`~stancegraph.rdf.sparql.STANCE_ROWS` (values as plain strings, ``None`` when
    unbound), read as :func:`stancegraph.rdf.convert.stances_from_graph` reads a document graph
    with the codebook, without making one."""
    kinds: dict[str, list[str]] = {}
    notations: dict[str, str] = {}
    for row in term_info:
        if row["notation"] is not None:
            notations.setdefault(row["x"], row["notation"])
        if row["kind"] in _KIND_OF:
            kinds.setdefault(row["x"], []).append(_KIND_OF[row["kind"]])
    seen: set[str] = set()
    out: list[Stance] = []
    for row in stance_rows:
        if row["stance"] in seen:  # a second label of its holder or candidate topic
            continue
        seen.add(row["stance"])
        out.append(convert.stance_from_values(row, kinds, notations))
    return sorted(out, key=lambda s: (s.doc_id, s.start, s.end, s.actor_id, s.key))


def _unchanged(version: tuple[str, str | None] | None, doc: Document, extracted_with: str | None) -> bool:
    """Whether a document stored as ``version`` (content hash, extracted with) needs no new extraction."""
    return version is not None and version[0] == doc.sha256 and extracted_with in (None, version[1])
