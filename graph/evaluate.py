"""Score predicted stances against hand-coded gold stances (README: "Measuring quality").

The rules are those of the project's referee scorer, written out here:

* Scoring is per document, over unique ``(actor, polarity, topic)`` triples. Only documents
  that have gold records count; predictions for other documents are ignored (and reported).
  A document id is the file name without folder and ``.txt``/``.html``/``.htm``/``.md``/``.json``.
* precision = predicted triples matching any gold triple (required or optional) / predicted
  triples; recall = required gold triples matched by a prediction / required gold triples;
  F1 = their harmonic mean.
* strict: the actor must be the same. lenient: an actor also matches any actor in its
  codebook lineage and the reverse -- a person matches the state or group it belongs to, and
  since lineages can be deeper than one level (``merz -> germany -> europe``) any ancestor or
  descendant matches. Siblings never match.
* grounded: of the matched predictions that carry evidence, the share whose evidence overlaps
  the gold evidence of a triple it matched. Two texts overlap when, normalised, one contains
  the other or they share at least half the words of the shorter.
* Names are normalised (accents, case, punctuation, a leading "the", "'s ") and mapped to
  codebook ids through ids, labels and aliases (actors) or ids and labels (topics); an
  actor's ``actor_id`` is used when the codebook knows it. Names the codebook does not know
  are kept as ``?<normalised name>`` and match only the same unknown name.
* Polarity synonyms: support/favor/favour/pro/+1/1/positive and
  oppose/against/con/-1/negative. A prediction with any other polarity is ignored (and
  counted); a gold record with one is an error.
* A prediction without a topic (an unclassified candidate) is a triple with no topic: it
  matches nothing and counts against precision, as with the referee.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path

from . import csvio
from .codebook import Codebook, load_codebook
from .errors import RecordError

POLARITY_SYNONYMS = {
    "support": "support", "favor": "support", "favour": "support", "pro": "support",
    "+1": "support", "1": "support", "positive": "support",
    "oppose": "oppose", "against": "oppose", "con": "oppose", "-1": "oppose", "negative": "oppose",
}
PRED_FIELDS = ("doc", "actor", "polarity", "topic")  # topic may be empty: an unclassified candidate
GOLD_FIELDS = ("doc", "actor", "polarity", "topic")
NO_TOPIC = "?"
_TRUE = {"true", "yes", "y", "1", ""}
_FALSE = {"false", "no", "n", "0"}


# --- normalisation -------------------------------------------------------------------------
def norm(text) -> str:
    """'The Kremlin's' -> 'kremlin s'; 'Zelenskyy\u2019s office' -> 'zelenskyys office'.

    ASCII-folded, lower case, "'s " dropped, punctuation as spaces, a leading "the" removed
    (the same normalisation as the referee, so that grounding figures agree)."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    s = s.replace("'s ", " ")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def doc_key(value) -> str:
    """'seeds/000_abc.txt' -> '000_abc'."""
    name = re.split(r"[\\/]", str(value))[-1]
    return re.sub(r"\.(txt|html?|md|json)$", "", name)


def polarity_of(value) -> str | None:
    """'favour' -> 'support', '-1' -> 'oppose'; ``None`` for anything else."""
    if isinstance(value, Enum):
        value = value.value
    raw = str(value if value is not None else "").strip().lower()
    return POLARITY_SYNONYMS.get(raw) or POLARITY_SYNONYMS.get(norm(raw).replace(" ", ""))


def evidence_overlaps(a: str, b: str) -> bool:
    """Normalised containment, or shared words >= half of the shorter text's words."""
    a, b = norm(a or ""), norm(b or "")
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


class Vocabulary:
    """Maps actor and topic names to codebook ids; says which actors count as related."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        actors, topics = codebook.actors.values(), codebook.topics.values()
        # ids win over labels, labels over aliases
        self._actors = _index([(a.id, a.id) for a in actors] + [(a.label, a.id) for a in actors]
                              + [(name, a.id) for a in actors for name in a.aliases])
        self._topics = _index([(t.id, t.id) for t in topics] + [(t.label, t.id) for t in topics])

    def actor(self, name, actor_id=None) -> str:
        if actor_id and str(actor_id) in self.codebook.actors:
            return str(actor_id)
        key = norm(name or "")
        return self._actors.get(key) or "?" + (key or str(name or ""))

    def topic(self, name) -> str:
        key = norm(name) if name not in (None, "") else ""
        return self._topics.get(key) or NO_TOPIC + key

    def related(self, a: str, b: str) -> bool:
        return a == b or a in self.codebook.lineage(b) or b in self.codebook.lineage(a)


def _index(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Normalised name -> id; the first pair with a name wins."""
    out: dict[str, str] = {}
    for name, ident in pairs:
        out.setdefault(norm(name), ident)
    return out


