"""The Oxigraph-backed store: persistence, replace semantics, atomic writes, export, queries."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SDO
from rdflib.compare import isomorphic
from stancegraph.errors import QueryError, StoreError
from stancegraph.rdf import convert, mint
from stancegraph.rdf import store as store_mod
from stancegraph.rdf.store import StanceStore

from .test_convert import assert_same_stances


@pytest.fixture
def second(sample_doc, sample_stances):
    """Another document with one stance."""
    doc = replace(sample_doc, id="sample-002", title="Second")
    return doc, [replace(sample_stances[0], doc_id=doc.id)]


@pytest.fixture
def disk(tmp_path):
    with StanceStore.open(tmp_path / "store") as s:
        yield s


def counts(store: StanceStore) -> dict[str, int]:
    return {d: len(store.graph(d)) for d in store.documents()} | {"*": len(store)}


# --- persistence and reading back ----------------------------------------------------------

def test_persists_across_reopen(tmp_path, sample_doc, sample_stances, mini_codebook):
    with StanceStore.open(tmp_path / "s") as s:
        assert s.replace_documents([(sample_doc, sample_stances)], mini_codebook) == [sample_doc.id]
        before = counts(s)
    with StanceStore.open(tmp_path / "s") as s:
        assert s.documents() == [sample_doc.id]
        assert s.document_hash(sample_doc.id) == sample_doc.sha256
        assert counts(s) == before
        assert_same_stances(s.stances(), sample_stances)


def test_round_trip_through_store(disk, sample_doc, sample_stances, second, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    assert disk.documents() == [sample_doc.id, second[0].id]
    assert_same_stances(disk.stances(sample_doc.id), sample_stances)
    assert_same_stances(disk.stances(), sample_stances + second[1])
    assert disk.document_hash("never-stored") is None
    assert disk.stances("never-stored") == []


def test_holds_codebook_and_ontology_graphs(disk, sample_doc, sample_stances, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    graphs = {g.value for g in disk._ox.named_graphs()}
    assert {str(mint.CODEBOOK_GRAPH), str(mint.ONTOLOGY_GRAPH)} <= graphs
    smaller = replace(mini_codebook, actors={}, topics=dict(mini_codebook.topics), source="")
    disk.replace_documents([], smaller)  # refreshed on each build, even with no document
    cb = Graph(store=disk.dataset.store, identifier=mint.CODEBOOK_GRAPH)
    assert len(cb) == len(convert.codebook_graph(smaller))


# --- replace semantics ---------------------------------------------------------------------

def test_same_hash_is_a_no_op(disk, sample_doc, sample_stances, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    before = counts(disk)
    assert disk.replace_documents([(sample_doc, sample_stances[:1])], mini_codebook) == []
    assert counts(disk) == before
    assert len(disk.stances()) == len(sample_stances)


def test_changed_hash_replaces_not_duplicates(disk, sample_doc, sample_stances, second, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    other = counts(disk)[second[0].id]
    changed = replace(sample_doc, title="A new headline")
    assert disk.replace_documents([(changed, sample_stances[:1])], mini_codebook) == [changed.id]
    expected = convert.document_graph(changed, sample_stances[:1], mini_codebook)
    stored = Graph()
    stored += ((s, p, store_mod._plain(o)) for s, p, o in disk.graph(changed.id))
    assert isomorphic(stored, expected)
    assert counts(disk)[changed.id] == len(expected)
    assert counts(disk)[second[0].id] == other
    assert disk.document_hash(changed.id) == changed.sha256
    assert_same_stances(disk.stances(changed.id), sample_stances[:1])


def test_force_rewrites_same_hash(disk, sample_doc, sample_stances, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    assert disk.replace_documents([(sample_doc, sample_stances[:1])], mini_codebook, force=True) == [sample_doc.id]
    assert len(disk.stances()) == 1


# --- atomicity -----------------------------------------------------------------------------

@pytest.fixture
def stored(disk, sample_doc, sample_stances, mini_codebook):
    """A store holding version 1 of ``sample_doc``; returns (store, counts before)."""
    disk.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    return disk, counts(disk)


def assert_untouched(store, before, sample_doc, sample_stances, second):
    assert counts(store) == before
    assert store.document_hash(sample_doc.id) == sample_doc.sha256
    assert second[0].id not in store.documents()
    assert len(store.graph(second[0].id)) == 0
    assert_same_stances(store.stances(), sample_stances)


def test_failure_while_converting_writes_nothing(
    stored, monkeypatch, sample_doc, sample_stances, second, mini_codebook
):
    store, before = stored
    real, calls = convert.document_graph, []

    def fail_after_first(doc, stances, codebook, **kw):
        calls.append(doc.id)
        if len(calls) > 1:
            raise ValueError("simulated crash")
        return real(doc, stances, codebook, **kw)

    monkeypatch.setattr(convert, "document_graph", fail_after_first)
    changed = replace(sample_doc, title="v2")
    with pytest.raises(StoreError, match="simulated crash"):
        store.replace_documents([(changed, sample_stances[:1]), second], mini_codebook)
    assert calls == [changed.id, second[0].id]
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
    """Oxigraph applies one update request as one transaction: when an operation after the
    first document's DROP + INSERT fails, the first document is not replaced either."""
    store, before = stored
    real = store_mod._replace_graph_op

    def failing_for_second(g, **kw):
        if g.identifier == mint.graph_iri(second[0].id):  # after the first document's operations
            return f"CREATE GRAPH {mint.graph_iri(sample_doc.id).n3()}"  # exists: fails at run time
        return real(g, **kw)

    monkeypatch.setattr(store_mod, "_replace_graph_op", failing_for_second)
    with pytest.raises(StoreError, match="nothing stored"):
        store.replace_documents([(replace(sample_doc, title="v2"), sample_stances[:1]), second], mini_codebook)
    assert_untouched(store, before, sample_doc, sample_stances, second)


