"""The notebooks run top to bottom on the seeds and show what they say they show.

Each notebook is executed once per module with nbclient (kernel ``python3`` of the running
interpreter, working directory ``notebooks/``). Cells are found by their tag. The figures
they print are checked against the library run on the same seeds (``seeds_build``), so the
tests hold whatever the extractor finds, as long as the notebook shows it faithfully.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_explore_seeds.ipynb", "02_coalitions.ipynb", "03_time_windows.ipynb"]
CELL_TIMEOUT = 300


def execute(name: str) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def cell(nb, tag: str):
    found = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(found) == 1, f"expected one cell tagged {tag!r}, found {len(found)}"
    return found[0]


def text(nb, tag: str) -> str:
    """What a cell printed (streams) and the plain text of what it displayed."""
    parts = []
    for out in cell(nb, tag).outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out:
            parts.append(out.data.get("text/plain", ""))
    return "".join(parts)


def table(printed: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a table printed by the notebooks' ``show`` (split on 2+ spaces)."""
    lines = printed.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    split = lambda line: re.split(r"\s{2,}", line.strip())  # noqa: E731
    return split(lines[rule - 1]), [split(line) for line in lines[rule + 1:] if line.strip()]


@pytest.fixture(scope="module")
def seeds_store(seeds_build):
    from stancegraph.rdf.store import StanceStore

    assert seeds_build.run.exit_code == 0, seeds_build.run.stderr
    with StanceStore.open(seeds_build.store) as store:
        yield store


# --- fast: what is committed ---------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_committed_notebooks_have_no_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert [c.outputs for c in code] == [[] for _ in code], "outputs committed: clear them"
    assert [c.execution_count for c in code] == [None] * len(code), "execution counts committed"


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_import_the_installed_package(name):
    source = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells)
    assert "sys.path" not in source and "chdir" not in source
    assert not re.search(r"['\"]/(work|home|tmp|Users)/", source), "no absolute paths"
    assert "from stancegraph" in source


# --- executed (slow: builds the seeds with the model) ---------------------------------------

@pytest.fixture(scope="module")
def explore():
    return execute("01_explore_seeds.ipynb")


@pytest.fixture(scope="module")
def coalitions_nb():
    return execute("02_coalitions.ipynb")


@pytest.mark.model
def test_explore_builds_and_lists_the_queries(explore):
    from stancegraph.queries import list_queries

    assert re.match(r"5 articles, \d+ stances", text(explore, "build"))
    listed = text(explore, "queries")
    for info in list_queries():
        assert f"{info.name}({', '.join(info.param_names)}): {info.description}" in listed


@pytest.mark.model
def test_explore_shows_who_holds_which_position_on_the_ceasefire(explore, seeds_store):
    from stancegraph.queries import run_query

    printed = text(explore, "topic-positions")
    assert "ceasefire" in printed
    header, rows = table(printed)
    assert header == ["actorLabel", "polarity", "statements", "documents"]
    assert ["Russia", "oppose"] in [r[:2] for r in rows]
    expected = run_query(seeds_store, "topic-positions", {"topic": "ceasefire"})
    assert len(rows) == len(expected.rows)


@pytest.mark.model
def test_explore_shows_the_stances_of_russia(explore):
    header, rows = table(text(explore, "stances-of-actor"))
    assert header[:2] == ["topicLabel", "polarity"]
    assert ["Ceasefire", "oppose"] in [r[:2] for r in rows]


