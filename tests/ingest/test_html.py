"""Saved web pages: main text and metadata through trafilatura, boilerplate cleaned."""
from __future__ import annotations

from stancegraph.errors import InputError
from stancegraph.ingest import read_documents, read_html

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour board rejects ferry cuts | Eastmouth Courier</title>
<meta property="og:title" content="Harbour board rejects ferry cuts">
<meta property="og:site_name" content="Eastmouth Courier">
<link rel="canonical" href="https://courier.example/harbour/ferry-cuts">
<meta property="article:published_time" content="2024-06-14T08:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="#main">Skip to content</a></nav>
<article id="main">
<h1>Harbour board rejects ferry cuts</h1>
<p>The harbour board of Eastmouth voted on Friday against the proposed cuts to the night ferry service.</p>
<h2>Union reaction</h2>
<p>The ferry workers' union welcomed the vote and said the service must stay in public hands.</p>
<p>Share this</p>
<p>The regional transport office, which proposed the cuts, said it would appeal the decision next month.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Lighthouse sold</a></li></ul></aside>
<footer><p>&copy; 2024 Eastmouth Courier. All rights reserved.</p></footer>
</body></html>
"""


def test_html_text_and_metadata(write_file):
    doc = read_html(write_file("ferry-cuts.html", PAGE))
    assert doc.id == "ferry-cuts"
    assert doc.title == "Harbour board rejects ferry cuts"
    assert doc.date == "2024-06-14"
    assert doc.url == "https://courier.example/harbour/ferry-cuts"
    assert doc.source == "Eastmouth Courier"
    lines = doc.text.split("\n")
    assert "Union reaction" in lines  # a heading stays a line of its own
    assert any(line.startswith("The ferry workers' union welcomed") for line in lines)
    assert any(line.startswith("The regional transport office") for line in lines)
    for chrome in ("Share this", "Skip to content", "All rights reserved", "<p>", "Most read"):
        assert chrome not in doc.text


def test_htm_suffix_and_legacy_charset(write_file):
    page = PAGE.replace("utf-8", "windows-1252").replace("Friday", "Friday in Besan\u00e7on")
    path = write_file("sub/ferry.HTM", page.encode("cp1252"))
    result = read_documents([path])
    assert result.errors == []
    assert "Besan\u00e7on" in result.documents[0].text


def test_date_argument_fills_a_page_without_date(write_file):
    page = PAGE.replace('<meta property="article:published_time" content="2024-06-14T08:30:00+01:00">', "")
    result = read_documents([write_file("undated.html", page)], date="2031-07-01")
    assert result.documents[0].date == "2031-07-01"


def test_page_without_article_text_is_an_error(write_file):
    path = write_file("menu.html", "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
                                   "</nav><div></div></body></html>")
    result = read_documents([path])
    assert result.documents == []
    assert [str(err) for err in result.errors] == [f"{path}: no article text found"]


def test_empty_and_binary_pages(write_file):
    empty = write_file("empty.html", "  \n")
    binary = write_file("binary.htm", b"<html>\x00\x01\x02</html>")
    errors = read_documents([empty, binary]).errors
    assert [str(err) for err in errors] == [f"{empty}: empty file", f"{binary}: binary file, not text"]
    assert all(isinstance(err, InputError) for err in errors)
