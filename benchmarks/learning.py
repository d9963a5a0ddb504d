"""Corrections that teach: does a reviewed store read unseen articles better than a fresh one?

    python benchmarks/learning.py [--split dev|test|all] [--devset benchmarks/devset] [--timing N]
    python benchmarks/learning.py --split all --devset benchmarks/debate2 --codebook benchmarks/debate2/codebook.ttl

The protocol (issue 17), on the development corpus of real news (benchmarks/devset/: texts/ID.txt,
gold.jsonl with offsets, sources.json with the dev/test split):

1. sort the split's documents by id; build the even half (0th, 2nd, ...) into a store;
2. review it from the gold as a careful reviewer would: a stance whose (actor, polarity, topic)
   is in the gold is ``correct``; one whose evidence holds a gold stance it did not find is
   ``changed`` to it; any other is ``wrong``; each required gold stance still missing is an
   added row with its quote only (no offsets; the quote's sentence when the span repeats);
3. build the odd half into the reviewed store (lessons applied) and into a fresh store;
4. print strict P/R/F1 of the odd half both ways, and the gain.

``--timing N`` also times learning from at least N decisions (the review repeated over
copies of the documents; a sentence taught the same stance again is read once, so the
figure says how many distinct sentences were parsed). Targets: +0.08 strict F1 on the test half, precision not lower;
learning from 1,000 decisions under 10 s.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from stancegraph.codebook import load_codebook
from stancegraph.evaluate import Vocabulary, evaluate
from stancegraph.lessons import store_lessons
from stancegraph.pipeline import build
from stancegraph.quotes import enclosing_sentence, locate
from stancegraph.rdf.store import StanceStore
from stancegraph.review import COLUMNS, apply_review

ROOT = Path(__file__).resolve().parents[1]
REVIEWER = "benchmark reviewer"


def load_devset(folder: Path, split: str) -> tuple[list[Path], list[dict]]:
    """The texts present (sha256 checked) and the gold of a corpus laid out as benchmarks/devset/
    (sources.json with "documents", each with its "split") or benchmarks/debate2/ (sources.json
    a list, no split: every document is in "all")."""
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    if isinstance(sources, dict):
        sources = sources["documents"]
    paths = []
    for doc in sorted(sources, key=lambda d: d["id"]):
        path = folder / "texts" / f"{doc['id']}.txt"
        if split != "all" and doc.get("split", "all") != split:
            continue
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != doc["sha256"]:
            print(f"skipped {doc['id']}: text missing or changed", file=sys.stderr)
            continue
        paths.append(path)
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return paths, gold


def review_rows(store: StanceStore, docs: dict[str, str], gold: list[dict], vocab: Vocabulary) -> list[dict]:
    """The review sheet a careful reviewer fills in from the gold (see the module docstring)."""
    rows = []
    for doc_id, text in sorted(docs.items()):
        coded = [g for g in gold if g["doc"] == doc_id]
        triples = {(vocab.actor(g["actor"]), g["polarity"], vocab.topic(g["topic"])): g for g in coded}
        stances = [s for s in store.stances(doc_id) if s.classified and not s.extractor.startswith("human:")]
        found = {(vocab.actor(s.actor, s.actor_id), s.polarity.value, s.topic) for s in stances}
        used = set(found)
        for s in sorted(stances, key=lambda s: (s.start, s.key)):
            triple = (vocab.actor(s.actor, s.actor_id), s.polarity.value, s.topic)
            row = {"stance": s.key, "doc": doc_id}
            if triple in triples:
                row["verdict"] = "correct"
            else:
                fix = next((t for t, g in triples.items() if t not in used and g.get("required", True)
                            and g["start"] < s.end and s.start < g["end"]), None)
                if fix is None:
                    row["verdict"] = "wrong"
                else:
                    used.add(fix)
                    row.update(verdict="changed", new_actor=_actor_name(fix[0], triples[fix]),
                               new_polarity=fix[1], new_topic=fix[2])
            rows.append(row)
        for t, g in sorted(triples.items(), key=lambda x: (x[1]["start"], x[0])):
            if t in used or not g.get("required", True):
                continue
            used.add(t)
            rows.append({"doc": doc_id, "actor": _actor_name(t[0], g), "polarity": t[1], "topic": t[2],
                         "evidence": _quote(text, g["start"], g["end"]), "verdict": "added"})
    return rows


def _actor_name(actor_id: str, g: dict) -> str:
    return g["actor"] if actor_id.startswith("?") else actor_id


def _quote(text: str, start: int, end: int) -> str:
    """The coded span as a reviewer copies it; its sentence when the span occurs more than once."""
    quote = text[start:end]
    if len(quote.split()) < 2 or len(locate(text, quote)) != 1:
        quote = text[slice(*enclosing_sentence(text, start, end))]
    return quote


def write_sheet(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in rows)
    return path


def score(store_dir: Path, docs: set[str], gold: list[dict], codebook):
    with StanceStore.open(store_dir) as st:
        preds = [s.to_record() for s in st.stances() if s.classified and s.doc_id in docs]
    return evaluate(preds, [g for g in gold if g["doc"] in docs], codebook).strict


def timing(work: Path, store_dir: Path, sheet_rows: list[dict], n: int, codebook) -> None:
    """Learn from at least ``n`` decisions: the reviewed documents copied under new ids, with
    their review rows, until there are enough; print the time of learning alone."""
    copy = work / "timing-store"
    shutil.copytree(store_dir, copy)
    with StanceStore.open(copy) as st:
        items = [(d, st.stances(d, reviewed=False)) for d in st.documents()]
        texts = {d: st.document_text(d) for d, _ in items}
        rounds = -(-n // max(1, len(sheet_rows)))
        from dataclasses import replace

        from stancegraph.types import Document
        batch, rows = [], []
        for k in range(1, rounds):
            for d, stances in items:
                doc = Document(id=f"{d}~{k}", text=texts[d])
                batch.append((doc, [replace(s, doc_id=doc.id) for s in stances]))
            for r in sheet_rows:
                r = dict(r, doc=f"{r['doc']}~{k}")
                if r.get("stance"):
                    r["stance"] = replace(_by_key(items, r["stance"].split("~")[0]), doc_id=r["doc"]).key
                rows.append(r)
        st.replace_documents(batch, codebook, force=True)
        apply_review(st, write_sheet(rows, work / "timing.csv"), REVIEWER, codebook=codebook)
        decisions = len(sheet_rows) * rounds
        taught = [r for r in sheet_rows if r.get("verdict") in ("added", "changed")]
        t0, c0 = time.perf_counter(), time.process_time()
        lessons = store_lessons(st, codebook)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"learning from {decisions} decisions ({len(taught) * rounds} added or changed, {len(taught)} distinct "
          f"sentences): {took:.2f} s ({cpu:.2f} s CPU; {len(lessons.lessons)} lessons; target < 10 s)")


def _by_key(items, key):
    return next(s for _, stances in items for s in stances if s.key == key)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="test", choices=["dev", "test", "all"])
    ap.add_argument("--devset", type=Path, default=ROOT / "benchmarks" / "devset")
    ap.add_argument("--timing", type=int, default=0, help="also time learning from at least N decisions")
    ap.add_argument("--keep", type=Path, help="keep the stores and the review sheet in this folder")
    ap.add_argument("--codebook", type=Path, help="the corpus's codebook (default: the packaged one)")
    args = ap.parse_args()
    codebook = load_codebook(args.codebook)
    vocab = Vocabulary(codebook)
    paths, gold = load_devset(args.devset, args.split)
    taught, unseen = paths[0::2], paths[1::2]
    ids = {p.stem for p in unseen}
    with tempfile.TemporaryDirectory(prefix="sg-learning-") as tmp:
        work = Path(tmp) if args.keep is None else args.keep
        if args.keep is not None:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        reviewed, fresh = work / "reviewed", work / "fresh"
        build(taught, out_dir=work / "out-r", store_dir=reviewed, codebook_path=args.codebook)
        with StanceStore.open(reviewed) as st:
            docs = {p.stem: st.document_text(p.stem) for p in taught}
            rows = review_rows(st, docs, gold, vocab)
            report = apply_review(st, write_sheet(rows, work / "review.csv"), REVIEWER, codebook=codebook)
            t0, c0 = time.perf_counter(), time.process_time()
            lessons = store_lessons(st, codebook)
            learned, cpu = time.perf_counter() - t0, time.process_time() - c0
        kinds = Counter(x.kind for x in lessons.lessons)
        print(f"split {args.split}: {len(taught)} documents reviewed, {len(unseen)} unseen")
        print(f"{report.summary()}")
        print(f"learned in {learned:.2f} s ({cpu:.2f} s CPU, model loading included): " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        build(unseen, out_dir=work / "out-r", store_dir=reviewed, codebook_path=args.codebook)
        build(unseen, out_dir=work / "out-f", store_dir=fresh, codebook_path=args.codebook)
        with_lessons = score(reviewed, ids, gold, codebook)
        without = score(fresh, ids, gold, codebook)
        for name, s in (("fresh store", without), ("reviewed store", with_lessons)):
            print(f"{name:<15} strict P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
                  f"({s.correct}/{s.predicted} predicted, {s.found}/{s.required} found)")
        if args.timing:
            timing(work, reviewed, rows, args.timing, codebook)
        print(f"gain: strict F1 {with_lessons.f1 - without.f1:+.3f}, precision "
              f"{with_lessons.precision - without.precision:+.3f}, recall {with_lessons.recall - without.recall:+.3f} "
              f"(targets: F1 >= +0.08 on the test half, precision not lower)")


if __name__ == "__main__":
    main()
