"""The one place that mints stancegraph IRIs for data (documents, stances, actors...).

Every id is percent-encoded as one path segment (only RFC 3986 unreserved characters are
kept), so any string gives a valid absolute IRI and the ids of documents, actors, stances
and runs read back unchanged:

>>> doc_iri("000_bbd5")
rdflib.term.URIRef('https://w3id.org/stancegraph/id/doc/000_bbd5')
>>> doc_iri("a b/c")
rdflib.term.URIRef('https://w3id.org/stancegraph/id/doc/a%20b%2Fc')
>>> doc_id_of(doc_iri("a b/c"))
'a b/c'
>>> candidate_iri("Kyiv's 20-point plan")
rdflib.term.URIRef('https://w3id.org/stancegraph/id/candidate/kyiv_s_20_point_plan')
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from ..codebook import slug
from ..types import Stance

BASE = "https://w3id.org/stancegraph/id/"
CODEBOOK_GRAPH = URIRef(BASE + "graph/codebook")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")

_RESERVED_GRAPHS = {"codebook", "ontology"}
_VERSIONED = re.compile(r"^(?P<name>.+?)(?:@(?P<at>[^@]+)|\.(?P<v>v\d+(?:\.\d+)*))$")


def segment(text: str) -> str:
    """``text`` as one IRI path segment; ``unquote`` gives it back.

    >>> segment("naïve id/1")
    'na%C3%AFve%20id%2F1'
    """
    if not text:
        raise ValueError("cannot mint an IRI from an empty id")
    out = quote(text, safe="-._~")
    if out in (".", ".."):  # dot segments would be removed by IRI normalisation
        out = out.replace(".", "%2E")
    return out


def _tail(iri: str, kind: str) -> str:
    prefix = BASE + kind + "/"
    if not str(iri).startswith(prefix):
        raise ValueError(f"not a stancegraph {kind} IRI: {iri}")
    return str(iri)[len(prefix):]


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(BASE + "doc/" + segment(doc_id))


def doc_id_of(iri: str) -> str:
    return unquote(_tail(iri, "doc"))


def graph_iri(doc_id: str) -> URIRef:
    """The named graph holding one document's triples."""
    if doc_id in _RESERVED_GRAPHS:
        raise ValueError(f"document id {doc_id!r} is reserved for the store's own graphs")
    return URIRef(BASE + "graph/" + segment(doc_id))


def graph_doc_id(iri: str) -> str | None:
    """The document id of a document graph; ``None`` for the codebook and ontology graphs."""
    tail = unquote(_tail(iri, "graph"))
    return None if tail in _RESERVED_GRAPHS else tail


def stance_iri(stance: Stance) -> URIRef:
    return URIRef(BASE + "stance/" + segment(stance.doc_id) + "/" + stance.key)


def evidence_iri(stance: Stance) -> URIRef:
    return URIRef(BASE + "evidence/" + segment(stance.doc_id) + "/" + stance.key)


def split_extractor(extractor: str) -> tuple[str, str]:
    """An extractor's name and version: ``stancegraph.rules.v1`` -> ``("stancegraph.rules", "v1")``.

    ``name@version`` also works; a name without a version gets ``"unversioned"``.

    >>> split_extractor("llm@2025-01")
    ('llm', '2025-01')
    >>> split_extractor("custom")
    ('custom', 'unversioned')
    """
    m = _VERSIONED.match(extractor)
    if not m:
        return extractor, "unversioned"
    return m["name"], m["at"] or m["v"]


def run_iri(extractor: str) -> URIRef:
    name, version = split_extractor(extractor)
    return URIRef(BASE + "run/" + segment(name) + "/" + segment(version))


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor that no codebook knows."""
    return URIRef(BASE + "actor/" + segment(actor_id))


def local_id(iri: str) -> str:
    """The id of a minted or codebook actor or topic IRI (its last path segment, decoded)."""
    return unquote(str(iri).rsplit("/", 1)[-1])


def candidate_iri(phrase: str) -> URIRef:
    """The topic node of an unclassified stance; equal phrases up to case and accents share it."""
    return URIRef(BASE + "candidate/" + slug(phrase))


def is_candidate(iri: str) -> bool:
    return str(iri).startswith(BASE + "candidate/")


# --- human coding: reviews, imports, the people who made them -----------------------------

REVIEW_STATUS_GRAPH = URIRef(BASE + "review/status")
_HUMAN_GRAPHS = (BASE + "review/", BASE + "import/")


def stance_iri_of(doc_id: str, key: str) -> URIRef:
    """The IRI of the stance with ``key`` (:attr:`Stance.key`) in document ``doc_id``."""
    return URIRef(BASE + "stance/" + segment(doc_id) + "/" + segment(key))


def stance_key_of(iri: str) -> tuple[str, str]:
    """``(doc_id, key)`` of a stance IRI; the inverse of :func:`stance_iri_of`.

    >>> stance_key_of(stance_iri_of("a b/c", "0123abcd"))
    ('a b/c', '0123abcd')
    """
    doc, _, key = _tail(iri, "stance").rpartition("/")
    return unquote(doc), unquote(key)


def review_iri(batch: str) -> URIRef:
    """A review (one applied review file): the activity, and the named graph of its decisions."""
    return URIRef(BASE + "review/" + segment(batch))


def import_iri(batch: str) -> URIRef:
    """An import of hand-coded stances (a DNA database): the activity and its named graph."""
    return URIRef(BASE + "import/" + segment(batch))


def decision_iri(batch: str, n: int) -> URIRef:
    return URIRef(BASE + "decision/" + segment(batch) + "/" + str(n))


def agent_iri(kind: str, name: str) -> URIRef:
    """A person who coded or reviewed stances: ``kind`` is ``reviewer`` or ``dna-coder``."""
    return URIRef(BASE + "agent/" + segment(kind) + "/" + segment(name))


def is_human_graph(iri: str) -> bool:
    """Whether a named graph holds human decisions or stances (a review or an import)."""
    return str(iri).startswith(_HUMAN_GRAPHS) and URIRef(str(iri)) != REVIEW_STATUS_GRAPH
