"""The store's contract: every case runs against each backend, embedded Oxigraph on disk and a
real Oxigraph server (``oxigraph serve``, started by the test): persistence, replace semantics,
atomic writes, reading stances (reviews applied), queries, load and export."""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SDO
from stancegraph.codebook import load_codebook
from stancegraph.errors import QueryError, StoreError
from stancegraph.queries import list_queries, run_query
from stancegraph.rdf import convert, mint, sparql
from stancegraph.rdf.backend import Backend
from stancegraph.rdf.embedded import EmbeddedBackend
from stancegraph.rdf.remote import SparqlBackend
from stancegraph.rdf.store import StanceStore, open_store
from stancegraph.review import COLUMNS, apply_review, rejected, review_rows

from conftest import make_toy_items

from .test_convert import assert_same_stances
from .test_remote import oxigraph, oxigraph_server  # noqa: F401  (fixtures: a real server)

BACKENDS = {"disk": EmbeddedBackend, "server": SparqlBackend}
PARAMS = {"date": "2025-03-03", "actor": "russia", "topic": "ceasefire", "document": "toy-1", "text": "ceasefire",
          "integer": "1", "decimal": "0.5", "iri": "https://w3id.org/stancegraph/id/doc/toy-1"}
DATES = {"from": "2025-03-01", "to": "2025-03-31"}
EVIL = '"} ; DROP ALL ; {"'


@pytest.fixture(params=list(BACKENDS))
def kind(request) -> str:
    return request.param


@pytest.fixture
def spec(kind, request, tmp_path):
    """Where an empty store of each backend lives: a folder, or a ``sparql+http://`` spec."""
    return tmp_path / "store" if kind == "disk" else request.getfixturevalue("oxigraph")


@pytest.fixture
def store(kind, spec):
    with open_store(spec) as s:
        assert isinstance(s.backend, BACKENDS[kind])
        yield s


@pytest.fixture
def second(sample_doc, sample_stances):
    """Another document with one stance."""
    doc = replace(sample_doc, id="sample-002", title="Second")
    return doc, [replace(sample_stances[0], doc_id=doc.id)]


@pytest.fixture
def stored(store, sample_doc, sample_stances, mini_codebook):
    """The store holding version 1 of ``sample_doc``; returns (store, counts before)."""
    store.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    return store, counts(store)


@pytest.fixture
def toy(store):
    """The store holding the toy documents, with the default codebook."""
    codebook = load_codebook()
    assert store.replace_documents(make_toy_items(codebook), codebook) == ["toy-1", "toy-2", "toy-3"]
    return store


def counts(store: StanceStore) -> dict[str, int]:
    return {d: len(store.graph(d)) for d in store.documents()} | {"*": len(store)}


def dataset_of(store: StanceStore) -> tuple[int, set]:
    """The number of quads, and the quads without blank nodes (a load renames blank nodes)."""
    quads = [tuple(row) for row in store.query(sparql.ALL_QUADS)]
    assert len(quads) == len(store)
    return len(quads), {q for q in quads if not any(isinstance(t, BNode) for t in q)}


def plain_graph(g) -> Graph:
    out = Graph()
    out += ((s, p, o) for s, p, o in g)
    return out


def test_every_backend_runs_the_contract():
    """A new backend joins BACKENDS (and so every case below), or this fails."""
    assert set(Backend.__subclasses__()) == set(BACKENDS.values())


# --- persistence and reading back ----------------------------------------------------------

def test_persists_across_reopen(spec, sample_doc, sample_stances, mini_codebook):
    with open_store(spec) as s:
        assert s.replace_documents([(sample_doc, sample_stances)], mini_codebook) == [sample_doc.id]
        before = counts(s)
    with open_store(spec) as s:
        assert s.documents() == [sample_doc.id]
        assert s.document_hash(sample_doc.id) == sample_doc.sha256
        assert counts(s) == before
        assert_same_stances(s.stances(), sample_stances)


