"""Using lessons in an extraction.

Two generic hooks, so any registered extractor takes them:

* :func:`codebook_with`: the codebook with the learned aliases (actor names), topic phrases
  (labels) and cues (``Codebook.cues``, read by the rule extractor's cue test);
* :func:`rescore`: after extraction, each stance a lesson speaks about is re-scored (reject /
  accept lessons for the same reading in the same words -- a reject also for the same statement
  in other words, see :meth:`Rescorer._said_otherwise` -- then the fitted model) and left out when its learned probability is below
  :data:`DROP_BELOW`; a stance found or re-scored by a lesson names it in its ``cue``
  (``"urged [lesson 3fa2c1d0]"``). The extractor name stays, so review decisions on a stance
  keep pointing at it when its document is extracted again.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..codebook import Codebook
from ..types import Stance
from .model import Lessons, logit, sigmoid

DROP_BELOW = 0.3  # learned probability under which a re-scored stance is left out
_TAG = re.compile(r"\s*\[lesson [0-9a-f]{8}\]$")
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "its", "his", "their"}


def base_cue(cue: str) -> str:
    """A stance's cue without the lesson that found it."""
    return _TAG.sub("", cue or "")


def _fold(text: str) -> str:
    return " ".join(re.sub(r"^(?i:the)\s+", "", (text or "").strip()).casefold().split())


def signature(s: Stance) -> str:
    """The reading a reject / accept lesson is about: who, which way, on what, in which words
    (the evidence sentence folded: the same phrasing in any document, such as a wire story
    reprinted; similar phrasings are the re-scoring model's business)."""
    words = re.sub(r"[^\w]+", " ", (s.evidence or "").casefold()).split()
    return f"{s.actor_id} {s.polarity.value} {s.topic or '?'} in \"{' '.join(words)}\""


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", (text or "").casefold()).split()


def reading(s: Stance) -> tuple[str, str, str]:
    """Which way, on what, in which words: a reading whoever holds it."""
    return s.polarity.value, s.topic or "?", " ".join(_words(s.evidence))


NEAR = 0.6  # share of content words two sentences have in common to say the same thing
NEAR_WORDS = 5  # and at least this many


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that carry content: stop words, numbers and short words aside."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in _words(text) if len(w) > 2 and w not in STOP_WORDS and not w.isdigit())


