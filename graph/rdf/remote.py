"""The graph in any SPARQL 1.1 server: :class:`RemoteStanceStore`, the API of
:class:`~stancegraph.rdf.store.StanceStore` over the SPARQL 1.1 Protocol (queries, updates) and
the Graph Store Protocol (reading one document's graph).

A store is named ``sparql+http://HOST:PORT/PATH`` (or ``sparql+https://``). The endpoints are
``PATH/query``, ``PATH/update`` and ``PATH/store`` (Oxigraph server's layout); other servers
name theirs in the query string, each relative to ``PATH`` or absolute from ``/``::

    sparql+http://127.0.0.1:7878                          # oxigraph serve
    sparql+http://127.0.0.1:3030/ds?data=data             # Apache Jena Fuseki, dataset "ds"
    sparql+http://127.0.0.1:8890?query=/sparql&update=/sparql&data=/sparql-graph-crud&union=0

Queries read the union of all graphs, as the local store does: the store asks Oxigraph for it
with its ``union-default-graph`` parameter (``union=0`` leaves it out, for servers whose default
graph already is the union, as Virtuoso's and GraphDB's are, or Fuseki's with
``unionDefaultGraph``). Writes are the same single SPARQL update request per batch of documents
as the local store's, which Oxigraph server applies as one transaction.
"""
from __future__ import annotations

import io
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from ..codebook import Codebook
from ..errors import QueryError, StoreError
from ..types import Document, Stance
from . import convert, mint
from .store import (_CODEBOOK_VIEW, EXPORT_FORMATS, _load_format, _load_request, _nt, _plain, _plain_result,
                    _replace_graph_op, _staged, _unchanged, _STANCE_FIELDS, _STANCE_ROWS, _TERM_INFO,
                    _VERSIONS, stances_from_rows)

log = logging.getLogger(__name__)

SCHEMES = ("sparql+http://", "sparql+https://")
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_NOISE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*', re.S)
_WHERE = re.compile(r"\bWHERE\s*\{|\{", re.I)


class Endpoints:
    """The three URLs a ``sparql+http://`` spec names."""

    def __init__(self, spec: str):
        if not spec.startswith(SCHEMES):
            raise StoreError(f"{spec}: a remote store is named sparql+http://HOST:PORT/PATH")
        url = urllib.parse.urlsplit(spec[len("sparql+"):])
        if not url.hostname:
            raise StoreError(f"{spec}: no host")
        options = dict(urllib.parse.parse_qsl(url.query))
        unknown = set(options) - {"query", "update", "data", "union"}
        if unknown:
            raise StoreError(f"{spec}: unknown option {sorted(unknown)[0]!r}; known: query, update, data, union")
        base = f"{url.scheme}://{url.netloc}{url.path.rstrip('/')}"
        root = f"{url.scheme}://{url.netloc}"

        def resolve(value: str) -> str:
            return root + value if value.startswith("/") else f"{base}/{value}"

        self.spec = spec
        self.query = resolve(options.get("query", "query"))
        self.update = resolve(options.get("update", "update"))
        self.data = resolve(options.get("data", "store"))
        self.union = options.get("union", "1") not in ("0", "false", "no")


