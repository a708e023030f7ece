import numpy as np
import pytest

from summarize.config import SUMY_NAMES, Config
from summarize.scorers import build_scorer, components, fuse
from summarize.scorers.base import HybridScorer
from summarize.scorers.priors import PositionScorer, SupportScorer
from summarize.scorers.sumy_adapter import SumyScorer
from summarize.scorers.textrank import TextRankScorer
from summarize.scorers.tfidf import TfidfScorer
from tests.conftest import make_corpus

STORY = [
    ["Militants seized the town of Tal Afar in northern Iraq.",
     "Militants seized Tal Afar after heavy fighting in Iraq.",
     "The weather in Brussels was mild."],
    ["Iraqi militants seized the northern town of Tal Afar.",
     "A football match ended in a draw."],
]


def test_tfidf_prefers_the_story_over_asides() -> None:
    corpus = make_corpus(*STORY)
    scores = TfidfScorer().score(corpus)
    story = [0, 1, 3]
    asides = [2, 4]
    assert scores[story].min() > scores[asides].max()


def test_textrank_prefers_connected_sentences() -> None:
    corpus = make_corpus(*STORY)
    scores = TextRankScorer().score(corpus)
    assert scores[[0, 1, 3]].min() > scores[[2, 4]].max()
    assert abs(scores.sum() - 1) < 1e-6


def test_position_prior_halves_every_half_life() -> None:
    corpus = make_corpus(["One sentence here. Two sentence here. Three here. Four here."])
    assert np.allclose(PositionScorer(half_life=1.0).score(corpus), [1, 0.5, 0.25, 0.125])


def test_support_counts_other_articles() -> None:
    corpus = make_corpus(["Kerry visited Baghdad.", "Cats purr."], ["Kerry visited Baghdad."])
    # sentence 0 is in both articles: every term covered by 2 of 2 -> 1; "cats purr" -> 0
    assert np.allclose(SupportScorer().score(corpus), [1.0, 0.0])
    assert np.allclose(SupportScorer().score(make_corpus(["Only one article here."])), [0.0])


def test_scorers_are_repeatable_and_sized() -> None:
    corpus = make_corpus(*STORY)
    for name in ("tfidf", "textrank", "position", "support"):
        scorer = build_scorer(name, Config())
        first = scorer.score(corpus)
        assert first.shape == (len(corpus),)
        assert np.array_equal(first, scorer.score(corpus))


@pytest.mark.parametrize("name", SUMY_NAMES)
def test_sumy_adapter_rates_every_sentence(name: str) -> None:
    corpus = make_corpus(*STORY)
    scores = SumyScorer(name).score(corpus)
    assert scores.shape == (len(corpus),)
    assert np.isfinite(scores).all()


def test_fuse_weights_normalised_scores() -> None:
    parts = {"a": np.array([0.0, 10.0]), "b": np.array([1.0, 0.0]), "c": np.array([5.0, 1.0])}
    fused = fuse(parts, {"a": 3.0, "b": 1.0, "c": 0.0})
    assert np.allclose(fused, [0.0, 1.0])
    assert np.allclose(fuse(parts, {"a": 1.0, "b": 1.0}), [0.0, 0.0])  # a tie, rescaled


def test_hybrid_uses_positive_weights_only() -> None:
    config = Config()
    assert set(components(config)) == {"tfidf", "textrank", "position", "support"}
    corpus = make_corpus(*STORY)
    hybrid = HybridScorer(components(config), vars(config.weights))
    scores = hybrid.score(corpus)
    assert scores.min() == 0.0 and scores.max() == 1.0