def test_round_trip(store, sample_doc, sample_stances, second, mini_codebook):
    store.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    assert store.documents() == [sample_doc.id, second[0].id]
    assert store.document_hashes() == {sample_doc.id: sample_doc.sha256, second[0].id: second[0].sha256}
    assert_same_stances(store.stances(sample_doc.id), sample_stances)
    assert_same_stances(store.stances(), sample_stances + second[1])
    assert store.document_hash("never-stored") is None
    assert store.stances("never-stored") == [] and len(store.graph("never-stored")) == 0
    assert isomorphic(plain_graph(store.graph(second[0].id)), convert.document_graph(*second, mini_codebook))


def test_keeps_what_the_document_graph_says_of_its_text(stored, sample_doc, sample_stances, mini_codebook):
    store, _ = stored
    graph = convert.document_graph(sample_doc, sample_stances, mini_codebook)
    text = graph.value(mint.doc_iri(sample_doc.id), SDO.text)
    assert store.document_text(sample_doc.id) == (None if text is None else str(text))
    assert store.document_text("not-stored") is None


def test_reads_what_the_memory_store_reads(toy, toy_store):
    assert toy.documents() == toy_store.documents()
    assert toy.document_versions() == toy_store.document_versions()
    assert toy.stances() == toy_store.stances() and toy.stances("toy-1") == toy_store.stances("toy-1")
    assert len(toy) == len(toy_store)
    assert set(toy.graph("toy-3")) == set(toy_store.graph("toy-3")) != set()


def test_holds_codebook_and_ontology_graphs(store, sample_doc, sample_stances, mini_codebook):
    store.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    assert {str(mint.CODEBOOK_GRAPH), str(mint.ONTOLOGY_GRAPH)} <= set(store.backend.graph_names())
    smaller = replace(mini_codebook, actors={}, topics=dict(mini_codebook.topics), source="")
    store.replace_documents([], smaller)  # refreshed on each build, even with no document
    codebook = store.query(sparql.GRAPH_TRIPLES, {"g": mint.CODEBOOK_GRAPH}).graph
    assert len(codebook) == len(convert.codebook_graph(smaller))


def test_flat_reading_gives_what_reading_each_graph_gives(stored, second, mini_codebook):
    """``stances()`` reads every document in two flat queries; it must give what reading each
    document graph with the codebook gives (candidates and actors outside the codebook too)."""
    store, _ = stored
    store.replace_documents([second], mini_codebook)
    by_graph = []
    for doc_id in store.documents():
        g = store.graph(doc_id)
        g += convert.codebook_graph(mini_codebook)
        by_graph.extend(convert.stances_from_graph(g))
    flat = store.stances(reviewed=False)
    assert flat == by_graph
    assert any(not s.classified for s in flat) and any(s.actor_id not in mini_codebook.actors for s in flat)


# --- replace semantics ---------------------------------------------------------------------

def test_same_hash_is_a_no_op(stored, sample_doc, sample_stances, mini_codebook):
    store, before = stored
    assert store.replace_documents([(sample_doc, sample_stances[:1])], mini_codebook) == []
    assert counts(store) == before
    assert len(store.stances()) == len(sample_stances)


def test_changed_hash_replaces_not_duplicates(store, sample_doc, sample_stances, second, mini_codebook):
    store.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    other = counts(store)[second[0].id]
    changed = replace(sample_doc, title="A new headline")
    assert store.replace_documents([(changed, sample_stances[:1])], mini_codebook) == [changed.id]
    expected = convert.document_graph(changed, sample_stances[:1], mini_codebook)
    assert isomorphic(plain_graph(store.graph(changed.id)), expected)
    assert counts(store)[changed.id] == len(expected)
    assert counts(store)[second[0].id] == other
    assert store.document_hash(changed.id) == changed.sha256
    assert_same_stances(store.stances(changed.id), sample_stances[:1])


def test_force_rewrites_same_hash(stored, sample_doc, sample_stances, mini_codebook):
    store, _ = stored
    assert store.replace_documents([(sample_doc, sample_stances[:1])], mini_codebook, force=True) == [sample_doc.id]
    assert len(store.stances()) == 1


