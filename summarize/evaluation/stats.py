"""How sure a difference in average score is: bootstrap over the clusters of a dataset.

Scores are averaged over clusters, and clusters differ far more than systems do, so a mean
alone says little. :func:`interval` gives a 95% percentile-bootstrap confidence interval of a
mean (Efron & Tibshirani 1993); :func:`paired_test` resamples the per-cluster *differences*
between a system and a baseline on the clusters both summarised (the paired bootstrap of
Koehn 2004, Berg-Kirkpatrick et al. 2012) and returns the mean difference with a two-sided
p-value: how often a resample's mean difference falls on the other side of zero, doubled.
Resampling uses a fixed seed, so the same scores always give the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RESAMPLES = 2000
SEED = 20061


def _resampled_means(values: Sequence[float], resamples: int) -> np.ndarray:
    data = np.asarray(values, dtype=np.float64)
    rng = np.random.default_rng(SEED)
    picks = rng.integers(0, len(data), size=(resamples, len(data)))
    means: np.ndarray = data[picks].mean(axis=1)
    return means


def interval(values: Sequence[float], *, confidence: float = 0.95,
             resamples: int = RESAMPLES) -> tuple[float, float]:
    """A percentile-bootstrap confidence interval of the mean of ``values``."""
    if len(values) == 0:
        return (0.0, 0.0)
    means = _resampled_means(values, resamples)
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A system against a baseline on the clusters both have."""

    baseline: str
    clusters: int
    difference: float  # mean of (system - baseline)
    p_value: float  # two-sided, paired bootstrap; NaN with fewer than two clusters


def paired_test(system: Sequence[float], baseline: Sequence[float], name: str, *,
                resamples: int = RESAMPLES) -> Comparison:
    """Paired bootstrap test of ``system`` against ``baseline`` (the same clusters, in order)."""
    differences = np.asarray(system, dtype=np.float64) - np.asarray(baseline, dtype=np.float64)
    if len(differences) < 2:  # nothing to resample: no evidence either way
        return Comparison(name, len(differences),
                          float(differences.mean()) if len(differences) else 0.0, float("nan"))
    means = _resampled_means(differences.tolist(), resamples)
    below = float(np.mean(means <= 0.0))
    above = float(np.mean(means >= 0.0))
    return Comparison(name, len(differences), float(differences.mean()),
                      min(1.0, 2 * min(below, above)))
