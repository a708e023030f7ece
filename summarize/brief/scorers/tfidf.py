"""TF-IDF salience: similarity of each sentence to the cluster's centroid.

The centroid method (Radev et al. 2004, "Centroid-based summarization of multiple documents"):
the mean of the sentences' L2-normalised TF-IDF vectors stands for what the cluster is about,
and a sentence's salience is its cosine similarity to that mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.brief.vectors import Features


@dataclass(frozen=True)
class TfidfScorer:
    """No hyperparameters of its own: the vectors' settings are ``[features]``."""

    def score(self, features: Features) -> np.ndarray:
        if len(features.corpus) == 0:
            return np.zeros(0)
        centroid = np.asarray(features.vectors.mean(axis=0)).ravel()
        norm = float(np.linalg.norm(centroid))
        if norm == 0.0:
            return np.zeros(len(features.corpus))
        return np.asarray(features.vectors @ (centroid / norm)).ravel()
