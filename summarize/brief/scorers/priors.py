"""Two priors that news structure gives for free.

* Position: news is written as an inverted pyramid, so early sentences carry the key facts. A
  sentence's prior is ``0.5 ** (p / half_life)`` for its earliest position ``p`` (0-based) in
  any article.
* Multi-source support: what several articles report is more likely the story than one
  outlet's aside. A sentence's support is the mean, over its distinct terms, of the share of the
  other articles that also use the term (a sentence carried verbatim by every article scores 1);
  a single-article corpus gives no support signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.brief.vectors import Features
from summarize.config import PositionConfig


@dataclass(frozen=True)
class PositionScorer:
    half_life: float = PositionConfig.half_life

    def score(self, features: Features) -> np.ndarray:
        corpus = features.corpus
        positions = np.array([min(o.position for o in s.occurrences) for s in corpus.sentences],
                             dtype=np.float64)
        return np.power(0.5, positions / self.half_life)


@dataclass(frozen=True)
class SupportScorer:
    def score(self, features: Features) -> np.ndarray:
        corpus = features.corpus
        n_articles = len(corpus.articles)
        if n_articles < 2 or len(corpus) == 0:
            return np.zeros(len(corpus))
        has = (features.counts[:, features.unigrams] > 0).astype(np.float64)  # sentence x term
        coverage = np.asarray(((features.membership @ has) > 0).sum(axis=0)).ravel()
        distinct = np.asarray(has.sum(axis=1)).ravel()
        others = np.asarray(has @ (coverage - 1.0)).ravel()
        scores = np.divide(others, distinct, out=np.zeros(len(corpus)), where=distinct > 0)
        support: np.ndarray = scores / (n_articles - 1)
        return support
