"""The main jobs as library functions: extract stances from files, build a store and its outputs.

The CLI is a thin layer over these; notebooks call them directly.
"""
from __future__ import annotations

import functools
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .codebook import Codebook, load_codebook
from .errors import InputError, StanceGraphError
from .types import Document, Stance

if TYPE_CHECKING:
    from .lessons import Lessons

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
    lessons: int = 0  # lessons applied (stancegraph.lessons)
    lessons_digest: str = ""

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
            extractor: str | None = None, progress: bool = False, n_process: int = 1,
            lessons: "Lessons | None" = None, min_confidence: float = 0.0) -> Iterator[tuple[Document, list[Stance]]]:
    """Stances of each document, by the registered extractor ``extractor`` (default rules),
    with ``lessons`` (:mod:`stancegraph.lessons`) applied when given: the codebook with what
    they taught, then their re-scoring of each document's stances; only those with
    ``confidence >= min_confidence``."""
    from .extract import DEFAULT, create

    check_confidence(min_confidence)
    if lessons:
        from .lessons.apply import Rescorer, codebook_with
        codebook, rescore = codebook_with(lessons, codebook or load_codebook()), Rescorer(lessons)
        found = extract(documents, codebook=codebook, extractor=extractor, progress=progress, n_process=n_process)
        yield from confident(((doc, rescore(stances)) for doc, stances in found), min_confidence)
        return
    docs = list(documents)
    if n_process > 1 and len(docs) > 1:
        results = _extract_in_pool(docs, codebook or load_codebook(), extractor or DEFAULT, n_process)
    else:
        results = create(extractor or DEFAULT, codebook=codebook).extract(docs)
    if progress and docs:
        from tqdm import tqdm
        results = tqdm(results, total=len(docs), unit="doc", disable=None, desc="extracting")
    yield from confident(results, min_confidence)


