"""RDF terms between rdflib (the library's API) and pyoxigraph (what every backend answers in).

Backends answer queries as pyoxigraph terms, whether Oxigraph ran them in process or a SPARQL
server's answer was parsed; this module turns them into rdflib terms and ``Result`` objects,
each distinct term once (rdflib terms are slow to make; result rows repeat labels and IRIs).
Simple literals come back untyped, as rdflib parses them (Oxigraph types them xsd:string).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node, Variable

from . import convert


def to_oxigraph(term: Node):
    """``term`` as a pyoxigraph term (which checks IRIs and language tags); ``ValueError`` else."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    raise ValueError(f"cannot store term {term!r}")


def nt(term: Node) -> str:
    """``term`` in N-Triples syntax, as Oxigraph writes it (IRIs are checked on the way)."""
    return str(to_oxigraph(term))


def plain(term: Node) -> Node:
    """A simple literal untyped, as rdflib parses it; any other term as it is."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def to_rdflib(term) -> Node:
    """A pyoxigraph term as an rdflib one (simple literals untyped)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return plain(Literal(term.value, datatype=URIRef(term.datatype.value)))


def value(term) -> str | None:
    """The lexical value of a pyoxigraph term (an IRI's string), ``None`` for an unbound one."""
    return None if term is None else term.value


def values(rows: Iterable, names: Iterable[str]) -> Iterable[dict[str, str | None]]:
    """Solutions as plain values by variable name (``None`` when unbound)."""
    names = tuple(names)
    return ({n: value(row[n]) for n in names} for row in rows)


def result(answer) -> Result:
    """A pyoxigraph answer (solutions, a boolean, or triples) as an rdflib ``Result``."""
    cache: dict = {}

    def term(t):
        if t is None:
            return None
        found = cache.get(t)
        if found is None:
            found = cache[t] = (tuple(term(x) for x in (t.subject, t.predicate, t.object))
                                if isinstance(t, ox.Triple) else to_rdflib(t))
        return found

    if isinstance(answer, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        out = Result("SELECT")
        out.vars = [Variable(v.value) for v in answer.variables]
        out.bindings = [{v: term(x) for v, x in zip(out.vars, row) if x is not None} for row in answer]
    else:
        out = Result("CONSTRUCT")
        out.graph = convert.new_graph()
        out.graph += ((term(t.subject), term(t.predicate), term(t.object)) for t in answer)
    return out


def substitutions(bindings: Mapping[str, Node] | None) -> dict[str, object]:
    """Query parameters (``initBindings``: names with or without ``?``, rdflib terms) as
    pyoxigraph terms by bare name; ``TypeError`` for a value that is not an rdflib term."""
    out = {}
    for name, term in (bindings or {}).items():
        if not isinstance(term, (URIRef, Literal, BNode)):
            raise TypeError(f"parameter ?{name}: give an rdflib URIRef or Literal, not {type(term).__name__}")
        out[name.lstrip("?$")] = to_oxigraph(term)
    return out


def reason(exc: BaseException) -> str:
    """The first line of an exception's message (engines put a whole trace after it)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
