"""TF-IDF salience: similarity of each sentence to the cluster's centroid.

The centroid method (Radev et al. 2004, "Centroid-based summarization of multiple documents"):
the mean of the sentences' L2-normalised TF-IDF vectors stands for what the cluster is about,
and a sentence's salience is its cosine similarity to that mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from summarize.config import FeatureConfig
from summarize.model import Corpus
from summarize.vectors import tfidf_vectors


@dataclass(frozen=True)
class TfidfScorer:
    features: FeatureConfig = field(default_factory=FeatureConfig)

    def score(self, corpus: Corpus) -> np.ndarray:
        if len(corpus) == 0:
            return np.zeros(0)
        vectors = tfidf_vectors(corpus, self.features)
        centroid = np.asarray(vectors.mean(axis=0)).ravel()
        norm = float(np.linalg.norm(centroid))
        if norm == 0.0:
            return np.zeros(len(corpus))
        return np.asarray(vectors @ (centroid / norm)).ravel()
