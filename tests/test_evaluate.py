"""Scoring predicted stances against gold: hand-made records whose figures are worked out below."""
from __future__ import annotations

import json

import pytest
from stancegraph.codebook import load_codebook
from stancegraph.errors import RecordError
from stancegraph.evaluate import (
    doc_key, evaluate, evidence_overlaps, norm, polarity_of, read_gold, read_predictions,
    report_lines,
)
from stancegraph.types import RECORD_FIELDS


@pytest.fixture(scope="module")
def book():
    """The default codebook: merz -> germany -> europe, macron -> france -> europe."""
    return load_codebook()


def gold(doc, actor, polarity, topic, evidence="", required=True):
    return {"doc": doc, "actor": actor, "polarity": polarity, "topic": topic,
            "required": required, "evidence": evidence}


def pred(doc, actor, polarity, topic, evidence="", **extra):
    return {"doc": doc, "actor": actor, "polarity": polarity, "topic": topic,
            "evidence": evidence, **extra}


GOLD = [
    gold("d1", "zelenskyy", "oppose", "territorial_concessions",
         "Zelenskyy said Ukraine will never give up territory."),
    gold("d1", "russia", "oppose", "ceasefire", "The Kremlin rejected the ceasefire."),
    gold("d1", "merz", "support", "security_guarantees", "Merz backed security guarantees."),
    gold("d1", "trump", "support", "us_peace_plan", "Trump praised his plan.", required=False),
    gold("d2", "putin", "oppose", "ceasefire", "Putin ruled out a truce."),
]
PRED = [
    # a: right, by label; the same triple twice counts once
    pred("d1", "Volodymyr Zelenskyy", "oppose", "territorial_concessions",
         "Zelenskyy said Ukraine will never give up territory."),
    pred("d1", "Zelensky", "oppose", "territorial_concessions", "He would never cede land."),
    # b: right, by alias and topic label; its evidence shares no word with the gold's
    pred("d1", "the Kremlin", "oppose", "Ceasefire", "Moscow turned down any truce."),
    # c: the state of the gold person: wrong when strict, right when lenient
    pred("d1", "Germany", "support", "security_guarantees", "Germany backed security guarantees for Kyiv."),
    # d: matches an optional gold triple; no evidence
    pred("d1", "Trump", "support", "us_peace_plan"),
    # e: wrong
    pred("d1", "Ukraine", "support", "ceasefire", "Ukraine welcomed a truce."),
    # a document without gold: ignored
    pred("d3", "Putin", "oppose", "ceasefire", "Putin said no."),
]


def test_hand_computed_figures(book):
    ev = evaluate(PRED, GOLD, book)
    # strict: 5 unique predicted triples (a-e), 3 right (a, b, d) -> P = 3/5 = 0.6
    # 4 required gold triples (zelenskyy, russia, merz in d1; putin in d2), 2 found -> R = 0.5
    # F1 = 2 * 0.6 * 0.5 / 1.1 = 0.5454...
    s = ev.strict
    assert (s.predicted, s.correct, s.required, s.found) == (5, 3, 4, 2)
    assert s.precision == pytest.approx(0.6) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(6 / 11)
    # lenient: c (germany) also matches merz (merz -> germany): P = 4/5, R = 3/4
    # F1 = 2 * 0.8 * 0.75 / 1.55 = 0.7742
    l = ev.lenient
    assert (l.predicted, l.correct, l.required, l.found) == (5, 4, 4, 3)
    assert l.f1 == pytest.approx(2 * 0.8 * 0.75 / 1.55)
    assert ev.summary() == "F1 strict=0.545 lenient=0.774 (P=0.60 R=0.50)"
    assert ev.documents == ("d1", "d2") and ev.ignored_documents == ("d3",)


def test_grounding(book):
    ev = evaluate(PRED, GOLD, book)
    # strict: right with evidence a (same sentence: grounded) and b (no shared word: not);
    # d has no evidence and does not count -> 1/2
    assert (ev.strict.with_evidence, ev.strict.grounded_count) == (2, 1)
    assert ev.strict.grounded == pytest.approx(0.5)
    # lenient adds c: {germany backed security guarantees for kyiv} and {merz backed security
    # guarantees} share 3 words >= half of 4 -> grounded: 2/3
    assert ev.lenient.grounded == pytest.approx(2 / 3)


def test_no_evidence_means_grounded_is_none(book):
    ev = evaluate([pred("d1", "russia", "oppose", "ceasefire")], GOLD, book)
    assert ev.strict.correct == 1 and ev.strict.grounded is None


@pytest.mark.parametrize("a, b, expected", [
    ("Putin ruled out a truce.", "Putin ruled out a truce", True),  # normalised equality
    ("ruled out a truce", "Putin ruled out a truce, he said.", True),  # containment
    ("Merz backed security guarantees.", "Germany backed security guarantees for Kyiv.", True),
    ("Merz backed guarantees.", "Germany signed a deal on security for Kyiv.", False),  # 0 of 3
    ("", "anything", False),
])
def test_evidence_overlap_rule(a, b, expected):
    assert evidence_overlaps(a, b) is expected


