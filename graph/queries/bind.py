"""Binding parameters to any variable of a query, as terms, never as text from the user.

Oxigraph substitutes bound values into the parsed query, but only for variables a SELECT
projects. A user's own query may filter on a variable it does not project
(``FILTER(STR(?o) = STR(?x))`` under ``SELECT (COUNT(*) AS ?n)``), so for those the values go
in as a ``VALUES`` block at the start of the query's pattern (its ``WHERE`` group), written from
rdflib terms (``Term.n3()``: one IRI or literal each, quotes and backslashes escaped). The
query is cut into SPARQL tokens (strings, IRIs, comments, prefixed names with escapes) to find
that group, so nothing inside a string, IRI or comment is taken for a brace.

>>> from rdflib import Literal
>>> print(with_values('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STR(?o) = STR(?x)) }',
...                   {"x": Literal('} ; DROP ALL ; {')}))
SELECT (COUNT(*) AS ?n) WHERE { VALUES (?x) { ("} ; DROP ALL ; {") } ?s ?p ?o FILTER(STR(?o) = STR(?x)) }
>>> sorted(variables('SELECT ?a WHERE { ?a <urn:p> "?b" . # ?c\\n ?a ex:q\\\\#x $d }'))
['a', 'd']
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError

# SPARQL 1.1 lexical rules, enough to tell code from strings, IRIs and comments.
_PN_ESC = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_TOKEN = re.compile("|".join([
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')',
    r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
    rf"(?P<pname>(?:[A-Za-z][\w\-.]*)?:(?:[\w\-.:%]|{_PN_ESC})*)",
    r"(?P<var>[?$][A-Za-z_0-9][\w]*)",
    r"(?P<comment>#[^\n]*)",
    r"(?P<word>[A-Za-z_][\w\-]*)",
    r"(?P<space>\s+)",
    r"(?P<punct>.)",
]), re.S)


def tokens(sparql: str) -> Iterator[tuple[str, str, int]]:
    """``(kind, text, start)`` for each token of ``sparql``, comments and spaces left out."""
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup not in ("space", "comment"):
            yield m.lastgroup, m.group(), m.start()


def variables(sparql: str) -> set[str]:
    """The names (without ``?``) of the variables ``sparql`` mentions."""
    return {text[1:] for kind, text, _ in tokens(sparql) if kind == "var"}


def projected(sparql: str) -> set[str] | None:
    """The variables a SELECT query returns (``None`` for ``SELECT *`` or another query form)."""
    toks = list(tokens(sparql))
    forms = [i for i, (k, t, _) in enumerate(toks) if k == "word" and t.upper() in _FORMS]
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
        if not isinstance(value, (URIRef, Literal, BNode)) or isinstance(value, BNode):
            raise QueryError(f"parameter ?{name}: give an rdflib URIRef or Literal, not {type(value).__name__}")
        if not re.fullmatch(r"[A-Za-z_0-9]\w*", name.lstrip("?$")):
            raise QueryError(f"parameter {name!r} is not a variable name")
        names.append("?" + name.lstrip("?$"))
        terms.append(value.n3())
    block = f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    toks = list(tokens(sparql))
    open_at = _where_group(toks)
    if open_at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group to bind them in")
    brace = toks[open_at][2]
    after = toks[open_at + 1] if open_at + 1 < len(toks) else None
    if after is not None and after[0] == "word" and after[1].upper() == "SELECT":  # { SELECT ... }: wrap it
        close = toks[_matching(toks, open_at)][2]
        return (sparql[: brace + 1] + f" {block} {{" + sparql[brace + 1: close] + "} " + sparql[close:])
    return sparql[: brace + 1] + f" {block}" + sparql[brace + 1:]


_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def _where_group(toks: list[tuple[str, str, int]]) -> int | None:
    """The index of the ``{`` that opens the query's WHERE group."""
    form = next((i for i, (k, t, _) in enumerate(toks) if k == "word" and t.upper() in _FORMS), None)
    if form is None:
        return None
    i = form + 1
    if toks[form][1].upper() == "CONSTRUCT":
        if i < len(toks) and toks[i][1] == "{":  # the template comes first
            i = _matching(toks, i) + 1
        elif i < len(toks) and toks[i][1].upper() == "WHERE":
            raise QueryError("cannot bind parameters in the short form CONSTRUCT WHERE { ... }; "
                             "write CONSTRUCT { ... } WHERE { ... }")
    return next((j for j in range(i, len(toks)) if toks[j][1] == "{"), None)


def _matching(toks: list[tuple[str, str, int]], open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(toks)):
        depth += (toks[j][1] == "{") - (toks[j][1] == "}")
        if depth == 0:
            return j
    raise QueryError("query failed: unbalanced braces")
