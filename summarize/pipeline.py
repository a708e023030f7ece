"""The whole summariser as library calls: read, merge, score, select, order.

``summarize_paths`` reads and summarises in one call; ``summarize_articles`` starts from read
articles (the command line filters them first for ``--new-only``; batch and evaluation build
theirs from JSON); ``summarize_corpus`` starts from a merged corpus.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np

from summarize.config import Config, SentenceConfig
from summarize.merge import merge
from summarize.model import Article, Brief, Chosen, Corpus, Skipped
from summarize.reader import read_articles
from summarize.scorers import build_scorer, components, fuse
from summarize.scorers.base import HybridScorer
from summarize.select import Budget, concept_weights, coverage_select, mmr_select
from summarize.vectors import min_max, tfidf_vectors

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Result:
    brief: Brief
    skipped: tuple[Skipped, ...]


def summarize_paths(inputs: Sequence[str], config: Config, *,
                    stdin: BinaryIO | None = None) -> Result:
    """Read ``inputs`` (files, folders, "-") and summarise them as one story."""
    read = read_articles(inputs, config.reader, stdin=stdin)
    return Result(summarize_articles(read.articles, config), read.skipped)


def summarize_articles(articles: Sequence[Article], config: Config) -> Brief:
    started = time.perf_counter()
    corpus = merge(articles, language=config.language, features=config.features)
    log.info("merged %d sentence(s) into %d unique in %.2f s",
             sum(len(s.occurrences) for s in corpus.sentences), len(corpus),
             time.perf_counter() - started)
    return summarize_corpus(corpus, config)


def rank(corpus: Corpus, config: Config) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Fused scores in [0, 1] and each scorer's normalised scores, for ``config``'s algorithm."""
    algorithm = config.selection.algorithm
    if algorithm == "hybrid":
        hybrid = HybridScorer(components(config), vars(config.weights))
        parts = {name: min_max(values) for name, values in hybrid.parts(corpus).items()}
        return fuse(parts, vars(config.weights)), parts
    scores = min_max(build_scorer(algorithm, config).score(corpus))
    return scores, {algorithm: scores}


def eligible(lengths: np.ndarray, bounds: SentenceConfig) -> np.ndarray:
    """Sentences within the length bounds (all of them, if none is)."""
    mask = (lengths >= bounds.min_words) & (lengths <= bounds.max_words)
    return mask if mask.any() else lengths > 0


def summarize_corpus(corpus: Corpus, config: Config, *, budget: Budget | None = None) -> Brief:
    """Score, select and order ``corpus``'s sentences into a brief.

    ``budget`` replaces the configured one (evaluation fills exactly 100 words).
    """
    started = time.perf_counter()
    scores, parts = rank(corpus, config)
    log.info("scored with %s in %.2f s", config.selection.algorithm, time.perf_counter() - started)
    started = time.perf_counter()
    lengths = np.array([s.words for s in corpus.sentences], dtype=np.int64)
    if budget is None:
        budget = Budget.from_unit(config.budget.unit, config.budget.size, available=len(corpus))
    picked = _select(corpus, config, scores, lengths, budget) if len(corpus) else []
    log.info("selected %d sentence(s) by %s in %.2f s", len(picked), config.selection.method,
             time.perf_counter() - started)
    chosen = [
        Chosen(corpus.sentences[i], rank + 1, float(scores[i]),
               {name: float(values[i]) for name, values in parts.items()})
        for rank, i in enumerate(picked)
    ]
    title = _title(corpus, chosen)
    if config.selection.order == "source":
        chosen.sort(key=lambda c: (c.sentence.first.article, c.sentence.first.position))
    shortfall = (budget.sentences is not None and len(chosen) < budget.sentences) or not chosen
    return Brief(title, tuple(chosen), corpus, _describe(config), shortfall)


def _select(corpus: Corpus, config: Config, scores: np.ndarray, lengths: np.ndarray,
            budget: Budget) -> list[int]:
    vectors = tfidf_vectors(corpus, config.features)
    selection = config.selection
    allowed = eligible(lengths, config.sentences)
    if selection.method == "mmr" or len(corpus.articles) < 2:  # coverage needs 2+ sources
        return mmr_select(scores, vectors, lengths, budget=budget,
                          redundancy=selection.redundancy,
                          near_duplicate=selection.near_duplicate, eligible=allowed)
    concepts = concept_weights([s.terms for s in corpus.sentences],
                               [s.articles for s in corpus.sentences], len(corpus.articles),
                               min_share=config.coverage.min_document_share)
    return coverage_select(concepts, scores, vectors, lengths, budget=budget,
                           length_exponent=config.coverage.length_exponent,
                           near_duplicate=selection.near_duplicate, eligible=allowed)


def _title(corpus: Corpus, chosen: Sequence[Chosen]) -> str | None:
    """The headline of the article the top sentence came from, else the first headline."""
    if chosen:
        top = corpus.articles[chosen[0].sentence.first.article]
        if top.headline:
            return top.headline
    return next((a.headline for a in corpus.articles if a.headline), None)


def _describe(config: Config) -> str:
    size = config.budget.size
    amount = int(size) if float(size).is_integer() else size
    if config.budget.unit == "ratio":
        return f"ratio {amount}"
    return f"{amount} {config.budget.unit}"
