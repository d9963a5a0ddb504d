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
from .apply import features, reading, signature
from .model import Example, Lesson

log = logging.getLogger(__name__)

# verbs too common to carry a position of their own
NOT_CUES = {"be", "have", "do", "go", "come", "meet", "talk", "discuss", "visit", "speak", "get", "make", "take",
            "hold", "give", "see", "know", "become", "remain", "seem", "appear", "let", "begin", "start", "try"}
ACHIEVING_VERBS = {"achieve", "find"}  # with lexicon.REACHING_VERBS: "reach a peace deal" names no topic
MAX_WORDS = 5  # longer phrases would never be met again
# words too general to name one topic on their own ("peace", "demand", "plan")
GENERIC = {"peace", "war", "risk", "conflict", "diplomacy", "talks", "deal", "fighting", "settlement", "end",
           "agreement", "negotiation", "negotiations", "solution", "security", "future", "country", "people",
           # money, whose purpose the word does not say ("invest those funds" is no military aid)
           "funds", "fund", "money", "funding", "financing", "cash", "assets"}


@dataclass(frozen=True)
class Taught:
    """A stance a reviewer added or changed to, and the decision that says so."""

    decision: str
    stance: Stance


def examples_of(verdicts: list[tuple[str, Stance, bool]], taught: list[Taught] = ()) -> list[Example]:
    """``(decision, machine stance, correct?)`` as re-scoring examples. A wrong one is
    ``unsaid`` when no stance of its sentence with its polarity and topic was marked correct
    or added (or changed to) by a reviewer: the words say that position on that topic for no one."""
    said = {reading(s) for _, s, ok in verdicts if ok} | {reading(t.stance) for t in taught}
    return [Example(d, features(s), signature(s), float(s.confidence), int(ok), s.evidence,
                    unsaid=not ok and reading(s) not in said) for d, s, ok in verdicts]


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
    first: dict[str, object] = {}  # each taught sentence as parsed once
    for parsed, t in extractor.nlp.pipe(texts, as_tuples=True, batch_size=64):
        s = t.stance
        first[t.decision] = parsed
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
    # only new aliases change how a sentence is parsed (the entity ruler); a sentence without
    # any of them is read again from its first parse
    aliases = [x.key.casefold() for x in found if x.kind == "alias"]
    reparse, reused = [], []
    for text, t in again:
        if any(a in text.casefold() for a in aliases):
            reparse.append((text, t))
        else:
            reused.append((first[t.decision], t))
    works = set()
    for parsed, t in [*checker.nlp.pipe(reparse, as_tuples=True, batch_size=64), *reused]:
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
        phrase, sign = _phrase(doc, resolver, found, s, mentions, codebook)
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
    person = codebook.actors[s.actor_id].kind == "person"
    for f in found:
        if (f.topic, f.polarity) == (s.topic, s.polarity) and f.actor_id not in resolver.codebook.actors and f.mention \
                and (f.actor_kind == "person") == person:  # a spokesman is no name of the leaders he speaks for
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
        if m is not None and not m.actor.iri and (m.actor.kind == "person") != person:
            continue  # a person the codebook does not know is no name of a state or group, nor the reverse
        ent = resolver.ent_at.get(tok.i)
        words = ent if ent is not None else _chunk(tok)
        text = words.text.strip()
        if _short(text) and (len(words) > 1 or tok.pos_ == "PROPN"):
            return text, tok
    return None, None


