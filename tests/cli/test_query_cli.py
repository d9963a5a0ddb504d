"""``stancegraph query`` and ``stancegraph queries``: output content, one-line errors, and
parameter values that look like SPARQL staying plain strings."""
from __future__ import annotations

import csv
import io
import json

import pytest
from stancegraph.codebook import load_codebook
from stancegraph.rdf.store import StanceStore

CB = load_codebook()
INJECTIONS = ['"} ; DROP ALL ; {"', "> } UNION {", '" . ?s ?p ?o } DELETE WHERE { ?s ?p ?o } #']


def quads(path) -> tuple[int, list[str]]:
    with StanceStore.open(path) as st:
        return len(st), st.documents()


def test_queries_lists_names_descriptions_and_parameters(cli):
    run = cli("queries")
    assert run.exit_code == 0, run.stderr
    assert "evidence: The evidence for an actor's position on a topic" in run.stdout
    assert "--param actor=...  (actor)" in run.stdout
    assert "_resolve" not in run.stdout


def test_query_as_json(cli, toy_store_dir):
    run = cli("query", "evidence", "--param", "actor=russia", "--param", "topic=Ceasefire",
              "--format", "json", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    rows = json.loads(run.stdout)
    assert [(r["polarity"], r["evidence"], r["date"]) for r in rows] == [
        ("oppose", "Russia rejected the ceasefire.", "2025-03-01"),
        ("support", "Russia now accepts a ceasefire.", "2025-03-05")]
    assert rows[0]["actor"] == CB.actors["russia"].iri


def test_query_as_csv(cli, toy_store_dir):
    run = cli("query", "topic-positions", "-p", "topic=territorial_concessions", "-f", "csv", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {(r["actorLabel"], r["polarity"], r["statements"]) for r in rows} == {
        ("Donald Trump", "support", "1"), ("Ukraine", "oppose", "1"), ("Volodymyr Zelenskyy", "oppose", "1")}


def test_query_as_table_shortens_iris(cli, toy_store_dir):
    run = cli("query", "contested-topics", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["topic", "topicLabel", "supporters", "opponents", "support", "oppose"]
    assert lines[2].split()[:2] == ["ceasefire", "Ceasefire"] and lines[2].split()[-4:] == ["3", "1", "3", "1"]
    assert lines[-1] == "(2 rows)"


def test_query_from_a_file(cli, toy_store_dir, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# description: stances in all\nPREFIX sg: <https://w3id.org/stancegraph/ontology#>\n"
                    "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Stance }\n")
    run = cli("query", path, "-f", "csv", "--store", toy_store_dir)
    assert (run.exit_code, run.stdout) == (0, "n\n8\n")


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "error: unknown query 'nope'; known queries: agreement-pairs, conflict-pairs,"),
    (["query", "evidence", "-p", "actor=russia"], "error: query 'evidence' needs parameter 'topic'"),
    (["query", "evidence", "-p", "actor=russia", "-p", "topic=x", "-p", "when=now"],
     "error: query 'evidence' has no parameter or variable 'when'"),
    (["query", "evidence", "-p", "actor"], "error: --param 'actor': write NAME=VALUE"),
    (["query", "position-changes", "-p", "from=yesterday", "-p", "to=2025-03-31"],
     "error: parameter 'from': 'yesterday' is not a date (YYYY-MM-DD)"),
    (["query", "contested-topics", "-f", "xml"], "error: unknown format 'xml'"),
])
def test_errors_are_one_line(cli, toy_store_dir, args, message):
    run = cli(*args, "--store", toy_store_dir)
    assert run.exit_code != 0
    assert run.stderr.startswith(message), run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_unknown_query_is_reported_before_a_missing_store(cli, tmp_path):
    run = cli("query", "nope", "--store", tmp_path / "absent")
    assert run.exit_code == 1 and "unknown query 'nope'" in run.stderr


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("query, param", [("stances-of-actor", "actor"), ("topic-positions", "topic"),
                                          ("search-evidence", "text")])
def test_sparql_in_a_value_is_a_plain_string(cli, toy_store_dir, query, param, value):
    before = quads(toy_store_dir)
    run = cli("query", query, "--param", f"{param}={value}", "--format", "json", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout) == []
    assert quads(toy_store_dir) == before


# --- ad-hoc queries: any variable takes a parameter ------------------------------------------
AD_HOC = ("PREFIX sg: <https://w3id.org/stancegraph/ontology#>\n"
          "SELECT (COUNT(*) AS ?n) WHERE { ?e sg:text ?o FILTER(STR(?o) = STR(?x)) }\n")


def test_an_ad_hoc_query_binds_a_variable_it_neither_declares_nor_projects(cli, toy_store_dir, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text(AD_HOC, encoding="utf-8")
    run = cli("query", path, "-p", "x=Russia rejected the ceasefire.", "-f", "csv", "--store", toy_store_dir)
    assert (run.exit_code, run.stdout) == (0, "n\n1\n"), run.stderr
    run = cli("query", path, "-p", "x=Nobody said this.", "-f", "csv", "--store", toy_store_dir)
    assert (run.exit_code, run.stdout) == (0, "n\n0\n"), run.stderr


def test_undeclared_values_are_typed_by_their_look(cli, toy_store_dir, tmp_path):
    path = tmp_path / "typed.rq"
    path.write_text("PREFIX sg: <https://w3id.org/stancegraph/ontology#>\n"
                    "SELECT ?s WHERE { ?s sg:holder ?who ; sg:confidence ?c FILTER(?c >= ?min) }\n", encoding="utf-8")
    args = ("query", path, "-f", "json", "--store", toy_store_dir)
    russia = "<https://w3id.org/stancegraph/codebook/ukraine-2025/actor/russia>"
    high = json.loads(cli(*args, "-p", f"who={russia}", "-p", "min=0.8").stdout)
    low = json.loads(cli(*args, "-p", f"who={russia}", "-p", "min=0").stdout)
    assert len(high) == 1 and len(low) == 2
    run = cli(*args, "-p", "who=<not an iri>", "-p", "min=0")
    assert run.exit_code != 0 and "is not an absolute IRI" in run.stderr


def test_a_name_that_is_no_variable_is_refused_with_the_variables(cli, toy_store_dir, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text(AD_HOC, encoding="utf-8")
    run = cli("query", path, "-p", "y=1", "--store", toy_store_dir)
    assert run.exit_code != 0 and "no parameter or variable 'y'" in run.stderr and "e, n, o, x" in run.stderr


@pytest.mark.parametrize("value", INJECTIONS + ['"} } ; DROP ALL ; #'])
def test_injection_into_an_ad_hoc_variable_stays_a_string(cli, toy_store_dir, tmp_path, value):
    path = tmp_path / "mine.rq"
    path.write_text(AD_HOC, encoding="utf-8")
    before = quads(toy_store_dir)
    run = cli("query", path, "-p", f"x={value}", "-f", "csv", "--store", toy_store_dir)
    assert (run.exit_code, run.stdout) == (0, "n\n0\n"), run.stderr
    assert quads(toy_store_dir) == before
