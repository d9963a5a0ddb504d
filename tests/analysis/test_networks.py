"""Network views: edges and weights on hand-computed examples, for every normalisation."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stancegraph.analysis import (Position, Statement, affiliation_network, agreement_pairs, conflict_network,
                                  conflict_pairs, congruence_network, cooccurrence_network, difference_network,
                                  one_mode_network, positions, statements, to_positions)
from stancegraph.errors import AnalysisError
from stancegraph.queries import run_query
from stancegraph.rdf.mint import local_id
from stancegraph.types import Polarity

S, O = Polarity.SUPPORT, Polarity.OPPOSE

# x[actor, topic, polarity] (statements):
#   A: t1 S 2, t2 S 1, t3 O 1          n_A = 4, |x_A|^2 = 6
#   B: t1 S 1, t2 O 1, t3 O 3          n_B = 5, |x_B|^2 = 11
#   C: t1 O 1                          n_C = 1, |x_C|^2 = 1
# A-B: congruence 2*1 (t1 S) + 1*3 (t3 O) = 5, conflict 1*1 (t2) = 1, cells both use: A 3, B 4
# A-C: conflict 2*1 (t1) = 2;  B-C: conflict 1*1 (t1) = 1
HAND = [
    Position("A", "t1", S, statements=2, documents=1), Position("A", "t2", S), Position("A", "t3", O),
    Position("B", "t1", S), Position("B", "t2", O), Position("B", "t3", O, statements=3, documents=2),
    Position("C", "t1", O),
]
AB, AC, BC = ("actor:A", "actor:B"), ("actor:A", "actor:C"), ("actor:B", "actor:C")
AB_LOWER = ("actor:a", "actor:b")
EXPECTED = {  # normalization: (congruence A-B, conflict A-B, conflict A-C, conflict B-C)
    "no": (5, 1, 2, 1),
    "average": (5 / 4.5, 1 / 4.5, 2 / 2.5, 1 / 3),
    "jaccard": (5 / 7, 1 / 7, 2 / 5, 1 / 6),  # m10 + m01 + m11: (4-3) + (5-4) + 5; A-C: 4 + 1 + 0
    "cosine": (5 / 20, 1 / 20, 2 / 4, 1 / 5),  # DNA's: n_i * n_j (statement counts)
    "vector-cosine": (5 / math.sqrt(66), 1 / math.sqrt(66), 2 / math.sqrt(6), 1 / math.sqrt(11)),
}


def weights(G) -> dict[tuple[str, str], float]:
    return {tuple(sorted((u, v))): w for u, v, w in G.edges(data="weight")}


@pytest.mark.parametrize("normalization", sorted(EXPECTED))
def test_congruence_conflict_and_difference_by_hand(normalization):
    c_ab, f_ab, f_ac, f_bc = EXPECTED[normalization]
    congruence = congruence_network(HAND, normalization=normalization)
    assert weights(congruence) == pytest.approx({AB: c_ab})
    assert congruence.edges[AB]["count"] == 5 and congruence.edges[AB]["topics"] == ["t1", "t3"]
    conflict = conflict_network(HAND, normalization=normalization)
    assert weights(conflict) == pytest.approx({AB: f_ab, AC: f_ac, BC: f_bc})
    assert conflict.edges[AC]["topics"] == ["t1"]
    difference = difference_network(HAND, normalization=normalization)
    assert weights(difference) == pytest.approx({AB: c_ab - f_ab, AC: -f_ac, BC: -f_bc})
    assert difference.edges[AB]["agree"] == ["t1", "t3"] and difference.edges[AB]["disagree"] == ["t2"]
    assert set(congruence.nodes) == set(conflict.nodes) == {"actor:A", "actor:B", "actor:C"}


def test_duplicates_count_documents_or_once():
    by_docs = congruence_network(HAND, duplicates="document")  # A-B: t1 1*1 + t3 1*2
    assert weights(by_docs) == {AB: 3}
    once = congruence_network(HAND, duplicates="acrossrange", normalization="jaccard")
    # A = {t1S, t2S, t3O}, B = {t1S, t2O, t3O}: |A & B| / |A | B| = 2 / 4
    assert weights(once) == {AB: 0.5}


def test_unknown_settings_are_refused():
    with pytest.raises(AnalysisError, match="unknown normalization 'z'"):
        congruence_network(HAND, normalization="z")
    with pytest.raises(AnalysisError, match="unknown duplicates setting"):
        conflict_network(HAND, duplicates="weekly")


cells = st.sets(st.tuples(st.sampled_from(["t1", "t2", "t3", "t4"]), st.sampled_from([S, O])), min_size=1)


@settings(max_examples=80, deadline=None)
@given(cells, cells)
def test_binary_jaccard_and_cosine_are_the_set_measures(a, b):
    ps = [Position("a", t, q) for t, q in a] + [Position("b", t, q) for t, q in b]
    shared = len(a & b)
    jaccard = weights(congruence_network(ps, normalization="jaccard"))
    cosine = weights(congruence_network(ps, normalization="vector-cosine"))
    dna_cosine = weights(congruence_network(ps, normalization="cosine"))
    if shared:
        assert jaccard[("actor:a", "actor:b")] == pytest.approx(shared / len(a | b))
        assert cosine[("actor:a", "actor:b")] == pytest.approx(shared / math.sqrt(len(a) * len(b)))
        assert dna_cosine[("actor:a", "actor:b")] == pytest.approx(shared / (len(a) * len(b)))
    else:
        assert jaccard == cosine == dna_cosine == {}


def test_affiliation_network_signs_weights_and_evidence():
    stmts = [Statement("a", "t", S, 0.5, "A backs t.", "d1", actor_label="Actor A", actor_kind="state",
                       topic_label="Topic T"),
             Statement("a", "t", S, 0.25, "A backs t again.", "d2"),
             Statement("a", "t", O, 0.75, "A rejects t.", "d3"),
             Statement("b", "u", O, 1.0, "B rejects u.", "d1"),
             Statement("b", "plan", S, 1.0, "B backs a plan.", "d1", candidate=True)]
    G = affiliation_network(stmts)
    assert sorted((u, v, k, d["sign"], d["weight"], d["documents"], d["confidence"])
                  for u, v, k, d in G.edges(keys=True, data=True)) == [
        ("actor:a", "topic:t", "oppose", -1, 1, 1, 0.75), ("actor:a", "topic:t", "support", 1, 2, 2, 0.75),
        ("actor:b", "topic:u", "oppose", -1, 1, 1, 1.0)]
    assert [e["text"] for e in G.edges["actor:a", "topic:t", "support"]["evidence"]] == ["A backs t.", "A backs t again."]
    assert G.nodes["actor:a"] == {"type": "actor", "bipartite": 0, "label": "Actor A", "kind": "state"}
    assert G.nodes["topic:t"]["label"] == "Topic T" and G.nodes["topic:t"]["bipartite"] == 1
    with_candidates = affiliation_network(stmts, candidates=True)
    assert with_candidates.has_edge("actor:b", "candidate:plan", "support")


# --- from the store ------------------------------------------------------------------------

def test_views_from_the_store_match_views_from_its_stances(toy_store):
    from_store = congruence_network(toy_store, normalization="jaccard")
    from_stances = congruence_network(toy_store.stances(), normalization="jaccard")
    assert weights(from_store) == weights(from_stances)
    assert weights(from_store) == pytest.approx({
        ("actor:russia", "actor:ukraine"): 1 / 3,  # russia {cS, cO}, ukraine {cS, tO}: 1 / 3
        ("actor:recep_tayyip_erdogan", "actor:russia"): 1 / 2,
        ("actor:recep_tayyip_erdogan", "actor:ukraine"): 1 / 2,
        ("actor:ukraine", "actor:zelenskyy"): 1 / 2})
    assert from_store.nodes["actor:zelenskyy"]["label"] == "Volodymyr Zelenskyy"
    assert from_store.nodes["actor:zelenskyy"]["kind"] == "person"
    assert "actor:europe" not in from_store  # it spoke only on a candidate topic
    assert "actor:europe" in congruence_network(toy_store, candidates=True)


def test_store_records(toy_store):
    ps = {(p.actor, p.topic, p.polarity.value): p for p in positions(toy_store)}
    assert ps[("russia", "ceasefire", "oppose")].confidence == pytest.approx(0.9)
    assert ps[("europe", "the_new_20_point_plan", "support")].candidate
    stmts = statements(toy_store)
    assert len(stmts) == 8
    assert {s.doc for s in stmts if s.actor == "russia"} == {"toy-1", "toy-2"}


def test_python_pairs_equal_the_sparql_pairs(toy_store):
    """The analysis pairs in Python what the agreement-pairs and conflict-pairs queries join
    in SPARQL (pairs ordered by id in one, by IRI in the other: compared as sets)."""
    def rows(name, *cols):
        result = run_query(toy_store, name, {})
        idx = [result.columns.index(c) for c in cols]
        return [tuple(local_id(r[i]) if str(r[i]).startswith("https:") else r[i] for i in idx) for r in result.rows]

    sparql_agree = {(t, q, frozenset({a, b})) for t, q, a, b in rows("agreement-pairs", "topic", "polarity", "actor1", "actor2")}
    python_agree = {(t, q, frozenset({a, b})) for t, q, a, b in agreement_pairs(toy_store)}
    assert python_agree == sparql_agree and len(python_agree) == 4
    sparql_conflict = {(t, frozenset({(a, p), (b, q)}))
                       for t, a, p, b, q in rows("conflict-pairs", "topic", "actor1", "polarity1", "actor2", "polarity2")}
    python_conflict = {(t, frozenset({(a, p), (b, q)})) for t, a, p, b, q in conflict_pairs(toy_store)}
    assert python_conflict == sparql_conflict and len(python_conflict) == 4


def test_subtract_drops_balanced_pairs_that_difference_keeps():
    # a and b agree on t1 and disagree on t2: congruence 1, conflict 1
    ps = [Position("a", "t1", S), Position("a", "t2", S), Position("b", "t1", S), Position("b", "t2", O)]
    assert weights(difference_network(ps)) == {AB_LOWER: 0}  # the map draws the balanced pair
    assert weights(one_mode_network(ps, aggregation="subtract")) == {}  # as DNA writes it: no edge
    assert weights(one_mode_network(ps, aggregation="ignore")) == {AB_LOWER: 2}  # DNA's default: 1 + 1
    assert weights(cooccurrence_network(ps, normalization="cosine")) == {AB_LOWER: 2 / 4}
    with pytest.raises(AnalysisError, match="unknown one-mode aggregation 'combine'"):
        one_mode_network(ps, aggregation="combine")


def test_ignore_duplicates_do_not_compare_polarity():
    stmts = [Statement("a", "t", S, doc="d1"), Statement("a", "t", O, doc="d1"), Statement("b", "t", S, doc="d1")]
    # per document, "ignore" keeps one of a's two statements; congruence/conflict keep both polarities
    assert weights(one_mode_network(stmts, aggregation="ignore", duplicates="document")) == {AB_LOWER: 1}
    assert weights(one_mode_network(stmts, aggregation="ignore")) == {AB_LOWER: 2}
    assert weights(conflict_network(stmts, duplicates="document")) == {AB_LOWER: 1}
    with pytest.raises(AnalysisError, match="needs statements"):
        one_mode_network(to_positions(stmts), aggregation="ignore", duplicates="document")
    with pytest.raises(AnalysisError, match="needs statements"):
        congruence_network(to_positions(stmts), duplicates="week")


def test_duplicates_read_positions_given_once():
    ps = iter([Position("a", "t", S, statements=3, documents=2), Position("b", "t", S)])
    assert weights(congruence_network(ps, duplicates="document")) == {AB_LOWER: 2}
