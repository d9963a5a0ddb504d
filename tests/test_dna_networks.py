"""rDNA's numbers from a DNA database built here with DNA 3's schema: every network option of
``dna export`` against hand-computed weights and against an independent re-implementation of
DNA's Exporter (benchmarks/dna_reference.py); the statement table keeps DNA's records."""
from __future__ import annotations

import csv
import importlib.util
import re
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import networkx as nx
import pytest
from stancegraph import analysis
from stancegraph.analysis import Statement, drop_duplicates
from stancegraph.rdf.store import StanceStore
from stancegraph.types import Polarity

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"

SCHEMA = """
CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, Red INTEGER, Green INTEGER,
    Blue INTEGER, Password TEXT NOT NULL DEFAULT '');
CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL, Coder INTEGER,
    Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '', Section TEXT NOT NULL DEFAULT '',
    Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '', Date INTEGER NOT NULL);
CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL, Red INTEGER, Green INTEGER,
    Blue INTEGER);
CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL,
    StatementTypeId INTEGER, UNIQUE (Variable, StatementTypeId));
CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
    Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER);
CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT '',
    Red INTEGER, Green INTEGER, Blue INTEGER, ChildOf INTEGER, UNIQUE (VariableId, Value));
CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId));
CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value TEXT DEFAULT '');
CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value INTEGER NOT NULL DEFAULT 1, UNIQUE (StatementId, VariableId));
CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value INTEGER NOT NULL DEFAULT 0, UNIQUE (StatementId, VariableId));
"""
# documents: id -> (day, author, section, type); d1 and d2 share an ISO week, d3 is later in January
DOCS = {1: (date(2025, 1, 6), "Ann Author", "Politics", "news"), 2: (date(2025, 1, 8), "Bo Writer", "World", "op-ed"),
        3: (date(2025, 1, 20), "Ann Author", "Politics", "news"), 4: (date(2025, 2, 10), "", "", "")}
SENTENCE = "Sentence number {:03d} says something."
# statement id -> (document, organization, person, concept, agreement, coder); ids as DNA numbered them
STATEMENTS = {
    101: (1, "Alpha", "Ada", "X", 1, 2), 102: (1, "Alpha", "", "X", 1, 2), 103: (2, "Alpha", "Al", "X", 0, 3),
    104: (1, "Beta", "", "X", 1, 2), 105: (3, "Beta", "Bea", "X", 1, 2), 106: (2, "Beta", "", "Y", 0, 3),
    107: (3, "Gamma", "", "X", 0, 2), 108: (4, "Gamma", "", "Y", 0, 2), 109: (4, "Gamma", "", "Y", 1, 3),
    110: (4, "Delta", "", "Z", 1, 2), 111: (4, "Alpha", "", "Y", 1, 2), 112: (1, "", "Solo Person", "X", 1, 2),
}
ANNOTATION = 113  # a statement of another type ("Annotation", a long text note)


