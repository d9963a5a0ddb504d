"""DNA interop: a .dna database (built here with sqlite3 from DNA's documented schema) imports as
human-coded stances; the statement table and GraphML networks export for rDNA users."""
from __future__ import annotations

import csv
import sqlite3
from datetime import datetime, timezone

import networkx as nx
import pytest
from rdflib import RDF, Graph
from rdflib.namespace import PROV
from stancegraph.dna import STATEMENT_COLUMNS, read_dna
from stancegraph.errors import InputError
from stancegraph.rdf.namespace import SG
from stancegraph.rdf.store import StanceStore

TEXT1 = "Kyiv, 1 March. Ukraine backed the ceasefire. Russia rejected the ceasefire outright."
TEXT2 = "Moscow, 9 March. Russia now accepts a ceasefire. Greenpeace demanded a climate deal."
STAMP1 = int(datetime(2025, 3, 1, 12, tzinfo=timezone.utc).timestamp())
STAMP2 = int(datetime(2025, 3, 9, 8, tzinfo=timezone.utc).timestamp())
# (document, start of the sentence, sentence, organization, person, concept, agreement, coder)
STATEMENTS = [
    (1, "Ukraine backed the ceasefire.", "Ukraine", "", "Ceasefire", 1, 1),
    (1, "Russia rejected the ceasefire outright.", "Russia", "Vladimir Putin", "ceasefire", 0, 1),
    (2, "Russia now accepts a ceasefire.", "Russia", "", "Ceasefire", 1, 2),
    (2, "Greenpeace demanded a climate deal.", "Greenpeace", "", "Climate deal", 1, 2),
]


def make_dna3(path):
    """A DNA 3.x database: short text values are entities (ENTITIES), dates in seconds."""
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
        CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, Red INTEGER, Green INTEGER,
            Blue INTEGER, Password TEXT NOT NULL DEFAULT '');
        CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL,
            Coder INTEGER, Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '',
            Section TEXT NOT NULL DEFAULT '', Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '',
            Date INTEGER NOT NULL);
        CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL, Red INTEGER,
            Green INTEGER, Blue INTEGER);
        CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL,
            StatementTypeId INTEGER, UNIQUE (Variable, StatementTypeId));
        CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
            Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER);
        CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,
            Value TEXT NOT NULL DEFAULT '', Red INTEGER, Green INTEGER, Blue INTEGER, ChildOf INTEGER,
            UNIQUE (VariableId, Value));
        CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId));
        CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value TEXT DEFAULT '');
        CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1, UNIQUE (StatementId, VariableId));
        CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0, UNIQUE (StatementId, VariableId));
    """)
    _fill(con, entities=True, stamps=(STAMP1, STAMP2))
    con.close()
    return path


def make_dna2(path):
    """A DNA 2.x database: short text values stored in DATASHORTTEXT itself, dates in milliseconds."""
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT, Red INTEGER, Green INTEGER, Blue INTEGER);
        CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT, Text TEXT, Coder INTEGER,
            Author TEXT, Source TEXT, Section TEXT, Notes TEXT, Type TEXT, Date INTEGER);
        CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT, Red INTEGER, Green INTEGER,
            Blue INTEGER);
        CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT, DataType TEXT, StatementTypeId INTEGER);
        CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
            Start INTEGER, Stop INTEGER, Coder INTEGER);
        CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value TEXT);
        CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,
            VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value INTEGER);
    """)
    _fill(con, entities=False, stamps=(STAMP1 * 1000, STAMP2 * 1000))
    con.close()
    return path


def _fill(con, *, entities: bool, stamps):
    con.executemany("INSERT INTO CODERS(ID, Name) VALUES (?, ?)", [(1, "Ana"), (2, "Ben")])
    con.executemany("INSERT INTO DOCUMENTS(ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) "
                    "VALUES (?, ?, ?, 1, '', ?, '', '', '', ?)",
                    [(1, "Truce talks", TEXT1, "Wire A", stamps[0]), (2, "Moscow shifts", TEXT2, "Wire B", stamps[1])])
    con.execute("INSERT INTO STATEMENTTYPES(ID, Label) VALUES (1, 'DNAStatement')")
    variables = [(1, "person", "short text"), (2, "organization", "short text"), (3, "concept", "short text"),
                 (4, "agreement", "boolean")]
    con.executemany("INSERT INTO VARIABLES(ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, 1)", variables)
    entity_ids: dict = {}
    for sid, (doc, sentence, org, person, concept, agreement, coder) in enumerate(STATEMENTS, start=1):
        text = TEXT1 if doc == 1 else TEXT2
        start = text.index(sentence)
        con.execute("INSERT INTO STATEMENTS(ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 1, ?, ?, ?, ?)",
                    (sid, doc, start, start + len(sentence), coder))
        for var, value in ((1, person), (2, org), (3, concept)):
            if entities:
                if (var, value) not in entity_ids:
                    entity_ids[(var, value)] = len(entity_ids) + 1
                    con.execute("INSERT INTO ENTITIES(ID, VariableId, Value) VALUES (?, ?, ?)",
                                (entity_ids[(var, value)], var, value))
                con.execute("INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                            (sid, var, entity_ids[(var, value)]))
            else:
                con.execute("INSERT INTO DATASHORTTEXT(StatementId, VariableId, StatementTypeId, Value) "
                            "VALUES (?, ?, 1, ?)", (sid, var, value))
        con.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, 4, ?)", (sid, agreement))
    con.commit()


