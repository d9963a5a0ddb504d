"""Review round trip: export a sheet, mark it, import it; decisions are traced, win on rebuild,
and a malformed sheet changes nothing."""
from __future__ import annotations

import csv
import shutil
from datetime import datetime, timezone

import pytest
from rdflib import RDF, XSD, Graph
from rdflib.namespace import PROV
from stancegraph.codebook import load_codebook
from stancegraph.rdf import mint
from stancegraph.rdf.namespace import SG
from stancegraph.rdf.store import StanceStore
from stancegraph.review import COLUMNS, ReviewError, apply_review, rejected

from conftest import make_toy_items

NOW = datetime(2025, 4, 1, 9, 30, tzinfo=timezone.utc)


def export_rows(cli, store) -> list[dict]:
    run = cli("review", "export", "--store", store)
    assert run.exit_code == 0, run.stderr
    return list(csv.DictReader(run.stdout.splitlines()))


def write_sheet(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in rows)
    return path


def union(store) -> Graph:
    """Every triple of every named graph of ``store``, in memory."""
    g = Graph()
    for s, p, o, _ in store.dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def by_evidence(rows, text):
    [row] = [r for r in rows if r["evidence"] == text]
    return row


def test_export_has_one_row_per_stance_least_confident_first(cli, toy_store_dir):
    rows = export_rows(cli, toy_store_dir)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 7  # the classified stances of the toy store
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences) and confidences[0] == 0.5
    assert all(r["verdict"] == r["new_actor"] == r["note"] == "" for r in rows)
    assert by_evidence(rows, "Russia rejected the ceasefire.")["topic"] == "ceasefire"


@pytest.fixture
def reviewed(cli, toy_store_dir, tmp_path):
    """The toy store after one review: a wrong, a changed, a correct and an added stance."""
    rows = export_rows(cli, toy_store_dir)
    wrong = by_evidence(rows, "Russia now accepts a ceasefire.")
    changed = by_evidence(rows, "Trump urged territorial concessions.")
    correct = by_evidence(rows, "Russia rejected the ceasefire.")
    wrong.update(verdict="wrong", note="'now accepts' is reported speech of a rumour")
    changed.update(verdict="changed", new_polarity="oppose")
    correct.update(verdict="correct")
    added = {"doc": "toy-1", "actor": "Volodymyr Zelenskyy", "polarity": "support", "topic": "Ceasefire",
             "evidence": "ukraine backed", "verdict": "added"}  # a quote, no offsets
    sheet = write_sheet(tmp_path / "review.csv", [wrong, changed, correct, added])
    run = cli("review", "import", sheet, "--reviewer", "Ana Silva", "--store", toy_store_dir)
    assert run.exit_code == 0, run.stderr
    assert "1 added, 1 changed, 1 correct, 1 wrong" in run.stdout
    return toy_store_dir, wrong, changed, correct


def test_import_applies_verdicts(reviewed):
    store_dir, wrong, changed, _ = reviewed
    with StanceStore.open(store_dir) as st:
        stances = st.stances()
        machine = st.stances(reviewed=False)
    keys = {s.key for s in stances}
    assert wrong["stance"] not in keys and changed["stance"] not in keys
    assert {wrong["stance"], changed["stance"]} <= {s.key for s in machine}  # kept in the store
    [trump] = [s for s in stances if s.actor_id == "trump"]
    assert (trump.polarity.value, trump.topic, trump.extractor, trump.confidence) == \
        ("oppose", "territorial_concessions", "human:Ana Silva", 1.0)
    [zel] = [s for s in stances if s.actor_id == "zelenskyy" and s.topic == "ceasefire"]
    assert (zel.doc_id, zel.start, zel.polarity.value) == ("toy-1", 31, "support")
    assert zel.evidence == "Ukraine backed the ceasefire."  # the quote's sentence


def test_decisions_are_recorded_with_prov(reviewed):
    store_dir, wrong, changed, correct = reviewed
    with StanceStore.open(store_dir) as st:
        g = union(st)
        gone = rejected(st)
    wrong_iri = mint.stance_iri_of(wrong["doc"], wrong["stance"])
    changed_iri = mint.stance_iri_of(changed["doc"], changed["stance"])
    assert gone == {wrong_iri, changed_iri}
    [decision] = g.subjects(SG.decisionOn, wrong_iri)
    assert g.value(decision, SG.verdict) == SG.Wrong
    assert "rumour" in str(g.value(decision, SG.note))
    agent = g.value(decision, PROV.wasAttributedTo)
    assert (agent, RDF.type, PROV.Agent) in g and str(g.value(agent, RDFS_LABEL)) == "Ana Silva"
    time = g.value(decision, PROV.generatedAtTime)
    assert time.datatype == XSD.dateTime
    review = g.value(decision, PROV.wasGeneratedBy)
    assert (review, RDF.type, SG.Review) in g and g.value(review, PROV.wasAssociatedWith) == agent
    [revision] = g.subjects(PROV.wasRevisionOf, changed_iri)
    assert g.value(revision, PROV.wasAttributedTo) == agent
    correct_iri = mint.stance_iri_of(correct["doc"], correct["stance"])
    assert (correct_iri, SG.reviewStatus, SG.Accepted) in g


