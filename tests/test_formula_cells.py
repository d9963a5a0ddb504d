"""Issue 14, row 2: article text that starts with =, +, - or @ reaches no CSV cell as a formula
(export --format csv, review export, dna export, network csv, query csv), and review import and
dna import take the quote off again (lossless round trips)."""
from __future__ import annotations

import csv
import sqlite3

import pytest
from stancegraph import csvio

HOSTILE = "@SUM(1+1) Ukraine rejected the ceasefire proposal."
TEXT = f"Kyiv, 3 March.\n\n{HOSTILE} =1+2 Russia supports the ceasefire.\n"

# a DNA 2.x database whose coders typed formula-like names (see tests/test_dna.py for the schema)
DNA_TEXT = "Moscow, 9 March. Russia now accepts a ceasefire. Hawks rejected the talks."
DNA_ORG, DNA_CONCEPT, DNA_TITLE = "@Kremlin hawks", '=HYPERLINK("http://x","talks")', "+Moscow shifts"


def cells(path_or_text, *, text=False) -> list[list[str]]:
    """Every row of a CSV as raw cells: what a spreadsheet opens."""
    content = path_or_text if text else open(path_or_text, encoding="utf-8", newline="").read()
    return list(csv.reader(content.splitlines()))


def assert_no_formula(rows: list[list[str]]) -> None:
    bad = [c for row in rows for c in row
           if c.startswith(csvio.FORMULA_START) and not csvio._NUMBER.fullmatch(c)]
    assert bad == []


