"""Codebooks: the topics (SKOS concepts) and reference actors stances are coded against.

A codebook is a Turtle file (see ``ontology/codebooks/ukraine-2025.ttl``). Everything the
extractor knows about a domain -- actor aliases, demonyms, topic labels and the phrases that
evoke a topic -- comes from here, never from lists in the code.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import CodebookError

log = logging.getLogger(__name__)

SG = "https://w3id.org/stancegraph/ontology#"
DEFAULT_CODEBOOK = "ukraine-2025"
ACTOR_KINDS = {"Person": "person", "State": "state", "Organization": "organization", "Group": "group"}


@dataclass(frozen=True)
class Actor:
    id: str
    iri: str
    label: str
    kind: str  # person | state | organization | group
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    member_of: str | None = None  # actor id
    same_as: tuple[str, ...] = ()
    gender: str | None = None  # "male" | "female" for persons, used by pronoun rules

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Topic:
    id: str  # skos:notation
    iri: str
    label: str
    definition: str = ""
    alt_labels: tuple[str, ...] = ()  # phrases that evoke the topic
    contra_labels: tuple[str, ...] = ()  # phrases that evoke its opposite side ("territorial integrity")
    owned_labels: tuple[str, ...] = ()  # generic phrases that count only with an owner ("plan")
    proposed_by: str | None = None  # actor id whose proposal this topic is
    performed_by: str | None = None  # actor id whose action this topic is ("withdraw troops": Russia)
    meeting_of: tuple[str, ...] = ()  # actor ids whose meeting this topic is ("X ready to meet Y")


def _canonical(value):
    """``value`` with its mappings and its lists of strings sorted."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        items = [_canonical(v) for v in value]
        return sorted(items) if all(isinstance(v, str) for v in items) else items
    return value


@dataclass
class Codebook:
    iri: str
    label: str
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    source: str = ""
    cues: dict[str, int] = field(default_factory=dict)  # learned cue lemmas -> +1 / -1 (lessons)

    @property
    def digest(self) -> str:
        """SHA-256 of what the codebook says (actors, topics, labels; not where it was read
        from), the same in every process: a build extracts again when it changes."""
        content = asdict(self)
        content.pop("source")
        if not content["cues"]:
            content.pop("cues")  # a codebook without learned cues keeps the digest it had
        return hashlib.sha256(json.dumps(_canonical(content), ensure_ascii=False).encode("utf-8")).hexdigest()

    def actor_by_iri(self, iri: str) -> Actor | None:
        return next((a for a in self.actors.values() if a.iri == iri), None)

    def lineage(self, actor_id: str) -> list[str]:
        """The actor and the groups it belongs to, innermost first (cycles cut)."""
        out: list[str] = []
        while actor_id and actor_id not in out:
            out.append(actor_id)
            actor = self.actors.get(actor_id)
            actor_id = actor.member_of if actor else None
        return out


def slug(text: str) -> str:
    """An ASCII id for a name the codebook does not know: 'Recep Tayyip Erdoğan' -> 'recep_tayyip_erdogan'."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s or "unknown"


def default_codebook_path():
    return resources.files("stancegraph.ontology") / "codebooks" / f"{DEFAULT_CODEBOOK}.ttl"


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read a codebook from Turtle; ``None`` gives the packaged default."""
    if path is None:
        return _load_default()
    return _parse(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> Codebook:
    return _parse(default_codebook_path())


def _parse(path) -> Codebook:
    from rdflib import OWL, RDF, SKOS, Graph, Literal, Namespace, URIRef

    sg = Namespace(SG)
    g = Graph()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read codebook ({exc.strerror or exc})") from exc
    from .codebook_check import graph_problems, syntax_problem

    text = data.decode("utf-8", errors="replace")
    try:
        g.parse(data=data, format="turtle")
    except Exception as exc:  # rdflib raises many kinds
        raise CodebookError.of(path, [syntax_problem(exc, text)]) from exc
    found = graph_problems(g, text)
    if found:
        raise CodebookError.of(path, found)

    def lits(s, p) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal)))

    def one(s, p) -> str:
        vals = lits(s, p)
        en = [str(o) for o in g.objects(s, p) if isinstance(o, Literal) and o.language in (None, "en")]
        return (en or list(vals) or [""])[0]

    schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
    if not schemes:
        raise CodebookError(f"{path}: no skos:ConceptScheme in codebook")
    scheme = schemes[0]
    book = Codebook(iri=str(scheme), label=one(scheme, SKOS.prefLabel) or str(scheme), source=str(path))

    ids_by_iri: dict[URIRef, str] = {}
    for cls, kind in ACTOR_KINDS.items():
        for s in g.subjects(RDF.type, sg[cls]):
            ids_by_iri[s] = one(s, SKOS.notation) or slug(str(s).rsplit("/", 1)[-1])
    for s, aid in ids_by_iri.items():
        kind = next(k for c, k in ACTOR_KINDS.items() if (s, RDF.type, sg[c]) in g)
        parent = g.value(s, sg.memberOf)
        book.actors[aid] = Actor(
            id=aid, iri=str(s), label=one(s, SKOS.prefLabel) or aid, kind=kind,
            aliases=lits(s, SKOS.altLabel), demonyms=lits(s, sg.demonym),
            member_of=ids_by_iri.get(parent) if parent is not None else None,
            same_as=tuple(sorted(str(o) for o in g.objects(s, OWL.sameAs))),
            gender=one(s, sg.gender) or None,
        )
    for s in g.subjects(RDF.type, SKOS.Concept):
        tid = one(s, SKOS.notation)
        if not tid:
            raise CodebookError(f"{path}: topic {s} has no skos:notation")
        proposer = g.value(s, sg.proposedBy)
        agent = g.value(s, sg.performedBy)
        book.topics[tid] = Topic(
            id=tid, iri=str(s), label=one(s, SKOS.prefLabel) or tid, definition=one(s, SKOS.definition),
            alt_labels=lits(s, SKOS.altLabel), contra_labels=lits(s, sg.contraLabel),
            owned_labels=lits(s, sg.ownedLabel),
            proposed_by=ids_by_iri.get(proposer) if proposer is not None else None,
            performed_by=ids_by_iri.get(agent) if agent is not None else None,
            meeting_of=tuple(sorted(ids_by_iri[o] for o in g.objects(s, sg.meetingOf) if o in ids_by_iri)),
        )
    if not book.topics:
        raise CodebookError(f"{path}: codebook has no topics (skos:Concept with skos:notation)")
    log.debug("codebook %s: %d actors, %d topics", path, len(book.actors), len(book.topics))
    return book
