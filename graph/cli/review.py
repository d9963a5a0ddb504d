"""``stancegraph review export`` and ``stancegraph review import``: human review of the stances."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors

review_app = typer.Typer(name="review", no_args_is_help=True,
                         help="Review the stances by hand: export a sheet, mark it, import the verdicts.")
app.add_typer(review_app, name="review")


@review_app.command("export")
@one_line_errors
def export_review(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="CSV file to write (default stdout)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    candidates: bool = typer.Option(False, "--candidates", help="Also unclassified (candidate) stances."),
) -> None:
    """Write one row per stance, least confident first, with empty verdict columns to fill in."""
    from ..rdf.store import StanceStore
    from ..review import write_review

    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' first)")
    with StanceStore.open(store) as st:
        stances = [s for s in st.stances() if candidates or s.classified]
    if out is None:
        write_review(stances, sys.stdout)
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        n = write_review(stances, fh)
    typer.echo(f"wrote {out}: {n} stances to review (verdict: correct, wrong, changed; "
               "rows without a stance id add missed stances)", err=True)


@review_app.command("import")
@one_line_errors
def import_review(
    path: Path = typer.Argument(..., help="The review CSV, as exported and marked."),
    reviewer: str = typer.Option(..., "--reviewer", help="Who reviewed (recorded as the prov:Agent)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook the actors and topics come from."),
) -> None:
    """Apply the verdicts of a review file: all rows or, if any row is malformed, none."""
    from ..codebook import load_codebook
    from ..rdf.store import StanceStore
    from ..review import ReviewError, apply_review

    if not path.is_file():
        fail(f"{path}: no such file", 2)
    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' first)")
    with StanceStore.open(store) as st:
        try:
            report = apply_review(st, path, reviewer, codebook=load_codebook(codebook))
        except ReviewError as exc:  # every problem, one a line
            typer.echo(f"error: {exc}", err=True)
            for line, problem in exc.problems[1:]:
                typer.echo(f"  {path}, line {line}: {problem}", err=True)
            raise typer.Exit(1) from None
    typer.echo(report.summary())
