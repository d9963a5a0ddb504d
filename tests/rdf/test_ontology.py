"""The ontology file is clean OWL, and namespace.py is what the generator makes of it."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from stancegraph.rdf import namespace_gen
from stancegraph.rdf.namespace import SG


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=namespace_gen.ontology_bytes(), format="turtle")


def sg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(namespace_gen.SG_IRI)}


def test_namespace_module_is_generated_from_ontology():
    expected = namespace_gen.render(namespace_gen.ontology_bytes())
    actual = namespace_gen.target().read_text(encoding="utf-8")
    assert actual == expected, "run: python -m stancegraph.rdf.namespace_gen"


def test_misspelt_term_raises():
    assert SG.Stance == URIRef(namespace_gen.SG_IRI + "Stance")
    with pytest.raises(AttributeError):
        SG.Stanse  # noqa: B018


def test_header_has_version(onto):
    header = next(onto.subjects(RDF.type, OWL.Ontology))
    assert onto.value(header, OWL.versionInfo) is not None
    assert onto.value(header, OWL.versionIRI) is not None


def test_every_term_is_typed_labelled_and_commented(onto):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    for term in sg_terms(onto):
        assert set(onto.objects(term, RDF.type)) & kinds, term
        assert onto.value(term, RDFS.label) is not None, term
        assert onto.value(term, RDFS.comment) is not None, term


def test_actor_kinds_and_polarities(onto):
    for kind in (SG.Person, SG.State, SG.Organization, SG.Group):
        assert (kind, RDFS.subClassOf, SG.Actor) in onto
    assert set(onto.subjects(RDF.type, SG.Polarity)) == {SG.Support, SG.Oppose}


def test_codebook_terms_are_declared(onto):
    for term in ("memberOf", "demonym", "gender", "contraLabel", "ownedLabel", "proposedBy"):
        assert SG[term] in sg_terms(onto)


def test_no_term_is_both_object_and_datatype_property(onto):
    obj = set(onto.subjects(RDF.type, OWL.ObjectProperty))
    assert not obj & set(onto.subjects(RDF.type, OWL.DatatypeProperty))
