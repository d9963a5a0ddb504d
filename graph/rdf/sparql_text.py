"""SPARQL as text, cut into tokens by SPARQL 1.1's lexical rules: where a query's WHERE group
opens, which variables and prefixes it uses, and a ``VALUES`` block of already-serialised terms
put first in that group. Strings, IRIs, comments and prefixed names with escapes (``ex:a\\#``)
are tokens of their own, so nothing inside them is taken for a brace, a variable or a comment.

Used by :mod:`stancegraph.queries.bind` (rdflib terms) and the SPARQL server backend
(:mod:`stancegraph.rdf.remote`, pyoxigraph terms).

>>> print(insert_values('SELECT ?a WHERE { ?a <urn:p> "}" }', ["?a"], ["<urn:x>"]))
SELECT ?a WHERE { VALUES (?a) { (<urn:x>) } ?a <urn:p> "}" }
>>> declared_prefixes('PREFIX sg: <http://x#> SELECT * { ?s ?p "PREFIX no: <y>" }')
{'sg'}
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

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


def declared_prefixes(sparql: str) -> set[str]:
    """The prefix names ``sparql`` declares (``""`` for the empty prefix)."""
    toks = list(tokens(sparql))
    return {toks[i + 1][1][:-1] for i in range(len(toks) - 1)
            if toks[i][0] == "word" and toks[i][1].upper() == "PREFIX" and toks[i + 1][0] == "pname"}


def insert_values(sparql: str, names: Sequence[str], terms: Sequence[str]) -> str:
    """``sparql`` with ``VALUES (names) { (terms) }`` first in its WHERE group; ``names`` are
    ``?var`` texts and ``terms`` terms already written as SPARQL (one term each)."""
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


FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def _where_group(toks: list[tuple[str, str, int]]) -> int | None:
    """The index of the ``{`` that opens the query's WHERE group."""
    form = next((i for i, (k, t, _) in enumerate(toks) if k == "word" and t.upper() in FORMS), None)
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
