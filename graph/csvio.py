"""The one CSV writer (and reader) of stancegraph: cells are safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets, so an article sentence such as ``@SUM(1+1) Ukraine
rejected ...`` would run when an analyst opens an export. Such text cells are written with a
leading single quote (as OWASP advises: the spreadsheet then shows the text as text). Plain
numbers (``-0.5``, ``+3``) are left as they are: they are no formula, and R or pandas must read
them as numbers. Readers undo the quote, so a round trip is lossless: a cell that already starts
with quotes before such a character gets one more, which reading takes off again.

>>> escape_cell("=SUM(1+1)"), escape_cell("-0.25"), escape_cell("Kyiv"), escape_cell(-3)
("'=SUM(1+1)", '-0.25', 'Kyiv', -3)
>>> all(unescape_cell(escape_cell(v)) == v for v in ["@x", "'@x", "''+1", "'plain", "-", "+1e3", "\\tx"])
True
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _risky(text: str) -> bool:
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_START) and not _NUMBER.fullmatch(bare)


def escape_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would take it for a formula (text only)."""
    return "'" + value if isinstance(value, str) and _risky(value) else value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell` on a cell read back."""
    return value[1:] if value.startswith("'") and _risky(value[1:]) else value


class _SafeRows:
    """A ``csv.writer`` whose cells go through :func:`escape_cell`."""

    def __init__(self, inner):
        self._inner = inner

    @property
    def dialect(self):
        return self._inner.dialect

    def writerow(self, row: Iterable[Any]):
        return self._inner.writerow([escape_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: TextIO, **options) -> _SafeRows:
    """``csv.writer(out, **options)`` with spreadsheet-safe cells."""
    return _SafeRows(csv.writer(out, **options))


class DictWriter(csv.DictWriter):
    """``csv.DictWriter`` with spreadsheet-safe cells."""

    def __init__(self, out: TextIO, fieldnames: Sequence[str], **options):
        super().__init__(out, fieldnames, **options)
        self.writer = _SafeRows(self.writer)


class DictReader(csv.DictReader):
    """``csv.DictReader`` that undoes the quotes :class:`DictWriter` added."""

    def __next__(self) -> dict:
        row = super().__next__()
        return {k: unescape_cell(v) if isinstance(v, str) else v for k, v in row.items()}
