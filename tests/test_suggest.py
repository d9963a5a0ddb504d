from rdflib import Graph
from rdflib.namespace import SKOS

from stancegraph.suggest import phrase_key, skos_stubs, suggest_topics
from stancegraph.types import Polarity, Stance


def cand(phrase, actor="Poland", pol=Polarity.SUPPORT, doc="d1", evidence="Poland backed it."):
    return Stance(doc_id=doc, actor=actor, actor_id=actor.lower(), actor_kind="state", polarity=pol, topic=None,
                  topic_label=phrase, evidence=evidence, start=0, end=len(evidence), confidence=0.5,
                  extractor="t", phrase=phrase)


def test_phrase_key_groups_variants():
    assert phrase_key("the grain import bans") == phrase_key("new grain import ban") == "grain import ban"
    assert phrase_key("a $400 million aid package") == "aid package"


def test_suggestions_are_grouped_counted_and_ranked():
    stances = [cand("grain import ban"), cand("the grain import bans", actor="Hungary", pol=Polarity.OPPOSE, doc="d2"),
               cand("energy deal", actor="Slovakia")]
    groups = suggest_topics(stances)
    assert [g.key for g in groups] == ["grain import ban", "energy deal"]
    top = groups[0]
    assert (top.count, top.support, top.oppose, top.actors, top.documents) == (2, 1, 1, {"Poland", "Hungary"}, {"d1", "d2"})
    assert suggest_topics(stances, min_count=2) == [top]


def test_classified_stances_are_ignored():
    s = cand("x")
    classified = Stance(**{**s.__dict__, "topic": "ceasefire"})
    assert suggest_topics([classified]) == []


def test_skos_stubs_parse_and_carry_labels():
    ttl = skos_stubs(suggest_topics([cand("grain import ban"), cand("grain import bans")]), "https://example.org/cb")
    g = Graph().parse(data=ttl, format="turtle")
    (concept,) = set(g.subjects(SKOS.notation, None))
    assert str(g.value(concept, SKOS.notation)) == "grain_import_ban"
    assert {str(o) for o in g.objects(concept, SKOS.prefLabel)} | {str(o) for o in g.objects(concept, SKOS.altLabel)} == {
        "grain import ban", "grain import bans"}
