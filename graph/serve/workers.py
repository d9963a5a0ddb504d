"""Queries run in worker processes, so that one that runs too long can be killed.

A Python signal cannot interrupt a running pyoxigraph query, so each query is sent to a worker
process over a pipe and the server waits at most the time limit; a worker that has not
answered by then is killed and replaced. Read-only pools open the store with
``pyoxigraph.Store.read_only`` (any number of workers); a pool that accepts updates has one
worker that opens the store for writing (Oxigraph allows one writer and no reader beside it).

Workers are cut off from the network before they open the store (:func:`isolate_network`:
new user and network namespaces, where Linux allows them), so that even a query that got past
the checks of :mod:`.guard` could not reach another server.

Each job is a tuple ``(op, *args)`` handled by :func:`handle`; the answer is
``(status, content_type, body, headers)``.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import sys
import threading
import time

log = logging.getLogger(__name__)

_SPAWN = mp.get_context("spawn")  # the server has threads: never fork it


class QueryTimeout(Exception):
    """A job ran past the time limit; its worker was killed."""


class WorkerGone(Exception):
    """A worker died while running a job (it is replaced)."""


class WorkerPool:
    def __init__(self, store_path: str, size: int = 2, *, writable: bool = False, max_rows: int = 10_000):
        self.store_path, self.writable, self.max_rows = str(store_path), writable, max_rows
        self.size = 1 if writable else max(1, size)
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._idle.put(self._start())
        for worker in list(self._all):  # wait until each has opened the store (or failed to)
            worker.ready()
        self.isolated = all(w.isolated for w in self._all)
        if not self.isolated:
            log.warning("query workers are not cut off from the network (%s); SERVICE and LOAD are "
                        "still refused on the parsed query", next(w.why_not for w in self._all if not w.isolated))

    def _start(self) -> "_Worker":
        worker = _Worker(self.store_path, self.writable, self.max_rows)
        with self._lock:
            self._all.add(worker)
        return worker

    def run(self, job: tuple, timeout: float) -> tuple:
        """Run ``job`` on an idle worker; raise ``QueryTimeout`` after ``timeout`` seconds
        (waiting for a free worker included)."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no free worker within {timeout:g} s (server busy)") from None
        try:
            answer = worker.call(job, max(0.0, deadline - time.monotonic()))
        except (QueryTimeout, WorkerGone):
            self._replace(worker)
            raise
        self._idle.put(worker)
        return answer

    def _replace(self, worker: "_Worker") -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            threading.Thread(target=lambda: self._idle.put(self._start()), daemon=True).start()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            worker.stop()


class _Worker:
    def __init__(self, store_path: str, writable: bool, max_rows: int):
        self.conn, child = _SPAWN.Pipe()
        self.process = _SPAWN.Process(target=_main, args=(child, store_path, writable, max_rows), daemon=True)
        self.process.start()
        child.close()
        self._ready = None
        self.isolated, self.why_not = False, ""

    def ready(self, timeout: float = 60) -> None:
        """Wait for the worker to open the store; raise ``OSError`` with its message if it cannot."""
        if self._ready is None:
            if not self.conn.poll(timeout):
                raise OSError("a query worker did not start")
            self._ready = self.conn.recv()
            if self._ready.startswith("ready"):
                self.why_not = self._ready.partition(":")[2].strip()
                self.isolated = not self.why_not
        if not self._ready.startswith("ready"):
            raise OSError(self._ready)

    def call(self, job: tuple, timeout: float) -> tuple:
        try:
            self.ready()
            self.conn.send(job)
            if not self.conn.poll(timeout):
                raise QueryTimeout(f"query stopped at the time limit ({timeout:g} s)")
            return self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as exc:
            raise WorkerGone(f"query worker failed: {exc or type(exc).__name__}") from exc

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.join(5)
        except (OSError, BrokenPipeError):
            pass
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


def _main(conn, store_path: str, writable: bool, max_rows: int) -> None:
    """The worker process: open the store, then answer jobs until told to stop."""
    why_not = isolate_network()
    from .jobs import Handler

    try:
        handler = Handler(store_path, writable=writable, max_rows=max_rows)
    except Exception as exc:  # noqa: BLE001  (reported to the server, which stops with it)
        conn.send(f"{store_path}: cannot open the store: {str(exc).strip().splitlines()[0] if str(exc) else exc!r}")
        return
    conn.send(f"ready: {why_not}" if why_not else "ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            break
        if job is None:
            break
        conn.send(handler(job))
    handler.close()


def isolate_network() -> str | None:
    """Move this (single-threaded) process into new user and network namespaces, where no
    interface is up: any connection it tries fails. ``None`` when done, else why not (not Linux,
    or user namespaces are forbidden, as in some containers)."""
    if not sys.platform.startswith("linux"):
        return f"not on Linux ({sys.platform})"
    import ctypes
    import os

    clone_newuser, clone_newnet = 0x10000000, 0x40000000
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(clone_newuser | clone_newnet) != 0:
            return f"unshare: {os.strerror(ctypes.get_errno())}"
    except (OSError, AttributeError) as exc:
        return f"unshare: {exc}"
    return None
