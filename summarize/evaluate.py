"""Compare our summariser with its variants and with peers on a dataset, by ROUGE.

Every system gets the same clusters and the same word limit (100 by default) and each of its
summaries is scored with :func:`summarize.rouge.rouge` against the cluster's pooled references;
scores are averaged over clusters. Systems:

* ``summarize``: the default configuration (whatever ``--config`` makes it), filling the limit;
* selection variants, with the configured scores: ``coverage``, ``mmr``, and
  ``no-redundancy`` (no near-duplicate rule and, for MMR, λ = 1);
* scorer variants, selecting by MMR (under coverage the scores only break ties, so the scorer
  would hardly show): ``mmr-tfidf`` (TF-IDF only), ``mmr-textrank`` (TextRank only),
  ``mmr-no-position`` (position weight 0), ``mmr-no-redundancy`` (λ = 1, only exact repeats
  excluded);
* ``lead``: the first ``limit`` words of the first document;
* sumy's ``lexrank``, ``sumy-textrank``, ``lsa``, ``luhn``, ``sumbasic``, ``kl``,
  ``reduction``, given our merged sentences, each taking sentences in its own rating order
  until the limit is full.

Each system's time covers merging and summarising every cluster, after one untimed warm-up
run (imports).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from summarize.config import Config
from summarize.dataset import Cluster
from summarize.merge import merge
from summarize.model import Corpus
from summarize.rouge import MEASURES, Score, rouge
from summarize.scorers.sumy_adapter import SumyScorer
from summarize.select import Budget

Summariser = Callable[[Cluster, Config, int], str]
PEERS = ("lexrank", "sumy-textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")


def _corpus(cluster: Cluster, config: Config) -> Corpus:
    return merge(cluster.articles, language=config.language, features=config.features)


def _ours(adjust: Callable[[Config], Config]) -> Summariser:
    def run(cluster: Cluster, config: Config, limit: int) -> str:
        from summarize.pipeline import summarize_corpus
        from summarize.render import summary_text

        config = adjust(config)
        brief = summarize_corpus(_corpus(cluster, config), config,
                                 budget=Budget(words=limit, fill=True))
        return summary_text(brief)
    return run


def _replace(config: Config, section: str, **changes: object) -> Config:
    return dataclasses.replace(
        config, **{section: dataclasses.replace(getattr(config, section), **changes)})


def _lead(cluster: Cluster, config: Config, limit: int) -> str:
    return " ".join(" ".join(cluster.articles[0].paragraphs).split()[:limit])


def _peer(algorithm: str) -> Summariser:
    def run(cluster: Cluster, config: Config, limit: int) -> str:
        corpus = _corpus(cluster, config)
        scores = SumyScorer(algorithm, config.language).score(corpus)
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


SYSTEMS: dict[str, Summariser] = {
    "summarize": _ours(lambda c: c),
    "coverage": _ours(lambda c: _replace(c, "selection", method="coverage")),
    "mmr": _ours(lambda c: _replace(c, "selection", method="mmr")),
    "no-redundancy": _ours(lambda c: _replace(c, "selection", redundancy=1.0,
                                              near_duplicate=1.0)),
    "mmr-tfidf": _ours(lambda c: _replace(c, "selection", method="mmr", algorithm="tfidf")),
    "mmr-textrank": _ours(lambda c: _replace(c, "selection", method="mmr",
                                             algorithm="textrank")),
    "mmr-no-position": _ours(lambda c: _replace(_replace(c, "weights", position=0.0),
                                                "selection", method="mmr")),
    "mmr-no-redundancy": _ours(lambda c: _replace(c, "selection", method="mmr",
                                                  redundancy=1.0, near_duplicate=1.0)),
    "lead": _lead,
    **{name: _peer(name) for name in PEERS},
}


@dataclass(frozen=True, slots=True)
class SystemResult:
    name: str
    scores: dict[str, Score]  # averaged over clusters
    seconds: float
    clusters: int


def evaluate(clusters: Sequence[Cluster], systems: Sequence[str], config: Config, *,
             limit: int = 100) -> list[SystemResult]:
    """Score each named system on the clusters that have references."""
    scored = [c for c in clusters if c.references]
    results = []
    for name in systems:
        summarise = SYSTEMS[name]
        per_cluster: list[dict[str, Score]] = []
        if scored:
            summarise(scored[0], config, limit)  # warm-up: imports and caches off the clock
        start = time.perf_counter()
        summaries = [summarise(cluster, config, limit) for cluster in scored]
        elapsed = time.perf_counter() - start
        for cluster, summary in zip(scored, summaries, strict=True):
            per_cluster.append(rouge(summary, cluster.references, limit=limit))
        results.append(SystemResult(name, _average(per_cluster), elapsed, len(scored)))
    return results


def _average(per_cluster: Sequence[dict[str, Score]]) -> dict[str, Score]:
    if not per_cluster:
        return {m: Score(0.0, 0.0, 0.0) for m in MEASURES}
    return {
        m: Score(*(float(np.mean([getattr(c[m], f) for c in per_cluster]))
                   for f in ("recall", "precision", "f1")))
        for m in MEASURES
    }
