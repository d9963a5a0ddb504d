"""Added stances by quote: found in the stored text despite typography, spacing and case; a
quote that is missing or repeated refuses the whole file with its line."""
from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stancegraph.codebook import load_codebook
from stancegraph.quotes import enclosing_sentence, fold, locate
from stancegraph.rdf.store import StanceStore
from stancegraph.review import COLUMNS, ReviewError, apply_review, rejected
from stancegraph.types import Document

TEXT = ("KYIV \u2014 Ukraine\u2019s president spoke on Monday.\n"
        "Zelenskyy said the \u201cjust  peace\u201d plan was dead \u2013 and rejected a ceasefire.   "
        "U.S. officials said Mr. Rubio backed a truce. Russia rejected a ceasefire.")


@pytest.fixture
def store_dir(tmp_path):
    codebook = load_codebook()
    path = tmp_path / "store"
    with StanceStore.open(path) as store:
        store.replace_documents([(Document(id="d1", text=TEXT), [])], codebook)
    return path


def sheet(tmp_path, *rows):
    path = tmp_path / "review.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in COLUMNS} for r in rows)
    return path


def added(evidence, **more):
    return {"doc": "d1", "actor": "zelenskyy", "polarity": "oppose", "topic": "ceasefire", "evidence": evidence,
            "verdict": "added", **more}


@pytest.mark.parametrize("quote", [
    'the "just peace" plan was dead - and REJECTED a ceasefire',  # plain quotes, a hyphen, case
    "the \u201cjust peace\u201d plan",  # typographic quotes, one space where the text has two
    "zelenskyy said the\n\u201cjust peace\u201d",  # a line break for spaces
])
def test_quote_is_found_and_its_sentence_is_the_evidence(store_dir, tmp_path, quote):
    with StanceStore.open(store_dir) as store:
        apply_review(store, sheet(tmp_path, added(quote)), "Ana")
        [s] = [s for s in store.stances() if s.extractor == "human:Ana"]
    sentence = "Zelenskyy said the \u201cjust  peace\u201d plan was dead \u2013 and rejected a ceasefire."
    assert (s.evidence, s.start, s.end) == (sentence, TEXT.index(sentence), TEXT.index(sentence) + len(sentence))


def test_sentence_does_not_end_after_an_abbreviation(store_dir, tmp_path):
    with StanceStore.open(store_dir) as store:
        apply_review(store, sheet(tmp_path, added("mr. rubio backed", actor="ukraine", polarity="support")), "Ana")
        [s] = [s for s in store.stances() if s.extractor == "human:Ana"]
    assert s.evidence == "U.S. officials said Mr. Rubio backed a truce."


def test_offsets_choose_among_repeated_quotes(store_dir, tmp_path):
    second = TEXT.rindex("rejected a ceasefire")
    row = added("rejected a ceasefire", actor="russia", start=str(second), end=str(second + 20))
    with StanceStore.open(store_dir) as store:
        apply_review(store, sheet(tmp_path, row), "Ana")
        [s] = [s for s in store.stances() if s.extractor == "human:Ana"]
    assert s.evidence == "Russia rejected a ceasefire."


@pytest.mark.parametrize("row, message", [
    (added("rejected a ceasefire"), "occurs 2 times in document 'd1': quote more words, or give start and end"),
    (added("backed a ceasefire"), "quote 'backed a ceasefire' is not in document 'd1'"),
    (added("ceasefire"), "too short"),
    (added("rejected a ceasefire", start="0", end="20"), "is not in document 'd1' between 0 and 20"),
])
def test_missing_or_ambiguous_quote_refuses_the_file(cli, store_dir, tmp_path, row, message):
    good = added("the \u201cjust peace\u201d plan")
    path = sheet(tmp_path, good, row)
    with StanceStore.open(store_dir) as store:
        before = len(store)
        with pytest.raises(ReviewError) as info:
            apply_review(store, path, "Ana")
        assert len(store) == before and not rejected(store)
    assert info.value.line == 3 and message in str(info.value), str(info.value)
    run = cli("review", "import", path, "--reviewer", "Ana", "--store", store_dir)
    assert run.exit_code == 1 and f"{path}, line 3: " in run.stderr and "nothing applied" in run.stderr
    assert "Traceback" not in run.stderr


def test_offsets_without_a_quote_that_fits_are_refused(store_dir, tmp_path):
    with StanceStore.open(store_dir) as store, pytest.raises(ReviewError) as info:
        apply_review(store, sheet(tmp_path, added("rejected a ceasefire", start="x", end="9")), "Ana")
    assert "whole numbers" in str(info.value)


@given(st.text(alphabet="ab \u201c\u201d\u2013-'\u2019\nAB.", min_size=1, max_size=40))
def test_every_hit_maps_back_to_text_that_folds_to_the_quote(text):
    folded, where = fold(text)
    assert len(folded) == len(where)
    quote = text[len(text) // 3: 2 * len(text) // 3]
    for start, end in locate(text, quote):
        assert fold(text[start:end])[0].strip() == fold(quote.strip())[0]
        a, b = enclosing_sentence(text, start, end)
        assert a <= start and end <= b or text[start:end].strip() == ""


def test_docstring_examples():
    import doctest

    import stancegraph.quotes

    result = doctest.testmod(stancegraph.quotes)
    assert result.attempted and not result.failed
