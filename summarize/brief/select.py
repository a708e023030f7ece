"""Choose the brief's sentences under a budget: the greedy selectors and what all selectors share.

Three methods choose sentences (``[selection] method``); the exact one lives in
:mod:`summarize.brief.ilp`, the two greedy ones here:

* ``coverage``: budgeted greedy concept coverage (Lin & Bilmes 2010), lazily evaluated (Minoux
  1978): repeatedly the sentence with the most new concept weight per word;
* ``mmr``: Maximal Marginal Relevance (Carbonell & Goldstein 1998), repeatedly the sentence with
  the best ``λ·score - (1-λ)·max similarity to the sentences already taken``.

Every method keeps the same rules, held by :class:`Selection`: the budget; a candidate whose
cosine similarity to a chosen sentence reaches ``near_duplicate`` is never taken; a sentence that
leans on the one before it (see :mod:`summarize.brief.discourse`) is taken only after a sentence it
leans on, when dependencies are given; ties go to the earlier sentence, so choices are
deterministic.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarize.brief.vectors import similarities_to

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from summarize.brief.concepts import Concepts


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


class Selection:
    """The chosen sentences, those still available, the budget and the shared rules.

    ``eligible`` masks the sentences that may be chosen at all; ``anchors[i]``, when given, are
    the sentences that sentence ``i`` leans on, and ``leans[i]`` says whether it does: such a
    sentence becomes available only once one of its anchors is chosen.
    """

    def __init__(self, vectors: csr_matrix, lengths: np.ndarray, budget: Budget,
                 near_duplicate: float, eligible: np.ndarray | None, *,
                 leans: np.ndarray | None = None,
                 anchors: Sequence[Sequence[int]] | None = None) -> None:
        n = len(lengths)
        self.vectors, self.lengths, self.budget = vectors, lengths, budget
        self.postings = vectors.T.tocsr()
        self.near_duplicate = near_duplicate
        self.eligible = np.ones(n, dtype=bool) if eligible is None else eligible.copy()
        self.blocked = np.zeros(n, dtype=bool)  # too similar to a chosen sentence
        self.dependents: dict[int, list[int]] = {}
        locked = np.zeros(n, dtype=bool)
        if leans is not None and anchors is not None:
            locked = leans & self.eligible
            for i in np.flatnonzero(locked).tolist():
                for anchor in anchors[i]:
                    self.dependents.setdefault(anchor, []).append(i)
        self.available = self.eligible & ~locked
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

    def take(self, i: int) -> tuple[np.ndarray, list[int]]:
        """Choose sentence ``i``; return every sentence's similarity to it, and the sentences
        that became available because they lean on it."""
        self.chosen.append(i)
        self.available[i] = False
        if self.words_left is not None:
            self.words_left -= int(self.lengths[i])
        similarity = similarities_to(self.vectors, self.postings, i)
        self.blocked |= similarity >= self.near_duplicate
        self.available &= ~self.blocked
        unlocked = [d for d in self.dependents.pop(i, ())
                    if self.eligible[d] and not self.blocked[d] and d not in self.chosen]
        self.available[unlocked] = True
        return similarity, unlocked


def mmr_value(scores: np.ndarray, max_similarity: np.ndarray, redundancy: float) -> np.ndarray:
    """Maximal Marginal Relevance: ``λ·score - (1-λ)·max similarity to the chosen``."""
    value: np.ndarray = redundancy * scores - (1.0 - redundancy) * max_similarity
    return value


def mmr_select(scores: np.ndarray, selection: Selection, *, redundancy: float) -> list[int]:
    """Indices of the chosen sentences, in the order they were picked.

    ``scores`` should lie in [0, 1] (cosines do); the selection's vectors are L2-normalised
    rows. ``redundancy`` is λ.
    """
    max_similarity = np.zeros(len(scores))
    while not selection.full():
        selection.drop_unfitting()
        if not selection.available.any():
            break
        value = mmr_value(scores, max_similarity, redundancy)
        best = int(np.argmax(np.where(selection.available, value, -np.inf)))
        np.maximum(max_similarity, selection.take(best)[0], out=max_similarity)
    return selection.chosen


def coverage_select(concepts: Concepts, scores: np.ndarray, selection: Selection, *,
                    length_exponent: float) -> list[int]:
    """Budgeted greedy concept coverage (Lin & Bilmes 2010; Gillick & Favre 2009's objective).

    Repeatedly take the sentence with the best ``new concept weight / words ** r``: the weight
    of the concepts it would add that no chosen sentence covers yet, per word spent (``r`` is
    ``length_exponent``; 1 is pure density, smaller values let longer sentences compete).
    ``scores`` (in [0, 1]) break ties and order the rest once no concept is left to gain.
    """
    covered: set[int] = set()
    cost = np.power(np.maximum(selection.lengths, 1).astype(np.float64), length_exponent)

    def entry(i: int) -> tuple[float, int]:
        return -(concepts.gain(i, covered) / float(cost[i]) + 1e-6 * float(scores[i])), i

    # Lazy greedy (Minoux 1978): a sentence's value can only fall as coverage grows, so a stale
    # value is an upper bound and only the heap's top ever needs recomputing.
    heap = [entry(i) for i in np.flatnonzero(selection.available).tolist()]
    heapq.heapify(heap)
    while heap and not selection.full():
        _, best = heapq.heappop(heap)
        if not selection.available[best] or not selection.fits(best):
            continue  # a sentence that does not fit now never will: the budget only shrinks
        fresh = entry(best)
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)
            continue
        covered.update(concepts.of_sentence[best])
        for unlocked in selection.take(best)[1]:
            heapq.heappush(heap, entry(unlocked))
    return selection.chosen


def top_up(concepts: Concepts | None, scores: np.ndarray, selection: Selection, *,
           redundancy: float, overlap_penalty: float = 0.0) -> list[int]:
    """Add sentences until the budget is used: the most new concept weight first (only the
    part that fits counts, with a fill target), less ``overlap_penalty`` times the weight it
    says again (as the exact selection counts it), then the best MMR value (``λ·score -
    (1-λ)·max similarity to the chosen``, λ = ``redundancy``), then the earlier one.

    An exact selection stops where no further sentence fits its caps; this uses what is left:
    sentences still allowed under a sentence budget, words left under a cap, and the overflow
    sentence that a fill target allows (evaluation cuts it at the limit).
    """
    covered = {c for i in selection.chosen for c in concepts.of_sentence[i]} if concepts else set()
    max_similarity = np.zeros(len(scores))
    for i in selection.chosen:
        np.maximum(max_similarity, similarities_to(selection.vectors, selection.postings, i),
                   out=max_similarity)
    while not selection.full():
        selection.drop_unfitting()
        candidates = np.flatnonzero(selection.available)
        if not candidates.size:
            break
        value = mmr_value(scores, max_similarity, redundancy)
        best = max(candidates.tolist(),
                   key=lambda i: (_useful_gain(concepts, covered, selection, i)
                                  - overlap_penalty * _repeated(concepts, covered, i),
                                  value[i], -i))
        if concepts is not None:
            covered.update(concepts.of_sentence[best])
        np.maximum(max_similarity, selection.take(best)[0], out=max_similarity)
    return selection.chosen


def _repeated(concepts: Concepts | None, covered: set[int], i: int) -> float:
    """The weight of sentence ``i``'s concepts that the chosen ones already say."""
    if concepts is None or not covered:
        return 0.0
    return concepts.gain(i) - concepts.gain(i, covered)


def _useful_gain(concepts: Concepts | None, covered: set[int], selection: Selection,
                 i: int) -> float:
    """New concept weight of sentence ``i``, scaled by the share of it within the words left."""
    gain = concepts.gain(i, covered) if concepts is not None else 0.0
    if selection.words_left is not None:
        gain *= min(1.0, selection.words_left / max(1, int(selection.lengths[i])))
    return gain