def _phrase(doc, resolver, found: list[Stance], s: Stance, mentions, codebook: Codebook) -> tuple[str | None, int]:
    """The words that named the topic: among the sentence's candidate phrases (an unclassified
    candidate the extractor read, a verb with its object, a noun with its prepositional object,
    a compound noun chunk), the one whose words best match the topic's own words in the
    codebook (see :func:`topic_overlap`); with -1 when the extractor read them the other way
    round. ``None`` when no candidate shares a word with the topic."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    cands: list[tuple[tuple[str, ...], str, int, int]] = []  # (words, text, sign, first token)
    for f in found:
        if f.topic is None and f.phrase:
            words = tuple(w for w in f.phrase.split())
            at = next((t.i for t in doc if t.text == words[0]), 0)
            cands.append((words, f.phrase, 1 if f.polarity == s.polarity else -1, at))
    for toks in _phrase_candidates(doc, resolver, taken):
        cands.append((tuple(t.lemma_ if t.pos_ == "VERB" else t.text for t in toks),
                      " ".join(t.lemma_.lower() if t.pos_ == "VERB" else t.text for t in toks), 1, toks[0].i))
    vocab = topic_words(codebook)
    best = None
    for words, text, sign, at in cands:
        if not _short(text) or _generic(text):
            continue
        scores = {tid: topic_overlap(words, vocab, tid) for tid in vocab}
        mine = scores.get(s.topic, 0.0)
        if mine <= 0 or any(v > mine for v in scores.values()):
            continue  # shares no word with the topic, or more with another topic
        key = (-round(mine, 6), len(words) == 1, len(words), at, text)  # a word alone is the least specific
        if best is None or key < best[0]:
            best = (key, text, sign * _side(words, codebook.topics[s.topic]))
    return (best[1], best[2]) if best else (None, 1)


NOT_PHRASE_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
OBJECT_PREPS = {"of", "for", "on", "to", "with", "from", "over", "against"}


def _phrase_candidates(doc, resolver, taken: set[int]):
    """Token lists that may name a topic: a verb with its object ("swap prisoners", "meet with
    Putin"), a noun with its prepositional object ("return of children"), a noun chunk and
    its shorter right-hand parts ("reparations loan"). None made only of actor names, times
    or numbers; none overlapping a phrase the extractor already took for a topic."""
    from ..extract.rules import lexicon as L

    def content(tok) -> bool:
        return not (tok.is_punct or tok.is_stop or tok.pos_ in ("NUM", "PRON", "DET", "SYM")
                    or tok.ent_type_ in NOT_PHRASE_ENTS or tok.i in taken)

    def chunk(tok) -> list:
        return [t for t in _chunk(tok) if content(t)]

    def topical(toks) -> bool:
        return any(resolver.mention_at(t) is None and t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") for t in toks)

    out = []
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN") and content(tok) and tok.dep_ != "compound":
            words = chunk(tok)
            for k in range(len(words)):
                out.append(words[k:])
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and content(obj):
                            out.append([*words[-1:], prep, *chunk(obj)[-2:]])
        if tok.pos_ == "VERB" and content(tok) and tok.lemma_.lower() not in L.LIGHT_VERBS:
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN") and content(child):
                    out.append([tok, *chunk(child)[-2:]])
                if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and content(obj):
                            out.append([tok, child, *chunk(obj)[-2:]])
    return [toks for toks in out if toks and topical(toks) and not (
        resolver.mention_at(toks[-1]) is not None and len(toks) == 1)]


def _stem(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def _same_word(a: str, b: str) -> bool:
    """Two words the same but for their ending: one the start of the other (at least 4
    letters: "meet", "meeting") or a common start of 6 ("guarantors", "guarantees")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 6


_TOPIC_WORDS: dict[str, dict[str, set[str]]] = {}


def topic_words(codebook: Codebook) -> dict[str, set[str]]:
    """Each topic's own words: of its labels (all sides) and its definition, stop words aside."""
    cached = _TOPIC_WORDS.get(codebook.digest)
    if cached is not None:
        return cached
    from spacy.lang.en.stop_words import STOP_WORDS

    out = {}
    for t in codebook.topics.values():
        text = " ".join((t.label, *t.alt_labels, *t.contra_labels, *t.owned_labels, t.definition or ""))
        words = {_stem(w) for w in text.replace("-", " ").replace("/", " ").split()}
        out[t.id] = {w for w in words if len(w) > 2 and w not in STOP_WORDS and not w.isdigit()}
    _TOPIC_WORDS[codebook.digest] = out
    return out


def _side(words, topic) -> int:
    """-1 when ``words`` share more words with the topic's opposite side (its contra labels:
    "pressure on Russia" ~ "sanctions pressure") than with its own labels, else 1."""
    def stems(labels):
        return {_stem(w) for x in labels for w in x.replace("-", " ").split() if len(_stem(w)) > 2}
    pro, contra = stems((topic.label, *topic.alt_labels)), stems(topic.contra_labels)
    pro, contra = pro - contra, contra - pro
    mine = {_stem(w) for w in words}
    on = [sum(any(_same_word(w, v) for v in side) for w in mine) for side in (pro, contra)]
    return -1 if on[1] > on[0] else 1


def topic_overlap(words, vocab: dict[str, set[str]], topic: str) -> float:
    """How well ``words`` match ``topic``'s own words: each word found among them counts by how
    few topics share it (log inverse topic frequency), so "Ukraine" (in many topics) counts
    little and "prisoners" (in one) much.

    >>> vocab = {"swap": {"prisoner", "exchange", "ukraine"}, "aid": {"aid", "ukraine"}, "x": {"army"}}
    >>> topic_overlap(["swap", "prisoners"], vocab, "swap") > topic_overlap(["help", "Ukraine"], vocab, "aid") > 0
    True
    >>> topic_overlap(["the", "hours"], vocab, "swap")
    0.0
    """
    import math

    total = 0.0
    n = len(vocab)
    for w in {_stem(w) for w in words}:
        if len(w) < 3:
            continue
        having = _topics_with(w, vocab)
        if topic in having:
            total += math.log((n + 1) / len(having))
    return total


_HAVING: dict[tuple[int, str], tuple[dict, frozenset[str]]] = {}


def _topics_with(word: str, vocab: dict[str, set[str]]) -> frozenset[str]:
    """The topics among whose own words ``word`` is (see :func:`_same_word`); remembered per
    vocabulary, since every candidate phrase of every taught sentence asks about every topic
    (the entry keeps its vocabulary alive, so that no other one can take its id)."""
    key = (id(vocab), word)
    if key not in _HAVING:
        _HAVING[key] = (vocab, frozenset(t for t, ws in vocab.items() if any(_same_word(word, v) for v in ws)))
    return _HAVING[key][1]


def _generic(phrase: str) -> bool:
    """Words that name no topic of their own: a cue noun, a plan noun, a vague object, alone or
    only with each other and with names ("peace deal", "end to conflict", "Ukrainian President
    Volodymyr offer"): such a phrase would be met in every article, on any topic.

    >>> _generic("peace deal"), _generic("end to the conflict"), _generic("Ukrainian President Volodymyr offer")
    (True, True, True)
    >>> _generic("reach peace deal")
    True
    >>> _generic("swap prisoners"), _generic("return of children")
    (False, False)
    >>> _generic("funds"), _generic("money")  # what it pays for is not said
    (True, True)
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from ..extract.rules import lexicon as L

    generic = GENERIC | L.SUPPORT_NOUNS | L.OPPOSE_NOUNS | L.PLAN_NOUNS | L.VAGUE_OBJECTS
    words = [w for w in phrase.split() if w.casefold() not in STOP_WORDS]
    if len(words) == 1:
        w = words[0].casefold()
        return w in generic or w.rstrip("s") in generic
    generic |= L.SUPPORT_VERBS | L.OPPOSE_VERBS | L.LIGHT_VERBS | L.REACHING_VERBS | ACHIEVING_VERBS  # "reach a peace deal"
    return all(w[:1].isupper() or w.casefold() in generic or w.casefold().rstrip("s") in generic for w in words)


def _chunk(tok):
    """The noun phrase a noun heads, up to the noun: its compounds and adjectives."""
    left = tok
    while left.i > 0 and left.nbor(-1).head.i == tok.i and left.nbor(-1).dep_ in (
            "compound", "amod", "det", "poss", "nmod", "case"):
        left = left.nbor(-1)
    return tok.doc[left.i:tok.i + 1]


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_WORDS
