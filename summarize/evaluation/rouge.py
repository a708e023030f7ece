"""ROUGE-N and ROUGE-L with references pooled, as ROUGE-1.5.5 does with ``-f A``, or jackknifed.

English tokens come from Google's ``rouge-score`` (lower-case alphanumerics, Porter
stemming, stop words kept); other languages' from :func:`tokens`. The summary and each
reference are first cut to their first ``limit`` words (whitespace-separated, like
ROUGE-1.5.5's ``-l``). With several references, hits and counts
are summed over them: recall = Σ hits / Σ reference n-grams, precision = Σ hits /
(references * summary n-grams). ROUGE-L hits are longest-common-subsequence lengths.

NIST's published DUC scores are jackknifed (:func:`score`): with ``k`` references, the
mean of the ``k`` scores against each set of ``k - 1``, so that systems are scored as the
human summarisers are (a human's own summary is never a reference for it). A peer summary
that is itself one of the references (a human's) is scored against the others only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summarize.text.tokens import MARKS

MEASURES = ("rouge1", "rouge2", "rougeL")
Tokenize = Callable[[str, "int | None"], list[str]]  # text, word limit -> tokens


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float
    f1: float


@lru_cache(maxsize=2)
def _tokenizer(stem: bool) -> Any:
    from rouge_score.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=stem)


_UNICODE_WORD = re.compile(f"(?:[^\\W_]|[{MARKS}])+")
_NO_SPACES = frozenset({"zh", "ja"})


def tokens(text: str, limit: int | None, language: str = "en", *, stem: bool = True
           ) -> list[str]:
    """``text``'s ROUGE tokens, the first ``limit`` words of it. English: ``rouge-score``'s
    (as every published English figure). Other languages, where its ``[a-z0-9]`` would keep
    nothing of Russian or Chinese and make "Übernahme" "bernahm": lower-cased Unicode words,
    stemmed by that language's Snowball stemmer where it has one; Chinese and Japanese, which
    put no spaces between words, one token per character (letters and digits), the limit
    counting those. ``stem=False``: no stemming (as MultiLing 2011 published its ROUGE)."""
    if language == "en":
        return list(_tokenizer(stem).tokenize(_cut(text, limit)))
    if language in _NO_SPACES:
        found = [c for c in text.lower() if c.isalnum()]
        return found[:limit] if limit is not None else found
    stemmed = _stemmer(language) if stem else str
    return [stemmed(word) for word in _UNICODE_WORD.findall(_cut(text, limit).lower())]


def _cut(text: str, limit: int | None) -> str:
    """The first ``limit`` whitespace-separated words of ``text`` (all of it: None)."""
    return text if limit is None else " ".join(text.split()[:limit])


def ascii_tokens(text: str, limit: int | None) -> list[str]:
    """The tokens ROUGE-1.5.5 counts in UTF-8 text, as MultiLing 2011 ran it: lower-cased runs
    of ASCII letters and digits, every other byte a separator (of Greek only Latin names and
    numbers are left). For checking published figures, never for judging a brief."""
    return _ASCII_RUN.findall(_cut(text, limit).lower())


_ASCII_RUN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Callable[[str], str]:
    from summarize.text.languages import language as language_of
    from summarize.text.languages import stemmer

    algorithm = language_of(language).stemmer
    return stemmer(algorithm) if algorithm else str


def _ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence, bit-parallel (Allison & Dix 1986; Hyyrö 2004).

    Each bit of ``row`` stands for a position of ``b``; one pass of big-integer arithmetic
    per token of ``a`` does the work of a whole row of the usual dynamic programme.
    """
    if not a or not b:
        return 0
    where: dict[str, int] = {}
    for j, token in enumerate(b):
        where[token] = where.get(token, 0) | (1 << j)
    full = (1 << len(b)) - 1
    row = full
    for token in a:
        match = row & where.get(token, 0)
        row = ((row + match) | (row - match)) & full
    return len(b) - row.bit_count()


def _score(hits: int, reference_total: int, summary_total: int) -> Score:
    recall = hits / reference_total if reference_total else 0.0
    precision = hits / summary_total if summary_total else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return Score(recall, precision, f1)


# per measure: (hits, reference n-grams, summary n-grams) against one reference
_Counts = dict[str, tuple[int, int, int]]


def _counts(system: Sequence[str], reference: Sequence[str]) -> _Counts:
    counts: _Counts = {}
    for n in (1, 2):
        mine, theirs = _ngrams(system, n), _ngrams(reference, n)
        counts[f"rouge{n}"] = (sum((mine & theirs).values()), sum(theirs.values()),
                               sum(mine.values()))
    counts["rougeL"] = (lcs_length(system, reference), len(reference), len(system))
    return counts


def _pooled(per_reference: Sequence[_Counts]) -> dict[str, Score]:
    return {m: _score(sum(c[m][0] for c in per_reference), sum(c[m][1] for c in per_reference),
                      sum(c[m][2] for c in per_reference))
            for m in MEASURES}


def _tokenizer_for(language: str, stem: bool, tokenize: Tokenize | None) -> Tokenize:
    return tokenize or (lambda text, limit: tokens(text, limit, language, stem=stem))


def rouge(summary: str, references: Sequence[str], *, limit: int | None = 100,
          language: str = "en", stem: bool = True, tokenize: Tokenize | None = None
          ) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of ``summary`` against pooled ``references`` (tokens by
    :func:`tokens`, or by ``tokenize``)."""
    words = _tokenizer_for(language, stem, tokenize)
    system = words(summary, limit)
    return _pooled([_counts(system, words(r, limit)) for r in references])


def _same(a: str, b: str) -> bool:
    return a.split() == b.split()


def score(summary: str, references: Sequence[str], *, limit: int | None = 100,
          jackknife: bool = False, peer: bool = False, language: str = "en",
          stem: bool = True, tokenize: Tokenize | None = None) -> dict[str, Score]:
    """ROUGE of ``summary``, pooled or (``jackknife``) as NIST's DUC evaluation computes it
    (see the module's docstring). A ``peer`` summary (one made elsewhere, maybe by one of the
    references' authors) is not scored against a reference identical to it."""
    others = [r for r in references if not (peer and _same(r, summary))]
    if not jackknife or len(others) < len(references) or len(others) < 2:
        return rouge(summary, others, limit=limit, language=language, stem=stem,
                     tokenize=tokenize)
    words = _tokenizer_for(language, stem, tokenize)
    system = words(summary, limit)
    counts = [_counts(system, words(r, limit)) for r in others]
    folds = [_pooled(counts[:k] + counts[k + 1:]) for k in range(len(counts))]
    return {m: Score(*(sum(getattr(f[m], field) for f in folds) / len(folds)
                       for field in ("recall", "precision", "f1")))
            for m in MEASURES}
