"""Extraction throughput against the bare spaCy parse of the same text, in one run.

    python benchmarks/extraction_speed.py [--repeat N] [--jobs N] [--lessons FILE]

Prints words/s of ``nlp.pipe`` with the plain English model, words/s of the whole
stancegraph extraction (codebook EntityRuler + parse + rules), and their ratio. Target: the
extraction runs at >= 0.5 of the bare parse (the parse is the physical floor of this design).
The corpus is the seed articles, each repeated N times under its own id. With ``--lessons
FILE`` (``stancegraph review lessons --out FILE``) the extraction applies those lessons as a
build does: the codebook with what they taught, then their re-scoring.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from stancegraph.codebook import load_codebook
from stancegraph.extract import create
from stancegraph.lessons import read_lessons
from stancegraph.lessons.apply import Rescorer, codebook_with
from stancegraph.nlp import MODEL
from stancegraph.types import Document

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int) -> list[Document]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [Document(id=f"{i}-{j}", text=t) for i in range(repeat) for j, t in enumerate(texts)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--lessons", type=Path, help="apply the lessons of this file")
    args = ap.parse_args()
    docs = corpus(args.repeat)
    words = sum(len(d.text.split()) for d in docs)

    nlp = spacy.load(MODEL)
    list(nlp.pipe(d.text for d in docs[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=16, n_process=args.jobs):
        pass
    bare = time.perf_counter() - t0

    lessons = read_lessons(args.lessons) if args.lessons else None
    codebook = codebook_with(lessons, load_codebook()) if lessons else load_codebook()
    extractor = create("stancegraph.rules.v1", n_process=args.jobs, codebook=codebook)
    rescore = Rescorer(lessons) if lessons else list
    list(extractor.extract(docs[:5]))  # warm up
    t0 = time.perf_counter()
    n = sum(len(rescore(st)) for _, st in extractor.extract(docs))
    ours = time.perf_counter() - t0

    print(f"corpus: {len(docs)} documents, {words} words, jobs={args.jobs}, "
          f"lessons: {len(lessons.lessons) if lessons else 'none'}")
    print(f"bare spaCy parse:      {words / bare:8.0f} words/s ({bare:.2f} s)")
    print(f"stancegraph extract:   {words / ours:8.0f} words/s ({ours:.2f} s, {n} stances)")
    print(f"ratio extract/bare:    {bare / ours:8.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
