"""Stores are opened, never conjured: reading commands refuse a folder without a store and
write nothing into it; a build's output folder means the store inside it."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.model  # the reading commands run on the seeds build

# Every command that reads a store, with the arguments it needs besides --store.
READERS = {
    "export": lambda tmp: ["export", "--format", "jsonl"],
    "review export": lambda tmp: ["review", "export", "--out", tmp / "review.csv"],
    "review import": lambda tmp: ["review", "import", _review_file(tmp), "--reviewer", "Ana"],
    "query": lambda tmp: ["query", "position-counts"],
    "viz": lambda tmp: ["viz", "-o", tmp / "map.html"],
    "timeline": lambda tmp: ["timeline", "--actor", "russia", "--topic", "ceasefire"],
    "network": lambda tmp: ["network", "congruence", "-o", tmp / "net.graphml"],
    "topics suggest": lambda tmp: ["topics", "suggest"],
    "dna export": lambda tmp: ["dna", "export", "--out", tmp / "dna-out"],
    "serve": lambda tmp: ["serve", "--port", "0"],
}


def _review_file(tmp: Path) -> Path:
    path = tmp / "empty-review.csv"
    path.write_text("stance,doc,actor,polarity,topic,evidence,start,end,confidence,verdict,"
                    "new_actor,new_polarity,new_topic,note\n", encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def notes(tmp_path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.md").write_text("read the seeds\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "x.txt").write_text("x", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", sorted(READERS))
def test_a_folder_of_notes_is_refused_and_left_as_it_was(cli, notes, tmp_path, command):
    before = snapshot(notes)
    args = READERS[command](tmp_path)
    run = cli(*args, "--store", notes)
    assert run.exit_code != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and str(notes) in lines[0] and "not a stancegraph store" in lines[0], run.stderr
    assert snapshot(notes) == before
    assert not (tmp_path / "dna-out").exists() and not (tmp_path / "map.html").exists()


@pytest.mark.parametrize("command", ["export", "query", "timeline"])
def test_a_missing_folder_is_refused_and_not_made(cli, tmp_path, command):
    missing = tmp_path / "nowhere"
    run = cli(*READERS[command](tmp_path), "--store", missing)
    assert run.exit_code != 0 and "no such folder" in run.stderr
    assert not missing.exists()


@pytest.mark.parametrize("command", ["export", "query", "timeline", "topics suggest"])
def test_the_build_folder_means_its_store(cli, seeds_build, tmp_path, command):
    args = READERS[command](tmp_path)
    inner = cli(*args, "--store", seeds_build.store)
    outer = cli(*args, "--store", seeds_build.out)
    assert inner.exit_code == outer.exit_code == 0, outer.stderr
    assert outer.stdout == inner.stdout and inner.stdout.strip()
    assert outer.stderr.count(f"using the store in {seeds_build.store}") == 1
    assert "using the store" not in inner.stderr


def test_files_written_from_the_build_folder_are_the_same(cli, seeds_build, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert cli("review", "export", "--store", seeds_build.store, "--out", a).exit_code == 0
    assert cli("review", "export", "--store", seeds_build.out, "--out", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 100


@pytest.mark.parametrize("command", ["build", "load", "dna import"])
def test_makers_refuse_a_folder_with_other_files(cli, notes, tmp_path, command):
    before = snapshot(notes)
    args = {"build": ["build", tmp_path / "no-such-input", "--out", tmp_path / "o"],
            "load": ["load", tmp_path / "x.trig"],
            "dna import": ["dna", "import", tmp_path / "x.dna"]}[command]
    run = cli(*args, "--store", notes)
    assert run.exit_code != 0 and "not empty" in run.stderr and str(notes) in run.stderr
    assert snapshot(notes) == before


def test_load_makes_a_store_in_an_empty_folder(cli, seeds_build, tmp_path):
    trig = tmp_path / "all.trig"
    assert cli("export", "--format", "trig", "--store", seeds_build.store, "-o", trig).exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    run = cli("load", trig, "--store", empty)
    assert run.exit_code == 0, run.stderr
    assert cli("export", "--store", empty).stdout == cli("export", "--store", seeds_build.store).stdout
