"""Extraction stage: parsed articles -> :class:`~stancegraph.types.Stance` records.

Extractors are found through :mod:`stancegraph.extract.registry` only. An extractor is an object
with ``name``, ``version`` and ``extract(documents) -> Iterator[tuple[Document, list[Stance]]]``.
"""
from .registry import DEFAULT, create, names, register

__all__ = ["DEFAULT", "create", "names", "register"]
