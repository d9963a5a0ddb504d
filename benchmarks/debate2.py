"""Extraction quality on a second debate, with a user's own codebook (issue 11, section 3).

    python benchmarks/debate2.py [--errors] [--keep DIR]

The debate is the negotiations on a global plastics treaty (Busan 2024, Geneva 2025);
``benchmarks/debate2/`` holds the codebook (``codebook.ttl``), the hand-coded stances
(``gold.jsonl``, evidence as character offsets) and where the texts come from
(``sources.json``). The texts themselves are not committed: bring them back into
``benchmarks/debate2/texts/`` as ``benchmarks/debate2/README.md`` says.

The script runs ``stancegraph extract --codebook benchmarks/debate2/codebook.ttl`` on the
texts present (a text whose sha256 differs from ``sources.json`` is skipped, with a warning),
scores the stances with the project's reference scorer ``../shared/gold/score.py`` (its
scheme built from the codebook: ids, labels, aliases, memberOf) and prints strict and lenient
precision, recall and F1. ``--errors`` also prints ``stancegraph evaluate``'s table (by topic,
by actor, the false positives and misses with their sentences). ``--naive`` scores, instead of
the extractor, sentence co-occurrence: every codebook actor named in a sentence takes every topic
phrase of that sentence, support for a topic label and oppose for a contra label (the reference
line of issue 11's table). The last line is the summary.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "debate2"
CODEBOOK = HERE / "codebook.ttl"
SCORER = ROOT.parent / "shared" / "gold" / "score.py"


def present_texts() -> tuple[list[Path], list[str]]:
    """The texts in ``texts/`` that match their recorded sha256, and the ids missing or changed."""
    texts, problems = [], []
    for src in json.loads((HERE / "sources.json").read_text(encoding="utf-8")):
        path = HERE / "texts" / f"{src['id']}.txt"
        if not path.exists():
            problems.append(f"{src['id']}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != src["sha256"]:
            problems.append(f"{src['id']}: sha256 differs from sources.json, skipped")
        else:
            texts.append(path)
    return texts, problems


def gold_for(texts: list[Path]) -> list[dict]:
    """Gold records of the present documents, with their evidence read back from the offsets."""
    by_id = {p.stem: p.read_text(encoding="utf-8") for p in texts}
    out = []
    for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["doc"] in by_id:
            out.append({**rec, "evidence": by_id[rec["doc"]][rec["start"]:rec["end"]]})
    return out


def scheme_of(codebook_path: Path) -> dict:
    """The reference scorer's scheme (actors with label, aliases, member_of; topics) from a codebook."""
    from stancegraph.codebook import load_codebook

    book = load_codebook(codebook_path)
    actors = {a.id: {"label": a.label, "kind": a.kind, "aliases": list(a.aliases),
                     **({"member_of": a.member_of} if a.member_of else {})} for a in book.actors.values()}
    topics = {t.id: {"label": t.label} for t in book.topics.values()}
    return {"actors": actors, "topics": topics}


def naive_stances(texts: list[Path]) -> list[dict]:
    """Sentence co-occurrence: each codebook actor named in a sentence x each topic phrase in it."""
    from stancegraph.codebook import load_codebook
    from stancegraph.extract.rules.topics import OWNED, TopicMatcher
    from stancegraph.nlp import load_pipeline

    book = load_codebook(CODEBOOK)
    nlp = load_pipeline(book)
    matcher = TopicMatcher(nlp, book)
    out = []
    for path in texts:
        doc = nlp(path.read_text(encoding="utf-8"))
        mentions = matcher(doc)
        for sent in doc.sents:
            actors = {e.ent_id_ for e in sent.ents if e.ent_id_ in book.actors}
            topics = {(tid, sign) for m in mentions if sent.start <= m.start < sent.end
                      for tid, sign, kind in m.candidates if kind != OWNED}
            out += [{"doc": path.stem, "actor": a, "polarity": "support" if sign > 0 else "oppose",
                     "topic": tid, "evidence": sent.text} for a in actors for tid, sign in topics]
    return out


def stancegraph(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("stancegraph")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="also print stancegraph evaluate's table and errors")
    ap.add_argument("--naive", action="store_true", help="score sentence co-occurrence instead of the extractor")
    ap.add_argument("--keep", type=Path, help="write pred.jsonl and gold.jsonl (with evidence) into this folder")
    args = ap.parse_args()

    texts, problems = present_texts()
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    if not texts:
        sys.exit(f"no texts in {HERE / 'texts'}: see {HERE / 'README.md'} to bring them back")

    if args.naive:
        preds = naive_stances(texts)
    else:
        run = stancegraph("extract", *map(str, texts), "--format", "jsonl", "--codebook", str(CODEBOOK))
        if run.returncode != 0:
            sys.exit(f"stancegraph extract failed: {run.stderr.strip()}")
        preds = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    gold = gold_for(texts)

    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    res = score.score(preds, gold, score.Scheme(scheme_of(CODEBOOK)))

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name, records in (("pred.jsonl", preds), ("gold.jsonl", gold)):
            lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (folder / name).write_text("".join(lines), encoding="utf-8")
        if args.errors:
            ev = stancegraph("evaluate", str(folder / "pred.jsonl"), str(folder / "gold.jsonl"),
                             "--codebook", str(CODEBOOK))
            print(ev.stdout.rstrip())

    n_req = sum(1 for g in gold if g.get("required", True))
    what = "naive sentence co-occurrence" if args.naive else "stancegraph extract"
    print(f"debate 2 (global plastics treaty), {what}: {len(texts)} texts, {len(gold)} gold stances "
          f"({n_req} required), {len(preds)} predicted stances")
    for mode, m in res.items():
        g = "n/a" if m["grounded"] is None else f"{m['grounded']:.2f}"
        print(f"{mode:8s} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
              f"predicted={m['predicted']} required={m['required']} grounded={g}")
    s, l = res["strict"], res["lenient"]
    print(f"F1 strict={s['f1']:.3f} lenient={l['f1']:.3f} (P={s['precision']:.2f} R={s['recall']:.2f})")


if __name__ == "__main__":
    main()
