"""Corrections that teach: what a review decides is learned and used on every later build.

One small corpus with the mini codebook: document a1 is reviewed (a wrong reading of Putin,
a missed stance added by quote whose actor is a description and whose cue is a verb the
extractor does not know); document b1, built later, says the same things in other words.
"""
from __future__ import annotations

import csv
import json
import shutil
from dataclasses import replace

import pytest
from stancegraph.codebook import load_codebook
from stancegraph.lessons import Lessons, drop_lesson, read_lessons, store_lessons
from stancegraph.lessons.storage import LESSONS_GRAPH
from stancegraph.lessons.model import Example, Lesson, finish
from stancegraph.pipeline import build
from stancegraph.rdf import convert, mint
from stancegraph.rdf.convert import new_graph
from stancegraph.rdf.store import StanceStore

from conftest import DATA

pytestmark = pytest.mark.model

MINI = DATA / "codebook-mini.ttl"
A1 = ("Kyiv, 3 March.\nThe Ukrainian leader lambasted the ceasefire on Monday. "
      "Analysts said Putin would welcome a ceasefire only on his own terms.\n")
B1 = ("The Ukrainian leader lambasted the truce again on Friday. "
      "Analysts said Putin would welcome a ceasefire only on his own terms.\n")
WRONG = "Analysts said Putin would welcome a ceasefire only on his own terms."


def triples(stances, doc):
    return {(s.actor_id, s.polarity.value, s.topic) for s in stances if s.doc_id == doc and s.classified}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("lessons")
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "a1.txt").write_text(A1, encoding="utf-8")
    (root / "b" / "b1.txt").write_text(B1, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def taught(corpus):
    """a1 built and reviewed (1 wrong, 1 added by quote); a copy of the store kept read-only."""
    from conftest import run_cli

    out = corpus / "taught"
    assert run_cli("build", corpus / "a", "--out", out, "--codebook", MINI).exit_code == 0
    run = run_cli("review", "export", "--store", out / "store")
    rows = list(csv.DictReader(run.stdout.splitlines()))
    [wrong] = [r for r in rows if r["evidence"] == WRONG]
    wrong["verdict"] = "wrong"
    add = {"doc": "a1", "actor": "Volodymyr Zelenskyy", "polarity": "oppose", "topic": "ceasefire",
           "evidence": "leader lambasted  the CEASEFIRE", "verdict": "added"}
    sheet = corpus / "review.csv"
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([wrong, {c: add.get(c, "") for c in rows[0]}])
    run = run_cli("review", "import", sheet, "--reviewer", "Ana", "--store", out / "store", "--codebook", MINI)
    assert run.exit_code == 0, run.stderr
    return out


@pytest.fixture
def store_copy(taught, tmp_path):
    shutil.copytree(taught / "store", tmp_path / "store")
    return tmp_path / "store"


def run_digest(store) -> str:
    with StanceStore.open(store) as st:
        return store_lessons(st, load_codebook(MINI)).digest


def test_plain_extractor_misses_and_mistakes(corpus, tmp_path):
    report = build([corpus / "b"], out_dir=tmp_path, codebook_path=MINI)
    assert triples(report.stances, "b1") == {("putin", "support", "ceasefire")}


def test_lessons_are_listed(cli, store_copy):
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI)
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any(" alias " in x and "'The Ukrainian leader' names actor zelenskyy" in x and
               "lambasted the ceasefire" in x for x in lines), run.stdout
    assert any(" cue " in x and "'lambast' carries oppose" in x for x in lines), run.stdout
    assert any(" reject " in x and 'putin support ceasefire in "analysts said putin would welcome' in x
               and "1 wrong" in x for x in lines), run.stdout
    [alias] = [x for x in lines if " alias " in x]
    assert alias.split()[2] == "1"  # learned from one decision
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI, "--kind", "cue", "--kind", "alias")
    assert run.exit_code == 0 and " reject " not in run.stdout and " cue " in run.stdout and " alias " in run.stdout
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI, "--kind", "rule")
    assert run.exit_code == 2 and "unknown lesson kind 'rule'" in run.stderr
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI, "--format", "json")
    assert json.loads(run.stdout)["digest"] == run_digest(store_copy)


