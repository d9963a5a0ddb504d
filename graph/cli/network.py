"""``stancegraph network KIND``: export a DNA-style network view as GraphML, GEXF or CSV."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._app import app
from ._common import fail, file_or_stdout, one_line_errors, store_to_read

KINDS = ("affiliation", "congruence", "conflict", "difference", "cooccurrence")
FORMATS = ("graphml", "gexf", "csv")


@app.command()
@one_line_errors
def network(
    kind: str = typer.Argument(..., help="affiliation, congruence, conflict, difference (congruence minus "
                                         "conflict; balanced pairs kept with weight 0, which DNA's subtract drops) "
                                         "or cooccurrence (DNA's ignore: congruence plus conflict)."),
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml, gexf or csv (a DNA-style matrix)."),
    normalization: str = typer.Option("no", "--normalization", "-n",
                                      help="One-mode views, as DNA: no, average, jaccard, cosine (DNA's: divided by "
                                           "the two actors' statement counts), or vector-cosine (not DNA's: the "
                                           "cosine of their count vectors)."),
    duplicates: str = typer.Option("include", "--duplicates",
                                   help="As DNA: count every statement (include), or one by an actor on a topic "
                                        "with one polarity per document, week, month, year, or in all (acrossrange)."),
    cells: str = typer.Option("subtract", "--cells",
                              help="affiliation CSV cells: subtract, combine, sign, support, oppose or ignore."),
    candidates: bool = typer.Option(False, "--candidates", help="Include unclassified (candidate) topics."),
    store: Path = typer.Option(Path("out/store"), "--store", help="Graph store folder."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default, or -: stdout)."),
) -> None:
    """Export an actor x topic (affiliation) or actor x actor network as in the Discourse Network Analyzer."""
    from .. import analysis
    from ..rdf.store import StanceStore

    output = file_or_stdout(output)
    if kind not in KINDS:
        fail(f"unknown network {kind!r}; use one of: {', '.join(KINDS)}", 2)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", 2)
    if normalization not in analysis.NORMALIZATIONS:
        fail(f"unknown normalization {normalization!r}; use one of: {', '.join(analysis.NORMALIZATIONS)}", 2)
    if kind == "affiliation" and normalization != "no":
        fail("--normalization applies to congruence, conflict and difference networks", 2)
    if duplicates not in analysis.DUPLICATES:
        fail(f"unknown duplicates setting {duplicates!r}; use one of: {', '.join(analysis.DUPLICATES)}", 2)
    if cells not in analysis.CELLS:
        fail(f"unknown cells setting {cells!r}; use one of: {', '.join(analysis.CELLS)}", 2)

    with StanceStore.open(store_to_read(store)) as st:
        counts_only = duplicates == "include" and (kind != "affiliation" or fmt == "csv")
        records = analysis.positions(st) if counts_only else analysis.statements(st)
    if kind == "affiliation":
        G = analysis.affiliation_network(records, candidates=candidates)
        matrix = (analysis.actor_concept_matrix(records, cells=cells, duplicates=duplicates, candidates=candidates)
                  if fmt == "csv" else None)
    else:
        build = getattr(analysis, f"{kind}_network")
        G = build(records, normalization=normalization, duplicates=duplicates, candidates=candidates)
        if kind == "congruence" and G.number_of_edges():
            analysis.label_coalitions(G, analysis.coalitions(G))
        matrix = analysis.adjacency_matrix(G) if fmt == "csv" else None
    _write(G, matrix, fmt, output)
    where = output or "stdout"
    typer.echo(f"wrote {where}: {kind} network, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", err=True)


def _write(G, matrix, fmt: str, output: Optional[Path]) -> None:
    from .. import analysis

    if fmt == "csv":
        analysis.write_matrix_csv(matrix, output if output else sys.stdout)
        return
    writer = analysis.write_graphml if fmt == "graphml" else analysis.write_gexf
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        writer(G, output)
    else:
        writer(G, sys.stdout.buffer)