# --- results -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scores:
    """Counts over unique triples, and the figures computed from them."""

    predicted: int = 0  # predicted triples
    correct: int = 0  # of them, matching a gold triple
    required: int = 0  # required gold triples
    found: int = 0  # of them, matched by a prediction
    with_evidence: int = 0  # correct predictions carrying evidence
    grounded_count: int = 0  # of them, overlapping the gold evidence

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def grounded(self) -> float | None:
        return self.grounded_count / self.with_evidence if self.with_evidence else None

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "grounded": self.grounded}


@dataclass(frozen=True)
class Error:
    """A false positive (with the predicted evidence) or a missed required gold triple (with
    the gold evidence). ``lenient`` tells whether the lenient score accepts it after all."""

    kind: str  # "false positive" | "miss"
    doc: str
    actor: str
    polarity: str
    topic: str
    evidence: str
    lenient: bool


@dataclass(frozen=True)
class Evaluation:
    strict: Scores
    lenient: Scores
    by_topic: dict[str, Scores]  # strict, by topic id
    by_actor: dict[str, Scores]  # strict, by actor id
    false_positives: tuple[Error, ...]  # strict, sorted by document
    misses: tuple[Error, ...]  # strict, sorted by document
    documents: tuple[str, ...]  # the gold documents scored
    ignored_documents: tuple[str, ...] = ()  # predicted documents without gold
    ignored_records: int = 0  # predictions whose polarity is neither support nor oppose
    unknown_gold: tuple[str, ...] = ()  # "actor NAME" / "topic NAME" of the gold the codebook does not know

    def summary(self) -> str:
        s, l = self.strict, self.lenient
        return (f"F1 strict={s.f1:.3f} lenient={l.f1:.3f} "
                f"(P={s.precision:.2f} R={s.recall:.2f})")

    def to_dict(self) -> dict:
        return {
            "strict": self.strict.to_dict(), "lenient": self.lenient.to_dict(),
            "by_topic": {k: v.to_dict() for k, v in self.by_topic.items()},
            "by_actor": {k: v.to_dict() for k, v in self.by_actor.items()},
            "false_positives": [asdict(e) for e in self.false_positives],
            "misses": [asdict(e) for e in self.misses],
            "documents": list(self.documents), "ignored_documents": list(self.ignored_documents),
            "ignored_records": self.ignored_records, "unknown_gold": list(self.unknown_gold),
            "summary": self.summary(),
        }


# --- scoring -------------------------------------------------------------------------------
Triple = tuple[str, str, str]  # (actor id, polarity, topic id)


