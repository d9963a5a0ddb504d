"""SHACL: converted graphs conform; each kind of broken stance or evidence is reported."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from stancegraph.rdf import convert, validate
from stancegraph.rdf.namespace import SG

pytest.importorskip("pyshacl")


@pytest.fixture
def graph(sample_doc, sample_stances, mini_codebook):
    return convert.document_graph(sample_doc, sample_stances, mini_codebook)


def test_converted_graph_conforms(graph, mini_codebook):
    conforms, report = validate.validate(graph, mini_codebook)
    assert conforms, report


def test_codebook_actors_need_the_codebook_graph(graph):
    conforms, report = validate.validate(graph)
    assert not conforms and "sg:Actor" in report


def first(graph, prop):
    return sorted(graph.subjects(prop, None))[0]


def test_end_beyond_document_length(graph, mini_codebook):
    graph.set((first(graph, SG.end), SG.end, Literal(10_000)))
    conforms, report = validate.validate(graph, mini_codebook)
    assert not conforms and "beyond its document's length" in report


def test_two_holders(graph, mini_codebook):
    graph.add((first(graph, SG.holder), SG.holder, URIRef(mini_codebook.actors["ukraine"].iri)))
    conforms, report = validate.validate(graph, mini_codebook)
    assert not conforms and "MaxCountConstraintComponent" in report and "sg:holder" in report


def test_missing_topic(graph, mini_codebook):
    graph.remove((first(graph, SG.topic), SG.topic, None))
    conforms, report = validate.validate(graph, mini_codebook)
    assert not conforms and "MinCountConstraintComponent" in report and "sg:topic" in report


@pytest.mark.parametrize("prop, value, expected", [
    (SG.confidence, Literal(1.5), "confidence"),
    (SG.start, Literal(-1), "sg:start"),
    (SG.polarity, SG.Actor, "polarity"),
])
def test_other_violations(graph, mini_codebook, prop, value, expected):
    graph.set((first(graph, prop), prop, value))
    conforms, report = validate.validate(graph, mini_codebook)
    assert not conforms and expected in report


def test_end_before_start(graph, mini_codebook):
    ev = first(graph, SG.start)
    graph.set((ev, SG.end, graph.value(ev, SG.start)))
    conforms, report = validate.validate(graph, mini_codebook)
    assert not conforms and "LessThanConstraintComponent" in report
