"""Fit the rule extractor's confidence on the dev half of the development corpus.

    python benchmarks/calibrate.py            # fit on dev, print the reliability table, write the weights
    python benchmarks/calibrate.py --dry-run  # fit and print, write nothing

Runs ``stancegraph.rules.v1`` without calibration on the dev texts present in
benchmarks/devset/texts/ (see benchmarks/devset/README.md), labels each stance right or wrong
by the gold (strict: same document, actor, polarity and topic as a gold stance, required or
not), fits :func:`stancegraph.extract.rules.calibration.fit` on the features the rules give
each stance, prints precision per confidence band before and after (dev, in-sample), and
writes graph/extract/rules/calibration.json. Only the dev split is read: the test split stays
unseen. ``benchmarks/devset.py`` prints the same table for any split afterwards.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import HERE, gold_records, load_sources, text_status  # noqa: E402  (benchmarks/devset.py)


def samples(split: str = "dev") -> tuple[list[tuple[tuple[str, ...], bool, float]], int]:
    """(features, right, raw confidence) of every classified stance of the ``split`` texts."""
    from stancegraph.codebook import load_codebook
    from stancegraph.evaluate import Vocabulary, doc_key, polarity_of
    from stancegraph.extract.rules import RuleExtractor, _plain_quotes
    from stancegraph.ingest import read_documents

    sources = [s for s in load_sources() if s["split"] == split and text_status(s) == "ok"]
    ids = {s["id"] for s in sources}
    vocab = Vocabulary(load_codebook())
    gold = {(doc_key(g["doc"]), vocab.actor(g["actor"]), polarity_of(g["polarity"]), vocab.topic(g["topic"]))
            for g in gold_records(ids)}
    docs = read_documents([HERE / "texts" / f"{i}.txt" for i in sorted(ids)]).documents
    ex = RuleExtractor(calibrated=False)
    out = []
    for document in docs:
        for stance, feats in ex.read(ex.nlp(_plain_quotes(document.text)), document):
            if not stance.classified:
                continue
            key = (doc_key(stance.doc_id), vocab.actor(stance.actor, stance.actor_id),
                   polarity_of(stance.polarity.value), vocab.topic(stance.topic))
            out.append((feats, key in gold, stance.confidence))
    return out, len(docs)


def main() -> None:
    from stancegraph.extract.rules.calibration import RESOURCE, fit, reliability

    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    ap.add_argument("--l2", type=float, default=2.0, help="L2 penalty of the logistic fit")
    args = ap.parse_args()
    data, n_docs = samples("dev")
    if not data:
        sys.exit("no dev texts present: see benchmarks/devset/README.md")
    cal = fit([(f, ok) for f, ok, _ in data], l2=args.l2,
              about={"fitted_on": "benchmarks/devset dev split", "documents": n_docs, "stances": len(data),
                     "right": sum(ok for _, ok, _ in data), "date": datetime.date.today().isoformat(),
                     "l2": args.l2})
    print(f"dev: {n_docs} documents, {len(data)} stances, {sum(ok for _, ok, _ in data)} right\n")
    print("band        |  raw: n     P  conf | calibrated: n     P  conf")
    raw = reliability([(c, ok) for _, ok, c in data])
    new = reliability([(cal(f), ok) for f, ok, _ in data])
    for a, b in zip(raw, new):
        cells = [f"{n:5d} {p:5.2f} {m:5.2f}" if n else f"{n:5d}     -     -" for _, _, n, p, m in (a, b)]
        print(f"[{a[0]:.1f}, {min(a[1], 1.0):.1f}) | {cells[0]} |      {cells[1]}")
    print("\nweights (log-odds):")
    print(f"  {'bias':18s} {cal.bias:+.2f}")
    for name, w in sorted(cal.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:18s} {w:+.2f}")
    if not args.dry_run:
        path = ROOT / "graph" / "extract" / "rules" / RESOURCE
        path.write_text(cal.to_json(), encoding="utf-8")
        print(f"\nwrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
