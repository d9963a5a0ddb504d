"""``stancegraph review export`` and ``stancegraph review import``: human review of the stances."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, file_or_stdout, one_line_errors, store_to_read

review_app = typer.Typer(name="review", no_args_is_help=True,
                         help="Review the stances by hand: export a sheet, mark it, import the verdicts.")
app.add_typer(review_app, name="review")


@review_app.command("export")
@one_line_errors
def export_review(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="CSV file to write (default, or -: stdout)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    candidates: bool = typer.Option(False, "--candidates", help="Also unclassified (candidate) stances."),
) -> None:
    """Write one row per stance, least confident first, with empty verdict columns to fill in."""
    from ..rdf.store import StanceStore
    from ..review import write_review

    out = file_or_stdout(out)
    with StanceStore.open(store_to_read(store)) as st:
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
    with StanceStore.open(store_to_read(store)) as st:
        try:
            report = apply_review(st, path, reviewer, codebook=load_codebook(codebook))
        except ReviewError as exc:  # every problem, one a line
            typer.echo(f"error: {exc}", err=True)
            for line, problem in exc.problems[1:]:
                typer.echo(f"  {path}, line {line}: {problem}", err=True)
            raise typer.Exit(1) from None
    typer.echo(report.summary())


@review_app.command("lessons")
@one_line_errors
def lessons(
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    drop: list[str] = typer.Option([], "--drop", help="Drop the lesson with this id (repeatable); "
                                   "the next build reads without it."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the lessons to this file, for "
                                       "'build --lessons' on another store."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    kind: list[str] = typer.Option([], "--kind", help="List only lessons of this kind (repeatable): "
                                   "alias, cue, phrase, reject, accept, score."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook the store was built with."),
) -> None:
    """List what the reviews in a store teach the extractor; drop a lesson; share them as a file."""
    from ..codebook import load_codebook
    from ..lessons import drop_lesson, store_lessons, write_lessons
    from ..rdf.store import StanceStore

    from ..lessons.model import KINDS

    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; use table or json", 2)
    unknown = [k for k in kind if k not in KINDS]
    if unknown:
        fail(f"unknown lesson kind {unknown[0]!r}; use one of: {', '.join(KINDS)}", 2)
    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' first)")
    book = load_codebook(codebook)
    with StanceStore.open(store) as st:
        found = store_lessons(st, book)
        for lesson in drop:
            dropped = found.get(lesson)
            found = drop_lesson(st, book, lesson)
            typer.echo(f"dropped lesson {lesson}: {dropped.kind} {dropped.what}", err=True)
    if out is not None:
        write_lessons(found, out)
        typer.echo(f"wrote {out}: {len(found.lessons)} lessons (apply with 'stancegraph build --lessons {out}')",
                   err=True)
    if fmt == "json":
        typer.echo(found.dumps(), nl=False)
        return
    if not found:
        typer.echo("no lessons: this store has no reviews to learn from ('stancegraph review import')")
        return
    typer.echo(f"{'id':<8}  {'kind':<6}  {'from':>4}  what  |  example")
    for x in found.lessons:
        if kind and x.kind not in kind:
            continue
        example = " ".join(x.example.split())
        example = example if len(example) <= 70 else example[:67] + "..."
        typer.echo(f"{x.id:<8}  {x.kind:<6}  {x.count:>4}  {x.what}  |  {example}")
    typer.echo(f"{len(found.lessons)} lessons, digest {found.digest[:12]}")
