"""The remote store against a real Oxigraph server (``oxigraph serve`` from the PyPI package)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from stancegraph.codebook import load_codebook
from stancegraph.errors import QueryError, StoreError
from stancegraph.queries import list_queries, run_query
from stancegraph.rdf.remote import Endpoints, RemoteStanceStore, _with_values
from stancegraph.rdf.store import _plain, open_store

from conftest import SEEDS, make_toy_items

PARAMS = {"date": "2025-03-03", "actor": "russia", "topic": "ceasefire", "document": "toy-1", "text": "ceasefire", "integer": "1",
          "decimal": "0.5", "iri": "https://w3id.org/stancegraph/id/doc/toy-1"}
DATES = {"from": "2025-03-01", "to": "2025-03-31"}


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server binary is missing: pip install oxigraph (in the dev extras)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph(tmp_path):
    """A fresh Oxigraph server on a free loopback port; yields its ``sparql+http://`` spec."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "oxigraph"),
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
    yield f"sparql+http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def remote_toy(oxigraph):
    codebook = load_codebook()
    with open_store(oxigraph) as store:
        assert isinstance(store, RemoteStanceStore)
        assert store.replace_documents(make_toy_items(codebook), codebook) == ["toy-1", "toy-2", "toy-3"]
        yield store


def params_for(info) -> dict:
    return {p.name: DATES.get(p.name, PARAMS[p.type]) for p in info.params}


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


def test_parameters_go_in_as_values_in_the_first_group():
    text = '# a { comment\nPREFIX p: <http://x/o#>\nSELECT ?a WHERE { ?a p:b "{" FILTER(?a = ?who) }'
    bound = _with_values(text, {"who": URIRef("http://e/1"), "n": Literal('"} ; DROP ALL ; {"')})
    assert bound.startswith(text[: text.index("WHERE {") + 7] + ' VALUES (?who ?n) { (<http://e/1> "\\"} ; DROP ALL')
    with pytest.raises(QueryError):
        _with_values("SELECT ?a WHERE { ?a ?b ?c }", {"a": "text"})


def test_unreachable_server_is_one_store_error():
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        RemoteStanceStore(f"sparql+http://127.0.0.1:{free_port()}")


# --- against Oxigraph server -----------------------------------------------------------------

def test_remote_store_reads_back_what_the_local_one_does(remote_toy, toy_store):
    assert remote_toy.documents() == toy_store.documents()
    assert remote_toy.document_hashes() == {d: toy_store.document_hash(d) for d in toy_store.documents()}
    assert remote_toy.document_hash("toy-2") == toy_store.document_hash("toy-2")
    assert remote_toy.document_hash("nope") is None
    assert remote_toy.stances() == toy_store.stances()
    assert remote_toy.stances("toy-1") == toy_store.stances("toy-1")
    plain = lambda g: {(s, p, _plain(o)) for s, p, o in g}  # noqa: E731  (Oxigraph types plain literals)
    assert plain(remote_toy.graph("toy-3")) == plain(toy_store.graph("toy-3")) != set()
    assert len(remote_toy.graph("nope")) == 0
    assert len(remote_toy) == len(toy_store)


def test_remote_store_keeps_document_texts_as_the_local_one(remote_toy, toy_store):
    docs = toy_store.documents()
    assert docs and all(remote_toy.document_text(d) == toy_store.document_text(d) is not None for d in docs)
    assert remote_toy.document_text("not-stored") is None


def test_every_named_query_gives_the_rows_of_the_local_store(remote_toy, toy_store):
    for info in list_queries():
        params = params_for(info)
        assert run_query(remote_toy, info.name, params) == run_query(toy_store, info.name, params), info.name


def test_unchanged_documents_are_skipped_and_changed_ones_replaced(remote_toy):
    codebook = load_codebook()
    items = make_toy_items(codebook)
    assert remote_toy.replace_documents(items, codebook) == []
    doc, stances = items[0]
    from dataclasses import replace
    changed = replace(doc, text=doc.text + " More.")
    assert remote_toy.replace_documents([(changed, stances[:1])], codebook) == ["toy-1"]
    assert [s.actor_id for s in remote_toy.stances("toy-1")] == [stances[0].actor_id]


def test_a_failed_write_stores_nothing(remote_toy, monkeypatch):
    from stancegraph.rdf import remote

    before = len(remote_toy)
    real = remote._replace_graph_op
    monkeypatch.setattr(remote, "_replace_graph_op", lambda g: real(g) + " ; INSERT DATA { <x:a> <x:b> }")
    codebook = load_codebook()
    doc, stances = make_toy_items(codebook)[1]
    from dataclasses import replace
    with pytest.raises(StoreError, match="write failed, nothing stored"):
        remote_toy.replace_documents([(replace(doc, text=doc.text + " X"), stances)], codebook)
    assert len(remote_toy) == before


def test_bad_query_is_a_query_error(remote_toy):
    with pytest.raises(QueryError, match="query failed"):
        remote_toy.query("SELEC *")


def test_export_keeps_every_graph(remote_toy, toy_store, tmp_path):
    for fmt in ("nquads", "trig"):
        a, b = Dataset(), Dataset()
        a.parse(remote_toy.export(fmt, tmp_path / f"r.{fmt}"), format=fmt)
        b.parse(toy_store.export(fmt, tmp_path / f"l.{fmt}"), format=fmt)
        names = {g.identifier for g in a.graphs()}
        assert names == {g.identifier for g in b.graphs()} and len(names) > 3
        for name in names:  # the ontology has blank nodes: compare graph by graph, as graphs
            assert isomorphic(a.graph(name), b.graph(name)), name


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
