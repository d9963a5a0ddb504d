from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import one_line_errors, output_folder, setup_logging, store_to_write


@app.command()
@one_line_errors
def build(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .html, .jsonl) or folders of them."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for stances.ttl/.jsonl/.html."),
    store: Optional[str] = typer.Option(
        None, "--store", help="Graph store folder (default OUT/store), or a SPARQL server as "
                              "sparql+http://HOST:PORT/PATH."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook Turtle file (default: built in)."),
    extractor: Optional[str] = typer.Option(None, "--extractor", help="Registered extractor name."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for articles without one."),
    force: bool = typer.Option(False, "--force", help="Extract again even if a document is unchanged."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes for parsing."),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="Parse on a Dask cluster: its scheduler address, or 'local' for one here."),
    batch_size: int = typer.Option(64, "--batch-size", min=1,
                                   help="Documents per store transaction (a stopped build keeps whole batches)."),
    lessons: bool = typer.Option(True, "--lessons-from-reviews/--no-lessons",
                                 help="Apply what the store's reviews teach (default), or read with the plain extractor."),
    lessons_file: Optional[Path] = typer.Option(None, "--lessons", help="Also apply the lessons of this file "
                                                "(written by 'stancegraph review lessons --out')."),
    min_confidence: float = typer.Option(
        0.0, "--min-confidence", min=0.0, max=1.0,
        help="Keep only stances with at least this confidence (0-1; see the README's 'Confidence')."),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Extract stances from articles into the store and write the graph, table and map."""
    from ..pipeline import build as run_build

    setup_logging(verbose)
    output_folder(out)
    store = store_to_write(store if store else out / "store")  # refused before any extraction
    report = run_build(paths, out_dir=out, store_dir=store, codebook_path=codebook, extractor=extractor,
                       date=date, force=force, progress=True, n_process=jobs, batch_size=batch_size,
                       dask=dask, lessons=lessons, lessons_path=lessons_file, min_confidence=min_confidence)
    for err in report.errors:
        typer.echo(f"skipped: {err}", err=True)
    typer.echo(f"{report.read} documents read: {len(report.written)} extracted, "
               f"{len(report.unchanged)} unchanged, {len(report.errors)} skipped; "
               f"{sum(s.classified for s in report.stances)} stances and "
               f"{sum(not s.classified for s in report.stances)} unclassified candidates in {report.store_dir}")
    if report.lessons:
        typer.echo(f"applied {report.lessons} lessons from reviews (digest {report.lessons_digest[:12]}; "
                   "'stancegraph review lessons' lists them, --no-lessons reads without them)")
    rows = report.summary()
    if rows:
        width = max(len(r[0]) for r in rows)
        typer.echo(f"{'actor':<{width}}  support  oppose  topics")
        for actor, sup, opp, topics in rows:
            typer.echo(f"{actor:<{width}}  {sup:>7}  {opp:>6}  {topics:>6}")
    for kind, path in report.outputs.items():
        typer.echo(f"wrote {path}")
    if report.read == 0:
        raise typer.Exit(1)
