"""Issue 14, row 4: one file never aborts a build. A text over the parser's limit is parsed in
parts cut at paragraph or sentence ends (offsets into the whole text kept) or, when it has no
such break, skipped with one line; any other failure of one file is one line too."""
from __future__ import annotations

import pytest
from stancegraph.rdf.store import StanceStore

from .test_build_errors import OTHER, assert_clean, error_lines

pytestmark = pytest.mark.model


def paragraphs(n: int) -> str:
    actors = ["Russia", "Ukraine", "Turkey", "France"]
    verbs = ["supports", "rejected", "welcomed", "opposes"]
    topics = ["the ceasefire", "territorial concessions", "a peace summit", "sanctions relief"]
    return "\n\n".join(f"Update {i}. {actors[i % 4]} {verbs[(i // 4) % 4]} {topics[(i // 16) % 4]} on day {i}."
                       for i in range(n)) + "\n"


def test_a_text_with_no_break_over_the_limit_is_skipped_with_one_line(write_file, cli, tmp_path):
    write_file("in/l.txt", "Russia supports the ceasefire and " * 150000)  # 5 MB, no full stop
    write_file("in/ok.txt", OTHER)
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out")
    assert run.exit_code == 0, run.stderr
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert line.startswith("skipped: ") and "l.txt" in line and "too long for the parser" in line
    assert "1 extracted" in run.stdout and "1 skipped" in run.stdout
    with StanceStore.open(tmp_path / "out" / "store") as store:
        assert store.documents() == ["ok"] and store.stances()


def test_a_long_text_is_parsed_in_parts_with_offsets_into_the_whole(write_file, cli, tmp_path, rule_extractor,
                                                                     monkeypatch):
    from stancegraph.extract import rules

    text = paragraphs(120)
    write_file("in/long.txt", text)
    run = cli("build", tmp_path / "in", "--out", tmp_path / "whole")  # under the limit: one parse
    assert run.exit_code == 0, run.stderr
    monkeypatch.setattr(rule_extractor.nlp, "max_length", len(text) // 3)  # the same pipeline object
    monkeypatch.setattr(rules, "PART", len(text) // 7)
    split, cuts = rules.split_text, []
    monkeypatch.setattr(rules, "split_text", lambda t, size: cuts.append(split(t, size)) or cuts[-1])
    run = cli("build", tmp_path / "in", "--out", tmp_path / "parts")
    assert run.exit_code == 0, run.stderr
    assert error_lines(run) == []
    [parts_cut] = cuts
    assert len(parts_cut) >= 7  # it was parsed in parts

    def read(out):
        with StanceStore.open(out / "store") as store:
            return sorted((s.actor_id, s.topic or s.phrase, s.polarity.value, s.start, s.end, s.evidence)
                          for s in store.stances())

    whole, parts = read(tmp_path / "whole"), read(tmp_path / "parts")
    assert len(parts) >= 60 and parts == whole  # paragraphs are sentences anyway: nothing lost or moved
    assert max(s[3] for s in parts) > len(text) * 6 // 7  # stances from the last part ...
    assert all(s[5] in text for s in parts)  # ... at offsets into the whole text (checked by the store too)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_any_other_failure_of_one_file_is_one_line_and_the_build_goes_on(write_file, cli, tmp_path, monkeypatch,
                                                                         jobs):
    from stancegraph.extract.rules import RuleExtractor

    stances = RuleExtractor.stances

    def fragile(self, doc, document, offset=0):
        if "BOOM" in document.text:
            raise RuntimeError("the rules broke on this one\nsecond line")
        return stances(self, doc, document, offset)

    monkeypatch.setattr(RuleExtractor, "stances", fragile)
    for i in range(10):
        write_file(f"in/a{i}.txt", OTHER.replace("Monday", f"day {i}"))
    write_file("in/a5b.txt", "BOOM. " + OTHER)
    run = cli("build", tmp_path / "in", "--out", tmp_path / "out", "--jobs", jobs)
    assert run.exit_code == 0, run.stderr
    assert_clean(run.stdout, run.stderr)
    [line] = error_lines(run)
    assert "a5b.txt: cannot extract stances: RuntimeError: the rules broke on this one" in line
    assert "second line" not in run.stderr
    with StanceStore.open(tmp_path / "out" / "store") as store:
        assert store.documents() == sorted(f"a{i}" for i in range(10))
