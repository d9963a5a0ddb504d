"""Files in, Documents out: plain text, saved web pages and JSON Lines, cleaned of boilerplate.

>>> result = read_documents(["articles/"], date="2025-01-31")   # doctest: +SKIP
>>> result.documents[0].id, [str(err) for err in result.errors]  # doctest: +SKIP

A bad file never stops the run: its InputError is recorded in ``IngestResult.errors`` and
the other files are read. Only unusable ``paths`` raise: a path that does not exist, or a
directory without a single article file.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from stancegraph.errors import InputError
from stancegraph.ingest.clean import clean_text, guess_title, is_boilerplate
from stancegraph.ingest.dates import normalise_date
from stancegraph.ingest.files import DEFAULT_MAX_BYTES
from stancegraph.ingest.html import read_html
from stancegraph.ingest.jsonl import read_jsonl
from stancegraph.ingest.text import read_txt
from stancegraph.types import Document

__all__ = [
    "DEFAULT_MAX_BYTES", "IngestResult", "SUFFIXES", "clean_text", "guess_title",
    "is_boilerplate", "iter_documents", "normalise_date", "read_documents",
    "read_html", "read_jsonl", "read_txt",
]

log = logging.getLogger(__name__)

Reader = Callable[[Path, int], Iterable["Document | InputError"]]


def _one(read: Callable[..., Document]) -> Reader:
    def reader(path: Path, max_bytes: int) -> Iterator[Document]:
        yield read(path, max_bytes=max_bytes)
    return reader


# The one table of formats: a file suffix (lower case) and the reader of such files.
READERS: dict[str, Reader] = {
    ".txt": _one(read_txt),
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".jsonl": lambda path, max_bytes: read_jsonl(path, max_bytes=max_bytes),
}
SUFFIXES = tuple(READERS)


@dataclass(frozen=True)
class IngestResult:
    """The documents read, in input order, and an error for each file or line that was not."""

    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_documents(
    paths: Iterable[str | Path], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> IngestResult:
    """Read every article under ``paths`` (files or directories, recursed).

    ``date`` (YYYY-MM-DD, or any form :func:`normalise_date` reads) is given to the
    documents that carry no date of their own. ``max_bytes`` caps the size of one file
    (of one line, in JSON Lines). Raises InputError for unusable ``paths`` only.
    """
    result = IngestResult()
    for item in iter_documents(paths, date=date, max_bytes=max_bytes):
        (result.errors if isinstance(item, InputError) else result.documents).append(item)
    return result


def iter_documents(
    paths: Iterable[str | Path], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    """Like :func:`read_documents`, one Document or InputError at a time (for progress bars).

    ``paths`` and ``date`` are checked at once, before the first item is asked for.
    """
    default_date = _default_date(date)
    files = collect_files(paths)
    return _read_all(files, default_date, max_bytes)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, directories recursed.

    In a directory, files are taken sorted by path, only those with a known suffix, and
    hidden files and directories are skipped. A file named twice is read once.
    """
    if isinstance(paths, (str, Path)):  # one path, not an iterable of characters
        paths = [paths]
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_article(p, path))
            if not found:
                kinds = ", ".join(SUFFIXES)
                raise InputError(path, f"no articles in this directory (no {kinds} files)")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(path, "no such file or directory")
    seen: set[Path] = set()
    return [p for p in files if not (p.resolve() in seen or seen.add(p.resolve()))]


def _is_article(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in READERS and path.is_file()


def _default_date(date: str | None) -> str | None:
    if date is None:
        return None
    iso = normalise_date(date)
    if iso is None:
        raise InputError("date", f"cannot read {date!r} as a date (use YYYY-MM-DD)")
    return iso


def _read_all(
    files: list[Path], date: str | None, max_bytes: int
) -> Iterator[Document | InputError]:
    first_seen: dict[str, str] = {}
    for path in files:
        for item in _read_file(path, max_bytes):
            if isinstance(item, Document):
                if item.id in first_seen:
                    first = first_seen[item.id]
                    item = InputError(
                        item.path, f"duplicate document id {item.id!r} (first read from {first})"
                    )
                else:
                    first_seen[item.id] = item.path
                    if item.date is None and date is not None:
                        item = replace(item, date=date)
            if isinstance(item, InputError):
                log.debug("skipped: %s", item)
            yield item


def _read_file(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(SUFFIXES)
        yield InputError(path, f"unsupported file type {path.suffix!r} (expected {kinds})")
        return
    try:
        yield from reader(path, max_bytes)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
