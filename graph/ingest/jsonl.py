"""JSON Lines (``.jsonl``): one article a line.

Each line is an object with ``id`` and ``text``, and optionally ``title``, ``date``, ``url``
and ``source`` (strings or null).

A broken line is reported as an error naming ``file.jsonl:LINE`` and the other lines are
still read. The file is streamed, so it may be large; the size limit applies to each line.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from stancegraph.errors import InputError
from stancegraph.ingest.clean import clean_text, guess_title
from stancegraph.ingest.dates import normalise_date
from stancegraph.ingest.files import DEFAULT_MAX_BYTES, EMPTY, format_size
from stancegraph.types import Document

log = logging.getLogger(__name__)

OPTIONAL = ("title", "date", "url", "source")
_CHUNK = 1 << 16


def read_jsonl(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    """Yield a Document for each good line of ``path`` and an InputError for each bad one."""
    path = Path(path)
    records = 0
    with path.open("rb") as f:
        for lineno, raw in _lines(f, max_bytes):
            where = f"{path}:{lineno}"
            if raw is None:
                yield InputError(where, f"line is over the {format_size(max_bytes)} limit")
                records += 1
            elif raw.strip():
                records += 1
                try:
                    yield _document(_parse(raw, where), where, path)
                except InputError as err:
                    yield err
    if not records:
        yield InputError(path, EMPTY)


def _lines(f: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Number the lines of ``f``; a line over ``max_bytes`` comes as ``None``, unread."""
    lineno = 0
    while True:
        raw = f.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = f.readline(_CHUNK)
            yield lineno, None
        else:
            yield lineno, raw


def _parse(raw: bytes, where: str) -> dict:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8 (JSON Lines must be UTF-8)") from None
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    return record


def _document(record: dict, where: str, path: Path) -> Document:
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(where, "missing \"id\" (a non-empty string)")
    if "text" not in record:
        raise InputError(where, "missing \"text\"")
    if not isinstance(record["text"], str):
        raise InputError(where, f"\"text\" is not a string but {type(record['text']).__name__}")
    text = clean_text(record["text"])
    if not text:
        raise InputError(where, "empty \"text\"")
    meta = {}
    for key in OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"\"{key}\" is not a string but {type(value).__name__}")
        meta[key] = (value or "").strip() or None
    if meta["date"]:
        date = normalise_date(meta["date"])
        if date is None:
            log.warning("%s: date %r not understood, dropped (use YYYY-MM-DD)", where, meta["date"])
        meta["date"] = date
    meta["title"] = meta["title"] or guess_title(text)
    return Document(id=doc_id.strip(), text=text, path=str(path), **meta)
