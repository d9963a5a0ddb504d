"""Synthetic inputs for the benchmarks, generated from patterns (no copied text).

``articles(n)``: news-like articles whose sentences put codebook actors in support of or against
codebook topics, with filler sentences; ``stance_items(n)``: documents with ready-made stances
(no parsing), for store benchmarks.
"""
from __future__ import annotations

import random

from stancegraph.codebook import Codebook, load_codebook
from stancegraph.types import Document, Polarity, Stance

SUPPORT = ["{a} backed {t}.", "{a} said it supports {t}.", "{a} welcomed {t} on {d}.", "{a} called for {t}."]
OPPOSE = ["{a} rejected {t}.", "{a} ruled out {t}.", "{a} said it would never accept {t}.", "{a} opposed {t}."]
FILLER = ["Talks resumed in {c} on {d}.", "Officials met behind closed doors in {c}.",
          "The meeting lasted several hours.", "Markets reacted calmly to the news from {c}."]
CITIES = ["Geneva", "Istanbul", "Riyadh", "Brussels", "Washington", "Kyiv", "Moscow", "Ankara"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(n: int, *, sentences: int = 12, seed: int = 1, codebook: Codebook | None = None) -> list[dict]:
    """``n`` articles as jsonl records (``id``, ``text``, ``date``)."""
    codebook = codebook or load_codebook()
    rng = random.Random(seed)
    actors = [a.label for a in codebook.actors.values()]
    topics = [t.label.lower() for t in codebook.topics.values()]
    out = []
    for i in range(n):
        lines = []
        for _ in range(sentences):
            pattern = rng.choice(rng.choice([SUPPORT, OPPOSE, FILLER]))
            lines.append(pattern.format(a=rng.choice(actors), t="the " + rng.choice(topics),
                                        c=rng.choice(CITIES), d=rng.choice(DAYS)))
        text = f"{rng.choice(CITIES)}, {1 + i % 28} March 2025.\n" + " ".join(lines) + "\n"
        out.append({"id": f"syn-{i:06d}", "text": text, "date": f"2025-03-{1 + i % 28:02d}"})
    return out


def stance_items(n_stances: int, *, per_doc: int = 10, seed: int = 1,
                 codebook: Codebook | None = None) -> list[tuple[Document, list[Stance]]]:
    """Documents with ``per_doc`` stances each, ``n_stances`` in all, for the store."""
    codebook = codebook or load_codebook()
    rng = random.Random(seed)
    actors = list(codebook.actors.values())
    topics = list(codebook.topics.values())
    items = []
    for d in range(max(1, n_stances // per_doc)):
        picks = [(rng.choice(actors), rng.choice(topics), rng.random() < 0.5) for _ in range(per_doc)]
        sentences = [f"{a.label} {'backed' if sup else 'rejected'} the {t.label.lower()} (item {k})."
                     for k, (a, t, sup) in enumerate(picks)]
        text = " ".join(sentences)
        doc = Document(id=f"syn-{d:06d}", text=text, date=f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}",
                       source=f"Wire {d % 7}")
        stances, at = [], 0
        for (a, t, sup), sentence in zip(picks, sentences):
            start = text.index(sentence, at)
            at = start + len(sentence)
            stances.append(Stance(
                doc_id=doc.id, actor=a.label, actor_id=a.id, actor_kind=a.kind,
                polarity=Polarity.SUPPORT if sup else Polarity.OPPOSE, topic=t.id, topic_label=t.label,
                evidence=sentence, start=start, end=at, confidence=round(rng.uniform(0.5, 0.95), 3),
                extractor="stancegraph.rules.v1", cue="backed" if sup else "rejected",
                phrase=t.label.lower(), mention=a.label))
        items.append((doc, stances))
    return items
