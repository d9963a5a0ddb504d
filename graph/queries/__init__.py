"""Named SPARQL queries: ``.rq`` files shipped in this package, run with bound parameters.

Each file opens with a comment header that says what it answers and what it takes::

    # name: evidence
    # description: The evidence for an actor's position on a topic ...
    # param: actor (actor) the actor: codebook id, label or IRI
    # param: topic (topic) the topic: codebook id, label or IRI

A parameter line is ``# param: NAME (TYPE) description``; the types are listed in
:data:`PARAM_TYPES`. Every parameter is required. Values reach the query only as rdflib terms
through ``initBindings`` (which Oxigraph substitutes into the parsed query), never as query
text, so a value such as ``"} ; DROP ALL ; {"`` is just a string that matches nothing. Any other
variable of a query can be bound too (``-p x=VALUE``), typed by its look; one the query does not
project goes in as a ``VALUES`` block built from terms (:mod:`stancegraph.queries.bind`).

Queries whose name starts with ``_`` are internal (used to resolve parameters) and are not
listed by :func:`list_queries`.

>>> [q.name for q in list_queries()][:3]
['agreement-pairs', 'conflict-pairs', 'contested-topics']
>>> load_query("evidence").info.params[0]
ParamInfo(name='actor', type='actor', description='the actor: codebook id, label or IRI')
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

from ..errors import QueryError
from .bind import substitutable, variables, with_values
from .params import PARAM_TYPES, ParamInfo, QueryInfo, bind_params, check_params, python_value

if TYPE_CHECKING:
    from ..codebook import Codebook
    from ..rdf.store import StanceStore

__all__ = ["PARAM_TYPES", "ParamInfo", "QueryInfo", "Query", "QueryResult", "list_queries",
           "load_query", "run_query", "bind_params", "check_params", "python_value"]

log = logging.getLogger(__name__)

_HEADER = re.compile(r"^#\s*(?P<key>name|description|param)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)\)\s*(?P<description>.*)$")


@dataclass(frozen=True)
class Query:
    info: QueryInfo
    text: str


class QueryResult(NamedTuple):
    """Column names and rows of plain Python values (IRIs as ``str``, literals as their
    Python value: ``int``, ``float``, ``datetime.date``, ``str``; ``None`` when unbound)."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def _package_files() -> dict[str, Any]:
    folder = resources.files(__name__)
    return {f.name[:-3]: f for f in folder.iterdir() if f.name.endswith(".rq")}


def list_queries() -> list[QueryInfo]:
    """The shipped named queries, sorted by name (internal ``_`` queries left out)."""
    return [load_query(name).info for name in sorted(_package_files()) if not name.startswith("_")]


def load_query(name_or_path: str | Path) -> Query:
    """A shipped query by name (``"evidence"``) or a ``.rq`` file by path.

    Raises ``QueryError`` for an unknown name (listing the known ones) or an unreadable file.
    """
    text = str(name_or_path)
    if text.endswith(".rq") or "/" in text or "\\" in text:
        path = Path(text)
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query file ({getattr(exc, 'strerror', None) or exc})") from exc
        return _parse(source, default_name=path.stem, origin=str(path))
    return _load_named(text)


@lru_cache(maxsize=None)
def _load_named(name: str) -> Query:
    files = _package_files()
    if name not in files:
        known = ", ".join(sorted(n for n in files if not n.startswith("_")))
        raise QueryError(f"unknown query {name!r}; known queries: {known}")
    return _parse(files[name].read_text(encoding="utf-8"), default_name=name, origin=f"stancegraph.queries/{name}.rq")


def _parse(source: str, *, default_name: str, origin: str) -> Query:
    fields: dict[str, str] = {}
    params: list[ParamInfo] = []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if m is None:
            continue
        key, value = m["key"], m["value"].strip()
        if key == "param":
            pm = _PARAM.match(value)
            if pm is None or pm["type"] not in PARAM_TYPES:
                raise QueryError(f"{origin}: bad parameter line {value!r}; write "
                                 f"'# param: NAME (TYPE) description' with TYPE one of {', '.join(PARAM_TYPES)}")
            params.append(ParamInfo(pm["name"], pm["type"], pm["description"].strip()))
        else:
            fields[key] = value
    info = QueryInfo(name=fields.get("name") or default_name, description=fields.get("description", ""),
                     params=tuple(params), source=origin)
    return Query(info=info, text=source)


def run_query(
    store: "StanceStore",
    name_or_path: str | Path | Query,
    params: Mapping[str, str] | None = None,
    *,
    codebook: "Codebook | None" = None,
) -> QueryResult:
    """Run a named query (or a ``.rq`` file) on ``store`` with ``params`` given as text.

    Parameters are converted to rdflib terms by their declared type (see
    :func:`stancegraph.queries.params.to_term`), or by their look for a variable the header
    does not declare, and bound through ``initBindings``; a variable the query does not
    project is bound by a ``VALUES`` block of terms instead (:mod:`stancegraph.queries.bind`).
    Raises ``QueryError`` for an unknown query, a missing or unknown parameter, a value
    that does not fit its type, or a query that fails.
    """
    query = name_or_path if isinstance(name_or_path, Query) else load_query(name_or_path)
    bindings = bind_params(store, query.info, params or {}, codebook=codebook, variables=variables(query.text))
    text = query.text
    if bindings and not substitutable(text, bindings):  # a variable Oxigraph cannot substitute
        text, bindings = with_values(text, bindings), {}
    result = store.query(text, bindings)
    columns = [str(v) for v in result.vars]
    rows = [tuple(python_value(row[i]) for i in range(len(columns))) for row in result]
    log.debug("query %s: %d rows", query.info.name, len(rows))
    return QueryResult(columns, rows)
