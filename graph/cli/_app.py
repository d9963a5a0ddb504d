"""The typer application every command module adds its command to (``from ._app import app``);
:mod:`stancegraph.cli` imports the command modules and runs it."""
from __future__ import annotations

import typer

app = typer.Typer(name="stancegraph", no_args_is_help=True, add_completion=False,
                  help="Who stands where on what: stances from news articles into an RDF graph.")
