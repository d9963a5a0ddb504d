"""``stancegraph load``: a shared graph into a local store folder."""
from __future__ import annotations

from stancegraph.rdf.store import StanceStore


def test_load_then_query_gives_the_rows_of_the_source(toy_store_dir, cli, tmp_path):
    shared = tmp_path / "shared.nq"
    assert cli("export", "--format", "nquads", "--store", toy_store_dir, "-o", shared).exit_code == 0
    run = cli("load", shared, "--store", tmp_path / "mine")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip() == f"{shared}: 5 graphs loaded (3 documents)"
    for args in (["query", "position-matrix"], ["export", "--format", "csv"]):
        mine, source = cli(*args, "--store", tmp_path / "mine"), cli(*args, "--store", toy_store_dir)
        assert mine.exit_code == 0 and mine.stdout == source.stdout and source.stdout.strip(), args


def test_a_bad_file_is_one_line_and_changes_nothing(toy_store_dir, cli, tmp_path):
    with StanceStore.open(toy_store_dir) as st:
        before = len(st)
    turtle = tmp_path / "graph.ttl"
    turtle.write_text("<x:a> <x:b> <x:c> .\n", encoding="utf-8")
    run = cli("load", turtle, "--store", toy_store_dir)
    assert run.exit_code == 1
    assert run.stderr.strip() == f"error: {turtle}: cannot load .ttl; give a dataset file: .trig, .nq, .nquads"
    with StanceStore.open(toy_store_dir) as st:
        assert len(st) == before
