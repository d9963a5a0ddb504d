"""``stancegraph query`` and ``stancegraph queries``: run and list the named SPARQL queries."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ._app import app
from ._common import fail, file_or_stdout, one_line_errors, store_to_read

FORMATS = ("table", "csv", "json")


@app.command()
@one_line_errors
def query(
    name: str = typer.Argument(..., help="A query name (see 'stancegraph queries') or a .rq file."),
    param: List[str] = typer.Option([], "--param", "-p", help="A parameter as NAME=VALUE (a declared one, or any variable of the query: <IRI>, number or text); repeat for more."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    store: str = typer.Option("out/store", "--store",
                              help="Graph store folder, or a SPARQL server as sparql+http://HOST:PORT/PATH."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default, or -: stdout)."),
) -> None:
    """Run a named SPARQL query (or a .rq file) on the store; parameters are bound, never pasted."""
    from ..queries import check_params, load_query, run_query
    from ..queries.bind import variables
    from ..rdf.store import open_store

    output = file_or_stdout(output)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", 2)
    params = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(f"--param {item!r}: write NAME=VALUE", 2)
        params[key.strip()] = value
    q = load_query(name)
    check_params(q.info, params, variables(q.text))  # unknown or missing: say so before opening the store
    with open_store(store_to_read(store)) as st:
        result = run_query(st, q, params)
    text = _render(result, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output} ({len(result.rows)} rows)", err=True)
    else:
        sys.stdout.write(text)


@app.command()
@one_line_errors
def queries() -> None:
    """List the named queries with what they answer and the parameters they take."""
    from ..queries import list_queries

    for info in list_queries():
        typer.echo(f"{info.name}: {info.description}")
        for p in info.params:
            typer.echo(f"    --param {p.name}=...  ({p.type}) {p.description}")


def _render(result, fmt: str) -> str:
    import io
    import json

    from .. import csvio

    if fmt == "json":
        records = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csvio.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([("" if v is None else v) for v in row] for row in result.rows)
        return buffer.getvalue()
    return _table(result.columns, result.rows)


def _table(columns: list[str], rows: list[tuple], width: int = 60) -> str:
    """Aligned columns; stancegraph and codebook IRIs shortened to their ids, long text cut."""
    cells = [[_short(v, width) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _short(value, width: int) -> str:
    from ..rdf.mint import local_id

    if value is None:
        return ""
    text = str(value)
    if text.startswith("https://w3id.org/stancegraph/"):
        text = local_id(text)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
