from __future__ import annotations

from pathlib import Path

import typer

from . import app
from ._common import fail, one_line_errors


@app.command()
@one_line_errors
def viz(
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    output: Path = typer.Option(Path("out/stances.html"), "--output", "-o", help="HTML file to write."),
    title: str = typer.Option("stancegraph: who stands where", "--title"),
) -> None:
    """Draw the stored stances as an interactive HTML map that works offline."""
    from ..codebook import load_codebook
    from ..rdf.store import StanceStore
    from ..viz.html import write_stance_map

    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' first)")
    kinds = {a.id: a.kind for a in load_codebook().actors.values()}
    with StanceStore.open(store) as st:
        path = write_stance_map(st.stances(), output, title=title, actor_kinds=kinds)
    typer.echo(f"wrote {path}")
