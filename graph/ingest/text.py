"""Plain-text articles (``.txt``): one article a file, its id the file stem."""
from __future__ import annotations

from pathlib import Path

from stancegraph.errors import InputError
from stancegraph.ingest.clean import clean_text, guess_title
from stancegraph.ingest.files import DEFAULT_MAX_BYTES, EMPTY, decode_text, read_limited
from stancegraph.types import Document


def read_txt(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one plain-text article; raise InputError if the file cannot be one.

    The title is the first line when it reads like a headline; it stays in the text,
    so that offsets index the cleaned text as a whole.
    """
    path = Path(path)
    text = clean_text(decode_text(read_limited(path, max_bytes), path))
    if not text:
        raise InputError(path, EMPTY)
    return Document(id=path.stem, text=text, title=guess_title(text), path=str(path))
