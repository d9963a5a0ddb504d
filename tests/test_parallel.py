"""Parsing in several processes, incremental builds and builds stopped by SIGKILL."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from stancegraph import pipeline
from stancegraph.codebook import load_codebook
from stancegraph.rdf import convert
from stancegraph.rdf.store import StanceStore

SEEDS = Path(__file__).parent.parent / "seeds"

pytestmark = pytest.mark.model

SEED_TEXTS = sorted(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))


def records(path: Path) -> list[dict]:
    return sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()),
                  key=lambda r: json.dumps(r, sort_keys=True))


def write_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` articles made of the seed texts, each with a first line of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"Dispatch {i}.\n{SEED_TEXTS[i % len(SEED_TEXTS)]}", encoding="utf-8")
        paths.append(path)
    return paths


def test_jobs_2_gives_the_stances_of_jobs_1(seeds_build, cli, tmp_path):
    run = cli("build", SEEDS, "--out", tmp_path / "out", "--jobs", "2")
    assert run.exit_code == 0, run.stderr
    one = records(seeds_build.out / "stances.jsonl")
    assert one and records(tmp_path / "out" / "stances.jsonl") == one
    assert records(tmp_path / "out" / "candidates.jsonl") == records(seeds_build.out / "candidates.jsonl")


def test_small_batches_store_the_same_graph(seeds_build, cli, tmp_path):
    run = cli("build", SEEDS, "--out", tmp_path / "out", "--batch-size", "2")
    assert run.exit_code == 0, run.stderr
    assert records(tmp_path / "out" / "stances.jsonl") == records(seeds_build.out / "stances.jsonl")


def test_rebuild_replaces_changed_documents_and_skips_the_others(cli, tmp_path):
    src = tmp_path / "in"
    first, second = write_corpus(src, 2)
    out = tmp_path / "out"
    assert cli("build", src, "--out", out).exit_code == 0
    with StanceStore.open(out / "store") as store:
        before = {d: store.document_hash(d) for d in store.documents()}
        kept = store.stances("article-001")
    second.write_text("Kyiv, 3 June. President Zelenskyy rejected territorial concessions.\n", encoding="utf-8")

    run = cli("build", src, "--out", out)

    assert run.exit_code == 0, run.stderr
    assert "1 extracted, 1 unchanged" in run.stdout
    with StanceStore.open(out / "store") as store:
        assert store.documents() == ["article-000", "article-001"]
        assert store.document_hash("article-000") == before["article-000"]
        assert store.document_hash("article-001") != before["article-001"]
        now = store.stances("article-001")
    assert now and now != kept
    assert {s.evidence for s in now} <= {"Kyiv, 3 June.", "President Zelenskyy rejected territorial concessions."}


def test_a_build_killed_mid_way_keeps_only_whole_documents(tmp_path, rule_extractor):
    src, out = tmp_path / "in", tmp_path / "out"
    paths = write_corpus(src, 40)
    cmd = [sys.executable, "-c", "from stancegraph.cli import main; main()",
           "build", str(src), "--out", str(out), "--batch-size", "2", "--verbose"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 120
    try:
        for line in proc.stderr:  # the first batch is in: stop it hard while it parses or writes more
            if "stored 2 of 40 documents" in line or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not (out / "stances.jsonl").exists()  # it did not get to the end

    codebook = load_codebook()
    by_id = {p.stem: p for p in paths}
    with StanceStore.open(out / "store") as store:
        stored = store.documents()
        assert 2 <= len(stored) < 40 and len(stored) % 2 == 0, stored
        for doc_id in stored:  # each document is all there: the graph a full extraction gives
            from stancegraph.ingest import read_documents
            [doc] = read_documents([by_id[doc_id]]).documents
            expected = convert.document_graph(doc, rule_extractor.extract_one(doc), codebook,
                                              extracted_with=pipeline.extraction_key("stancegraph.rules.v1", codebook))
            assert store.document_hash(doc_id) == doc.sha256
            assert len(store.graph(doc_id)) == len(expected)

    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)  # and a re-run goes on
    assert run.returncode == 0, run.stderr
    assert f"{40 - len(stored)} extracted, {len(stored)} unchanged" in run.stdout
    with StanceStore.open(out / "store") as store:
        assert len(store.documents()) == 40


def test_dask_local_cluster_gives_the_stances_of_one_process(seeds_build, cli, tmp_path):
    """A real LocalCluster of 2 worker processes, partitions of 2 documents."""
    run = cli("build", SEEDS, "--out", tmp_path / "out", "--dask", "local", "--batch-size", "2")
    assert run.exit_code == 0, run.stderr
    assert "5 extracted" in run.stdout
    assert records(tmp_path / "out" / "stances.jsonl") == records(seeds_build.out / "stances.jsonl")
    assert records(tmp_path / "out" / "candidates.jsonl") == records(seeds_build.out / "candidates.jsonl")


def test_dask_unreachable_scheduler_is_one_line(cli, tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    write_corpus(tmp_path / "in", 1)
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out", "--dask", f"tcp://127.0.0.1:{port}")
    assert run.exit_code == 1 and run.stderr.startswith("error: cannot reach the Dask cluster"), run.stderr


def test_a_changed_codebook_extracts_again(cli, tmp_path):
    """The stances depend on the codebook too: a build with an edited codebook extracts every
    document again (and records what it used); the same codebook again extracts nothing."""
    src = tmp_path / "in"
    write_corpus(src, 2)
    out = tmp_path / "out"
    book = tmp_path / "book.ttl"
    book.write_bytes(Path(load_codebook().source).read_bytes())
    assert cli("build", src, "--out", out, "--codebook", book).exit_code == 0
    assert "0 extracted, 2 unchanged" in cli("build", src, "--out", out, "--codebook", book).stdout

    book.write_text(book.read_text(encoding="utf-8").replace('skos:prefLabel "Ceasefire"@en',
                                                             'skos:prefLabel "Ceasefire"@en ; skos:altLabel "calm"@en', 1),
                    encoding="utf-8")
    edited = load_codebook(book)
    run = cli("build", src, "--out", out, "--codebook", book)

    assert run.exit_code == 0, run.stderr
    assert "2 extracted, 0 unchanged" in run.stdout
    with StanceStore.open(out / "store") as store:
        assert {v for _, v in store.document_versions().values()} == {
            f"stancegraph.rules.v1 codebook:{edited.digest}"}
    assert "0 extracted, 2 unchanged" in cli("build", src, "--out", out, "--codebook", book).stdout
