"""The SPARQL text :class:`~stancegraph.rdf.store.StanceStore` reads and writes with, shared by
every backend (embedded Oxigraph, a SPARQL server): the read queries, and the update requests
that replace named graphs.

Queries run over the union of all graphs; parameters (``?g`` for one document's graph) are bound
by the backend (Oxigraph substitutes them, a server gets a ``VALUES`` block), never formatted in.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SDO

from . import convert, mint, terms

PREFIXES = {"sg": str(convert.SG._NS), "prov": "http://www.w3.org/ns/prov#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#"}
_PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

# the named graphs of documents (not the codebook's, the ontology's, reviews or imports)
DOCUMENT_GRAPH = (f'STRSTARTS(STR(?g), "{mint.BASE}graph/") '
                  f"&& ?g NOT IN ({mint.CODEBOOK_GRAPH.n3()}, {mint.ONTOLOGY_GRAPH.n3()})")

GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
# the triples of one named graph: bind ?g
GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

# every triple of the document graphs once, sorted so that Turtle groups each subject's triples
DOCUMENT_TRIPLES = f"""
CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({DOCUMENT_GRAPH}) }} ORDER BY ?s ?p ?o }}
}}"""

# a document's cleaned text (the one evidence offsets point into): bind ?g and ?d
DOCUMENT_TEXT = f"SELECT ?g ?d ?t WHERE {{ GRAPH ?g {{ ?d {SDO.text.n3()} ?t }} }}"

# each document graph's content hash and what it was extracted with
VERSIONS = _PROLOGUE + """SELECT ?g ?h ?w WHERE { GRAPH ?g { ?d sg:contentHash ?h
  OPTIONAL { ?d sg:extractedWith ?w } } }"""

STANCE_FIELDS = ("holder", "polarity", "topic", "confidence", "actorLabel", "holderLabel", "topicLabel",
                 "topicRdfsLabel", "cue", "mention", "phrase", "text", "start", "end", "doc", "extractor")
# one row per machine stance (more only if its holder or candidate topic has several labels);
# bind ?g for one document's
STANCE_ROWS = _PROLOGUE + f"""
SELECT ?g ?stance {" ".join("?" + f for f in STANCE_FIELDS)} WHERE {{
  GRAPH ?g {{
    ?stance a sg:Stance ; sg:holder ?holder ; sg:polarity ?polarity ; sg:topic ?topic ; sg:confidence ?confidence ;
            prov:wasDerivedFrom ?ev ; prov:wasGeneratedBy ?run .
    ?ev sg:text ?text ; sg:start ?start ; sg:end ?end ; sg:inDocument ?doc .
    OPTIONAL {{ ?run sg:extractor ?extractor }}
    OPTIONAL {{ ?stance sg:actorLabel ?actorLabel }}
    OPTIONAL {{ ?stance sg:topicLabel ?topicLabel }}
    OPTIONAL {{ ?stance sg:cue ?cue }}
    OPTIONAL {{ ?stance sg:mention ?mention }}
    OPTIONAL {{ ?stance sg:phrase ?phrase }}
    OPTIONAL {{ ?holder rdfs:label ?holderLabel }}
    OPTIONAL {{ ?topic rdfs:label ?topicRdfsLabel }}
  }}
  FILTER({DOCUMENT_GRAPH})
}}"""

# actor and topic ids and kinds: from the codebook graph, and from document graphs for new actors
TERM_INFO = _PROLOGUE + f"""
SELECT DISTINCT ?x ?notation ?kind WHERE {{
  {{ GRAPH {mint.CODEBOOK_GRAPH.n3()} {{ ?x skos:notation ?notation . OPTIONAL {{ ?x a ?kind }} }} }}
  UNION
  {{ GRAPH ?g {{ ?s sg:holder ?x . ?x a ?kind }} FILTER({DOCUMENT_GRAPH}) }}
}} ORDER BY ?x ?kind"""

# the codebook's ids and kinds, to read human stances with
CODEBOOK_VIEW = _PROLOGUE + f"""
CONSTRUCT {{ ?x a ?kind ; skos:notation ?id }}
WHERE {{ GRAPH {mint.CODEBOOK_GRAPH.n3()} {{ ?x skos:notation ?id . OPTIONAL {{ ?x a ?kind }} }} }}"""

# --- human decisions (reviews, imports) --------------------------------------------------------

DECISIONS = _PROLOGUE + """
SELECT ?d ?on ?verdict ?time WHERE {
  ?d a sg:Decision ; sg:decisionOn ?on ; sg:verdict ?verdict ; prov:generatedAtTime ?time .
}"""
HUMAN_GRAPHS = _PROLOGUE + """
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?activity a ?kind } VALUES ?kind { sg:Review sg:CodingImport } }"""
REJECTED = _PROLOGUE + f"""
SELECT ?s WHERE {{ GRAPH {mint.REVIEW_STATUS_GRAPH.n3()} {{ ?s sg:reviewStatus sg:Rejected }} }}"""


# --- writing ---------------------------------------------------------------------------------

def replace_graph(g: Graph, *, drop: bool = True) -> str:
    """SPARQL update operations that replace the named graph ``g`` by its triples. ``drop=False``
    for a graph the store does not hold: a DROP costs on disk even then (measured: half the
    time of a first build's writes)."""
    name = terms.nt(g.identifier)
    body = "\n".join(f"{terms.nt(s)} {terms.nt(p)} {terms.nt(o)} ." for s, p, o in g)
    insert = f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
    return f"DROP SILENT GRAPH {name} ;\n{insert}" if drop else insert


def replace_graphs(graphs: Iterable[Graph], held: Callable[[str], bool]) -> str:
    """One update request that replaces each graph of ``graphs``; ``held(name)`` tells whether
    the store may hold that graph already (a DROP is written for it)."""
    return " ;\n".join(replace_graph(g, drop=held(str(g.identifier))) for g in graphs)


def load_request(staged: ox.Store, names: list[ox.NamedNode], held: Callable[[str], bool]) -> str:
    """One update request that replaces each graph of ``names`` by its triples in ``staged``."""
    ops = []
    for g in names:
        body = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8")
        insert = f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"
        ops.append(f"DROP SILENT GRAPH {g} ;\n{insert}" if held(g.value) else insert)
    return " ;\n".join(ops)
