"""The pattern battery (benchmarks/patterns/): well-formed, in the codebook's ids, and scored as it says."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from stancegraph.codebook import load_codebook

ROOT = Path(__file__).parent.parent
BATTERY = ROOT / "benchmarks" / "patterns" / "battery.jsonl"


def _items():
    return [json.loads(line) for line in BATTERY.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_battery_items_use_the_codebook_ids():
    book = load_codebook()
    items = _items()
    assert len({it["id"] for it in items}) == len(items)
    for it in items:
        assert it["pattern"] and it["text"].strip()
        for actor, polarity, topic in it["expect"] + it.get("forbid", []):
            assert polarity in ("support", "oppose"), it["id"]
            assert topic in book.topics, (it["id"], topic)
            assert actor in book.actors or actor[:1].isupper(), (it["id"], actor)
        expected = {tuple(x) for x in it["expect"]}
        assert not expected & {tuple(x) for x in it.get("forbid", [])}, it["id"]


@pytest.mark.model
def test_patterns_script_scores_a_battery(tmp_path):
    battery = tmp_path / "b.jsonl"
    battery.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "pattern": "direct", "text": "Ukraine rejected the US plan.",
         "expect": [["ukraine", "oppose", "us_peace_plan"]], "forbid": [["ukraine", "support", "us_peace_plan"]]},
        {"id": "b", "pattern": "direct", "text": "Moscow discussed the weather.",
         "expect": [["russia", "support", "ceasefire"]], "forbid": []},
    ]) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "patterns.py"), "--battery", str(battery), "--fails"],
                         capture_output=True, text=True, check=True).stdout
    assert "FAIL b [direct]" in out and "FAIL a" not in out
    assert out.strip().splitlines()[-1] == ("patterns: 1 of 2 items pass; expected stances found 1/2; "
                                            "forbidden readings produced 0")
