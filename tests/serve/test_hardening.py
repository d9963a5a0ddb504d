"""The red-team findings of issue 14, each against a running server: SERVICE behind escaped
prefixed names, FROM with IRIs outside the store, cross-site requests, unbounded bodies."""
from __future__ import annotations

import socket
import urllib.parse

import pytest

from .test_guard import ESCAPED_NAME_BYPASSES
from .test_server import STANCES, client_rows, http


@pytest.fixture
def listener():
    """A loopback socket that records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(1.0)
    yield sock
    sock.close()


def assert_nothing_connected(sock):
    with pytest.raises(socket.timeout):
        sock.accept()


# --- 1. SERVICE on the parsed query -----------------------------------------------------------

@pytest.mark.parametrize("query", ESCAPED_NAME_BYPASSES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_service_behind_an_escaped_name_is_refused_and_sends_nothing(server, listener, query, method):
    query = query.replace("9911", str(listener.getsockname()[1]))
    if method == "GET":
        status, _, body = http(server.endpoint + "?" + urllib.parse.urlencode({"query": query}))
    else:
        status, _, body = http(server.endpoint, {"query": query})
    assert status in (400, 403), body
    assert "Traceback" not in body and "Oxigraph" not in body
    assert_nothing_connected(listener)


def test_load_is_refused_even_with_the_token(writable_server, listener):
    from .conftest import TOKEN

    port = listener.getsockname()[1]
    status, _, body = http(writable_server.url + "update", {"update": f"LOAD <http://127.0.0.1:{port}/x.ttl>"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 403 and "LOAD" in body
    assert_nothing_connected(listener)


# --- 5. FROM / FROM NAMED name graphs of the store ---------------------------------------------

@pytest.mark.parametrize("clause", ["FROM <file:///etc/passwd>", "FROM NAMED <http://127.0.0.1:9/x>",
                                    "FROM <urn:no:such:graph>"])
def test_from_outside_the_store_is_400_with_the_reason(server, clause):
    status, _, body = http(server.endpoint, {"query": f"SELECT * {clause} WHERE {{ ?s ?p ?o }}"})
    assert status == 400 and "not a graph of this store" in body and clause.split()[-1] in body


def test_from_a_store_graph_reads_only_that_graph(server):
    rows = client_rows(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/stancegraph/ontology#Stance> } }")
    graphs = sorted(r["g"]["value"] for r in rows)
    assert len(graphs) >= 2
    everything = client_rows(server, STANCES)
    only_first = client_rows(server, STANCES.replace("WHERE", f"FROM <{graphs[0]}> WHERE"))
    assert 0 < len(only_first) < len(everything)
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    named = int(client_rows(server, count.format(f"FROM NAMED <{graphs[0]}>"))[0]["n"]["value"])
    assert 0 < named < int(client_rows(server, count.format(""))[0]["n"]["value"])


# --- 2. cross-site requests ---------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
    {"Sec-Fetch-Site": "same-site"},
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_requests_from_pages_of_other_sites_are_refused(server, headers, method):
    query = {"query": "ASK { ?s ?p ?o }"}
    if method == "GET":
        status, _, body = http(server.endpoint + "?" + urllib.parse.urlencode(query), headers=headers)
    else:
        status, _, body = http(server.endpoint, query, headers=headers)
    assert status == 403 and "cross-site request refused" in body
    assert http(server.url + "api/named/stances-of-actor?actor=russia", headers=headers)[0] == 403


def test_the_own_page_and_plain_clients_are_served(server):
    origin = server.url.rstrip("/")
    same = {"Origin": origin, "Sec-Fetch-Site": "same-origin"}
    status, _, body = http(server.endpoint, {"query": "ASK { ?s ?p ?o }"}, headers=same)
    assert status == 200 and "true" in body
    assert http(server.url, headers={"Sec-Fetch-Site": "cross-site"})[0] == 200  # a link to the page
    assert http(server.endpoint + "?query=ASK%7B%7D", headers={"Sec-Fetch-Site": "none"})[0] == 200  # typed


def test_dns_rebinding_host_is_refused(server):
    status, _, body = http(server.endpoint + "?query=ASK%7B%7D", headers={"Host": "evil.example:8000"})
    assert status == 403 and "Host" in body
    assert http(server.endpoint + "?query=ASK%7B%7D", headers={"Host": "localhost"})[0] == 200


# --- 3. request bodies are bounded ----------------------------------------------------------------

def raw(server, request: bytes, then: bytes = b"", wait: float = 10.0) -> bytes:
    """Send ``request`` on a raw socket and return everything until the server closes or ``wait``."""
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(request)
        if then:
            sock.sendall(then)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except socket.timeout:
            chunks.append(b"<client timeout>")
        return b"".join(chunks)


def post(length_header: str, body: bytes = b"", extra: str = "") -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            f"{length_header}{extra}\r\n").encode() + body


@pytest.mark.parametrize("header, status", [
    ("Content-Length: -1\r\n", b"400"),
    ("Content-Length: abc\r\n", b"400"),
    ("Content-Length: 1e3\r\n", b"400"),
    ("", b"411"),
    ("Transfer-Encoding: chunked\r\n", b"411"),
    (f"Content-Length: {3 << 20}\r\n", b"413"),
])
def test_bad_lengths_are_answered_and_the_connection_closed(server, header, status):
    answer = raw(server, post(header, b"ASK { ?s ?p ?o }"))
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]
    assert b"<client timeout>" not in answer  # answered and closed, not left waiting


def test_a_stalled_body_gets_a_read_timeout(server):
    answer = raw(server, post("Content-Length: 100\r\n", b"ASK {"), wait=20)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"within 2 s" in answer


def test_a_large_body_sent_in_full_is_413_and_the_server_goes_on(server):
    big = b"#" * (50 << 20)
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(post(f"Content-Length: {len(big)}\r\n"))
        try:
            sock.sendall(big)
        except OSError:
            pass  # the server answered and closed before reading it
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 413")
    assert len(client_rows(server, STANCES)) == 8


def test_a_good_body_still_works_on_a_raw_socket(server):
    query = b"ASK { ?s ?p ?o }"
    answer = raw(server, post(f"Content-Length: {len(query)}\r\n", query, "Connection: close\r\n"))
    assert answer.startswith(b"HTTP/1.1 200") and b"true" in answer
