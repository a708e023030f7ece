"""Choose the brief's sentences: Maximal Marginal Relevance under a budget.

MMR (Carbonell & Goldstein 1998) repeatedly takes the sentence with the best
``λ·score - (1-λ)·max similarity to the sentences already taken``; λ = 1 is pure ranking, lower
values trade salience for novelty. A candidate whose cosine similarity to a chosen sentence
reaches ``near_duplicate`` is never taken, whatever λ. Ties go to the lower sentence id (the
earlier sentence), so the choice is deterministic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


@dataclass(frozen=True, slots=True)
class Budget:
    """At most ``sentences`` sentences and at most ``words`` words (None: no limit).

    With ``fill``, the word budget is a target instead of a cap: sentences are added until it
    is reached, the last one may run over (as evaluation does, which then cuts at the limit).
    """

    sentences: int | None = None
    words: int | None = None
    fill: bool = False

    @classmethod
    def from_unit(cls, unit: str, size: float, *, available: int) -> Budget:
        """Budget for ``size`` sentences, words, or a ratio of ``available`` sentences."""
        if unit == "words":
            return cls(words=int(size))
        if unit == "ratio":
            return cls(sentences=max(1, math.floor(size * available + 0.5)))
        return cls(sentences=int(size))


def mmr_select(scores: np.ndarray, vectors: csr_matrix, lengths: np.ndarray, *,
               budget: Budget, redundancy: float, near_duplicate: float,
               eligible: np.ndarray | None = None) -> list[int]:
    """Indices of the chosen sentences, in the order they were picked.

    ``scores`` should lie in [0, 1] (cosines do), ``vectors`` are L2-normalised rows,
    ``lengths`` are word counts, ``eligible`` masks sentences that may be chosen at all.
    ``redundancy`` is λ.
    """
    n = len(scores)
    available = np.ones(n, dtype=bool) if eligible is None else eligible.copy()
    max_similarity = np.zeros(n)
    chosen: list[int] = []
    words_left = budget.words
    while budget.sentences is None or len(chosen) < budget.sentences:
        if words_left is not None:
            if budget.fill and words_left <= 0:
                break
            if not budget.fill:
                available &= lengths <= words_left
        if not available.any():
            break
        value = redundancy * scores - (1.0 - redundancy) * max_similarity
        best = int(np.argmax(np.where(available, value, -np.inf)))
        chosen.append(best)
        available[best] = False
        if words_left is not None:
            words_left -= int(lengths[best])
        similarity = np.asarray((vectors @ vectors[best].T).todense()).ravel()
        np.maximum(max_similarity, similarity, out=max_similarity)
        available &= similarity < near_duplicate
    return chosen
