"""The graph ``build`` stores conforms to ontology/shapes.ttl, checked with pyshacl."""
from __future__ import annotations

import pytest
from rdflib import RDF, Dataset, Graph, Literal
from stancegraph.codebook import load_codebook
from stancegraph.rdf import validate
from stancegraph.rdf.namespace import SG

pytest.importorskip("pyshacl")
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def stored(seeds_build) -> Graph:
    """Every named graph of the store (documents, codebook, ontology), as one graph."""
    from typer.testing import CliRunner
    from stancegraph.cli import app

    result = CliRunner().invoke(app, ["export", "--format", "trig", "--store", str(seeds_build.store)])
    assert result.exit_code == 0, result.stderr
    ds = Dataset().parse(data=result.stdout, format="trig")
    graph = Graph()
    for g in ds.graphs():
        graph += g
    return graph


def test_store_export_conforms_to_the_shapes(stored):
    assert len(set(stored.subjects(RDF.type, SG.Stance))) >= 30
    conforms, report = validate.validate(stored)
    assert conforms, report


def test_stances_ttl_with_the_codebook_conforms(seeds_build):
    graph = Graph().parse(seeds_build.out / "stances.ttl", format="turtle")
    conforms, report = validate.validate(graph, load_codebook())
    assert conforms, report


def test_the_check_is_not_vacuous(stored):
    broken = Graph()
    broken += stored
    evidence = sorted(broken.subjects(RDF.type, SG.Evidence))[0]
    broken.set((evidence, SG.end, Literal(10**9)))
    conforms, report = validate.validate(broken)
    assert not conforms and "beyond its document's length" in report