@dataclass
class _Sides:
    gold_all: dict[str, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    gold_req: dict[str, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    gold_ev: dict[tuple[str, Triple], list[str]] = field(default_factory=lambda: defaultdict(list))
    pred: dict[str, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    pred_ev: dict[tuple[str, Triple], list[str]] = field(default_factory=lambda: defaultdict(list))
    ignored_docs: set[str] = field(default_factory=set)
    ignored_records: int = 0
    unknown_gold: dict[str, None] = field(default_factory=dict)  # in order of first sight


def evaluate(pred_records: Iterable[Mapping], gold_records: Iterable[Mapping],
             codebook: Codebook | None = None) -> Evaluation:
    """Score stance records (``Stance.to_record()`` or any mapping with doc, actor, polarity,
    topic, evidence) against gold records; see the module docstring for the rules."""
    vocab = Vocabulary(codebook or load_codebook())
    sides = _collect(pred_records, gold_records, vocab)
    strict, strict_marks = _score(sides, lambda a, b: a == b)
    lenient, lenient_marks = _score(sides, vocab.related)
    fps, misses = _errors(sides, strict_marks, lenient_marks)
    return Evaluation(
        strict=strict, lenient=lenient,
        by_topic=_breakdown(strict_marks, position=2), by_actor=_breakdown(strict_marks, position=0),
        false_positives=fps, misses=misses, documents=tuple(sorted(sides.gold_all)),
        ignored_documents=tuple(sorted(sides.ignored_docs)), ignored_records=sides.ignored_records,
        unknown_gold=tuple(sides.unknown_gold))


def _collect(pred_records, gold_records, vocab: Vocabulary) -> _Sides:
    sides = _Sides()
    for i, rec in enumerate(gold_records, 1):
        rec = _as_record(rec)
        problem = gold_problem(rec)
        if problem:
            raise RecordError("gold records", None, f"record {i}: {problem}")
        d = doc_key(rec["doc"])
        t = (vocab.actor(rec["actor"]), polarity_of(rec["polarity"]), vocab.topic(rec["topic"]))
        if t[0].startswith("?"):
            sides.unknown_gold.setdefault(f"actor {str(rec['actor']).strip()!r}")
        if t[2].startswith(NO_TOPIC):
            sides.unknown_gold.setdefault(f"topic {str(rec['topic']).strip()!r}")
        sides.gold_all[d].add(t)
        sides.gold_ev[(d, t)].append(str(rec.get("evidence") or ""))
        if parse_required(rec.get("required")):
            sides.gold_req[d].add(t)
    for rec in pred_records:
        rec = _as_record(rec)
        pol = polarity_of(rec.get("polarity"))
        d = doc_key(rec.get("doc", ""))
        if pol is None:
            sides.ignored_records += 1
            continue
        if d not in sides.gold_all:
            sides.ignored_docs.add(d)
            continue
        t = (vocab.actor(rec.get("actor"), rec.get("actor_id")), pol, vocab.topic(rec.get("topic")))
        sides.pred[d].add(t)
        if rec.get("evidence"):
            sides.pred_ev[(d, t)].append(str(rec["evidence"]))
    return sides


# For each predicted triple (doc, triple, matched, matched with evidence, grounded), and for
# each required gold triple (doc, triple, found).
_Marks = tuple[list[tuple[str, Triple, bool, bool, bool]], list[tuple[str, Triple, bool]]]


def _score(sides: _Sides, same) -> tuple[Scores, _Marks]:
    pred_marks, gold_marks = [], []
    for d in sides.gold_all:
        golds = sides.gold_all[d]
        for t in sorted(sides.pred[d]):
            match = [g for g in golds if g[1:] == t[1:] and same(t[0], g[0])]
            evidence = sides.pred_ev[(d, t)]
            gold_ev = [e for g in match for e in sides.gold_ev[(d, g)]]
            grounded = any(evidence_overlaps(p, g) for p in evidence for g in gold_ev)
            pred_marks.append((d, t, bool(match), bool(match and evidence), bool(match) and grounded))
        for g in sorted(sides.gold_req[d]):
            hit = any(p[1:] == g[1:] and same(p[0], g[0]) for p in sides.pred[d])
            gold_marks.append((d, g, hit))
    return _count(pred_marks, gold_marks), (pred_marks, gold_marks)


def _count(pred_marks, gold_marks) -> Scores:
    return Scores(
        predicted=len(pred_marks), correct=sum(m[2] for m in pred_marks),
        required=len(gold_marks), found=sum(m[2] for m in gold_marks),
        with_evidence=sum(m[3] for m in pred_marks), grounded_count=sum(m[4] for m in pred_marks))


def _breakdown(marks: _Marks, position: int) -> dict[str, Scores]:
    """Strict scores by the triple's actor (position 0) or topic (position 2)."""
    pred_marks, gold_marks = marks
    keys = sorted({m[1][position] for m in pred_marks} | {m[1][position] for m in gold_marks})
    return {k: _count([m for m in pred_marks if m[1][position] == k],
                      [m for m in gold_marks if m[1][position] == k]) for k in keys}


def _errors(sides: _Sides, strict: _Marks, lenient: _Marks) -> tuple[tuple[Error, ...], tuple[Error, ...]]:
    ok_lenient = {(m[0], m[1]) for m in lenient[0] if m[2]}
    found_lenient = {(m[0], m[1]) for m in lenient[1] if m[2]}
    fps = [Error("false positive", d, *t, evidence=_first(sides.pred_ev[(d, t)]),
                 lenient=(d, t) in ok_lenient) for d, t, ok, *_ in strict[0] if not ok]
    misses = [Error("miss", d, *g, evidence=_first(sides.gold_ev[(d, g)]),
                    lenient=(d, g) in found_lenient) for d, g, hit in strict[1] if not hit]
    key = lambda e: (e.doc, e.actor, e.polarity, e.topic)  # noqa: E731
    return tuple(sorted(fps, key=key)), tuple(sorted(misses, key=key))


def _first(texts: list[str]) -> str:
    return next((t for t in texts if t), "")


def _as_record(rec) -> Mapping:
    return rec.to_record() if hasattr(rec, "to_record") else rec


# --- reading files -------------------------------------------------------------------------
def parse_required(value) -> bool:
    """``required`` of a gold record: true unless false/no/0 (missing or empty = true)."""
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"required must be true or false, not {value!r}")


def gold_problem(rec: Mapping) -> str | None:
    """What makes a gold record unusable, or ``None``."""
    for name in GOLD_FIELDS:
        if rec.get(name) in (None, ""):
            return f"missing field {name!r}"
    if polarity_of(rec["polarity"]) is None:
        return f"polarity must be support or oppose, not {rec['polarity']!r}"
    try:
        parse_required(rec.get("required"))
    except ValueError as exc:
        return str(exc)
    return None


def pred_problem(rec: Mapping) -> str | None:
    """What makes a predicted record unusable, or ``None`` (an odd polarity is only skipped)."""
    for name in PRED_FIELDS:
        if name not in rec:
            return f"missing field {name!r}"
        if name != "topic" and rec[name] in (None, ""):
            return f"empty field {name!r}"
    return None


def read_predictions(path) -> list[dict]:
    """Stance records from JSON Lines (``stancegraph extract``) or CSV (``.csv``)."""
    return _read(path, pred_problem)


def read_gold(path) -> list[dict]:
    """Gold records from JSON Lines or CSV (``.csv``); see README "Measuring quality"."""
    return _read(path, gold_problem)


def _read(path, check) -> list[dict]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RecordError(path, None, f"cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise RecordError(path, None, f"not UTF-8 text ({exc.reason})") from exc
    rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else _jsonl_rows(path, text)
    out = []
    for line, rec in rows:
        problem = check(rec)
        if problem:
            raise RecordError(path, line, problem)
        out.append(rec)
    return out


def _jsonl_rows(path: Path, text: str):
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RecordError(path, line, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise RecordError(path, line, "not a JSON object")
        yield line, rec


def _csv_rows(path: Path, text: str):
    reader = csvio.DictReader(io.StringIO(text, newline=""))
    try:
        if not reader.fieldnames:
            raise RecordError(path, 1, "no header line")
        line = reader.line_num
        for rec in reader:
            yield line + 1, {k: v for k, v in rec.items() if k is not None and v is not None}
            line = reader.line_num
    except csv.Error as exc:
        raise RecordError(path, reader.line_num, f"not valid CSV ({exc})") from exc


# --- the report ----------------------------------------------------------------------------
def report_lines(ev: Evaluation, show_errors: bool = True) -> list[str]:
    """The plain-text report of ``stancegraph evaluate``; its last line is ``ev.summary()``."""
    head = f"{'':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pred':>5s} {'req':>5s}"
    lines = [f"{len(ev.documents)} gold documents; unique (actor, polarity, topic) triples", "",
             head + f" {'grounded':>8s}"]
    for name, s in (("strict", ev.strict), ("lenient", ev.lenient)):
        grounded = "n/a" if s.grounded is None else f"{s.grounded:.2f}"
        lines.append(_row(name, s) + f" {grounded:>8s}")
    for title, table in (("by topic (strict)", ev.by_topic), ("by actor (strict)", ev.by_actor)):
        lines += ["", head.replace(" " * 28, f"{title:28s}", 1)]
        lines += [_row(key if key != NO_TOPIC else "(no topic)", s) for key, s in table.items()]
    if show_errors:
        for title, errors in (("false positives", ev.false_positives), ("misses", ev.misses)):
            lines += ["", f"{title} (strict): {len(errors)}"]
            for e in errors:
                also = "  [lenient match]" if e.lenient else ""
                lines.append(f"  {e.doc}  {e.actor} {e.polarity} {e.topic}{also}")
                lines.append(f"      {e.evidence or '(no evidence)'}")
    lines.append("")
    lines += notes(ev)
    lines.append(ev.summary())
    return lines


def notes(ev: Evaluation) -> list[str]:
    """What was left out of the scores, and gold names the codebook does not know, one line each."""
    out = [f"warning: gold {name} is not in the codebook; it matches only a prediction of the same name"
           for name in ev.unknown_gold]
    if ev.ignored_documents:
        names = ", ".join(ev.ignored_documents[:5]) + (", ..." if len(ev.ignored_documents) > 5 else "")
        out.append(f"note: ignored predictions for {len(ev.ignored_documents)} document(s) "
                   f"not in the gold: {names}")
    if ev.ignored_records:
        out.append(f"note: ignored {ev.ignored_records} prediction(s) whose polarity is "
                   "neither support nor oppose")
    return out


def _row(name: str, s: Scores) -> str:
    """One table row; a figure without a denominator (no predictions, no required gold) is '-'."""
    name = name if len(name) <= 28 else name[:27] + "…"
    p = f"{s.precision:6.3f}" if s.predicted else f"{'-':>6s}"
    r, f = (f"{s.recall:6.3f}", f"{s.f1:6.3f}") if s.required else (f"{'-':>6s}", f"{'-':>6s}")
    return f"{name:28s} {p} {r} {f} {s.predicted:5d} {s.required:5d}"
