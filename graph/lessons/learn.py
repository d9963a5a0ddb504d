"""Learning lessons from review decisions.

* verdicts on machine stances (correct, wrong, changed) become :class:`~.model.Example` rows
  for the reject / accept lessons and the re-scoring model;
* stances people added or changed teach words: their evidence sentence is parsed with the
  extractor's own pipeline and read as the extractor reads it; what it could not read becomes
  a lesson -- the words naming the actor (an alias), the phrase naming the topic, the verb
  carrying the position (a cue, with the polarity that gives the reviewer's reading).
"""
from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, replace

from ..codebook import Codebook
from ..types import Document, Stance
from .apply import features, signature
from .model import Example, Lesson

log = logging.getLogger(__name__)

# verbs too common to carry a position of their own
NOT_CUES = {"be", "have", "do", "go", "come", "meet", "talk", "discuss", "visit", "speak", "get", "make", "take",
            "hold", "give", "see", "know", "become", "remain", "seem", "appear", "let", "begin", "start", "try"}
MAX_WORDS = 5  # longer phrases would never be met again
# words too general to name one topic on their own ("peace", "demand", "plan")
GENERIC = {"peace", "war", "risk", "conflict", "diplomacy", "talks", "deal", "fighting", "settlement", "end",
           "agreement", "negotiation", "negotiations", "solution", "security", "future", "country", "people"}


@dataclass(frozen=True)
class Taught:
    """A stance a reviewer added or changed to, and the decision that says so."""

    decision: str
    stance: Stance


def examples_of(verdicts: list[tuple[str, Stance, bool]]) -> list[Example]:
    """``(decision, machine stance, correct?)`` as re-scoring examples."""
    return [Example(d, features(s), signature(s), float(s.confidence), int(ok), s.evidence) for d, s, ok in verdicts]


def word_lessons(taught: list[Taught], codebook: Codebook) -> list[Lesson]:
    """What the sentences of added and changed stances teach (see the module docstring).

    A sentence's lessons are kept only when, with every lesson learned, the extractor reads
    the reviewer's stance from that sentence: words that would not let it read the stance
    teach nothing."""
    if not taught:
        return []
    from ..extract import create
    from .apply import codebook_with
    from .model import finish

    extractor = create("stancegraph.rules.v1", codebook=codebook)
    same: dict[tuple, list[Taught]] = {}  # the same sentence taught the same stance: read it once
    for t in taught:
        s = t.stance
        same.setdefault((s.evidence, s.actor_id, s.polarity, s.topic), []).append(t)
    texts = [(key[0], group[0]) for key, group in same.items()]
    found: list[Lesson] = []
    for parsed, t in extractor.nlp.pipe(texts, as_tuples=True, batch_size=64):
        s = t.stance
        decisions = tuple(x.decision for x in same[(s.evidence, s.actor_id, s.polarity, s.topic)])
        found += [replace(x, decisions=decisions) for x in _teach(extractor, parsed, t)]
    if not found:
        return []
    trial = codebook_with(finish(found, []), codebook)
    if any(x.kind in ("alias", "phrase") for x in found):
        checker = create("stancegraph.rules.v1", codebook=trial)
    else:  # cues only: the same pipeline and topic matcher will do
        checker = copy.copy(extractor)
        checker.codebook = trial
    by_decision = {x.decisions[0] for x in found}
    again = [(text, t) for text, t in texts if t.decision in by_decision]
    works = set()
    for parsed, t in checker.nlp.pipe(again, as_tuples=True, batch_size=64):
        s = t.stance
        if any((f.actor_id, f.polarity, f.topic) == (s.actor_id, s.polarity, s.topic)
               for f in checker.stances(parsed, Document(id="lesson", text=parsed.text))):
            works.add(t.decision)
    log.debug("%d of %d sentences read right with their lessons", len(works), len(by_decision))
    return [x for x in found if x.decisions[0] in works]


