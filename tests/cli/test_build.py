"""``stancegraph build seeds/`` end to end: the summary, the three output files, the store,
a second build, ``export`` in every format and ``extract`` to stdout, scored against the gold."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph
from stancegraph.ingest import read_documents
from stancegraph.rdf import mint
from stancegraph.rdf.namespace import SG

pytestmark = pytest.mark.model

SEEDS = Path(__file__).parent.parent.parent / "seeds"
GOLD = Path(__file__).parent.parent.parent.parent / "shared" / "gold"
FIELDS = {"doc", "actor", "actor_id", "polarity", "topic", "topic_label", "evidence", "start", "end",
          "confidence", "extractor"}


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def stance_keys(recs: list[dict]) -> list[tuple]:
    return sorted((r["doc"], r["actor_id"], r["polarity"], r["topic"] or "", int(r["start"]), int(r["end"]))
                  for r in recs)


def test_build_exits_0_and_prints_summary_table(seeds_build):
    run = seeds_build.run
    assert run.exception is None and run.exit_code == 0, run.stderr
    assert "5 documents read: 5 extracted, 0 unchanged, 0 skipped" in run.stdout
    lines = run.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if re.match(r"actor\s+support\s+oppose\s+topics$", line))
    rows = [re.match(r"(.+?)\s+(\d+)\s+(\d+)\s+(\d+)$", line) for line in lines[header + 1:]
            if not line.startswith("wrote ")]
    assert rows and all(rows), lines[header:]
    actors = {m[1]: (int(m[2]), int(m[3])) for m in rows}
    assert {"Ukraine", "Volodymyr Zelenskyy", "Donald Trump"} <= set(actors)
    n = int(re.search(r"(\d+) stances and (\d+) unclassified candidates in", run.stdout)[1])
    assert sum(s + o for s, o in actors.values()) == n
    assert "Traceback" not in run.stdout + run.stderr


def test_jsonl_records_carry_the_fields_and_their_evidence(seeds_build):
    recs = records((seeds_build.out / "stances.jsonl").read_text(encoding="utf-8"))
    assert len(recs) >= 30
    texts = {d.id: d.text for d in read_documents([SEEDS]).documents}
    assert {r["doc"] for r in recs} == set(texts)
    for r in recs:
        assert FIELDS <= set(r), FIELDS - set(r)
        assert r["polarity"] in {"support", "oppose"}
        assert 0.0 <= r["confidence"] <= 1.0
        assert r["extractor"] == "stancegraph.rules.v1"
        assert r["evidence"] == texts[r["doc"]][r["start"]:r["end"]], r


def classified_and_candidates(g: Graph) -> tuple[int, int]:
    """The numbers of stance nodes with a codebook topic and with a candidate topic."""
    topics = [g.value(s, SG.topic) for s in set(g.subjects(RDF.type, SG.Stance))]
    assert None not in topics
    candidates = sum(mint.is_candidate(t) for t in topics)
    return len(topics) - candidates, candidates


def test_ttl_is_the_graph_of_the_stances_and_candidates(seeds_build):
    g = Graph().parse(seeds_build.out / "stances.ttl", format="turtle")
    jsonl = records((seeds_build.out / "stances.jsonl").read_text(encoding="utf-8"))
    candidates = records((seeds_build.out / "candidates.jsonl").read_text(encoding="utf-8"))
    assert classified_and_candidates(g) == (len(jsonl), len(candidates))
    assert all(r["topic"] for r in jsonl) and not any(r["topic"] for r in candidates)
    for s in g.subjects(RDF.type, SG.Stance):
        assert g.value(s, SG.holder) is not None


def test_html_references_nothing_outside_itself(seeds_build):
    html = (seeds_build.out / "stances.html").read_text(encoding="utf-8")
    assert "vis-network" in html or "vis.Network" in html
    assert not re.search(r"<script[^>]+\bsrc\s*=", html, re.I)
    assert not re.search(r"<link[^>]+\bhref\s*=", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html


def test_store_is_reused_by_export(seeds_build, cli):
    run = cli("export", "--format", "jsonl", "--store", seeds_build.store)
    assert run.exit_code == 0, run.stderr
    assert stance_keys(records(run.stdout)) == stance_keys(
        records((seeds_build.out / "stances.jsonl").read_text(encoding="utf-8")))


def test_second_build_changes_nothing(seeds_build, cli, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seeds_build.out, out)
    before = (out / "stances.jsonl").read_text(encoding="utf-8")
    run = cli("build", SEEDS, "--out", out)
    assert run.exit_code == 0, run.stderr
    assert "5 documents read: 0 extracted, 5 unchanged, 0 skipped" in run.stdout
    counts = r"(\d+) stances and (\d+) unclassified candidates in"
    assert re.search(counts, run.stdout).groups() == re.search(counts, seeds_build.run.stdout).groups()
    assert stance_keys(records((out / "stances.jsonl").read_text(encoding="utf-8"))) == stance_keys(records(before))


def test_forced_build_replaces_instead_of_duplicating(seeds_build, cli, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seeds_build.out, out)
    run = cli("build", *sorted(SEEDS.glob("*.txt"))[:1], "--out", out, "--force")
    assert run.exit_code == 0, run.stderr
    assert "1 documents read: 1 extracted" in run.stdout
    ds = Dataset(default_union=True).parse(data=cli("export", "--format", "trig", "--store", out / "store").stdout, format="trig")
    before = Graph().parse(seeds_build.out / "stances.ttl", format="turtle")
    assert classified_and_candidates(ds) == classified_and_candidates(before)


def parse_export(fmt: str, text: str) -> int:
    """The number of (classified) stances in an export."""
    if fmt == "jsonl":
        return len(records(text))
    if fmt == "csv":
        return len(list(csv.DictReader(io.StringIO(text))))
    if fmt == "ttl":
        g = Graph().parse(data=text, format="turtle")
    elif fmt == "jsonld":  # names its context by IRI: read with the shipped copy, offline
        from stancegraph.rdf.jsonld import read_jsonld
        g = read_jsonld(text)
        g.default_union = True
    else:
        g = Dataset(default_union=True).parse(data=text, format={"trig": "trig", "jsonld": "json-ld", "nquads": "nquads"}[fmt])
    return classified_and_candidates(g)[0]


@pytest.mark.parametrize(("fmt", "to"), [("jsonl", "file"), ("csv", "stdout"), ("ttl", "file"),
                                         ("trig", "stdout"), ("jsonld", "file"), ("nquads", "stdout")])
def test_export_formats_agree(seeds_build, cli, tmp_path, fmt, to):
    n = len(records((seeds_build.out / "stances.jsonl").read_text(encoding="utf-8")))
    dest = tmp_path / f"stances.{fmt}"
    run = cli("export", "--format", fmt, "--store", seeds_build.store, *(["-o", dest] if to == "file" else []))
    assert run.exit_code == 0, run.stderr
    assert parse_export(fmt, dest.read_text(encoding="utf-8") if to == "file" else run.stdout) == n


def test_extract_to_stdout_gives_the_stances_of_the_build(seeds_build, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = cli("extract", *sorted(SEEDS.glob("*.txt")), "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    got = records(run.stdout)
    built = records((seeds_build.out / "stances.jsonl").read_text(encoding="utf-8"))
    assert stance_keys(got) == stance_keys(built)
    assert [r["evidence"] for r in sorted(got, key=lambda r: (r["doc"], r["start"]))] == [
        r["evidence"] for r in sorted(built, key=lambda r: (r["doc"], r["start"]))]
    assert not list(tmp_path.iterdir())  # no store, no out/ in the working directory


def load_scorer():
    path = GOLD / "score.py"
    if not path.exists():
        pytest.skip(f"no gold scorer at {path}")
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scores_on_the_seeds_reach_the_floor(seeds_build, capsys):
    """Issue 2's floor (the seeds are the development set, so this guards against regressions)."""
    score = load_scorer()
    res = score.main([str(seeds_build.out / "stances.jsonl"), str(GOLD / "seeds.jsonl")])
    print(capsys.readouterr().out)
    strict, lenient = res["strict"], res["lenient"]
    assert strict["f1"] >= 0.60, strict
    assert lenient["f1"] >= 0.70, lenient
    assert strict["grounded"] >= 0.90 and lenient["grounded"] >= 0.90, (strict, lenient)
