"""The library's main jobs: the summary of a build, and the whole pipeline on one article
against a golden graph (tests/data/golden/pipeline_article.{txt,ttl})."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from stancegraph import __version__, pipeline
from stancegraph.rdf.namespace import SG
from stancegraph.types import Polarity

GOLDEN = Path(__file__).parent / "data" / "golden"
VERSION = "{stancegraph version}"


def test_summary_counts_classified_statements_per_actor(sample_stances, tmp_path):
    """The EU's stance has no codebook topic (a candidate): it is not counted."""
    report = pipeline.BuildReport(out_dir=tmp_path, store_dir=tmp_path / "store", stances=sample_stances * 2)
    assert report.summary() == [
        ("Recep Tayyip Erdoğan", 2, 0, 1),
        ("Volodymyr Zelenskyy", 0, 2, 1),
    ]
    assert sample_stances[0].polarity is Polarity.OPPOSE


def test_write_outputs_writes_stances_candidates_graph_and_map(sample_doc, sample_stances, mini_codebook, tmp_path):
    from stancegraph.rdf.store import StanceStore

    with StanceStore.open(None) as store:
        store.replace_documents([(sample_doc, sample_stances)], mini_codebook)
        outputs = pipeline.write_outputs(store, store.stances(), tmp_path, mini_codebook)
    assert sorted(outputs) == ["candidates", "html", "jsonl", "ttl"]
    assert len(outputs["jsonl"].read_text(encoding="utf-8").splitlines()) == 2
    assert "20-point plan" in outputs["candidates"].read_text(encoding="utf-8")
    assert "Erdoğan" in outputs["html"].read_text(encoding="utf-8")
    assert len(set(Graph().parse(outputs["ttl"]).subjects(RDF.type, SG.Stance))) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "candidates.jsonl", "stances.html", "stances.jsonl", "stances.ttl"]


def test_write_outputs_is_all_or_nothing(sample_doc, sample_stances, mini_codebook, tmp_path, monkeypatch):
    import stancegraph.viz.html
    from stancegraph.rdf.store import StanceStore

    (tmp_path / "stances.jsonl").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(stancegraph.viz.html, "write_stance_map", _raise_oserror)
    with StanceStore.open(None) as store, pytest.raises(OSError):
        pipeline.write_outputs(store, sample_stances, tmp_path, mini_codebook)
    assert [p.name for p in tmp_path.iterdir()] == ["stances.jsonl"]
    assert (tmp_path / "stances.jsonl").read_text(encoding="utf-8") == "old\n"


def _raise_oserror(*args, **kwargs):
    raise OSError("disk full")


# --- golden: the whole pipeline on one article ---------------------------------------------

def unversioned(graph: Graph) -> Graph:
    """``graph`` with the package version written as a placeholder wherever it occurs, so the
    golden file does not change with each release (the extractor's own version, ``v1``, stays)."""
    def fix(term):
        if isinstance(term, URIRef) and __version__ in term:
            return URIRef(term.replace(__version__, VERSION))
        if isinstance(term, Literal) and __version__ in str(term):
            return Literal(str(term).replace(__version__, VERSION), lang=term.language, datatype=term.datatype)
        return term

    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    for triple in graph:
        out.add(tuple(fix(t) for t in triple))
    return out


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Equal up to blank node names; on failure, print the triples only in one of them."""
    iso_e, iso_a = to_isomorphic(expected), to_isomorphic(actual)
    if iso_e != iso_a:
        _, only_e, only_a = graph_diff(iso_e, iso_a)
        lines = lambda g: "\n".join(sorted(" ".join(t.n3() for t in triple) for triple in g))  # noqa: E731
        pytest.fail(f"graphs differ (STANCEGRAPH_REGOLD=1 rewrites the golden file; review its diff)\n"
                    f"only in expected:\n{lines(only_e)}\nonly in actual:\n{lines(only_a)}")


@pytest.mark.model
def test_pipeline_golden(tmp_path):
    """``build`` of pipeline_article.txt gives the graph in pipeline_article.ttl.

    Set STANCEGRAPH_REGOLD=1 to rewrite it after an intended change (then review the diff).
    """
    report = pipeline.build([GOLDEN / "pipeline_article.txt"], out_dir=tmp_path / "out")
    assert report.written == ["pipeline_article"] and not report.errors
    actual = unversioned(Graph().parse(report.outputs["ttl"], format="turtle"))
    path = GOLDEN / "pipeline_article.ttl"
    if os.environ.get("STANCEGRAPH_REGOLD"):
        actual.serialize(path, format="turtle")
    assert_isomorphic(Graph().parse(path, format="turtle"), actual)


def test_unversioned_replaces_the_package_version():
    g = Graph()
    g.add((URIRef(f"https://example.org/run/{__version__}"), URIRef("https://example.org/v"), Literal(__version__)))
    [(s, _, o)] = list(unversioned(g))
    assert __version__ not in s and str(o) == VERSION
