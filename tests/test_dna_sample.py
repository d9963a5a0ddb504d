"""DNA's own sample database (../shared/dna/sample.dna, GPL data: read in place, never copied),
imported and exported again, gives DNA's numbers; skipped where the file is absent.
``python benchmarks/dna_check.py`` prints the whole grid of options."""
from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT.parent / "shared" / "dna" / "sample.dna"
pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"{SAMPLE} is not here")


def dna_check():
    spec = importlib.util.spec_from_file_location("dna_check", ROOT / "benchmarks" / "dna_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from stancegraph.cli import app
    from typer.testing import CliRunner

    store = tmp_path_factory.mktemp("sample") / "store"
    run = CliRunner().invoke(app, ["dna", "import", str(SAMPLE), "--store", str(store)])
    assert run.exit_code == 0, run.output
    assert "40 stances imported of type 'DNA Statement'" in run.stdout
    assert "1 statements of other types not imported (Annotation: 1)" in run.stdout
    return store


def test_sample_facts(store, cli, tmp_path):
    run = cli("dna", "export", "--store", store, "--out", tmp_path)
    assert run.exit_code == 0, run.stderr
    count = {name: nx.read_graphml(tmp_path / f"{name}.graphml").number_of_edges()
             for name in ("congruence", "conflict")}
    assert count == {"congruence": 16, "conflict": 14}
    A = nx.read_graphml(tmp_path / "affiliation.graphml")
    assert not A.is_directed() and not A.is_multigraph()
    assert (A.number_of_edges(), sum(w for *_, w in A.edges(data="weight"))) == (22, 40)
    eea = next(n for n, d in A.nodes(data=True) if d["name"] == "Energy and Environmental Analysis, Inc.")
    co2 = next(n for n, d in A.nodes(data=True) if d["name"] == "Emissions legislation should regulate CO2.")
    assert A.edges[eea, co2]["weight"] == 2  # both agreement values: one edge, as DNA
    with open(tmp_path / "statements.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 40
    assert dna_check().check_statements(SAMPLE, tmp_path / "statements.csv") == []
    run = cli("viz", "--view", "congruence", "--store", store, "-o", tmp_path / "congruence.html")
    assert run.exit_code == 0, run.stderr
    from stancegraph.rdf.store import StanceStore
    from stancegraph.viz.views import view_graph
    with StanceStore.open(store) as st:
        assert view_graph(st, "congruence").number_of_edges() == 16


@pytest.mark.parametrize("duplicates", ["include", "acrossrange"])
def test_sample_networks_match_dna_formulas(store, tmp_path, duplicates):
    rows = dna_check().check_networks(SAMPLE, store, tmp_path, duplicates=[duplicates])
    assert [r for r in rows if r[6]] == []
    assert len(rows) == 19


def test_sample_person_networks_match_dna_formulas(cli, tmp_path):
    run = cli("dna", "import", SAMPLE, "--store", tmp_path / "persons", "--actor", "person")
    assert run.exit_code == 0, run.stderr
    rows = dna_check().check_networks(SAMPLE, tmp_path / "persons", tmp_path, duplicates=["document"],
                                      normalizations=["no", "jaccard", "cosine"], actor="person")
    assert [r for r in rows if r[6]] == []
    assert {r[4] for r in rows if r[:3] == ("one-mode (person)", "congruence", "no")} == {16}


@pytest.mark.browser
def test_sample_congruence_map_draws_16_edges_in_chromium(store, cli, chromium, tmp_path):
    run = cli("viz", "--view", "congruence", "--store", store, "-o", tmp_path / "c.html")
    assert run.exit_code == 0, run.stderr
    dom = chromium(tmp_path / "c.html", budget_ms=8000, until='id="sg-status"')
    status = dict(re.findall(r'data-(\w+)="([^"]*)"', re.search(r'<div id="sg-status"([^>]*)>', dom).group(1)))
    assert (status["nodes"], status["edges"]) == ("7", "16")
