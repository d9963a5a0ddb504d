"""Stance -> RDF: golden graphs, field-by-field round trip, refused inputs."""
from __future__ import annotations

import json
import os
from dataclasses import fields, replace
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic
from stancegraph.rdf import convert, mint
from stancegraph.rdf.namespace import SG
from stancegraph.types import Document, Stance

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.jsonl"))


def load_case(case: str) -> tuple[Document, list[Stance]]:
    """``<case>.json`` (document metadata), ``<case>.txt`` (its text), ``<case>.jsonl`` (stances)."""
    meta = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    doc = Document(text=(GOLDEN / f"{case}.txt").read_text(encoding="utf-8"), **meta)
    lines = (GOLDEN / f"{case}.jsonl").read_text(encoding="utf-8").splitlines()
    return doc, [Stance.from_record(json.loads(line)) for line in lines if line.strip()]


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Equal up to blank node names; on failure, print the triples only in one of them."""
    iso_e, iso_a = to_isomorphic(expected), to_isomorphic(actual)
    if iso_e != iso_a:
        _, only_e, only_a = graph_diff(iso_e, iso_a)
        lines = lambda g: "\n".join(sorted(" ".join(t.n3() for t in triple) for triple in g))  # noqa: E731
        pytest.fail(f"graphs differ\nonly in expected:\n{lines(only_e)}\nonly in actual:\n{lines(only_a)}")


@pytest.mark.parametrize("case", CASES)
def test_golden(case, mini_codebook):
    """Set STANCEGRAPH_REGOLD=1 to rewrite the .ttl files (then review the diff)."""
    doc, stances = load_case(case)
    actual = convert.document_graph(doc, stances, mini_codebook)
    path = GOLDEN / f"{case}.ttl"
    if os.environ.get("STANCEGRAPH_REGOLD"):
        actual.serialize(path, format="turtle")
    assert_isomorphic(Graph().parse(path, format="turtle"), actual)


@pytest.mark.parametrize("case", CASES)
def test_golden_round_trip(case, mini_codebook):
    doc, stances = load_case(case)
    back = convert.stances_from_graph(convert.document_graph(doc, stances, mini_codebook), mini_codebook)
    assert_same_stances(back, stances)


def assert_same_stances(actual: list[Stance], expected: list[Stance]) -> None:
    by_key = {s.key: s for s in actual}
    assert sorted(by_key) == sorted(s.key for s in expected)
    for want in expected:
        got = by_key[want.key]
        for f in fields(Stance):
            assert getattr(got, f.name) == getattr(want, f.name), f"{want.key}.{f.name}"


def test_round_trip_sample(sample_doc, sample_stances, mini_codebook):
    g = convert.document_graph(sample_doc, sample_stances, mini_codebook)
    assert_same_stances(convert.stances_from_graph(g, mini_codebook), sample_stances)


def test_round_trip_without_codebook_record(sample_doc, sample_stances, mini_codebook):
    """Kinds and topic ids read from the codebook graph alone, as the store does."""
    g = convert.document_graph(sample_doc, sample_stances, mini_codebook)
    g += convert.codebook_graph(mini_codebook)
    assert_same_stances(convert.stances_from_graph(g), sample_stances)


@pytest.mark.parametrize("confidence", [0.0, 1e-7, 0.1 + 0.2, 1 / 3, 1.0])
def test_confidence_reads_back_exactly(confidence, sample_doc, sample_stances, mini_codebook):
    st = replace(sample_stances[0], confidence=confidence)
    (back,) = convert.stances_from_graph(convert.document_graph(sample_doc, [st], mini_codebook))
    assert back.confidence == confidence


def test_duplicate_keys_keep_the_most_confident(sample_doc, sample_stances, mini_codebook):
    st = sample_stances[0]
    dupes = [replace(st, confidence=0.5, cue="a"), replace(st, confidence=0.9, cue="b"), replace(st, cue="c")]
    (back,) = convert.stances_from_graph(convert.document_graph(sample_doc, dupes, mini_codebook))
    assert (back.confidence, back.cue) == (0.9, "b")


def test_codebook_actor_linked_by_iri_only(sample_doc, sample_stances, mini_codebook):
    g = convert.document_graph(sample_doc, sample_stances, mini_codebook)
    zel = mini_codebook.actors["zelenskyy"].iri
    assert not list(g.predicate_objects(subject=convert.URIRef(zel)))
    unknown = mint.actor_iri("recep_tayyip_erdogan")
    assert (unknown, convert.RDF.type, SG.Person) in g
    assert (mint.candidate_iri("the new 20-point plan"), convert.RDF.type, SG.CandidateTopic) in g


@pytest.mark.parametrize("change, problem", [
    (dict(doc_id="other"), "belongs to document"),
    (dict(end=10_000), "outside text"),
    (dict(start=5, end=5), "outside text"),
    (dict(confidence=1.5), "confidence"),
    (dict(topic="no_such_topic"), "not in codebook"),
])
def test_refuses_bad_stances(change, problem, sample_doc, sample_stances, mini_codebook):
    with pytest.raises(ValueError, match=problem):
        convert.document_graph(sample_doc, [replace(sample_stances[0], **change)], mini_codebook)


def test_bad_date_is_left_out(sample_doc, mini_codebook, caplog):
    g = convert.document_graph(replace(sample_doc, date="March 2025"), [], mini_codebook)
    assert not list(g.objects(None, convert.SDO.datePublished))
    assert "not YYYY-MM-DD" in caplog.text


def test_codebook_graph_from_record_matches_file(mini_codebook):
    """A codebook made in code (no source file) gives the same triples, less language tags."""
    def strip(g):
        return {(s, p, str(o)) for s, p, o in g}

    from_record = convert.codebook_graph(replace(mini_codebook, source=""))
    assert strip(from_record) == strip(convert.codebook_graph(mini_codebook))
