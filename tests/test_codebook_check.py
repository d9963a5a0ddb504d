"""A codebook that is wrong says so, a line per problem; the README's example codebook works."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stancegraph.codebook import load_codebook
from stancegraph.codebook_check import problems
from stancegraph.errors import CodebookError

ROOT = Path(__file__).parent.parent
HEAD = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix a: <https://example.org/a/> .
@prefix t: <https://example.org/t/> .
<https://example.org/cb> a skos:ConceptScheme ; skos:prefLabel "cb" .
"""
GOOD = HEAD + """a:norway a sg:State ; skos:notation "norway" ; skos:prefLabel "Norway" .
t:cap a skos:Concept ; skos:notation "cap" ; skos:prefLabel "production cap" .
"""


def readme_codebook() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Writing a codebook"):]
    return re.search(r"```turtle\n(.*?)```", section, re.S)[1]


def test_the_readme_example_loads_checks_and_extracts(tmp_path, cli):
    path = tmp_path / "plastics.ttl"
    path.write_text(readme_codebook(), encoding="utf-8")
    assert problems(path) == []
    book = load_codebook(path)
    assert set(book.actors) == {"norway", "high_ambition_coalition", "espen_barth_eide"}
    assert book.lineage("espen_barth_eide") == ["espen_barth_eide", "norway", "high_ambition_coalition"]
    run = cli("codebook", "check", path)
    assert run.exit_code == 0 and "ok (3 actors, 1 topics)" in run.stdout


@pytest.mark.model
def test_the_readme_example_extracts_from_a_sentence(tmp_path, cli):
    path = tmp_path / "plastics.ttl"
    path.write_text(readme_codebook(), encoding="utf-8")
    article = tmp_path / "talks.txt"
    article.write_text("Norway on Tuesday backed a cap on plastic production.\n", encoding="utf-8")
    run = cli("extract", article, "--codebook", path, "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    found = {(r["actor_id"], r["polarity"], r["topic"]) for r in map(json.loads, run.stdout.splitlines())}
    assert ("norway", "support", "production_cap") in found


def test_the_packaged_codebook_has_no_problem():
    from stancegraph.codebook import default_codebook_path

    assert problems(Path(str(default_codebook_path()))) == []


MISTAKES = HEAD + """a:norway a sg:State ; skos:notation "norway" ; skos:prefLabel "Norway" ; skos:altLabel "Oslo" .
a:eide a sg:person ; skos:notation "eide" ; skos:prefLabel "Eide" .
a:sweden a sg:State ; skos:notation "sweden" ; skos:prefLabel "Sweden" ;
    sg:memberOf a:nordic_council ; skos:altLabel "oslo" .
t:cap a skos:Concept ; skos:notation "cap" .
t:ban a skos:Concept ; skos:notation "ban" ; skos:prefLabel "ban" ; sg:proposedBy a:nobody .
a:x sg:gender "unknown" .
"""


def test_every_mistake_is_a_line_with_its_line_number(tmp_path):
    path = tmp_path / "cb.ttl"
    path.write_text(MISTAKES, encoding="utf-8")
    found = [(p.line, p.message) for p in problems(path)]
    messages = " | ".join(m for _, m in found)
    assert (7, "unknown term sg:person: the stancegraph ontology defines no such class or property "
               "(did you mean sg:Person?)") in found
    assert any(line == 9 and "sg:memberOf a:nordic_council: no actor" in m for line, m in found), messages
    assert any(line == 10 and m == "topic t:cap has no skos:prefLabel" for line, m in found), messages
    assert any(line == 11 and "sg:proposedBy a:nobody: no actor" in m for line, m in found), messages
    assert any(line == 8 and "alias 'oslo' names two actors: a:norway and a:sweden" in m for line, m in found), messages
    assert any(line == 12 and "sg:gender 'unknown'" in m for line, m in found), messages
    assert any(line == 12 and "has sg:gender but is no actor" in m for line, m in found), messages
    assert len(found) == 7, messages


def test_loading_refuses_it_and_the_cli_prints_each_problem(tmp_path, cli):
    path = tmp_path / "cb.ttl"
    path.write_text(MISTAKES, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert len(info.value.problems) == 7 and "(and 6 more problems)" in str(info.value)
    for args in (["codebook", "check", path], ["extract", tmp_path, "--codebook", path]):
        run = cli(*args)
        assert run.exit_code == 1
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 7 and all(line.startswith(f"error: {path}:") for line in lines), run.stderr


def test_a_syntax_error_names_its_line_what_was_expected_and_the_text(tmp_path, cli):
    path = tmp_path / "cb.ttl"
    path.write_text(GOOD.replace('skos:prefLabel "production cap" .', 'skos:prefLabel "production cap"\n'
                                 't:ban a skos:Concept .'), encoding="utf-8")
    run = cli("codebook", "check", path)
    assert run.exit_code == 1
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"error: {path}:8: not valid Turtle: expected '.'") and "t:ban a skos:Concept ." in line


def test_evaluate_warns_once_per_gold_name_the_codebook_does_not_know(tmp_path, cli):
    gold = tmp_path / "gold.jsonl"
    rows = [{"doc": "d", "actor": "Ruritania", "polarity": "support", "topic": "ceasefire"},
            {"doc": "d", "actor": "Ruritania", "polarity": "oppose", "topic": "moon landing"},
            {"doc": "d", "actor": "russia", "polarity": "oppose", "topic": "ceasefire"}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc": "d", "actor": "Russia", "polarity": "oppose", "topic": "ceasefire"}) + "\n")
    run = cli("evaluate", pred, gold, "--no-show-errors")
    assert run.exit_code == 0, run.stderr
    warnings = [line for line in run.stdout.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: gold actor 'Ruritania' is not in the codebook; it matches only a prediction "
                        "of the same name",
                        "warning: gold topic 'moon landing' is not in the codebook; it matches only a prediction "
                        "of the same name"]
