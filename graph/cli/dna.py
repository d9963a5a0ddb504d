"""``stancegraph dna import`` and ``stancegraph dna export``: data in and out of the Discourse
Network Analyzer (DNA) and rDNA."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors

dna_app = typer.Typer(name="dna", no_args_is_help=True,
                      help="Exchange data with the Discourse Network Analyzer (DNA) and rDNA.")
app.add_typer(dna_app, name="dna")
NETWORKS = ("affiliation", "congruence", "conflict")


@dna_app.command("import")
@one_line_errors
def import_dna(
    path: Path = typer.Argument(..., help="A DNA database (.dna, SQLite; DNA 2.x or 3.x)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder (made if missing)."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook to match actors and concepts to."),
    actor: str = typer.Option("organization", "--actor", help="Which DNA variable is the actor: organization or person."),
) -> None:
    """Load a DNA database's documents and statements as human-coded stances."""
    from ..codebook import load_codebook
    from ..dna import import_dna as run_import
    from ..rdf.store import StanceStore

    if actor not in ("organization", "person"):
        fail(f"--actor: use organization or person, not {actor!r}", 2)
    with StanceStore.open(store) as st:
        report = run_import(st, path, codebook=load_codebook(codebook), actor=actor)
    for line in report.skipped:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(report.summary())


@dna_app.command("export")
@one_line_errors
def export_dna(
    out: Path = typer.Option(Path("out/dna"), "--out", "-o", help="Folder for statements.csv and the GraphML networks."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook (persons' organizations)."),
    normalization: str = typer.Option("no", "--normalization", "-n", help="One-mode networks: no, average, jaccard or cosine."),
    candidates: bool = typer.Option(True, "--candidates/--no-candidates",
                                    help="Include concepts outside the codebook (candidate topics)."),
) -> None:
    """Write the statement table (CSV, as DNA's event list) and the affiliation, congruence and
    conflict networks (GraphML) for DNA and rDNA users."""
    from .. import analysis
    from ..codebook import load_codebook
    from ..dna import write_statement_table
    from ..rdf.store import StanceStore

    if normalization not in analysis.NORMALIZATIONS:
        fail(f"unknown normalization {normalization!r}; use one of: {', '.join(analysis.NORMALIZATIONS)}", 2)
    if not store.is_dir():
        fail(f"{store}: no graph store here (run 'stancegraph build' or 'stancegraph dna import' first)")
    out.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store) as st:
        with open(out / "statements.csv", "w", encoding="utf-8", newline="") as fh:
            n = write_statement_table(st, fh, load_codebook(codebook), candidates=candidates)
        records = analysis.statements(st)
    for kind in NETWORKS:
        if kind == "affiliation":
            G = analysis.affiliation_network(records, candidates=candidates)
        else:
            G = getattr(analysis, f"{kind}_network")(records, normalization=normalization, candidates=candidates)
        analysis.write_graphml(G, out / f"{kind}.graphml")
    typer.echo(f"wrote {out}: statements.csv ({n} statements), " + ", ".join(f"{k}.graphml" for k in NETWORKS))
