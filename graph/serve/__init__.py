"""``stancegraph serve``: the store as a SPARQL 1.1 Protocol endpoint with a small web page.

Safe by default: it binds to loopback, is read-only (updates need ``allow_update`` and a bearer
token), refuses ``SERVICE``, ``LOAD`` and ``FROM`` naming graphs outside the store on the parsed
query (no requests to other servers; workers are also cut off from the network), refuses
requests from pages of other sites, bounds request bodies (size and ``read_timeout``), stops a
query at ``timeout`` seconds by killing the worker process that runs it, and cuts results at
``max_rows`` rows (the response then has an ``X-Stancegraph-Truncated`` header).

>>> from stancegraph.serve.results import pick_format
>>> pick_format("application/sparql-results+json", "solutions")
'json'
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import StoreError

log = logging.getLogger(__name__)

__all__ = ["make_server", "serve"]


def make_server(store_dir: str | Path, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
                max_rows: int = 10_000, allow_update: bool = False, token: str | None = None,
                workers: int | None = None, read_timeout: float = 10.0):
    """A ready :class:`~.http.SparqlServer` (call ``serve_forever()``, then ``server_close()``).

    Raises ``StoreError`` when the store cannot be opened or updates are allowed without a token.
    """
    from .http import Settings, SparqlServer
    from .workers import WorkerPool

    store_dir = Path(store_dir)
    if not (store_dir / "CURRENT").exists():
        raise StoreError(f"{store_dir}: no graph store here (run 'stancegraph build' first)")
    if allow_update and not token:
        raise StoreError("--allow-update needs --token (clients send it as 'Authorization: Bearer TOKEN')")
    size = workers or min(4, os.cpu_count() or 1)
    try:
        pool = WorkerPool(str(store_dir), size, writable=allow_update, max_rows=max_rows)
    except OSError as exc:
        raise StoreError(str(exc)) from exc
    try:
        return SparqlServer((host, port), pool, Settings(timeout=timeout, allow_update=allow_update, token=token,
                                                           read_timeout=read_timeout))
    except OSError as exc:
        pool.close()
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def serve(store_dir: str | Path, **options) -> None:
    """Serve until interrupted."""
    server = make_server(store_dir, **options)
    host, port = server.server_address[:2]
    log.info("serving %s at http://%s:%d/", store_dir, host, port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
