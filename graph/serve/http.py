"""The HTTP side: a SPARQL 1.1 Protocol endpoint and a small page, on the standard library's
``ThreadingHTTPServer``. Queries run in a :class:`~.workers.WorkerPool`.

Routes: ``/sparql`` (and ``/query``) answer queries by GET or POST; updates are POSTed to
``/update`` (or ``/sparql``) and need ``--allow-update`` and ``Authorization: Bearer TOKEN``.
``/`` is the page, ``/api/queries`` the named queries, ``/api/named/NAME?param=...`` runs one,
``/map`` is the stance map, ``/matrix`` the position matrix, ``/doc/ID`` a document with its
stances' sentences highlighted.

Requests a browser sends for a page of another site are refused (:func:`cross_site`): SPARQL
clients send neither ``Origin`` nor ``Sec-Fetch-Site``, browsers send one of them on every
request a page makes, so a page elsewhere cannot make the server run anything. On loopback the
``Host`` must be a loopback name too (DNS rebinding). Request bodies need a valid
``Content-Length`` (at most :data:`MAX_BODY` bytes) and must arrive within the read timeout.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import socket
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from .workers import QueryTimeout, WorkerGone, WorkerPool

log = logging.getLogger(__name__)
MAX_BODY = 1 << 20  # bytes of a POSTed query
SAME_SITE = ("same-origin", "none")  # Sec-Fetch-Site values of the server's own page, or typed URLs
TEXT = "text/plain; charset=utf-8"


@dataclass
class Settings:
    timeout: float = 30.0
    allow_update: bool = False
    token: str | None = None
    read_timeout: float = 10.0  # seconds a client may take to send a request (headers and body)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, pool: WorkerPool, settings: Settings):
        self.pool, self.settings = pool, settings
        super().__init__(address, _Handler)
        self.loopback = _is_loopback(self.server_address[0])

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

    def setup(self):
        self.timeout = self.server.settings.read_timeout  # idle keep-alive and slow headers too
        super().setup()

    def log_message(self, fmt, *args):  # to logging, not stderr
        log.info("%s %s", self.address_string(), fmt % args)

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_HEAD(self):
        self._send(405, TEXT, b"", {"Allow": "GET, POST"})

    def _dispatch(self, method: str) -> None:
        self._body_read = False
        try:
            url = urlsplit(self.path)
            route = url.path.rstrip("/") or "/"
            self._check_host()
            if not (method == "GET" and route == "/"):  # the page itself may be linked to
                refused = cross_site(self.headers)
                if refused:
                    raise _Reply(403, f"cross-site request refused ({refused}): a page of another site may "
                                      "not use this server; SPARQL clients send no Origin or Sec-Fetch-Site")
            params = parse_qs(url.query, keep_blank_values=True)
            body_params, body, ctype = self._body() if method == "POST" else ({}, None, "")
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
            if method == "POST" and not self._body_read:
                self.close_connection = True  # an unread body must not be taken for the next request
            self._send(reply.status, TEXT, (reply.message + "\n").encode("utf-8"), reply.headers)
        except (BrokenPipeError, ConnectionResetError):
            pass

    _body_read = False

    def _check_host(self) -> None:
        """On loopback, the Host header must name loopback: a page whose own host name was made
        to resolve to 127.0.0.1 (DNS rebinding) is same-origin for the browser, not for us."""
        if not self.server.loopback:
            return
        host = (self.headers.get("Host") or "").strip()
        if not host:  # an HTTP/1.0 client; a browser always names the host
            return
        name = host[1:].partition("]")[0] if host.startswith("[") else host.rpartition(":")[0] or host
        if name.lower() != "localhost" and not _is_loopback(name):
            raise _Reply(403, f"Host {host!r} refused: this server answers on loopback names only "
                              "(localhost, 127.0.0.1, [::1])")

    def _body(self) -> tuple[dict, bytes, str]:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _Reply(411, "chunked request bodies are not accepted: send a Content-Length")
        given = self.headers.get_all("Content-Length") or []
        if not given:
            raise _Reply(411, "a POST needs a Content-Length header")
        if len(given) > 1 or not given[0].strip().isdigit() or not given[0].strip().isascii():
            raise _Reply(400, f"bad Content-Length {', '.join(given)!r}: give the body's length in bytes")
        length = int(given[0])
        if length > MAX_BODY:
            raise _Reply(413, f"request body over {MAX_BODY} bytes")
        body = self._read(length)
        self._body_read = True
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
        if update is not None:
            self._check_update_allowed()
            self._job(("update", update))
        else:
            self._job(("query", query, self.headers.get("Accept")))

    def _read(self, length: int) -> bytes:
        """``length`` bytes of body within the read timeout (all of them, not each read)."""
        deadline = time.monotonic() + self.server.settings.read_timeout
        parts, left = [], length
        try:
            while left:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise socket.timeout
                self.connection.settimeout(remaining)
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    raise _Reply(400, f"request body ended after {length - left} of {length} bytes")
                parts.append(chunk)
                left -= len(chunk)
        except (socket.timeout, TimeoutError):
            raise _Reply(408, f"request body not received within {self.server.settings.read_timeout:g} s") from None
        finally:
            self.connection.settimeout(self.timeout)
        return b"".join(parts)

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


def cross_site(headers) -> str | None:
    """Why a request came from a page of another site (``None`` when it did not).

    >>> cross_site({"Sec-Fetch-Site": "cross-site"})
    'Sec-Fetch-Site: cross-site'
    >>> cross_site({"Origin": "https://evil.example", "Host": "127.0.0.1:8000"})
    'Origin: https://evil.example'
    >>> cross_site({"Origin": "http://127.0.0.1:8000", "Host": "127.0.0.1:8000", "Sec-Fetch-Site": "same-origin"})
    >>> cross_site({"Host": "127.0.0.1:8000", "User-Agent": "sparqlwrapper"})
    """
    site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
    if site and site not in SAME_SITE:
        return f"Sec-Fetch-Site: {site}"
    origin = headers.get("Origin")
    if origin is not None and urlsplit(origin.strip()).netloc.lower() != (headers.get("Host") or "").strip().lower():
        return f"Origin: {origin}"
    return None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() == "localhost"


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
