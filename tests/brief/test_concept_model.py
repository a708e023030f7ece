"""The learned concept weights: features counted by hand, the model, the fit, on tiny data."""

from __future__ import annotations

import math

import numpy as np
import pytest

from benchmarks.fit_concepts import fit, folds, labels_of, module_text
from summarize.brief.concept_features import NAMES, concept_table
from summarize.brief.concept_model import MODEL, LinearModel, learned
from tests.conftest import make_corpus

STORY = (
    ["River Alder floods the town of Millbrook.", "Residents left their homes on Monday."],
    ["The river Alder flooded Millbrook overnight.", "Engineers inspected the barrier."],
)


def _column(table: object, name: str) -> dict[tuple[str, str], float]:
    features = table.features  # type: ignore[attr-defined]
    return dict(zip(table.concepts, features[:, NAMES.index(name)], strict=True))  # type: ignore[attr-defined]


def test_features_by_hand() -> None:
    table = concept_table(make_corpus(*STORY))
    share = _column(table, "article_share")
    assert share[("river", "alder")] == 1.0  # in both articles
    assert share[("resid", "left")] == 0.5
    first = _column(table, "first_share")
    assert first[("river", "alder")] == 1.0 and first[("engin", "inspect")] == 0.0
    position = _column(table, "first_position")
    assert position[("river", "alder")] == 0.0 and position[("engin", "inspect")] == 0.5
    assert _column(table, "articles_log")[("river", "alder")] == pytest.approx(math.log(2))
    assert _column(table, "capitalised")[("alder", "flood")] > 0  # "Alder" mid-sentence
    assert _column(table, "one_article")[("resid", "left")] == 1.0
    scaled = _column(table, "article_share*articles_log")
    assert scaled[("river", "alder")] == pytest.approx(math.log(2))


def test_the_model_is_a_logistic_regression_on_standardised_features() -> None:
    model = LinearModel(("a", "b"), (1.0, 0.0), (2.0, 1.0), (0.5, -1.0), 0.25)
    z = ((3.0 - 1.0) / 2.0) * 0.5 + (2.0 - 0.0) * -1.0 + 0.25
    assert model.probabilities(np.array([[3.0, 2.0]]))[0] == pytest.approx(1 / (1 + math.exp(-z)))
    with pytest.raises(ValueError, match="1 features given"):
        model.probabilities(np.array([[1.0]]))


def test_learned_weights_prefer_what_every_article_says_and_drop_the_unlikely() -> None:
    corpus = make_corpus(*STORY)
    coef = tuple(4.0 if name == "article_share" else 0.0 for name in NAMES)
    model = LinearModel(NAMES, tuple(0.0 for _ in NAMES), tuple(1.0 for _ in NAMES), coef,
                        -3.0)  # P = sigmoid(4 * share - 3): 0.73 in both articles, 0.27 in one
    table = concept_table(corpus)
    everything = learned(corpus, min_probability=0.0, model=model)
    assert len(everything.weights) == len(table.concepts)
    assert max(everything.weights) == pytest.approx(1 / (1 + math.exp(-1)))
    kept = learned(corpus, min_probability=0.5, model=model)
    assert len(kept.weights) == sum(1 for v in _column(table, "article_share").values()
                                    if v == 1.0)
    first = kept.of_sentence[0]
    assert first and all(0 <= c < len(kept.weights) for c in first)


def test_fit_learns_a_separable_rule_and_is_written_as_numbers() -> None:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(400, 2))
    labels = (features[:, 0] > 0.3).astype(float)
    model = fit(features, labels, names=("signal", "noise"))
    probabilities = model.probabilities(features)
    assert probabilities[labels == 1].min() > probabilities[labels == 0].mean()
    assert abs(model.coef[0]) > 5 * abs(model.coef[1])
    text = module_text(model, "today")
    namespace: dict[str, object] = {}
    exec(compile(text, "concept_weights", "exec"), namespace)  # the module it would write
    assert namespace["FEATURES"] == ("signal", "noise")
    assert namespace["COEF"] == model.coef


def test_labels_and_folds() -> None:
    assert labels_of([("river", "alder"), ("resid", "left")],
                     ["The river Alder rose."]).tolist() == [1.0, 0.0]
    topics = [f"t{k}" for k in range(20)] * 3
    assigned = folds(topics, count=5)
    assert set(assigned.values()) == set(range(5)) and folds(topics, count=5) == assigned


def test_the_shipped_model_fits_the_features() -> None:
    assert MODEL.features == NAMES
    assert len(MODEL.mean) == len(MODEL.scale) == len(MODEL.coef) == len(NAMES)
