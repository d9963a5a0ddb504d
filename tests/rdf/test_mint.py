"""IRI minting: any id gives a valid absolute IRI, and ids read back unchanged."""
from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from stancegraph.rdf import mint
from stancegraph.types import Polarity, Stance

ids = st.text(min_size=1)


def valid_iri(iri: str) -> bool:
    """Oxigraph parses IRIs strictly (RFC 3987) and refuses relative ones."""
    ox.NamedNode(iri)
    return iri.startswith(mint.BASE) and all(c.isascii() and c.isprintable() and c != " " for c in iri)


@given(ids)
def test_doc_iri_round_trips(doc_id):
    iri = mint.doc_iri(doc_id)
    assert valid_iri(iri)
    assert mint.doc_id_of(iri) == doc_id


@given(ids.filter(lambda s: s not in ("codebook", "ontology")))
def test_graph_iri_round_trips(doc_id):
    iri = mint.graph_iri(doc_id)
    assert valid_iri(iri)
    assert mint.graph_doc_id(iri) == doc_id


@given(ids)
def test_actor_iri_round_trips(actor_id):
    iri = mint.actor_iri(actor_id)
    assert valid_iri(iri)
    assert mint.local_id(iri) == actor_id


@given(st.text())
def test_candidate_iri_is_valid(phrase):
    assert valid_iri(mint.candidate_iri(phrase))
    assert mint.is_candidate(mint.candidate_iri(phrase))


@given(ids, ids)
def test_stance_evidence_and_run_iris_are_valid(doc_id, extractor):
    s = Stance(doc_id=doc_id, actor="A", actor_id="a", actor_kind="person", polarity=Polarity.SUPPORT,
               topic=None, topic_label="t", evidence="e", start=0, end=1, confidence=0.5,
               extractor=extractor)
    for iri in (mint.stance_iri(s), mint.evidence_iri(s), mint.run_iri(extractor)):
        assert valid_iri(iri)
    assert mint.stance_iri(s).endswith("/" + s.key)
    name, version = mint.split_extractor(extractor)
    assert str(mint.run_iri(extractor)) == mint.BASE + "run/" + mint.segment(name) + "/" + mint.segment(version)


@pytest.mark.parametrize("doc_id", [".", ".."])
def test_dot_segments_are_encoded(doc_id):
    assert mint.doc_iri(doc_id).endswith("/" + doc_id.replace(".", "%2E"))
    assert mint.doc_id_of(mint.doc_iri(doc_id)) == doc_id


def test_refuses_empty_and_reserved_ids():
    with pytest.raises(ValueError):
        mint.doc_iri("")
    with pytest.raises(ValueError, match="reserved"):
        mint.graph_iri("codebook")
    assert mint.graph_doc_id(mint.CODEBOOK_GRAPH) is None


def test_doctests():
    assert doctest.testmod(mint).failed == 0
