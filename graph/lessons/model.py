"""Lessons as data: what they say, what they were learned from, their JSON form and digest.

Six kinds:

* ``alias``: words that named an actor ("the Ukrainian leader" -> zelenskyy);
* ``cue``: a word that carried a position, with its polarity ("lambast" -> oppose);
* ``phrase``: words that named a topic ("army cap" -> army_size_limits), or its opposite side;
* ``reject`` / ``accept``: a reading (actor, polarity, topic) in the same words (the evidence
  sentence) reviewers marked wrong / correct more often than not: it is left out / kept
  wherever it is read again; a reject also leaves out the same reading of the same statement
  in other words (:func:`~.apply.near`), and of any actor when no one was read right with that
  position on that topic in its sentence (its examples are ``unsaid``);
* ``score``: one feature of the re-scoring model (a cue on a topic, a phrase, an actor's
  position...) with its weight, fitted by logistic regression on the correct / wrong verdicts.

Lessons are learned deterministically: the same decisions give the same lessons, in the same
order, with the same digest.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field, replace

FORMAT = "stancegraph-lessons/1"
WORD_KINDS = ("alias", "cue", "phrase")
KINDS = (*WORD_KINDS, "reject", "accept", "score")
REGULARISATION = 1.0  # C of the logistic regression (L2)


def lesson_id(kind: str, key: str, value: str) -> str:
    return hashlib.sha1(f"{kind}|{key}|{value}".encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Lesson:
    """One thing learned. ``key`` is what the text says, ``value`` what it means (an actor or
    topic id, a polarity, or ``""``); ``decisions`` the review decisions it was learned from."""

    kind: str
    key: str
    value: str = ""
    decisions: tuple[str, ...] = ()
    example: str = ""  # an evidence sentence it was learned from
    accepted: int = 0  # correct verdicts on stances it describes (reject, accept, score)
    rejected: int = 0  # wrong or changed verdicts
    weight: float = 0.0  # score lessons: the fitted coefficient
    sign: int = 1  # phrase lessons: -1 when the words name the topic's opposite side

    @property
    def id(self) -> str:
        return lesson_id(self.kind, self.key, self.value)

    @property
    def what(self) -> str:
        """One line an analyst reads."""
        if self.kind == "alias":
            return f"{self.key!r} names actor {self.value}"
        if self.kind == "cue":
            return f"{self.key!r} carries {self.value}"
        if self.kind == "phrase":
            side = "the opposite of topic" if self.sign < 0 else "topic"
            return f"{self.key!r} names {side} {self.value}"
        counts = f"{self.accepted} correct, {self.rejected} wrong"
        if self.kind == "score":
            return f"{self.key} ({counts}; weight {self.weight:+.2f})"
        verb = "leave out" if self.kind == "reject" else "keep"
        return f"{verb}: {self.key} ({counts})"

    @property
    def count(self) -> int:
        return len(self.decisions)


@dataclass(frozen=True)
class Example:
    """A verdict on a machine stance, as the re-scoring model sees it."""

    decision: str
    features: tuple[str, ...]
    signature: str
    confidence: float
    label: int  # 1 correct, 0 wrong or changed
    evidence: str = ""
    unsaid: bool = False  # wrong, and no one was read (or added) with this position on this topic in these words


@dataclass(frozen=True)
class Lessons:
    """Everything learned, ready to apply. Build with :func:`finish`."""

    lessons: tuple[Lesson, ...] = ()
    examples: tuple[Example, ...] = ()
    intercept: float = 0.0
    confidence_weight: float = 0.0  # on the logit of the extractor's own confidence
    dropped: frozenset[str] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.lessons)

    def of_kind(self, kind: str) -> list[Lesson]:
        return [x for x in self.lessons if x.kind == kind]

    def get(self, lesson: str) -> Lesson | None:
        return next((x for x in self.lessons if x.id == lesson), None)

    @property
    def fitted(self) -> bool:
        return any(x.kind == "score" for x in self.lessons)

    @property
    def digest(self) -> str:
        """SHA-256 of what the lessons change in an extraction (not of where they came from)."""
        content = {"lessons": [(x.kind, x.key, x.value, x.sign, round(x.weight, 6)) for x in self.lessons],
                   "intercept": round(self.intercept, 6), "confidence": round(self.confidence_weight, 6),
                   "unsaid": sorted({e.signature for e in self.examples if e.unsaid})}
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()

    # --- the file form -------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"format": FORMAT, "digest": self.digest,
                "model": {"intercept": self.intercept, "confidence": self.confidence_weight},
                "lessons": [dict(asdict(x), id=x.id, what=x.what) for x in self.lessons],
                "examples": [asdict(e) for e in self.examples], "dropped": sorted(self.dropped)}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, data: dict) -> "Lessons":
        """Raises ``ValueError`` on anything that is not a lessons file."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a stancegraph lessons file (expected \"format\": \"{FORMAT}\")")
        try:
            lessons = tuple(Lesson(**{k: (tuple(v) if k == "decisions" else v) for k, v in x.items()
                                      if k not in ("id", "what")}) for x in data["lessons"])
            examples = tuple(Example(**dict(e, features=tuple(e["features"]))) for e in data["examples"])
            bad = [x.kind for x in lessons if x.kind not in KINDS]
            if bad:
                raise ValueError(f"unknown lesson kind {bad[0]!r}")
            return cls(lessons, examples, float(data["model"]["intercept"]), float(data["model"]["confidence"]),
                       frozenset(data.get("dropped", ())))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed lessons file ({type(exc).__name__}: {exc})") from None


