"""Which folders hold a graph store: commands open a store that is there, never conjure one.

Only the commands that make a store (``build``, ``load``, ``dna import``) may create one, and
only in a folder that does not exist yet or is empty. Every other command refuses a folder
that holds no store and writes nothing into it. Given a build's output folder (``out/``),
both use the store inside it (``out/store``).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     holds_store(tmp)
False
"""
from __future__ import annotations

from pathlib import Path

from ..errors import StoreError

STORE_SUBFOLDER = "store"  # where ``build --out OUT`` keeps its store
SCHEMES = ("sparql+http://", "sparql+https://")  # a store on a SPARQL server (stancegraph.rdf.remote)


def is_remote(spec) -> bool:
    """Whether ``spec`` names a SPARQL server (``sparql+http://...``) rather than a folder."""
    return spec is not None and str(spec).startswith(SCHEMES)


def holds_store(path: str | Path) -> bool:
    """Whether ``path`` is a folder with an Oxigraph (RocksDB) store in it."""
    path = Path(path)
    return (path / "CURRENT").is_file() and any(path.glob("OPTIONS-*"))


def existing_store(spec: str | Path) -> str | Path | None:
    """The store ``spec`` names if there is one: a SPARQL server as given, a store folder, or the
    store inside a build's output folder; else ``None``."""
    if is_remote(spec):
        return str(spec)
    path = Path(spec)
    for candidate in (path, path / STORE_SUBFOLDER):
        if holds_store(candidate):
            return candidate
    return None


def store_to_read(spec: str | Path) -> str | Path:
    """The store a reading command opens for ``spec`` (:func:`existing_store`).

    Raises ``StoreError`` (one line naming the folder) when there is no store there.
    """
    found = existing_store(spec)
    if found is not None:
        return found
    path = Path(spec)
    if not path.exists():
        raise StoreError(f"{path}: no such folder; make a store with 'stancegraph build' (or 'load') first")
    if not path.is_dir():
        raise StoreError(f"{path}: not a folder; give the store folder a build made (e.g. out/store)")
    raise StoreError(f"{path}: not a stancegraph store (no graph store in it, nor in "
                     f"{path / STORE_SUBFOLDER}); give the store folder a build made (e.g. out/store)")


def store_to_write(spec: str | Path) -> str | Path:
    """The store a command that may make one writes to: an existing one (:func:`existing_store`),
    or a new store in a folder that does not exist yet or is empty.

    Raises ``StoreError`` for a file, or a folder with other things in it.
    """
    found = existing_store(spec)
    if found is not None:
        return found
    path = Path(spec)
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        return path
    if not path.is_dir():
        raise StoreError(f"{path}: not a folder; give a store folder (made if missing)")
    raise StoreError(f"{path}: not a stancegraph store and not empty; refusing to make a store among "
                     "its files (give a new folder, e.g. out/store)")
