"""``stancegraph serve``: the store as a SPARQL endpoint with a web page."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, setup_logging, store_to_read


@app.command()
@one_line_errors
def serve(
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free one)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a query may run."),
    read_timeout: float = typer.Option(10.0, "--read-timeout", min=0.1,
                                       help="Seconds a client may take to send its request."),
    max_rows: int = typer.Option(10_000, "--max-rows", min=1, help="Rows (or triples) a result is cut at."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Query processes (default up to 4)."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL updates with the token."),
    token: Optional[str] = typer.Option(None, "--token", envvar="STANCEGRAPH_TOKEN",
                                        help="Bearer token updates must carry (or $STANCEGRAPH_TOKEN)."),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) with a query page (/), the map (/map), the position
    matrix (/matrix) and each document with its stances highlighted (/doc/ID)."""
    from ..serve import make_server

    setup_logging(verbose)
    if allow_update and not token:
        fail("--allow-update needs --token (clients send it as 'Authorization: Bearer TOKEN')", 2)
    store = store_to_read(store)
    server = make_server(store, host=host, port=port, timeout=timeout, max_rows=max_rows,
                         allow_update=allow_update, token=token, workers=workers, read_timeout=read_timeout)
    bound_host, bound_port = server.server_address[:2]
    typer.echo(f"serving {store} at http://{bound_host}:{bound_port}/ "
               f"({'updates allowed with the token' if allow_update else 'read-only'}); Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
