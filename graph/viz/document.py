"""Evidence in its document: the cleaned article with every stance's sentence highlighted.

Each highlighted span is exactly a stance's stored ``start``/``end`` offsets in the text the
store keeps (:meth:`~stancegraph.rdf.store.StanceStore.document_text`); each stance's label
(actor, polarity, topic, confidence, reviewed or not) follows the sentence. The page has no
script at all, and everything taken from the store is escaped by Jinja's autoescaping (labels
are shown by CSS from an attribute, so they stay text too)::

    from stancegraph.viz.document import write_documents
    with StanceStore.open("out/store") as store:
        write_documents(store, "out/docs")          # out/docs/<doc>.html, one per document

Maps and the matrix link to ``docs/<file>#s-<stance key>`` (:func:`file_links`); ``serve``
shows the same page at ``/doc/<id>`` (:func:`serve_links`).
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence
from urllib.parse import quote

from stancegraph.types import Stance

log = logging.getLogger(__name__)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
HUMAN_PREFIXES = ("human:", "dna:")


def document_filename(doc_id: str) -> str:
    """A file name for a document's view: the id when it is a plain name, else a cleaned
    version with a short hash (so two ids never share a file).

    >>> document_filename("001_geneva"), document_filename("a b/c")
    ('001_geneva.html', 'a_b_c-fa4fb713.html')
    """
    clean = _UNSAFE.sub("_", doc_id)[:80]
    clean = "_" + clean[1:] if clean.startswith(".") else clean  # no hidden files
    if clean != doc_id or not clean:
        clean += "-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8]
    return clean + ".html"


def file_links(prefix: str = "docs/") -> Callable[[str, "str | None"], str]:
    """``(doc_id, key) -> "docs/<file>#s-<key>"``: links from a page beside the ``docs`` folder."""
    def link(doc_id: str, key: str | None = None) -> str:
        return prefix + document_filename(doc_id) + (f"#s-{key}" if key else "")
    return link


def serve_links(prefix: str = "/doc/") -> Callable[[str, "str | None"], str]:
    """``(doc_id, key) -> "/doc/<id>#s-<key>"``: links to the document view of ``serve``.

    >>> serve_links()("a b/c", "0123")
    '/doc/a%20b%2Fc#s-0123'
    """
    def link(doc_id: str, key: str | None = None) -> str:
        return prefix + quote(doc_id, safe="") + (f"#s-{key}" if key else "")
    return link


@dataclass(frozen=True)
class DocumentView:
    """What the page shows: the document, its text (``None`` if the store has none) and stances."""

    doc_id: str
    text: str | None
    stances: Sequence[Stance]
    accepted: frozenset = frozenset()  # keys of stances a reviewer marked correct
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    back: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (href, text) links on top


def review_label(stance: Stance, accepted: frozenset) -> str:
    if stance.extractor.startswith(HUMAN_PREFIXES):
        return "coded by " + stance.extractor.split(":", 1)[1]
    return "reviewed: correct" if stance.key in accepted else "not reviewed"


def stance_label(stance: Stance, accepted: frozenset = frozenset()) -> str:
    """``Russia · oppose · Ceasefire · 0.90 · not reviewed``."""
    return " · ".join([stance.actor, stance.polarity.value, stance.topic_label or stance.topic or "?",
                       f"{stance.confidence:.2f}", review_label(stance, accepted)])


def segments(text: str, stances: Sequence[Stance]) -> tuple[list[dict], list[Stance]]:
    """The text cut at every stance boundary: ``{"text", "stances", "starts", "ends"}`` per piece
    (the stances covering it, starting and ending there); and the stances whose offsets do not
    fit the text, which are not highlighted.

    >>> from stancegraph.types import Polarity
    >>> s = Stance("d", "A", "a", "person", Polarity.SUPPORT, "t", "T", "b c", 2, 5, 0.5, "x")
    >>> [(p["text"], len(p["stances"])) for p in segments("a b c d", [s])[0]]
    [('a ', 0), ('b c', 1), (' d', 0)]
    """
    placed = [s for s in stances if 0 <= s.start < s.end <= len(text)]
    misplaced = [s for s in stances if s not in placed]
    cuts = sorted({0, len(text), *(s.start for s in placed), *(s.end for s in placed)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        pieces.append({"text": text[a:b], "start": a, "end": b,
                       "stances": [s for s in placed if s.start <= a and b <= s.end],
                       "starts": [s for s in placed if s.start == a],
                       "ends": [s for s in placed if s.end == b]})
    return pieces, misplaced


def polarity_class(stances: Iterable[Stance]) -> str:
    values = {s.polarity.value for s in stances}
    return "sg-mixed" if len(values) > 1 else f"sg-{values.pop()}" if values else ""


def render_document(view: DocumentView) -> str:
    """The HTML page of one document (self-contained, no script)."""
    import jinja2

    from stancegraph.viz.document_template import PAGE

    ordered = sorted(view.stances, key=lambda s: (s.start, s.end, s.actor, s.key))
    pieces, misplaced = segments(view.text, ordered) if view.text is not None else ([], list(ordered))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.update(label=lambda s: stance_label(s, view.accepted), polarity_class=polarity_class,
                       review=lambda s: review_label(s, view.accepted))
    return env.from_string(PAGE).render(csp=CSP, view=view, pieces=pieces, misplaced=misplaced,
                                        stances=ordered)


def document_view(store, doc_id: str, *, stances: Sequence[Stance] | None = None,
                  accepted: frozenset | None = None, back: Sequence[tuple[str, str]] = (),
                  known: bool = False) -> DocumentView | None:
    """The view of ``doc_id`` in ``store`` (``None`` when the store does not hold it; ``known``
    skips that check for ids just read from ``store.documents()``)."""
    from stancegraph.queries import run_query
    from stancegraph.rdf import mint

    if not known and doc_id not in store.documents():
        return None
    rows = run_query(store, "_document-info", {"doc": str(mint.doc_iri(doc_id))}).rows
    info = dict(zip(("doc", "headline", "date", "source", "url"), rows[0])) if rows else {}
    if stances is None:
        stances = [s for s in store.stances(doc_id)]
    return DocumentView(doc_id=doc_id, text=store.document_text(doc_id), stances=list(stances),
                        accepted=accepted_keys(store) if accepted is None else accepted,
                        title=_text(info.get("headline")), date=_text(info.get("date")),
                        source=_text(info.get("source")), url=_text(info.get("url")), back=tuple(back))


def accepted_keys(store) -> frozenset:
    """Keys of the stances whose latest review marked them correct."""
    from stancegraph.queries import run_query
    from stancegraph.rdf import mint

    return frozenset(mint.stance_key_of(str(row[0]))[1] for row in run_query(store, "_accepted-stances").rows)


def write_documents(store, folder, *, doc_ids: Iterable[str] | None = None,
                    back: Sequence[tuple[str, str]] = ()) -> list[Path]:
    """Write the view of each document (all by default) into ``folder``; return the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, list[Stance]] = {}
    for s in store.stances():
        by_doc.setdefault(s.doc_id, []).append(s)
    accepted = accepted_keys(store)
    paths = []
    stored = store.documents()
    wanted = stored if doc_ids is None else [d for d in doc_ids if d in set(stored)]
    for doc_id in wanted:
        view = document_view(store, doc_id, stances=by_doc.get(doc_id, []), accepted=accepted, back=back,
                             known=True)
        if view is None:
            continue
        path = folder / document_filename(doc_id)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(render_document(view), encoding="utf-8")
        tmp.replace(path)
        paths.append(path)
    log.info("wrote %d document views in %s", len(paths), folder)
    return paths


def _text(value) -> str | None:
    return None if value is None else str(value)
