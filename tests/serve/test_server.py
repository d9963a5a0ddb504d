"""``stancegraph serve`` with real clients (SPARQLWrapper, rdflib's SPARQLStore, plain HTTP)."""
from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from stancegraph.rdf.store import StanceStore

from .conftest import TOKEN

STANCES = """PREFIX sg: <https://w3id.org/stancegraph/ontology#>
SELECT ?stance ?holder ?confidence WHERE { ?stance a sg:Stance ; sg:holder ?holder ; sg:confidence ?confidence }
ORDER BY ?stance"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def http(url: str, data: dict | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body text) of one request; errors are answers too."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def client(server, fmt=JSON, method="GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(server.endpoint)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


def direct(server, query: str, fmt: ox.QueryResultsFormat) -> bytes:
    """The results the store itself writes, for comparison."""
    with StanceStore.read_only(server.store) as store:
        return store.backend.oxigraph.query(query, use_default_graph_as_union=True).serialize(format=fmt)


def rows_of(body: bytes | str, fmt: ox.QueryResultsFormat) -> list:
    return list(ox.parse_query_results(body.encode() if isinstance(body, str) else body, format=fmt))


def same_rows(a, b) -> bool:
    return [[str(s[i]) for i in range(len(s))] for s in a] == [[str(s[i]) for i in range(len(s))] for s in b]


# --- queries: formats by Accept, GET and POST ---------------------------------------------

@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json_with_sparqlwrapper(server, method):
    sw = client(server, JSON, method)
    sw.setQuery(STANCES)
    data = sw.queryAndConvert()
    assert data["head"]["vars"] == ["stance", "holder", "confidence"]
    assert len(data["results"]["bindings"]) == 8
    assert data["results"]["bindings"][0]["confidence"]["datatype"].endswith("#decimal")


@pytest.mark.parametrize(("fmt", "ox_fmt"), [(XML, ox.QueryResultsFormat.XML), (CSV, ox.QueryResultsFormat.CSV),
                                             (TSV, ox.QueryResultsFormat.TSV), (JSON, ox.QueryResultsFormat.JSON)])
def test_every_results_format_gives_the_rows_of_the_store(server, fmt, ox_fmt):
    sw = client(server, fmt, "POST")
    sw.setQuery(STANCES)
    response = sw.query()
    body = response.response.read()
    expected = direct(server, STANCES, ox_fmt)
    if ox_fmt == ox.QueryResultsFormat.CSV:  # lossy: pyoxigraph does not read it back
        assert body == expected and len(body.splitlines()) == 9
    else:
        assert len(rows_of(body, ox_fmt)) == 8 and same_rows(rows_of(body, ox_fmt), rows_of(expected, ox_fmt))


def test_construct_comes_as_turtle(server):
    sw = client(server, TURTLE)
    sw.setQuery("PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
                "CONSTRUCT { ?s sg:holder ?h } WHERE { ?s sg:holder ?h }")
    graph = sw.queryAndConvert()
    if isinstance(graph, bytes):
        graph = Graph().parse(data=graph, format="turtle")
    assert len(graph) == 8


def test_ask_and_rdflib_sparqlstore(server):
    store = SPARQLStore(server.endpoint, returnFormat="json")
    rows = list(store.query("SELECT ?doc WHERE { ?d <https://schema.org/identifier> ?doc } ORDER BY ?doc"))
    assert [str(r[0]) for r in rows] == ["toy-1", "toy-2", "toy-3"]
    assert bool(store.query("ASK { ?s a <https://w3id.org/stancegraph/ontology#Stance> }").askAnswer) is True


def test_unacceptable_format_is_406(server):
    status, _, body = http(server.endpoint + "?" + urllib.parse.urlencode({"query": STANCES}),
                           headers={"Accept": "image/png"})
    assert status == 406 and "JSON" in body


# --- safety --------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["SELEC * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p }"])
def test_bad_sparql_is_400_with_the_parser_message(server, query):
    status, _, body = http(server.endpoint, {"query": query})
    assert status == 400 and body.startswith("bad SPARQL: error at 1:") and "Traceback" not in body


def test_service_is_refused_and_nothing_is_requested(server):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"select * {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                  f"SELECT * {{ ?x ?y ?z . \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
        status, _, body = http(server.endpoint, {"query": query})
        assert status == 403 and "SERVICE" in body
    with pytest.raises(socket.timeout):
        listener.accept()
    listener.close()


def test_updates_are_refused_by_default(server):
    for url, data in ((server.url + "update", {"update": "DROP ALL"}), (server.endpoint, {"update": "CLEAR ALL"})):
        status, _, body = http(url, data, headers={"Authorization": "Bearer anything"})
        assert status == 403 and "read-only" in body
    status, _, _ = http(server.endpoint, {"query": "DROP ALL"})  # an update sent as a query does not parse
    assert status == 400
    assert len(client_rows(server, STANCES)) == 8


def client_rows(server, query: str) -> list:
    sw = client(server, JSON, "POST")
    sw.setQuery(query)
    return sw.queryAndConvert()["results"]["bindings"]


def test_a_query_past_the_time_limit_is_stopped_and_the_server_goes_on(server):
    started = time.monotonic()
    status, _, body = http(server.endpoint, {"query": SLOW})
    took = time.monotonic() - started
    assert status == 503 and "time limit of 5 s" in body
    assert took >= 4.5  # it ran until the limit (no upper bound: this machine is noisy)
    assert len(client_rows(server, STANCES)) == 8  # the killed worker was replaced


def test_results_are_cut_at_the_row_limit(server):
    status, headers, body = http(server.endpoint, {"query": "SELECT * WHERE { ?s ?p ?o }"},
                                 headers={"Accept": "text/csv"})
    assert status == 200 and headers["X-Stancegraph-Truncated"] == "50"
    assert len(body.strip().splitlines()) == 51  # the header line and 50 rows


def test_concurrent_clients_all_get_answers(server):
    answers = []

    def one():
        answers.append(len(client_rows(server, STANCES)))

    threads = [threading.Thread(target=one) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert answers == [8] * 16


def test_listens_on_loopback_by_default(server):
    assert server.url.startswith("http://127.0.0.1:")


# --- updates with a token ------------------------------------------------------------------

INSERT = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }"


def test_updates_need_the_bearer_token(writable_server):
    url = writable_server.url + "update"
    status, headers, _ = http(url, {"update": INSERT})
    assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
    assert http(url, {"update": INSERT}, headers={"Authorization": "Bearer wrong"})[0] == 401
    status, _, _ = http(url, {"update": INSERT}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 204
    status, _, body = http(writable_server.endpoint, {"query": "ASK { <urn:x:a> <urn:x:b> <urn:x:c> }"})
    assert status == 200 and '"boolean": true' in body


def test_allow_update_without_a_token_is_refused(cli, tmp_path):
    from .conftest import toy_store

    run = cli("serve", "--store", toy_store(tmp_path / "store"), "--allow-update")
    assert run.exit_code == 2 and "--token" in run.stderr


# --- the page ------------------------------------------------------------------------------

def test_page_named_queries_and_map(server):
    status, headers, page = http(server.url)
    assert status == 200 and "<textarea" in page and "/api/queries" in page and 'href="/map"' in page
    assert "<script src" not in page and "http://" not in page.replace("http://127", "")
    import json
    status, _, listing = http(server.url + "api/queries")
    names = [q["name"] for q in json.loads(listing)]
    from stancegraph.queries import list_queries
    assert names == [q.name for q in list_queries()]
    status, _, body = http(server.url + "api/named/stances-of-actor?actor=russia")
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert len(rows) == 2 and {r["doc"]["value"] for r in rows} == {"toy-1", "toy-2"}
    status, _, body = http(server.url + "api/named/stances-of-actor")
    assert status == 400 and "actor" in body
    assert http(server.url + "api/named/..%2F..%2Fetc%2Fpasswd.rq")[0] == 404
    status, headers, body = http(server.url + "map")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and "Russia" in body