def test_a_changed_extractor_extracts_again(stored, sample_doc, sample_stances, mini_codebook):
    store, _ = stored
    assert store.replace_documents([(sample_doc, sample_stances)], mini_codebook, extracted_with="x@1") == \
        [sample_doc.id]
    assert store.document_versions() == {sample_doc.id: (sample_doc.sha256, "x@1")}
    assert store.replace_documents([(sample_doc, sample_stances)], mini_codebook, extracted_with="x@1") == []


# --- atomicity -----------------------------------------------------------------------------

def assert_untouched(store, before, sample_doc, sample_stances, second):
    assert counts(store) == before
    assert store.document_hash(sample_doc.id) == sample_doc.sha256
    assert second[0].id not in store.documents()
    assert len(store.graph(second[0].id)) == 0
    assert_same_stances(store.stances(), sample_stances)


def test_failure_while_converting_writes_nothing(stored, monkeypatch, sample_doc, sample_stances, second,
                                                 mini_codebook):
    store, before = stored
    real, calls = convert.document_graph, []

    def fail_after_first(doc, stances, codebook, **kw):
        calls.append(doc.id)
        if len(calls) > 1:
            raise ValueError("simulated crash")
        return real(doc, stances, codebook, **kw)

    monkeypatch.setattr(convert, "document_graph", fail_after_first)
    with pytest.raises(StoreError, match="simulated crash"):
        store.replace_documents([(replace(sample_doc, title="v2"), sample_stances[:1]), second], mini_codebook)
    assert calls == [sample_doc.id, second[0].id]
    assert_untouched(store, before, sample_doc, sample_stances, second)


def test_failure_in_input_iterator_writes_nothing(stored, sample_doc, sample_stances, second, mini_codebook):
    store, before = stored

    def items():
        yield replace(sample_doc, title="v2"), sample_stances[:1]
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError, match="extractor crashed"):
        store.replace_documents(items(), mini_codebook)
    assert_untouched(store, before, sample_doc, sample_stances, second)


def test_failure_mid_write_rolls_back(stored, monkeypatch, sample_doc, sample_stances, second, mini_codebook):
    """One update request is one transaction: when an operation after the first document's
    DROP + INSERT fails at run time, the first document is not replaced either."""
    store, before = stored
    real = sparql.replace_graph

    def failing_for_second(g, **kw):
        if g.identifier == mint.graph_iri(second[0].id):  # after the first document's operations
            return f"CREATE GRAPH {mint.graph_iri(sample_doc.id).n3()}"  # exists: fails at run time
        return real(g, **kw)

    monkeypatch.setattr(sparql, "replace_graph", failing_for_second)
    with pytest.raises(StoreError, match="^" + re.escape(f"{store.backend.location}: write failed, nothing stored")):
        store.replace_documents([(replace(sample_doc, title="v2"), sample_stances[:1]), second], mini_codebook)
    assert_untouched(store, before, sample_doc, sample_stances, second)


def test_bad_stance_or_id_is_a_store_error(store, sample_doc, sample_stances, mini_codebook):
    with pytest.raises(StoreError, match="sample-001"):
        store.replace_documents([(sample_doc, [replace(sample_stances[0], end=10_000)])], mini_codebook)
    with pytest.raises(StoreError, match="reserved"):
        store.replace_documents([(replace(sample_doc, id="codebook"), [])], mini_codebook)
    assert store.documents() == []


# --- reviews -------------------------------------------------------------------------------

