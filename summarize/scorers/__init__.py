"""Sentence scorers and the registry shared by the CLI, the configuration and the tests."""

from __future__ import annotations

from summarize.config import SCORER_NAMES, Config
from summarize.scorers.base import Scorer, fuse
from summarize.scorers.priors import PositionScorer, SupportScorer
from summarize.scorers.sumy_adapter import SUMY_CLASSES, SumyScorer
from summarize.scorers.textrank import TextRankScorer
from summarize.scorers.tfidf import TfidfScorer

__all__ = ["Scorer", "build_scorer", "components", "fuse"]


def build_scorer(name: str, config: Config) -> Scorer:
    """The scorer called ``name`` (one of ``config.ALGORITHMS`` except "hybrid")."""
    if name == "tfidf":
        return TfidfScorer(config.features)
    if name == "textrank":
        return TextRankScorer(config.features, config.textrank)
    if name == "position":
        return PositionScorer(config.position.half_life)
    if name == "support":
        return SupportScorer()
    if name in SUMY_CLASSES:
        return SumyScorer(name, config.language)
    raise KeyError(name)


def components(config: Config) -> dict[str, Scorer]:
    """The scorers the hybrid fuses, those with a positive weight, by name."""
    return {name: build_scorer(name, config) for name in SCORER_NAMES
            if getattr(config.weights, name) > 0}
