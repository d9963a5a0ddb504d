"""JSON Lines: one article a line; a broken line is an error naming file:LINE."""
from __future__ import annotations

import json
import logging

import pytest

from stancegraph.ingest import read_documents, read_jsonl
from stancegraph.types import Document


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


GOOD = {"id": "ec-101", "text": "The port authority backs the new quay.\nRead more",
        "title": "Quay approved", "date": "2031-06-02", "url": "https://courier.example/quay",
        "source": "Eastmouth Courier"}


def test_good_lines_become_documents(write_file):
    path = write_file("batch.jsonl", jsonl(GOOD, {"id": 7, "text": "Fishers oppose the quay."}))
    docs = list(read_jsonl(path))
    assert docs == [
        Document(id="ec-101", text="The port authority backs the new quay.", title="Quay approved",
                 date="2031-06-02", url="https://courier.example/quay", source="Eastmouth Courier",
                 path=str(path)),
        Document(id="7", text="Fishers oppose the quay.", path=str(path)),
    ]


def test_broken_line_is_reported_and_the_others_kept(write_file):
    path = write_file("batch.jsonl", jsonl(
        GOOD,
        "",                                                   # blank lines are skipped
        '{"id": "ec-102", "text": "unterminated}',
        {"id": "ec-103", "text": "The harbour master supports dredging."},
    ))
    result = read_documents([path])
    assert [doc.id for doc in result.documents] == ["ec-101", "ec-103"]
    assert len(result.errors) == 1
    message = str(result.errors[0])
    assert message.startswith(f"{path}:3: invalid JSON (")
    assert "\n" not in message


@pytest.mark.parametrize("line, problem", [
    ({"text": "No id here."}, 'missing "id" (a non-empty string)'),
    ({"id": "  ", "text": "Blank id."}, 'missing "id" (a non-empty string)'),
    ({"id": "a"}, 'missing "text"'),
    ({"id": "a", "text": ["a", "list"]}, '"text" is not a string but list'),
    ({"id": "a", "text": "Skip to content"}, 'empty "text"'),
    ({"id": "a", "text": "Fine text.", "title": 3}, '"title" is not a string but int'),
    ('["id", "text"]', "expected a JSON object, got list"),
])
def test_bad_records(write_file, line, problem):
    path = write_file("bad.jsonl", jsonl(GOOD, line))
    items = list(read_jsonl(path))
    assert isinstance(items[0], Document)
    assert str(items[1]) == f"{path}:2: {problem}"


def test_dates_are_normalised_or_dropped_with_a_warning(write_file, caplog):
    path = write_file("dates.jsonl", jsonl(
        {"id": "a", "text": "One.", "date": "June 2, 2031"},
        {"id": "b", "text": "Two.", "date": "2031-06-02T23:59:00Z"},
        {"id": "c", "text": "Three.", "date": "sometime last week"},
    ))
    with caplog.at_level(logging.WARNING, logger="stancegraph.ingest"):
        docs = read_documents([path], date="2031-01-01").documents
    assert [doc.date for doc in docs] == ["2031-06-02", "2031-06-02", "2031-01-01"]
    assert any(f"{path}:3" in r.getMessage() and "sometime last week" in r.getMessage()
               for r in caplog.records)


def test_line_over_the_size_limit_is_skipped_unread(write_file):
    long_text = "The council opposes the plan. " * 200
    path = write_file("big.jsonl", jsonl({"id": "big", "text": long_text}, GOOD))
    result = read_documents([path], max_bytes=1024)
    assert [doc.id for doc in result.documents] == ["ec-101"]
    assert [str(err) for err in result.errors] == [f"{path}:1: line is over the 1 KB limit"]


def test_file_without_records_is_empty(write_file):
    path = write_file("none.jsonl", "\n\n")
    assert [str(err) for err in read_documents([path]).errors] == [f"{path}: empty file"]


def test_line_not_utf8(write_file):
    path = write_file("latin.jsonl", '{"id": "x", "text": "Caf\u00e9."}\n'.encode("latin-1"))
    assert [str(err) for err in read_documents([path]).errors] == [
        f"{path}:1: not UTF-8 (JSON Lines must be UTF-8)"
    ]
