from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import STDOUT, fail, one_line_errors, store_to_read

VIEWS = ("stances", "affiliation", "congruence", "conflict", "difference", "matrix")
LAYOUTS = ("map", "columns")
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")


@app.command()
@one_line_errors
def viz(
    view: str = typer.Option("stances", "--view",
                             help="stances (the stance map), affiliation, congruence, conflict, difference, "
                                  "or matrix (actors x topics)."),
    normalization: str = typer.Option("no", "--normalization", "-n",
                                      help="congruence, conflict, difference: no, average, jaccard or cosine "
                                           "(DNA's normalisations)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="HTML file to write (default out/VIEW.html; -: stdout)."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title (default names the view)."),
    candidates: bool = typer.Option(False, "--candidates",
                                    help="Network views: include candidate topics (unclassified phrases). "
                                         "Concepts coded in an imported DNA database are always included."),
    layout: str = typer.Option("map", "--layout", help="map, or columns (actors left, topics right)."),
    documents: bool = typer.Option(True, "--documents/--no-documents",
                                   help="Write each document's view into docs/ beside the page and link to it."),
) -> None:
    """Draw the stored stances, or one of their network views, as an interactive HTML map that works offline."""
    if view not in VIEWS:
        fail(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}", 2)
    if normalization not in NORMALIZATIONS:
        fail(f"unknown normalization {normalization!r}; use one of: {', '.join(NORMALIZATIONS)}", 2)
    if normalization != "no" and view in ("stances", "affiliation", "matrix"):
        fail("--normalization applies to the congruence, conflict and difference views", 2)
    if layout not in LAYOUTS:
        fail(f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}", 2)

    from ..rdf.store import StanceStore
    from ..viz.views import write_view

    store = store_to_read(store)  # refused before anything is written
    options = {"normalization": normalization, "title": title, "candidates": candidates}
    if view != "matrix":
        options["layout"] = layout
    if output is not None and str(output) == STDOUT:  # one page, no document views beside it
        import sys
        import tempfile

        with tempfile.TemporaryDirectory() as tmp, StanceStore.open(store) as st:
            sys.stdout.write(write_view(st, view, Path(tmp) / f"{view}.html", **options).read_text(encoding="utf-8"))
        return
    output = output or Path("out") / f"{view}.html"
    output.parent.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store) as st:
        path = write_view(st, view, output, documents=output.parent / "docs" if documents else None, **options)
    typer.echo(f"wrote {path}")