def test_mistake_is_not_repeated_and_added_stance_is_read_in_a_new_document(corpus, store_copy, tmp_path):
    report = build([corpus / "b"], out_dir=tmp_path, store_dir=store_copy, codebook_path=MINI)
    assert report.lessons == 3
    found = triples(report.stances, "b1")
    assert ("putin", "support", "ceasefire") not in found  # wrong in a1, same phrasing in b1
    assert ("zelenskyy", "oppose", "ceasefire") in found  # alias and cue learned from the quote in a1
    [zel] = [s for s in report.stances if s.doc_id == "b1" and s.actor_id == "zelenskyy"]
    assert zel.mention == "The Ukrainian leader" and "[lesson " in zel.cue and zel.extractor == "stancegraph.rules.v1"
    with StanceStore.open(store_copy) as st:
        lessons = store_lessons(st, load_codebook(MINI))
    assert zel.cue.endswith(f"[lesson {lessons.of_kind('alias')[0].id}]")


def test_no_lessons_gives_the_plain_extractor(corpus, store_copy, tmp_path):
    report = build([corpus / "b"], out_dir=tmp_path, store_dir=store_copy, codebook_path=MINI, lessons=False)
    assert report.lessons == 0
    assert triples(report.stances, "b1") == {("putin", "support", "ceasefire")}


def test_dropped_lesson_is_not_applied(cli, corpus, store_copy, tmp_path):
    with StanceStore.open(store_copy) as st:
        [reject] = store_lessons(st, load_codebook(MINI)).of_kind("reject")
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI, "--drop", reject.id)
    assert run.exit_code == 0, run.stderr
    assert f"dropped lesson {reject.id}" in run.stderr and reject.id not in run.stdout
    report = build([corpus / "b"], out_dir=tmp_path, store_dir=store_copy, codebook_path=MINI)
    assert ("putin", "support", "ceasefire") in triples(report.stances, "b1")
    assert ("zelenskyy", "oppose", "ceasefire") in triples(report.stances, "b1")
    run = cli("review", "lessons", "--store", store_copy, "--drop", "ffffffff", "--codebook", MINI)
    assert run.exit_code == 1 and "no lesson 'ffffffff'" in run.stderr and "Traceback" not in run.stderr


def test_lessons_shared_by_file(cli, corpus, store_copy, tmp_path):
    shared = tmp_path / "lessons.json"
    run = cli("review", "lessons", "--store", store_copy, "--codebook", MINI, "--out", shared)
    assert run.exit_code == 0 and f"wrote {shared}" in run.stderr
    assert read_lessons(shared).digest == json.loads(shared.read_text())["digest"]
    other = tmp_path / "other"  # a colleague's store, no reviews of its own
    run = cli("build", corpus / "b", "--out", other, "--codebook", MINI, "--lessons", shared)
    assert run.exit_code == 0, run.stderr
    assert "applied 3 lessons" in run.stdout
    with StanceStore.open(other / "store") as st:
        found = triples(st.stances(), "b1")
    assert found == {("zelenskyy", "oppose", "ceasefire")}
    run = cli("extract", corpus / "b", "--codebook", MINI, "--lessons", shared)
    assert {(r["actor_id"], r["topic"]) for r in map(json.loads, run.stdout.splitlines())} == {("zelenskyy", "ceasefire")}


