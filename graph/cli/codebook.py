"""``stancegraph codebook check FILE``: every problem of a codebook, a line each."""
from __future__ import annotations

from pathlib import Path

import typer

from ._app import app
from ._common import one_line_errors

codebook_app = typer.Typer(help="Codebooks: check one you wrote.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")


@codebook_app.command("check")
@one_line_errors
def check(path: Path = typer.Argument(..., help="A codebook in Turtle (see the README, 'Writing a codebook').")) -> None:
    """Check a codebook as build and extract read it: syntax, sg: terms, references, labels, aliases."""
    from ..codebook import load_codebook

    book = load_codebook(path)  # a codebook with problems raises, each problem on its line
    typer.echo(f"{path}: ok ({len(book.actors)} actors, {len(book.topics)} topics)")
