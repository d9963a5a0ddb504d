"""Load on ``stancegraph serve``: concurrent clients on loopback for a fixed time.

    python benchmarks/serve_load.py [--store out/store] [--clients 32] [--seconds 20] [--workers N]

Starts the server on a free loopback port over the store (build it first:
``stancegraph build seeds/``), runs CLIENTS threads that each send, in turn, the named-query
SPARQL texts that take no parameter plus a small SELECT, for SECONDS seconds (each client a
bounded loop), and prints requests, errors, median and p99 latency and throughput.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from stancegraph.queries import list_queries, load_query
from stancegraph.serve import make_server

SMALL = ("PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
         "SELECT ?s ?h WHERE { ?s a sg:Stance ; sg:holder ?h } LIMIT 50")


def client(url: str, queries: list[str], until: float, latencies: list, errors: list, max_requests: int) -> None:
    for i in range(max_requests):  # bounded, and stopped by the clock
        if time.monotonic() >= until:
            return
        data = urllib.parse.urlencode({"query": queries[i % len(queries)]}).encode()
        request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
            latencies.append(time.perf_counter() - started)
        except (urllib.error.URLError, OSError) as exc:
            errors.append(repr(exc))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="out/store")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    if not (Path(args.store) / "CURRENT").exists():
        sys.exit(f"{args.store}: no store; run 'stancegraph build seeds/' first")
    queries = [load_query(q.name).text for q in list_queries() if not q.params] + [SMALL]

    server = make_server(args.store, host="127.0.0.1", port=0, timeout=30, workers=args.workers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/sparql"
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + args.seconds
    started = time.monotonic()
    clients = [threading.Thread(target=client, args=(url, queries, until, latencies, errors, 1_000_000))
               for _ in range(args.clients)]
    for c in clients:
        c.start()
    for c in clients:
        c.join(args.seconds + 120)
    elapsed = time.monotonic() - started
    server.shutdown()
    server.server_close()

    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))] if lat else float("nan")
    print(f"store {args.store}: {len(queries)} queries in turn, {args.clients} clients, {elapsed:.1f} s, "
          f"{server.pool.size} query workers")
    print(f"requests {len(lat) + len(errors)}  errors {len(errors)}  "
          f"median {statistics.median(lat) * 1000 if lat else float('nan'):.1f} ms  p99 {p99 * 1000:.1f} ms  "
          f"throughput {len(lat) / elapsed:.0f} req/s")
    for e in sorted(set(errors))[:5]:
        print("error:", e)


if __name__ == "__main__":
    main()
