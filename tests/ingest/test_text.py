"""Plain-text files: encodings, empty and binary files, the size limit."""
from __future__ import annotations

import logging
import os
import random
import time
from pathlib import Path

import pytest

from stancegraph.errors import InputError
from stancegraph.ingest import read_documents, read_txt
from stancegraph.ingest.files import MB

ARTICLE = (
    "Eastmouth council backs cycle lanes\n"
    "\n"
    "Skip to content\n"
    "The council of Eastmouth voted on Tuesday to build cycle lanes on the harbour road.\n"
    "Share this\n"
    "Shopkeepers opposed the plan, saying it would cost them parking.\n"
)


def single_error(path: Path, **kwargs) -> str:
    result = read_documents([path], **kwargs)
    assert result.documents == []
    assert len(result.errors) == 1
    message = str(result.errors[0])
    assert "\n" not in message and message.startswith(str(path) + ": ")
    return message


def test_txt_is_read_cleaned_and_titled(write_file):
    doc = read_txt(write_file("cycle-lanes-2031.txt", ARTICLE))
    assert doc.id == "cycle-lanes-2031"
    assert doc.title == "Eastmouth council backs cycle lanes"
    assert doc.text.startswith(doc.title + "\n")  # the title stays in the text
    assert "Skip to content" not in doc.text and "Share this" not in doc.text
    assert doc.path.endswith("cycle-lanes-2031.txt")
    assert doc.date is None and doc.url is None


def test_utf8_bom_is_tolerated(write_file):
    path = write_file("bom.txt", b"\xef\xbb\xbf" + "Caf\u00e9 owners oppose the levy.\n".encode())
    doc = read_txt(path)
    assert doc.text == "Caf\u00e9 owners oppose the levy."


def test_latin1_file_is_decoded_with_a_warning(write_file, caplog):
    text = "Le maire soutient le projet de tramway \u00e0 Gen\u00e8ve, d\u00e9j\u00e0 vot\u00e9."
    path = write_file("latin.txt", (text + "\n").encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="stancegraph.ingest"):
        result = read_documents([path])
    assert result.errors == []
    assert result.documents[0].text == text
    assert any("latin.txt" in r.getMessage() and "UTF-8" in r.getMessage() for r in caplog.records)


def test_cp1252_quotes_are_decoded(write_file):
    path = write_file("quotes.txt", "The mayor said \u201cno\u201d to the plan.".encode("cp1252"))
    doc = read_txt(path)
    assert doc.text == "The mayor said \u201cno\u201d to the plan."


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t \n"])
def test_empty_file_is_an_error(write_file, content):
    path = write_file("blank.txt", content)
    assert single_error(path) == f"{path}: empty file"


def test_file_of_only_boilerplate_is_empty(write_file):
    path = write_file("chrome.txt", "Skip to content\nAdvertisement\nShare this\n")
    assert single_error(path) == f"{path}: empty file"


def test_file_with_nul_bytes_is_binary(write_file):
    path = write_file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert single_error(path) == f"{path}: binary file, not text"


def test_random_bytes_without_nul_are_binary(write_file):
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))
    path = write_file("noise.txt", noise)
    assert single_error(path) == f"{path}: binary file, not text"


def test_50_mb_file_is_rejected_by_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    line = b"The committee supports the tram line and opposes the road.\n"
    with path.open("wb") as f:
        f.write(line * (50 * MB // len(line) + 1))
        f.truncate(50 * MB)

    def no_reading(self, *args, **kwargs):
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    started = time.perf_counter()
    message = single_error(path)
    assert time.perf_counter() - started < 1.0
    assert message == f"{path}: file is 50 MB, over the 10 MB limit"


def test_size_limit_is_configurable(write_file):
    path = write_file("long.txt", "The board opposes the cuts. " * 100)
    assert single_error(path, max_bytes=1024) == f"{path}: file is 2.7 KB, over the 1 KB limit"
    assert read_documents([path], max_bytes=4096).documents


def test_file_just_over_the_limit_says_by_how_much(write_file):
    path = write_file("edge.txt", "x" * 2049)
    message = single_error(path, max_bytes=2048)
    assert message == f"{path}: file is 2049 bytes, over the 2048 bytes limit"


def test_unreadable_file_is_an_error_not_a_crash(write_file, monkeypatch):
    path = write_file("locked.txt", "The board opposes the cuts.")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    assert single_error(path) == f"{path}: cannot read: Permission denied"
