"""Binding parameters to any variable of a query, as terms, never as text from the user.

Oxigraph substitutes bound values into the parsed query, but only for variables a SELECT
projects. A user's own query may filter on a variable it does not project
(``FILTER(STR(?o) = STR(?x))`` under ``SELECT (COUNT(*) AS ?n)``), so for those the values go
in as a ``VALUES`` block at the start of the query's pattern (its ``WHERE`` group), written from
rdflib terms (``Term.n3()``: one IRI or literal each, quotes and backslashes escaped). The
query is cut into SPARQL tokens (strings, IRIs, comments, prefixed names with escapes) to find
that group (:mod:`stancegraph.rdf.sparql_text`), so nothing inside a string, IRI or comment is
taken for a brace.

>>> from rdflib import Literal
>>> print(with_values('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STR(?o) = STR(?x)) }',
...                   {"x": Literal('} ; DROP ALL ; {')}))
SELECT (COUNT(*) AS ?n) WHERE { VALUES (?x) { ("} ; DROP ALL ; {") } ?s ?p ?o FILTER(STR(?o) = STR(?x)) }
>>> sorted(variables('SELECT ?a WHERE { ?a <urn:p> "?b" . # ?c\\n ?a ex:q\\\\#x $d }'))
['a', 'd']
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError
from ..rdf.sparql_text import FORMS, insert_values, tokens


def variables(sparql: str) -> set[str]:
    """The names (without ``?``) of the variables ``sparql`` mentions."""
    return {text[1:] for kind, text, _ in tokens(sparql) if kind == "var"}


def projected(sparql: str) -> set[str] | None:
    """The variables a SELECT query returns (``None`` for ``SELECT *`` or another query form)."""
    toks = list(tokens(sparql))
    forms = [i for i, (k, t, _) in enumerate(toks) if k == "word" and t.upper() in FORMS]
    if not forms or toks[forms[0]][1].upper() != "SELECT":
        return None
    out, depth = set(), 0
    for i in range(forms[0] + 1, len(toks)):
        kind, text, _ = toks[i]
        if text in ("{",) or (kind == "word" and text.upper() in ("WHERE", "FROM")):
            break
        if text == "*" and depth == 0:
            return None
        depth += (text == "(") - (text == ")")
        if kind == "var" and (depth == 0 or (toks[i - 1][1].upper() == "AS")):
            out.add(text[1:])
    return out


def substitutable(sparql: str, names) -> bool:
    """Whether Oxigraph can substitute all of ``names`` (a SELECT that projects them)."""
    shown = projected(sparql)
    return shown is not None and set(names) <= shown


def with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (x y) }`` first in its WHERE group."""
    names, terms = [], []
    for name, value in bindings.items():
        if not isinstance(value, (URIRef, Literal)):
            raise QueryError(f"parameter ?{name}: give an rdflib URIRef or Literal, not {type(value).__name__}")
        if not re.fullmatch(r"[A-Za-z_0-9]\w*", name.lstrip("?$")):
            raise QueryError(f"parameter {name!r} is not a variable name")
        names.append("?" + name.lstrip("?$"))
        terms.append(value.n3())
    return insert_values(sparql, names, terms)