def test_bad_stance_or_id_is_a_store_error(disk, sample_doc, sample_stances, mini_codebook):
    with pytest.raises(StoreError, match="sample-001"):
        disk.replace_documents([(sample_doc, [replace(sample_stances[0], end=10_000)])], mini_codebook)
    with pytest.raises(StoreError, match="reserved"):
        disk.replace_documents([(replace(sample_doc, id="codebook"), [])], mini_codebook)
    assert disk.documents() == []


# --- export --------------------------------------------------------------------------------

def test_export_formats_parse_back(disk, tmp_path, sample_doc, sample_stances, second, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances), second], mini_codebook)
    docs = Graph()
    for doc, sts in [(sample_doc, sample_stances), second]:
        docs += convert.document_graph(doc, sts, mini_codebook)

    ttl = Graph().parse(disk.export("ttl", tmp_path / "x" / "all.ttl"), format="turtle")
    assert isomorphic(ttl, docs)
    assert "@prefix sg:" in (tmp_path / "x" / "all.ttl").read_text(encoding="utf-8")

    for fmt, parser in [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]:
        ds = Dataset()
        ds.parse(disk.export(fmt, tmp_path / f"all.{fmt}"), format=parser)
        names = {g.identifier for g in ds.graphs() if len(g)}
        assert {mint.graph_iri(sample_doc.id), mint.graph_iri(second[0].id), mint.CODEBOOK_GRAPH,
                mint.ONTOLOGY_GRAPH} == names, fmt
        assert isomorphic(ds.graph(mint.graph_iri(second[0].id)),
                          convert.document_graph(*second, mini_codebook)), fmt
        assert len(list(ds.quads())) == len(disk), fmt


def test_unknown_export_format(disk, tmp_path):
    with pytest.raises(StoreError, match="known: ttl, trig, jsonld, nquads"):
        disk.export("xml", tmp_path / "x.xml")


# --- queries -------------------------------------------------------------------------------

EVIL = '"} ; DROP ALL ; {"'


def test_bindings_are_terms_not_text(disk, sample_doc, sample_stances, mini_codebook):
    evil_stance = replace(sample_stances[0], cue=EVIL)
    disk.replace_documents([(sample_doc, [evil_stance, *sample_stances[1:]])], mini_codebook)
    before = counts(disk)
    rows = list(disk.query("SELECT ?s ?cue WHERE { ?s sg:cue ?cue }", {"cue": Literal(EVIL)}))
    assert [(r.s, r.cue) for r in rows] == [(mint.stance_iri(evil_stance), Literal(EVIL))]
    assert rows[0].cue.datatype is None and str(rows[0].cue) == EVIL
    assert list(disk.query("SELECT ?s ?cue WHERE { ?s sg:cue ?cue }", {"cue": Literal("} ; DROP ALL ; {")})) == []
    assert counts(disk) == before


