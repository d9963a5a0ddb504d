"""JSON-LD with stancegraph's published context.

The context (``ontology/context.jsonld``, shipped in the package) is published at
:data:`CONTEXT_IRI`; exports name it by that IRI, so web tools read ``holder``, ``polarity``,
``topic``, ``confidence`` instead of full IRIs. Reading an export back uses the shipped copy
instead of fetching the IRI, so it works offline.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

CONTEXT_IRI = "https://w3id.org/stancegraph/context.jsonld"


@lru_cache(maxsize=1)
def _context_text() -> str:
    return (resources.files("stancegraph.ontology") / "context.jsonld").read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """The context object (the value of ``@context`` in ``context.jsonld``)."""
    return json.loads(_context_text())["@context"]


def to_jsonld(data: Graph | Dataset) -> str:
    """``data`` as JSON-LD compacted with the stancegraph context, which it names by its IRI.

    A ``Dataset`` keeps its named graphs (each as an object with ``@id`` and ``@graph``)."""
    text = data.serialize(format="json-ld", context=context(), auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, list):
        doc = {"@graph": doc}
    doc["@context"] = CONTEXT_IRI
    return json.dumps({"@context": CONTEXT_IRI, **{k: v for k, v in doc.items() if k != "@context"}},
                      ensure_ascii=False, indent=2) + "\n"


def expand_context(doc: Any) -> Any:
    """``doc`` (parsed JSON) with every reference to :data:`CONTEXT_IRI` replaced by the shipped
    context, as a JSON-LD document loader would do."""
    if isinstance(doc, dict):
        return {k: (_inline(v) if k == "@context" else expand_context(v)) for k, v in doc.items()}
    if isinstance(doc, list):
        return [expand_context(x) for x in doc]
    return doc


def _inline(value: Any) -> Any:
    if value == CONTEXT_IRI:
        return context()
    if isinstance(value, list):
        return [_inline(v) for v in value]
    return value


def read_jsonld(source: str | Path) -> Dataset:
    """A JSON-LD text or file (such as an export) as a Dataset, its context read offline."""
    text = Path(source).read_text(encoding="utf-8") if isinstance(source, Path) else source
    ds = Dataset()
    ds.parse(data=json.dumps(expand_context(json.loads(text))), format="json-ld")
    return ds


def write_jsonld(store, dest: str | Path) -> Path:
    """Write every named graph of ``store`` (a StanceStore) as compacted JSON-LD to ``dest``."""
    import tempfile

    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ds = Dataset()
        ds.parse(store.export("nquads", Path(tmp) / "all.nq"), format="nquads")
    dest.write_text(to_jsonld(ds), encoding="utf-8")
    return dest
