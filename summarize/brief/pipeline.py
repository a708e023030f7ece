"""The whole summariser as library calls: merge, score, select, order.

``summarize_articles`` starts from articles, wherever they came from (:mod:`summarize.inputs`
reads them; the command line filters them first for ``--new-only``; batch and evaluation build
theirs from JSON); ``summarize_corpus`` starts from a merged corpus.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from summarize.brief.concepts import extract
from summarize.brief.discourse import anchors, dangling, story_order
from summarize.brief.ilp import candidate_pool, ilp_select
from summarize.brief.scorers import build
from summarize.brief.scorers.base import HybridScorer
from summarize.brief.select import Budget, Selection, coverage_select, mmr_select, top_up
from summarize.brief.vectors import Features, background_similarity, min_max, similar_pairs
from summarize.config import Config, SentenceConfig, validate
from summarize.lazy import defer_unused
from summarize.model import Article, Brief, Chosen, Corpus
from summarize.text.detect import resolve
from summarize.text.languages import language as language_of
from summarize.text.merge import merge

log = logging.getLogger(__name__)
# The exact selection's candidates: 5 per sentence the budget holds, at least 30, at most
# [coverage] exact_candidates. Fewer make a short brief's problem smaller (a 5-sentence brief
# solves in half the time) and were as good on development data; a 250-word brief needs 50.
POOL_PER_SENTENCE = 5
POOL_FLOOR = 30


def summarize_articles(articles: Sequence[Article], config: Config, *,
                       background: Sequence[Article] = ()) -> Brief:
    """Summarise ``articles``; with ``background`` (articles the reader already knows), an
    update brief that leaves out what those articles said. Articles may come from any sources
    and be numbered any way: they are renumbered by position. ``config`` is validated."""
    config = validate(config, origin="the configuration given")
    started = time.perf_counter()
    language = resolve(config.language, articles)
    if not language_of(language).supported:
        log.warning("%s is not a language the summariser analyses: a best-effort brief "
                    "(words as written, no stemming, no stop words)", language)
    corpus = merge(_numbered(articles), language=language, features=config.features)
    known = merge(_numbered(background), language=language,
                  features=config.features) if background else None
    log.info("merged %d sentence(s) into %d unique in %.2f s",
             sum(len(s.occurrences) for s in corpus.sentences), len(corpus),
             time.perf_counter() - started)
    return _summarize(corpus, config, background=known)


def import_libraries() -> None:
    """Import what every brief of a story uses and its stages otherwise import on first use:
    scikit-learn's TF-IDF (with SciPy's sparse matrices and HiGHS, which it imports), less
    what :func:`~summarize.lazy.defer_unused` keeps off the start-up path. For a caller that
    wants them loaded before it starts timing, or counting, what a brief itself costs."""
    defer_unused()
    import scipy.optimize  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401


def _numbered(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with ids equal to their positions, which every later stage indexes by."""
    return [a if a.id == i else replace(a, id=i) for i, a in enumerate(articles)]


