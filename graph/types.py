"""Plain records passed between pipeline stages: documents in, stances out."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from enum import Enum


class Polarity(str, Enum):
    SUPPORT = "support"
    OPPOSE = "oppose"

    def flipped(self) -> "Polarity":
        return Polarity.OPPOSE if self is Polarity.SUPPORT else Polarity.SUPPORT


@dataclass(frozen=True)
class Document:
    """One article: cleaned text plus metadata. ``id`` is the file stem or the jsonl id."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None
    path: str | None = None

    @property
    def sha256(self) -> str:
        """Content hash: a document is rebuilt only when this changes."""
        h = hashlib.sha256()
        for part in (self.id, self.text, self.title, self.date, self.url, self.source):
            h.update((part or "").encode("utf-8") + b"\x00")
        return h.hexdigest()


@dataclass(frozen=True)
class Stance:
    """An actor's position (support/oppose) on a topic, with the sentence it was read from.

    ``start``/``end`` are character offsets of ``evidence`` in the document text.
    ``topic`` is a codebook topic id, or ``None`` for an unclassified candidate whose
    object phrase is kept in ``phrase``.
    """

    doc_id: str
    actor: str
    actor_id: str
    actor_kind: str
    polarity: Polarity
    topic: str | None
    topic_label: str
    evidence: str
    start: int
    end: int
    confidence: float
    extractor: str
    cue: str = ""
    phrase: str = ""
    mention: str = ""

    @property
    def classified(self) -> bool:
        return self.topic is not None

    @property
    def key(self) -> str:
        """Stable identity of this stance within its document (used to mint its IRI)."""
        raw = "|".join(
            [self.doc_id, self.actor_id, self.polarity.value, self.topic or "?" + self.phrase,
             str(self.start), str(self.end), self.extractor]
        )
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict:
        """The JSON Lines / CSV record (field names as in the README)."""
        rec = asdict(self)
        rec["doc"] = rec.pop("doc_id")
        rec["polarity"] = self.polarity.value
        rec["confidence"] = round(self.confidence, 3)
        return rec

    @classmethod
    def from_record(cls, rec: dict) -> "Stance":
        data = dict(rec)
        data["doc_id"] = data.pop("doc")
        data["polarity"] = Polarity(data["polarity"])
        data["start"], data["end"] = int(data["start"]), int(data["end"])
        data["confidence"] = float(data["confidence"])
        data["topic"] = data.get("topic") or None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


RECORD_FIELDS = [
    "doc", "actor", "actor_id", "actor_kind", "polarity", "topic", "topic_label", "evidence",
    "start", "end", "confidence", "extractor", "cue", "phrase", "mention",
]
