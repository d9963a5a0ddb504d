"""Query parameters: text from the user to rdflib terms, by the type a query declares.

=========  ==================================================================================
type       becomes
=========  ==================================================================================
actor      the actor's IRI: a full IRI as given; else a codebook id or label (the given
           codebook first, then the store's codebook and actor labels, ids before labels);
           else the IRI stancegraph mints for an actor of that id (which matches nothing
           when no such actor was stored)
topic      the same for topics (codebook concepts and candidate topics; a candidate by phrase)
document   a document id -> its IRI (a full IRI as given)
date       ``YYYY-MM-DD`` -> an ``xsd:date`` literal
integer    an ``xsd:integer`` literal
decimal    an ``xsd:decimal`` literal
iri        a full IRI
text       a plain literal, exactly as given
=========  ==================================================================================

Nothing here builds query text: lookups in the store run the ``_resolve-*`` queries with the
value bound as a literal.

>>> to_term(None, "date", "2025-03-02")
rdflib.term.Literal('2025-03-02', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
>>> to_term(None, "actor", "https://example.org/a")
rdflib.term.URIRef('https://example.org/a')
>>> to_term(None, "actor", '"} ; DROP ALL ; {"')
rdflib.term.URIRef('https://w3id.org/stancegraph/id/actor/%22%7D%20%3B%20DROP%20ALL%20%3B%20%7B%22')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError
from ..rdf import mint

if TYPE_CHECKING:
    from ..codebook import Codebook
    from ..rdf.store import StanceStore

PARAM_TYPES = ("actor", "topic", "document", "date", "integer", "decimal", "iri", "text")


@dataclass(frozen=True)
class ParamInfo:
    """A query parameter: its variable name (without ``?``), type and what it means."""

    name: str
    type: str
    description: str = ""


@dataclass(frozen=True)
class QueryInfo:
    """What a query answers and what it takes, read from its comment header."""

    name: str
    description: str
    params: tuple[ParamInfo, ...] = ()
    source: str = ""  # the file it was read from

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)


# An absolute IRI: a scheme, then no character that RFC 3987 forbids (space, <>"{}|\^`).
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


def bind_params(
    store: "StanceStore | None", info: "QueryInfo", params: Mapping[str, str], *, codebook: "Codebook | None" = None,
    variables: Iterable[str] | None = None,
) -> dict[str, Identifier]:
    """``params`` (name -> text) as ``initBindings`` for the query ``info`` describes.

    A declared parameter is typed as its header says; any other variable of the query (in
    ``variables``) by its look (:func:`guess_term`). Raises ``QueryError`` for a name that is
    neither, or a declared parameter that is missing.
    """
    check_params(info, params, variables)
    declared = {p.name: p for p in info.params}
    return {name: to_term(store, declared[name].type, value, codebook=codebook, name=name) if name in declared
            else guess_term(value, name=name) for name, value in params.items()}


def check_params(info: "QueryInfo", names: Iterable[str], variables: Iterable[str] | None = None) -> None:
    """Raise ``QueryError`` unless ``names`` are the parameters the query takes: every declared
    one, and otherwise only variables of the query (``variables``)."""
    names = set(names)
    declared = {p.name: p for p in info.params}
    unknown = sorted(names - set(declared) - set(variables or ()))
    if unknown:
        takes = ", ".join(declared) or "no declared parameters"
        others = sorted(set(variables or ()) - set(declared))
        also = f"; its other variables: {', '.join(others)}" if others else ""
        raise QueryError(f"query {info.name!r} has no parameter or variable {unknown[0]!r}; it takes: {takes}{also}")
    missing = [p for p in info.params if p.name not in names]
    if missing:
        p = missing[0]
        raise QueryError(f"query {info.name!r} needs parameter {p.name!r} ({p.type}: {p.description}); "
                         f"give --param {p.name}=VALUE")


def guess_term(value: str, *, name: str = "") -> Identifier:
    """A value for a variable no header types: ``<IRI>`` an IRI, a number a number, else a
    plain literal exactly as given.

    >>> guess_term("<https://example.org/a>"), guess_term("42"), guess_term("0.5"), guess_term("Kyiv")
    (rdflib.term.URIRef('https://example.org/a'), rdflib.term.Literal('42', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), rdflib.term.Literal('0.5', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')), rdflib.term.Literal('Kyiv'))
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        if not is_iri(text[1:-1]):
            raise QueryError(f"parameter {name!r}: {value!r} is not an absolute IRI")
        return URIRef(text[1:-1])
    if re.fullmatch(r"[+-]?\d+", text):
        return Literal(text, datatype=XSD.integer)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)", text):
        return Literal(text, datatype=XSD.decimal)
    return Literal(value)


def to_term(store: "StanceStore | None", kind: str, value: str, *, codebook: "Codebook | None" = None,
            name: str = "") -> Identifier:
    """``value`` as the rdflib term a parameter of type ``kind`` stands for (see module doc)."""
    label = f"parameter {name or kind!r}"
    if kind == "text":
        return Literal(value)
    if not value.strip():
        raise QueryError(f"{label} is empty")
    if kind in ("actor", "topic"):
        return _resolve(store, kind, value.strip(), codebook)
    if kind == "document":
        return URIRef(value) if is_iri(value) else mint.doc_iri(value)
    if kind == "iri":
        if not is_iri(value):
            raise QueryError(f"{label}: {value!r} is not an absolute IRI")
        return URIRef(value)
    if kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"{label}: {value!r} is not a date (YYYY-MM-DD)") from None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise QueryError(f"{label}: {value!r} is not a date (YYYY-MM-DD)")
        return Literal(value, datatype=XSD.date)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"{label}: {value!r} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "decimal":
        try:
            return Literal(Decimal(value.strip()), datatype=XSD.decimal)
        except InvalidOperation:
            raise QueryError(f"{label}: {value!r} is not a number") from None
    raise QueryError(f"{label}: unknown parameter type {kind!r}; known: {', '.join(PARAM_TYPES)}")


