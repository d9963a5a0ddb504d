"""Checks on a query or update before it reaches the store, made on the parsed text.

Oxigraph runs ``SERVICE`` clauses and ``LOAD`` by sending HTTP requests; a server that answers
anyone's query must not. So every query and update is first parsed by a real SPARQL 1.1 grammar
(rdflib's parser, with ``\\u`` escapes, prefixed names with ``\\``-escapes, strings and comments
as the grammar has them) and refused when its parse holds a ``SERVICE`` pattern or a ``LOAD``.
A text rdflib cannot parse is refused too, even if Oxigraph might read it: only what was
checked runs. (The query workers are also cut off from the network where the system allows
it: :func:`stancegraph.serve.workers.isolate_network`.)

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

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

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

    Returns the ``FROM`` / ``FROM NAMED`` dataset (empty when the query names none)."""
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

    names = {node.name for node in _nodes(_parse(parseUpdate, sparql))}
    if "ServiceGraphPattern" in names:
        raise Refused(403, SERVICE_REFUSED)
    if "Load" in names:
        raise Refused(403, LOAD_REFUSED)


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
