"""The graph store: an rdflib ``Dataset`` over an Oxigraph store, one named graph per document.

Beside the document graphs it holds the codebook (``id/graph/codebook``) and the ontology
(``id/graph/ontology``), both refreshed on each :meth:`StanceStore.replace_documents`.

Writes are all-or-nothing for a whole call: every document is converted (and so checked)
before anything is written, then all graphs are replaced by ONE SPARQL update request
(``DROP SILENT GRAPH g ; INSERT DATA { GRAPH g {...} }`` for each), which Oxigraph applies
as one transaction: if any operation fails, none is applied. Each write is flushed to the
store's files at once, so memory stays flat however many batches a build writes.

Reading goes straight to pyoxigraph: stances in two flat queries, SPARQL answers converted to
rdflib terms once per distinct term, exports (Turtle, TriG, N-Quads) serialised by Oxigraph.
:meth:`StanceStore.load` reads a shared TriG or N-Quads file, one transaction per file.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from ..codebook import Codebook
from ..errors import QueryError, StoreError
from ..types import Document, Stance
from . import convert, mint
from .folders import is_remote  # noqa: F401  (part of this module's API)

log = logging.getLogger(__name__)

DEFAULT_PATH = Path("out/store")
EXPORT_FORMATS = {"ttl": "turtle", "trig": "trig", "jsonld": "json-ld", "nquads": "nquads"}
LOAD_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS}
_CODEBOOK_VIEW = f"""
CONSTRUCT {{ ?x a ?kind ; skos:notation ?id }}
WHERE {{ GRAPH {mint.CODEBOOK_GRAPH.n3()} {{ ?x skos:notation ?id . OPTIONAL {{ ?x a ?kind }} }} }}
"""


_DOCUMENT_GRAPH = (f'STRSTARTS(STR(?g), "{mint.BASE}graph/") '
                   f"&& ?g NOT IN ({mint.CODEBOOK_GRAPH.n3()}, {mint.ONTOLOGY_GRAPH.n3()})")
# every triple of the document graphs once, sorted so that Turtle groups each subject's triples
_DOCUMENT_TRIPLES = f"""
CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_DOCUMENT_GRAPH}) }} ORDER BY ?s ?p ?o }}
}}"""
_STANCE_FIELDS = ("holder", "polarity", "topic", "confidence", "actorLabel", "holderLabel", "topicLabel",
                  "topicRdfsLabel", "cue", "mention", "phrase", "text", "start", "end", "doc", "extractor")
# one row per machine stance (more only if its holder or candidate topic has several labels)
_STANCE_ROWS = f"""
PREFIX sg: <{convert.SG._NS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?stance {" ".join("?" + f for f in _STANCE_FIELDS)} WHERE {{
  GRAPH ?g {{
    ?stance a sg:Stance ; sg:holder ?holder ; sg:polarity ?polarity ; sg:topic ?topic ; sg:confidence ?confidence ;
            prov:wasDerivedFrom ?ev ; prov:wasGeneratedBy ?run .
    ?ev sg:text ?text ; sg:start ?start ; sg:end ?end ; sg:inDocument ?doc .
    OPTIONAL {{ ?run sg:extractor ?extractor }}
    OPTIONAL {{ ?stance sg:actorLabel ?actorLabel }}
    OPTIONAL {{ ?stance sg:topicLabel ?topicLabel }}
    OPTIONAL {{ ?stance sg:cue ?cue }}
    OPTIONAL {{ ?stance sg:mention ?mention }}
    OPTIONAL {{ ?stance sg:phrase ?phrase }}
    OPTIONAL {{ ?holder rdfs:label ?holderLabel }}
    OPTIONAL {{ ?topic rdfs:label ?topicRdfsLabel }}
  }}
  FILTER({_DOCUMENT_GRAPH})
}}"""
# actor and topic ids and kinds: from the codebook graph, and from document graphs for new actors
_TERM_INFO = f"""
PREFIX sg: <{convert.SG._NS}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?x ?notation ?kind WHERE {{
  {{ GRAPH {mint.CODEBOOK_GRAPH.n3()} {{ ?x skos:notation ?notation . OPTIONAL {{ ?x a ?kind }} }} }}
  UNION
  {{ GRAPH ?g {{ ?s sg:holder ?x . ?x a ?kind }} FILTER({_DOCUMENT_GRAPH}) }}
}} ORDER BY ?x ?kind"""
_KIND_OF = {str(cls): kind for cls, kind in convert.CLASS_KIND.items()}
_VERSIONS = f"""SELECT ?g ?h ?w WHERE {{ GRAPH ?g {{ ?d <{convert.SG.contentHash}> ?h
  OPTIONAL {{ ?d <{convert.SG.extractedWith}> ?w }} }} }}"""


def open_store(spec: str | Path | None = DEFAULT_PATH):
    """The store that ``spec`` names: a folder (or ``None``, in memory) gives a
    :class:`StanceStore`; ``sparql+http://host:port/path`` (or ``sparql+https://``) a
    :class:`stancegraph.rdf.remote.RemoteStanceStore` on that SPARQL server. Both have the same API."""
    if is_remote(spec):
        from .remote import RemoteStanceStore
        return RemoteStanceStore(str(spec))
    return StanceStore(spec)




class StanceStore:
    """Stances by document, persistent in the directory ``path`` (in memory when ``None``).

    >>> with StanceStore.open(None) as store:
    ...     store.documents()
    []
    """

    def __init__(self, path: str | Path | None = DEFAULT_PATH, *, read_only: bool = False):
        self.path = None if path is None else Path(path)
        self._read_only = read_only
        try:
            if self.path is None:
                self._ox = ox.Store()
            else:
                self._ox = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except (OSError, RuntimeError, ValueError) as exc:
            hint = " (locked: is another stancegraph process using it?)" if "lock" in str(exc).lower() else ""
            raise StoreError(f"{self.path}: cannot open graph store{hint}: {_why(exc)}") from exc
        self._ds = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        for prefix, ns in convert.PREFIXES.items():
            self._ds.bind(prefix, ns)
        self._prefixes = {prefix: str(ns) for prefix, ns in self._ds.namespaces()}

    @classmethod
    def open(cls, path: str | Path | None = DEFAULT_PATH) -> "StanceStore":
        return cls(path)

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
        """Flush and release the store (and its directory lock)."""
        if self._ox is not None:
            if not self._read_only:
                self._ox.flush()
            self._ds.close()
            self._ox = None

    def __len__(self) -> int:
        """The number of quads in all graphs."""
        return len(self._ox)

    @property
    def dataset(self) -> Dataset:
        """The rdflib view (default graph = union of all graphs); read it, write through this class."""
        return self._ds

    # --- reading ---------------------------------------------------------------------------

    def graph(self, doc_id: str) -> Graph:
        """A read view of one document's named graph (empty when the document is not stored)."""
        return Graph(store=self._ds.store, identifier=mint.graph_iri(doc_id))

    def documents(self) -> list[str]:
        """The ids of the stored documents, sorted."""
        ids = (mint.graph_doc_id(g.value) for g in self._ox.named_graphs()
               if isinstance(g, ox.NamedNode) and g.value.startswith(mint.BASE + "graph/"))
        return sorted(i for i in ids if i is not None)

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash the document was stored with, or ``None`` if it is not stored."""
        value = self.graph(doc_id).value(mint.doc_iri(doc_id), convert.SG.contentHash)
        return None if value is None else str(value)

    def document_text(self, doc_id: str) -> str | None:
        """The document's cleaned text (the one evidence offsets point into), or ``None`` when
        the document is not stored or was stored before texts were kept."""
        value = self.graph(doc_id).value(mint.doc_iri(doc_id), convert.SDO.text)
        return None if value is None else str(value)

    def document_hashes(self) -> dict[str, str]:
        """Every stored document id with its content hash, in one query."""
        return {d: h for d, (h, _) in self.document_versions().items()}

    def document_versions(self) -> dict[str, tuple[str, str | None]]:
        """Every stored document id with its content hash and what it was extracted with
        (``sg:extractedWith``; ``None`` when not recorded), in one query."""
        rows = self._ox.query(_VERSIONS, use_default_graph_as_union=True)
        found = ((mint.graph_doc_id(r["g"].value), (r["h"].value, _value(r["w"]))) for r in rows
                 if r["g"].value.startswith(mint.BASE + "graph/"))
        return {d: v for d, v in found if d is not None}

    def stances(self, doc_id: str | None = None, *, reviewed: bool = True) -> list[Stance]:
        """The stances of one document, or of all.

        With ``reviewed`` (the default) human decisions apply (:mod:`stancegraph.review`):
        stances a reviewer rejected are left out, stances people added or corrected (reviews,
        DNA imports) are in. ``reviewed=False`` gives the machine stances as they were stored.
        """
        out = self._machine_stances(doc_id)
        if reviewed:
            view = self._ds.query(_CODEBOOK_VIEW, initNs=convert.PREFIXES).graph
            from ..review import apply_reviews
            out = apply_reviews(self, out, doc_id=doc_id, codebook_view=view)
        return out

    def _machine_stances(self, doc_id: str | None) -> list[Stance]:
        """The stances of the document graphs (of one, or all), in two flat queries."""
        subs = {} if doc_id is None else {ox.Variable("g"): ox.NamedNode(str(mint.graph_iri(doc_id)))}
        info = self._ox.query(_TERM_INFO, use_default_graph_as_union=True)
        rows = self._ox.query(_STANCE_ROWS, use_default_graph_as_union=True, substitutions=subs)
        return stances_from_rows(({k: _value(r[k]) for k in ("x", "notation", "kind")} for r in info),
                                 ({k: _value(r[k]) for k in ("stance", *_STANCE_FIELDS)} for r in rows))

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs, with parameters as ``initBindings``.

        Oxigraph substitutes the bound values into the parsed query (SPARQL-dev SEP-0007), so a
        value is never read as query text; in a SELECT, a bound variable must be projected.
        """
        params = {}
        for name, value in (bindings or {}).items():
            if not isinstance(value, (URIRef, Literal, BNode)):
                raise QueryError(f"parameter ?{name}: give an rdflib URIRef or Literal, not {type(value).__name__}")
            params[name.lstrip("?$")] = value
        try:
            answer = self._ox.query(sparql, use_default_graph_as_union=True, prefixes=self._prefixes,
                                    substitutions={ox.Variable(k): _ox_term(v) for k, v in params.items()})
            return _result(answer)
        except (SyntaxError, RuntimeError, ValueError, OSError) as exc:
            hint = " (add bound variables to the SELECT clause)" if "projection" in str(exc) else ""
            raise QueryError(f"query failed{hint}: {_why(exc)}") from exc

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
        own = [convert.ontology_graph(), convert.codebook_graph(codebook)]
        self._write([*own, *graphs.values()])
        log.info("stored %d documents", len(graphs))
        return list(graphs)

    def write_graphs(self, graphs: list[Graph]) -> None:
        """Replace each named graph (by its identifier) with its triples, all in one transaction.

        For graphs that are not documents, such as reviews (:mod:`stancegraph.review`) and imports."""
        self._write(list(graphs))

    def _write(self, graphs: list[Graph]) -> None:
        try:
            request = " ;\n".join(
                _replace_graph_op(g, drop=self._ox.contains_named_graph(ox.NamedNode(str(g.identifier))))
                for g in graphs)
            self._ox.update(request)
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path or 'memory store'}: write failed, nothing stored: {_why(exc)}") from exc
        self._flush()

    def _flush(self) -> None:
        """Move what was written from memory to the store's files. Without it RocksDB keeps
        every write in memory until the store closes (measured: 1.5 GB RSS after 2.2M quads
        in batches; flat at 76 MB with a flush after each, and the writes were faster)."""
        if self.path is not None:
            self._ox.flush()

    def load(self, path: str | Path) -> list[str]:
        """Load a dataset file (TriG or N-Quads, as ``export --format trig|nquads`` writes it):
        each named graph in it replaces the store's graph of that name, all in one transaction.

        Into an empty store the file goes through Oxigraph's bulk loader, which streams it
        (1.8M quads in 12 s on disk, against 71 s for a transactional load that holds the whole
        file in memory); if it fails the store is emptied again, so nothing of the user's is
        lost, and a load killed mid-way is repaired by loading the file again. Into a store
        that holds data, the file is read into memory first and written as one update.
        Returns the names of the graphs loaded. Raises ``StoreError`` (nothing changed) for an
        unknown format, a syntax error (with its line) or triples outside named graphs.
        """
        path, fmt = _load_format(path)
        if next(iter(self._ox), None) is None:
            try:
                self._ox.bulk_load(path=str(path), format=fmt)
            except (SyntaxError, ValueError, OSError) as exc:
                self._ox.clear()  # it was empty: nothing of the user's is lost
                raise StoreError(f"{path}: {_why(exc)}; nothing loaded") from exc
            if _has_default_graph(self._ox):
                self._ox.clear()  # it was empty: nothing of the user's is lost
                raise StoreError(f"{path}: {_DEFAULT_GRAPH_ERROR}")
            self._flush()
            return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))
        staged = _staged(path, fmt)
        names = [g for g in staged.named_graphs() if isinstance(g, ox.NamedNode)]
        try:
            self._ox.update(_load_request(staged, names, drop=self._ox.contains_named_graph))
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path or 'memory store'}: load of {path} failed, nothing stored: {_why(exc)}") from exc
        self._flush()
        return sorted(g.value for g in names)

    # --- export ----------------------------------------------------------------------------

    def export(self, fmt: str, dest: str | Path) -> Path:
        """Write the store to ``dest``: ``ttl`` merges the document graphs into one graph;
        ``trig``, ``jsonld`` and ``nquads`` keep every named graph (codebook and ontology too).

        Turtle, TriG and N-Quads are written by Oxigraph, streaming from the store (a million
        triples in seconds, without an rdflib copy in memory); JSON-LD by rdflib, for its context."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        prefixes = {prefix: str(ns) for prefix, ns in convert.PREFIXES.items()}
        try:
            if fmt == "ttl":
                ox.serialize(self._ox.query(_DOCUMENT_TRIPLES), str(dest), ox.RdfFormat.TURTLE, prefixes=prefixes)
            elif fmt in ("trig", "nquads"):
                kind = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
                self._ox.dump(str(dest), kind, prefixes=prefixes if fmt == "trig" else None)
            else:
                out = Dataset()
                for prefix, ns in convert.PREFIXES.items():
                    out.bind(prefix, ns)
                for q in self._ox:
                    if isinstance(q.graph_name, ox.NamedNode):
                        out.add((*(_rdflib(t) for t in (q.subject, q.predicate, q.object)),
                                 URIRef(q.graph_name.value)))
                out.serialize(destination=dest, format=EXPORT_FORMATS[fmt], encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{dest}: cannot write export: {_why(exc)}") from exc
        return dest


_DEFAULT_GRAPH_ERROR = ("triples outside named graphs; stancegraph stores one named graph per document "
                        "(export --format trig or nquads keeps them)")


def _load_format(path: str | Path) -> tuple[Path, "ox.RdfFormat"]:
    path = Path(path)
    fmt = LOAD_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: cannot load {path.suffix or 'a file without suffix'}; "
                         f"give a dataset file: {', '.join(LOAD_FORMATS)}")
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    return path, fmt


def _staged(path: Path, fmt: "ox.RdfFormat") -> "ox.Store":
    """The file parsed into an in-memory store, checked to hold named graphs only."""
    staged = ox.Store()
    try:
        staged.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: {_why(exc)}; nothing loaded") from exc
    if _has_default_graph(staged):
        raise StoreError(f"{path}: {_DEFAULT_GRAPH_ERROR}")
    return staged


def _has_default_graph(store: "ox.Store") -> bool:
    return next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None


def _load_request(staged: "ox.Store", names: list, *, drop) -> str:
    """One SPARQL update that replaces each graph of ``names`` by its triples in ``staged``;
    ``drop(name)`` tells whether the target holds that graph already."""
    ops = []
    for g in names:
        body = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8")
        insert = f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
        ops.append(f"DROP SILENT GRAPH {g} ;\n{insert}" if drop(g) else insert)
    return " ;\n".join(ops)


def _replace_graph_op(g: Graph, *, drop: bool = True) -> str:
    """SPARQL update operations that replace the named graph ``g`` by its triples. ``drop=False``
    for a graph the store does not hold: a DROP costs on disk even then (measured: half the
    time of a first build's writes)."""
    name = _nt(g.identifier)
    body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in g)
    insert = f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
    return f"DROP SILENT GRAPH {name} ;\n{insert}" if drop else insert


