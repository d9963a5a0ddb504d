"""SHACL validation of stancegraph graphs against ``ontology/shapes.ttl`` (needs pyshacl)."""
from __future__ import annotations

from rdflib import Graph

from ..codebook import Codebook
from ..errors import StanceGraphError
from . import convert
from .namespace_gen import ontology_bytes


def shapes_graph() -> Graph:
    return Graph().parse(data=ontology_bytes("shapes.ttl"), format="turtle")


def validate(data: Graph, codebook: Codebook | None = None) -> tuple[bool, str]:
    """Whether ``data`` (with the codebook's graph, where its actors and topics are typed)
    conforms to the shapes, and pyshacl's text report."""
    try:
        import pyshacl
    except ImportError as exc:
        raise StanceGraphError("SHACL validation needs pyshacl: pip install 'stancegraph[dev]'") from exc
    graph = Graph()
    graph += data
    if codebook is not None:
        graph += convert.codebook_graph(codebook)
    conforms, _, text = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), ont_graph=convert.ontology_graph(), inference="none"
    )
    return bool(conforms), str(text)
