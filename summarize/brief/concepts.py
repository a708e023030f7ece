"""Concepts: the units of content that coverage-based selection tries to include.

A concept is a stemmed word bigram of a sentence, except a bigram of two stop words ("of the"),
as in ICSISumm (Gillick & Favre 2009, "A Scalable Global Model for Summarization"). Its weight
is the number of articles that contain it, plus ``lead_bonus`` for each article that has it in
one of its first ``lead_sentences`` sentences: what several outlets report is the story, and
what they report first is its core (news is an inverted pyramid). A concept counts only when
at least ``max(2, ceil(min_share * articles))`` articles contain it; rarer ones are one outlet's
aside, and would make the optimisation larger without making briefs better.

These choices were made on development data (DUC 2006 and the DUC 2007 update task); the
ablation table is in BENCHMARKS.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from summarize.lazy import defer_unused
from summarize.model import Corpus
from summarize.text.languages import language as language_of
from summarize.text.languages import stemmer, stop_words
from summarize.text.tokens import words

Concept = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Concepts:
    """Per sentence, the ids of its weighted concepts; per concept id, its weight."""

    of_sentence: tuple[tuple[int, ...], ...]
    weights: np.ndarray

    def gain(self, i: int, covered: set[int] | None = None) -> float:
        """The weight sentence ``i`` would add to ``covered`` (all of its concepts: None)."""
        return float(sum(self.weights[c] for c in self.of_sentence[i]
                         if covered is None or c not in covered))


Stemmer = Callable[[str], "tuple[str, bool] | None"]


@lru_cache(maxsize=4)
def stems(language: str) -> Stemmer:
    """A function from a lower-case word to its stem and whether it is a stop word (or too
    short to carry meaning); None for a token that is only punctuation. Cached per word."""
    defer_unused()
    spoken = language_of(language)
    stops = stop_words(spoken.code)
    stem_word = stemmer(spoken.stemmer) if spoken.stemmer else str
    short = 2 if spoken.words == "unicode" else 1  # a Chinese word may be one character
    analysed: dict[str, tuple[str, bool] | None] = {}

    def stem(raw: str) -> tuple[str, bool] | None:
        if raw in analysed:
            return analysed[raw]
        word = raw.replace("'s", "").strip("'.")
        found = (stem_word(word), word in stops or len(word) < short) if word else None
        analysed[raw] = found
        return found

    return stem


def pairs_of(tokens: list[tuple[str, bool]]) -> dict[Concept, bool]:
    """The distinct concepts of a sentence's (stem, stop word) tokens, in order, each with
    whether it holds a stop word."""
    return dict(((a, b), stop_a or stop_b) for (a, stop_a), (b, stop_b) in pairwise(tokens)
                if not (stop_a and stop_b))


@lru_cache(maxsize=4)
def bigram_analyzer(language: str) -> Callable[[str], tuple[Concept, ...]]:
    """A function from a sentence to its distinct concepts in order of appearance (see the
    module's docstring)."""
    stem = stems(language)

    def concepts(text: str) -> tuple[Concept, ...]:
        tokens = [found for raw in words(text.lower(), language)
                  if (found := stem(raw)) is not None]
        return tuple(pairs_of(tokens))

    return concepts


def extract(corpus: Corpus, *, min_share: float, lead_sentences: int,
            lead_bonus: float) -> Concepts:
    """The corpus's weighted concepts. Ids follow first appearance, so they are stable."""
    from scipy.sparse import csr_matrix

    analyse = bigram_analyzer(corpus.language)
    ids: dict[Concept, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    for sentence in corpus.sentences:
        indices.extend(ids.setdefault(c, len(ids)) for c in analyse(sentence.text))
        indptr.append(len(indices))
    n = len(corpus.sentences)
    has = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, len(ids)))
    # articles x sentences: where each sentence occurs, and where among the first sentences
    where = [(o.article, s.id, o.position < lead_sentences)
             for s in corpus.sentences for o in s.occurrences]
    articles = np.array([w[0] for w in where], dtype=np.int64)
    sentences = np.array([w[1] for w in where], dtype=np.int64)
    early = np.array([w[2] for w in where], dtype=bool)
    shape = (len(corpus.articles), n)
    occurs = csr_matrix((np.ones(len(where)), (articles, sentences)), shape=shape)
    leads = csr_matrix((np.ones(int(early.sum())), (articles[early], sentences[early])),
                       shape=shape)
    found = np.asarray(((occurs @ has) > 0).sum(axis=0)).ravel()
    early_found = np.asarray(((leads @ has) > 0).sum(axis=0)).ravel()
    floor = max(2, math.ceil(min_share * len(corpus.articles)))
    kept = np.flatnonzero(found >= floor)
    renumber = np.full(len(ids), -1, dtype=np.int64)
    renumber[kept] = np.arange(len(kept))
    new_id = renumber.tolist()
    of_sentence = tuple(
        tuple(sorted(new_id[c] for c in indices[indptr[i]:indptr[i + 1]] if new_id[c] >= 0))
        for i in range(n))
    weights = found[kept] + lead_bonus * early_found[kept]
    return Concepts(of_sentence, weights.astype(np.float64))