def test_optional_gold_counts_for_precision_not_recall(book):
    only_optional = [pred("d1", "trump", "support", "us_peace_plan")]
    ev = evaluate(only_optional, GOLD, book)
    # the one prediction is right (P = 1/1) but finds none of the 4 required triples (R = 0/4)
    assert (ev.strict.precision, ev.strict.recall, ev.strict.required) == (1.0, 0.0, 4)
    without = evaluate(only_optional, [g for g in GOLD if g["required"]], book)
    assert without.strict.precision == 0.0


def test_required_as_text_and_missing(book):
    rows = [dict(GOLD[3], required="false"), {k: v for k, v in GOLD[0].items() if k != "required"}]
    ev = evaluate([], rows, book)
    assert ev.strict.required == 1  # "false" is false; a missing required is true


@pytest.mark.parametrize("name, expected", [
    ("German Chancellor Friedrich Merz", "merz"),
    ("the Kremlin", "russia"),
    ("THE KREMLIN", "russia"),
    ("Zelenskyy's office", "zelenskyy"),
    ("Volodymyr Zelénskyy", "zelenskyy"),  # accents
    ("Kyiv", "ukraine"),
    ("von_der_leyen", "von_der_leyen"),  # the id itself
])
def test_actor_names_map_to_codebook_ids(book, name, expected):
    ev = evaluate([pred("d", name, "support", "ceasefire")],
                  [gold("d", expected, "support", "ceasefire")], book)
    assert ev.strict.correct == 1, name


def test_actor_id_wins_and_unknown_names_match_by_name(book):
    by_id = pred("d", "Zelensky's team", "support", "ceasefire", actor_id="zelenskyy")
    unknown = pred("d", "Recep Tayyip Erdoğan", "support", "ceasefire", actor_id="recep_tayyip_erdogan")
    golds = [gold("d", "zelenskyy", "support", "ceasefire"),
             gold("d", "Recep Tayyip Erdogan", "support", "ceasefire")]
    ev = evaluate([by_id, unknown], golds, book)
    assert (ev.strict.correct, ev.strict.found) == (2, 2)


def test_topics_map_through_ids_and_labels(book):
    golds = [gold("d", "putin", "oppose", "territorial_concessions")]
    for topic in ("territorial_concessions", "Territorial concessions by Ukraine", "TERRITORIAL CONCESSIONS"):
        assert evaluate([pred("d", "putin", "oppose", topic)], golds, book).strict.correct == 1, topic


def test_strict_and_lenient_over_a_two_level_lineage(book):
    golds = [gold("d", "europe", "support", "security_guarantees")]
    for actor, lenient in (("macron", 1), ("france", 1), ("germany", 1), ("trump", 0), ("europe", 1)):
        ev = evaluate([pred("d", actor, "support", "security_guarantees")], golds, book)
        assert ev.lenient.correct == lenient, actor
        assert ev.strict.correct == (actor == "europe"), actor
    # the reverse (gold person, predicted group) and no match between siblings
    golds = [gold("d", "macron", "support", "security_guarantees")]
    assert evaluate([pred("d", "europe", "support", "security_guarantees")], golds, book).lenient.found == 1
    assert evaluate([pred("d", "germany", "support", "security_guarantees")], golds, book).lenient.found == 0


@pytest.mark.parametrize("value, expected", [
    ("support", "support"), ("Favour", "support"), ("pro", "support"), ("+1", "support"),
    (1, "support"), ("against", "oppose"), ("CON", "oppose"), ("-1", "oppose"),
    ("negative", "oppose"), ("neutral", None), ("", None), (None, None),
])
def test_polarity_synonyms(value, expected):
    assert polarity_of(value) == expected


def test_predictions_with_other_polarity_are_ignored_and_counted(book):
    ev = evaluate([pred("d1", "russia", "neutral", "ceasefire")], GOLD, book)
    assert ev.strict.predicted == 0 and ev.ignored_records == 1


def test_unclassified_predictions_count_against_precision(book):
    ev = evaluate([pred("d1", "russia", "oppose", "ceasefire"), pred("d1", "russia", "oppose", None),
                   pred("d1", "russia", "oppose", "")], GOLD, book)
    # one unclassified triple per actor and polarity: 2 predicted, 1 right
    assert (ev.strict.predicted, ev.strict.correct) == (2, 1)


def test_document_ids_drop_folders_and_extensions(book):
    assert doc_key("seeds/d1.txt") == doc_key("d1.html") == doc_key("d1") == "d1"
    ev = evaluate([pred("seeds/d1.txt", "russia", "oppose", "ceasefire")], GOLD, book)
    assert ev.strict.correct == 1