class RemoteStanceStore:
    """Stances by document in a SPARQL server; the same methods as ``StanceStore``."""

    def __init__(self, spec: str, *, timeout: float = 300.0):
        self.endpoints = Endpoints(spec)
        self.path = spec  # where it lives, for messages
        self.timeout = timeout
        self._ds: Dataset | None = None
        try:
            self._request(self.endpoints.query, {"query": "ASK { }"}, "application/sparql-results+json")
        except StoreError as exc:
            raise StoreError(f"{spec}: cannot reach the SPARQL server: {exc}") from None

    @classmethod
    def open(cls, spec: str) -> "RemoteStanceStore":
        return cls(spec)

    def __enter__(self) -> "RemoteStanceStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._ds is not None:
            self._ds.close()
            self._ds = None

    def __len__(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]["value"]) if rows else 0

    @property
    def dataset(self) -> Dataset:
        """An rdflib view through rdflib's SPARQLUpdateStore (slow: one request per pattern)."""
        if self._ds is None:
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

            store = SPARQLUpdateStore(self.endpoints.query, self.endpoints.update)
            self._ds = Dataset(store=store)
        return self._ds

    # --- reading ---------------------------------------------------------------------------

    def graph(self, doc_id: str) -> Graph:
        """A copy of one document's named graph, read through the Graph Store Protocol."""
        name = mint.graph_iri(doc_id)
        url = self.endpoints.data + "?" + urllib.parse.urlencode({"graph": str(name)})
        g = convert.new_graph(name)
        try:
            body, _ = self._http("GET", url, None, None, "application/n-triples")
        except _NotFound:
            return g
        g.parse(data=body.decode("utf-8"), format="nt")
        return g

    def documents(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        ids = (mint.graph_doc_id(r["g"]["value"]) for r in rows
               if r["g"]["type"] == "uri" and r["g"]["value"].startswith(mint.BASE + "graph/"))
        return sorted(i for i in ids if i is not None)

    def document_hash(self, doc_id: str) -> str | None:
        query = (f"SELECT ?h WHERE {{ GRAPH {_nt(mint.graph_iri(doc_id))} "
                 f"{{ {_nt(mint.doc_iri(doc_id))} {_nt(convert.SG.contentHash)} ?h }} }}")
        rows = self._select(query)
        return rows[0]["h"]["value"] if rows else None

    def document_text(self, doc_id: str) -> str | None:
        query = (f"SELECT ?t WHERE {{ GRAPH {_nt(mint.graph_iri(doc_id))} "
                 f"{{ {_nt(mint.doc_iri(doc_id))} {_nt(convert.SDO.text)} ?t }} }}")
        rows = self._select(query)
        return rows[0]["t"]["value"] if rows else None

    def document_hashes(self) -> dict[str, str]:
        return {d: h for d, (h, _) in self.document_versions().items()}

    def document_versions(self) -> dict[str, tuple[str, str | None]]:
        rows = self._select(_VERSIONS)
        found = ((mint.graph_doc_id(r["g"]["value"]), (r["h"]["value"], r["w"]["value"] if "w" in r else None))
                 for r in rows if r["g"]["value"].startswith(mint.BASE + "graph/"))
        return {d: v for d, v in found if d is not None}

    def stances(self, doc_id: str | None = None, *, reviewed: bool = True) -> list[Stance]:
        """The stances of one document, or of all (reviews applied, as ``StanceStore.stances``)."""
        rows = _STANCE_ROWS if doc_id is None else _with_values(_STANCE_ROWS, {"g": mint.graph_iri(doc_id)})
        out = stances_from_rows((_plain_values(r, ("x", "notation", "kind")) for r in self._select(_TERM_INFO)),
                                (_plain_values(r, ("stance", *_STANCE_FIELDS)) for r in self._select(rows)))
        if reviewed:
            prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in convert.PREFIXES.items())
            view = self.query(prologue + _CODEBOOK_VIEW).graph
            from ..review import apply_reviews
            out = apply_reviews(self, out, doc_id=doc_id, codebook_view=view)
        return out

    def _document_graphs(self, doc_id: str | None) -> dict[str, Graph]:
        """The document graphs (of ``doc_id`` or all), read in one query."""
        where = (f"GRAPH ?g {{ ?s ?p ?o }} VALUES ?g {{ {_nt(mint.graph_iri(doc_id))} }}" if doc_id is not None
                 else f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{mint.BASE}graph/"))')
        result = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ {where} }}")
        graphs: dict[str, Graph] = {}
        for g, s, p, o in result:
            d = mint.graph_doc_id(str(g))
            if d is not None:
                graphs.setdefault(d, Graph()).add((s, p, o))
        return graphs

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """A SPARQL query over the union of all graphs; ``bindings`` go in as a ``VALUES`` block
        at the start of the query's first group, so filters of that group see them."""
        if bindings:
            sparql = _with_values(sparql, bindings)
        try:
            body, ctype = self._request(self.endpoints.query, {"query": sparql}, ACCEPT)
        except _BadRequest as exc:
            raise QueryError(f"query failed: {exc}") from None
        if "json" in ctype:
            result = Result.parse(io.BytesIO(body), format="json")
        else:
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=body.decode("utf-8"), format="nt" if "n-triples" in ctype else "turtle")
        return _plain_result(result)

    def _select(self, sparql: str) -> list[dict]:
        body, _ = self._request(self.endpoints.query, {"query": sparql}, "application/sparql-results+json")
        return json.loads(body)["results"]["bindings"]

    # --- writing ---------------------------------------------------------------------------

    def replace_documents(self, items: Iterable[tuple[Document, list[Stance]]], codebook: Codebook, *,
                          force: bool = False, extracted_with: str | None = None) -> list[str]:
        """As ``StanceStore.replace_documents``: one update request, all or nothing."""
        stored = {} if force else self.document_versions()
        graphs: dict[str, Graph] = {}
        for doc, stances in items:
            try:
                if _unchanged(stored.get(doc.id), doc, extracted_with):
                    continue
                graphs[doc.id] = convert.document_graph(doc, stances, codebook, extracted_with=extracted_with)
            except ValueError as exc:
                raise StoreError(f"document {doc.id!r} not stored: {exc}") from exc
        self.write_graphs([convert.ontology_graph(), convert.codebook_graph(codebook), *graphs.values()])
        log.info("stored %d documents", len(graphs))
        return list(graphs)

    def write_graphs(self, graphs: list[Graph]) -> None:
        request = " ;\n".join(_replace_graph_op(g) for g in graphs)
        try:
            self._http("POST", self.endpoints.update, request.encode("utf-8"),
                       "application/sparql-update; charset=utf-8", "*/*")
        except StoreError as exc:
            raise StoreError(f"{self.path}: write failed, nothing stored: {exc}") from None

    def load(self, path: str | Path) -> list[str]:
        """As ``StanceStore.load``: the file's named graphs replace the server's, in one update request."""
        path, fmt = _load_format(path)
        staged = _staged(path, fmt)
        names = [g for g in staged.named_graphs() if isinstance(g, ox.NamedNode)]
        try:
            self._http("POST", self.endpoints.update, _load_request(staged, names, drop=lambda g: True).encode("utf-8"),
                       "application/sparql-update; charset=utf-8", "*/*")
        except StoreError as exc:
            raise StoreError(f"{self.path}: load of {path} failed, nothing stored: {exc}") from None
        return sorted(g.value for g in names)

    # --- export ----------------------------------------------------------------------------

    def export(self, fmt: str, dest: str | Path) -> Path:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "ttl":
            out: Graph | Dataset = convert.new_graph()
            for g in self._document_graphs(None).values():
                out += ((s, p, _plain(o)) for s, p, o in g)
        else:
            out = Dataset()
            for prefix, ns in convert.PREFIXES.items():
                out.bind(prefix, ns)
            for g, s, p, o in self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):
                out.add((s, p, o, URIRef(str(g))))
        out.serialize(destination=dest, format=EXPORT_FORMATS[fmt], encoding="utf-8")
        return dest

    # --- HTTP ------------------------------------------------------------------------------

    def _request(self, url: str, form: dict, accept: str) -> tuple[bytes, str]:
        if self.endpoints.union:
            form = {**form, "union-default-graph": ""}
        return self._http("POST", url, urllib.parse.urlencode(form).encode("utf-8"),
                          "application/x-www-form-urlencoded", accept)

    def _http(self, method: str, url: str, body: bytes | None, ctype: str | None, accept: str) -> tuple[bytes, str]:
        headers = {"Accept": accept}
        if ctype:
            headers["Content-Type"] = ctype
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            text = err.read().decode("utf-8", "replace").strip().splitlines()
            message = f"HTTP {err.code}: {text[0] if text else err.reason}"
            if err.code == 404:
                raise _NotFound(message) from None
            if err.code == 400:
                raise _BadRequest(message) from None
            raise StoreError(message) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{url}: {getattr(exc, 'reason', None) or exc}") from None


class _NotFound(StoreError):
    pass


class _BadRequest(StoreError):
    pass


def _plain_values(row: Mapping[str, dict], names: Iterable[str]) -> dict[str, str | None]:
    """A SPARQL JSON result row as plain values, ``None`` for unbound variables."""
    return {n: row[n]["value"] if n in row else None for n in names}


def _with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (x y) }`` right after the opening brace of its first
    group (comments, strings and IRIs skipped when looking for it); values written by
    pyoxigraph, so each is one term, never query text."""
    names, terms = [], []
    for name, value in bindings.items():
        if not isinstance(value, (URIRef, Literal, BNode)):
            raise QueryError(f"parameter ?{name}: give an rdflib URIRef or Literal, not {type(value).__name__}")
        names.append("?" + Variable(name.lstrip("?$")))
        terms.append(_nt(value))
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "
    blanked = _NOISE.sub(lambda m: " " * len(m.group()), sparql)
    found = _WHERE.search(blanked)
    if found is None:
        raise QueryError("query failed: no group pattern to bind parameters in")
    return sparql[: found.end()] + block + sparql[found.end():]