RDFS_LABEL = __import__("rdflib").RDFS.label


def test_reads_apply_reviews(reviewed, cli):
    store_dir, wrong, *_ = reviewed
    with StanceStore.open(store_dir) as st:
        from stancegraph.analysis import statements
        from stancegraph.queries import run_query
        stmts = statements(st)
        evidence = run_query(st, "evidence", {"actor": "russia", "topic": "ceasefire"})
    assert "Russia now accepts a ceasefire." not in {s.evidence for s in stmts}
    assert {("trump", "oppose"), ("zelenskyy", "support")} <= {(s.actor, s.polarity.value) for s in stmts}
    assert [r[evidence.columns.index("polarity")] for r in evidence.rows] == ["oppose"]
    rows = export_rows(cli, store_dir)
    assert wrong["stance"] not in {r["stance"] for r in rows}


def test_human_decisions_win_over_rebuilds(reviewed):
    store_dir, wrong, changed, _ = reviewed
    codebook = load_codebook()
    with StanceStore.open(store_dir) as st:
        st.replace_documents(make_toy_items(codebook), codebook, force=True)  # re-extract every document
        stances = st.stances()
    keys = {s.key for s in stances}
    assert wrong["stance"] not in keys and changed["stance"] not in keys
    assert any(s.extractor == "human:Ana Silva" and s.actor_id == "trump" for s in stances)


def test_later_review_wins(reviewed, tmp_path):
    store_dir, wrong, *_ = reviewed
    wrong = dict(wrong, verdict="correct", note="")
    sheet = write_sheet(tmp_path / "second.csv", [wrong])
    with StanceStore.open(store_dir) as st:
        apply_review(st, sheet, "Ben", now=datetime(2030, 1, 1, tzinfo=timezone.utc))
        assert wrong["stance"] in {s.key for s in st.stances()}


def test_review_graph_conforms_to_shapes(reviewed):
    pytest.importorskip("pyshacl")
    from stancegraph.rdf import validate

    store_dir, *_ = reviewed
    with StanceStore.open(store_dir) as st:
        g = union(st)
    conforms, report = validate.validate(g, load_codebook())
    assert conforms, report


@pytest.mark.parametrize("edit, line, message", [
    (lambda rows: rows[1].update(verdict="maybe"), 3, "unknown verdict 'maybe'"),
    (lambda rows: rows[0].update(stance="ffffffffffffffff", verdict="wrong"), 2, "unknown stance id"),
    (lambda rows: rows[2].update(verdict="changed", new_topic="world peace"), 4, "unknown topic 'world peace'"),
    (lambda rows: rows[1].update(verdict="changed"), 3, "needs new_actor, new_polarity or new_topic"),
    (lambda rows: rows.append({"doc": "toy-1", "actor": "eu", "polarity": "support", "topic": "ceasefire",
                               "evidence": "x", "start": "0", "end": "9999"}), 9, "outside document"),
    (lambda rows: rows.append({"doc": "nope", "actor": "eu", "polarity": "support", "topic": "ceasefire",
                               "evidence": "x", "start": "0", "end": "1"}), 9, "unknown document 'nope'"),
    (lambda rows: rows[3].update(verdict="changed", new_polarity="sideways"), 5, "unknown polarity"),
])
def test_malformed_file_is_refused_whole(cli, toy_store_dir, tmp_path, edit, line, message):
    rows = export_rows(cli, toy_store_dir)
    rows[0]["verdict"] = "wrong"  # a good row that must not be applied either
    edit(rows)
    sheet = write_sheet(tmp_path / "bad.csv", rows)
    with StanceStore.open(toy_store_dir) as st:
        before = len(st)
        with pytest.raises(ReviewError) as info:
            apply_review(st, sheet, "Ana")
        assert len(st) == before and not rejected(st)
    assert info.value.line == line and message in str(info.value), str(info.value)


def test_wrong_columns_refused_by_the_command(cli, toy_store_dir, tmp_path):
    sheet = tmp_path / "cols.csv"
    sheet.write_text("stance,doc,verdict\nabc,toy-1,wrong\n", encoding="utf-8")
    run = cli("review", "import", sheet, "--reviewer", "Ana", "--store", toy_store_dir)
    assert run.exit_code == 1
    assert "line 1: wrong columns (missing actor" in run.stderr


def test_all_problems_are_listed(cli, toy_store_dir, tmp_path):
    rows = export_rows(cli, toy_store_dir)
    rows[0]["verdict"] = "nope"
    rows[1]["stance"] = "0000"
    sheet = write_sheet(tmp_path / "two.csv", rows)
    run = cli("review", "import", sheet, "--reviewer", "Ana", "--store", toy_store_dir)
    assert run.exit_code == 1
    assert "line 2: unknown verdict" in run.stderr and "line 3: unknown stance id" in run.stderr
    assert "nothing applied" in run.stderr


def test_store_copy_is_untouched_by_export(cli, toy_store_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(toy_store_dir, copy)
    export_rows(cli, copy)
    with StanceStore.open(copy) as st:
        assert not rejected(st)
