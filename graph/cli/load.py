from __future__ import annotations

from pathlib import Path

import typer

from ._app import app
from ._common import one_line_errors, store_to_write


@app.command()
@one_line_errors
def load(
    files: list[Path] = typer.Argument(..., help="TriG (.trig) or N-Quads (.nq) files, as 'export' writes them."),
    store: str = typer.Option("out/store", "--store",
                              help="Graph store folder (made if missing), or a SPARQL server as sparql+http://HOST:PORT/PATH."),
) -> None:
    """Load a shared graph into a store: each named graph in a file replaces the store's graph of that name.

    Each file is one transaction: a file that cannot be read or parsed changes nothing."""
    from ..rdf import mint
    from ..rdf.store import open_store

    with open_store(store_to_write(store)) as st:
        for f in files:
            names = st.load(f)
            docs = sum(1 for n in names if n.startswith(mint.BASE + "graph/") and mint.graph_doc_id(n) is not None)
            typer.echo(f"{f}: {len(names)} graphs loaded ({docs} documents)")
