import dataclasses
import warnings

import numpy as np
import pytest

from summarize.brief.scorers import COMPONENTS, NAMES, REGISTRY, SUMY_NAMES, build
from summarize.brief.scorers.base import HybridScorer, fuse
from summarize.brief.scorers.priors import PositionScorer, SupportScorer
from summarize.brief.scorers.sumy_adapter import sumy_document, sumy_summarizer
from summarize.brief.scorers.textrank import TextRankScorer
from summarize.brief.scorers.tfidf import TfidfScorer
from summarize.brief.vectors import Features
from summarize.config import ALGORITHMS, Config, WeightsConfig
from summarize.errors import ConfigError
from summarize.inputs.files import read_articles
from summarize.model import Article
from summarize.text.merge import merge
from tests.conftest import SEEDS, make_corpus

STORY = [
    ["Militants seized the town of Tal Afar in northern Iraq.",
     "Militants seized Tal Afar after heavy fighting in Iraq.",
     "The weather in Brussels was mild."],
    ["Iraqi militants seized the northern town of Tal Afar.",
     "A football match ended in a draw."],
]


def features(*texts: list[str]) -> Features:
    return Features(make_corpus(*texts))


def test_tfidf_prefers_the_story_over_asides() -> None:
    scores = TfidfScorer().score(features(*STORY))
    story = [0, 1, 3]
    asides = [2, 4]
    assert scores[story].min() > scores[asides].max()


def test_textrank_prefers_connected_sentences() -> None:
    scores = TextRankScorer().score(features(*STORY))
    assert scores[[0, 1, 3]].min() > scores[[2, 4]].max()
    assert abs(scores.sum() - 1) < 1e-6


def test_textrank_threshold_is_a_working_hyperparameter() -> None:
    # above every similarity there is no edge: PageRank spreads rank evenly
    scores = TextRankScorer(threshold=1.0).score(features(*STORY))
    assert np.allclose(scores, 1 / 5)


def test_position_prior_halves_every_half_life() -> None:
    found = features(["One sentence here. Two sentence here. Three here. Four here."])
    assert np.allclose(PositionScorer(half_life=1.0).score(found), [1, 0.5, 0.25, 0.125])


def test_support_counts_other_articles() -> None:
    found = features(["Kerry visited Baghdad.", "Cats purr."], ["Kerry visited Baghdad."])
    # sentence 0 is in both articles: every term covered by 2 of 2 -> 1; "cats purr" -> 0
    assert np.allclose(SupportScorer().score(found), [1.0, 0.0])
    assert np.allclose(SupportScorer().score(features(["Only one article here."])), [0.0])


@pytest.mark.parametrize("name", NAMES)
def test_every_registered_scorer_is_repeatable_and_sized(name: str) -> None:
    found = features(*STORY)
    scorer = build(name)
    first = scorer.score(found)
    assert first.shape == (len(found.corpus),)
    assert np.isfinite(first).all()
    assert np.array_equal(first, scorer.score(found))


def test_registry_builds_from_the_configuration_and_keywords() -> None:
    config = dataclasses.replace(Config(), textrank=dataclasses.replace(
        Config().textrank, damping=0.5))
    assert build("textrank", config) == TextRankScorer(damping=0.5)
    assert build("textrank", config, threshold=0.3) == TextRankScorer(damping=0.5, threshold=0.3)
    assert build("lsa").algorithm == "lsa"  # type: ignore[attr-defined]
    assert set(COMPONENTS) == {f.name for f in dataclasses.fields(WeightsConfig)}
    assert set(SUMY_NAMES) < set(REGISTRY)
    with pytest.raises(ConfigError, match="unknown scorer 'nope'"):
        build("nope")


def test_the_configuration_allows_exactly_the_registered_scorers() -> None:
    # The configuration names the scorers without importing the registry (no import cycle);
    # a scorer registered but not allowed, or allowed but not registered, fails here.
    assert NAMES == ALGORITHMS


def _seeds_corpus() -> Features:
    # no headlines: sumy may pick a heading, which has no score of ours
    read = read_articles([str(SEEDS)], Config().reader).articles
    return Features(merge([Article(a.id, a.source, a.name, None, a.paragraphs) for a in read]))


@pytest.mark.parametrize("name", SUMY_NAMES)
def test_sumy_adapter_ranks_as_sumy_itself_picks(name: str) -> None:
    """Our top sentences by the captured ratings are the ones sumy's own summariser returns
    (fails if the ratings are not captured: every score would be 0 and the top would be the
    first sentences)."""
    found = _seeds_corpus()
    scores = build(name).score(found)
    k = 4
    ours = set(np.argsort(-scores, kind="stable")[:k].tolist())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        summarizer = sumy_summarizer(name, "english", found.corpus)
        theirs = {s.sid for s in summarizer(sumy_document(found.corpus), k)}
    assert ours == theirs
    assert ours != set(range(k))


def test_fuse_weights_normalised_scores() -> None:
    parts = {"a": np.array([0.0, 10.0]), "b": np.array([1.0, 0.0]), "c": np.array([5.0, 1.0])}
    fused = fuse(parts, {"a": 3.0, "b": 1.0, "c": 0.0})
    assert np.allclose(fused, [0.0, 1.0])
    assert np.allclose(fuse(parts, {"a": 1.0, "b": 1.0}), [0.0, 0.0])  # a tie, rescaled


def test_hybrid_leaves_out_a_scorer_weighted_zero() -> None:
    config = dataclasses.replace(Config(), weights=WeightsConfig(textrank=0.0))
    hybrid = build("hybrid", config)
    assert isinstance(hybrid, HybridScorer)
    assert set(hybrid.scorers) == {"tfidf", "position", "support"}
    found = features(*STORY)
    scores, parts = hybrid.explain(found)
    assert set(parts) == {"tfidf", "position", "support"}
    assert scores.min() == 0.0 and scores.max() == 1.0
    expected = fuse(parts, {"tfidf": 1.0, "position": 0.5, "support": 0.5})
    assert np.allclose(scores, expected)
    with_textrank = build("hybrid").score(found)
    assert not np.allclose(scores, with_textrank)
