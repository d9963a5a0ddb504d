"""``stancegraph network KIND``: the written networks and matrices, and its errors."""
from __future__ import annotations

import networkx as nx
import pytest


def test_congruence_matrix_csv(cli, toy_store_dir):
    run = cli("network", "congruence", "--format", "csv", "--normalization", "jaccard", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == ",Donald Trump,Recep Tayyip Erdoğan,Russia,Ukraine,Volodymyr Zelenskyy"
    assert lines[3] == "Russia,0,0.5,0,0.333333,0"
    assert lines[4] == "Ukraine,0,0.5,0.333333,0,0.5"
    assert "congruence network, 5 nodes, 4 edges" in run.stderr


def test_affiliation_matrix_csv_with_candidates(cli, toy_store_dir):
    run = cli("network", "affiliation", "-f", "csv", "--cells", "combine", "--candidates", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    rows = {line.split(",")[0]: line.split(",")[1:] for line in run.stdout.splitlines()}
    assert rows[""] == ["Ceasefire", "Territorial concessions by Ukraine", "the new 20-point plan"]
    assert rows["Russia"] == ["3", "0", "0"]  # both support and oppose: DNA's "combine" code 3
    assert rows["European leaders"] == ["0", "0", "1"]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_conflict_network_files(cli, toy_store_dir, tmp_path, fmt, read):
    out = tmp_path / f"conflict.{fmt}"
    run = cli("network", "conflict", "-f", fmt, "-o", out, "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    G = read(out)
    assert {tuple(sorted(e)) for e in G.edges} == {
        ("actor:recep_tayyip_erdogan", "actor:russia"), ("actor:russia", "actor:ukraine"),
        ("actor:trump", "actor:ukraine"), ("actor:trump", "actor:zelenskyy")}


def test_congruence_graphml_carries_coalitions(cli, toy_store_dir, tmp_path):
    out = tmp_path / "c.graphml"
    assert cli("network", "congruence", "-o", out, "--store", toy_store_dir).exit_code == 0
    G = nx.read_graphml(out)
    assert G.nodes["actor:ukraine"]["coalition"] == G.nodes["actor:zelenskyy"]["coalition"]


@pytest.mark.parametrize("args, message", [
    (["network", "ego"], "error: unknown network 'ego'; use one of: affiliation, congruence, conflict, difference, cooccurrence"),
    (["network", "congruence", "-n", "pearson"], "error: unknown normalization 'pearson'"),
    (["network", "affiliation", "-n", "jaccard"], "error: --normalization applies to congruence"),
    (["network", "conflict", "-f", "dot"], "error: unknown format 'dot'"),
])
def test_network_errors_are_one_line(cli, toy_store_dir, args, message):
    run = cli(*args, "--store", toy_store_dir)
    assert run.exit_code == 2
    assert run.stderr.startswith(message) and len(run.stderr.strip().splitlines()) == 1