def rank(features: Features, config: Config) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Scores in [0, 1] by ``config``'s algorithm, and each scorer's normalised scores (the
    hybrid's components, or the one scorer's)."""
    algorithm = config.selection.algorithm
    scorer = build(algorithm, config)
    if isinstance(scorer, HybridScorer):
        return scorer.explain(features)
    scores = min_max(scorer.score(features))
    return scores, {algorithm: scores}


def eligible(lengths: np.ndarray, bounds: SentenceConfig) -> np.ndarray:
    """Sentences within the length bounds (all of them, if none is)."""
    mask = (lengths >= bounds.min_words) & (lengths <= bounds.max_words)
    return mask if mask.any() else lengths > 0


def summarize_corpus(corpus: Corpus, config: Config, *, budget: Budget | None = None,
                     background: Corpus | None = None) -> Brief:
    """Score, select and order ``corpus``'s sentences into a brief (``config`` is validated).

    ``budget`` replaces the configured one (evaluation fills exactly 100 words);
    ``background`` is what the reader already knows.
    """
    config = validate(config, origin="the configuration given")
    return _summarize(corpus, config, budget=budget, background=background)


def _summarize(corpus: Corpus, config: Config, *, budget: Budget | None = None,
               background: Corpus | None = None) -> Brief:
    started = time.perf_counter()
    features = Features(corpus, config.features)
    scores, parts = rank(features, config)
    log.info("scored with %s in %.2f s", config.selection.algorithm, time.perf_counter() - started)
    started = time.perf_counter()
    lengths = np.array([s.words for s in corpus.sentences], dtype=np.int64)
    if budget is None:
        budget = Budget.from_unit(config.budget.unit, config.budget.size, available=len(corpus))
    picked = _select(features, config, scores, lengths, budget, background) if len(corpus) else []
    log.info("selected %d sentence(s) by %s in %.2f s", len(picked), config.selection.method,
             time.perf_counter() - started)
    rank_of = {i: rank for rank, i in enumerate(picked, 1)}
    chosen = [
        Chosen(corpus.sentences[i], rank_of[i], float(scores[i]),
               {name: float(values[i]) for name, values in parts.items()})
        for i in _display_order(corpus, config.selection.order, picked, scores, lengths, budget)
    ]
    shortfall = (budget.sentences is not None and len(chosen) < budget.sentences) or not chosen
    return Brief(_title(corpus, chosen), tuple(chosen), corpus, _describe(config), shortfall)


def _select(features: Features, config: Config, scores: np.ndarray, lengths: np.ndarray,
            budget: Budget, background: Corpus | None) -> list[int]:
    """The chosen sentences in pick order (for the exact method: best score first, then what
    :func:`top_up` added)."""
    corpus, vectors = features.corpus, features.vectors
    selection_config, coverage = config.selection, config.coverage
    leans, leans_on = dangling(corpus), anchors(corpus)
    allowed = _allowed(corpus, config, lengths, leans, leans_on, background)
    if not allowed.any():  # only wordless "sentences" (stray punctuation)
        return []
    by_anchor = config.sentences.dangling == "anchor"
    selection = Selection(vectors, lengths, budget, selection_config.near_duplicate, allowed,
                          leans=leans if by_anchor else None, anchors=leans_on)
    if selection_config.method == "mmr" or len(corpus.articles) < 2:  # nothing shared to cover
        return mmr_select(scores, selection, redundancy=selection_config.redundancy)
    if coverage.weights == "learned":
        from summarize.brief.concept_model import learned

        concepts = learned(corpus, min_probability=coverage.min_probability)
    else:
        concepts = extract(corpus, min_share=coverage.min_document_share,
                           lead_sentences=coverage.lead_sentences,
                           lead_bonus=coverage.lead_bonus)
    if selection_config.method == "ilp" and (
            budget.sentences is None or 2 * budget.sentences <= coverage.exact_candidates):
        typical = float(np.median(lengths[allowed]))
        max_words = budget.words
        if budget.sentences is not None and max_words is None:
            # N sentences of typical length, not the N longest: top_up fills any slot left
            max_words = int(budget.sentences * typical)
        expected = budget.sentences or math.ceil((budget.words or 0) / max(typical, 1.0))
        size = min(coverage.exact_candidates, max(POOL_FLOOR, POOL_PER_SENTENCE * expected))
        anchored = [a if leans[i] else () for i, a in enumerate(leans_on)] if by_anchor else None
        pool = candidate_pool(concepts, lengths, allowed, size, anchored)
        picked = ilp_select(
            concepts, lengths, scores, candidates=pool, max_words=max_words,
            max_sentences=budget.sentences,
            exclusive=similar_pairs(vectors, pool, selection_config.near_duplicate),
            leans_on=anchored, overlap_penalty=coverage.overlap_penalty)
        if picked is not None:
            for i in picked:
                selection.take(i)
            return top_up(concepts, scores, selection, redundancy=selection_config.redundancy,
                          overlap_penalty=coverage.overlap_penalty)
    return coverage_select(concepts, scores, selection, length_exponent=coverage.length_exponent)


def table_row(text: str) -> bool:
    """Whether a "sentence" is a row of a table (cells between " | ", as a page's tables are
    read): data, never a sentence of a brief."""
    return text.count(" | ") >= 2


def _allowed(corpus: Corpus, config: Config, lengths: np.ndarray, leans: np.ndarray,
             leans_on: Sequence[Sequence[int]], background: Corpus | None) -> np.ndarray:
    """The sentences that may be chosen: within the length bounds, no table row, not dangling
    (by ``[sentences] dangling``), not already said by the background. When the rules leave
    nothing, the length bounds alone decide (a brief of something beats an empty one)."""
    within = eligible(lengths, config.sentences)
    allowed = within & ~np.array([table_row(s.text) for s in corpus.sentences], dtype=bool)
    mode = config.sentences.dangling
    if mode == "drop":
        allowed &= ~leans
    elif mode == "anchor":  # one with nothing before it to lean on can never be anchored
        allowed &= ~(leans & np.array([not a for a in leans_on], dtype=bool))
    if background is not None and len(background):
        allowed &= (background_similarity(corpus, background)
                    < config.update.max_background_similarity)
    return allowed if allowed.any() else within


def _display_order(corpus: Corpus, order: str, picked: Sequence[int], scores: np.ndarray,
                   lengths: np.ndarray, budget: Budget) -> list[int]:
    """``picked`` in the configured order. With a fill target, the sentence that runs over
    the limit stays last, where evaluation cuts it."""
    shown, overflow = list(picked), []
    if budget.fill and budget.words is not None and shown and \
            lengths[shown].sum() > budget.words:
        overflow = [shown.pop()]
    if order == "story":
        shown = story_order(corpus, shown, scores)
    elif order == "source":
        shown.sort(key=lambda i: (corpus.sentences[i].first.article,
                                  corpus.sentences[i].first.position))
    return shown + overflow


def _title(corpus: Corpus, chosen: Sequence[Chosen]) -> str | None:
    """The headline of the article the first sentence shown came from, else the first
    headline."""
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