def test_reviews_apply_to_every_read(toy, toy_store, tmp_path):
    """A review written through the store is read back with the stances, whatever the backend."""
    rows = {r["evidence"]: r for r in review_rows(toy.stances())}
    wrong, changed = rows["Russia now accepts a ceasefire."], rows["Trump urged territorial concessions."]
    wrong["verdict"] = "wrong"
    changed.update(verdict="changed", new_polarity="oppose")
    text = "Ukraine backed the ceasefire."
    added = {**{c: "" for c in COLUMNS}, "doc": "toy-1", "actor": "zelenskyy", "polarity": "support",
             "topic": "ceasefire", "evidence": text, "verdict": "added"}  # a quote, found in the text
    sheet = tmp_path / "review.csv"
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows([wrong, changed, added])
    report = apply_review(toy, sheet, "Ana Silva", now=datetime(2025, 4, 1, tzinfo=timezone.utc))
    assert report.counts == {"wrong": 1, "changed": 1, "added": 1}
    assert rejected(toy) == {mint.stance_iri_of(r["doc"], r["stance"]) for r in (wrong, changed)}
    keys = {s.key for s in toy.stances()}
    assert wrong["stance"] not in keys and changed["stance"] not in keys
    assert {wrong["stance"], changed["stance"]} <= {s.key for s in toy.stances(reviewed=False)}
    [trump] = [s for s in toy.stances() if s.actor_id == "trump"]
    assert (trump.polarity.value, trump.extractor) == ("oppose", "human:Ana Silva")
    assert [s.evidence for s in toy.stances("toy-1") if s.extractor.startswith("human:")] == [text]
    assert len(toy.stances()) == len(toy_store.stances())  # two rejected; a correction and an added one


# --- queries -------------------------------------------------------------------------------

def test_every_named_query_gives_the_rows_of_the_memory_store(toy, toy_store):
    for info in list_queries():
        params = {p.name: DATES.get(p.name, PARAMS[p.type]) for p in info.params}
        assert run_query(toy, info.name, params) == run_query(toy_store, info.name, params), info.name


def test_bindings_are_terms_not_text(store, sample_doc, sample_stances, mini_codebook):
    evil_stance = replace(sample_stances[0], cue=EVIL)
    store.replace_documents([(sample_doc, [evil_stance, *sample_stances[1:]])], mini_codebook)
    before = counts(store)
    rows = list(store.query("SELECT ?s ?cue WHERE { ?s sg:cue ?cue }", {"cue": Literal(EVIL)}))
    assert [(r.s, r.cue) for r in rows] == [(mint.stance_iri(evil_stance), Literal(EVIL))]
    assert rows[0].cue.datatype is None and str(rows[0].cue) == EVIL
    assert list(store.query("SELECT ?s ?cue WHERE { ?s sg:cue ?cue }", {"cue": Literal("} ; DROP ALL ; {")})) == []
    assert counts(store) == before


def test_binding_an_iri(stored, sample_stances, mini_codebook):
    store, _ = stored
    eu = URIRef(mini_codebook.actors["eu"].iri)
    rows = list(store.query("SELECT ?s ?holder WHERE { ?s sg:holder ?holder }", {"holder": eu}))
    assert [r.s for r in rows] == [mint.stance_iri(sample_stances[2])]
    assert store.query("ASK { ?s sg:holder ?holder }", {"holder": URIRef("urn:x:nobody")}).askAnswer is False
    about = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": eu}).graph
    assert len(about) > 0 and set(about.subjects()) == {eu}