@pytest.mark.parametrize("content, message", [
    ("not json", "not a lessons file (not JSON"),
    ('{"format": "other"}', 'expected "format": "stancegraph-lessons/1"'),
    ('{"format": "stancegraph-lessons/1", "lessons": [{"kind": "alias"}]}', "malformed lessons file"),
])
def test_bad_lessons_file_is_one_line_error(cli, corpus, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    run = cli("build", corpus / "b", "--out", tmp_path / "out", "--codebook", MINI, "--lessons", bad)
    assert run.exit_code == 1 and f"error: {bad}: " in run.stderr and message in run.stderr, run.stderr
    assert not (tmp_path / "out" / "store").exists()
    run = cli("build", corpus / "b", "--out", tmp_path / "out", "--lessons", bad, "--no-lessons")
    assert run.exit_code == 1 and "do not go together" in run.stderr


def test_same_reviews_same_lessons_same_output(corpus, taught, tmp_path):
    outputs = []
    for k in (1, 2):
        store = tmp_path / f"s{k}"
        shutil.copytree(taught / "store", store)
        with StanceStore.open(store) as st:  # forget the stored lessons: learn them again
            st.write_graphs([new_graph(LESSONS_GRAPH)])
        report = build([corpus / "b"], out_dir=tmp_path / f"o{k}", store_dir=store, codebook_path=MINI)
        with StanceStore.open(store) as st:
            lessons = store_lessons(st, load_codebook(MINI))
        outputs.append((lessons.dumps(), [s.to_record() for s in report.stances],
                        (tmp_path / f"o{k}" / "stances.jsonl").read_text()))
    assert outputs[0] == outputs[1]


def test_changed_lessons_extract_again(corpus, taught, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(taught / "store", store)
    first = build([corpus / "a"], out_dir=tmp_path, store_dir=store, codebook_path=MINI)
    assert first.written == ["a1"]  # built before the review: read again with its lessons
    with StanceStore.open(store) as st:
        recorded = str(st.graph("a1").value(mint.doc_iri("a1"), convert.SG.extractedWith))
    assert recorded.endswith(f"lessons:{first.lessons_digest}") and "codebook:" in recorded
    again = build([corpus / "a"], out_dir=tmp_path, store_dir=store, codebook_path=MINI)
    assert again.written == [] and again.unchanged == ["a1"]
    with StanceStore.open(store) as st:
        [cue] = store_lessons(st, load_codebook(MINI)).of_kind("cue")
    with StanceStore.open(store) as st:
        drop_lesson(st, load_codebook(MINI), cue.id)
    third = build([corpus / "a"], out_dir=tmp_path, store_dir=store, codebook_path=MINI)
    assert third.written == ["a1"] and third.lessons_digest != first.lessons_digest
    with StanceStore.open(store) as st:  # the wrong reading, left out since the first rebuild, still teaches
        assert ("putin", "support", "ceasefire") not in triples(st.stances(reviewed=False), "a1")
        assert store_lessons(st, load_codebook(MINI)).of_kind("reject")
    plain = build([corpus / "a"], out_dir=tmp_path, store_dir=store, codebook_path=MINI, lessons=False)
    assert plain.written == ["a1"]


def test_learning_is_deterministic_and_conflicts_are_left_out():
    words = [Lesson("alias", "the leader", "zelenskyy", ("d1",)), Lesson("alias", "the leader", "putin", ("d2",)),
             Lesson("alias", "the boss", "putin", ("d3",)), Lesson("alias", "the boss", "putin", ("d4",))]
    examples = [Example(f"e{i}", ("cue=back", f"topic=t{i % 2} support"), f"sig{i % 3}", 0.8, i % 2, "ev")
                for i in range(12)]
    one, two = finish(words, examples), finish(list(reversed(words)), list(reversed(examples)))
    assert one.dumps() == two.dumps()
    [alias] = one.of_kind("alias")  # "the leader" taught for two actors once each: neither kept
    assert (alias.key, alias.value, alias.count) == ("the boss", "putin", 2)
    assert one.fitted and {x.key for x in one.of_kind("score")} == {"cue=back", "topic=t0 support", "topic=t1 support"}
    assert Lessons.from_json(json.loads(one.dumps())) == one
    without = finish(words, examples, frozenset({one.of_kind("score")[0].id}))
    assert len(without.of_kind("score")) == 2 and without.digest != one.digest


def test_parallel_build_applies_the_same_lessons(corpus, taught, tmp_path):
    runs = []
    for jobs in (1, 2):
        store = tmp_path / f"s{jobs}"
        shutil.copytree(taught / "store", store)
        report = build([corpus / "a", corpus / "b"], out_dir=tmp_path / f"o{jobs}", store_dir=store,
                       codebook_path=MINI, n_process=jobs)
        runs.append(sorted((s.doc_id, s.key, s.cue, s.confidence) for s in report.stances))
    assert runs[0] == runs[1] and any("[lesson " in cue for _, _, cue, _ in runs[0])


# --- what added stances teach, on sentences parsed alone ----------------------------------

def _with_prisoners(codebook):
    """The mini codebook and a third topic, to tell topics apart by their words."""
    from dataclasses import replace as _replace

    from stancegraph.codebook import Topic

    topic = Topic(id="prisoner_exchange", iri="https://w3id.org/stancegraph/codebook/mini/topic/prisoner_exchange",
                  label="Prisoner exchange", definition="An exchange of prisoners of war.",
                  alt_labels=("prisoner swap", "exchange of prisoners"))
    return _replace(codebook, topics={**codebook.topics, topic.id: topic})


def _added(text, actor, polarity, topic, decision="d1"):
    from stancegraph.lessons.learn import Taught
    from stancegraph.types import Polarity, Stance

    return Taught(decision, Stance(doc_id="a", actor=actor, actor_id=actor, actor_kind="state",
                                   polarity=Polarity(polarity), topic=topic, topic_label=topic, evidence=text,
                                   start=0, end=len(text), extractor="human:test", confidence=1.0))


def _read(lessons, codebook, text):
    from stancegraph.extract import create
    from stancegraph.lessons import codebook_with
    from stancegraph.types import Document

    extractor = create("stancegraph.rules.v1", codebook=codebook_with(finish(lessons, []), codebook))
    return {(s.actor_id, s.polarity.value, s.topic) for s in extractor.extract_one(Document(id="b", text=text))}


def test_phrase_lesson_is_the_verb_and_its_object_and_matches_its_inflections():
    from stancegraph.lessons.learn import word_lessons

    codebook = _with_prisoners(load_codebook(MINI))
    taught = _added("Kyiv demanded on Monday that both sides trade prisoners before the winter.",
                    "ukraine", "support", "prisoner_exchange")
    [phrase] = word_lessons([taught], codebook)
    assert (phrase.kind, phrase.key, phrase.value, phrase.sign) == ("phrase", "trade prisoners", "prisoner_exchange", 1)
    assert ("zelenskyy", "support", "prisoner_exchange") in _read(
        [phrase], codebook, "Zelenskyy urged Moscow to keep trading prisoners.")
    assert ("eu", "support", "prisoner_exchange") in _read(
        [phrase], codebook, "Brussels wants the two sides to trade all their prisoners.")


def test_no_phrase_lesson_from_words_that_do_not_name_the_topic():
    """A time, a number or a word the topic's labels and definition do not share is not learned
    as the topic's phrase (the sentence teaches nothing rather than noise)."""
    from stancegraph.lessons.learn import word_lessons

    codebook = _with_prisoners(load_codebook(MINI))
    taught = _added("Brussels promised a dramatic change within 24 hours.", "eu", "support", "prisoner_exchange")
    assert [x for x in word_lessons([taught], codebook) if x.kind == "phrase"] == []


def test_no_phrase_lesson_made_only_of_generic_words_and_names():
    """"reach a peace deal" taught as a rapid deal would name a rapid deal in every article:
    words that name no topic on their own, together or with names, are not learned."""
    import doctest

    from stancegraph.lessons import learn
    from stancegraph.lessons.learn import word_lessons

    taught = _added("Kyiv is under mounting pressure from Washington to reach a peace deal.", "united_states",
                    "support", "rapid_peace_deal")
    assert [x.key for x in word_lessons([taught], load_codebook()) if x.kind == "phrase"] == []
    assert doctest.testmod(learn).failed == 0


def test_phrase_side_and_overlap_come_from_the_codebook_words():
    from stancegraph.lessons.learn import _side, topic_overlap, topic_words

    codebook = _with_prisoners(load_codebook(MINI))
    concessions = codebook.topics["territorial_concessions"]
    assert _side(("defend", "integrity"), concessions) == -1  # the contra label's word
    assert _side(("give", "territory"), concessions) == 1
    vocab = topic_words(codebook)
    assert topic_overlap(("swap", "prisoners"), vocab, "prisoner_exchange") > 0
    assert topic_overlap(("swap", "prisoners"), vocab, "ceasefire") == 0
    assert topic_overlap(("hours",), vocab, "prisoner_exchange") == 0


def test_doctests_of_learning_and_topic_patterns():
    import doctest

    from stancegraph.extract.rules import topics
    from stancegraph.lessons import learn

    for module in (learn, topics):
        assert doctest.testmod(module).failed == 0


def _machine(actor, polarity, topic, text, confidence=0.8):
    from stancegraph.types import Polarity, Stance

    return Stance(doc_id="a", actor=actor, actor_id=actor, actor_kind="state", polarity=Polarity(polarity),
                  topic=topic, topic_label=topic, evidence=text, start=0, end=len(text),
                  extractor="stancegraph.rules.v1", confidence=confidence, cue="agreed")


def test_a_reading_marked_wrong_is_left_out_of_the_same_statement_in_other_words():
    """Reviewed: "Kyiv supports a truce" read from a sentence that says no one does (marked
    wrong, nothing correct or added for it). Unseen: the same statement rewritten, read for
    Kyiv and for Brussels, is left out; a different statement on the truce is kept."""
    from stancegraph.lessons import rescore
    from stancegraph.lessons.learn import Taught, examples_of

    reviewed = "We have agreed that both delegations will describe their vision of a possible truce in detail."
    rewritten = "We agreed that both delegations would describe their vision of a possible future truce in detail."
    other = "Brussels said on Monday it fully backs an immediate truce along the front."
    wrong = _machine("ukraine", "support", "ceasefire", reviewed)
    lessons = finish([], examples_of([("d1", wrong, False), ("d2", _machine("eu", "support", "ceasefire", other), True)]))
    [reject] = lessons.of_kind("reject")
    assert [e.unsaid for e in lessons.examples] == [True, False]
    kept = rescore(lessons, [_machine("ukraine", "support", "ceasefire", rewritten),
                             _machine("eu", "support", "ceasefire", rewritten),
                             _machine("ukraine", "oppose", "ceasefire", rewritten),
                             _machine("eu", "support", "ceasefire", other)])
    assert {(s.actor_id, s.polarity.value, s.evidence) for s in kept} == {
        ("ukraine", "oppose", rewritten), ("eu", "support", other)}
    # the reviewer added Brussels' support in the reviewed words: only Kyiv's reading was wrong
    added = Taught("d3", replace(_machine("eu", "support", "ceasefire", reviewed), extractor="human:test"))
    lessons = finish([], examples_of([("d1", wrong, False)], [added]))
    kept = rescore(lessons, [_machine("ukraine", "support", "ceasefire", rewritten),
                             _machine("eu", "support", "ceasefire", rewritten)])
    assert {s.actor_id for s in kept} == {"eu"}
    # dropping the reject lesson drops its reach too
    assert len(rescore(finish([], lessons.examples, frozenset({reject.id})),
                       [_machine("ukraine", "support", "ceasefire", rewritten)])) == 1


def test_a_spokesman_is_no_alias_of_the_group_he_speaks_for(rule_extractor):
    """A changed row from the spokesman to the leaders he reports teaches no alias of his name."""
    from dataclasses import replace

    from stancegraph.extract.rules.actors import ActorResolver
    from stancegraph.lessons.learn import _alias
    from stancegraph.types import Document

    text = "German government spokesman Stefan Kornelius said the leaders backed a ceasefire."
    doc = rule_extractor.nlp(text)
    found = rule_extractor.stances(doc, Document(id="x", text=text))
    spokesman = next(s for s in found if s.actor_id == "stefan_kornelius")
    taught = replace(spokesman, actor="Europe", actor_id="europe", actor_kind="group")
    codebook = rule_extractor.codebook
    alias, _ = _alias(doc, ActorResolver(codebook, doc), found, taught, codebook)
    assert alias != "Stefan Kornelius"
