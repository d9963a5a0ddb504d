"""Suggest codebook topics from unclassified candidates.

The extractor keeps a stance whose object names no codebook topic as a candidate with its
phrase ("grain import ban"). Grouping those phrases shows what the codebook is missing; the
groups can be written as SKOS concept stubs to paste into a codebook and edit.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .codebook import slug
from .types import Stance

# Modifiers that say nothing about what a phrase is about.
_FILLER = {"a", "an", "the", "any", "all", "some", "this", "that", "these", "those", "its", "their", "his", "her",
           "new", "further", "more", "current", "recent", "possible", "proposed", "so-called", "such", "other"}


@dataclass
class Suggestion:
    key: str
    phrases: dict[str, int] = field(default_factory=dict)  # phrase as written -> count
    actors: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    support: int = 0
    oppose: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return self.support + self.oppose

    @property
    def label(self) -> str:
        return max(self.phrases, key=lambda p: (self.phrases[p], -len(p)))


def phrase_key(phrase: str) -> str:
    """Group key of a phrase: lower case, fillers and numbers dropped, plural head singular.

    >>> phrase_key("the new Grain Import Bans")
    'grain import ban'
    >>> phrase_key("a $400 million aid package")
    'aid package'
    """
    words = [w for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w not in _FILLER]
    words = [w for w in words if w not in {"million", "billion", "percent"}]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def suggest_topics(stances: Iterable[Stance], min_count: int = 1, examples: int = 3) -> list[Suggestion]:
    """Unclassified candidates grouped by phrase, most frequent first."""
    groups: dict[str, Suggestion] = {}
    for s in stances:
        if s.classified:
            continue
        key = phrase_key(s.phrase or s.topic_label)
        if not key:
            continue
        g = groups.setdefault(key, Suggestion(key))
        g.phrases[s.phrase] = g.phrases.get(s.phrase, 0) + 1
        g.actors.add(s.actor)
        g.documents.add(s.doc_id)
        if s.polarity.value == "support":
            g.support += 1
        else:
            g.oppose += 1
        if len(g.examples) < examples and s.evidence not in g.examples:
            g.examples.append(s.evidence)
    out = [g for g in groups.values() if g.count >= min_count]
    return sorted(out, key=lambda g: (-g.count, -len(g.actors), g.key))


def skos_stubs(suggestions: Iterable[Suggestion], scheme_iri: str) -> str:
    """Turtle for the suggestions as SKOS concepts of ``scheme_iri``, ready to edit."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, SKOS

    g = Graph()
    g.bind("skos", SKOS)
    base = Namespace(scheme_iri.rstrip("/") + "/topic/")
    scheme = URIRef(scheme_iri)
    for s in suggestions:
        tid = slug(s.key)
        node = base[tid]
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, scheme))
        g.add((node, SKOS.notation, Literal(tid)))
        g.add((node, SKOS.prefLabel, Literal(s.label, lang="en")))
        for phrase in s.phrases:
            if phrase != s.label:
                g.add((node, SKOS.altLabel, Literal(phrase, lang="en")))
        g.add((node, SKOS.editorialNote, Literal(
            f"suggested by stancegraph from {s.count} statements ({s.support} support, {s.oppose} oppose) "
            f"by {len(s.actors)} actors in {len(s.documents)} documents", lang="en")))
    return g.serialize(format="turtle")