def finish(words: list[Lesson], examples: list[Example], dropped: frozenset[str] = frozenset()) -> Lessons:
    """The lessons of ``words`` (alias, cue, phrase) and ``examples`` (verdicts): word lessons
    of the same id merged, conflicting ones (one alias for two actors...) left out, reject /
    accept lessons by signature, and the score model fitted; lessons in ``dropped`` left out
    (a dropped score lesson is a feature the model is fitted without)."""
    merged: dict[str, Lesson] = {}
    for x in sorted(words, key=lambda x: (x.kind, x.key, x.value, x.decisions)):
        if x.id in dropped:
            continue
        old = merged.get(x.id)
        merged[x.id] = x if old is None else replace(
            old, decisions=tuple(sorted(set(old.decisions) | set(x.decisions))), example=old.example or x.example)
    kept = _without_conflicts(list(merged.values()))
    examples = sorted({e.decision: e for e in examples}.values(), key=lambda e: e.decision)
    kept += _verdict_lessons(examples, dropped)
    scores, intercept, conf = _fit(examples, dropped)
    order = {k: i for i, k in enumerate(KINDS)}
    out = sorted(kept + scores, key=lambda x: (order[x.kind], x.key, x.value))
    return Lessons(tuple(out), tuple(examples), intercept, conf, frozenset(dropped))


def merge(*parts: Lessons) -> Lessons:
    """One set of lessons from several (a store's own and shared files): decisions pooled."""
    words = [x for p in parts for x in p.lessons if x.kind in WORD_KINDS]
    examples = [e for p in parts for e in p.examples]
    dropped = frozenset().union(*(p.dropped for p in parts))
    return finish(words, examples, dropped)


def _without_conflicts(words: list[Lesson]) -> list[Lesson]:
    """Where the same words were taught two meanings, the one taught more often (none on a tie)."""
    by_key: dict[tuple[str, str], list[Lesson]] = {}
    for x in words:
        by_key.setdefault((x.kind, x.key.casefold()), []).append(x)
    out = []
    for group in by_key.values():
        group.sort(key=lambda x: (-x.count, x.value))
        if len(group) == 1 or group[0].count > group[1].count:
            out.append(group[0])
    return out


def _verdict_lessons(examples: list[Example], dropped: frozenset[str]) -> list[Lesson]:
    by_sig: dict[str, list[Example]] = {}
    for e in examples:
        by_sig.setdefault(e.signature, []).append(e)
    out = []
    for sig, group in sorted(by_sig.items()):
        good = sum(e.label for e in group)
        bad = len(group) - good
        if good == bad:
            continue
        lesson = Lesson("accept" if good > bad else "reject", sig, "", tuple(e.decision for e in group),
                        group[0].evidence, good, bad)
        if lesson.id not in dropped:
            out.append(lesson)
    return out


def _fit(examples: list[Example], dropped: frozenset[str]) -> tuple[list[Lesson], float, float]:
    """Logistic regression of the verdicts on the features (scikit-learn, L2, lbfgs: deterministic)."""
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        return [], 0.0, 0.0  # nothing to tell apart: no re-scoring
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    gone = {f for e in examples for f in e.features if lesson_id("score", f, "") in dropped}
    rows = [{**{f: 1.0 for f in e.features if f not in gone}, "": logit(e.confidence)} for e in examples]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(x, labels)
    weights = dict(zip(vec.get_feature_names_out(), model.coef_[0]))
    stats: dict[str, list] = {}
    for e in examples:
        for f in e.features:
            if f not in gone:
                s = stats.setdefault(f, [[], 0, 0, e.evidence])
                s[0].append(e.decision)
                s[1 if e.label else 2] += 1
    scores = [Lesson("score", f, "", tuple(d), ev, good, bad, round(float(weights[f]), 6))
              for f, (d, good, bad, ev) in sorted(stats.items())]
    return scores, round(float(model.intercept_[0]), 6), round(float(weights[""]), 6)


def logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))
