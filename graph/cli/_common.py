"""What every command shares: logging set-up and one-line errors with a non-zero exit."""
from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import StanceGraphError


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


STDOUT = "-"  # as an output file: standard output


def file_or_stdout(output: Optional[Path]) -> Optional[Path]:
    """``output``, or ``None`` (standard output) when it is ``-``."""
    return None if output is not None and str(output) == STDOUT else output


def output_folder(out: Path, option: str = "--out") -> Path:
    """A folder to write several files into; ``-`` (standard output) cannot be one."""
    if str(out) == STDOUT:
        fail(f"{option} -: this command writes several files, so it needs a folder, not standard output", 2)
    return out


def fail(message: str, code: int = 1):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def one_line_errors(func):
    """Turn errors into ``error: <one line>`` on stderr and exit code 1 (130 on Ctrl-C).

    Unexpected exceptions (bugs) also give one line, unless the command runs with ``--verbose``."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StanceGraphError as exc:
            for line in getattr(exc, "problems", ())[:-1]:  # a codebook's every problem, a line each
                typer.echo(f"error: {line}", err=True)
            fail(exc.problems[-1] if getattr(exc, "problems", ()) else _first_line(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not a user error: one line; the traceback with --verbose
            if kwargs.get("verbose"):
                raise
            hint = " (run again with --verbose to see the traceback)" if "verbose" in kwargs else ""
            fail(f"unexpected {type(exc).__name__}: {_first_line(exc)}{hint}")
    return wrapper


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def store_to_read(spec):
    """The store a reading command opens for ``--store spec`` (see :mod:`stancegraph.rdf.folders`):
    refuses a folder without one; a build's output folder means the store inside it (said once)."""
    from ..rdf import folders

    return _said(spec, folders.store_to_read(spec))


def store_to_write(spec):
    """As :func:`store_to_read` for a command that may make the store (new or empty folder)."""
    from ..rdf import folders

    return _said(spec, folders.store_to_write(spec))


def _said(spec, found):
    if str(found) != str(spec):
        typer.echo(f"using the store in {found}", err=True)
    return found