def test_binding_an_iri(disk, sample_doc, sample_stances, mini_codebook):
    disk.replace_documents([(sample_doc, sample_stances)], mini_codebook)
    eu = URIRef(mini_codebook.actors["eu"].iri)
    rows = list(disk.query("SELECT ?s ?holder WHERE { ?s sg:holder ?holder }", {"holder": eu}))
    assert [r.s for r in rows] == [mint.stance_iri(sample_stances[2])]
    assert disk.query("ASK { ?s sg:holder ?holder }", {"holder": URIRef("urn:x:nobody")}).askAnswer is False


def test_query_errors_are_query_errors(disk):
    with pytest.raises(QueryError, match="rdflib URIRef or Literal"):
        disk.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": EVIL})
    with pytest.raises(QueryError, match="add bound variables to the SELECT clause"):
        disk.query("SELECT ?s WHERE { ?s sg:cue ?cue }", {"cue": Literal("x")})
    with pytest.raises(QueryError):
        disk.query("SELEKT nothing")
    with pytest.raises(QueryError):
        disk.query("DROP ALL")  # an update is not a query


# --- opening -------------------------------------------------------------------------------

def test_locked_store_is_a_store_error(tmp_path):
    path = tmp_path / "locked"
    with StanceStore.open(path):
        with pytest.raises(StoreError, match=f"^{path}: cannot open graph store .*lock"):
            StanceStore.open(path)
        code = (f"from stancegraph.rdf.store import StanceStore\n"
                f"from stancegraph.errors import StoreError\n"
                f"try:\n    StanceStore.open({str(path)!r})\nexcept StoreError as e:\n    print(e)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.startswith(f"{path}: cannot open graph store (locked") and out.count("\n") == 1
    StanceStore.open(path).close()  # released on close


def test_corrupt_store_is_a_store_error(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "CURRENT").write_text("nonsense\n")
    with pytest.raises(StoreError, match=f"^{bad}: cannot open graph store"):
        StanceStore.open(bad)
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(StoreError, match=f"^{afile}: cannot open graph store"):
        StanceStore.open(afile)


def test_memory_store(sample_doc, sample_stances, mini_codebook):
    with StanceStore.open(None) as s:
        s.replace_documents([(sample_doc, sample_stances)], mini_codebook)
        assert_same_stances(s.stances(), sample_stances)


def test_doctests():
    import doctest

    assert doctest.testmod(store_mod).failed == 0


# --- load ----------------------------------------------------------------------------------

def dataset_of(store: StanceStore) -> tuple[int, set]:
    """The number of quads, and the quads without blank nodes (a load renames blank nodes)."""
    quads = list(store._ox)
    return len(quads), {(q.subject, q.predicate, q.object, q.graph_name) for q in quads
                        if not any(type(t).__name__ == "BlankNode" for t in (q.subject, q.object))}


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_load_into_an_empty_store_gives_the_same_dataset(stored, tmp_path, fmt):
    store, _ = stored
    dump = store.export(fmt, tmp_path / f"shared.{'nq' if fmt == 'nquads' else fmt}")
    with StanceStore.open(tmp_path / "other") as other:
        names = other.load(dump)
        assert dataset_of(other) == dataset_of(store)
        assert other.documents() == store.documents()
        assert str(mint.CODEBOOK_GRAPH) in names
        assert_same_stances(other.stances(), store.stances())


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
def test_bad_load_files_change_nothing(stored, tmp_path, empty):
    store = StanceStore.open(tmp_path / "empty") if empty else stored[0]
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


def test_flat_reading_gives_what_reading_each_graph_gives(stored, second, mini_codebook):
    """``stances()`` reads every document in two flat queries; it must give what reading each
    document graph with the codebook gives (candidates and actors outside the codebook too)."""
    store, _ = stored
    store.replace_documents([second], mini_codebook)
    by_graph = []
    for doc_id in store.documents():
        g = Graph()
        g += store.graph(doc_id)
        g += convert.codebook_graph(mini_codebook)
        by_graph.extend(convert.stances_from_graph(g))
    flat = store.stances(reviewed=False)
    assert flat == by_graph
    assert any(not s.classified for s in flat) and any(s.actor_id not in mini_codebook.actors for s in flat)


def test_keeps_each_documents_cleaned_text(stored, sample_doc):
    stored, _ = stored
    assert stored.document_text(sample_doc.id) == sample_doc.text
    assert stored.document_text("not-stored") is None