def is_iri(value: str) -> bool:
    """Whether ``value`` reads as an absolute IRI (and so is taken as one, not as an id).

    >>> is_iri("https://w3id.org/x"), is_iri("putin"), is_iri("http://x/> } UNION {")
    (True, False, False)
    """
    return bool(_IRI.match(value))


def _resolve(store: "StanceStore | None", kind: str, value: str, codebook: "Codebook | None") -> URIRef:
    if is_iri(value):
        return URIRef(value)
    if codebook is not None:
        found = _from_codebook(codebook, kind, value)
        if found is not None:
            return found
    if store is not None:
        rows = list(store.query(_resolver(kind), {"text": Literal(value)}))
        if rows:
            return URIRef(str(rows[0][1]))
    return mint.actor_iri(value) if kind == "actor" else mint.candidate_iri(value)


@lru_cache(maxsize=None)
def _resolver(kind: str) -> str:
    """The text of the internal named query ``_resolve-KIND`` (actors or topics by id or label)."""
    return (resources.files(__package__) / f"_resolve-{kind}.rq").read_text(encoding="utf-8")


def _from_codebook(codebook: "Codebook", kind: str, value: str) -> URIRef | None:
    items = codebook.actors if kind == "actor" else codebook.topics
    if value in items:
        return URIRef(items[value].iri)
    folded = value.casefold()
    for item in items.values():
        names = item.names if kind == "actor" else (item.label, *item.alt_labels)
        if any(n.casefold() == folded for n in names):
            return URIRef(item.iri)
    return None


def python_value(term: Identifier | None) -> Any:
    """A result term as a plain value: IRIs as ``str``, literals via ``toPython`` (decimals
    as ``float``), ``None`` for unbound.

    >>> python_value(Literal("0.85", datatype=XSD.decimal)), python_value(URIRef("urn:x"))
    (0.85, 'urn:x')
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    value = term.toPython()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Literal):  # an ill-typed literal: keep its text
        return str(value)
    return value
