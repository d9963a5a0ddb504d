"""The main jobs as library functions: extract stances from files, build a store and its outputs.

The CLI is a thin layer over these; notebooks call them directly.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .codebook import Codebook, load_codebook
from .errors import InputError, StanceGraphError
from .types import Document, Stance

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    out_dir: Path
    store_dir: Path
    read: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)  # classified and unclassified candidates
    outputs: dict[str, Path] = field(default_factory=dict)

    def summary(self) -> list[tuple[str, int, int, int]]:
        """(actor, support, oppose, topics) rows, most statements first."""
        rows: dict[str, Counter] = {}
        topics: dict[str, set] = {}
        for s in self.stances:
            if not s.classified:
                continue
            rows.setdefault(s.actor, Counter())[s.polarity.value] += 1
            topics.setdefault(s.actor, set()).add(s.topic)
        return sorted(((a, c["support"], c["oppose"], len(topics[a])) for a, c in rows.items()),
                      key=lambda r: (-(r[1] + r[2]), r[0]))


def extract(documents: Iterable[Document], *, codebook: Codebook | None = None,
            extractor: str | None = None, progress: bool = False, n_process: int = 1
            ) -> Iterator[tuple[Document, list[Stance]]]:
    """Stances of each document, by the registered extractor ``extractor`` (default rules)."""
    from .extract import DEFAULT, create

    docs = list(documents)
    ex = create(extractor or DEFAULT, codebook=codebook, n_process=n_process)
    results = ex.extract(docs)
    if progress and docs:
        from tqdm import tqdm
        results = tqdm(results, total=len(docs), unit="doc", disable=None, desc="extracting")
    yield from results


def build(paths: Iterable[str | Path], *, out_dir: str | Path = "out", store_dir: str | Path | None = None,
          codebook_path: str | Path | None = None, extractor: str | None = None, date: str | None = None,
          force: bool = False, progress: bool = False, n_process: int = 1) -> BuildReport:
    """Read articles, extract stances, store them and write ``stances.{ttl,jsonl,html}``.

    Documents whose content is already stored are not extracted again. Input files that
    cannot be read are reported in ``BuildReport.errors`` and skipped. The store is written in
    one transaction after extraction, so a failed build leaves the previous store as it was.
    """
    from .extract import DEFAULT, registry
    from .ingest import read_documents
    from .rdf.store import StanceStore

    registry.get(extractor or DEFAULT)  # an unknown name fails now, even if nothing needs extracting
    out_dir = Path(out_dir)
    store_dir = Path(store_dir) if store_dir else out_dir / "store"
    codebook = load_codebook(codebook_path)
    ingested = read_documents(list(paths), date=date)
    report = BuildReport(out_dir=out_dir, store_dir=store_dir, read=len(ingested.documents),
                         errors=list(ingested.errors))
    out_dir.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store_dir) as store:
        todo = []
        for doc in ingested.documents:
            if not force and store.document_hash(doc.id) == doc.sha256:
                report.unchanged.append(doc.id)
            else:
                todo.append(doc)
        results = list(extract(todo, codebook=codebook, extractor=extractor, progress=progress,
                               n_process=n_process)) if todo else []
        report.written = store.replace_documents(results, codebook, force=True)
        report.stances = store.stances()
        report.outputs = write_outputs(store, report.stances, out_dir, codebook)
    return report


def write_outputs(store, stances: list[Stance], out_dir: Path, codebook: Codebook) -> dict[str, Path]:
    """``stances.jsonl``, ``stances.ttl`` and ``stances.html``: all three are written to temporary
    files first and renamed over the old ones only when every one succeeded."""
    from .table import write_table
    from .viz.html import write_stance_map

    kinds = {a.id: a.kind for a in codebook.actors.values()}
    outputs = {kind: out_dir / f"stances.{kind}" for kind in ("jsonl", "ttl", "html")}
    outputs["candidates"] = out_dir / "candidates.jsonl"
    classified = [s for s in stances if s.classified]
    with _atomic(outputs["jsonl"]) as jsonl, _atomic(outputs["ttl"]) as ttl, _atomic(outputs["html"]) as html, \
            _atomic(outputs["candidates"]) as cands:
        with open(jsonl, "w", encoding="utf-8") as fh:
            write_table(classified, fh, "jsonl")
        with open(cands, "w", encoding="utf-8") as fh:
            write_table([s for s in stances if not s.classified], fh, "jsonl")
        store.export("ttl", ttl)
        write_stance_map(classified, html, title="stancegraph: who stands where", actor_kinds=kinds)
    return outputs


class _atomic:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __enter__(self) -> Path:
        fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=self.path.suffix)
        os.close(fd)
        self.tmp = Path(name)
        return self.tmp

    def __exit__(self, exc_type, *_):
        if exc_type is None:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
        return False


__all__ = ["BuildReport", "StanceGraphError", "build", "extract", "write_outputs"]