def make_dna(path, rows: list[dict]) -> None:
    """A DNA 2.x database holding ``rows`` (dicts of document, title, text, organization,
    concept, agreement, start, stop), values stored exactly as given."""
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT);
        CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT, Text TEXT, Source TEXT, Date INTEGER);
        CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT);
        CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT, DataType TEXT, StatementTypeId INTEGER);
        CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
            Start INTEGER, Stop INTEGER, Coder INTEGER);
        CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value TEXT);
        CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value INTEGER);
        INSERT INTO CODERS VALUES (1, 'Ana');
        INSERT INTO STATEMENTTYPES VALUES (1, 'DNAStatement');
        INSERT INTO VARIABLES VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1),
            (3, 'concept', 'short text', 1), (4, 'agreement', 'boolean', 1);
    """)
    for sid, row in enumerate(rows, start=1):
        con.execute("INSERT OR IGNORE INTO DOCUMENTS VALUES (?, ?, ?, '', 1741500000)",
                    (row["document"], row["title"], row["text"]))
        con.execute("INSERT INTO STATEMENTS VALUES (?, 1, ?, ?, ?, 1)", (sid, row["document"], row["start"], row["stop"]))
        for var, key in ((1, "person"), (2, "organization"), (3, "concept")):
            con.execute("INSERT INTO DATASHORTTEXT(StatementId, VariableId, StatementTypeId, Value) VALUES (?, ?, 1, ?)",
                        (sid, var, row.get(key, "")))
        con.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, 4, ?)", (sid, row["agreement"]))
    con.commit()
    con.close()


def dna_rows() -> list[dict]:
    sentence = "Hawks rejected the talks."
    start = DNA_TEXT.index(sentence)
    return [{"document": 1, "title": DNA_TITLE, "text": DNA_TEXT, "organization": DNA_ORG, "concept": DNA_CONCEPT,
             "agreement": 0, "start": start, "stop": start + len(sentence)}]


@pytest.fixture
def dna_store(cli, tmp_path):
    make_dna(tmp_path / "hawks.dna", dna_rows())
    store = tmp_path / "store"
    run = cli("dna", "import", tmp_path / "hawks.dna", "--store", store)
    assert run.exit_code == 0, run.stderr
    return store


def test_dna_export_network_and_query_csv_have_no_formula_cells(cli, dna_store, tmp_path):
    run = cli("dna", "export", "--store", dna_store, "--out", tmp_path / "dna")
    assert run.exit_code == 0, run.stderr
    statements = cells(tmp_path / "dna" / "statements.csv")
    assert_no_formula(statements)
    header, [row] = statements[0], statements[1:]
    assert row[header.index("organization")] == "'" + DNA_ORG and row[header.index("concept")] == "'" + DNA_CONCEPT
    assert row[header.index("title")] == "'" + DNA_TITLE

    run = cli("network", "affiliation", "--format", "csv", "--candidates", "--store", dna_store)
    assert run.exit_code == 0, run.stderr
    matrix = cells(run.stdout, text=True)
    assert_no_formula(matrix)
    assert matrix[1][0] == "'" + DNA_ORG and "'" + DNA_CONCEPT in matrix[0] and "-1" in matrix[1]

    run = cli("query", "stance-records", "--format", "csv", "--store", dna_store)
    assert run.exit_code == 0, run.stderr
    assert_no_formula(cells(run.stdout, text=True))
    assert any(c == "'" + DNA_ORG for row in cells(run.stdout, text=True) for c in row)


def test_dna_round_trip_through_statements_csv_is_lossless(cli, dna_store, tmp_path):
    """statements.csv, loaded into DNA as its cells read (quotes and all), imports back to the
    same actors, concepts and titles."""
    cli("dna", "export", "--store", dna_store, "--out", tmp_path / "dna")
    with open(tmp_path / "dna" / "statements.csv", encoding="utf-8", newline="") as fh:
        exported = list(csv.DictReader(fh))  # the raw cells, as a spreadsheet or DNA would take them
    rows = [{"document": 1, "title": r["title"], "text": DNA_TEXT, "organization": r["organization"],
             "concept": r["concept"], "agreement": int(r["agreement"]), "start": int(r["start"]),
             "stop": int(r["stop"])} for r in exported]
    assert rows[0]["organization"].startswith("'")
    make_dna(tmp_path / "again.dna", rows)
    store = tmp_path / "again"
    assert cli("dna", "import", tmp_path / "again.dna", "--store", store).exit_code == 0
    from stancegraph.rdf.store import StanceStore
    with StanceStore.open(store) as st:
        [stance] = st.stances()
        title = str(next(iter(st.query("PREFIX schema: <https://schema.org/> SELECT ?t { ?d schema:headline ?t }")))[0])
    assert (stance.actor, stance.topic_label, title) == (DNA_ORG, DNA_CONCEPT, DNA_TITLE)


@pytest.mark.model
def test_built_article_exports_and_review_round_trip(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "hostile.txt").write_text(TEXT, encoding="utf-8")
    run = cli("build", src, "--out", tmp_path / "out")
    assert run.exit_code == 0, run.stderr
    store = tmp_path / "out" / "store"

    run = cli("export", "--format", "csv", "--store", store, "-o", tmp_path / "stances.csv")
    assert run.exit_code == 0, run.stderr
    exported = cells(tmp_path / "stances.csv")
    assert_no_formula(exported)
    assert any(c == "'" + HOSTILE for row in exported for c in row)
    with open(tmp_path / "stances.csv", encoding="utf-8", newline="") as fh:  # our readers take the quote off
        assert HOSTILE in {r["evidence"] for r in csvio.DictReader(fh)}

    sheet = tmp_path / "review.csv"
    run = cli("review", "export", "--store", store, "--out", sheet)
    assert run.exit_code == 0, run.stderr
    assert_no_formula(cells(sheet))
    # the analyst marks the sheet in a spreadsheet: the quoted cells stay as they are
    with open(sheet, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    [row] = [r for r in rows if r["evidence"] == "'" + HOSTILE]
    row["verdict"] = "correct"
    start = TEXT.index(HOSTILE)
    added = {**{c: "" for c in row}, "doc": "hostile", "actor": "=Zelenskyy", "polarity": "-1",
             "topic": "ceasefire", "evidence": "'" + HOSTILE, "start": str(start), "end": str(start + len(HOSTILE)),
             "verdict": "added"}
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerows([row, added])
    run = cli("review", "import", sheet, "--reviewer", "Ana", "--store", store)
    assert run.exit_code == 0, run.stderr

    from stancegraph.rdf.store import StanceStore
    with StanceStore.open(store) as st:
        stances = st.stances()
    assert not [s for s in stances if s.evidence.startswith("'")]  # no quote reached the graph
    human = [s for s in stances if s.extractor == "human:Ana"]
    assert [(s.actor, s.evidence) for s in human] == [("=Zelenskyy", HOSTILE)]
