"""What every command shares: logging set-up and one-line errors with a non-zero exit."""
from __future__ import annotations

import functools
import logging
import sys

import typer

from ..errors import StanceGraphError


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def fail(message: str, code: int = 1):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def one_line_errors(func):
    """Turn library errors into ``error: <one line>`` on stderr and exit code 1."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StanceGraphError as exc:
            fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except KeyboardInterrupt:
            fail("interrupted", 130)
    return wrapper
