"""ROUGE-N and ROUGE-L with references pooled, as ROUGE-1.5.5 does with ``-f A``.

Tokens come from Google's ``rouge-score`` (lower-case alphanumerics, Porter stemming, stop
words kept). The summary and each reference are first cut to their first ``limit`` words
(whitespace-separated, like ROUGE-1.5.5's ``-l``). With several references, hits and counts
are summed over them: recall = Σ hits / Σ reference n-grams, precision = Σ hits /
(references * summary n-grams). ROUGE-L hits are longest-common-subsequence lengths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MEASURES = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float
    f1: float


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rouge_score.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=True)


def tokens(text: str, limit: int | None) -> list[str]:
    if limit is not None:
        text = " ".join(text.split()[:limit])
    return list(_tokenizer().tokenize(text))


def _ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence, by the usual dynamic programme in two rows."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _score(hits: int, reference_total: int, summary_total: int) -> Score:
    recall = hits / reference_total if reference_total else 0.0
    precision = hits / summary_total if summary_total else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return Score(recall, precision, f1)


def rouge(summary: str, references: Sequence[str], *, limit: int | None = 100
          ) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of ``summary`` against pooled ``references``."""
    system = tokens(summary, limit)
    refs = [tokens(r, limit) for r in references]
    scores: dict[str, Score] = {}
    for n in (1, 2):
        mine = _ngrams(system, n)
        theirs = [_ngrams(r, n) for r in refs]
        hits = sum(sum((mine & ref).values()) for ref in theirs)
        scores[f"rouge{n}"] = _score(hits, sum(sum(r.values()) for r in theirs),
                                     len(refs) * sum(mine.values()))
    lcs_hits = sum(lcs_length(system, r) for r in refs)
    scores["rougeL"] = _score(lcs_hits, sum(len(r) for r in refs), len(refs) * len(system))
    return scores
