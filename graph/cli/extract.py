from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, setup_logging


@app.command()
@one_line_errors
def extract(
    paths: list[Path] = typer.Argument(..., help="Article files or folders."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook Turtle file."),
    extractor: Optional[str] = typer.Option(None, "--extractor", help="Registered extractor name."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for articles without one."),
    candidates: bool = typer.Option(False, "--candidates", help="Also write unclassified candidates (topic empty)."),
    lessons: Optional[Path] = typer.Option(None, "--lessons", help="Apply the lessons of this file "
                                           "(written by 'stancegraph review lessons --out')."),
    min_confidence: float = typer.Option(
        0.0, "--min-confidence", min=0.0, max=1.0,
        help="Keep only stances with at least this confidence (0-1; see the README's 'Confidence')."),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Write the stances of articles to stdout, without touching a store."""
    from ..codebook import load_codebook
    from ..ingest import read_documents
    from ..pipeline import extract as run_extract
    from ..table import TABLE_FORMATS, write_table

    setup_logging(verbose)
    if fmt not in TABLE_FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(TABLE_FORMATS)}", 2)
    book = load_codebook(codebook)
    taught = None
    if lessons is not None:
        from ..lessons import read_lessons
        taught = read_lessons(lessons)
    ingested = read_documents(paths, date=date)
    for err in ingested.errors:
        typer.echo(f"skipped: {err}", err=True)
    stances = [s for _, found in run_extract(ingested.documents, codebook=book, extractor=extractor,
                                                       lessons=taught, min_confidence=min_confidence)
               for s in found if candidates or s.classified]
    write_table(stances, sys.stdout, fmt)
    if not ingested.documents:
        raise typer.Exit(1)
