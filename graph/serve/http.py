"""The HTTP side: a SPARQL 1.1 Protocol endpoint and a small page, on the standard library's
``ThreadingHTTPServer``. Queries run in a :class:`~.workers.WorkerPool`.

Routes: ``/sparql`` (and ``/query``) answer queries by GET or POST; updates are POSTed to
``/update`` (or ``/sparql``) and need ``--allow-update`` and ``Authorization: Bearer TOKEN``.
``/`` is the page, ``/api/queries`` the named queries, ``/api/named/NAME?param=...`` runs one,
``/map`` is the stance map, ``/matrix`` the position matrix, ``/doc/ID`` a document with its
stances' sentences highlighted.
"""
from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from .guard import uses_service
from .workers import QueryTimeout, WorkerGone, WorkerPool

log = logging.getLogger(__name__)
MAX_BODY = 1 << 20  # bytes of a POSTed query
TEXT = "text/plain; charset=utf-8"


@dataclass
class Settings:
    timeout: float = 30.0
    allow_update: bool = False
    token: str | None = None


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, pool: WorkerPool, settings: Settings):
        self.pool, self.settings = pool, settings
        super().__init__(address, _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class _Reply(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "stancegraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # to logging, not stderr
        log.info("%s %s", self.address_string(), fmt % args)

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_HEAD(self):
        self._send(405, TEXT, b"", {"Allow": "GET, POST"})

    def _dispatch(self, method: str) -> None:
        try:
            url = urlsplit(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            body_params, body, ctype = self._body() if method == "POST" else ({}, None, "")
            route = url.path.rstrip("/") or "/"
            if route in ("/sparql", "/query", "/update"):
                self._sparql(route, params, body_params, body, ctype)
            elif method == "GET" and route == "/":
                from .page import page
                self._send(200, "text/html; charset=utf-8", page().encode("utf-8"))
            elif method == "GET" and route == "/api/queries":
                self._send(200, "application/json", _queries_json())
            elif method == "GET" and route.startswith("/api/named/"):
                name = unquote(route[len("/api/named/"):])
                self._job(("named", name, {k: v[-1] for k, v in params.items()}))
            elif method == "GET" and route == "/map":
                self._job(("stance_map",))
            elif method == "GET" and route == "/matrix":
                self._job(("matrix",))
            elif method == "GET" and route.startswith("/doc/"):
                self._job(("document", unquote(route[len("/doc/"):])))
            else:
                raise _Reply(404, f"no such page: {url.path}")
        except _Reply as reply:
            self._send(reply.status, TEXT, (reply.message + "\n").encode("utf-8"), reply.headers)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _body(self) -> tuple[dict, bytes, str]:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise _Reply(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length) if length else b""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True) \
            if ctype == "application/x-www-form-urlencoded" else {}
        return form, body, ctype

    def _sparql(self, route: str, params: dict, form: dict, body: bytes | None, ctype: str) -> None:
        merged = {**params, **form}
        if "default-graph-uri" in merged or "named-graph-uri" in merged or "using-graph-uri" in merged:
            raise _Reply(400, "default-graph-uri and named-graph-uri are not supported: "
                              "the default graph is the union of all graphs")
        if ctype == "application/sparql-query":
            query, update = body.decode("utf-8", "replace"), None
        elif ctype == "application/sparql-update":
            query, update = None, body.decode("utf-8", "replace")
        else:
            query, update = _one(merged, "query"), _one(merged, "update")
        if update is not None and body is None:
            raise _Reply(405, "updates must be POSTed", {"Allow": "POST"})
        if query is None and update is None:
            if route in ("/sparql", "/query") and body is None:  # a bare GET: the page
                raise _Reply(400, "give a SPARQL query as the 'query' parameter")
            raise _Reply(400, "give a SPARQL query ('query') or update ('update')")
        if query is not None and update is not None:
            raise _Reply(400, "give a query or an update, not both")
        text = query if query is not None else update
        if uses_service(text):
            raise _Reply(403, "SERVICE is refused: this server makes no requests to other servers")
        if update is not None:
            self._check_update_allowed()
            self._job(("update", update))
        else:
            self._job(("query", query, self.headers.get("Accept")))

    def _check_update_allowed(self) -> None:
        settings = self.server.settings
        if not settings.allow_update:
            raise _Reply(403, "updates are refused: this server is read-only (start it with --allow-update)")
        given = self.headers.get("Authorization") or ""
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not settings.token or not hmac.compare_digest(
                token.strip().encode(), settings.token.encode()):
            raise _Reply(401, "updates need the server's token as 'Authorization: Bearer TOKEN'",
                         {"WWW-Authenticate": 'Bearer realm="stancegraph"'})

    def _job(self, job: tuple) -> None:
        try:
            status, ctype, body, headers = self.server.pool.run(job, self.server.settings.timeout)
        except QueryTimeout as exc:
            message = str(exc) if "busy" in str(exc) else \
                f"query stopped at the time limit of {self.server.settings.timeout:g} s"
            raise _Reply(503, message, {"Retry-After": "1"}) from None
        except WorkerGone as exc:
            raise _Reply(500, str(exc)) from None
        self._send(status, ctype, body, headers)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _one(params: dict, key: str) -> str | None:
    values = params.get(key)
    if not values:
        return None
    if len(values) > 1:
        raise _Reply(400, f"give one '{key}' parameter, not {len(values)}")
    return values[0]


def _queries_json() -> bytes:
    from ..queries import list_queries, load_query

    out = [{"name": q.name, "description": q.description, "text": load_query(q.name).text,
            "params": [{"name": p.name, "type": p.type, "description": p.description} for p in q.params]}
           for q in list_queries()]
    return json.dumps(out, ensure_ascii=False).encode("utf-8")
