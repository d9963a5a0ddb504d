"""The built wheel carries every module and data file, and works installed without the source tree.

Slow (builds a wheel with build isolation, so it needs PyPI for setuptools): deselect with
``-m "not slow"``; CI runs it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
DATA_FILES = ["stancegraph/ontology/stance.ttl", "stancegraph/ontology/shapes.ttl",
              "stancegraph/ontology/codebooks/ukraine-2025.ttl"]


def run(*cmd, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{cmd} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    """A copy of the source tree (so no build/ or egg-info lands in the checkout, and files
    others add meanwhile do not count)."""
    src = tmp_path_factory.mktemp("wheel") / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "out", "build", "dist", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis"))
    return src


@pytest.fixture(scope="module")
def wheel(src) -> Path:
    dist = src.parent / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, src)
    [whl] = dist.glob("stancegraph-*.whl")
    return whl


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_has_the_ontology_and_codebook(names):
    assert set(DATA_FILES) <= names


def test_wheel_has_every_query_file(src, names):
    queries = {f"stancegraph/queries/{p.name}" for p in (src / "graph" / "queries").glob("*.rq")}
    assert queries <= names, queries - names


def test_wheel_has_the_query_page_editor_and_its_licence(src, names):
    static = {f"stancegraph/serve/static/{p.name}" for p in (src / "graph" / "serve" / "static").iterdir()}
    assert {"stancegraph/serve/static/codemirror.min.js", "stancegraph/serve/static/LICENSE.codemirror"} <= static
    assert static <= names, static - names


def test_wheel_has_every_module(src, names):
    """A subpackage missing from pyproject's ``packages`` list would be left out silently."""
    modules = {"stancegraph/" + p.relative_to(src / "graph").as_posix()
               for p in (src / "graph").rglob("*.py") if "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)


def test_wheel_declares_the_entry_points(wheel, names):
    [ep] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(ep).decode()
    assert "[stancegraph.extractors]" in text and "stancegraph.rules.v1 = stancegraph.extract.rules:RuleExtractor" in text
    assert "stancegraph = stancegraph.cli:main" in text


def test_installed_wheel_reads_its_data_through_importlib_resources(wheel, tmp_path):
    """A fresh venv that sees neither the source tree nor our editable install."""
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)
    probe = (
        "import importlib.metadata as m, importlib.resources as r, stancegraph\n"
        "onto = r.files('stancegraph.ontology')\n"
        "print(stancegraph.__file__)\n"
        "print((onto / 'stance.ttl').read_text(encoding='utf-8')[:60].splitlines()[0])\n"
        "print(len((onto / 'shapes.ttl').read_bytes()), len((onto / 'codebooks' / 'ukraine-2025.ttl').read_bytes()))\n"
        "print(sorted(e.name for e in m.entry_points(group='stancegraph.extractors')))\n"
    )
    out = run(python, "-I", "-c", probe, cwd=tmp_path).stdout.splitlines()
    assert out[0].startswith(str(venv)), out  # the installed copy, not graph/ of the checkout
    assert out[1].startswith("# The stancegraph ontology")
    assert all(int(n) > 1000 for n in out[2].split())
    assert out[3] == "['stancegraph.rules.v1']"
    assert (venv / "bin" / "stancegraph").exists()
