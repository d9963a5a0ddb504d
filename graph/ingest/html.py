"""Web pages (``.html``, ``.htm``): the main text and metadata, extracted by trafilatura."""
from __future__ import annotations

from pathlib import Path

from stancegraph.errors import InputError
from stancegraph.ingest.clean import clean_text
from stancegraph.ingest.dates import normalise_date
from stancegraph.ingest.files import BINARY, DEFAULT_MAX_BYTES, EMPTY, read_limited
from stancegraph.types import Document

NO_TEXT = "no article text found"


def read_html(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the article in one saved web page; raise InputError if there is none.

    trafilatura finds the main text (one paragraph or heading a line, comments and
    tables left out) and the metadata: title, date, canonical url and site name (the
    document's ``source``, else the host name). The page's charset is trafilatura's to
    detect, so the bytes are handed over undecoded.
    """
    import trafilatura  # heavy: loaded only when there is a page to read
    from trafilatura.settings import set_date_params

    path = Path(path)
    data = read_limited(path, max_bytes)
    if not data.strip():
        raise InputError(path, EMPTY)
    if b"\x00" in data:
        raise InputError(path, BINARY)
    page = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Dates from the page's markup only: the extensive search takes a footer's
        # "(c) 2024" for 2024-01-01, and a wrong date is worse than none.
        date_extraction_params=set_date_params(extensive=False),
    )
    text = clean_text(page.text or "") if page is not None else ""
    if not text:
        raise InputError(path, NO_TEXT)
    return Document(
        id=path.stem,
        text=text,
        title=page.title or None,
        date=normalise_date(page.date) if page.date else None,
        url=page.url or None,
        source=page.sitename or page.hostname or None,
        path=str(path),
    )
