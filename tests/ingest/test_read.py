"""read_documents: paths and directories, ids, duplicates, the --date default, error policy."""
from __future__ import annotations

import json

import pytest

from stancegraph.errors import InputError
from stancegraph.ingest import IngestResult, iter_documents, read_documents
from stancegraph.types import Document

HTML = ("<html><head><title>Lighthouse keepers oppose automation</title></head><body><article>"
        "<p>The lighthouse keepers of Eastmouth said on Monday that they oppose the plan to "
        "automate the northern light, which they called unsafe in winter storms.</p>"
        "</article></body></html>")


@pytest.fixture
def corpus(write_file, tmp_path):
    write_file("b/second.txt", "Fishers back the new quay.")
    write_file("a/first.txt", "Port workers oppose the merger.")
    write_file("a/deeper/third.htm", HTML)
    write_file("c.jsonl", json.dumps({"id": "fourth", "text": "The mayor backs the tram."}) + "\n")
    write_file("notes.md", "# not an article")
    write_file("a/.hidden.txt", "Hidden files are not read.")
    write_file(".cache/stale.txt", "Hidden folders are not read.")
    write_file("a/image.png", b"\x89PNG\x00")
    return tmp_path


def test_directory_is_recursed_in_path_order(corpus):
    result = read_documents([corpus])
    assert isinstance(result, IngestResult)
    assert result.errors == []
    assert [doc.id for doc in result.documents] == ["third", "first", "second", "fourth"]
    assert all(isinstance(doc, Document) for doc in result.documents)


def test_files_and_directories_mixed_in_argument_order(corpus):
    result = read_documents([corpus / "c.jsonl", str(corpus / "b"), corpus / "a" / "first.txt"])
    assert [doc.id for doc in result.documents] == ["fourth", "second", "first"]


def test_a_single_path_is_not_taken_for_an_iterable(corpus):
    assert [doc.id for doc in read_documents(str(corpus / "b")).documents] == ["second"]


def test_a_file_named_twice_is_read_once(corpus):
    result = read_documents([corpus / "b", corpus / "b" / "second.txt"])
    assert [doc.id for doc in result.documents] == ["second"] and result.errors == []


def test_missing_path_raises(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file or directory$"):
        read_documents([tmp_path / "nowhere.txt"])


def test_directory_without_articles_raises_naming_it(write_file, tmp_path):
    write_file("empty-dir/readme.md", "nothing here")
    write_file("empty-dir/.draft.txt", "hidden")
    with pytest.raises(InputError) as info:
        read_documents([tmp_path / "empty-dir"])
    assert str(info.value).startswith(f"{tmp_path / 'empty-dir'}: no articles in this directory")
    assert info.value.path == str(tmp_path / "empty-dir")


def test_unsupported_file_named_explicitly_is_an_error(corpus):
    result = read_documents([corpus / "notes.md"])
    assert [str(err) for err in result.errors] == [
        f"{corpus / 'notes.md'}: unsupported file type '.md' (expected .txt, .html, .htm, .jsonl)"
    ]


def test_bad_files_do_not_stop_the_others(write_file, tmp_path):
    write_file("in/a.txt", "")
    write_file("in/b.txt", b"\x00\x01binary")
    write_file("in/c.txt", "The board backs the plan.")
    result = read_documents([tmp_path / "in"])
    assert [doc.id for doc in result.documents] == ["c"]
    assert [str(err) for err in result.errors] == [
        f"{tmp_path / 'in' / 'a.txt'}: empty file",
        f"{tmp_path / 'in' / 'b.txt'}: binary file, not text",
    ]


def test_duplicate_stems_give_an_error_for_the_second(write_file, tmp_path):
    first = write_file("x/report.txt", "The board backs the plan.")
    second = write_file("y/report.html", HTML)
    result = read_documents([tmp_path])
    assert [doc.path for doc in result.documents] == [str(first)]
    assert [str(err) for err in result.errors] == [
        f"{second}: duplicate document id 'report' (first read from {first})"
    ]


def test_duplicate_jsonl_id_and_stem(write_file, tmp_path):
    write_file("d/a.jsonl", "\n".join(json.dumps({"id": i, "text": "Text."}) for i in ("one", "two", "one")))
    write_file("d/two.txt", "Also text.")
    result = read_documents([tmp_path / "d"])
    assert [doc.id for doc in result.documents] == ["one", "two"]
    assert [err.problem.split(" (")[0] for err in result.errors] == [
        "duplicate document id 'one'", "duplicate document id 'two'",
    ]


def test_date_argument_fills_only_missing_dates(write_file, tmp_path):
    write_file("d/a.txt", "The board backs the plan.")
    write_file("d/b.jsonl", json.dumps({"id": "b", "text": "Text.", "date": "2030-12-24"}))
    docs = read_documents([tmp_path / "d"], date="2031-01-05").documents
    assert [(doc.id, doc.date) for doc in docs] == [("a", "2031-01-05"), ("b", "2030-12-24")]


def test_date_argument_is_normalised_and_checked(corpus):
    docs = read_documents([corpus / "b"], date="5 January 2031").documents
    assert docs[0].date == "2031-01-05"
    with pytest.raises(InputError, match=r"^date: cannot read 'soon' as a date \(use YYYY-MM-DD\)$"):
        read_documents([corpus / "b"], date="soon")


def test_iter_documents_checks_paths_before_the_first_item(tmp_path):
    with pytest.raises(InputError):
        iter_documents([tmp_path / "missing"])  # raised at the call, not at next()


def test_iter_documents_yields_documents_and_errors_in_order(write_file, tmp_path):
    write_file("s/1.txt", "The board backs the plan.")
    write_file("s/2.txt", " ")
    items = list(iter_documents([tmp_path / "s"]))
    assert [type(item) for item in items] == [Document, InputError]


def test_empty_list_of_paths_reads_nothing():
    assert read_documents([]) == IngestResult()