def near(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same statement in other words (a wire story rewritten, a quote translated again):
    at least :data:`NEAR_WORDS` content words shared and a Jaccard similarity of :data:`NEAR`.

    >>> near(content_words("We agreed that each side will present its vision of a future truce in detail"),
    ...      content_words("We have agreed that each side will present its vision of a future truce and spell it out"))
    True
    >>> near(content_words("Ukraine rejected the truce"), content_words("Ukraine rejected the truce plan"))
    False
    """
    shared = len(a & b)
    return shared >= NEAR_WORDS and shared / len(a | b) >= NEAR


def features(s: Stance) -> tuple[str, ...]:
    """What the re-scoring model knows of a stance besides its confidence."""
    cue = base_cue(s.cue).casefold().split()
    head = cue[0] if cue else "-"
    topic, pol = s.topic or "?", s.polarity.value
    out = [f"cue={head}", f"cue={head} topic={topic}", f"cue={head} {pol}", f"phrase={_fold(s.phrase) or '-'}",
           f"topic={topic} {pol}", f"actor={s.actor_id} {pol} topic={topic}", f"actor={s.actor_id} topic={topic}"]
    mention = _fold(s.mention)
    if mention in PRONOUNS or not mention:
        out.append(f"mention={mention or '-'}")
    return tuple(sorted(set(out)))


def codebook_with(lessons: Lessons, codebook: Codebook) -> Codebook:
    """``codebook`` with the word lessons: new actor aliases, topic labels and cues."""
    if not lessons:
        return codebook
    actors = dict(codebook.actors)
    for x in lessons.of_kind("alias"):
        if x.value in actors and x.key not in actors[x.value].aliases:
            actors[x.value] = replace(actors[x.value], aliases=tuple(sorted({*actors[x.value].aliases, x.key})))
    topics = dict(codebook.topics)
    for x in lessons.of_kind("phrase"):
        t = topics.get(x.value)
        if t is None:
            continue
        if x.sign < 0:
            topics[x.value] = replace(t, contra_labels=tuple(sorted({*t.contra_labels, x.key})))
        else:
            topics[x.value] = replace(t, alt_labels=tuple(sorted({*t.alt_labels, x.key})))
    cues = dict(codebook.cues)
    for x in lessons.of_kind("cue"):
        cues.setdefault(x.key, 1 if x.value == "support" else -1)
    return replace(codebook, actors=actors, topics=topics, cues=cues,
                   source=f"{codebook.source}#lessons:{lessons.digest[:12]}")


class Rescorer:
    """Applies the reject / accept and score lessons, and names the lesson behind each stance."""

    def __init__(self, lessons: Lessons):
        self.lessons = lessons
        self.verdicts = {x.key: x for x in lessons.lessons if x.kind in ("reject", "accept")}
        self.weights = {x.key: x for x in lessons.of_kind("score")}
        self.aliases = {_fold(x.key): x for x in lessons.of_kind("alias")}
        self.phrases = {_fold(x.key): x for x in lessons.of_kind("phrase")}
        self.cues = {x.key.casefold(): x for x in lessons.of_kind("cue")}
        # rejects that reach the same statement in other words: (polarity, topic) -> [(actor or
        # None for anyone, content words, lesson)]
        unsaid = {}
        for e in lessons.examples:
            unsaid[e.signature] = unsaid.get(e.signature, True) and e.unsaid
        self.near: dict[tuple[str, str], list] = {}
        for x in lessons.of_kind("reject"):
            actor, pol, topic, words = _parts(x.key)
            who = None if unsaid.get(x.key) else actor
            self.near.setdefault((pol, topic), []).append((who, content_words(words), x))

    def __call__(self, stances: list[Stance]) -> list[Stance]:
        out = []
        for s in stances:
            s = self.one(s)
            if s is not None:
                out.append(s)
        return out

    def one(self, s: Stance) -> Stance | None:
        verdict = self.verdicts.get(signature(s))
        if verdict is not None and verdict.kind == "reject":
            return None
        if verdict is None and self._said_otherwise(s):
            return None
        finder = self._finder(s)
        seen = [self.weights[f] for f in features(s) if f in self.weights]
        if not seen or not self.lessons.fitted:
            return _named(s, verdict or finder)
        z = self.lessons.intercept + self.lessons.confidence_weight * logit(s.confidence) + sum(x.weight for x in seen)
        p = sigmoid(z)
        if verdict is not None:  # accepted as read: keep it, at least as confident as before
            p = max(p, s.confidence)
        elif p < DROP_BELOW:
            return None
        strongest = max(seen, key=lambda x: (abs(x.weight), x.key))
        return _named(replace(s, confidence=round(p, 3)), verdict or finder or strongest)

    def _said_otherwise(self, s: Stance) -> bool:
        """A reject lesson on the same statement in other words: for the same actor, or for
        anyone when no one was read right with this position on this topic in those words."""
        rejects = self.near.get((s.polarity.value, s.topic or "?"), ())
        if not rejects:
            return False
        mine = content_words(s.evidence)
        return any((who is None or who == s.actor_id) and near(mine, words) for who, words, _ in rejects)

    def _finder(self, s: Stance):
        """The word lesson that let the extractor read this stance, if any."""
        if _fold(s.mention) in self.aliases:
            return self.aliases[_fold(s.mention)]
        if s.topic and _fold(s.phrase) in self.phrases and self.phrases[_fold(s.phrase)].value == s.topic:
            return self.phrases[_fold(s.phrase)]
        for word in base_cue(s.cue).casefold().split():
            for lemma, x in self.cues.items():
                if word == lemma or (len(lemma) > 3 and word.startswith(lemma.rstrip("e"))):
                    return x
        return None


_SIGNATURE = re.compile(r'^(\S+) (\S+) (\S+) in "(.*)"$')


def _parts(sig: str) -> tuple[str, str, str, str]:
    """A :func:`signature`'s actor, polarity, topic and words."""
    m = _SIGNATURE.match(sig)
    return m.groups() if m else ("", "", "", "")


def _named(s: Stance, lesson) -> Stance:
    if lesson is None:
        return s
    return replace(s, cue=f"{base_cue(s.cue)} [lesson {lesson.id}]".strip())


def rescore(lessons: Lessons, stances: list[Stance]) -> list[Stance]:
    return Rescorer(lessons)(stances) if lessons else stances
