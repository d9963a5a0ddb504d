"""Issue 14, row 5: ``-o -`` means standard output in every command that writes one file, and
is refused (not a folder named ``-``) by those that write a folder of files."""
from __future__ import annotations

import pytest


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in an empty folder, to see that no file named ``-`` appears."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.mark.parametrize("args, expect", [
    (["export", "--format", "jsonl"], '"actor": "Russia"'),
    (["export", "--format", "csv"], "doc,actor,actor_id"),
    (["export", "--format", "ttl"], "@prefix"),
    (["export", "--format", "jsonld"], '"@context"'),
    (["query", "stance-records", "--format", "csv"], "Russia"),
    (["review", "export"], "stance,doc,actor,polarity"),
    (["network", "congruence", "--format", "csv"], "Russia"),
    (["network", "affiliation", "--format", "graphml"], "<graphml"),
    (["viz", "--view", "stances"], "<html"),
])
@pytest.mark.parametrize("flag", ["-o", "long"])
def test_dash_writes_to_stdout(cli, toy_store_dir, here, args, expect, flag):
    option = {"review": "--out"}.get(args[0], "--output") if flag == "long" else "-o"
    run = cli(*args, "--store", toy_store_dir, option, "-")
    assert run.exit_code == 0, run.stderr
    assert expect in run.stdout
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("args", [["dna", "export"], ["build", "in.txt"]])
def test_commands_writing_a_folder_refuse_dash(cli, toy_store_dir, here, args):
    (here / "in.txt").write_text("Russia supports the ceasefire.\n", encoding="utf-8")
    run = cli(*args, "--store", toy_store_dir, "-o", "-")
    assert run.exit_code == 2 and "needs a folder, not standard output" in run.stderr
    assert sorted(p.name for p in here.iterdir()) == ["in.txt"]
