from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors

VIEWS = ("stances", "affiliation", "congruence", "conflict", "difference")
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")


@app.command()
@one_line_errors
def viz(
    view: str = typer.Option("stances", "--view",
                             help="stances (the stance map), affiliation, congruence, conflict or difference."),
    normalization: str = typer.Option("no", "--normalization", "-n",
                                      help="congruence, conflict, difference: no, average, jaccard or cosine."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="HTML file to write (default out/VIEW.html)."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title (default names the view)."),
) -> None:
    """Draw the stored stances, or one of their network views, as an interactive HTML map that works offline."""
    if view not in VIEWS:
        fail(f"unknown view {view!r}; use one of: {', '.join(VIEWS)}", 2)
    if normalization not in NORMALIZATIONS:
        fail(f"unknown normalization {normalization!r}; use one of: {', '.join(NORMALIZATIONS)}", 2)
    if normalization != "no" and view in ("stances", "affiliation"):
        fail("--normalization applies to the congruence, conflict and difference views", 2)
    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' first)")

    from ..rdf.store import StanceStore
    from ..viz.views import write_view

    output = output or Path("out") / f"{view}.html"
    output.parent.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store) as st:
        path = write_view(st, view, output, normalization=normalization, title=title)
    typer.echo(f"wrote {path}")
