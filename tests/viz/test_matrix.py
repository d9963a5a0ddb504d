"""The position matrix: one row per actor (grouped by coalition), one column per topic, each cell
the support and oppose counts coloured by their difference, linked to its sentences."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from stancegraph.viz.matrix import position_matrix, write_matrix
from stancegraph.viz.views import write_view

from .test_views import store, store_dir  # noqa: F401  (fixtures: the hand-made store)

READ = """JSON.stringify({
  rows: Array.from(document.querySelectorAll("#sg-matrix tbody tr[data-actor]")).map(r => r.dataset.actor),
  groups: Array.from(document.querySelectorAll("#sg-matrix tr.group")).map(r => r.textContent),
  columns: Array.from(document.querySelectorAll("#sg-matrix thead th[data-topic]")).map(t => t.dataset.topic),
  cells: Array.from(document.querySelectorAll("#sg-matrix td.cell")).map(c => [c.closest("tr").dataset.actor,
    c.dataset.topic, Number(c.dataset.support), Number(c.dataset.oppose), c.querySelector(".net").textContent,
    getComputedStyle(c).backgroundColor, c.querySelector("a").getAttribute("href")]),
  links: Array.from(document.querySelectorAll("section.ev a")).map(a => [a.closest("section").id, a.getAttribute("href"), a.textContent]),
  title: document.title, elements: document.querySelectorAll("img, script").length,
  resources: performance.getEntriesByType("resource").length
})"""


def expected_counts(stances) -> Counter:
    """(actor, topic, polarity) -> statements, each (document, span) once."""
    spots = {(s.actor_id, s.topic, s.polarity.value, s.doc_id, s.start, s.end) for s in stances if s.topic}
    return Counter(spot[:3] for spot in spots)


def test_counts_groups_and_net(store):  # noqa: F811
    m = position_matrix(store.stances())
    assert m.topics == ["ceasefire", "territorial_concessions"]
    assert sorted(sorted(members) for _, members in m.groups) == [["russia", "trump"], ["ukraine", "zelenskyy"]]
    assert [heading for heading, _ in m.groups] == ["coalition 1 (2 actors)", "coalition 2 (2 actors)"]
    cell = m.cells["russia", "ceasefire"]
    assert (len(cell.support), len(cell.oppose), cell.net) == (0, 1, -1)
    assert ("trump", "ceasefire") not in m.cells


def test_the_same_statement_is_counted_once(sample_stances):
    twice = sample_stances + sample_stances
    assert len(position_matrix(twice).cells["zelenskyy", "territorial_concessions"].oppose) == 1


@pytest.mark.browser
def test_matrix_in_chromium_rows_columns_counts_and_links(browser, store, tmp_path):  # noqa: F811
    page = write_view(store, "matrix", tmp_path / "matrix.html", documents=tmp_path / "docs", title="intact")
    browser.goto(page.resolve().as_uri())
    seen = json.loads(browser.wait(READ.replace("JSON.stringify(", "document.readyState === 'complete' && JSON.stringify(", 1)))
    stances = store.stances()
    assert sorted(seen["rows"]) == sorted({s.actor_id for s in stances if s.topic})  # one row per actor
    assert len(seen["rows"]) == len(set(seen["rows"]))
    assert seen["columns"] == ["ceasefire", "territorial_concessions"]  # one column per topic
    counts = expected_counts(stances)
    for actor, topic, support, oppose, net, colour, href in seen["cells"]:
        assert (support, oppose) == (counts[actor, topic, "support"], counts[actor, topic, "oppose"])
        assert net == (f"{support - oppose:+d}" if support != oppose else "±0")
        assert colour.startswith("rgb(")
    assert len(seen["cells"]) == len({(a, t) for a, t, _ in counts})
    # a cell links to its sentences, and each sentence to its place in its document
    russia_ceasefire = next(c for c in seen["cells"] if c[:2] == ["russia", "ceasefire"])
    section = russia_ceasefire[6].lstrip("#")
    [(_, href, text)] = [link for link in seen["links"] if link[0] == section]
    assert text == "“Russia rejected the ceasefire.”" and href.startswith("docs/v-1.html#s-")
    assert f'id="{href.split("#")[1]}"' in (tmp_path / "docs" / "v-1.html").read_text(encoding="utf-8")
    # hostile evidence stayed text; nothing was fetched
    assert seen["title"] == "intact" and seen["elements"] == 0 and seen["resources"] == 0
    assert any("<img src=x" in text for *_, text in seen["links"])


def test_matrix_file_escapes_and_has_no_script(store, tmp_path):  # noqa: F811
    text = write_matrix(store.stances(), tmp_path / "m.html").read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text and "&lt;img src=x" in text
    assert "default-src 'none'" in text.replace("&#39;", "'")
    assert not re.search(r"(src|href)=\"(https?:)?//", text)


def test_cli_writes_the_matrix_and_the_documents(cli, store_dir, tmp_path):  # noqa: F811
    out = tmp_path / "out" / "matrix.html"
    run = cli("viz", "--view", "matrix", "--store", store_dir, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert 'id="sg-matrix"' in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "out" / "docs").iterdir()) == ["v-1.html", "v-2.html"]
    run = cli("viz", "--view", "matrix", "-n", "jaccard", "--store", store_dir, "-o", tmp_path / "x.html")
    assert run.exit_code == 2 and "--normalization applies" in run.stderr


@pytest.mark.model
@pytest.mark.browser
def test_seed_matrix_counts_match_the_stored_stances_and_the_query(browser, seeds_build, tmp_path):
    from stancegraph.queries import run_query
    from stancegraph.rdf.store import StanceStore

    with StanceStore.read_only(seeds_build.store) as store:
        stances = store.stances()
        page = write_view(store, "matrix", tmp_path / "matrix.html")
        query = run_query(store, "position-matrix")
    browser.goto(page.resolve().as_uri())
    seen = json.loads(browser.wait(READ.replace("JSON.stringify(", "document.readyState === 'complete' && JSON.stringify(", 1)))
    actors = {s.actor_id for s in stances if s.topic}
    topics = {s.topic for s in stances if s.topic}
    assert len(seen["rows"]) == len(actors) == len(set(seen["rows"])) and set(seen["rows"]) == actors
    assert len(seen["columns"]) == len(topics) and set(seen["columns"]) == topics
    counts = expected_counts(stances)
    drawn = {(a, t): (s, o) for a, t, s, o, *_ in seen["cells"]}
    assert drawn == {(a, t): (counts[a, t, "support"], counts[a, t, "oppose"]) for a, t, _ in counts}
    # the position-matrix query counts the same, on codebook topics (it also lists candidate topics)
    rows = [dict(zip(query.columns, r)) for r in query.rows]
    by_query = {(row["actor"].rsplit("/", 1)[1], row["topic"].rsplit("/", 1)[1]): (int(row["support"]), int(row["oppose"]))
                for row in rows if "/codebook/" in row["topic"] and "/topic/" in row["topic"]}
    assert drawn == by_query
