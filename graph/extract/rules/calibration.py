"""Confidence a user can act on: the rules' evidence for a stance, mapped to the share of such
stances that were right on the development corpus of real news.

Each stance the rules find carries features: how it was read (a stance verb, a report, a noun,
an adjective, a clause on the phrase, no cue at all), whether the reading was hedged, the holder
reached through a pronoun or description, unknown to the codebook, the topic named by a
definite description, and so on. A logistic model over these features, fitted on the dev half
of ``benchmarks/devset`` by ``benchmarks/calibrate.py``, gives the confidence. The fitted
weights ship as ``calibration.json`` beside this module; without it, the rules' own product
of factors stands.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files

log = logging.getLogger(__name__)
RESOURCE = "calibration.json"
# Prior knowledge the fit may not contradict: these never raise confidence, and a hedge
# ("may", "reportedly") always lowers it (upper bounds of their weights).
CAPS = {"hedged": -0.3, "resolved": 0.0, "unknown_actor": 0.0, "referred_topic": 0.0}


@dataclass(frozen=True)
class Calibration:
    bias: float
    weights: dict[str, float] = field(default_factory=dict)
    about: dict = field(default_factory=dict)  # how it was fitted: data, counts

    def __call__(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps({"bias": round(self.bias, 4),
                           "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
                           "about": self.about}, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Calibration":
        data = json.loads(text)
        return cls(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}, data.get("about", {}))


def load_calibration() -> Calibration | None:
    """The shipped calibration, or None (then the rules' raw confidence is used)."""
    path = files("stancegraph.extract.rules") / RESOURCE
    if not path.is_file():
        return None
    return Calibration.from_json(path.read_text(encoding="utf-8"))


def fit(samples: Sequence[tuple[Sequence[str], bool]], l2: float = 1.0, steps: int = 3000,
        rate: float = 0.5, about: dict | None = None) -> Calibration:
    """Logistic regression of ``correct`` on binary features, by gradient descent with an L2
    penalty (features seen rarely stay near 0). Weights stay within :data:`CAPS`.

    >>> cal = fit([(["verb"], True)] * 8 + [(["verb"], False)] * 2 + [(["report"], False)] * 5
    ...           + [(["report"], True)] * 5)
    >>> round(cal(["verb"]), 1) > round(cal(["report"]), 1)
    True
    """
    names = sorted({f for feats, _ in samples for f in feats})
    index = {f: k for k, f in enumerate(names)}
    rows = [([index[f] for f in set(feats)], 1.0 if ok else 0.0) for feats, ok in samples]
    n = max(len(rows), 1)
    w = [0.0] * len(names)
    b = 0.0
    for _ in range(steps):
        gw = [l2 * x / n for x in w]
        gb = 0.0
        for active, y in rows:
            z = b + sum(w[k] for k in active)
            err = 1.0 / (1.0 + math.exp(-z)) - y
            gb += err / n
            for k in active:
                gw[k] += err / n
        b -= rate * gb
        for k, f in enumerate(names):
            w[k] -= rate * gw[k]
            if f in CAPS and w[k] > CAPS[f]:
                w[k] = CAPS[f]
    return Calibration(b, {f: w[k] for k, f in enumerate(names)}, about or {})


def reliability(scored: Sequence[tuple[float, bool]], bands=(0.0, 0.3, 0.5, 0.7, 0.9, 1.0001)
                ) -> list[tuple[float, float, int, float | None, float | None]]:
    """(low, high, n, precision, mean confidence) per confidence band.

    >>> reliability([(0.2, False), (0.8, True), (0.85, False)], bands=(0.0, 0.5, 1.0001))
    [(0.0, 0.5, 1, 0.0, 0.2), (0.5, 1.0001, 2, 0.5, 0.825)]
    """
    out = []
    for low, high in zip(bands, bands[1:]):
        inside = [(c, ok) for c, ok in scored if low <= c < high]
        if inside:
            out.append((low, high, len(inside), sum(ok for _, ok in inside) / len(inside),
                        round(sum(c for c, _ in inside) / len(inside), 3)))
        else:
            out.append((low, high, 0, None, None))
    return out
