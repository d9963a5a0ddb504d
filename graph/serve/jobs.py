"""What a query worker does with a job; runs inside the worker process (:mod:`.workers`).

Jobs: ``("query", sparql, accept)``, ``("update", sparql)``, ``("named", name, params)``,
``("stance_map",)``, ``("matrix",)`` and ``("document", doc_id)``. Every answer is
``(status, content_type, body, headers)``; a query the parser refuses is a 400 with the
parser's message, never a traceback.
"""
from __future__ import annotations

import logging
import tempfile
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from . import results
from .guard import Refused, check_query, check_update

log = logging.getLogger(__name__)
TEXT = "text/plain; charset=utf-8"


def _text(status: int, message: str) -> tuple:
    return status, TEXT, (message.strip() + "\n").encode("utf-8"), {}


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class Handler:
    def __init__(self, store_path: str, *, writable: bool = False, max_rows: int = 10_000):
        from ..rdf.store import StanceStore

        self.store = StanceStore.open(store_path) if writable else StanceStore.read_only(store_path)
        self.max_rows = max_rows
        self._map_html: bytes | None = None
        self._matrix_html: bytes | None = None
        _warm_up()

    def close(self) -> None:
        self.store.close()

    def __call__(self, job: tuple) -> tuple:
        op, *args = job
        try:
            return getattr(self, "_" + op)(*args)
        except Refused as exc:
            return _text(exc.status, exc.message)
        except SyntaxError as exc:
            return _text(400, f"bad SPARQL: {exc}")
        except Exception as exc:  # noqa: BLE001  (one line to the client; details in the server log)
            from ..errors import StanceGraphError
            if isinstance(exc, StanceGraphError):
                return _text(400, _first_line(exc))
            log.exception("job %s failed", op)
            return _text(500, f"query failed: {type(exc).__name__}: {_first_line(exc)}")

    def _query(self, sparql: str, accept: str | None) -> tuple:
        dataset = check_query(sparql)
        for iri in (*dataset.default, *dataset.named):
            self._check_graph(iri)
        # the default graph is the union of all graphs, unless FROM / FROM NAMED pick some
        answer = self.store.backend.oxigraph.query(sparql, use_default_graph_as_union=not dataset)
        headers = {}
        if isinstance(answer, ox.QueryBoolean):
            fmt = results.pick_format(accept, "boolean")
            if fmt is None:
                return _text(406, "not acceptable: ASK results come as JSON, XML, CSV or TSV")
            return 200, results.CONTENT_TYPE[fmt], results.boolean_body(bool(answer), fmt), headers
        if isinstance(answer, ox.QuerySolutions):
            fmt = results.pick_format(accept, "solutions")
            if fmt is None:
                return _text(406, "not acceptable: SELECT results come as JSON, XML, CSV or TSV")
            variables = [v.value for v in answer.variables]
            rows = [[s[i] for i in range(len(variables))] for s in islice(answer, self.max_rows + 1)]
            if len(rows) > self.max_rows:
                rows, headers = rows[: self.max_rows], {"X-Stancegraph-Truncated": str(self.max_rows)}
            return 200, results.CONTENT_TYPE[fmt], results.solutions_body(variables, rows, fmt), headers
        media = results.pick_format(accept, "triples")
        if media is None:
            return _text(406, "not acceptable: graphs come as Turtle, N-Triples, RDF/XML, JSON-LD, TriG or N-Quads")
        triples = list(islice(answer, self.max_rows + 1))
        if len(triples) > self.max_rows:
            triples, headers = triples[: self.max_rows], {"X-Stancegraph-Truncated": str(self.max_rows)}
        body, content_type = results.triples_body(triples, media)
        return 200, content_type + "; charset=utf-8", body, headers

    def _check_graph(self, iri: str) -> None:
        try:
            known = self.store.backend.oxigraph.contains_named_graph(ox.NamedNode(iri))
        except ValueError:
            known = False
        if not known:
            raise Refused(400, f"FROM <{iri}> is refused: it is not a graph of this store "
                               "(FROM and FROM NAMED pick graphs of the store; nothing is fetched)")

    def _update(self, sparql: str) -> tuple:
        check_update(sparql)
        self.store.backend.oxigraph.update(sparql)
        self.store.backend.oxigraph.flush()
        self._map_html = self._matrix_html = None
        return 204, TEXT, b"", {}

    def _named(self, name: str, params: dict) -> tuple:
        from ..queries import bind_params, load_query

        if not name or "/" in name or "\\" in name or name.endswith(".rq") or name.startswith("_"):
            return _text(404, f"unknown query {name!r}")  # named queries only, never a file path
        query = load_query(name)
        bindings = bind_params(self.store, query.info, params)
        result = self.store.query(query.text, bindings)
        rows = list(islice(result, self.max_rows + 1))
        headers = {}
        if len(rows) > self.max_rows:
            rows, headers = rows[: self.max_rows], {"X-Stancegraph-Truncated": str(self.max_rows)}
        variables = [str(v) for v in result.vars]
        terms = [[_ox_term(row[i]) for i in range(len(variables))] for row in rows]
        return 200, results.CONTENT_TYPE["json"], results.solutions_body(variables, terms, "json"), headers

    def _stance_map(self) -> tuple:
        if self._map_html is None:
            from ..viz.html import write_stance_map

            stances = [s for s in self.store.stances() if s.classified]
            with tempfile.TemporaryDirectory() as tmp:
                path = write_stance_map(stances, Path(tmp) / "map.html", title="stancegraph: who stands where",
                                        doc_links=serve_links())
                self._map_html = path.read_bytes()
        return 200, "text/html; charset=utf-8", self._map_html, {}

    def _matrix(self) -> tuple:
        if self._matrix_html is None:
            from ..viz.matrix import position_matrix, render_matrix

            matrix = position_matrix(self.store.stances())
            self._matrix_html = render_matrix(matrix, doc_links=serve_links(), back=BACK).encode("utf-8")
        return 200, "text/html; charset=utf-8", self._matrix_html, {}

    def _document(self, doc_id: str) -> tuple:
        from ..viz.document import document_view, render_document

        view = document_view(self.store, doc_id, back=BACK)
        if view is None:
            return _text(404, f"no document {doc_id!r} in the store")
        return 200, "text/html; charset=utf-8", render_document(view).encode("utf-8"), {}


def _warm_up() -> None:
    """Import what the pages need (pyvis, numpy for the layout: a second or more) when the
    worker starts, so that the first /map or /matrix answers well within the time limit."""
    import numpy  # noqa: F401
    import pyvis.network  # noqa: F401

    from ..viz import html, matrix  # noqa: F401


BACK = (("/", "query page"), ("/map", "stance map"), ("/matrix", "position matrix"))


def serve_links():
    from ..viz.document import serve_links

    return serve_links()


def _ox_term(term):
    """An rdflib term as a pyoxigraph one (for the result writers)."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.Literal(str(term))
