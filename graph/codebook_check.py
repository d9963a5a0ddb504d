"""What is wrong with a codebook, each problem on a line with where it is.

A codebook written by hand goes wrong in quiet ways: a misspelt class (``sg:person``) drops the
actor, ``sg:memberOf`` pointing at an actor that is not defined drops the lineage, two actors
sharing an alias make the extractor pick one at random. :func:`problems` finds these on the
parsed graph, with the line of the source where the term stands:

* Turtle that does not parse (its line, what the parser expected, and the line's text);
* terms in the ``sg:`` namespace that the ontology does not define (classes and properties),
  with the nearest defined term;
* ``sg:memberOf``, ``sg:proposedBy``, ``sg:performedBy`` and ``sg:meetingOf`` that point at no actor of the codebook;
* topics (``skos:Concept``) without ``skos:prefLabel`` or ``skos:notation``, and two topics with one notation;
* subjects that carry actor properties but none of the actor classes;
* ``sg:gender`` other than ``"male"`` or ``"female"``;
* one alias (label or ``skos:altLabel``, case and spaces aside) on two actors.

``stancegraph codebook check FILE`` prints them; loading a codebook refuses one that has any.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

SG = "https://w3id.org/stancegraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ACTOR_CLASSES = ("State", "Person", "Group", "Organization")
ACTOR_PROPERTIES = ("demonym", "gender", "memberOf")
REFERENCES = ("memberOf", "proposedBy", "performedBy", "meetingOf")


@dataclass(frozen=True, order=True)
class Problem:
    line: int  # 1-based; 0 when the line is not known
    message: str

    def render(self, path: str | Path) -> str:
        return f"{path}:{self.line}: {self.message}" if self.line else f"{path}: {self.message}"


def problems(path: str | Path, data: bytes | None = None) -> list[Problem]:
    """Every problem of the codebook at ``path`` (read unless ``data`` is given), by line."""
    from rdflib import Graph

    data = Path(path).read_bytes() if data is None else data
    text = data.decode("utf-8", errors="replace")
    g = Graph()
    try:
        g.parse(data=data, format="turtle")
    except Exception as exc:  # rdflib raises many kinds for bad Turtle
        return [syntax_problem(exc, text)]
    return graph_problems(g, text)


def graph_problems(g, text: str) -> list[Problem]:
    """The problems of the parsed codebook ``g`` whose Turtle source is ``text``."""
    return sorted(set(_term_problems(g, text) + _reference_problems(g, text) + _topic_problems(g, text)
                      + _actor_problems(g, text)))


def syntax_problem(exc: Exception, text: str) -> Problem:
    raw = str(exc)
    m = re.search(r"at line (\d+)", raw)
    line = int(m[1]) if m else getattr(exc, "lines", 0) or 0
    why = getattr(exc, "_why", None) or (raw.splitlines()[1] if len(raw.splitlines()) > 1 else raw)
    why = re.sub(r"^Bad syntax \((.*)\) at \^ in:$", r"\1", why.strip())
    lines = text.splitlines()
    shown = f"; the line reads: {lines[line - 1].strip()[:80]!r}" if 0 < line <= len(lines) else ""
    return Problem(line, f"not valid Turtle: {why}{shown}")


def _defined_terms() -> set[str]:
    from .rdf.namespace import SG as NS

    return {name for name in NS.__annotations__}


def _term_problems(g, text: str) -> list[Problem]:
    from rdflib import URIRef

    defined = _defined_terms()
    out = []
    seen: set[str] = set()
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(SG) and str(term) not in seen:
                seen.add(str(term))
                local = str(term)[len(SG):]
                if local not in defined:
                    near = difflib.get_close_matches(local, defined, n=1, cutoff=0.6) or \
                        [d for d in defined if d.lower() == local.lower()]
                    hint = f" (did you mean sg:{near[0]}?)" if near else ""
                    out.append(Problem(_line_of(g, text, term), f"unknown term sg:{local}: the stancegraph "
                                       f"ontology defines no such class or property{hint}"))
    return out


def _actors(g) -> set:
    from rdflib import RDF, URIRef

    return {s for c in ACTOR_CLASSES for s in g.subjects(RDF.type, URIRef(SG + c))}


def _reference_problems(g, text: str) -> list[Problem]:
    from rdflib import URIRef

    actors = _actors(g)
    out = []
    for prop in REFERENCES:
        for s, o in g.subject_objects(URIRef(SG + prop)):
            if o not in actors:
                out.append(Problem(_line_of(g, text, o, s), f"{_name(g, s)} sg:{prop} {_name(g, o)}: "
                                   f"no actor {_name(g, o)} in the codebook (an actor is typed sg:"
                                   f"{', sg:'.join(ACTOR_CLASSES)})"))
    return out


def _topic_problems(g, text: str) -> list[Problem]:
    from rdflib import RDF, URIRef

    out, notations = [], {}
    for s in g.subjects(RDF.type, URIRef(SKOS + "Concept")):
        for prop in ("prefLabel", "notation"):
            if g.value(s, URIRef(SKOS + prop)) is None:
                out.append(Problem(_line_of(g, text, s), f"topic {_name(g, s)} has no skos:{prop}"))
        notation = g.value(s, URIRef(SKOS + "notation"))
        if notation is not None:
            if str(notation) in notations:
                out.append(Problem(_line_of(g, text, s), f"topic {_name(g, s)} has the notation {str(notation)!r} "
                                   f"of {_name(g, notations[str(notation)])}"))
            notations.setdefault(str(notation), s)
    return out


def _actor_problems(g, text: str) -> list[Problem]:
    from rdflib import RDF, URIRef

    actors = _actors(g)
    out = []
    for prop in ACTOR_PROPERTIES:
        for s in set(g.subjects(URIRef(SG + prop), None)) - actors:
            out.append(Problem(_line_of(g, text, s), f"{_name(g, s)} has sg:{prop} but is no actor: type it "
                               f"sg:{', sg:'.join(ACTOR_CLASSES)}"))
    for s, o in g.subject_objects(URIRef(SG + "gender")):
        if str(o) not in ("male", "female"):
            out.append(Problem(_line_of(g, text, s), f"{_name(g, s)} sg:gender {str(o)!r}: use \"male\" or \"female\""))
    owner: dict[str, object] = {}
    for s in sorted(actors):
        names = [o for p in ("prefLabel", "altLabel") for o in g.objects(s, URIRef(SKOS + p))]
        for name in {" ".join(str(n).casefold().split()) for n in names}:
            if name in owner and owner[name] != s:
                out.append(Problem(_line_of(g, text, s), f"alias {name!r} names two actors: "
                                   f"{_name(g, owner[name])} and {_name(g, s)}"))
            owner.setdefault(name, s)
    return out


def _name(g, term) -> str:
    try:
        return g.namespace_manager.normalizeUri(term)
    except Exception:
        return f"<{term}>"


def _line_of(g, text: str, term, *more) -> int:
    """The first line of ``text`` where ``term`` (then any of ``more``) is written, as a
    prefixed name or a full IRI; 0 when it is not found."""
    lines = text.splitlines()
    for t in (term, *more):
        forms = {f"<{t}>", _name(g, t)}
        pattern = re.compile("|".join(re.escape(f) + r"(?![\w\-.:])" for f in forms if f))
        for i, line in enumerate(lines, 1):
            if pattern.search(re.sub(r"(^|\s)#.*$", "", line)):
                return i
    return 0