def test_query_errors_are_query_errors(store):
    with pytest.raises(QueryError, match="rdflib URIRef or Literal"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": EVIL})
    with pytest.raises(QueryError):
        store.query("SELEKT nothing")
    with pytest.raises(QueryError):
        store.query("DROP ALL")  # an update is not a query


# --- export --------------------------------------------------------------------------------

def test_export_formats_parse_back(store, tmp_path, sample_doc, sample_stances, second, mini_codebook):
    store.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    docs = Graph()
    for doc, sts in [(sample_doc, sample_stances), second]:
        docs += convert.document_graph(doc, sts, mini_codebook)

    ttl = Graph().parse(store.export("ttl", tmp_path / "x" / "all.ttl"), format="turtle")
    assert isomorphic(ttl, docs)
    assert "@prefix sg:" in (tmp_path / "x" / "all.ttl").read_text(encoding="utf-8")

    for fmt, parser in [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]:
        ds = Dataset()
        ds.parse(store.export(fmt, tmp_path / f"all.{fmt}"), format=parser)
        names = {g.identifier for g in ds.graphs() if len(g)}
        assert {mint.graph_iri(sample_doc.id), mint.graph_iri(second[0].id), mint.CODEBOOK_GRAPH,
                mint.ONTOLOGY_GRAPH} == names, fmt
        assert isomorphic(ds.graph(mint.graph_iri(second[0].id)),
                          convert.document_graph(*second, mini_codebook)), fmt
        assert len(list(ds.quads())) == len(store), fmt


def test_export_is_the_memory_stores_export(toy, toy_store, tmp_path):
    for fmt in ("ttl", "nquads", "trig"):
        a, b = Dataset(), Dataset()
        a.parse(toy.export(fmt, tmp_path / f"a.{fmt}"), format="turtle" if fmt == "ttl" else fmt)
        b.parse(toy_store.export(fmt, tmp_path / f"b.{fmt}"), format="turtle" if fmt == "ttl" else fmt)
        names = {g.identifier for g in a.graphs() if len(g)}
        assert names == {g.identifier for g in b.graphs() if len(g)}
        for name in names:  # the ontology has blank nodes: compare graph by graph, as graphs
            assert isomorphic(a.graph(name), b.graph(name)), (fmt, name)


def test_unknown_export_format(store, tmp_path):
    with pytest.raises(StoreError, match="known: ttl, trig, jsonld, nquads"):
        store.export("xml", tmp_path / "x.xml")


# --- load ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_load_into_an_empty_store_gives_the_same_dataset(store, toy_store, tmp_path, fmt):
    dump = toy_store.export(fmt, tmp_path / f"shared.{'nq' if fmt == 'nquads' else fmt}")
    names = store.load(dump)
    assert dataset_of(store) == dataset_of(toy_store)
    assert store.documents() == toy_store.documents()
    assert str(mint.CODEBOOK_GRAPH) in names and str(mint.graph_iri("toy-1")) in names
    assert store.stances() == toy_store.stances()
    assert store.load(dump) == names and dataset_of(store) == dataset_of(toy_store)  # again: replaced, not added


def test_load_replaces_the_graphs_it_names_and_keeps_the_others(stored, tmp_path, sample_doc, sample_stances,
                                                                second, mini_codebook):
    store, _ = stored
    with StanceStore.open(None) as source:  # version 2 of sample_doc, in a shared file
        source.replace_documents([(replace(sample_doc, title="v2"), sample_stances[:1])], mini_codebook)
        dump = source.export("trig", tmp_path / "v2.trig")
    store.replace_documents([second], mini_codebook)
    store.load(dump)
    assert store.documents() == sorted([sample_doc.id, second[0].id])
    assert str(store.graph(sample_doc.id).value(mint.doc_iri(sample_doc.id), SDO.headline)) == "v2"
    assert_same_stances(store.stances(sample_doc.id), sample_stances[:1])  # replaced, not merged
    assert_same_stances(store.stances(second[0].id), second[1])  # untouched


@pytest.mark.parametrize("empty", [True, False])
def test_bad_load_files_change_nothing(store, tmp_path, empty, sample_doc, sample_stances, mini_codebook):
    if not empty:
        store.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    before = dataset_of(store)
    broken = tmp_path / "broken.nq"
    broken.write_text('<x:a> <x:b> <x:c> <x:g> .\n<x:a> <x:b> "open .\n', encoding="utf-8")
    with pytest.raises(StoreError, match=r"broken\.nq: .*line 2.*nothing loaded"):
        store.load(broken)
    default = tmp_path / "default.nq"
    default.write_text("<x:a> <x:b> <x:c> <x:g> .\n<x:a> <x:b> <x:c> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"default\.nq: triples outside named graphs"):
        store.load(default)
    with pytest.raises(StoreError, match=r"graph\.ttl: cannot load \.ttl"):
        store.load(tmp_path / "graph.ttl")
    with pytest.raises(StoreError, match=r"missing\.trig: no such file"):
        store.load(tmp_path / "missing.trig")
    assert dataset_of(store) == before
