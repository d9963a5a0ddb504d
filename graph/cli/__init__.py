"""The ``stancegraph`` command: thin typer commands over the library, one module each."""
from __future__ import annotations

from ._app import app

__all__ = ["app", "main"]


def _register() -> None:
    from . import build, export, extract, network, query, topics, viz  # noqa: F401  (each adds its command)
    from . import evaluate  # noqa: F401
    from . import dna, review, timeline  # noqa: F401  (issue 6: human review, time, DNA interop)
    from . import load, serve  # noqa: F401  (issue 5: sharing graphs, the SPARQL endpoint)
    from . import codebook  # noqa: F401


def main() -> None:
    _register()
    app()


_register()
