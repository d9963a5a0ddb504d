"""Stances as a table: JSON Lines and CSV (one stance a record, fields as in the README)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from . import csvio
from .types import RECORD_FIELDS, Stance

TABLE_FORMATS = ("jsonl", "csv")


def write_table(stances: Iterable[Stance], out: TextIO, fmt: str = "jsonl") -> int:
    """Write stances to an open text stream; returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for s in stances:
            out.write(json.dumps(s.to_record(), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csvio.DictWriter(out, fieldnames=RECORD_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for s in stances:
            writer.writerow(s.to_record())
            n += 1
    else:
        raise ValueError(f"unknown table format {fmt!r}; known: {', '.join(TABLE_FORMATS)}")
    return n
