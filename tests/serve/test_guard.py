"""The query checks (on rdflib's parse of the query), cross-site detection and content
negotiation, without a server."""
from __future__ import annotations

import doctest

import pytest
from stancegraph.serve import guard, http, results, workers
from stancegraph.serve.guard import Refused, check_query, check_update

# The red-team bypasses of the old lexical scan: a valid prefixed name with a \-escape before
# SERVICE made the scan read the rest as a comment or a string.
ESCAPED_NAME_BYPASSES = [
    "PREFIX ex: <http://e/> SELECT * { OPTIONAL { ?s ex:a\\# ?o } SERVICE <http://127.0.0.1:9911/x> { ?a ?b ?c } }",
    "PREFIX ex: <http://e/> SELECT * { OPTIONAL { ?s ex:a\\' ?o } SERVICE <http://127.0.0.1:9911/x> { ?a ?b ?c } }",
    "PREFIX ex: <http://e/> SELECT * { OPTIONAL { ?s ex:a\\' ?o } SERVICE <http://127.0.0.1:9911/x> { ?a ?b ?c } "
    "FILTER(?c != 'x') }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\' ?o . SERVICE <http://127.0.0.1:9911/x> { ?a ?b ?c } }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\# ?o .\nSERVICE <http://127.0.0.1:9911/x> { ?a ?b ?c } }",
]


def test_doctests():
    for module in (guard, results, http):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * {\nService\t<http://x/> {} }",
    "select * { service silent <http://x> {} }",
    "SELECT * { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://x/> {} }",
    "# comment\nSELECT * { ?s ?p ?o FILTER(?s < ?p) SERVICE <http://x/> {} }",
    "SELECT * { { SELECT ?s { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "ASK { OPTIONAL { GRAPH ?g { SERVICE <http://x/> { ?s ?p ?o } } } }",
    *ESCAPED_NAME_BYPASSES,
])
def test_service_is_refused_or_unreadable(query):
    with pytest.raises(Refused) as refused:
        check_query(query)
    assert refused.value.status in (400, 403)
    if "\\" not in query.replace("\\u0053", ""):
        assert refused.value.status == 403 and "SERVICE" in refused.value.message


@pytest.mark.parametrize("query", ESCAPED_NAME_BYPASSES)
def test_escaped_names_never_pass(query):
    """Refused whichever way: SERVICE seen (403), or a text the checking parser does not read (400)."""
    with pytest.raises(Refused):
        check_query(query)


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE" }',
    "SELECT * { ?s ?p '''a SERVICE\nb''' }",
    "SELECT ?service { ?service <http://x/SERVICE> ?o }",
    "PREFIX service: <http://x/> SELECT * { ?s service:p ?o }  # SERVICE",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\#b ?o }",
])
def test_service_as_data_is_no_service(query):
    assert check_query(query) == guard.Dataset()


@pytest.mark.parametrize("text", [
    "SeRvIcE", "\\u0053ERVICE", "\\U00000073ervice", "servic\\u0065", "\\u005Cu0053ERVICE", "ſervice", "servıce",
])
def test_the_parse_is_skipped_only_where_no_keyword_can_be(text):
    assert guard._may_hold(f"SELECT * {{ {text} <http://x/> {{}} }}", ("service",))
    assert not guard._may_hold("SELECT * { ?s ?p ?o } # serv ice", ("service",))


def test_from_and_from_named_are_returned_resolved():
    dataset = check_query("PREFIX g: <urn:g:> SELECT * FROM g:a FROM <file:///etc/passwd> FROM NAMED g:b { ?s ?p ?o }")
    assert dataset.default == ("urn:g:a", "file:///etc/passwd") and dataset.named == ("urn:g:b",)


def test_bad_sparql_is_400_with_line_and_column():
    with pytest.raises(Refused) as refused:
        check_query("SELECT * FROM <urn:g> WHERE {\n ?s ?p }")
    assert refused.value.status == 400 and refused.value.message.startswith("bad SPARQL: error at 2:")


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:9911/data.ttl>",
    "LOAD SILENT <http://x/> INTO GRAPH <urn:g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> } ; DELETE { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
])
def test_updates_that_would_fetch_are_refused(update):
    with pytest.raises(Refused) as refused:
        check_update(update)
    assert refused.value.status == 403


def test_plain_updates_pass():
    check_update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> \"SERVICE\" } }")


@pytest.mark.parametrize("headers, why", [
    ({"Sec-Fetch-Site": "cross-site"}, "Sec-Fetch-Site: cross-site"),
    ({"Sec-Fetch-Site": "same-site"}, "Sec-Fetch-Site: same-site"),  # another port of the same host
    ({"Origin": "null", "Host": "127.0.0.1:8000"}, "Origin: null"),  # a file:// page or sandboxed frame
    ({"Origin": "http://127.0.0.1:9000", "Host": "127.0.0.1:8000"}, "Origin: http://127.0.0.1:9000"),
    ({"Host": "127.0.0.1:8000"}, None),  # curl, SPARQLWrapper, rdflib
    ({"Sec-Fetch-Site": "none", "Host": "127.0.0.1:8000"}, None),  # a URL typed in the address bar
    ({"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:8000", "Host": "127.0.0.1:8000"}, None),
])
def test_cross_site(headers, why):
    assert http.cross_site(headers) == why


def _connect_after_isolation(port, answer):
    why_not = workers.isolate_network()
    import socket
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        answer.put((why_not, "connected"))
    except OSError as exc:
        answer.put((why_not, str(exc)))


def test_an_isolated_worker_cannot_connect():
    import multiprocessing as mp
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    ctx = mp.get_context("spawn")
    answer = ctx.Queue()
    process = ctx.Process(target=_connect_after_isolation, args=(listener.getsockname()[1], answer))
    process.start()
    why_not, outcome = answer.get(timeout=60)
    process.join(10)
    listener.close()
    if why_not:
        pytest.skip(f"this system forbids network namespaces: {why_not}")
    assert outcome != "connected"
