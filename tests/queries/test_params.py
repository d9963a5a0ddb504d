"""Parameters are converted to terms and bound, never pasted into the query text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, Literal, URIRef
from stancegraph.codebook import load_codebook
from stancegraph.errors import QueryError
from stancegraph.queries import run_query
from stancegraph.queries.params import is_iri, to_term

INJECTIONS = ['"} ; DROP ALL ; {"', "> } UNION {", "x\" } ; CLEAR ALL ; #", "?s ?p ?o", "<urn:x>", ""]


def test_actor_by_id_label_alias_or_iri(toy_store):
    putin = URIRef(load_codebook().actors["putin"].iri)
    assert to_term(toy_store, "actor", "putin") == putin
    assert to_term(toy_store, "actor", "vladimir putin") == putin  # labels case-insensitively
    assert to_term(toy_store, "actor", str(putin)) == putin
    assert to_term(None, "actor", "putin", codebook=load_codebook()) == putin


def test_values_of_other_types():
    assert to_term(None, "date", "2025-03-01") == Literal("2025-03-01", datatype=XSD.date)
    assert to_term(None, "integer", "42") == Literal(42)
    assert to_term(None, "text", "> } UNION {") == Literal("> } UNION {")
    assert to_term(None, "document", "toy-1") == URIRef("https://w3id.org/stancegraph/id/doc/toy-1")
    for kind, bad in [("date", "2025-13-01"), ("date", "1 March"), ("integer", "4.2"), ("iri", "not an iri")]:
        with pytest.raises(QueryError):
            to_term(None, kind, bad)


@pytest.mark.parametrize("value", INJECTIONS[:-1])
def test_injection_text_is_a_plain_value(toy_store, value):
    before = len(toy_store)
    for name, param in [("stances-of-actor", "actor"), ("topic-positions", "topic"), ("search-evidence", "text")]:
        result = run_query(toy_store, name, {param: value})
        assert result.rows == [], (name, value)
    assert len(toy_store) == before
    assert toy_store.documents() == ["toy-1", "toy-2", "toy-3"]


def test_injection_in_a_date_is_refused_not_run(toy_store):
    before = len(toy_store)
    with pytest.raises(QueryError, match="not a date"):
        run_query(toy_store, "position-changes", {"from": '"} ; DROP ALL ; {"', "to": "2025-03-31"})
    assert len(toy_store) == before


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_actor_text_becomes_one_valid_iri(text):
    term = to_term(None, "actor", text) if text.strip() else None
    if term is not None:
        assert isinstance(term, URIRef)
        assert is_iri(str(term))
