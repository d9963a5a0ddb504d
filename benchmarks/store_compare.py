"""The embedded Oxigraph store against rdflib's Memory store, on one synthetic graph.

    python benchmarks/store_compare.py [--stances 100000] [--query-timeout 300]

Generates N stances (10 a document, ~18 triples each: ~1.8M triples at 100k) with
``synthetic.stance_items``, converts them to document graphs once per engine, then in a separate
process for each engine: loads them (Oxigraph through ``StanceStore.write_graphs`` in batches of
500 documents, the build's write path; rdflib by adding the triples to a ``Dataset`` in memory)
and runs four named queries (stances-of-actor, position-matrix, agreement-pairs,
contested-topics) through rdflib's ``Dataset.query`` (SPARQL evaluated by Oxigraph, or by
rdflib's own engine). Prints seconds, peak RSS and Oxigraph-vs-rdflib ratios. A query that has
not finished within ``--query-timeout`` seconds is reported as such (its process is killed).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

QUERIES = [("stances-of-actor", {"actor": "putin"}), ("position-matrix", {}), ("agreement-pairs", {}),
           ("contested-topics", {})]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(engine: str, n: int) -> None:
    """Runs in its own process; prints one JSON line per step."""
    import synthetic
    from rdflib import Dataset
    from stancegraph.codebook import load_codebook
    from stancegraph.queries import load_query
    from stancegraph.queries.params import bind_params
    from stancegraph.rdf import convert
    from stancegraph.rdf.store import StanceStore

    def say(**kw):
        print(json.dumps(kw), flush=True)

    codebook = load_codebook()
    items = synthetic.stance_items(n, codebook=codebook)
    own = [convert.ontology_graph(), convert.codebook_graph(codebook)]
    graphs = own + [convert.document_graph(d, s, codebook) for d, s in items]
    triples = sum(len(g) for g in graphs)
    say(step="generated", triples=triples, rss_mb=peak_mb())
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if engine == "oxigraph":
            store = StanceStore.open(Path(tmp) / "store")
            for i in range(0, len(graphs), 500):
                store.write_graphs(graphs[i:i + 500])
            ds, query_store = store.dataset, store
        else:
            ds = Dataset(default_union=True)
            for g in graphs:
                ds.graph(g.identifier).addN((s, p, o, ds.graph(g.identifier)) for s, p, o in g)
            query_store = None
        say(step="load", seconds=time.perf_counter() - t0, rss_mb=peak_mb())
        del graphs
        for name, params in QUERIES:
            q = load_query(name)
            bindings = bind_params(query_store or _Lookup(), q.info, params, codebook=codebook)
            t0 = time.perf_counter()
            rows = len(list(ds.query(q.text, initBindings=bindings)))
            say(step=name, seconds=time.perf_counter() - t0, rows=rows, rss_mb=peak_mb())


class _Lookup:
    """No store to resolve parameters in: the codebook resolves them."""

    def query(self, *args, **kwargs):
        raise LookupError


def run(engine: str, n: int, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", engine, "--stances", str(n)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out: dict = {}
    deadline = time.monotonic() + timeout
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not sel.select(left):
            proc.kill()
            out["killed"] = True
            break
        line = proc.stdout.readline()
        if not line:
            break
        step = json.loads(line)
        out[step.pop("step")] = step
        if step.get("seconds") is not None:
            deadline = time.monotonic() + timeout  # each step gets the time limit
    proc.wait()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stances", type=int, default=100_000)
    ap.add_argument("--query-timeout", type=float, default=300)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.stances)
        return
    results = {e: run(e, args.stances, args.query_timeout) for e in ("oxigraph", "rdflib")}
    ox, rd = results["oxigraph"], results["rdflib"]
    print(f"{args.stances} stances, {ox.get('generated', {}).get('triples', '?')} triples")
    print(f"{'step':<18}{'oxigraph s':>12}{'rdflib s':>12}{'ratio':>9}")
    for step in ["load"] + [q for q, _ in QUERIES]:
        a, b = ox.get(step, {}).get("seconds"), rd.get(step, {}).get("seconds")
        fa = f"{a:.2f}" if a is not None else "n/a"
        fb = f"{b:.2f}" if b is not None else f">{args.query_timeout:.0f} (killed)"
        ratio = f"{b / a:.1f}x" if a and b else (f">{args.query_timeout / a:.0f}x" if a else "")
        rows = ox.get(step, {}).get("rows")
        print(f"{step:<18}{fa:>12}{fb:>12}{ratio:>9}" + (f"   rows {rows}" if rows is not None else ""))
    peak = {e: max((s.get("rss_mb", 0) for s in r.values() if isinstance(s, dict)), default=0)
            for e, r in results.items()}
    print(f"peak RSS  oxigraph {peak['oxigraph']:.0f} MB  rdflib {peak['rdflib']:.0f} MB  "
          f"(ratio {peak['oxigraph'] / max(peak['rdflib'], 1):.2f}; rdflib run may have been killed early)")


if __name__ == "__main__":
    main()
