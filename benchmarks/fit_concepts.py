"""Fit the learned concept weights on the development data, and measure them by topic.

    python benchmarks/fit_concepts.py /tmp/devsets --write      # refit, write the coefficients
    python benchmarks/fit_concepts.py /tmp/devsets --evaluate   # cross-validated ROUGE

The data (NIST's, built locally, never committed) is every development shape of
:mod:`benchmarks.shapes` whose references summarise its own articles: DUC 2001 and 2002 and
each DUC 2007 set as a generic cluster (weighted ``CLOSE_WEIGHT``: the shape of a followed
story), and DUC 2006 whole and subsampled to 10, 5, 3 and 2 articles. A concept's label is
whether some reference has it (the references analysed as the sentences are). The model is a
logistic regression on standardised features (scikit-learn), and only its coefficients are
written to ``summarize/brief/concept_weights.py``.

``--evaluate`` fits one model per fold of topics (``FOLDS``; a topic's clusters, whatever
their shape, are always in one fold) and summarises each cluster with the model that never
saw its topic, beside the document-frequency weights, at 100 words (250 for DUC 2006 whole):
ROUGE-1/2 recall per shape.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shapes import Shape, shapes  # noqa: E402
from summarize.brief import concept_model  # noqa: E402
from summarize.brief.concept_features import NAMES, concept_table  # noqa: E402
from summarize.brief.concept_model import LinearModel  # noqa: E402
from summarize.brief.concepts import bigram_analyzer  # noqa: E402
from summarize.evaluation.dataset import Cluster  # noqa: E402
from summarize.text.merge import merge  # noqa: E402

TRAINING = ("DUC 2002", "DUC 2001", "DUC 2007 sets", "DUC 2006 x10", "DUC 2006 x5",
            "DUC 2006 x3", "DUC 2006 x2", "DUC 2006, 250 words")
CLOSE = ("DUC 2002", "DUC 2001", "DUC 2007 sets")
CLOSE_WEIGHT = 3.0
FOLDS = 5
OUTPUT = ROOT / "summarize" / "brief" / "concept_weights.py"


@dataclass(frozen=True)
class Rows:
    """Training rows: features, labels (0/1), weights, and each row's topic."""

    features: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    topics: np.ndarray


def topic(shape: str, cluster: Cluster) -> str:
    """The story a cluster is drawn from: subsamples and sets of one topic share it."""
    year = shape.split()[1].rstrip(",")
    name = cluster.id.split("/")[0]
    return f"{year}:{name[:-2] if year == '2007' else name}"


def labels_of(concepts: Sequence[tuple[str, str]], references: Sequence[str],
              language: str = "english") -> np.ndarray:
    """1 for each concept some reference has, else 0."""
    analyse = bigram_analyzer(language)
    found = set().union(*(analyse(r) for r in references)) if references else set()
    return np.array([float(c in found) for c in concepts])


def rows(found: Sequence[Shape]) -> Rows:
    features, labels, weights, topics = [], [], [], []
    for shape in found:
        if shape.label not in TRAINING:
            continue
        weight = CLOSE_WEIGHT if shape.label in CLOSE else 1.0
        for cluster in shape.clusters:
            table = concept_table(merge(cluster.articles))
            features.append(table.features)
            labels.append(labels_of(table.concepts, cluster.references))
            weights.append(np.full(len(table.concepts), weight))
            topics += [topic(shape.label, cluster)] * len(table.concepts)
        print(f"features: {shape.label}", file=sys.stderr)
    return Rows(np.vstack(features), np.concatenate(labels), np.concatenate(weights),
                np.array(topics))


def fit(features: np.ndarray, labels: np.ndarray, weights: np.ndarray | None = None,
        *, names: Sequence[str] = NAMES) -> LinearModel:
    """A logistic regression on standardised ``features`` predicting ``labels``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=3000).fit(
        (features - scaler.mean_) / scale, labels > 0, sample_weight=weights)
    return LinearModel(tuple(names), tuple(float(x) for x in scaler.mean_),
                       tuple(float(x) for x in scale), tuple(float(x) for x in model.coef_[0]),
                       float(model.intercept_[0]))


def folds(topics: Sequence[str], count: int = FOLDS, seed: int = 0) -> dict[str, int]:
    """Each topic's fold, at random but reproducibly."""
    names = sorted(set(topics))
    random.Random(seed).shuffle(names)
    return {name: k % count for k, name in enumerate(names)}


