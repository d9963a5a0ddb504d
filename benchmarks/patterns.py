"""How the extractor reads the ways news states positions: a battery of sentences of our own.

    python benchmarks/patterns.py [--fails] [--pattern NAME]

``benchmarks/patterns/battery.jsonl``: 150 sentences or two-sentence snippets in news style,
written for this project (by a helper session that never read or ran the extractor), one
linguistic pattern each (negation, hedges, quotes with the speaker after or in the next
sentence, lists of demands, pronouns and descriptions, passives, nominalisations, evaluations,
conditions, retreats, denials, reactions that are no positions, capitals, headlines, ...), with
the stances a careful coder codes (``expect``) and readings that are wrong (``forbid``), in the
default codebook's ids (plain names for actors it does not know).

It is a yardstick of coverage, not of quality on real news (that is ``benchmarks/devset.py``):
a rule that only passes these sentences has not shown it helps on real reporting. It prints,
per pattern, the items passing (every expected stance found, no forbidden one produced); with
``--fails`` each failing item with what is missing or wrong. The last line is the summary.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from stancegraph.codebook import load_codebook
from stancegraph.evaluate import Vocabulary
from stancegraph.extract import create
from stancegraph.types import Document

BATTERY = Path(__file__).resolve().parent / "patterns" / "battery.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fails", action="store_true", help="print each failing item")
    ap.add_argument("--pattern", help="only this pattern")
    ap.add_argument("--battery", type=Path, default=BATTERY)
    args = ap.parse_args()
    codebook = load_codebook()
    vocab = Vocabulary(codebook)
    extractor = create("stancegraph.rules.v1", codebook=codebook)
    items = [json.loads(line) for line in args.battery.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.pattern:
        items = [it for it in items if it["pattern"] == args.pattern]
    total, passing = Counter(), Counter()
    found = expected = forbidden = 0
    for it in items:
        got = {(vocab.actor(s.actor, s.actor_id), s.polarity.value, s.topic)
               for s in extractor.extract_one(Document(id=it["id"], text=it["text"])) if s.classified}
        want = {(vocab.actor(a), p, vocab.topic(t)) for a, p, t in it["expect"]}
        wrong = {(vocab.actor(a), p, vocab.topic(t)) for a, p, t in it.get("forbid", [])} & got
        found, expected, forbidden = found + len(want & got), expected + len(want), forbidden + len(wrong)
        total[it["pattern"]] += 1
        ok = want <= got and not wrong
        passing[it["pattern"]] += ok
        if args.fails and not ok:
            print(f"FAIL {it['id']} [{it['pattern']}] {it['text']}")
            if want - got:
                print(f"   missing   {sorted(want - got)}")
            if wrong:
                print(f"   forbidden {sorted(wrong)}")
    print(f"{'pattern':<32} passing")
    for pattern in sorted(total):
        print(f"{pattern:<32} {passing[pattern]}/{total[pattern]}")
    print(f"patterns: {sum(passing.values())} of {len(items)} items pass; expected stances found "
          f"{found}/{expected}; forbidden readings produced {forbidden}")


if __name__ == "__main__":
    main()