@pytest.mark.parametrize("make, version", [(make_dna3, 3), (make_dna2, 2)])
def test_read_dna(tmp_path, make, version):
    data = read_dna(make(tmp_path / "corpus.dna"))
    assert data.version == version
    assert {d.id: d.date for d in data.documents.values()} == {"corpus-1": "2025-03-01", "corpus-2": "2025-03-09"}
    assert [s.values["agreement"] for s in data.statements] == [1, 0, 1, 1]
    assert data.statements[1].values["person"] == "Vladimir Putin" and data.statements[1].coder == "Ana"


def test_not_a_dna_file(tmp_path):
    bad = tmp_path / "x.dna"
    sqlite3.connect(bad).execute("CREATE TABLE T(x)").connection.close()
    with pytest.raises(InputError, match="not a DNA database"):
        read_dna(bad)


@pytest.fixture
def imported(cli, tmp_path):
    store = tmp_path / "store"
    run = cli("dna", "import", make_dna3(tmp_path / "corpus.dna"), "--store", store)
    assert run.exit_code == 0, run.stderr
    assert "2 documents, 4 stances imported" in run.stdout and "1 concepts not in the codebook" in run.stdout
    return store


def test_import_gives_human_coded_stances(imported):
    with StanceStore.open(imported) as st:
        stances = st.stances()
        assert st.documents() == ["corpus-1", "corpus-2"]
        g = Graph()
        for s, p, o, _ in st.dataset.quads((None, None, None, None)):
            g.add((s, p, o))
    got = sorted((s.doc_id, s.actor_id, s.polarity.value, s.topic, s.extractor) for s in stances)
    assert got == [("corpus-1", "russia", "oppose", "ceasefire", "dna:Ana"),
                   ("corpus-1", "ukraine", "support", "ceasefire", "dna:Ana"),
                   ("corpus-2", "greenpeace", "support", None, "dna:Ben"),
                   ("corpus-2", "russia", "support", "ceasefire", "dna:Ben")]
    assert all(TEXT1[s.start:s.end] == s.evidence or TEXT2[s.start:s.end] == s.evidence for s in stances)
    stance = next(g.subjects(RDF.type, SG.Stance))
    agent = g.value(stance, PROV.wasAttributedTo)
    assert (agent, RDF.type, PROV.Agent) in g
    assert (g.value(stance, PROV.wasGeneratedBy), RDF.type, SG.CodingImport) in g


def test_imported_stances_feed_timeline_and_survive_reimport(imported, cli, tmp_path):
    run = cli("timeline", "--actor", "russia", "--topic", "ceasefire", "--store", imported)
    assert "position changes: 1" in run.stdout and "Russia now accepts a ceasefire." in run.stdout
    again = cli("dna", "import", tmp_path / "corpus.dna", "--store", imported)  # same file: replaced, not doubled
    assert again.exit_code == 0
    with StanceStore.open(imported) as st:
        assert len(st.stances()) == 4


def test_export_statement_table_and_networks(imported, cli, tmp_path):
    out = tmp_path / "dna-out"
    run = cli("dna", "export", "--store", imported, "--out", out)
    assert run.exit_code == 0, run.stderr
    with open(out / "statements.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == STATEMENT_COLUMNS
    russia = [r for r in rows if r["organization"] == "Russia"]
    assert sorted((r["time"], r["concept"], r["agreement"]) for r in russia) == [  # as DNA holds them
        ("2025-03-01 12:00:00", "ceasefire", "0"), ("2025-03-09 08:00:00", "Ceasefire", "1")]
    assert {r["text"] for r in rows} == {s[1] for s in STATEMENTS}
    assert {r["coder"] for r in rows} == {"1", "2"}  # DNA's coder ids
    assert [r["statement ID"] for r in rows] == ["1", "2", "3", "4"]
    assert {r["statement type"] for r in rows} == {"DNAStatement"}  # DNA 2's default type, as the file names it
    G = nx.read_graphml(out / "conflict.graphml")
    assert G.has_edge("actor:russia", "actor:ukraine")
    A = nx.read_graphml(out / "affiliation.graphml")
    assert A.nodes["topic:climate_deal"]["name"] == "Climate deal"  # a concept a person coded is a topic
    assert not A.is_directed() and A.edges["actor:russia", "topic:ceasefire"]["weight"] == 2


def test_export_persons_with_their_organization(toy_store_dir, cli, tmp_path):
    cli("dna", "export", "--store", toy_store_dir, "--out", tmp_path / "o")
    with open(tmp_path / "o" / "statements.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    [zel] = [r for r in rows if r["person"] == "Volodymyr Zelenskyy"]
    assert zel["organization"] == "Ukraine" and zel["agreement"] == "0"
