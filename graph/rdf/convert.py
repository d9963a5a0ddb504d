"""Documents and their stances to RDF (one named graph per document), and back.

The graph of a document holds: the document (a schema:NewsArticle), each stance with its
evidence span and extraction run, actors that the codebook does not know (typed, labelled)
and candidate topics. Codebook actors and topics are linked by IRI only: their triples live
in the codebook graph.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Node, URIRef
from rdflib.namespace import OWL, PROV, SDO

from ..codebook import ACTOR_KINDS, Codebook
from ..types import Document, Polarity, Stance
from . import mint
from .namespace import SG
from .namespace_gen import ontology_bytes

log = logging.getLogger(__name__)

KIND_CLASS = {kind: SG[cls] for cls, kind in ACTOR_KINDS.items()}
CLASS_KIND = {cls: kind for kind, cls in KIND_CLASS.items()}
POLARITY = {Polarity.SUPPORT: SG.Support, Polarity.OPPOSE: SG.Oppose}
PREFIXES = {"sg": SG._NS, "schema": SDO._NS, "prov": PROV._NS, "skos": SKOS._NS, "xsd": XSD._NS,
            "rdfs": RDFS._NS, "owl": OWL._NS, "id": mint.BASE}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An in-memory graph with the stancegraph prefixes bound."""
    g = Graph(identifier=identifier, bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def document_graph(doc: Document, stances: Sequence[Stance], codebook: Codebook, *,
                   extracted_with: str | None = None) -> Graph:
    """The named graph of ``doc`` (identifier ``id/graph/<doc id>``) with its stances, and
    ``extracted_with`` (what extracted them) when given.

    Stances with the same key (same actor, polarity, topic, span and extractor) share an IRI,
    so only the most confident of them is kept.

    Raises ``ValueError`` for a stance that does not fit the document or the codebook.
    """
    g = new_graph(mint.graph_iri(doc.id))
    d = mint.doc_iri(doc.id)
    g.add((d, RDF.type, SDO.NewsArticle))
    g.add((d, SDO.identifier, Literal(doc.id)))
    g.add((d, SG.contentHash, Literal(doc.sha256)))
    g.add((d, SG.length, Literal(len(doc.text))))
    g.add((d, SDO.text, Literal(doc.text)))  # the cleaned text the evidence offsets point into
    if extracted_with:
        g.add((d, SG.extractedWith, Literal(extracted_with)))
    if doc.title:
        g.add((d, SDO.headline, Literal(doc.title)))
    if doc.date and _is_iso_date(doc.date):
        g.add((d, SDO.datePublished, Literal(doc.date, datatype=XSD.date)))
    elif doc.date:
        log.warning("document %s: date %r is not YYYY-MM-DD; not stored", doc.id, doc.date)
    if doc.url:
        g.add((d, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.source:
        g.add((d, SDO.publisher, Literal(doc.source)))
    for stance in _unique(stances):
        _check(stance, doc, codebook)
        _add_stance(g, stance, d, codebook)
    return g


def _unique(stances: Iterable[Stance]) -> list[Stance]:
    """One stance per key (its IRI): of duplicates, the most confident, then the first."""
    best: dict[str, Stance] = {}
    for st in stances:
        if st.key not in best or st.confidence > best[st.key].confidence:
            best[st.key] = st
    return list(best.values())


def _is_iso_date(text: str) -> bool:
    try:
        return bool(_ISO_DATE.match(text)) and date.fromisoformat(text) is not None
    except ValueError:
        return False


def _check(stance: Stance, doc: Document, codebook: Codebook) -> None:
    where = f"document {doc.id!r}, stance {stance.key}"
    if stance.doc_id != doc.id:
        raise ValueError(f"{where}: stance belongs to document {stance.doc_id!r}")
    if not 0 <= stance.start < stance.end <= len(doc.text):
        raise ValueError(f"{where}: span {stance.start}-{stance.end} outside text of length {len(doc.text)}")
    if not 0.0 <= stance.confidence <= 1.0:
        raise ValueError(f"{where}: confidence {stance.confidence} not in 0..1")
    if stance.topic is not None and stance.topic not in codebook.topics:
        raise ValueError(f"{where}: topic {stance.topic!r} is not in codebook {codebook.iri}")


def _decimal(x: float) -> Literal:
    """An xsd:decimal that reads back as the same float (``repr`` is the shortest exact form)."""
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


def _add_stance_core(g: Graph, st: Stance, codebook: Codebook, doc: URIRef, generated_by: URIRef) -> URIRef:
    """The stance node with holder, polarity, topic, labels and its evidence: what machine and
    human stances share. Returns the stance's IRI."""
    node, ev = mint.stance_iri(st), mint.evidence_iri(st)
    g.add((node, RDF.type, SG.Stance))
    g.add((node, SG.holder, _holder(g, st, codebook)))
    g.add((node, SG.polarity, POLARITY[st.polarity]))
    g.add((node, SG.topic, _topic(g, st, codebook)))
    g.add((node, SG.confidence, _decimal(st.confidence)))
    g.add((node, SG.actorLabel, Literal(st.actor)))
    g.add((node, SG.topicLabel, Literal(st.topic_label)))
    for prop, value in ((SG.cue, st.cue), (SG.mention, st.mention), (SG.phrase, st.phrase)):
        if value:
            g.add((node, prop, Literal(value)))
    g.add((node, PROV.wasDerivedFrom, ev))
    g.add((node, PROV.wasGeneratedBy, generated_by))
    g.add((ev, RDF.type, SG.Evidence))
    g.add((ev, SG.text, Literal(st.evidence)))
    g.add((ev, SG.start, Literal(st.start)))
    g.add((ev, SG.end, Literal(st.end)))
    g.add((ev, SG.inDocument, doc))
    return node


def _add_stance(g: Graph, st: Stance, doc: URIRef, codebook: Codebook) -> None:
    run = mint.run_iri(st.extractor)
    _add_stance_core(g, st, codebook, doc, run)
    _, version = mint.split_extractor(st.extractor)
    g.add((run, RDF.type, SG.ExtractionRun))
    g.add((run, SG.extractor, Literal(st.extractor)))
    g.add((run, SG.extractorVersion, Literal(version)))


def _holder(g: Graph, st: Stance, codebook: Codebook) -> URIRef:
    known = codebook.actors.get(st.actor_id)
    if known is not None:
        return URIRef(known.iri)
    node = mint.actor_iri(st.actor_id)
    g.add((node, RDF.type, KIND_CLASS.get(st.actor_kind, SG.Actor)))
    g.add((node, RDFS.label, Literal(st.actor)))
    return node


def _topic(g: Graph, st: Stance, codebook: Codebook) -> URIRef:
    if st.topic is not None:
        return URIRef(codebook.topics[st.topic].iri)
    phrase = st.phrase or st.topic_label
    node = mint.candidate_iri(phrase)
    g.add((node, RDF.type, SG.CandidateTopic))
    g.add((node, RDFS.label, Literal(phrase)))
    return node


# --- stances made by people (reviews, imports) ---------------------------------------------

def add_human_stance(g: Graph, st: Stance, codebook: Codebook, *, activity: URIRef, agent: URIRef,
                     when: Literal, revision_of: URIRef | None = None) -> URIRef:
    """Add ``st``, coded or corrected by a person, to ``g`` (a review or import graph).

    Like a machine stance, but generated by ``activity`` (an sg:Review or sg:CodingImport),
    attributed to ``agent`` at ``when`` (an xsd:dateTime), and, for a correction, a
    ``prov:wasRevisionOf`` the machine stance. Its evidence lives in ``g`` too, so it outlives
    rebuilds of its document. Returns the stance's IRI. Raises ``ValueError`` for a topic the
    codebook does not know or a bad confidence.
    """
    if not 0.0 <= st.confidence <= 1.0:
        raise ValueError(f"stance {st.key}: confidence {st.confidence} not in 0..1")
    if st.topic is not None and st.topic not in codebook.topics:
        raise ValueError(f"stance {st.key}: topic {st.topic!r} is not in codebook {codebook.iri}")
    node = _add_stance_core(g, st, codebook, mint.doc_iri(st.doc_id), activity)
    g.add((node, PROV.wasAttributedTo, agent))
    g.add((node, PROV.generatedAtTime, when))
    if revision_of is not None:
        g.add((node, PROV.wasRevisionOf, revision_of))
    return node


# --- reading back --------------------------------------------------------------------------

def stances_from_graph(graph: Graph, codebook: Codebook | None = None) -> list[Stance]:
    """The stances in ``graph``, as :func:`document_graph` wrote them, in document order.

    Actor kinds and topic ids come from the graph (actor types, skos:notation) when it holds
    them, else from ``codebook``.
    """
    out = [_read_stance(graph, node, codebook) for node in set(graph.subjects(RDF.type, SG.Stance))]
    return sorted(out, key=lambda s: (s.doc_id, s.start, s.end, s.actor_id, s.key))


def _text(graph: Graph, node: Node, prop: URIRef) -> str:
    value = graph.value(node, prop)
    return "" if value is None else str(value)


def _read_stance(g: Graph, node: Node, codebook: Codebook | None) -> Stance:
    holder, topic = g.value(node, SG.holder), g.value(node, SG.topic)
    ev, run = g.value(node, PROV.wasDerivedFrom), g.value(node, PROV.wasGeneratedBy)
    if None in (holder, topic, ev, run):
        raise ValueError(f"stance {node} lacks a holder, topic, evidence or run")
    actor_id, kind = _read_actor(g, holder, codebook)
    values = {
        "holder": str(holder), "topic": str(topic), "polarity": str(g.value(node, SG.polarity)),
        "confidence": str(g.value(node, SG.confidence)), "doc": str(g.value(ev, SG.inDocument)),
        "start": str(g.value(ev, SG.start)), "end": str(g.value(ev, SG.end)), "text": _text(g, ev, SG.text),
        "actorLabel": _text(g, node, SG.actorLabel), "holderLabel": _text(g, holder, RDFS.label),
        "topicLabel": _text(g, node, SG.topicLabel), "topicRdfsLabel": _text(g, topic, RDFS.label),
        "cue": _text(g, node, SG.cue), "mention": _text(g, node, SG.mention), "phrase": _text(g, node, SG.phrase),
        "extractor": _text(g, run, SG.extractor) or _human_extractor(g, node, run),
    }
    return stance_from_values(values, {str(holder): [kind]},
                              {str(holder): actor_id, str(topic): _read_topic(g, topic, codebook)})


def stance_from_values(v: Mapping[str, str | None], kinds: Mapping[str, list[str]],
                       notations: Mapping[str, str]) -> Stance:
    """A stance from the flat values of one row (IRIs and lexical forms, by the names of
    ``StanceStore``'s stance query), with actor kinds and actor and topic ids by IRI. Reading a
    graph (:func:`stances_from_graph`) and reading rows from a store both end here."""
    holder, topic = v["holder"], v["topic"]
    actor_id = notations.get(holder) or mint.local_id(holder)
    kind = (kinds.get(holder) or [""])[0]
    return Stance(
        doc_id=mint.doc_id_of(v["doc"]),
        actor=v["actorLabel"] or v["holderLabel"] or actor_id,
        actor_id=actor_id,
        actor_kind=kind,
        polarity=Polarity.SUPPORT if v["polarity"] == str(SG.Support) else Polarity.OPPOSE,
        topic=None if mint.is_candidate(topic) else (notations.get(topic) or mint.local_id(topic)),
        topic_label=v["topicLabel"] or v["topicRdfsLabel"] or "",
        evidence=v["text"] or "",
        start=int(v["start"]),
        end=int(v["end"]),
        confidence=float(v["confidence"]),
        extractor=v["extractor"] or "",
        cue=v["cue"] or "",
        phrase=v["phrase"] or "",
        mention=v["mention"] or "",
    )


def _human_extractor(g: Graph, node: Node, activity: Node) -> str:
    """``human:NAME`` (a reviewer) or ``dna:NAME`` (a DNA coder) for a stance made by a person."""
    agent = g.value(node, PROV.wasAttributedTo)
    name = _text(g, agent, RDFS.label) if agent is not None else ""
    prefix = "dna" if (activity, RDF.type, SG.CodingImport) in g else "human"
    return f"{prefix}:{name or 'unknown'}"


def _read_actor(g: Graph, holder: Node, codebook: Codebook | None) -> tuple[str, str]:
    known = codebook.actor_by_iri(str(holder)) if codebook else None
    actor_id = known.id if known else (_text(g, holder, SKOS.notation) or mint.local_id(holder))
    kinds = [CLASS_KIND[t] for t in g.objects(holder, RDF.type) if t in CLASS_KIND]
    kind = kinds[0] if kinds else (known.kind if known else "")
    return actor_id, kind


def _read_topic(g: Graph, topic: Node, codebook: Codebook | None) -> str | None:
    if mint.is_candidate(topic):
        return None
    if codebook is not None:
        known = next((t for t in codebook.topics.values() if t.iri == str(topic)), None)
        if known is not None:
            return known.id
    return _text(g, topic, SKOS.notation) or mint.local_id(topic)


# --- the store's own graphs ----------------------------------------------------------------

def ontology_graph() -> Graph:
    """``ontology/stance.ttl`` as the graph ``id/graph/ontology``."""
    return new_graph(mint.ONTOLOGY_GRAPH).parse(data=ontology_bytes(), format="turtle")


def codebook_graph(codebook: Codebook) -> Graph:
    """The codebook as the graph ``id/graph/codebook``: its Turtle file when readable, else
    the triples rebuilt from the ``Codebook`` record (for codebooks made in code)."""
    g = new_graph(mint.CODEBOOK_GRAPH)
    source = Path(codebook.source) if codebook.source else None
    if source is not None and source.is_file():
        return g.parse(source, format="turtle")
    scheme = URIRef(codebook.iri)
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal(codebook.label)))
    for a in codebook.actors.values():
        node = URIRef(a.iri)
        _add_all(g, node, [(RDF.type, KIND_CLASS[a.kind]), (SKOS.inScheme, scheme),
                           (SKOS.notation, Literal(a.id)), (SKOS.prefLabel, Literal(a.label))])
        _add_all(g, node, [(SKOS.altLabel, Literal(x)) for x in a.aliases])
        _add_all(g, node, [(SG.demonym, Literal(x)) for x in a.demonyms])
        _add_all(g, node, [(OWL.sameAs, URIRef(x)) for x in a.same_as])
        if a.gender:
            g.add((node, SG.gender, Literal(a.gender)))
        if a.member_of in codebook.actors:
            g.add((node, SG.memberOf, URIRef(codebook.actors[a.member_of].iri)))
    for t in codebook.topics.values():
        node = URIRef(t.iri)
        _add_all(g, node, [(RDF.type, SKOS.Concept), (SKOS.inScheme, scheme),
                           (SKOS.notation, Literal(t.id)), (SKOS.prefLabel, Literal(t.label))])
        if t.definition:
            g.add((node, SKOS.definition, Literal(t.definition)))
        _add_all(g, node, [(SKOS.altLabel, Literal(x)) for x in t.alt_labels])
        _add_all(g, node, [(SG.contraLabel, Literal(x)) for x in t.contra_labels])
        _add_all(g, node, [(SG.ownedLabel, Literal(x)) for x in t.owned_labels])
        if t.proposed_by in codebook.actors:
            g.add((node, SG.proposedBy, URIRef(codebook.actors[t.proposed_by].iri)))
    return g


def _add_all(g: Graph, node: URIRef, pairs: Iterable[tuple[URIRef, Node]]) -> None:
    for p, o in pairs:
        g.add((node, p, o))
