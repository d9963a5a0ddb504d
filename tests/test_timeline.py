"""Time: dates stored as xsd:date, an actor's timeline with its position changes, time-window networks."""
from __future__ import annotations

import doctest
import importlib
from datetime import date

import pytest
from rdflib import XSD
from rdflib.namespace import SDO
from stancegraph.analysis import Statement, edge_series, statements, time_windows, window_networks
from stancegraph.errors import AnalysisError
from stancegraph.queries import run_query
from stancegraph.rdf import mint
from stancegraph.timeline import changes, timeline
from stancegraph.types import Polarity

S, O = Polarity.SUPPORT, Polarity.OPPOSE


@pytest.mark.parametrize("name", ["timeline", "analysis.windows", "rdf.mint"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(f"stancegraph.{name}"))
    assert result.attempted and not result.failed


def test_dates_are_xsd_date(toy_store):
    value = toy_store.graph("toy-1").value(mint.doc_iri("toy-1"), SDO.datePublished)
    assert value.datatype == XSD.date and value.toPython() == date(2025, 3, 1)


def test_named_query_lists_positions_in_time_order(toy_store):
    result = run_query(toy_store, "timeline", {"actor": "russia", "topic": "ceasefire"})
    rows = [dict(zip(result.columns, r)) for r in result.rows]
    assert [(r["date"], r["polarity"]) for r in rows] == [(date(2025, 3, 1), "oppose"), (date(2025, 3, 5), "support")]


def test_timeline_reports_the_change_with_both_sentences(toy_store):
    tl = timeline(toy_store, "Russia", "ceasefire")
    [change] = tl.changes
    assert (change.before.evidence, change.after.evidence) == (
        "Russia rejected the ceasefire.", "Russia now accepts a ceasefire.")


def test_changes_skip_undated_and_unchanged():
    from stancegraph.timeline import Point
    pts = [Point(None, O, "x", "d0"), Point(date(2025, 1, 1), S, "a", "d1"),
           Point(date(2025, 1, 2), S, "b", "d2"), Point(date(2025, 1, 3), O, "c", "d3")]
    assert [(c.before.evidence, c.after.evidence) for c in changes(pts)] == [("b", "c")]


def test_timeline_command(cli, toy_store_dir):
    run = cli("timeline", "--actor", "russia", "--topic", "ceasefire", "--store", toy_store_dir, "--width", "90")
    assert run.exit_code == 0, run.stderr
    assert "2025-03-01  oppose" in run.stdout and "position changes: 1" in run.stdout
    side = [line for line in run.stdout.splitlines() if "│" in line]
    assert side and "Russia rejected the ceasefire." in side[0] and "Russia now accepts a ceasefire." in side[0]


def test_timeline_command_without_changes(cli, toy_store_dir):
    run = cli("timeline", "--actor", "zelenskyy", "--topic", "territorial_concessions", "--store", toy_store_dir)
    assert run.exit_code == 0 and "position changes: none" in run.stdout


def test_window_networks_follow_the_store(toy_store):
    series = window_networks(statements(toy_store), view="conflict", size=3, step=2)
    assert [w.start.isoformat() for w, _ in series] == ["2025-03-01", "2025-03-03", "2025-03-05"]
    # 1 March: Russia opposes, Ukraine supports the ceasefire; 5 March: they no longer clash,
    # but Ukraine and Trump do, on territorial concessions
    assert series[0][1].has_edge("actor:russia", "actor:ukraine")
    assert not series[1][1].has_edge("actor:russia", "actor:ukraine")
    assert series[1][1].has_edge("actor:trump", "actor:ukraine")
    assert series[0][1].graph["window_start"] == "2025-03-01"
    weights = edge_series(series, "actor:russia", "actor:ukraine")
    assert [w for _, w in weights] == [1.0, 0.0, 0.0]


def test_windows_leave_out_undated_statements():
    ws = time_windows([Statement("a", "t", S), Statement("b", "t", S, date=date(2025, 1, 1))], size=1, step=1)
    assert [len(w.statements) for w in ws] == [1]


def test_bad_window_settings():
    with pytest.raises(AnalysisError):
        time_windows([], size=0)
    with pytest.raises(AnalysisError):
        window_networks([], view="nope")
