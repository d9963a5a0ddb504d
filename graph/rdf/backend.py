"""What :class:`~stancegraph.rdf.store.StanceStore` needs from the storage under it.

A backend runs SPARQL over a dataset of named graphs and answers in pyoxigraph terms, whatever
it is: :class:`~stancegraph.rdf.embedded.EmbeddedBackend` (Oxigraph in this process, on disk or
in memory) or :class:`~stancegraph.rdf.remote.SparqlBackend` (a SPARQL 1.1 Protocol and Graph
Store Protocol server). The store above it reads stances, replaces documents, applies reviews,
loads and exports, once for both (as rdflib's Store plugins sit under one ``Graph`` API).

Five operations make a backend: :meth:`query`, :meth:`update`, :meth:`bulk_load`, :meth:`dump`
and :meth:`close`. The others have SPARQL defaults here that a backend overrides when it can
answer faster (Oxigraph lists its graphs and counts its quads without a query).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from . import sparql


class Backend(ABC):
    """A dataset of named graphs that answers SPARQL; errors are ``StoreError``/``QueryError``."""

    #: where the data lives, for messages (a folder, ``memory store`` or a ``sparql+http://`` spec)
    location: str

    @abstractmethod
    def query(self, text: str, bindings: Mapping[str, object] | None = None, *,
              prefixes: Mapping[str, str] | None = None):
        """Run a SELECT, ASK or CONSTRUCT over the union of all graphs. ``bindings`` maps bare
        variable names to pyoxigraph terms, bound as values (never as query text); ``prefixes``
        are declared for the query. Returns ``ox.QuerySolutions``, ``ox.QueryBoolean`` or an
        iterable of ``ox.Triple``; raises ``QueryError`` for a query the engine refuses."""

    @abstractmethod
    def update(self, request: str, *, quads: int = 0) -> None:
        """Apply a SPARQL update request as one transaction (all of it or none); ``quads`` is how
        many quads it writes (a hint for upkeep). Raises ``StoreError``."""

    def bulk_load(self, path: Path, fmt: ox.RdfFormat) -> bool:
        """Load a dataset file through a faster path than an update, if the backend has one for
        its present state; returns whether it did (then the file is in, or nothing is and
        ``StoreError`` is raised). The default has none."""
        return False

    @abstractmethod
    def dump(self, dest: Path, fmt: ox.RdfFormat, prefixes: Mapping[str, str] | None = None) -> None:
        """Write every named graph to ``dest`` as TriG or N-Quads (``OSError`` if it cannot)."""

    @abstractmethod
    def close(self) -> None:
        """Release what the backend holds (files, locks, connections); safe to call twice."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """An rdflib view of the data (default graph = union of all graphs), to read with rdflib."""

    # --- with SPARQL defaults --------------------------------------------------------------

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs that hold triples."""
        return [row["g"].value for row in self.query(sparql.GRAPH_NAMES) if isinstance(row["g"], ox.NamedNode)]

    def held(self, names: Iterable[str]) -> set[str]:
        """Which of the graphs ``names`` the store may hold (a replace writes a DROP for each).
        The default answers all: dropping a graph that is not there is harmless, just slower."""
        return set(names)

    def __len__(self) -> int:
        """The number of quads in all named graphs."""
        rows = list(self.query(sparql.COUNT_QUADS))
        return int(rows[0]["n"].value) if rows else 0
