"""Read a file's bytes within a size limit and decode them as text, honestly.

UTF-8 (with or without a byte-order mark) is the expected encoding. Anything else that
still looks like text is decoded as Windows-1252, the superset of Latin-1 that old web
pages and Windows editors write, and a warning is logged: the text is used, but the
user learns that accented letters may be wrong. Bytes that do not look like text at all
are rejected.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from stancegraph.errors import InputError

log = logging.getLogger(__name__)

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB

BINARY = "binary file, not text"
EMPTY = "empty file"

# C0/C1 control characters other than tab, newline, vertical tab, form feed and carriage
# return, and the replacement character: none of these occur in real text.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_CONTROL_SHARE = 0.01     # of characters, in any decoded text
_MAX_HIGH_BYTE_SHARE = 0.30   # of bytes >= 0x80, in text that is not UTF-8
_HIGH_BYTES = bytes(range(0x80, 0x100))


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of ``path``; raise InputError if it is larger than ``max_bytes``.

    The size on disk is checked before anything is read, and at most ``max_bytes + 1``
    bytes are ever read (the file may grow between the check and the read).
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(path, size, max_bytes)
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(path, len(data), max_bytes)
    return data


def too_large(where: object, size: int, max_bytes: int) -> InputError:
    """The error for input of ``size`` bytes over the ``max_bytes`` limit."""
    shown, limit = format_size(size), format_size(max_bytes)
    if shown == limit:  # just over: rounding would hide the difference
        shown, limit = f"{size} bytes", f"{max_bytes} bytes"
    return InputError(where, f"file is {shown}, over the {limit} limit")


def format_size(n: int) -> str:
    """A size for messages, to one decimal.

    >>> format_size(50 * MB), format_size(10 * MB + 1), format_size(1536), format_size(12)
    ('50 MB', '10 MB', '1.5 KB', '12 bytes')
    """
    for unit, scale in (("MB", MB), ("KB", 1024)):
        if n >= scale:
            return f"{round(n / scale, 1):g} {unit}"
    return f"{n} bytes"


def decode_text(data: bytes, path: object) -> str:
    """Decode ``data`` read from ``path``: UTF-8, else Windows-1252 with a logged warning.

    Raises InputError ("binary file, not text") for NUL bytes, control characters or,
    in non-UTF-8 input, mostly high bytes.
    """
    if b"\x00" in data:
        raise InputError(path, BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        high = len(data) - len(data.translate(None, _HIGH_BYTES))
        if high > _MAX_HIGH_BYTE_SHARE * len(data):
            raise InputError(path, BINARY) from None
        text = _decode_legacy(data)
        log.warning("%s: not UTF-8; decoded as Windows-1252 (Latin-1), check accents", path)
    if len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise InputError(path, BINARY)
    return text


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return data.decode("latin-1")
