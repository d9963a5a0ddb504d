"""``stancegraph dna import`` and ``stancegraph dna export``: data in and out of the Discourse
Network Analyzer (DNA) and rDNA."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, one_line_errors, output_folder, store_to_read, store_to_write

dna_app = typer.Typer(name="dna", no_args_is_help=True,
                      help="Exchange data with the Discourse Network Analyzer (DNA) and rDNA.")
app.add_typer(dna_app, name="dna")


@dna_app.command("import")
@one_line_errors
def import_dna(
    path: Path = typer.Argument(..., help="A DNA database (.dna, SQLite; DNA 2.x or 3.x)."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder (made if missing)."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook to match actors and concepts to."),
    actor: str = typer.Option("organization", "--actor", help="Which DNA variable is the actor: organization or person."),
    statement_type: Optional[str] = typer.Option(
        None, "--statement-type", help="The statement type to import (default: DNA's 'DNA Statement'; "
                                       "'DNAStatement' in DNA 2). Other types are counted, not imported."),
) -> None:
    """Load a DNA database's documents and statements as human-coded stances."""
    from ..codebook import load_codebook
    from ..dna import import_dna as run_import
    from ..rdf.store import StanceStore

    if actor not in ("organization", "person"):
        fail(f"--actor: use organization or person, not {actor!r}", 2)
    store = store_to_write(store)
    if not path.is_file():
        fail(f"{path}: no such file")
    store.parent.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store) as st:
        report = run_import(st, path, codebook=load_codebook(codebook), actor=actor, statement_type=statement_type)
    for line in report.skipped:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(report.summary())


@dna_app.command("export")
@one_line_errors
def export_dna(
    out: Path = typer.Option(Path("out/dna"), "--out", "-o", help="Folder for statements.csv and the GraphML networks."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    codebook: Optional[Path] = typer.Option(None, "--codebook", help="Codebook (persons' organizations)."),
    normalization: str = typer.Option(
        "no", "--normalization", "-n",
        help="One-mode networks, as DNA: no, average (activity), jaccard, cosine (DNA's: divided by the two "
             "actors' statement counts), or vector-cosine (not DNA's: the cosine of their count vectors)."),
    duplicates: str = typer.Option(
        "include", "--duplicates",
        help="As DNA: count every statement (include), or one statement by an actor on a concept (with the same "
             "agreement, unless the aggregation is ignore) per document, week, month, year, or in all (acrossrange)."),
    aggregations: Optional[list[str]] = typer.Option(
        None, "--aggregation", "-a",
        help="One-mode networks to write, one file each (repeat the option): ignore (rDNA's default), "
             "congruence, conflict, subtract. Default: all four."),
    two_mode: str = typer.Option("ignore", "--two-mode-aggregation",
                                 help="affiliation.graphml (actor x concept): ignore, subtract or combine."),
    candidates: bool = typer.Option(True, "--candidates/--no-candidates",
                                    help="Include candidate topics (unclassified phrases stancegraph found). "
                                         "Concepts coded in an imported DNA database are always included."),
) -> None:
    """Write the statement table (CSV, as DNA's event list) and rDNA's networks (GraphML): the
    one-mode actor networks ignore, congruence, conflict and subtract, and the two-mode
    affiliation network, with DNA's numbers."""
    from .. import analysis
    from ..codebook import load_codebook
    from ..dna import export_dna as run_export
    from ..rdf.store import StanceStore

    aggregations = list(dict.fromkeys(aggregations or analysis.AGGREGATIONS))
    for option, value, allowed in (("--normalization", normalization, analysis.NORMALIZATIONS),
                                   ("--duplicates", duplicates, analysis.DUPLICATES),
                                   ("--two-mode-aggregation", two_mode, analysis.TWO_MODE_AGGREGATIONS),
                                   *(("--aggregation", a, analysis.AGGREGATIONS) for a in aggregations)):
        if value not in allowed:
            fail(f"{option}: unknown value {value!r}; use one of: {', '.join(allowed)}", 2)
    store = store_to_read(store)
    output_folder(out)
    if out.exists() and not out.is_dir():
        fail(f"{out}: not a folder")
    out.mkdir(parents=True, exist_ok=True)
    with StanceStore.open(store) as st:
        n, written = run_export(st, out, load_codebook(codebook), aggregations=aggregations, two_mode=two_mode,
                                normalization=normalization, duplicates=duplicates, candidates=candidates)
    typer.echo(f"wrote {out}: statements.csv ({n} statements), " + ", ".join(p.name for p in written[1:]))
