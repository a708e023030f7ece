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

from summarize.vectors import similarities_to

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


class _Selection:
    """What both greedy selectors share: the chosen sentences, those still allowed, the budget
    and the near-duplicate rule."""

    def __init__(self, vectors: csr_matrix, lengths: np.ndarray, budget: Budget,
                 near_duplicate: float, eligible: np.ndarray | None) -> None:
        self.vectors, self.lengths, self.budget = vectors, lengths, budget
        self.postings = vectors.T.tocsr()
        self.near_duplicate = near_duplicate
        self.available = (np.ones(len(lengths), dtype=bool) if eligible is None
                          else eligible.copy())
        self.chosen: list[int] = []
        self.words_left = budget.words

    def full(self) -> bool:
        if self.budget.sentences is not None and len(self.chosen) >= self.budget.sentences:
            return True
        return self.budget.fill and self.words_left is not None and self.words_left <= 0

    def drop_unfitting(self) -> None:
        """Rule out sentences longer than the words left (a cap, not a fill target)."""
        if self.words_left is not None and not self.budget.fill:
            self.available &= self.lengths <= self.words_left

    def fits(self, i: int) -> bool:
        """Whether sentence ``i`` fits in the words left (always, with a fill target)."""
        return self.words_left is None or self.budget.fill or self.lengths[i] <= self.words_left

    def take(self, i: int) -> np.ndarray:
        """Choose sentence ``i``; return every sentence's similarity to it."""
        self.chosen.append(i)
        self.available[i] = False
        if self.words_left is not None:
            self.words_left -= int(self.lengths[i])
        similarity = similarities_to(self.vectors, self.postings, i)
        self.available &= similarity < self.near_duplicate
        return similarity


def mmr_select(scores: np.ndarray, vectors: csr_matrix, lengths: np.ndarray, *,
               budget: Budget, redundancy: float, near_duplicate: float,
               eligible: np.ndarray | None = None) -> list[int]:
    """Indices of the chosen sentences, in the order they were picked.

    ``scores`` should lie in [0, 1] (cosines do), ``vectors`` are L2-normalised rows,
    ``lengths`` are word counts, ``eligible`` masks sentences that may be chosen at all.
    ``redundancy`` is λ.
    """
    selection = _Selection(vectors, lengths, budget, near_duplicate, eligible)
    max_similarity = np.zeros(len(scores))
    while not selection.full():
        selection.drop_unfitting()
        if not selection.available.any():
            break
        value = redundancy * scores - (1.0 - redundancy) * max_similarity
        best = int(np.argmax(np.where(selection.available, value, -np.inf)))
        np.maximum(max_similarity, selection.take(best), out=max_similarity)
    return selection.chosen


def concept_weights(term_lists: Sequence[Sequence[str]], documents: Sequence[Sequence[int]],
                    n_documents: int, *, min_share: float) -> list[dict[tuple[str, str], int]]:
    """Per sentence, its concepts (adjacent content-term bigrams) and their weights.

    A concept's weight is the number of documents that contain it (Gillick & Favre 2009),
    and it counts only when at least ``max(2, ceil(min_share * n_documents))`` of them do:
    what several outlets report is the story. (With one document nothing counts: the pipeline
    selects by MMR then.)
    """
    found_in: dict[tuple[str, str], set[int]] = {}
    per_sentence = []
    for terms, docs in zip(term_lists, documents, strict=True):
        bigrams = set(pairwise(terms))
        per_sentence.append(bigrams)
        for bigram in bigrams:
            found_in.setdefault(bigram, set()).update(docs)
    floor = max(2, math.ceil(min_share * n_documents))
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
    selection = _Selection(vectors, lengths, budget, near_duplicate, eligible)
    covered: set[tuple[str, str]] = set()
    cost = np.power(np.maximum(lengths, 1).astype(np.float64), length_exponent)

    def value(i: int) -> float:
        gain = sum(w for c, w in concepts[i].items() if c not in covered)
        return gain / float(cost[i]) + 1e-6 * float(scores[i])

    # Lazy greedy (Minoux 1978): a sentence's value can only fall as coverage grows, so a stale
    # value is an upper bound and only the heap's top ever needs recomputing.
    heap = [(-value(i), i) for i in np.flatnonzero(selection.available).tolist()]
    heapq.heapify(heap)
    while heap and not selection.full():
        _, best = heapq.heappop(heap)
        if not selection.available[best] or not selection.fits(best):
            continue  # a sentence that does not fit now never will: the budget only shrinks
        fresh = value(best)
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, best))
            continue
        covered.update(concepts[best])
        selection.take(best)
    return selection.chosen
