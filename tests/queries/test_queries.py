"""The named queries: their headers, and the rows they return on a small hand-made store."""
from __future__ import annotations

from datetime import date

import pytest
from stancegraph.codebook import load_codebook
from stancegraph.errors import QueryError
from stancegraph.queries import list_queries, load_query, run_query

CB = load_codebook()
A = {a: CB.actors[a].iri for a in CB.actors}
T = {t: CB.topics[t].iri for t in CB.topics}
ERDOGAN = "https://w3id.org/stancegraph/id/actor/recep_tayyip_erdogan"
PLAN = "https://w3id.org/stancegraph/id/candidate/the_new_20_point_plan"

EXPECTED_QUERIES = {
    "stances-of-actor", "topic-positions", "position-matrix", "agreement-pairs", "conflict-pairs",
    "contested-topics", "evidence", "position-changes", "stances-per-source", "stances-per-day",
    "search-evidence", "position-counts", "stance-records", "timeline",
}
SAMPLE_PARAMS = {"actor": "russia", "topic": "ceasefire", "from": "2025-03-01", "to": "2025-03-31", "text": "truce"}


def rows_as_dicts(result):
    return [dict(zip(result.columns, row)) for row in result.rows]


# --- the library of queries ----------------------------------------------------------------

def test_every_query_is_listed_with_a_description():
    infos = {q.name: q for q in list_queries()}
    assert set(infos) == EXPECTED_QUERIES
    assert all(q.description for q in infos.values())
    assert infos["evidence"].param_names == ("actor", "topic")
    assert infos["position-changes"].param_names == ("from", "to")
    assert not any(name.startswith("_") for name in infos)


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_every_query_runs_and_projects_its_parameters(toy_store, name):
    info = load_query(name).info
    result = run_query(toy_store, name, {p: SAMPLE_PARAMS[p] for p in info.param_names})
    assert set(info.param_names) <= set(result.columns)
    assert result.rows, f"{name} returned no rows on the toy store"


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(QueryError, match=r"unknown query 'nope'; known queries: agreement-pairs, .*evidence"):
        load_query("nope")


def test_a_query_file_with_a_header(tmp_path, toy_store):
    path = tmp_path / "mine.rq"
    path.write_text("# name: mine\n# description: topics of an actor\n# param: who (actor) an actor\n"
                    "PREFIX sg: <https://w3id.org/stancegraph/ontology#>\n"
                    "SELECT DISTINCT ?who ?topic WHERE { ?s sg:holder ?who ; sg:topic ?topic } ORDER BY ?topic\n")
    q = load_query(path)
    assert (q.info.name, q.info.description, q.info.param_names) == ("mine", "topics of an actor", ("who",))
    assert run_query(toy_store, str(path), {"who": "Zelenskyy"}).rows == [(A["zelenskyy"], T["territorial_concessions"])]


def test_missing_and_unknown_parameters(toy_store):
    with pytest.raises(QueryError, match="needs parameter 'topic'"):
        run_query(toy_store, "evidence", {"actor": "russia"})
    with pytest.raises(QueryError, match="has no parameter or variable 'colour'; it takes: actor, topic"):
        run_query(toy_store, "evidence", {"actor": "russia", "topic": "ceasefire", "colour": "red"})


# --- content on the toy store --------------------------------------------------------------

def test_stances_of_actor(toy_store):
    result = run_query(toy_store, "stances-of-actor", {"actor": "russia"})
    got = [(r["topic"], r["polarity"], r["date"], r["doc"], r["evidence"]) for r in rows_as_dicts(result)]
    assert got == [(T["ceasefire"], "oppose", date(2025, 3, 1), "toy-1", "Russia rejected the ceasefire."),
                   (T["ceasefire"], "support", date(2025, 3, 5), "toy-2", "Russia now accepts a ceasefire.")]
    assert run_query(toy_store, "stances-of-actor", {"actor": "putin"}).rows == []


@pytest.mark.parametrize("given", ["recep_tayyip_erdogan", "Recep Tayyip Erdoğan", ERDOGAN])
def test_an_actor_outside_the_codebook_by_id_label_or_iri(toy_store, given):
    result = run_query(toy_store, "stances-of-actor", {"actor": given})
    assert [(r["actor"], r["topic"], r["polarity"]) for r in rows_as_dicts(result)] == [(ERDOGAN, T["ceasefire"], "support")]


