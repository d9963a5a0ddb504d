"""Reading the human decisions a store holds, to apply them to the machine stances.

Reviews (:mod:`stancegraph.review`) and coding imports (:mod:`stancegraph.dna`) write named
graphs of their own; the store reads them here, through its SPARQL (:mod:`.sparql`), whatever
its backend: which stances a reviewer rejected (the status graph), and which stances people
added or corrected. :meth:`StanceStore.stances` applies them; this module does not import
the store (it gets one), and the modules that write decisions import the store.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from rdflib import Graph, URIRef
from rdflib.query import Result

from ..types import Stance
from . import convert, mint, sparql

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from rdflib.term import Identifier


class Queryable(Protocol):
    """What reading decisions needs of a store: :meth:`StanceStore.query`."""

    def query(self, text: str, bindings: "Mapping[str, Identifier] | None" = None) -> Result: ...


def human_graphs(store: Queryable) -> list[URIRef]:
    """The named graphs of reviews and imports (found by their activity, not by scanning stances), sorted."""
    return sorted(URIRef(str(r["g"])) for r in store.query(sparql.HUMAN_GRAPHS) if mint.is_human_graph(r["g"]))


def rejected(store: Queryable) -> set[URIRef]:
    """The stances whose latest review decision rejected them."""
    return {URIRef(str(r["s"])) for r in store.query(sparql.REJECTED)}


def human_stances(store: Queryable, codebook_view: Graph | Callable[[], Graph] | None = None) -> list[Stance]:
    """Every stance people added or corrected (reviews, imports), rejected ones included; read
    with ``codebook_view`` (actor and topic ids and kinds; a function gives it when needed)."""
    out: dict[URIRef, Stance] = {}
    for name in human_graphs(store):
        if callable(codebook_view):
            codebook_view = codebook_view()
        g = Graph()
        g += store.query(sparql.GRAPH_TRIPLES, {"g": name}).graph
        if codebook_view is not None:
            g += codebook_view
        for s in convert.stances_from_graph(g):
            out.setdefault(mint.stance_iri(s), s)
    return list(out.values())


def apply_reviews(store: Queryable, stances: list[Stance], *, doc_id: str | None = None) -> list[Stance]:
    """``stances`` (machine stances of ``doc_id``, or of all documents) with the human decisions
    applied: rejected stances left out, human-coded stances of the same documents added (read
    with the codebook's ids and kinds; the codebook graph is read only when there are some)."""
    gone = rejected(store)
    humans = human_stances(store, lambda: store.query(sparql.CODEBOOK_VIEW).graph)
    if not humans and not gone:
        return stances
    merged = {mint.stance_iri(s): s for s in stances}
    for s in humans:
        if doc_id is None or s.doc_id == doc_id:
            merged.setdefault(mint.stance_iri(s), s)
    kept = [s for iri, s in merged.items() if iri not in gone]
    return sorted(kept, key=lambda s: (s.doc_id, s.start, s.end, s.actor_id, s.key))