def make_dna(path: Path) -> Path:
    """A DNA 3 database (DNA's own table layout) holding :data:`DOCS` and :data:`STATEMENTS`."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO CODERS(ID, Name) VALUES (?, ?)", [(1, "Admin"), (2, "Coder 1"), (3, "Coder 2")])
    con.executemany("INSERT INTO STATEMENTTYPES(ID, Label) VALUES (?, ?)", [(1, "DNA Statement"), (2, "Annotation")])
    con.executemany("INSERT INTO VARIABLES(ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, ?)",
                    [(1, "person", "short text", 1), (2, "organization", "short text", 1),
                     (3, "concept", "short text", 1), (4, "agreement", "boolean", 1), (5, "note", "long text", 2)])
    text = " ".join(SENTENCE.format(n) for n in range(120))
    for doc, (day, author, section, kind) in DOCS.items():
        stamp = int(datetime(day.year, day.month, day.day, 9, 30, tzinfo=timezone.utc).timestamp())
        con.execute("INSERT INTO DOCUMENTS(ID, Title, Text, Coder, Author, Source, Section, Type, Date) "
                    "VALUES (?, ?, ?, 2, ?, 'Daily', ?, ?, ?)", (doc, f"Story {doc}", text, author, section, kind, stamp))
    entities: dict = {}
    for sid, (doc, org, person, concept, agreement, coder) in STATEMENTS.items():
        start = text.index(SENTENCE.format(sid))
        con.execute("INSERT INTO STATEMENTS(ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 1, ?, ?, ?, ?)",
                    (sid, doc, start, start + len(SENTENCE.format(sid)), coder))
        for var, value in ((1, person), (2, org), (3, concept)):
            entity = entities.setdefault((var, value), len(entities) + 1)
            con.execute("INSERT OR IGNORE INTO ENTITIES(ID, VariableId, Value) VALUES (?, ?, ?)", (entity, var, value))
            con.execute("INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES (?, ?, ?)", (sid, var, entity))
        con.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, 4, ?)", (sid, agreement))
    start = text.index(SENTENCE.format(ANNOTATION))
    con.execute("INSERT INTO STATEMENTS(ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 2, 1, ?, ?, 1)",
                (ANNOTATION, start, start + 10))
    con.execute("INSERT INTO DATALONGTEXT(StatementId, VariableId, Value) VALUES (?, 5, 'check this')", (ANNOTATION,))
    con.commit()
    con.close()
    return path


def load_benchmark(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dna_file(tmp_path_factory) -> Path:
    return make_dna(tmp_path_factory.mktemp("dna") / "fixture.dna")


@pytest.fixture(scope="module")
def imported(dna_file, tmp_path_factory) -> Path:
    from stancegraph.cli import app
    from typer.testing import CliRunner

    store = tmp_path_factory.mktemp("dna-store") / "store"
    run = CliRunner().invoke(app, ["dna", "import", str(dna_file), "--store", str(store)])
    assert run.exit_code == 0, run.output
    assert "11 stances imported of type 'DNA Statement'" in run.stdout
    assert "1 statements of other types not imported (Annotation: 1)" in run.stdout
    assert run.stderr.splitlines() == [
        "skipped statement 112: no organization (its person: 'Solo Person'; import with --actor person for it)"]
    return store


def edges(path: Path) -> dict[tuple[str, str], float]:
    G = nx.read_graphml(path)
    assert not G.is_directed() and not G.is_multigraph()
    return {tuple(sorted((G.nodes[u]["name"], G.nodes[v]["name"]))): w for u, v, w in G.edges(data="weight")}


# x (include): Alpha: X S2 O1, Y S1 | Beta: X S2, Y O1 | Gamma: X O1, Y O1 S1 | Delta: Z S1
HAND = {  # (option, value) -> {aggregation: {pair: weight}}
    "no": {"congruence": {("Alpha", "Beta"): 4, ("Alpha", "Gamma"): 2, ("Beta", "Gamma"): 1},
           "conflict": {("Alpha", "Beta"): 3, ("Alpha", "Gamma"): 3, ("Beta", "Gamma"): 3},
           "subtract": {("Alpha", "Beta"): 1, ("Alpha", "Gamma"): -1, ("Beta", "Gamma"): -2},
           "ignore": {("Alpha", "Beta"): 7, ("Alpha", "Gamma"): 5, ("Beta", "Gamma"): 4}},
    # DNA's cosine divides by n_i * n_j: Alpha 4, Beta 3, Gamma 3 statements
    "cosine": {"congruence": {("Alpha", "Beta"): 4 / 12, ("Alpha", "Gamma"): 2 / 12, ("Beta", "Gamma"): 1 / 9},
               "ignore": {("Alpha", "Beta"): 7 / 12, ("Alpha", "Gamma"): 5 / 12, ("Beta", "Gamma"): 4 / 9}},
}


@pytest.mark.parametrize("normalization", sorted(HAND))
def test_one_mode_networks_by_hand(imported, cli, tmp_path, normalization):
    run = cli("dna", "export", "--store", imported, "--out", tmp_path, "-n", normalization)
    assert run.exit_code == 0, run.stderr
    for aggregation, want in HAND[normalization].items():
        assert edges(tmp_path / f"{aggregation}.graphml") == pytest.approx(want), aggregation


def test_two_mode_network_is_one_undirected_edge_per_cell(imported, cli, tmp_path):
    want = {  # Alpha-X has both agreement values: 3 statements, 2 - 1, "both" (3)
        "ignore": {("Alpha", "X"): 3, ("Alpha", "Y"): 1, ("Beta", "X"): 2, ("Beta", "Y"): 1, ("Gamma", "X"): 1,
                   ("Gamma", "Y"): 2, ("Delta", "Z"): 1},
        "subtract": {("Alpha", "X"): 1, ("Alpha", "Y"): 1, ("Beta", "X"): 2, ("Beta", "Y"): -1, ("Gamma", "X"): -1,
                     ("Delta", "Z"): 1},  # Gamma-Y: 1 - 1 = 0, no edge
        "combine": {("Alpha", "X"): 3, ("Alpha", "Y"): 1, ("Beta", "X"): 1, ("Beta", "Y"): 2, ("Gamma", "X"): 2,
                    ("Gamma", "Y"): 3, ("Delta", "Z"): 1},
    }
    for aggregation, cells in want.items():
        out = tmp_path / aggregation
        run = cli("dna", "export", "--store", imported, "--out", out, "--two-mode-aggregation", aggregation,
                  "--aggregation", "congruence")
        assert run.exit_code == 0, run.stderr
        G = nx.read_graphml(out / "affiliation.graphml")
        assert not G.is_directed() and not G.is_multigraph()
        got = {}
        for u, v, w in G.edges(data="weight"):
            actor, concept = (u, v) if G.nodes[u]["bipartite"] == 0 else (v, u)
            got[(G.nodes[actor]["name"], G.nodes[concept]["name"])] = w
        assert got == want[aggregation], aggregation
    assert sorted(p.name for p in (tmp_path / "combine").iterdir()) == [
        "affiliation.graphml", "congruence.graphml", "statements.csv"]


@pytest.mark.parametrize("duplicates", ["include", "document", "week", "month", "year", "acrossrange"])
def test_every_option_gives_dna_formulas(dna_file, imported, tmp_path, duplicates):
    check = load_benchmark("dna_check")
    rows = check.check_networks(dna_file, imported, tmp_path, duplicates=[duplicates])
    assert len(rows) == 4 * 4 + 3  # 4 aggregations x 4 normalisations, 3 two-mode aggregations
    assert [r for r in rows if r[6]] == []  # (network, aggregation, normalization, duplicates, edges, DNA, differ)
    assert sum(r[5] for r in rows) > 0


def test_person_networks_give_dna_formulas(dna_file, cli, tmp_path):
    run = cli("dna", "import", dna_file, "--store", tmp_path / "persons", "--actor", "person")
    assert run.exit_code == 0, run.stderr
    rows = load_benchmark("dna_check").check_networks(dna_file, tmp_path / "persons", tmp_path, actor="person",
                                                      duplicates=["include", "document"])
    assert [r for r in rows if r[6]] == [] and sum(r[5] for r in rows) > 0


def test_bad_options_are_one_line_errors(imported, cli, tmp_path):
    for args, message in (
            (["-a", "difference"], "error: --aggregation: unknown value 'difference'; use one of: "
                                   "ignore, congruence, conflict, subtract"),
            (["--two-mode-aggregation", "congruence"], "error: --two-mode-aggregation: unknown value "
                                                      "'congruence'; use one of: ignore, subtract, combine"),
            (["--duplicates", "day"], "error: --duplicates: unknown value 'day'; use one of: include, document, "
                                      "week, month, year, acrossrange"),
            (["-n", "euclid"], "error: --normalization: unknown value 'euclid'; use one of: no, average, "
                               "jaccard, cosine, vector-cosine")):
        run = cli("dna", "export", "--store", imported, "--out", tmp_path / "o", *args)
        assert (run.exit_code, run.exception, run.stderr.strip()) == (2, None, message)
    assert not (tmp_path / "o").exists()  # nothing written


def test_duplicates_by_hand(imported, cli, tmp_path):
    run = cli("dna", "export", "--store", imported, "--out", tmp_path, "--duplicates", "document",
              "-a", "congruence", "-a", "ignore")
    assert run.exit_code == 0, run.stderr
    # one per document: Alpha X S 1 (101, 102 in d1), Beta X S 2 (d1, d3)
    assert edges(tmp_path / "congruence.graphml")[("Alpha", "Beta")] == 2
    # "ignore" does not compare agreement: Alpha X 2 (d1; 103 in d2), Beta X 2, Beta Y 1, Alpha Y 1 -> 2*2 + 1*1
    assert edges(tmp_path / "ignore.graphml")[("Alpha", "Beta")] == 5


def test_statement_table_keeps_dna_records(dna_file, imported, cli, tmp_path):
    run = cli("dna", "export", "--store", imported, "--out", tmp_path)
    assert run.exit_code == 0, run.stderr
    with open(tmp_path / "statements.csv", encoding="utf-8", newline="") as fh:
        rows = {int(r["statement ID"]): r for r in csv.DictReader(fh)}
    assert sorted(rows) == sorted(set(STATEMENTS) - {112})  # 112 has no organization: not in DNA's networks
    row = rows[103]
    assert (row["document ID"], row["author"], row["section"], row["type"], row["source"]) == (
        "2", "Bo Writer", "World", "op-ed", "Daily")
    assert (row["person"], row["organization"], row["concept"], row["agreement"], row["coder"]) == (
        "Al", "Alpha", "X", "0", "3")
    assert row["time"] == "2025-01-08 09:30:00" and row["statement type"] == "DNA Statement"
    assert row["text"] == SENTENCE.format(103)
    assert load_benchmark("dna_check").check_statements(dna_file, tmp_path / "statements.csv") == [
        "statement 112: missing"]


def test_statement_type_is_chosen(dna_file, cli, tmp_path):
    run = cli("dna", "import", dna_file, "--store", tmp_path / "s", "--statement-type", "Nope")
    assert run.exit_code != 0 and run.exception is None
    assert run.stderr.strip().splitlines() == [
        f"error: {dna_file}: no statement type 'Nope'; it has: 'DNA Statement', 'Annotation'"]
    run = cli("dna", "import", dna_file, "--store", tmp_path / "s", "--statement-type", "Annotation")
    assert run.exit_code == 0, run.stderr
    assert "0 stances imported of type 'Annotation'" in run.stdout and "12 statements of other types not imported (DNA Statement: 12)" in run.stdout
    assert "skipped statement 113: no person or organization" in run.stderr


def test_person_import_keeps_both_actor_variables(dna_file, cli, tmp_path):
    run = cli("dna", "import", dna_file, "--store", tmp_path / "s", "--actor", "person")
    assert run.exit_code == 0, run.stderr
    cli("dna", "export", "--store", tmp_path / "s", "--out", tmp_path / "o")
    with open(tmp_path / "o" / "statements.csv", encoding="utf-8", newline="") as fh:
        rows = {int(r["statement ID"]): r for r in csv.DictReader(fh)}
    assert (rows[101]["person"], rows[101]["organization"]) == ("Ada", "Alpha")
    assert (rows[112]["person"], rows[112]["organization"]) == ("Solo Person", "")
    assert 102 not in rows  # no person


def test_imported_concepts_are_topics_in_views(imported, cli, tmp_path):
    with StanceStore.open(imported) as st:
        G = analysis.congruence_network(st)
        assert G.number_of_edges() == 3
        assert {d["label"] for _, d in analysis.two_mode_network(st).nodes(data=True) if d["type"] == "topic"} == {
            "X", "Y", "Z"}
    run = cli("viz", "--view", "congruence", "--store", imported, "-o", tmp_path / "c.html")
    assert run.exit_code == 0, run.stderr
    from stancegraph.viz.views import view_graph
    with StanceStore.open(imported) as st:
        assert view_graph(st, "congruence").number_of_edges() == 3
        assert view_graph(st, "affiliation").number_of_nodes() == 7


def drawn(dom: str) -> dict[str, str]:
    """What the page reports it drew (its ``sg-status`` element)."""
    match = re.search(r'<div id="sg-status"([^>]*)>', dom)
    assert match, "the network was never drawn"
    return dict(re.findall(r'data-(\w+)="([^"]*)"', match.group(1)))


@pytest.mark.browser
def test_congruence_map_of_an_import_draws_in_chromium(imported, cli, chromium, tmp_path):
    run = cli("viz", "--view", "congruence", "--store", imported, "-o", tmp_path / "c.html")
    assert run.exit_code == 0, run.stderr
    status = drawn(chromium(tmp_path / "c.html", budget_ms=8000, until='id="sg-status"'))
    assert (status["nodes"], status["edges"]) == ("4", "3")  # Delta speaks alone on Z


def test_calendar_months_are_months_of_a_year():
    S = Polarity.SUPPORT
    jan = [Statement("a", "t", S, doc="d1", date=date(2025, 1, 31)),
           Statement("a", "t", S, doc="d2", date=date(2026, 1, 2)),
           Statement("a", "t", S, doc="d3", date=date(2026, 1, 30))]
    assert len(drop_duplicates(jan, "month")) == 2  # DNA's code compares the month number only: 1
    assert len(drop_duplicates(jan, "year")) == 2
    assert len(drop_duplicates(jan, "week")) == 3  # ISO weeks 5 of 2025, 1 and 5 of 2026