def test_topic_positions(toy_store):
    result = run_query(toy_store, "topic-positions", {"topic": "Ceasefire"})
    got = {(r["actor"], r["polarity"], r["statements"]) for r in rows_as_dicts(result)}
    assert got == {(A["russia"], "oppose", 1), (A["russia"], "support", 1), (A["ukraine"], "support", 1),
                   (ERDOGAN, "support", 1)}
    plan = run_query(toy_store, "topic-positions", {"topic": "the new 20-point plan"})
    assert [(r["topic"], r["actor"], r["polarity"]) for r in rows_as_dicts(plan)] == [(PLAN, A["europe"], "support")]


def test_position_matrix(toy_store):
    rows = rows_as_dicts(run_query(toy_store, "position-matrix", {}))
    cells = {(r["actor"], r["topic"]): (r["support"], r["oppose"], r["position"]) for r in rows}
    assert cells[(A["russia"], T["ceasefire"])] == (1, 1, "mixed")
    assert cells[(A["ukraine"], T["territorial_concessions"])] == (0, 1, "oppose")
    assert cells[(A["trump"], T["territorial_concessions"])] == (1, 0, "support")
    assert len(cells) == 7


def test_agreement_and_conflict_pairs(toy_store):
    agree = {(r["topic"], r["polarity"], r["actor1"], r["actor2"])
             for r in rows_as_dicts(run_query(toy_store, "agreement-pairs", {}))}
    assert agree == {
        (T["ceasefire"], "support", A["russia"], ERDOGAN), (T["ceasefire"], "support", A["russia"], A["ukraine"]),
        (T["ceasefire"], "support", A["ukraine"], ERDOGAN),
        (T["territorial_concessions"], "oppose", A["ukraine"], A["zelenskyy"]),
    }
    conflict = {(r["topic"], r["actor1"], r["polarity1"], r["actor2"], r["polarity2"])
                for r in rows_as_dicts(run_query(toy_store, "conflict-pairs", {}))}
    assert conflict == {
        (T["ceasefire"], A["russia"], "oppose", A["ukraine"], "support"),
        (T["ceasefire"], A["russia"], "oppose", ERDOGAN, "support"),
        (T["territorial_concessions"], A["trump"], "support", A["ukraine"], "oppose"),
        (T["territorial_concessions"], A["trump"], "support", A["zelenskyy"], "oppose"),
    }


def test_contested_topics(toy_store):
    rows = rows_as_dicts(run_query(toy_store, "contested-topics", {}))
    assert [(r["topic"], r["supporters"], r["opponents"], r["support"], r["oppose"]) for r in rows] == [
        (T["ceasefire"], 3, 1, 3, 1), (T["territorial_concessions"], 1, 2, 1, 2)]


def test_evidence_for_an_actor_and_topic(toy_store):
    rows = rows_as_dicts(run_query(toy_store, "evidence", {"actor": "Russia", "topic": "ceasefire"}))
    assert [(r["polarity"], r["confidence"], r["evidence"], r["source"], r["headline"]) for r in rows] == [
        ("oppose", 0.9, "Russia rejected the ceasefire.", "Wire A", "Toy toy-1"),
        ("support", 0.5, "Russia now accepts a ceasefire.", "Wire B", "Toy toy-2")]


def test_position_changes_between_dates(toy_store):
    rows = rows_as_dicts(run_query(toy_store, "position-changes", {"from": "2025-03-01", "to": "2025-03-31"}))
    assert [(r["actor"], r["topic"], r["before"], r["firstDate"], r["after"], r["changedOn"]) for r in rows] == [
        (A["russia"], T["ceasefire"], "oppose", date(2025, 3, 1), "support", date(2025, 3, 5))]
    assert run_query(toy_store, "position-changes", {"from": "2025-03-01", "to": "2025-03-04"}).rows == []
    assert run_query(toy_store, "position-changes", {"from": "2025-03-02", "to": "2025-03-31"}).rows == []


def test_stances_per_source_and_per_day(toy_store):
    per_source = run_query(toy_store, "stances-per-source", {})
    assert per_source.columns == ["source", "stances", "support", "oppose", "documents"]
    assert sorted(per_source.rows) == [("(unknown)", 2, 2, 0, 1), ("Wire A", 3, 1, 2, 1), ("Wire B", 3, 2, 1, 1)]
    per_day = run_query(toy_store, "stances-per-day", {})
    assert per_day.rows == [(date(2025, 3, 1), 3, 1, 2, 1), (date(2025, 3, 5), 3, 2, 1, 1), (None, 2, 2, 0, 1)]


def test_search_evidence_is_case_insensitive(toy_store):
    rows = rows_as_dicts(run_query(toy_store, "search-evidence", {"text": "TRUCE"}))
    assert [(r["actor"], r["evidence"]) for r in rows] == [(ERDOGAN, "Erdogan backed a truce.")]
