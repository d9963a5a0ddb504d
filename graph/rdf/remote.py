"""A SPARQL 1.1 server as the store's backend: :class:`SparqlBackend`, queries and updates over
the SPARQL 1.1 Protocol, dumps over the Graph Store Protocol.

A store is named ``sparql+http://HOST:PORT/PATH`` (or ``sparql+https://``). The endpoints are
``PATH/query``, ``PATH/update`` and ``PATH/store`` (Oxigraph server's layout); other servers
name theirs in the query string, each relative to ``PATH`` or absolute from ``/``::

    sparql+http://127.0.0.1:7878                          # oxigraph serve
    sparql+http://127.0.0.1:3030/ds?data=data             # Apache Jena Fuseki, dataset "ds"
    sparql+http://127.0.0.1:8890?query=/sparql&update=/sparql&data=/sparql-graph-crud&union=0

Queries read the union of all graphs, as the embedded store does: the backend asks Oxigraph for
it with its ``union-default-graph`` parameter (``union=0`` leaves it out, for servers whose
default graph already is the union, as Virtuoso's and GraphDB's are, or Fuseki's with
``unionDefaultGraph``). Parameters go in as a ``VALUES`` block, prefixes the query does not
declare as a prologue. Answers are parsed by pyoxigraph, so the store above reads them as it
reads the embedded store's. Each write is one SPARQL update request, which Oxigraph server
applies as one transaction.
"""
from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from ..errors import QueryError, StoreError
from .backend import Backend
from .folders import is_remote  # noqa: F401  (part of this module's API)
from .sparql_text import declared_prefixes, insert_values

log = logging.getLogger(__name__)

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                   "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                   "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_GRAPH_FORMATS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
                  "text/plain": ox.RdfFormat.N_TRIPLES}




class Endpoints:
    """The three URLs a ``sparql+http://`` spec names."""

    def __init__(self, spec: str):
        if not is_remote(spec):
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


class SparqlBackend(Backend):
    """The dataset of the SPARQL server ``spec`` names; checks on opening that it answers."""

    def __init__(self, spec: str, *, timeout: float = 300.0):
        self.endpoints = Endpoints(spec)
        self.location = spec
        self.timeout = timeout
        self._dataset: Dataset | None = None
        try:
            self._post(self.endpoints.query, {"query": "ASK { }"}, "application/sparql-results+json")
        except StoreError as exc:
            raise StoreError(f"{spec}: cannot reach the SPARQL server: {exc}") from None

    def query(self, text, bindings=None, *, prefixes=None):
        text = with_prefixes(with_values(text, bindings) if bindings else text, prefixes or {})
        try:
            body, ctype = self._post(self.endpoints.query, {"query": text}, ACCEPT)
        except _BadRequest as exc:
            raise QueryError(f"query failed: {exc}") from None
        media = ctype.split(";")[0].strip().lower()
        try:
            if media in _RESULT_FORMATS:
                return ox.parse_query_results(body, _RESULT_FORMATS[media])
            if media in _GRAPH_FORMATS:
                return [q.triple for q in ox.parse(body, _GRAPH_FORMATS[media])]
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.location}: unreadable answer ({media}): {exc}") from None
        raise StoreError(f"{self.location}: the server answered {media or 'no content type'}, "
                         "not SPARQL results or N-Triples")

    def update(self, request: str, *, quads: int = 0) -> None:
        self._http("POST", self.endpoints.update, request.encode("utf-8"),
                   "application/sparql-update; charset=utf-8", "*/*")

    def dump(self, dest: Path, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> None:
        """The whole dataset through the Graph Store Protocol (N-Quads), streamed into ``dest``
        by pyoxigraph (TriG with ``prefixes``); the default graph is left out, as the store holds
        named graphs only."""
        request = urllib.request.Request(self.endpoints.data, headers={"Accept": "application/n-quads"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                quads = (q for q in ox.parse(response, ox.RdfFormat.N_QUADS)
                         if not isinstance(q.graph_name, ox.DefaultGraph))
                ox.serialize(quads, str(dest), fmt, prefixes=dict(prefixes) if prefixes else None)
        except urllib.error.HTTPError as err:
            raise StoreError(f"{self.endpoints.data}: cannot read the dataset: HTTP {err.code}") from None
        except (urllib.error.URLError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.endpoints.data}: cannot read the dataset: {exc}") from None

    def close(self) -> None:
        if self._dataset is not None:
            self._dataset.close()
            self._dataset = None

    def dataset(self) -> Dataset:
        """An rdflib view through rdflib's SPARQLUpdateStore (slow: one request per pattern)."""
        if self._dataset is None:
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

            self._dataset = Dataset(store=SPARQLUpdateStore(self.endpoints.query, self.endpoints.update))
        return self._dataset

    # --- HTTP ------------------------------------------------------------------------------

    def _post(self, url: str, form: dict, accept: str) -> tuple[bytes, str]:
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
            raise (_BadRequest if err.code == 400 else StoreError)(message) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{url}: {getattr(exc, 'reason', None) or exc}") from None


class _BadRequest(StoreError):
    pass


def with_values(text: str, bindings: Mapping[str, object]) -> str:
    """``text`` with ``VALUES (?a ?b) { (x y) }`` first in its WHERE group
    (:func:`stancegraph.rdf.sparql_text.insert_values`), so filters of that group see them;
    ``bindings`` are pyoxigraph terms by bare name, written by pyoxigraph, so each value is one
    term, never query text."""
    names = ["?" + str(ox.Variable(name)).lstrip("?") for name in bindings]
    return insert_values(text, names, [str(v) for v in bindings.values()])


def with_prefixes(text: str, prefixes: Mapping[str, str]) -> str:
    """``text`` with a ``PREFIX`` declaration for each of ``prefixes`` it does not declare itself."""
    declared = declared_prefixes(text)
    prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items() if name not in declared)
    return prologue + text