def _teach(extractor, doc, t: Taught) -> list[Lesson]:
    from ..extract.rules.actors import ActorResolver
    from ..extract.rules.cues import cue_of

    s = t.stance
    found = extractor.stances(doc, Document(id="lesson", text=doc.text))
    if any((f.actor_id, f.polarity, f.topic) == (s.actor_id, s.polarity, s.topic) for f in found):
        return []  # read right on its own: what was missed lies outside the sentence
    lessons: list[Lesson] = []

    def lesson(kind, key, value, sign=1):
        lessons.append(Lesson(kind, key, value, (t.decision,), s.evidence, sign=sign))

    codebook = extractor.codebook
    resolver = ActorResolver(codebook, doc)
    holders = [tok for tok in doc if (m := resolver.mention_at(tok)) and m.actor.id == s.actor_id]
    if not holders and s.actor_id in codebook.actors:
        alias, holder = _alias(doc, resolver, found, s, codebook)
        if alias:
            lesson("alias", alias, s.actor_id)
            holders = [holder]
    topic_read = any(f.topic == s.topic for f in found)  # the extractor met the topic: no phrase to learn
    mentions = [] if topic_read else extractor.topics(doc)
    if not topic_read and not any(c[0] == s.topic for m in mentions for c in m.candidates):
        phrase, sign = _phrase(doc, resolver, found, s, mentions)
        if phrase:
            lesson("phrase", phrase, s.topic, sign)
    for tok in holders:
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or cue_of(verb) is not None:
            continue
        lemma = verb.lemma_.lower()
        if lemma in NOT_CUES or not lemma.isalpha():
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        polarity = s.polarity.flipped() if negated else s.polarity
        lesson("cue", lemma, polarity.value)
        break
    return lessons


def _alias(doc, resolver, found: list[Stance], s: Stance, codebook: Codebook):
    """The words that named the actor: an actor the extractor found in its place (a name the
    codebook does not know), else the subject of the sentence's verb."""
    for f in found:
        if (f.topic, f.polarity) == (s.topic, s.polarity) and f.actor_id not in resolver.codebook.actors and f.mention:
            tok = next((t for t in doc if f.mention.startswith(t.text)), None)
            if tok is not None and _short(f.mention):
                return f.mention, tok
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        m = resolver.mention_at(tok)
        described = m is not None and tok.i not in resolver.ent_at and m.actor.id in codebook.lineage(s.actor_id)
        if m is not None and m.actor.iri and not described:
            continue  # names another actor of the codebook (a description of the actor's side is fine:
            # "the Ukrainian leader" reads as Ukraine until it is taught to be Zelenskyy)
        ent = resolver.ent_at.get(tok.i)
        words = ent if ent is not None else _chunk(tok)
        text = words.text.strip()
        if _short(text) and (len(words) > 1 or tok.pos_ == "PROPN"):
            return text, tok
    return None, None


def _phrase(doc, resolver, found: list[Stance], s: Stance, mentions) -> tuple[str | None, int]:
    """The words that named the topic: an unclassified candidate's phrase, else the nearest
    object after a cue; with -1 when the extractor read them the other way round."""
    from ..extract.rules import lexicon as L
    from ..extract.rules.cues import cue_of

    for f in sorted(found, key=lambda f: (f.actor_id != s.actor_id, f.start)):
        if f.topic is None and f.phrase and _short(f.phrase) and not _generic(f.phrase):
            return f.phrase, 1 if f.polarity == s.polarity else -1
    taken = {i for m in mentions for i in range(m.start, m.end)}
    cue_at = next((t.i for t in doc if cue_of(t) is not None and cue_of(t).kind != "report"), 0)
    for tok in sorted(doc, key=lambda t: (t.i < cue_at, abs(t.i - cue_at))):
        if tok.dep_ not in ("dobj", "pobj", "attr", "nsubjpass") or tok.pos_ != "NOUN" or tok.i in taken:
            continue
        if tok.lemma_.lower() in L.VAGUE_OBJECTS or resolver.mention_at(tok) is not None:
            continue
        words = [t for t in _chunk(tok) if t.dep_ not in ("det", "poss", "case", "punct", "predet")]
        text = " ".join(t.text for t in words)
        if words and _short(text) and not _generic(text):
            return text, 1
    return None, 1


def _generic(phrase: str) -> bool:
    """One word that names no topic of its own: a cue noun, a plan noun, a vague object."""
    from ..extract.rules import lexicon as L

    words = phrase.casefold().split()
    generic = GENERIC | L.SUPPORT_NOUNS | L.OPPOSE_NOUNS | L.PLAN_NOUNS | L.VAGUE_OBJECTS
    return len(words) == 1 and (words[0] in generic or words[0].rstrip("s") in generic)


def _chunk(tok):
    """The noun phrase a noun heads, up to the noun: its compounds and adjectives."""
    left = tok
    while left.i > 0 and left.nbor(-1).head.i == tok.i and left.nbor(-1).dep_ in (
            "compound", "amod", "det", "poss", "nmod", "case"):
        left = left.nbor(-1)
    return tok.doc[left.i:tok.i + 1]


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_WORDS
