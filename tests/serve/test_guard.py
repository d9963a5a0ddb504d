"""The SERVICE guard and content negotiation, without a server."""
from __future__ import annotations

import doctest

import pytest
from stancegraph.serve import guard, results


def test_doctests():
    for module in (guard, results):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * {\nService\t<http://x/> {} }",
    "SELECT * { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://x/> {} }",
    "# comment\nSELECT * { ?s ?p ?o FILTER(?s < ?p) SERVICE <http://x/> {} }",
])
def test_service_is_seen(query):
    assert guard.uses_service(query)


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE" }',
    "SELECT * { ?s ?p '''a SERVICE\nb''' }",
    "SELECT ?service { ?service <http://x/SERVICE> ?o }",
    "PREFIX service: <http://x/> SELECT * { ?s service:p ?o }  # SERVICE",
])
def test_service_as_data_is_no_service(query):
    assert not guard.uses_service(query)
