"""Checks on query text before it reaches the store.

Oxigraph runs ``SERVICE`` clauses by sending HTTP requests; a server that answers anyone's
query must not, so a query naming ``SERVICE`` outside strings, IRIs and comments is refused.
The scan errs on the side of refusing (a prefixed name ``ex:service.x`` might be refused too).

>>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
True
>>> uses_service('SELECT * { ?s ?p "SERVICE" . ?s <http://x/SERVICE> ?o }  # SERVICE')
False
>>> uses_service("select * { service silent <http://x> {} }")
True
"""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'        # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'                   # strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'            # IRIs
    r"|#[^\n]*",                              # comments
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$.-])service(?![\w:-])", re.I)


def uses_service(sparql: str) -> bool:
    """Whether ``sparql`` has a ``SERVICE`` keyword (``\\u`` escapes decoded first)."""
    text = _ESCAPE.sub(lambda m: chr(min(int(m[1] or m[2], 16), 0x10FFFF)), sparql)
    return bool(_SERVICE.search(_NOISE.sub(" ", text)))
