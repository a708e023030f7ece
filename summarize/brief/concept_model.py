"""Learned concept weights: the chance that a human summary of the story holds a concept.

Li, Qian & Liu (2013) replace the document frequency that weighs the concepts of the exact
selection (Gillick & Favre 2009) by a model's estimate of whether a reference summary has the
bigram. Here the model is a logistic regression over :mod:`summarize.brief.concept_features`,
fitted on the development data (DUC 2001, 2002, 2006 and 2007, with cross-validation by topic)
by ``benchmarks/fit_concepts.py``, which writes its coefficients to
:mod:`summarize.brief.concept_weights`: a few numbers, no text. A concept takes part when its
chance is at least ``[coverage] min_probability``; its weight is that chance, so the selection
maximises the number of reference bigrams it expects to cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from summarize.brief import concept_weights
from summarize.brief.concept_features import concept_table
from summarize.brief.concepts import Concepts
from summarize.model import Corpus


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression on standardised features: P = sigmoid(((x - mean) / scale) . coef
    + intercept)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if features.shape[1] != len(self.features):
            raise ValueError(f"{features.shape[1]} features given, the model has "
                             f"{len(self.features)}")
        standard = features - np.asarray(self.mean)  # one copy: at 50,000 sentences 80 MB
        standard /= np.asarray(self.scale)
        z = standard @ np.asarray(self.coef) + self.intercept
        result: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return result


MODEL = LinearModel(concept_weights.FEATURES, concept_weights.MEAN, concept_weights.SCALE,
                    concept_weights.COEF, concept_weights.INTERCEPT)


def learned(corpus: Corpus, *, min_probability: float, model: LinearModel | None = None
            ) -> Concepts:
    """The corpus's concepts weighted by ``model`` (default: the shipped one); those below
    ``min_probability`` are left out. Ids follow first appearance among those kept."""
    table = concept_table(corpus)
    chance = (model or MODEL).probabilities(table.features) if len(table.left) else \
        np.zeros(0)
    kept = chance >= min_probability
    renumber = np.full(len(chance), -1, dtype=np.int64)
    renumber[kept] = np.arange(int(kept.sum()))
    # each sentence's kept concepts under their new ids, in increasing order
    new_id = renumber[table.found]
    sentence = np.repeat(np.arange(len(table.bounds) - 1), np.diff(table.bounds))
    sentence, new_id = sentence[new_id >= 0], new_id[new_id >= 0]
    ids = new_id[np.lexsort((new_id, sentence))].tolist()
    bounds = np.concatenate([[0], np.cumsum(np.bincount(sentence,
                                                        minlength=len(table.bounds) - 1))])
    of_sentence = tuple(tuple(ids[a:b]) for a, b in pairwise(bounds.tolist()))
    return Concepts(of_sentence, chance[kept].astype(np.float64))
