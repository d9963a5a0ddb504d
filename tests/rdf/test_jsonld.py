"""JSON-LD exports are compacted with the published context, named by IRI, and read back whole."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic
from stancegraph.rdf import jsonld


def named_graphs(ds: Dataset) -> dict[URIRef, set]:
    return {g.identifier: g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture
def exported(cli, toy_store_dir, tmp_path):
    dest = tmp_path / "stances.jsonld"
    run = cli("export", "--format", "jsonld", "--store", toy_store_dir, "-o", dest)
    assert run.exit_code == 0, run.stderr
    return dest


def test_context_is_shipped_and_covers_the_stance_terms():
    ctx = jsonld.context()
    assert ctx["sg"] == "https://w3id.org/stancegraph/ontology#"
    assert ctx["holder"] == {"@id": "sg:holder", "@type": "@id"}
    assert ctx["datePublished"]["@type"] == "xsd:date"


def test_export_names_the_context_by_iri_and_is_compact(exported):
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["@context"] == jsonld.CONTEXT_IRI
    nodes = [n for g in doc["@graph"] for n in g.get("@graph", [])]
    stance = next(n for n in nodes if n.get("@type") == "Stance")
    assert {"holder", "polarity", "topic", "confidence", "wasDerivedFrom"} <= set(stance)
    ours = [n for n in nodes if n.get("@type") in ("Stance", "Evidence", "NewsArticle", "ExtractionRun")]
    assert ours and not any(key.startswith("http") for n in ours for key in n)
    article = next(n for n in nodes if n.get("@type") == "NewsArticle" and "datePublished" in n)
    assert article["datePublished"] in ("2025-03-01", "2025-03-05")


def test_export_round_trips(exported, cli, toy_store_dir):
    back = named_graphs(jsonld.read_jsonld(exported))
    trig = Dataset().parse(data=cli("export", "--format", "trig", "--store", toy_store_dir).stdout, format="trig")
    expected = named_graphs(trig)
    assert set(back) == set(expected)
    for name, g in expected.items():
        assert isomorphic(back[name], g), name


def test_stdout_export(cli, toy_store_dir):
    run = cli("export", "--format", "jsonld", "--store", toy_store_dir)
    assert run.exit_code == 0 and json.loads(run.stdout)["@context"] == jsonld.CONTEXT_IRI