def _nt(term: Node) -> str:
    """``term`` in N-Triples syntax, as Oxigraph writes it (IRIs are checked on the way)."""
    return str(_ox_term(term))


def _plain(term: Node) -> Node:
    """Oxigraph reads simple literals back typed xsd:string; rdflib parses them untyped."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return _plain(Literal(term.value, datatype=URIRef(term.datatype.value)))


def stances_from_rows(term_info: Iterable[Mapping[str, str | None]],
                      stance_rows: Iterable[Mapping[str, str | None]]) -> list[Stance]:
    """Machine stances from the rows of ``_TERM_INFO`` and ``_STANCE_ROWS`` (values as plain
    strings, ``None`` when unbound), read as :func:`stancegraph.rdf.convert.stances_from_graph`
    reads a document graph with the codebook, without making one. Any store that answers SPARQL
    can give them."""
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


def _value(term) -> str | None:
    return None if term is None else term.value


def _ox_term(term: Node):
    """``term`` as a pyoxigraph term (which checks IRIs and language tags)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    raise ValueError(f"cannot store term {term!r}")


def _result(answer) -> Result:
    """A pyoxigraph query answer as an rdflib ``Result``. Each distinct term is converted once
    (rdflib terms are slow to make; result rows repeat labels and IRIs), simple literals untyped."""
    cache: dict = {}

    def term(t):
        if t is None:
            return None
        found = cache.get(t)
        if found is None:
            found = cache[t] = (tuple(term(x) for x in (t.subject, t.predicate, t.object))
                                if isinstance(t, ox.Triple) else _rdflib(t))
        return found

    if isinstance(answer, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        out = Result("SELECT")
        out.vars = [Variable(v.value) for v in answer.variables]
        out.bindings = [{v: term(x) for v, x in zip(out.vars, row) if x is not None} for row in answer]
    else:
        out = Result("CONSTRUCT")
        out.graph = convert.new_graph()
        out.graph += ((term(t.subject), term(t.predicate), term(t.object)) for t in answer)
    return out


def _plain_result(result: Result) -> Result:
    if result.type == "SELECT":
        result.bindings = [{v: _plain(t) for v, t in row.items()} for row in result.bindings]
    elif result.type == "CONSTRUCT":
        g = convert.new_graph()
        g += ((s, p, _plain(o)) for s, p, o in result.graph)
        result.graph = g
    return result


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