@pytest.mark.model
def test_explore_position_matrix_table_and_heatmap(explore, seeds_store):
    from stancegraph.analysis import actor_concept_matrix

    matrix = actor_concept_matrix(seeds_store, cells="subtract")
    header, rows = table(text(explore, "matrix"))
    assert header == ["topic", *(a.split(":", 1)[1] for a in matrix.row_ids)]
    assert [r[0] for r in rows] == [c if len(c) <= 34 else c[:33] + "…" for c in matrix.columns]
    shown = [[0 if v == "." else int(v) for v in r[1:]] for r in rows]
    assert shown == [list(col) for col in zip(*matrix.values)]  # transposed
    ceasefire = rows[matrix.columns.index("Ceasefire")]
    assert ceasefire[header.index("russia")] == "-1"
    images = [o for o in cell(explore, "heatmap").outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1


@pytest.mark.model
def test_explore_shows_the_map_inline(explore):
    [shown] = [o.data["text/html"] for o in cell(explore, "map").outputs if "text/html" in o.get("data", {})]
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1))
    assert page.startswith("<!DOCTYPE html>") and "<title>stancegraph: who stands where</title>" in page
    nodes = re.search(r"var nodeData = (.*);\n", page).group(1)
    assert '"id": "actor:russia"' in nodes and '"id": "topic:ceasefire"' in nodes


@pytest.mark.model
def test_coalitions_are_the_library_s(coalitions_nb, seeds_store):
    from stancegraph import analysis

    G = analysis.congruence_network(analysis.positions(seeds_store), normalization="jaccard")
    label = lambda n: G.nodes[n]["label"]  # noqa: E731
    expected = [f"coalition {i + 1}: {', '.join(sorted(label(m) for m in g))}"
                for i, g in enumerate(g for g in analysis.coalitions(G) if len(g) > 1)]
    printed = [line for line in text(coalitions_nb, "coalitions").splitlines() if line.startswith("coalition ")]
    assert printed == expected
    assert printed and all(", " in line for line in printed)  # at least one, of two or more actors
    assert f"congruence: {G.number_of_nodes()} actors, {G.number_of_edges()} links (jaccard)" in \
        text(coalitions_nb, "networks")


@pytest.mark.model
def test_coalitions_notebook_shows_links_polarisation_and_export(coalitions_nb, seeds_store):
    from stancegraph import analysis

    strongest = text(coalitions_nb, "strongest")
    assert strongest.startswith("Congruence\n") and "\nConflict\n" in strongest
    assert re.search(r"^\d\.\d\d  .+ — .+: \w+", strongest, re.MULTILINE)
    lines = text(coalitions_nb, "polarisation").splitlines()
    expected = analysis.polarisation(analysis.positions(seeds_store))
    assert len(lines) == len(expected)
    ceasefire = next(p for p in expected if p.topic == "ceasefire")
    assert any(line.startswith(f"{ceasefire.score:.2f}  Ceasefire ") for line in lines)
    assert all(0 <= float(line.split()[0]) <= 1 for line in lines)
    export = text(coalitions_nb, "export")
    conflict = analysis.conflict_network(analysis.positions(seeds_store), normalization="jaccard")
    assert f"conflict.graphml: {conflict.number_of_nodes()} nodes, {conflict.number_of_edges()} edges" in export
    [shown] = [o.data["text/html"] for o in cell(coalitions_nb, "map").outputs if "text/html" in o.get("data", {})]
    assert "congruence network (jaccard)" in html.unescape(shown)


@pytest.mark.model
def test_time_notebook_shows_a_change_of_position_and_window_networks():
    """Notebook 03 builds its own dated corpus: Russia moves from opposing to supporting a
    ceasefire, and the windows show Russia and Ukraine first in conflict, then in agreement."""
    nb = execute("03_time_windows.ipynb")
    assert "4 articles" in text(nb, "build")
    shown = text(nb, "timeline")
    assert "russia on ceasefire: 3 stances" in shown and "position changes: 1" in shown
    assert "oppose (a2)" in shown and "support (a3)" in shown
    windows = text(nb, "windows")
    congruence, conflict = windows.split("conflict\n")
    assert "2025-03-01 to 2025-03-31: 4 statements; Russia – Ukraine" in conflict
    assert "Russia – Ukraine" in congruence.split("2025-03-15")[1]
