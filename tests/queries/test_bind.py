"""Finding where a VALUES block goes, on the query as SPARQL's lexer sees it."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from stancegraph.errors import QueryError
from stancegraph.queries.bind import projected, substitutable, tokens, variables, with_values
from rdflib.plugins.sparql import prepareQuery

X = {"x": Literal("v")}


def parses(query: str) -> None:
    prepareQuery(query)  # rdflib's own SPARQL parser accepts the result


def test_braces_in_strings_iris_comments_and_escaped_names_are_not_groups():
    q = ('PREFIX ex: <http://e/x> # a { comment\n'
         'SELECT ?a WHERE { ?a ex:p\\#q "}{" ; ex:r ?x }')
    out = with_values(q, X)
    assert out.index('VALUES (?x) { ("v") }') > out.index("WHERE {")
    parses(out)
    assert [t for k, t, _ in tokens(q) if k == "pname"] == ["ex:", "ex:p\\#q", "ex:r"]


def test_construct_binds_in_its_where_group_not_its_template():
    q = "CONSTRUCT { ?a <urn:p> ?x } WHERE { ?a <urn:q> ?x }"
    out = with_values(q, X)
    assert out.startswith("CONSTRUCT { ?a <urn:p> ?x } WHERE { VALUES (?x)")
    parses(out)
    with pytest.raises(QueryError, match="short form"):
        with_values("CONSTRUCT WHERE { ?a <urn:q> ?x }", X)


def test_a_group_that_is_a_subquery_is_wrapped():
    q = "SELECT ?n WHERE { SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:q> ?x } }"
    out = with_values(q, X)
    parses(out)
    assert "{ VALUES (?x) { (\"v\") } { SELECT" in out


def test_values_are_terms_written_by_rdflib():
    out = with_values("ASK { ?s ?p ?x }", {"x": Literal('a" } ; DROP ALL ; { "'), "s": URIRef("urn:s")})
    parses(out)
    assert '(?x ?s) { ("a\\" } ; DROP ALL ; { \\"" <urn:s>) }' in out


def test_projection_and_variables():
    assert projected("SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b }") == {"a", "n"}
    assert projected("SELECT * WHERE { ?a ?p ?b }") is None
    assert projected("ASK { ?a ?p ?b }") is None
    assert substitutable("SELECT ?a ?b WHERE { ?a ?p ?b }", ["a"])
    assert not substitutable("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b }", ["a"])
    assert variables('SELECT ?a WHERE { ?a <urn:p> "?b" . $c ?p "x" }') == {"a", "c", "p"}
