"""Checks on a query or update before it reaches the store, made on the parsed text.

Oxigraph runs ``SERVICE`` clauses and ``LOAD`` by sending HTTP requests; a server that answers
anyone's query must not. So every query and update is first parsed by a real SPARQL 1.1 grammar
(rdflib's parser, with ``\\u`` escapes, prefixed names with ``\\``-escapes, strings and comments
as the grammar has them) and refused when its parse holds a ``SERVICE`` pattern or a ``LOAD``.
A text rdflib cannot parse is refused too, even if Oxigraph might read it: only what was
checked runs. (The query workers are also cut off from the network where the system allows
it: :func:`stancegraph.serve.workers.isolate_network`.)

Parsing is skipped only for a text in which the keywords cannot be, whatever a parser makes of
it: one without the letters ``service``, ``from`` (or ``load``) in any case, after ``\\u``
escapes are expanded (:func:`_may_hold`). Every other text is parsed.

``FROM`` and ``FROM NAMED`` must name graphs of the store: the dataset they give is returned,
and the caller checks it against the store (:class:`Refused` with status 400 otherwise).

>>> check_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
stancegraph.serve.guard.Refused: SERVICE is refused: this server makes no requests to other servers
>>> check_query('SELECT * { ?s ?p "SERVICE" . ?s <http://x/SERVICE> ?o }  # SERVICE')
Dataset(default=(), named=())
>>> check_query("SELECT * FROM <urn:g:a> FROM NAMED <urn:g:b> { ?s ?p ?o }")
Dataset(default=('urn:g:a',), named=('urn:g:b',))
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
CACHED = 64 * 1024  # characters: shorter texts have their verdict cached (rdflib's parser is slow)
SERVICE_REFUSED = "SERVICE is refused: this server makes no requests to other servers"
LOAD_REFUSED = "LOAD is refused: this server makes no requests to other servers (use 'stancegraph load')"


class Refused(Exception):
    """A query or update the server will not run: ``status`` (400 or 403) and one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Dataset:
    """The graphs a query names with ``FROM`` (``default``) and ``FROM NAMED`` (``named``)."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


def check_query(sparql: str) -> Dataset:
    """Parse ``sparql`` as a query; refuse ``SERVICE`` (403) and text the parser cannot read (400).

    Returns the ``FROM`` / ``FROM NAMED`` dataset (empty when the query names none). The verdict
    on a text is remembered (the last 512 texts under :data:`CACHED` characters): clients tend
    to send the same queries again, and parsing takes rdflib tens to hundreds of milliseconds."""
    if not _may_hold(sparql, ("service", "from")):
        return Dataset()
    verdict = _verdict(sparql) if len(sparql) <= CACHED else _check_query(sparql)
    if isinstance(verdict, Refused):  # a new exception each time: a cached one would grow its traceback
        raise Refused(verdict.status, verdict.message)
    return verdict


@functools.lru_cache(maxsize=512)
def _verdict(sparql: str) -> Dataset | Refused:
    return _check_query(sparql)


def _check_query(sparql: str) -> Dataset | Refused:
    try:
        return _dataset(sparql)
    except Refused as refused:
        return refused


def _dataset(sparql: str) -> Dataset:
    from rdflib.plugins.sparql.parser import parseQuery

    tree = _parse(parseQuery, sparql)
    names = {node.name for node in _nodes(tree)}
    if "ServiceGraphPattern" in names:
        raise Refused(403, SERVICE_REFUSED)
    if "DatasetClause" not in names:
        return Dataset()
    from rdflib.plugins.sparql.algebra import translateQuery

    try:  # resolves prefixed names in FROM against the query's prologue
        clauses = translateQuery(tree).algebra.get("datasetClause") or []
    except Exception as exc:  # noqa: BLE001  (an unknown prefix and the like)
        raise Refused(400, f"bad SPARQL: {_first_line(exc)}") from None
    return Dataset(default=tuple(str(dict.get(c, "default")) for c in clauses if dict.get(c, "default") is not None),
                   named=tuple(str(dict.get(c, "named")) for c in clauses if dict.get(c, "named") is not None))


def check_update(sparql: str) -> None:
    """Parse ``sparql`` as an update; refuse ``SERVICE`` and ``LOAD`` (403), unreadable text (400)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    if not _may_hold(sparql, ("service", "load")):
        return
    names = {node.name for node in _nodes(_parse(parseUpdate, sparql))}
    if "ServiceGraphPattern" in names:
        raise Refused(403, SERVICE_REFUSED)
    if "Load" in names:
        raise Refused(403, LOAD_REFUSED)


def _may_hold(sparql: str, keywords: tuple[str, ...]) -> bool:
    """Whether any of ``keywords`` could be in ``sparql`` as a keyword: its letters appear, in
    any case (also under Unicode case mapping), once ``\\u`` escapes are expanded (repeatedly,
    so no reading of them is missed). A sound filter: never False for a text holding one.

    >>> _may_hold("SELECT * { ?s ?p ?o }", ("service", "from"))
    False
    >>> _may_hold("SELECT * { \\u0053ERVIC\\u0045 <x> {} }", ("service",))
    True
    """
    text, previous = sparql, None
    while text != previous and "\\" in text:
        previous, text = text, _ESCAPE.sub(lambda m: chr(min(int(m[1] or m[2], 16), 0x10FFFF)), text)
    variants = (text.casefold(), text.upper().casefold(), text.lower().casefold())
    return any(k in v for k in keywords for v in variants)


def _parse(parser, sparql: str):
    from pyparsing import ParseBaseException

    try:
        return parser(sparql)
    except ParseBaseException as exc:
        raise Refused(400, f"bad SPARQL: error at {exc.lineno}:{exc.col}: {exc.msg} "
                           "(queries are checked with a SPARQL 1.1 parser before they run)") from None
    except RecursionError:
        raise Refused(400, "bad SPARQL: the query is nested too deeply to be checked") from None
    except Exception as exc:  # noqa: BLE001  (rdflib raises plain exceptions for some bad input)
        raise Refused(400, f"bad SPARQL: {_first_line(exc)}") from None


def _nodes(tree) -> Iterator:
    """Every grammar node (rdflib ``CompValue``) in a parse tree, depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(dict.values(item))
        elif isinstance(item, ParseResults):  # registered as a Mapping, but its tokens are the list
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
