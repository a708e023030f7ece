"""The scorer registry: each scorer's name, where its class lives, and how the configuration
sets its hyperparameters. The evaluation's systems and the tests read this one table; the
configuration's allowed values (``summarize.config.ALGORITHMS``, which the command line's
choices read too) name the same scorers in the same order, without importing the registry.

It is deliberately light: the classes are imported only when a scorer is built, so the names
are known (for ``--help`` and for checking a configuration) without importing numpy.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarize.brief.scorers.base import Scorer
    from summarize.config import Config

Params = Callable[["Config"], dict[str, Any]]


def _none(config: Config) -> dict[str, Any]:
    return {}


def _textrank(config: Config) -> dict[str, Any]:
    return dataclasses.asdict(config.textrank)


def _position(config: Config) -> dict[str, Any]:
    return {"half_life": config.position.half_life}


def _hybrid(config: Config) -> dict[str, Any]:
    weights = {name: getattr(config.weights, name) for name in COMPONENTS}
    return {"scorers": {name: build(name, config) for name, w in weights.items() if w > 0},
            "weights": weights}


def _sumy(algorithm: str) -> Params:
    return lambda config: {"algorithm": algorithm, "language": config.language}


@dataclass(frozen=True, slots=True)
class Entry:
    """A registered scorer: its class as ``"module:Class"`` and its keyword hyperparameters
    from a configuration."""

    target: str
    params: Params

    def factory(self) -> Callable[..., Scorer]:
        module, name = self.target.split(":")
        factory: Callable[..., Scorer] = getattr(importlib.import_module(module), name)
        return factory


_SUMY = "summarize.brief.scorers.sumy_adapter:SumyScorer"
REGISTRY: dict[str, Entry] = {
    "hybrid": Entry("summarize.brief.scorers.base:HybridScorer", _hybrid),
    "tfidf": Entry("summarize.brief.scorers.tfidf:TfidfScorer", _none),
    "textrank": Entry("summarize.brief.scorers.textrank:TextRankScorer", _textrank),
    "position": Entry("summarize.brief.scorers.priors:PositionScorer", _position),
    "support": Entry("summarize.brief.scorers.priors:SupportScorer", _none),
    **{name: Entry(_SUMY, _sumy(name)) for name in (
        "lexrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction", "sumy-textrank")},
}
NAMES = tuple(REGISTRY)
# The scorers the hybrid fuses, each with a weight in [weights].
COMPONENTS = ("tfidf", "textrank", "position", "support")
# sumy's classic algorithms, adapted (summarize.brief.scorers.sumy_adapter).
SUMY_NAMES = tuple(name for name, entry in REGISTRY.items() if entry.target == _SUMY)


def build(name: str, config: Config | None = None, **params: Any) -> Scorer:
    """The scorer called ``name``, its hyperparameters from ``config`` (default: the defaults),
    any keyword given here replacing the configured one."""
    from summarize.config import Config
    from summarize.errors import ConfigError

    entry = REGISTRY.get(name)
    if entry is None:
        raise ConfigError(f"unknown scorer {name!r}", f"choose one of {', '.join(NAMES)}")
    return entry.factory()(**{**entry.params(config or Config()), **params})
