"""The SPARQL server backend: its spec, how it binds parameters, and the CLI against a real
Oxigraph server (``oxigraph serve`` from the PyPI package). The store's contract runs against
the server in test_store.py, with the fixtures below."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from stancegraph.errors import StoreError
from stancegraph.rdf.remote import Endpoints, SparqlBackend, with_prefixes, with_values
from stancegraph.rdf.store import StanceStore, open_store

from conftest import SEEDS


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server binary is missing: pip install oxigraph (in the dev extras)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """An Oxigraph server on a free loopback port, for the tests of one module; yields its port."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode()}")
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(10)
    proc.stderr.close()


@pytest.fixture
def oxigraph(oxigraph_server):
    """The server, emptied; yields its ``sparql+http://`` spec."""
    request = urllib.request.Request(f"http://127.0.0.1:{oxigraph_server}/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=30).read()
    return f"sparql+http://127.0.0.1:{oxigraph_server}"


# --- without a server ------------------------------------------------------------------------

def test_endpoints_of_a_spec():
    e = Endpoints("sparql+http://127.0.0.1:7878")
    assert (e.query, e.update, e.data, e.union) == ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                                    "http://127.0.0.1:7878/store", True)
    e = Endpoints("sparql+https://h:3030/ds?data=data&update=/u&union=0")
    assert (e.query, e.update, e.data, e.union) == ("https://h:3030/ds/query", "https://h:3030/u",
                                                    "https://h:3030/ds/data", False)
    with pytest.raises(StoreError, match="unknown option 'x'"):
        Endpoints("sparql+http://h:1/?x=1")


def test_parameters_go_in_as_values_in_the_where_clause():
    text = '# a { comment\nPREFIX p: <http://x/o#>\nSELECT ?a WHERE { ?a p:b "{" FILTER(?a = ?who) }'
    bound = with_values(text, {"who": ox.NamedNode("http://e/1"), "n": ox.Literal('"} ; DROP ALL ; {"')})
    assert bound.startswith(text[: text.index("WHERE {") + 7] + ' VALUES (?who ?n) { (<http://e/1> "\\"} ; DROP ALL')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert with_values(construct, {"g": ox.NamedNode("http://g")}).startswith(
        "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?g) { (<http://g>) }")
    assert with_values("ASK { ?a ?b ?c }", {"a": ox.NamedNode("http://a")}).startswith("ASK { VALUES (?a)")


def test_prefixes_the_query_does_not_declare_are_added():
    text = "PREFIX sg: <http://mine#>\nSELECT * WHERE { ?s sg:x ?o ; skos:notation '# PREFIX skos: <y>' }"
    out = with_prefixes(text, {"sg": "http://other#", "skos": "http://www.w3.org/2004/02/skos/core#"})
    assert out == "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + text


def test_unreachable_server_is_one_store_error():
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        StanceStore(f"sparql+http://127.0.0.1:{free_port()}")


# --- against Oxigraph server -----------------------------------------------------------------

def test_a_spec_opens_the_server_backend(oxigraph):
    with open_store(oxigraph) as store:
        assert isinstance(store.backend, SparqlBackend) and store.path == oxigraph
        assert store.documents() == [] and len(store) == 0


@pytest.mark.model
def test_build_query_and_export_through_the_cli(oxigraph, seeds_build, cli, tmp_path):
    run = cli("build", SEEDS, "--out", tmp_path / "out", "--store", oxigraph)
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "out" / "stances.jsonl").read_text() == (seeds_build.out / "stances.jsonl").read_text()
    again = cli("build", SEEDS, "--out", tmp_path / "out", "--store", oxigraph)
    assert "0 extracted, 5 unchanged" in again.stdout
    for args in (["query", "stances-of-actor", "-p", "actor=putin", "-f", "csv"], ["query", "agreement-pairs"],
                 ["export", "--format", "csv"]):
        remote, local = cli(*args, "--store", oxigraph), cli(*args, "--store", seeds_build.store)
        assert remote.exit_code == 0 and remote.stdout == local.stdout and local.stdout.strip(), args


def test_load_a_shared_graph_through_the_cli(oxigraph, toy_store, cli, tmp_path):
    """A graph exported by one group and loaded by another, into a SPARQL server: the same stances,
    and loading it again replaces the graphs rather than adding to them."""
    shared = toy_store.export("trig", tmp_path / "shared.trig")
    for _ in range(2):
        run = cli("load", shared, "--store", oxigraph)
        assert run.exit_code == 0, run.stderr
        assert "graphs loaded (3 documents)" in run.stdout
        with open_store(oxigraph) as remote:
            assert remote.documents() == toy_store.documents()
            assert len(remote) == len(toy_store)
            assert remote.stances() == toy_store.stances()
    broken = tmp_path / "broken.trig"
    broken.write_text("<x:g> { <x:a> <x:b> ", encoding="utf-8")
    run = cli("load", broken, "--store", oxigraph)
    assert run.exit_code == 1 and run.stderr.startswith("error: ") and "broken.trig" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    with open_store(oxigraph) as remote:
        assert len(remote) == len(toy_store)