def check_confidence(value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise StanceGraphError(f"minimum confidence must be between 0 and 1, not {value}")


def confident(results: Iterable[tuple[Document, list[Stance]]], min_confidence: float
              ) -> Iterator[tuple[Document, list[Stance]]]:
    """Each document with only its stances of ``confidence >= min_confidence``."""
    for document, stances in results:
        yield document, [s for s in stances if s.confidence >= min_confidence] if min_confidence else stances


POOL_CHUNK = 8  # documents per task of a worker process
_pool_extractors: dict[tuple, object] = {}  # in each worker process: built once


def _extract_in_pool(docs: list[Document], codebook: Codebook, extractor: str, workers: int
                     ) -> Iterator[tuple[Document, list[Stance]]]:
    """The whole extraction (parse and rules) in ``workers`` processes, results in input order.
    spaCy's own ``n_process`` parallelises only the parse, and the rules cost about as much."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    chunks = [docs[i:i + POOL_CHUNK] for i in range(0, len(docs), POOL_CHUNK)]
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=mp.get_context(method)) as pool:
        for part in pool.map(_extract_chunk, chunks, repeat(codebook), repeat(extractor)):
            yield from part


def _extract_chunk(docs: list[Document], codebook: Codebook, extractor: str) -> list[tuple[Document, list[Stance]]]:
    """Runs in a worker process."""
    from .extract import create

    key = (codebook.iri, codebook.source, len(codebook.topics), extractor)
    if key not in _pool_extractors:
        _pool_extractors[key] = create(extractor, codebook=codebook)
    return list(_pool_extractors[key].extract(docs))


DEFAULT_BATCH = 64  # documents per store transaction


def build(paths: Iterable[str | Path], *, out_dir: str | Path = "out", store_dir: str | Path | None = None,
          codebook_path: str | Path | None = None, extractor: str | None = None, date: str | None = None,
          force: bool = False, progress: bool = False, n_process: int = 1, batch_size: int = DEFAULT_BATCH,
          dask: str | None = None, lessons: bool = True, lessons_path: str | Path | None = None,
          min_confidence: float = 0.0) -> BuildReport:
    """Read articles, extract stances, store them and write ``stances.{ttl,jsonl,html}``.

    Documents already stored with the same content, extractor and codebook are not extracted
    again (:func:`extraction_key`). Input files that
    cannot be read are reported in ``BuildReport.errors`` and skipped. ``store_dir`` is a store
    folder or a ``sparql+http://`` endpoint (:func:`stancegraph.rdf.store.open_store`).

    Parsing runs in ``n_process`` processes, or on the Dask cluster ``dask`` (an address, or
    ``"local"`` for a local cluster). Stances are written ``batch_size`` documents at a time, each
    batch in one transaction: a build that fails or is killed keeps the whole documents of the
    batches written before, never part of one, and a re-run goes on from there.

    With ``lessons`` (the default), what the store's reviews teach is applied to every
    document, and the lessons of the file ``lessons_path`` besides (:mod:`stancegraph.lessons`);
    their digest is part of what each document records it was extracted with.
    Only stances with ``confidence >= min_confidence`` are stored; documents stored with
    another threshold are extracted again.
    """
    from .extract import DEFAULT, registry
    from .ingest import read_documents
    from .rdf.store import open_store

    if batch_size < 1:
        raise StanceGraphError(f"batch size must be at least 1, not {batch_size}")
    if lessons_path is not None and not lessons:
        raise StanceGraphError("--lessons and --no-lessons do not go together")
    shared = None
    if lessons_path is not None:
        from .lessons import read_lessons
        shared = read_lessons(lessons_path)  # a bad file fails before anything is read
    check_confidence(min_confidence)
    registry.get(extractor or DEFAULT)  # an unknown name fails now, even if nothing needs extracting
    out_dir = Path(out_dir)
    store_spec = store_dir if store_dir else out_dir / "store"
    if not str(store_spec).startswith("sparql+"):
        store_spec = Path(store_spec)
    codebook = load_codebook(codebook_path)
    ingested = read_documents(list(paths), date=date)
    report = BuildReport(out_dir=out_dir, store_dir=store_spec, read=len(ingested.documents),
                         errors=list(ingested.errors))
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_store(store_spec) as store:
        taught = _lessons(store, codebook, shared) if lessons else None
        if taught and dask:
            raise StanceGraphError("--dask does not apply lessons yet: build with --jobs, or with --no-lessons")
        key = extraction_key(extractor or DEFAULT, codebook, taught, min_confidence)
        if taught:
            report.lessons, report.lessons_digest = len(taught.lessons), taught.digest
        stored = {} if force else store.document_versions()
        todo = []
        for doc in ingested.documents:
            if stored.get(doc.id) == (doc.sha256, key):
                report.unchanged.append(doc.id)
            else:
                todo.append(doc)

        def run(docs: list[Document]):
            if dask:
                from .cluster import extract_on_dask
                return confident(extract_on_dask(docs, dask, codebook_path=codebook_path, extractor=extractor,
                                                 batch_size=batch_size, progress=progress), min_confidence)
            return extract(docs, codebook=codebook, extractor=extractor, progress=progress, n_process=n_process,
                           lessons=taught, min_confidence=min_confidence)

        alone = functools.partial(extract, codebook=codebook, extractor=extractor, lessons=taught,
                                  min_confidence=min_confidence)
        results = each_on_its_own(todo, run, alone, report.errors)
        for batch in _batches(results, batch_size) if todo else ():
            report.written += store.replace_documents(batch, codebook, force=True, extracted_with=key)
            log.info("stored %d of %d documents", len(report.written), len(todo))
        if not todo:
            store.replace_documents([], codebook)  # the codebook and ontology graphs, as before
        report.stances = store.stances()
        report.outputs = write_outputs(store, report.stances, out_dir, codebook)
    return report


def each_on_its_own(docs: list[Document], run, alone, errors: list) -> Iterator[tuple[Document, list[Stance]]]:
    """``run(docs)`` (which yields each document with its stances, in input order), such that
    one document that makes it fail is skipped, with an ``InputError`` in ``errors``, and the
    others are extracted. On a failure, the first document not yet yielded is extracted
    ``alone`` (in this process): if it fails again it is the culprit and is skipped, else it is
    kept; ``run`` then goes on from the next one.

    Errors of the whole build rather than of a document (a ``StanceGraphError`` other than
    ``InputError``: no model, unknown extractor, unreachable cluster...) stop it as before."""
    rest = list(docs)
    while rest:
        done = 0
        try:
            for item in run(rest):
                done += 1
                yield item
            return
        except StanceGraphError as exc:
            if not isinstance(exc, InputError):
                raise
        except Exception as exc:  # noqa: BLE001  (one document's problem must not stop the build)
            log.info("extraction failed near %s (%s): trying it alone", rest[done].id, exc)
        suspect = rest[done]
        try:
            yield from alone([suspect])
        except StanceGraphError as again:
            if not isinstance(again, InputError):
                raise
            errors.append(again)
        except Exception as again:  # noqa: BLE001
            log.info("cannot extract stances from %s", suspect.id, exc_info=True)  # the traceback with -v
            errors.append(InputError(suspect.path or suspect.id, f"cannot extract stances: {_first_line(again)}"))
        rest = rest[done + 1:]


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def extraction_key(extractor: str, codebook: Codebook, lessons: "Lessons | None" = None,
                   min_confidence: float = 0.0) -> str:
    """What a document's stances depend on besides its content: the extractor's registered name,
    the codebook's digest, the digest of the lessons applied and the minimum confidence kept
    (when there are). Stored on each document (``sg:extractedWith``); a build extracts a
    document again when it changed."""
    key = f"{extractor} codebook:{codebook.digest}"
    key = f"{key} lessons:{lessons.digest}" if lessons else key
    return f"{key} min-confidence:{min_confidence:g}" if min_confidence else key


def _lessons(store, codebook: Codebook, shared: "Lessons | None") -> "Lessons":
    """The lessons of the store's reviews, with those of a shared file."""
    from .lessons import merge, store_lessons

    own = store_lessons(store, codebook)
    if shared is None:
        return own
    return merge(own, shared) if own else shared


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
