"""The scorer interface and score fusion.

A scorer follows scikit-learn's estimator contract: every hyperparameter is a keyword of its
constructor, stored as given, with no work there; the work happens in ``score(features)``,
which returns one number per sentence of ``features.corpus``, higher meaning more worth
including. Calling it twice gives the same answer. The :class:`Features` (the corpus and its
TF-IDF vectors) are computed once per corpus and handed to every scorer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from summarize.brief.vectors import Features, min_max

__all__ = ["Features", "HybridScorer", "Scorer", "fuse"]


class Scorer(Protocol):
    """Anything with ``score(features) -> numpy array`` of one float per sentence."""

    def score(self, features: Features) -> np.ndarray: ...


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

    def __init__(self, *, scorers: Mapping[str, Scorer],
                 weights: Mapping[str, float]) -> None:
        self.scorers = scorers
        self.weights = weights

    def explain(self, features: Features) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The fused scores, and each component's scores normalised to [0, 1], by name."""
        parts = {name: min_max(scorer.score(features)) for name, scorer in self.scorers.items()}
        return fuse(parts, self.weights), parts

    def score(self, features: Features) -> np.ndarray:
        return self.explain(features)[0]
