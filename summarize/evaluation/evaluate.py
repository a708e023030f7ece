"""Compare our summariser with its variants, with peers and with published systems, by ROUGE.

Every system gets the same clusters and the same word limit (100 by default); each summary is
scored with :func:`summarize.evaluation.rouge.score` against the cluster's references (pooled, or
jackknifed as NIST scores DUC), and scores are averaged over clusters, with a bootstrap
confidence interval and, against a named baseline, a paired bootstrap test
(:mod:`summarize.evaluation.stats`). Systems:

* ``summarize``: the configuration in force (whatever ``--config`` makes it), filling the limit;
* selection variants of it: ``ilp`` (exact concept coverage), ``coverage`` (its greedy
  approximation), ``mmr`` (Maximal Marginal Relevance), ``no-redundancy`` (no near-duplicate
  rule and, for MMR, λ = 1);
* ablations of the exact selection, each changing one choice of the default: ``ilp-anchored``
  (a dangling sentence with the one it leans on), ``ilp-dangling-allowed``,
  ``ilp-document-weights`` (concepts weighed by the articles that have them, the default
  before learned weights), and with those weights ``ilp-no-lead-bonus`` and ``ilp-share-0.3``
  (concepts in 30% of the articles, the old floor); ``ilp-probability-0.1`` (learned weights,
  fewer concepts),
  ``ilp-min-6-words``, ``ilp-no-fill`` (the brief stops short of the limit),
  ``ilp-no-background`` (update clusters' background ignored);
* scorer variants, selecting by MMR (under coverage the scores only break ties, so the scorer
  would hardly show): ``mmr-tfidf``, ``mmr-textrank``, ``mmr-no-position``,
  ``mmr-no-redundancy``;
* ``lead``: the first ``limit`` words of the first document;
* sumy's ``lexrank``, ``sumy-textrank``, ``lsa``, ``luhn``, ``sumbasic``, ``kl``,
  ``reduction``, given our merged sentences, each taking sentences in its own rating order
  until the limit is full;
* peers: summaries made elsewhere (``--peers``), scored as they are.

A cluster's ``background`` articles (update sets) are given to the systems that use them (ours,
except ``ilp-no-background``); the others ignore them. Each system's time covers merging and
summarising every cluster, after one untimed warm-up run (imports).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from summarize.brief.scorers import build
from summarize.brief.select import Budget
from summarize.brief.vectors import Features
from summarize.config import Config
from summarize.evaluation.dataset import Cluster
from summarize.evaluation.rouge import MEASURES, Score, Tokenize, score
from summarize.evaluation.stats import Comparison, interval, paired_test
from summarize.model import Article, Corpus
from summarize.text.detect import resolve
from summarize.text.merge import merge

Summariser = Callable[[Cluster, Config, int], str]
Peers = Mapping[str, Mapping[str, str]]  # system -> cluster id -> summary
PEERS = ("lexrank", "sumy-textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")
TESTED = ("rouge1", "rouge2")  # measures given intervals and tests (recall)


def _corpus(articles: Sequence[Article], config: Config) -> Corpus:
    return merge(articles, language=resolve(config.language, articles),
                 features=config.features)


def _ours(adjust: Callable[[Config], Config], *, background: bool = True,
          fill: bool = True) -> Summariser:
    def run(cluster: Cluster, config: Config, limit: int) -> str:
        from summarize.brief.pipeline import summarize_corpus

        config = adjust(config)
        known = _corpus(cluster.background, config) \
            if background and cluster.background else None
        brief = summarize_corpus(_corpus(cluster.articles, config), config,
                                 budget=Budget(words=limit, fill=fill), background=known)
        return brief.text
    return run


def _replace(config: Config, section: str, **changes: object) -> Config:
    return dataclasses.replace(
        config, **{section: dataclasses.replace(getattr(config, section), **changes)})


def _exact(section: str | None = None, **changes: object) -> Callable[[Config], Config]:
    """The configuration in force, selecting exactly, with one section changed."""
    def adjust(config: Config) -> Config:
        config = _replace(config, "selection", method="ilp")
        return _replace(config, section, **changes) if section else config
    return adjust


def _lead(cluster: Cluster, config: Config, limit: int) -> str:
    return " ".join(" ".join(cluster.articles[0].paragraphs).split()[:limit])


def _peer(algorithm: str) -> Summariser:
    def run(cluster: Cluster, config: Config, limit: int) -> str:
        corpus = _corpus(cluster.articles, config)
        scores = build(algorithm, config).score(Features(corpus, config.features))
        order = sorted(range(len(corpus)), key=lambda i: (-scores[i], i))
        picked: list[str] = []
        used = 0
        for i in order:
            if used >= limit:
                break
            picked.append(corpus.sentences[i].text)
            used += corpus.sentences[i].words
        return " ".join(picked)
    return run


def _mmr_with(section: str, **changes: object) -> Callable[[Config], Config]:
    return lambda c: _replace(_replace(c, section, **changes), "selection", method="mmr")


SYSTEMS: dict[str, Summariser] = {
    "summarize": _ours(lambda c: c),
    "ilp": _ours(_exact()),
    "coverage": _ours(lambda c: _replace(c, "selection", method="coverage")),
    "mmr": _ours(lambda c: _replace(c, "selection", method="mmr")),
    "no-redundancy": _ours(lambda c: _replace(c, "selection", redundancy=1.0,
                                              near_duplicate=1.0)),
    "ilp-anchored": _ours(_exact("sentences", dangling="anchor")),
    "ilp-dangling-allowed": _ours(_exact("sentences", dangling="allow")),
    "ilp-document-weights": _ours(_exact("coverage", weights="documents", overlap_penalty=0.0)),
    "ilp-no-lead-bonus": _ours(_exact("coverage", weights="documents", lead_bonus=0.0,
                                      overlap_penalty=0.0)),
    "ilp-share-0.3": _ours(_exact("coverage", weights="documents", min_document_share=0.3,
                                  overlap_penalty=0.0)),
    "ilp-probability-0.1": _ours(_exact("coverage", min_probability=0.1)),
    "ilp-no-overlap-penalty": _ours(_exact("coverage", overlap_penalty=0.0)),
    "ilp-min-6-words": _ours(_exact("sentences", min_words=6)),
    "ilp-no-fill": _ours(_exact(), fill=False),
    "ilp-no-background": _ours(_exact(), background=False),
    "mmr-tfidf": _ours(_mmr_with("selection", algorithm="tfidf")),
    "mmr-textrank": _ours(_mmr_with("selection", algorithm="textrank")),
    "mmr-no-position": _ours(_mmr_with("weights", position=0.0)),
    "mmr-no-redundancy": _ours(lambda c: _replace(c, "selection", method="mmr",
                                                  redundancy=1.0, near_duplicate=1.0)),
    "lead": _lead,
    **{name: _peer(name) for name in PEERS},
}


@dataclass(frozen=True, slots=True)
class SystemResult:
    name: str
    per_cluster: dict[str, dict[str, Score]]  # cluster id -> measure -> score
    seconds: float | None  # None: summaries made elsewhere (a peer)
    scores: dict[str, Score] = field(default_factory=dict)  # averaged over clusters
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)  # recall, 95%
    versus: dict[str, Comparison] = field(default_factory=dict)  # recall against the baseline
    summaries: dict[str, str] = field(default_factory=dict)  # cluster id -> summary

    @property
    def clusters(self) -> int:
        return len(self.per_cluster)


def evaluate(clusters: Sequence[Cluster], systems: Sequence[str], config: Config, *,
             limit: int = 100, peers: Peers | None = None, baseline: str | None = None,
             jackknife: bool = False, stem: bool = True, tokenize: Tokenize | None = None
             ) -> list[SystemResult]:
    """Score each named system, then each peer, on the clusters that have references
    (``stem=False``: ROUGE without stemming; ``tokenize``: other tokens than each language's,
    see :func:`summarize.evaluation.rouge.ascii_tokens`)."""
    scored = [c for c in clusters if c.references]
    raw: list[tuple[str, dict[str, str], float | None]] = []  # name, summaries, seconds
    for name in systems:
        summarise = SYSTEMS[name]
        if scored:
            summarise(scored[0], config, limit)  # warm-up: imports and caches off the clock
        start = time.perf_counter()
        summaries = {cluster.id: summarise(cluster, config, limit) for cluster in scored}
        raw.append((name, summaries, time.perf_counter() - start))
    known = {c.id for c in scored}
    for name, by_cluster in (peers or {}).items():
        raw.append((name, {k: v for k, v in by_cluster.items() if k in known}, None))
    references = {c.id: c.references for c in scored}
    languages = {c.id: resolve(config.language, c.articles) for c in scored}
    results = [
        dataclasses.replace(_summarised(name, {
            cid: score(text, references[cid], limit=limit, jackknife=jackknife,
                       peer=seconds is None, language=languages[cid], stem=stem,
                       tokenize=tokenize)
            for cid, text in summaries.items()}, seconds), summaries=summaries)
        for name, summaries, seconds in raw
    ]
    if baseline is not None:
        base = next(r for r in results if r.name == baseline)
        results = [dataclasses.replace(r, versus=_versus(r, base)) for r in results]
    return results


def _summarised(name: str, per_cluster: dict[str, dict[str, Score]],
                seconds: float | None) -> SystemResult:
    means = {m: Score(*(float(np.mean([getattr(c[m], f) for c in per_cluster.values()]))
                        if per_cluster else 0.0 for f in ("recall", "precision", "f1")))
             for m in MEASURES}
    intervals = {m: interval([c[m].recall for c in per_cluster.values()]) for m in TESTED}
    return SystemResult(name, per_cluster, seconds, means, intervals)


def _versus(result: SystemResult, base: SystemResult) -> dict[str, Comparison]:
    shared = [cid for cid in result.per_cluster if cid in base.per_cluster]
    return {m: paired_test([result.per_cluster[c][m].recall for c in shared],
                           [base.per_cluster[c][m].recall for c in shared], base.name)
            for m in TESTED}
