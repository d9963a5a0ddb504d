"""Round trip of a DNA database through stancegraph, checked against DNA's own formulas.

    python benchmarks/dna_check.py [PATH.dna]      # default: ../shared/dna/sample.dna

Runs ``stancegraph dna import`` (organizations, then persons as actors) and then
``stancegraph dna export`` for every normalisation,
duplicates setting and aggregation, reads the GraphML files back (nodes by their ``name``) and
compares every edge with :mod:`dna_reference`, an independent re-implementation of DNA's
``Exporter.filterStatements``, ``computeOneModeMatrix`` and ``computeTwoModeMatrix``. Prints
each network's edge count and the number of weights that differ (an edge on one side only
counts as a difference), then checks ``statements.csv`` against the database: statement ids,
document ids, authors, sections, both actor variables, concept, agreement and coder ids.
Exits 1 when anything differs.
"""
from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).parent))
import dna_reference as ref  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "dna" / "sample.dna"


def run(*args) -> None:
    from stancegraph.cli import app
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exit_code != 0:
        raise SystemExit(f"stancegraph {' '.join(map(str, args))} failed: {result.output}")


def graphml_edges(path: Path, two_mode: bool) -> dict[tuple[str, str], float]:
    G = nx.read_graphml(path)
    if G.is_directed() or G.is_multigraph():
        raise SystemExit(f"{path}: not an undirected simple graph")
    name = {n: d["name"] for n, d in G.nodes(data=True)}
    edges = {}
    for u, v, w in G.edges(data="weight"):
        if two_mode:
            u, v = (u, v) if G.nodes[u]["bipartite"] == 0 else (v, u)
            edges[(name[u], name[v])] = float(w)
        else:
            edges[tuple(sorted((name[u], name[v])))] = float(w)
    return edges


def differing(a: dict, b: dict) -> int:
    return sum(1 for k in a.keys() | b.keys() if k not in a or k not in b or abs(a[k] - b[k]) > 1e-9)


def check_networks(path: Path, store: Path, work: Path, *, duplicates=ref.DUPLICATES,
                   normalizations=ref.NORMALIZATIONS, actor: str = "organization") -> list[tuple]:
    """``(network, aggregation, normalization, duplicates, edges, reference edges, differing)`` rows
    for ``store``, where ``path`` was imported with ``--actor actor``."""
    statements = ref.load(path, variable1=actor)
    rows = []
    for dup in duplicates:
        for norm in normalizations:
            out = work / f"{norm}-{dup}"
            run("dna", "export", "--store", store, "--out", out, "-n", norm, "--duplicates", dup)
            for agg in ref.ONE_MODE:
                got = graphml_edges(out / f"{agg}.graphml", two_mode=False)
                want = ref.one_mode(statements, agg, norm, dup)
                rows.append(("one-mode", agg, norm, dup, len(got), len(want), differing(got, want)))
        for agg in ref.TWO_MODE:
            out = work / f"two-{agg}-{dup}"
            run("dna", "export", "--store", store, "--out", out, "--duplicates", dup,
                "--two-mode-aggregation", agg, "--aggregation", "ignore")
            got = graphml_edges(out / "affiliation.graphml", two_mode=True)
            want = ref.two_mode(statements, agg, dup)
            rows.append(("two-mode", agg, "no", dup, len(got), len(want), differing(got, want)))
    return [(f"{network} ({actor})", *rest) for network, *rest in rows]


def check_statements(path: Path, csv_path: Path, statement_type: str = "DNA Statement") -> list[str]:
    """Where ``statements.csv`` differs from the database (empty when it keeps everything)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    docs = {i: (a, so, se) for i, a, so, se in con.execute("SELECT ID, Author, Source, Section FROM DOCUMENTS")}
    want = {}
    for sid, doc, coder in con.execute(
            "SELECT s.ID, s.DocumentId, s.Coder FROM STATEMENTS s JOIN STATEMENTTYPES t ON t.ID = s.StatementTypeId "
            "WHERE t.Label = ?", (statement_type,)):
        v = dict(con.execute("SELECT v.Variable, e.Value FROM DATASHORTTEXT d JOIN VARIABLES v ON v.ID = d.VariableId "
                             "JOIN ENTITIES e ON e.ID = d.Entity WHERE d.StatementId = ?", (sid,)))
        v.update(con.execute("SELECT v.Variable, d.Value FROM DATABOOLEAN d JOIN VARIABLES v ON v.ID = d.VariableId "
                             "WHERE d.StatementId = ?", (sid,)))
        author, source, section = docs[doc]
        want[str(sid)] = {"document ID": str(doc), "author": author, "source": source, "section": section,
                          "person": v.get("person", ""), "organization": v.get("organization", ""),
                          "concept": v.get("concept", ""), "agreement": str(v.get("agreement", "")),
                          "coder": str(coder), "statement type": statement_type}
    con.close()
    with open(csv_path, encoding="utf-8", newline="") as fh:
        got = {r["statement ID"]: r for r in csv.DictReader(fh)}
    problems = [f"statement {sid}: missing" for sid in sorted(want.keys() - got.keys(), key=int)]
    problems += [f"statement {sid}: not in the database" for sid in sorted(got.keys() - want.keys(), key=int)]
    for sid in sorted(want.keys() & got.keys(), key=int):
        problems += [f"statement {sid}: {k} {got[sid][k]!r}, DNA has {v!r}" for k, v in want[sid].items()
                     if got[sid][k] != v]
    return problems


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLE
    if not path.is_file():
        print(f"{path}: no such file")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        for actor in ("organization", "person"):
            run("dna", "import", path, "--store", work / actor, "--actor", actor)
            rows += check_networks(path, work / actor, work / f"{actor}-out", actor=actor)
        run("dna", "export", "--store", work / "organization", "--out", work / "plain")
        problems = check_statements(path, work / "plain" / "statements.csv")
    print(f"{'network':23} {'aggregation':11} {'normalization':13} {'duplicates':11} {'edges':>5} {'DNA':>5} "
          f"{'differ':>6}")
    for row in rows:
        print(f"{row[0]:23} {row[1]:11} {row[2]:13} {row[3]:11} {row[4]:5} {row[5]:5} {row[6]:6}")
    bad = sum(r[6] for r in rows)
    print(f"{len(rows)} networks, {sum(r[5] for r in rows)} edges by DNA's formulas, {bad} weights differ")
    print(f"statements.csv: {len(problems)} differences from the database")
    for p in problems[:20]:
        print("  " + p)
    return 1 if bad or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
