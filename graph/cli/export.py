from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, file_or_stdout, one_line_errors, store_to_read

FORMATS = ("jsonl", "csv", "ttl", "trig", "jsonld", "nquads")


@app.command()
@one_line_errors
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, ttl, trig, jsonld or nquads."),
    store: str = typer.Option("out/store", "--store",
                              help="Graph store folder, or a SPARQL server as sparql+http://HOST:PORT/PATH."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default, or -: stdout)."),
    candidates: bool = typer.Option(False, "--candidates", help="Tables: also unclassified candidates."),
) -> None:
    """Export the stored stances as a table or an RDF serialisation."""
    from ..rdf.store import open_store
    from ..table import TABLE_FORMATS, write_table

    output = file_or_stdout(output)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", 2)
    with open_store(store_to_read(store)) as st:
        if fmt in TABLE_FORMATS:
            if output:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    write_table([s for s in st.stances() if candidates or s.classified], fh, fmt)
            else:
                write_table([s for s in st.stances() if candidates or s.classified], sys.stdout, fmt)
        elif fmt == "jsonld":  # compacted with the published context (stancegraph.rdf.jsonld)
            from ..rdf.jsonld import write_jsonld
            if output:
                write_jsonld(st, output)
            else:
                import tempfile
                with tempfile.TemporaryDirectory() as tmp:
                    sys.stdout.write(write_jsonld(st, Path(tmp) / "export.jsonld").read_text(encoding="utf-8"))
        elif output:
            st.export(fmt, output)
        else:
            import tempfile
            with tempfile.TemporaryDirectory() as tmp:
                sys.stdout.write(st.export(fmt, Path(tmp) / f"export.{fmt}").read_text(encoding="utf-8"))
