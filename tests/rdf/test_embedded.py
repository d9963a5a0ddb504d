"""The embedded backend (Oxigraph in process): opening a folder, memory, read-only workers,
and its own speed-ups (DROPs only for held graphs, bulk loading, compaction after large writes).
What every backend does is tested in test_store.py."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Literal
from stancegraph.codebook import load_codebook
from stancegraph.errors import QueryError, StoreError
from stancegraph.rdf import embedded, sparql
from stancegraph.rdf import store as store_mod
from stancegraph.rdf.embedded import EmbeddedBackend
from stancegraph.rdf.store import StanceStore

from conftest import make_toy_items

from .test_convert import assert_same_stances


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
        assert isinstance(s.backend, EmbeddedBackend) and s.path is None
        s.replace_documents([(sample_doc, sample_stances)], mini_codebook)
        assert_same_stances(s.stances(), sample_stances)


def test_read_only_store_reads_beside_a_closed_writer(toy_store_dir, toy_store):
    with StanceStore.read_only(toy_store_dir) as a, StanceStore.read_only(toy_store_dir) as b:
        assert a.stances() == b.stances() == toy_store.stances()


def test_a_bound_variable_must_be_projected(toy_store):
    with pytest.raises(QueryError, match="add bound variables to the SELECT clause"):
        toy_store.query("SELECT ?s WHERE { ?s sg:cue ?cue }", {"cue": Literal("x")})


def test_rdflib_view(toy_store):
    assert len(list(toy_store.dataset.quads((None, None, None, None)))) == len(toy_store)


def test_doctests():
    import doctest

    assert doctest.testmod(store_mod).failed == 0


def test_drops_only_graphs_it_holds(tmp_path, monkeypatch):
    """A DROP costs on disk even for a graph that is not there: the first write of a document has none."""
    requests = []
    real = EmbeddedBackend.update
    monkeypatch.setattr(EmbeddedBackend, "update", lambda self, r, **kw: (requests.append(r), real(self, r, **kw)))
    codebook = load_codebook()
    items = make_toy_items(codebook)
    with StanceStore.open(tmp_path / "s") as store:
        store.replace_documents(items[:1], codebook)
        store.replace_documents(items, codebook, force=True)
    first, second = requests
    assert "DROP" not in first
    assert second.count("DROP SILENT GRAPH") == 2 + 1  # ontology, codebook, toy-1; not toy-2 or toy-3


def test_load_into_an_empty_folder_goes_through_the_bulk_loader(tmp_path, toy_store, monkeypatch):
    dump = toy_store.export("nquads", tmp_path / "shared.nq")
    updates = []
    monkeypatch.setattr(EmbeddedBackend, "update", lambda self, r, **kw: updates.append(r))
    with StanceStore.open(tmp_path / "s") as store:
        store.load(dump)
        assert updates == [] and store.stances() == toy_store.stances()


@pytest.mark.parametrize("where", ["disk", "memory"])
def test_compacts_after_large_writes_on_disk(tmp_path, toy_store, monkeypatch, where):
    """On disk, ``optimize()`` runs once OPTIMIZE_AFTER quads were written, then after as many
    quads as were written before (a long build compacts a few times, not every batch), and on
    close for the rest; a load through the bulk loader counts too. Never in memory."""
    calls = []
    real = EmbeddedBackend.optimize
    monkeypatch.setattr(EmbeddedBackend, "optimize", lambda self: (calls.append(self._unoptimized), real(self)))
    quads = len(toy_store)  # what one write of the toy documents writes
    monkeypatch.setattr(embedded, "OPTIMIZE_AFTER", quads)
    codebook = load_codebook()
    items = make_toy_items(codebook)
    with StanceStore.open(tmp_path / "s" if where == "disk" else None) as store:
        for _ in range(5):
            store.replace_documents(items, codebook, force=True)
        assert calls == ([quads, quads, 2 * quads] if where == "disk" else [])
    assert calls == ([quads, quads, 2 * quads, quads] if where == "disk" else [])  # the fifth write, on close
    calls.clear()
    dump = toy_store.export("nquads", tmp_path / "shared.nq")
    with StanceStore.open(tmp_path / "bulk" if where == "disk" else None) as store:
        store.load(dump)  # through the bulk loader
        assert calls == ([quads] if where == "disk" else [])
        assert store.stances() == toy_store.stances()


def test_optimize_keeps_the_data(tmp_path, toy_store):
    codebook = load_codebook()
    with StanceStore.open(tmp_path / "s") as store:
        store.replace_documents(make_toy_items(codebook), codebook)
        store.backend.optimize()
        assert store.stances() == toy_store.stances()
    with StanceStore.open(tmp_path / "s") as store:
        assert store.stances() == toy_store.stances() and len(store) == len(toy_store)


def test_shared_sparql_is_the_only_sparql():
    """The store and its backends read and write with the shared text of rdf/sparql.py: no
    string in their code (docstrings aside) is a query or an update of their own."""
    import ast
    import inspect
    import re

    from stancegraph.rdf import remote

    SPARQL = re.compile(r"\b(SELECT\s+[?*(]|CONSTRUCT\s*\{|INSERT\s+DATA|DROP\s+(SILENT|GRAPH|ALL))")
    for module in (store_mod, embedded, remote):
        tree = ast.parse(inspect.getsource(module))
        docs = {id(node.body[0].value) for node in ast.walk(tree)
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and id(n) not in docs]
        assert not [t for t in strings if SPARQL.search(t)], module.__name__
    assert "SELECT" in sparql.STANCE_ROWS
