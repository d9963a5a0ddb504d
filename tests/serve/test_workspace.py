"""The analyst's pages of ``stancegraph serve``: the query page in Chromium (a named query run
with its parameter typed into its field, highlighting, sorting, downloads, links into documents),
the document view at ``/doc/ID`` and the matrix at ``/matrix``; the SPARQL endpoint unchanged."""
from __future__ import annotations

import csv
import io
import json

import pytest

from .test_server import http


def test_document_view_route(server):
    status, headers, body = http(server.url + "doc/toy-1")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.count("<mark ") == 3 and "Russia rejected the ceasefire." in body
    assert 'href="/map"' in body and 'href="/matrix"' in body
    status, _, body = http(server.url + "doc/no%20such")
    assert status == 404 and body == "no document 'no such' in the store\n"


def test_matrix_route_links_into_documents(server):
    status, headers, body = http(server.url + "matrix")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.count("<tr data-actor=") == 5  # russia, ukraine, zelenskyy, trump, erdogan
    assert 'href="/doc/toy-1#s-' in body


def test_map_links_into_documents(server):
    status, _, body = http(server.url + "map")
    assert status == 200 and '"href": "/doc/toy-1#s-' in body


def test_page_ships_its_editor_and_licence():
    from importlib.resources import files

    static = files("stancegraph.serve") / "static"
    assert "MIT" in (static / "LICENSE.codemirror").read_text(encoding="utf-8")
    from stancegraph.serve.page import page
    text = page()
    assert "CodeMirror" in text and "<script src" not in text and "<link" not in text
    assert "connect-src 'self'" in text


RESULTS = """document.querySelectorAll("#results tbody tr").length > 0 && JSON.stringify({
  head: Array.from(document.querySelectorAll("#results th")).map(th => th.textContent),
  rows: Array.from(document.querySelectorAll("#results tbody tr")).map(tr =>
    Array.from(tr.cells).map(td => [td.textContent, td.querySelector("a") ? td.querySelector("a").getAttribute("href") : null])),
  status: document.getElementById("status").textContent,
  done: document.getElementById("status").dataset.done,
  url: location.pathname + location.search
})"""


@pytest.mark.browser
def test_query_page_runs_a_named_query_with_a_typed_parameter(browser, server):
    browser.goto(server.url)
    browser.wait('document.body.dataset.ready === "true"')
    # SPARQL is highlighted by the bundled editor
    assert browser.eval('document.querySelectorAll(".CodeMirror .cm-keyword").length') > 0
    browser.eval("""(() => { const s = document.getElementById("named"); s.value = "stances-of-actor";
                     s.dispatchEvent(new Event("change")); })()""")
    assert browser.eval('document.getElementById("param-actor").required') is True
    browser.eval('document.getElementById("param-actor").focus()')
    browser.call("Input.insertText", session=True, text="russia")  # typed, as a user does
    browser.eval('document.getElementById("run").click()')
    seen = json.loads(browser.wait(RESULTS))
    assert seen["head"] == ["actor", "topic", "topicLabel", "polarity", "confidence", "date", "doc", "evidence"]
    assert len(seen["rows"]) == 2 and seen["status"].startswith("2 rows")
    assert seen["url"] == "/?actor=russia&q=stances-of-actor"  # the run can be shared as a link
    column = seen["head"].index("doc")
    assert sorted(row[column] for row in seen["rows"]) == [["toy-1", "/doc/toy-1"], ["toy-2", "/doc/toy-2"]]

    # sortable: by confidence, ascending then descending
    conf = seen["head"].index("confidence")
    browser.eval(f'document.querySelectorAll("#results th")[{conf}].click()')
    ascending = [float(r[conf][0]) for r in json.loads(browser.eval(RESULTS))["rows"]]
    browser.eval(f'document.querySelectorAll("#results th")[{conf}].click()')
    descending = [float(r[conf][0]) for r in json.loads(browser.eval(RESULTS))["rows"]]
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True) and ascending != descending

    # downloads: CSV of the rows shown, JSON as SPARQL results
    assert browser.eval('!document.getElementById("csv").hidden && document.getElementById("csv").href.startsWith("blob:")')
    assert browser.eval('document.getElementById("json").download') == "stances-of-actor.json"
    table = list(csv.reader(io.StringIO(browser.eval("window.stancegraphPage.csv()"))))
    assert table[0] == seen["head"] and len(table) == 3
    assert {row[column] for row in table[1:]} == {"toy-1", "toy-2"}

    # everything the page loaded came from this server
    loaded = browser.eval('performance.getEntriesByType("resource").map(e => e.name)')
    assert loaded and all(url.startswith(server.url) for url in loaded)

    # a link in the results opens the document with the sentences highlighted
    browser.goto(server.url + "doc/toy-1")
    assert browser.wait('document.readyState === "complete" && document.querySelectorAll("#sg-text mark").length') == 3


@pytest.mark.browser
def test_query_page_opened_from_a_link_runs_the_query(browser, server):
    browser.goto(server.url + "?q=evidence&actor=ukraine&topic=ceasefire")
    seen = json.loads(browser.wait(RESULTS))
    assert browser.eval('document.getElementById("param-topic").value') == "ceasefire"
    assert len(seen["rows"]) == 1 and "Ukraine backed the ceasefire." in json.dumps(seen["rows"])


@pytest.mark.browser
def test_hostile_results_stay_text(browser, server):
    payload = "<img src=x onerror=\\\"document.title='pwned'\\\">"
    browser.goto(server.url)
    browser.wait('document.body.dataset.ready === "true"')
    title = browser.eval("document.title")
    browser.eval('window.stancegraphPage.editor.setValue(' + json.dumps(
        f'SELECT ?x ?stance WHERE {{ BIND("{payload}" AS ?x) '
        'BIND(<https://w3id.org/stancegraph/id/stance/toy-1/%22%3E%3Cimg%20src=x%3E> AS ?stance) }') + ')')
    browser.eval('document.getElementById("run").click()')
    seen = json.loads(browser.wait(RESULTS))
    assert seen["rows"][0][0][0] == "<img src=x onerror=\"document.title='pwned'\">"
    assert browser.eval('document.querySelectorAll("#out img").length') == 0
    assert browser.eval("document.title") == title


@pytest.mark.browser
def test_the_csv_download_is_safe_in_a_spreadsheet(browser, server):
    browser.goto(server.url)
    browser.wait('document.body.dataset.ready === "true"')
    browser.eval('window.stancegraphPage.editor.setValue(' + json.dumps(
        'SELECT ?a ?b ?c ?d WHERE { BIND("=SUM(1+1)" AS ?a) BIND("@cmd" AS ?b) BIND("-0.5" AS ?c) '
        'BIND("plain" AS ?d) }') + ')')
    browser.eval('document.getElementById("run").click()')
    browser.wait(RESULTS)
    [head, row] = list(csv.reader(io.StringIO(browser.eval("window.stancegraphPage.csv()"))))
    from stancegraph.csvio import escape_cell
    assert row == ["'=SUM(1+1)", "'@cmd", "-0.5", "plain"] == [escape_cell(v) for v in ("=SUM(1+1)", "@cmd", "-0.5", "plain")]
