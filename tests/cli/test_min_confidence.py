"""``--min-confidence`` on ``build`` and ``extract``: only stances at or above it, a rebuild with
another threshold extracts again, a threshold outside 0..1 is refused in one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

SEEDS = Path(__file__).parent.parent.parent / "seeds"


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_keeps_only_confident_stances(cli):
    every = records(cli("extract", SEEDS).stdout)
    run = cli("extract", SEEDS, "--min-confidence", "0.8")
    assert run.exit_code == 0, run.stderr
    kept = records(run.stdout)
    assert kept and all(r["confidence"] >= 0.8 for r in kept)
    assert len(kept) == sum(r["confidence"] >= 0.8 for r in every) < len(every)


def test_build_stores_only_confident_stances_and_rebuilds_on_a_new_threshold(cli, tmp_path):
    out = tmp_path / "out"
    run = cli("build", SEEDS, "--out", out, "--min-confidence", "0.8")
    assert run.exit_code == 0, run.stderr
    kept = records((out / "stances.jsonl").read_text(encoding="utf-8"))
    assert kept and all(r["confidence"] >= 0.8 for r in kept)
    again = cli("build", SEEDS, "--out", out, "--min-confidence", "0.8")
    assert "0 extracted, 5 unchanged" in again.stdout
    lower = cli("build", SEEDS, "--out", out)
    assert "5 extracted, 0 unchanged" in lower.stdout
    assert len(records((out / "stances.jsonl").read_text(encoding="utf-8"))) > len(kept)


@pytest.mark.parametrize("command", ["extract", "build"])
def test_threshold_outside_0_1_is_refused(cli, tmp_path, command):
    run = cli(command, SEEDS, "--min-confidence", "1.5", *(["--out", tmp_path / "o"] if command == "build" else []))
    assert run.exit_code == 2 and run.exception is None
    assert "--min-confidence" in run.stderr and not (tmp_path / "o").exists()
