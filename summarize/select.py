"""Choose the brief's sentences: Maximal Marginal Relevance under a budget.

MMR (Carbonell & Goldstein 1998) repeatedly takes the sentence with the best
``λ·score - (1-λ)·max similarity to the sentences already taken``; λ = 1 is pure ranking, lower
values trade salience for novelty. A candidate whose cosine similarity to a chosen sentence
reaches ``near_duplicate`` is never taken, whatever λ. Ties go to the lower sentence id (the
earlier sentence), so the choice is deterministic.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
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


def concept_weights(term_lists: Sequence[Sequence[str]], documents: Sequence[Sequence[int]],
                    n_documents: int, *, min_share: float) -> list[dict[tuple[str, str], int]]:
    """Per sentence, its concepts (adjacent content-term bigrams) and their weights.

    A concept's weight is the number of documents that contain it (Gillick & Favre 2009).
    Concepts found in fewer than ``max(min(2, n_documents), ceil(min_share * n_documents))``
    documents weigh 0: with one document every bigram counts, with several only what at least
    two share (multi-source support), with ten at 0.3 only what three or more share.
    """
    found_in: dict[tuple[str, str], set[int]] = {}
    per_sentence = []
    for terms, docs in zip(term_lists, documents, strict=True):
        bigrams = set(pairwise(terms))
        per_sentence.append(bigrams)
        for bigram in bigrams:
            found_in.setdefault(bigram, set()).update(docs)
    floor = max(min(2, n_documents), math.ceil(min_share * n_documents))
    weight = {b: len(d) for b, d in found_in.items() if len(d) >= floor}
    return [{b: weight[b] for b in bigrams if b in weight} for bigrams in per_sentence]


def coverage_select(concepts: Sequence[dict[tuple[str, str], int]], scores: np.ndarray,
                    vectors: csr_matrix, lengths: np.ndarray, *, budget: Budget,
                    length_exponent: float, near_duplicate: float,
                    eligible: np.ndarray | None = None) -> list[int]:
    """Budgeted greedy concept coverage (Lin & Bilmes 2010; Gillick & Favre 2009's objective).

    Repeatedly take the sentence with the best ``new concept weight / words ** r``: the weight
    of the concepts it would add that no chosen sentence covers yet, per word spent (``r`` is
    ``length_exponent``; 1 is pure density, smaller values let longer sentences compete).
    ``scores`` (in [0, 1]) break ties and order the rest once no concept is left to gain. The
    near-duplicate rule and the budget work as in :func:`mmr_select`.
    """
    n = len(scores)
    available = np.ones(n, dtype=bool) if eligible is None else eligible.copy()
    covered: set[tuple[str, str]] = set()
    cost = np.power(np.maximum(lengths, 1).astype(np.float64), length_exponent)

    def value(i: int) -> float:
        gain = sum(w for c, w in concepts[i].items() if c not in covered)
        return gain / float(cost[i]) + 1e-6 * float(scores[i])

    # Lazy greedy (Minoux 1978): a sentence's value can only fall as coverage grows, so a stale
    # value is an upper bound and only the heap's top ever needs recomputing.
    heap = [(-value(i), i) for i in np.flatnonzero(available).tolist()]
    heapq.heapify(heap)
    chosen: list[int] = []
    words_left = budget.words
    while heap and (budget.sentences is None or len(chosen) < budget.sentences):
        if budget.fill and words_left is not None and words_left <= 0:
            break
        _, best = heapq.heappop(heap)
        if not available[best]:
            continue
        if words_left is not None and not budget.fill and lengths[best] > words_left:
            available[best] = False  # can never fit again: the budget only shrinks
            continue
        fresh = value(best)
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, best))
            continue
        chosen.append(best)
        covered.update(concepts[best])
        available[best] = False
        if words_left is not None:
            words_left -= int(lengths[best])
        similarity = np.asarray((vectors @ vectors[best].T).todense()).ravel()
        available &= similarity < near_duplicate
    return chosen
