"""The Oxigraph store against rdflib's Memory store, on one synthetic graph.

    python benchmarks/store_compare.py [--stances 100000] [--query-timeout 300]

Generates N stances (10 a document, ~18 quads each: ~1.8M quads at 100k) with
``synthetic.stance_items``, stores them once and exports them as one N-Quads file (the form in
which a graph is shared: ``stancegraph export --format nquads``). Then, in a separate process
for each engine, loads that file and runs four named queries (stances-of-actor, position-matrix,
agreement-pairs, contested-topics) with their parameters bound:

- ``oxigraph-disk``: ``StanceStore.load`` into a store folder, our default (``stancegraph load``);
- ``oxigraph-memory``: the same into an in-memory ``StanceStore``;
- ``rdflib``: ``Dataset.parse`` into rdflib's Memory store, queries by rdflib's SPARQL engine.

Prints seconds, rows, peak RSS and the rdflib-vs-Oxigraph ratios. A step that has not finished
within ``--query-timeout`` seconds is reported as such (its process is killed).
"""
from __future__ import annotations

import argparse
import json
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

QUERIES = [("stances-of-actor", {"actor": "putin"}), ("position-matrix", {}), ("agreement-pairs", {}),
           ("contested-topics", {})]
ENGINES = ("oxigraph-disk", "oxigraph-memory", "rdflib")


def peak_mb() -> float:
    """This process's peak resident set (VmHWM: unlike ru_maxrss, not inherited through exec)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def write_dataset(n: int, dest: Path) -> int:
    """N stances as an N-Quads file; returns the number of quads."""
    import synthetic
    from stancegraph.codebook import load_codebook
    from stancegraph.rdf.store import StanceStore

    codebook = load_codebook()
    items = synthetic.stance_items(n, codebook=codebook)
    with StanceStore.open(None) as store:
        for i in range(0, len(items), 1000):
            store.replace_documents(items[i:i + 1000], codebook, force=True)
        store.export("nquads", dest)
        return len(store)


def child(engine: str, data: Path) -> None:
    """Runs in its own process; prints one JSON line per step."""
    from rdflib import Dataset
    from stancegraph.codebook import load_codebook
    from stancegraph.queries import load_query
    from stancegraph.queries.params import bind_params
    from stancegraph.rdf.store import StanceStore

    def say(**kw):
        print(json.dumps(kw), flush=True)

    codebook = load_codebook()
    say(step="start", rss_mb=peak_mb())
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if engine.startswith("oxigraph"):
            store = StanceStore.open(Path(tmp) / "store" if engine == "oxigraph-disk" else None)
            store.load(data)
            run, lookup = store.query, store
        else:
            ds = Dataset(default_union=True)
            ds.parse(data, format="nquads")

            def run(text, bindings):
                return ds.query(text, initBindings=bindings)
            lookup = _Lookup()
        say(step="load", seconds=time.perf_counter() - t0, rss_mb=peak_mb())
        for name, params in QUERIES:
            q = load_query(name)
            bindings = bind_params(lookup, q.info, params, codebook=codebook)
            t0 = time.perf_counter()
            rows = len(list(run(q.text, bindings)))
            say(step=name, seconds=time.perf_counter() - t0, rows=rows, rss_mb=peak_mb())


class _Lookup:
    """No store to resolve parameters in: the codebook resolves them."""

    def query(self, *args, **kwargs):
        raise LookupError


def run(engine: str, data: Path, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", engine, "--data", str(data)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out: dict = {}
    deadline = time.monotonic() + timeout
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
        deadline = time.monotonic() + timeout  # each step gets the time limit
    proc.wait()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stances", type=int, default=100_000)
    ap.add_argument("--query-timeout", type=float, default=300)
    ap.add_argument("--child", choices=ENGINES)
    ap.add_argument("--data", type=Path)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.data)
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "stances.nq"
        t0 = time.perf_counter()
        quads = write_dataset(args.stances, data)
        print(f"{args.stances} stances, {quads} quads, {data.stat().st_size / 1e6:.0f} MB of N-Quads "
              f"(generated in {time.perf_counter() - t0:.0f} s)", flush=True)
        results = {e: run(e, data, args.query_timeout) for e in ENGINES}
    rd = results["rdflib"]
    limit = f">{args.query_timeout:.0f}"
    print(f"{'step':<18}{'ox disk s':>11}{'ox mem s':>11}{'rdflib s':>11}{'rdflib/disk':>13}{'rdflib/mem':>12}{'rows':>8}")
    for step in ["load"] + [q for q, _ in QUERIES]:
        a, m, b = (results[e].get(step, {}).get("seconds") for e in ENGINES)
        cells = [f"{x:.2f}" if x is not None else limit for x in (a, m, b)]
        ratios = []
        for x in (a, m):
            if x and b:
                ratios.append(f"{b / x:.1f}x")
            elif x:  # rdflib did not finish in time
                ratios.append(f">{args.query_timeout / x:.0f}x")
            else:
                ratios.append("n/a")
        rows = {results[e].get(step, {}).get("rows") for e in ENGINES} - {None}
        print(f"{step:<18}" + "".join(f"{c:>11}" for c in cells) + f"{ratios[0]:>13}{ratios[1]:>12}"
              + f"{'/'.join(map(str, sorted(rows))):>8}")
    peak = {e: max((s.get("rss_mb", 0) for s in r.values() if isinstance(s, dict)), default=0)
            for e, r in results.items()}
    base = {e: r.get("start", {}).get("rss_mb", 0) for e, r in results.items()}
    print("peak RSS (MB, after imports in brackets): " + ", ".join(
        f"{e} {peak[e]:.0f} ({base[e]:.0f})" for e in ENGINES)
        + f"; oxigraph/rdflib: disk {peak['oxigraph-disk'] / max(peak['rdflib'], 1):.2f}, "
          f"memory {peak['oxigraph-memory'] / max(peak['rdflib'], 1):.2f}"
        + (" (rdflib killed early: its peak is a lower bound)" if rd.get("killed") else ""))


if __name__ == "__main__":
    main()