def module_text(model: LinearModel, trained_on: str) -> str:
    def numbers(values: Sequence[float]) -> str:
        return "(\n" + "".join(f"    {v!r},\n" for v in values) + ")"

    return (f'"""The learned concept weights\' coefficients (summarize.brief.concept_model).\n\n'
            f"Generated by benchmarks/fit_concepts.py --write on {trained_on}; do not edit.\n"
            '"""\n\n'
            f"FEATURES = (\n" + "".join(f"    {n!r},\n" for n in model.features) + ")\n"
            f"MEAN = {numbers(model.mean)}\nSCALE = {numbers(model.scale)}\n"
            f"COEF = {numbers(model.coef)}\nINTERCEPT = {model.intercept!r}\n")


def _each_cluster(found: Sequence[Shape]) -> Iterator[tuple[Shape, Cluster]]:
    for shape in found:
        for cluster in shape.clusters:
            yield shape, cluster


def evaluate(found: Sequence[Shape], data: Rows) -> list[str]:
    """ROUGE per shape: document weights, and learned weights from the fold without the
    cluster's topic."""
    from summarize.brief.pipeline import summarize_corpus
    from summarize.brief.select import Budget
    from summarize.config import Config, CoverageConfig
    from summarize.evaluation.rouge import score

    fold_of = folds(data.topics.tolist())
    row_fold = np.array([fold_of[t] for t in data.topics])
    models = [fit(data.features[row_fold != k], data.labels[row_fold != k],
                  data.weights[row_fold != k]) for k in range(FOLDS)]
    documents = replace(Config(), coverage=CoverageConfig(weights="documents"))
    lines = ["| shape | clusters | document weights R-1 / R-2 | learned (by topic) R-1 / R-2 |",
             "|---|---:|---:|---:|"]
    results: dict[str, list[tuple[float, float, float, float]]] = {}
    for shape, cluster in _each_cluster(found):
        name = topic(shape.label, cluster) if shape.label != "seeds" else "seeds"
        model = models[fold_of.get(name, 0)]
        corpus = merge(cluster.articles)
        known = merge(cluster.background) if cluster.background else None
        budget = Budget(words=shape.words, fill=True)
        plain = summarize_corpus(corpus, documents, budget=budget, background=known)
        with mock.patch.object(concept_model, "MODEL", model):
            ours = summarize_corpus(corpus, Config(), budget=budget, background=known)
        a = score(plain.text, cluster.references, limit=shape.words)
        b = score(ours.text, cluster.references, limit=shape.words)
        results.setdefault(shape.label, []).append(
            (a["rouge1"].recall, a["rouge2"].recall, b["rouge1"].recall, b["rouge2"].recall))
    for label, values in results.items():
        mean = 100 * np.mean(values, axis=0)
        lines.append(f"| {label} | {len(values)} | {mean[0]:.2f} / {mean[1]:.2f} | "
                     f"{mean[2]:.2f} / {mean[3]:.2f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devsets", type=Path)
    parser.add_argument("--write", action="store_true", help="refit and write the module")
    parser.add_argument("--evaluate", action="store_true", help="cross-validated ROUGE")
    args = parser.parse_args()
    found = shapes(args.devsets)
    data = rows(found)
    print(f"{len(data.labels):,} concepts, {data.labels.mean():.1%} in a reference, "
          f"{len(set(data.topics.tolist()))} topics", file=sys.stderr)
    if args.write:
        model = fit(data.features, data.labels, data.weights)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
        OUTPUT.write_text(module_text(model, stamp), encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)
    if args.evaluate:
        print("\n".join(evaluate(found, data)))


if __name__ == "__main__":
    main()
