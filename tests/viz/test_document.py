"""Evidence in its document: the stored text with every stance's stored offsets highlighted and
labelled, read back from what Chromium shows."""
from __future__ import annotations

import json

import pytest

from stancegraph.codebook import load_codebook
from stancegraph.rdf.store import StanceStore
from stancegraph.types import Document, Polarity, Stance
from stancegraph.viz.document import (document_filename, document_view, render_document, segments,
                                      write_documents)

HOSTILE = "Russia demanded concessions </script><img src=x onerror=\"document.title='pwned'\">."

# The text of the page's #sg-text, and for each stance key the character ranges its marks cover
# (offsets counted with a DOM Range over the text, labels excluded since they are CSS).
READ = """document.readyState === "complete" && JSON.stringify((() => {
  const box = document.getElementById("sg-text"), spans = {}, labels = [];
  for (const m of box.querySelectorAll("mark")) {
    const r = document.createRange(); r.setStart(box, 0); r.setEndBefore(m);
    const start = r.toString().length, end = start + m.textContent.length;
    for (const k of m.dataset.stances.split(" ")) (spans[k] = spans[k] || []).push([start, end]);
    if (m.dataset.label) labels.push(getComputedStyle(m, "::after").content);
  }
  return {text: box.textContent, spans: spans, labels: labels, title: document.title,
          elements: document.querySelectorAll("img, script").length,
          resources: performance.getEntriesByType("resource").length,
          rows: document.querySelectorAll("#sg-stances tbody tr").length};
})())"""


def merged(ranges: list[list[int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and start == out[-1][1]:
            out[-1][1] = end
        else:
            out.append([start, end])
    return [tuple(r) for r in out]


def stance(doc: str, text: str, part: str, actor: str, polarity: str, topic: str, confidence: float = 0.8,
           extractor: str = "stancegraph.rules.v1", occurrence: int = 0) -> Stance:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    codebook = load_codebook()
    a = codebook.actors[actor]
    return Stance(doc, a.label, actor, a.kind, Polarity(polarity), topic, codebook.topics[topic].label,
                  part, start, start + len(part), confidence, extractor)


TEXT = ("Kyiv, 2 March.\n\nUkraine backed the ceasefire. " + HOSTILE +
        "\nZelenskyy said Ukraine will never give up territory, and backed the ceasefire.")


@pytest.fixture(scope="module")
def doc_store():
    """One document whose stances share, nest and overlap spans, one of them hostile."""
    codebook = load_codebook()
    zel = "Zelenskyy said Ukraine will never give up territory, and backed the ceasefire."
    stances = [
        stance("d-1", TEXT, "Ukraine backed the ceasefire.", "ukraine", "support", "ceasefire"),
        stance("d-1", TEXT, HOSTILE, "russia", "support", "territorial_concessions", 0.6),
        stance("d-1", TEXT, zel, "zelenskyy", "oppose", "territorial_concessions", 0.9),
        stance("d-1", TEXT, zel, "zelenskyy", "support", "ceasefire", 0.7),
        stance("d-1", TEXT, "backed the ceasefire.", "ukraine", "support", "ceasefire", 0.5, occurrence=1),
    ]
    with StanceStore.open(None) as st:
        st.replace_documents([(Document("d-1", TEXT, title="Talks <b>resume</b>", date="2025-03-02",
                                        source="Wire"), stances)], codebook)
        yield st


def test_segments_cut_at_every_boundary_and_keep_each_stance_whole(doc_store):
    stances = doc_store.stances("d-1")
    pieces, misplaced = segments(TEXT, stances)
    assert misplaced == [] and "".join(p["text"] for p in pieces) == TEXT
    for s in stances:
        covered = [(p["start"], p["end"]) for p in pieces if s in p["stances"]]
        assert merged([list(c) for c in covered]) == [(s.start, s.end)]


def test_offsets_outside_the_text_are_listed_not_highlighted(doc_store):
    s = doc_store.stances("d-1")[0]
    bad = Stance(**{**s.__dict__, "start": len(TEXT) + 5, "end": len(TEXT) + 9})
    pieces, misplaced = segments(TEXT, [s, bad])
    assert misplaced == [bad]
    view = document_view(doc_store, "d-1", stances=[bad])
    assert 'id="sg-misplaced"' in render_document(view)


def test_unknown_document_and_document_without_text(doc_store):
    from dataclasses import replace

    assert document_view(doc_store, "nope") is None
    page = render_document(replace(document_view(doc_store, "d-1"), text=None))
    assert "stored before texts were kept" in page and 'id="sg-text"' not in page
    assert 'id="sg-misplaced"' in page  # the sentences are still listed


def test_page_is_escaped_and_has_no_script(doc_store):
    page = render_document(document_view(doc_store, "d-1"))
    assert "<script" not in page and "<img" not in page and "<b>resume" not in page
    assert "&lt;img src=x" in page and "Talks &lt;b&gt;resume&lt;/b&gt;" in page


def test_file_names_are_safe_and_distinct():
    names = {document_filename(d) for d in ("a/b", "a_b", "../x", "a b", "ok-1.2")}
    assert len(names) == 5 and all("/" not in n and not n.startswith(".") for n in names)
    assert document_filename("ok-1.2") == "ok-1.2.html"


@pytest.mark.browser
@pytest.mark.parametrize("reviewed", [False, True], ids=["machine", "after-review"])
def test_document_view_highlights_exactly_the_stored_offsets(browser, doc_store, tmp_path, reviewed):
    accepted = frozenset()
    if reviewed:  # pretend the first stance was marked correct by a reviewer
        accepted = frozenset({doc_store.stances("d-1")[0].key})
    view = document_view(doc_store, "d-1", accepted=accepted)
    page = tmp_path / "d-1.html"
    page.write_text(render_document(view), encoding="utf-8")
    browser.goto(page.resolve().as_uri())
    seen = json.loads(browser.wait(READ))
    stances = doc_store.stances("d-1")
    assert seen["text"] == doc_store.document_text("d-1")  # the stored text, character for character
    assert {k: merged(v) for k, v in seen["spans"].items()} == {s.key: [(s.start, s.end)] for s in stances}
    labels = " ".join(seen["labels"])
    assert "Volodymyr Zelenskyy · oppose · Territorial concessions by Ukraine · 0.90 · not reviewed" in labels
    assert ("reviewed: correct" in labels) is reviewed
    assert seen["title"].startswith("Talks <b>resume</b>") and seen["elements"] == 0 and seen["resources"] == 0
    assert seen["rows"] == len(stances)


def test_write_documents_writes_one_page_per_stored_document(doc_store, tmp_path):
    paths = write_documents(doc_store, tmp_path / "docs", back=[("../map.html", "map")])
    assert [p.name for p in paths] == ["d-1.html"]
    assert 'href="../map.html"' in paths[0].read_text(encoding="utf-8")


@pytest.mark.model
@pytest.mark.browser
def test_every_seed_document_highlights_its_stored_offsets(browser, seeds_build, tmp_path):
    with StanceStore.read_only(seeds_build.store) as store:
        paths = write_documents(store, tmp_path / "docs")
        expected = {d: (store.document_text(d), store.stances(d)) for d in store.documents()}
    assert len(paths) == len(expected) == 5
    for doc_id, (text, stances) in expected.items():
        browser.goto((tmp_path / "docs" / document_filename(doc_id)).resolve().as_uri())
        seen = json.loads(browser.wait(READ))
        assert seen["text"] == text
        assert {k: merged(v) for k, v in seen["spans"].items()} == {s.key: [(s.start, s.end)] for s in stances}