def test_norm():
    assert norm("The Kremlin's") == "kremlin s"
    assert norm("Zelenskyy's office") == "zelenskyy office"
    assert norm("  Volodymyr  Zelénskyy! ") == "volodymyr zelenskyy"


def test_breakdown_by_topic_and_actor(book):
    ev = evaluate(PRED, GOLD, book)
    ceasefire = ev.by_topic["ceasefire"]  # b right, e wrong; russia found, putin (d2) missed
    assert (ceasefire.predicted, ceasefire.correct, ceasefire.required, ceasefire.found) == (2, 1, 2, 1)
    assert ceasefire.f1 == pytest.approx(0.5)
    germany, merz = ev.by_actor["germany"], ev.by_actor["merz"]
    assert (germany.predicted, germany.correct, germany.required) == (1, 0, 0)
    assert (merz.predicted, merz.required, merz.found) == (0, 1, 0)
    assert set(ev.by_actor) == {"zelenskyy", "russia", "germany", "trump", "ukraine", "merz", "putin"}


def test_false_positives_and_misses_with_their_sentences(book):
    ev = evaluate(PRED, GOLD, book)
    fps = [(e.doc, e.actor, e.polarity, e.topic, e.lenient) for e in ev.false_positives]
    assert fps == [("d1", "germany", "support", "security_guarantees", True),
                   ("d1", "ukraine", "support", "ceasefire", False)]
    assert ev.false_positives[1].evidence == "Ukraine welcomed a truce."  # the predicted sentence
    misses = [(e.doc, e.actor, e.lenient, e.evidence) for e in ev.misses]
    assert misses == [("d1", "merz", True, "Merz backed security guarantees."),  # the gold sentence
                      ("d2", "putin", False, "Putin ruled out a truce.")]


def test_report_ends_with_the_summary(book):
    ev = evaluate(PRED, GOLD, book)
    lines = report_lines(ev)
    assert lines[-1] == ev.summary()
    text = "\n".join(lines)
    assert "Ukraine welcomed a truce." in text and "not in the gold: d3" in text
    assert "Ukraine welcomed a truce." not in "\n".join(report_lines(ev, show_errors=False))
    assert json.loads(json.dumps(ev.to_dict()))["strict"]["precision"] == pytest.approx(0.6)


# --- files --------------------------------------------------------------------------------
def write_jsonl(write_file, name, rows):
    return write_file(name, "".join(json.dumps(r) + "\n" for r in rows))


def write_csv(write_file, name, rows, fields):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return write_file(name, buf.getvalue())


def test_csv_and_jsonl_give_the_same_scores(book, write_file):
    gold_fields = ["doc", "actor", "polarity", "topic", "required", "evidence"]
    from_jsonl = evaluate(read_predictions(write_jsonl(write_file, "p.jsonl", PRED)),
                          read_gold(write_jsonl(write_file, "g.jsonl", GOLD)), book)
    from_csv = evaluate(read_predictions(write_csv(write_file, "p.csv", PRED, RECORD_FIELDS)),
                        read_gold(write_csv(write_file, "g.csv", GOLD, gold_fields)), book)
    assert from_csv.strict == from_jsonl.strict and from_csv.lenient == from_jsonl.lenient
    assert from_csv.strict.required == 4  # the CSV "False" of the optional record is false


@pytest.mark.parametrize("content, reader, message", [
    ('{"doc": "d", "actor": "x", "polarity": "support", "topic": "t"}\n{"doc": ', read_predictions,
     "line 2: not valid JSON"),
    ('\n{"doc": "d", "polarity": "support", "topic": "t"}\n', read_predictions,
     "line 2: missing field 'actor'"),
    ('[1, 2]\n', read_gold, "line 1: not a JSON object"),
    ('{"doc": "d", "actor": "x", "polarity": "maybe", "topic": "t"}\n', read_gold,
     "line 1: polarity must be support or oppose"),
    ('{"doc": "d", "actor": "x", "polarity": "oppose", "topic": "t", "required": "perhaps"}\n',
     read_gold, "line 1: required must be true or false"),
])
def test_bad_lines_name_file_and_line(write_file, content, reader, message):
    path = write_file("bad.jsonl", content)
    with pytest.raises(RecordError) as info:
        reader(path)
    assert str(info.value).startswith(f"{path}, line ") and message in str(info.value)


def test_bad_csv_names_the_line(write_file):
    path = write_file("bad.csv", "doc,actor,polarity,topic\nd,x,support,t\nd,,oppose,t\n")
    with pytest.raises(RecordError, match=r"bad\.csv, line 3: empty field 'actor'"):
        read_predictions(path)
    path = write_file("short.csv", "doc,actor,polarity\nd,x,support\n")
    with pytest.raises(RecordError, match=r"line 2: missing field 'topic'"):
        read_predictions(path)


def test_unreadable_file(tmp_path):
    with pytest.raises(RecordError, match="cannot read"):
        read_gold(tmp_path / "nope.jsonl")
