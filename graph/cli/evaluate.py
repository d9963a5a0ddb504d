from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, setup_logging

FORMATS = ("table", "json")


@app.command()
@one_line_errors
def evaluate(
    pred: Path = typer.Argument(..., help="Predicted stances: JSON Lines (stancegraph extract) or .csv."),
    gold: Path = typer.Argument(..., help="Gold stances: JSON Lines or .csv (README: Measuring quality)."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook Turtle file."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    show_errors: bool = typer.Option(True, "--show-errors/--no-show-errors",
                                     help="List false positives and misses with their sentences."),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Score predicted stances against gold ones: strict and lenient P/R/F1, by topic and actor.

    The last line printed is the summary ``F1 strict=... lenient=... (P=... R=...)``
    (on stderr with ``--format json``, so that stdout stays JSON)."""
    from ..codebook import load_codebook
    from ..evaluate import evaluate as run_evaluate
    from ..evaluate import notes, read_gold, read_predictions, report_lines

    setup_logging(verbose)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", 2)
    result = run_evaluate(read_predictions(pred), read_gold(gold), load_codebook(codebook))
    if fmt == "json":
        data = result.to_dict()
        if not show_errors:
            data.pop("false_positives"), data.pop("misses")
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        for line in [*notes(result), result.summary()]:
            typer.echo(line, err=True)
    else:
        typer.echo("\n".join(report_lines(result, show_errors=show_errors)))
