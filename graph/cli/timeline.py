"""``stancegraph timeline``: an actor's positions on a topic over time, and its changes."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, store_to_read


@app.command()
@one_line_errors
def timeline(
    actor: str = typer.Option(..., "--actor", "-a", help="The actor: codebook id, label or IRI."),
    topic: str = typer.Option(..., "--topic", "-t", help="The topic: codebook id, label or IRI."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook to resolve names with."),
    width: int = typer.Option(100, "--width", help="Width of the side-by-side change report."),
) -> None:
    """Print an actor's positions on a topic over time, and each change (support → oppose) with
    the two evidence sentences side by side."""
    from ..codebook import load_codebook
    from ..rdf.store import StanceStore
    from ..timeline import render, timeline as build_timeline
    with StanceStore.open(store_to_read(store)) as st:
        tl = build_timeline(st, actor, topic, codebook=load_codebook(codebook))
    typer.echo(render(tl, width=width), nl=False)
