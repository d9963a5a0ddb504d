"""Topics that are a meeting of named parties (``sg:meetingOf`` in the codebook).

News rarely names a summit by a label; it says who is ready to meet whom: "Zelensky is ready to
meet Putin", "Putin said he would hold talks with Zelensky", "Trump wants the two leaders to
meet", "Trump urged Zelensky to meet Putin". A meeting word (a verb such as "meet", a noun such
as "talks") evokes the topic when the actors it brings together -- its subject (or the subject
or object it inherits as an infinitive), its object, its "with" and "between" phrases -- cover
every party of the topic. A meeting of someone else ("Trump will meet Putin") evokes nothing.
"""
from __future__ import annotations

from .topics import ALT, TopicMention

MEETING_VERBS = {"meet", "negotiate", "talk", "sit"}
INVITING_VERBS = {"invite"}
MEETING_NOUNS = {"meeting", "talk", "talks", "summit", "negotiation", "negotiations", "encounter", "sit-down"}
PARTY_PREPS = {"with", "between"}
CLIMB = 4  # clauses to climb for an infinitive's subject ("is ready to meet", "pressing to meet")


def meetings(doc, actors, codebook, taken: set[int]) -> list[TopicMention]:
    """Mentions of meeting topics in ``doc``, one token each, none at a token in ``taken``."""
    topics = [t for t in codebook.topics.values() if len(t.meeting_of) >= 2]
    if not topics:
        return []
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in INVITING_VERBS:
            # "Putin invited Zelenskyy to Moscow": an invitation of one party by the other is a
            # meeting they would hold, named by whom it invites (the verb is the invitation's cue)
            guests = [c for c in tok.children if c.dep_ == "dobj" and c.i not in taken]
            if guests and (topic := _covers(topics, _lineages(tok, actors, codebook))):
                out.append(TopicMention(guests[0].i, guests[0].i + 1, ((topic.id, 1, ALT),)))
            continue
        if tok.i in taken or not ((tok.pos_ == "VERB" and lemma in MEETING_VERBS)
                                   or (tok.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS)):
            continue
        if (topic := _covers(topics, _lineages(tok, actors, codebook))) is not None:
            out.append(TopicMention(tok.i, tok.i + 1, ((topic.id, 1, ALT),)))
    return out


def _covers(topics, lineages):
    """The first meeting topic whose every party is among ``lineages``."""
    return next((t for t in topics if all(any(p in lineage for lineage in lineages) for p in t.meeting_of)), None)


def others_meeting(mention, doc, actors, codebook) -> bool:
    """A meeting topic named by its label ("direct negotiations") whose parties include someone
    who is none of the topic's: "the EU should engage in direct negotiations with Russia" is no
    Putin-Zelenskyy meeting."""
    parties = [codebook.topics[c[0]].meeting_of for c in mention.candidates
               if c[0] in codebook.topics and len(codebook.topics[c[0]].meeting_of) >= 2]
    if not parties or len(parties) != len(mention.candidates):
        return False
    found = _parties(mention.root(doc), actors)
    return any(all(not set(codebook.lineage(m.actor.id)) & set(codebook.lineage(p)) for p in topic_parties)
               for m in found for topic_parties in parties)


def _lineages(tok, actors, codebook) -> list[list[str]]:
    """The lineage of each actor ``tok`` brings together."""
    return [_lineage(m, codebook) for m in _parties(tok, actors)]


def _lineage(m, codebook) -> list[str]:
    """The actor and the sides it belongs to; "his Ukrainian counterpart" is also the people who
    speak for that side (Ukraine's president, for the Russian president)."""
    lineage = list(codebook.lineage(m.actor.id))
    if m.actor.kind == "state" and "counterpart" in m.text.lower():
        lineage += [a.id for a in codebook.actors.values() if a.kind == "person" and a.member_of == m.actor.id]
    return lineage


def _parties(tok, actors) -> list:
    """The actors ``tok`` brings together."""
    words = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss")]
    words += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS
              for p in c.children if p.dep_ == "pobj"]
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        words += _inherited_subject(tok)
    found = []
    for w in words:
        for x in (w, *w.conjuncts, *(c for c in w.children if c.dep_ == "appos")):  # "his counterpart, Zelenskyy"
            group = actors.group_of(x) if x.tag_ in ("NNS", "NNPS") else ()
            found += list(group) or [m for m in (actors.mention_at(x),) if m is not None]
    return found


def _inherited_subject(tok) -> list:
    """Who does an infinitive or a noun's action: "Kyiv is ready to meet" (the subject above),
    "urged Zelensky to meet" (the object of the verb above), "hold talks" (the light verb's subject)."""
    verb = tok
    for _ in range(CLIMB):
        if verb.dep_ not in ("xcomp", "ccomp", "acomp", "dobj", "advcl", "pcomp", "pobj", "prep") or verb.head.i == verb.i:
            return []
        child, verb = verb, verb.head
        if child.dep_ in ("xcomp", "ccomp"):
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i]
            if objects:
                return objects  # object control: "urged Zelensky to meet", "wants the two leaders to meet"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []
