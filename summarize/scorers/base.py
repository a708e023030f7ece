"""The scorer interface and score fusion.

A scorer is configured in its constructor (hyperparameters only, stored as given, no work) and
does its work in ``score(corpus)``, which returns one number per sentence, higher meaning more
worth including. Calling it twice gives the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from summarize.model import Corpus
from summarize.vectors import min_max


class Scorer(Protocol):
    """Anything with ``score(corpus) -> numpy array`` of ``len(corpus)`` floats."""

    def score(self, corpus: Corpus) -> np.ndarray: ...


def fuse(parts: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    """Weighted mean of min-max-normalised scores, rescaled to [0, 1].

    Scorers with weight 0 do not count; with no positive weight the result is all zeros.
    """
    n = len(next(iter(parts.values()))) if parts else 0
    total = np.zeros(n)
    weight_sum = 0.0
    for name, values in parts.items():
        weight = weights.get(name, 0.0)
        if weight > 0:
            total += weight * min_max(values)
            weight_sum += weight
    return min_max(total / weight_sum) if weight_sum > 0 else total


class HybridScorer:
    """The default scorer: several scorers fused with weights (see :func:`fuse`)."""

    def __init__(self, scorers: Mapping[str, Scorer], weights: Mapping[str, float]) -> None:
        self.scorers = scorers
        self.weights = weights

    def parts(self, corpus: Corpus) -> dict[str, np.ndarray]:
        """Each component's raw scores, by name."""
        return {name: scorer.score(corpus) for name, scorer in self.scorers.items()}

    def score(self, corpus: Corpus) -> np.ndarray:
        return fuse(self.parts(corpus), self.weights)
