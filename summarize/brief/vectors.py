"""Shared sentence maths, written once: TF-IDF vectors and the similarities between them
(the similarity graph and PageRank: :mod:`summarize.brief.graph`).

All matrices are ``scipy.sparse`` CSR. Sentence vectors are L2-normalised, so a dot product is
a cosine similarity. TF-IDF salience, TextRank and the redundancy penalty all read the same
vectors, so the pipeline computes them once per corpus (:class:`Features`) and passes them
along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from summarize.config import FeatureConfig
from summarize.lazy import defer_unused
from summarize.model import Corpus
from summarize.text.tokens import Memo

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Bound on the entries of one block of the background similarity product, to keep memory flat.
_BLOCK_CELLS = 8_000_000


@dataclass(frozen=True)
class Features:
    """A corpus and its sentence vectors, computed on first use and then kept: what every
    scorer, and the selection after them, reads."""

    corpus: Corpus
    settings: FeatureConfig = field(default_factory=FeatureConfig)

    @cached_property
    def counts(self) -> csr_matrix:
        """Term counts, one row per sentence, one column per n-gram of the sentences' terms
        (stemmed, stop words out), up to ``settings.ngram_max`` words: scikit-learn's
        ``CountVectorizer``'s counts, counted by :func:`ngram_counts`."""
        return self._counted[0]

    @cached_property
    def unigrams(self) -> np.ndarray:
        """Which columns of :attr:`counts` are single terms (not n-grams)."""
        return self._counted[1]

    @cached_property
    def membership(self) -> csr_matrix:
        """One row per article, one column per sentence: 1 where the article has it."""
        from scipy.sparse import csr_matrix

        rows, cols = [], []
        for sentence in self.corpus.sentences:
            for article in sentence.articles:
                rows.append(article)
                cols.append(sentence.id)
        shape = (len(self.corpus.articles), len(self.corpus))
        return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)

    @cached_property
    def vectors(self) -> csr_matrix:
        """One L2-normalised TF-IDF row per sentence, from scikit-learn's ``TfidfTransformer``.

        Inverse document frequency is counted over the corpus's articles (``idf =
        "documents"``: an article's counts are the sum of its sentences') or its sentences
        (``"sentences"``), so that words every article repeats do not dominate only because
        they recur sentence after sentence.
        """
        if not self.counts.nnz:  # no terms at all: nothing to weigh
            return self.counts
        defer_unused()
        from sklearn.feature_extraction.text import TfidfTransformer

        transformer = TfidfTransformer(norm="l2", sublinear_tf=self.settings.sublinear_tf)
        fitted = transformer.fit(self.membership @ self.counts
                                 if self.settings.idf == "documents" else self.counts)
        return fitted.transform(self.counts).tocsr()

    @cached_property
    def _counted(self) -> tuple[csr_matrix, np.ndarray]:
        return ngram_counts([s.terms for s in self.corpus.sentences], self.settings.ngram_max)


def ngram_counts(documents: list[tuple[str, ...]], ngram_max: int
                 ) -> tuple[csr_matrix, np.ndarray]:
    """The counts of scikit-learn's ``CountVectorizer(ngram_range=(1, ngram_max))`` for
    documents of these terms, and which columns are single terms; counted on integer ids with
    numpy (the vectorizer builds a string per n-gram of every sentence; here no n-gram becomes
    a string). The columns are numbered by first appearance (a sentence's terms, then its
    bigrams, ..., sentence after sentence), and each row lists its n-grams in that order: the
    order in which the vectorizer's rows list them, so every product after adds as it did."""
    from scipy.sparse import csr_matrix

    ids: Memo[str, int] = Memo(lambda term: len(ids))  # term -> id, by first appearance
    flat = list(map(ids.__getitem__, chain.from_iterable(documents)))
    if not flat:
        return csr_matrix((len(documents), 1), dtype=np.float64), np.zeros(1, dtype=bool)
    lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
    tokens = np.array(flat, dtype=np.int64)
    row_of = np.repeat(np.arange(len(documents)), lengths)
    size, position = len(ids), np.arange(len(tokens))
    rows, keys, sizes, places = [], [], [], []
    offset = 0  # n-grams of each length numbered apart: [0, size), then [size, size + size^2)
    for n in range(1, min(ngram_max, len(tokens)) + 1):
        same = row_of[:len(tokens) - n + 1] == row_of[n - 1:]
        key = np.zeros(int(same.sum()), dtype=np.int64)
        for k in range(n):
            key = key * size + tokens[k:len(tokens) - n + 1 + k][same]
        keys.append(key + offset)
        offset += size ** n
        rows.append(row_of[:len(tokens) - n + 1][same])
        sizes.append(np.full(len(key), n))
        places.append(position[:len(tokens) - n + 1][same])
    row, key = np.concatenate(rows), np.concatenate(keys)
    shown = np.lexsort((np.concatenate(places), np.concatenate(sizes), row))
    distinct, first, column = np.unique(key[shown], return_index=True, return_inverse=True)
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(distinct))
    cells, count = np.unique(row[shown] * len(distinct) + rank[column.ravel()],
                             return_counts=True)
    entry_row, entry_column = cells // len(distinct), cells % len(distinct)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(entry_row, minlength=len(documents)))])
    counts = csr_matrix((count.astype(np.float64), entry_column, indptr),
                        shape=(len(documents), len(distinct)))
    unigram = np.zeros(len(distinct), dtype=bool)
    unigram[rank[distinct < size]] = True
    return counts, unigram


def tfidf_vectors(corpus: Corpus, settings: FeatureConfig) -> csr_matrix:
    """:attr:`Features.vectors` of ``corpus`` under ``settings``, computed afresh."""
    return Features(corpus, settings).vectors


def min_max(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1]; a constant array (no information) becomes all zeros."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    if not np.isfinite(low) or not np.isfinite(high) or high - low <= 1e-12:
        return np.zeros_like(values)
    return (values - low) / (high - low)


def similarities_to(vectors: csr_matrix, postings: csr_matrix, i: int) -> np.ndarray:
    """Cosine similarity of sentence ``i`` to every sentence.

    ``postings`` is ``vectors.T`` as CSR (one row of sentences per term). Only the postings of
    ``i``'s own terms are read, so one call costs the length of those lists, not the size of
    the matrix: 30 times less than ``vectors @ vectors[i].T`` at 50,000 sentences.
    """
    start, end = vectors.indptr[i], vectors.indptr[i + 1]
    terms, weights = vectors.indices[start:end], vectors.data[start:end]
    return np.asarray(postings[terms].T @ weights, dtype=np.float64).ravel()


def similar_pairs(vectors: csr_matrix, rows: np.ndarray, threshold: float) -> np.ndarray:
    """The pairs ``(a, b)``, ``a < b``, of ``rows`` whose cosine similarity reaches
    ``threshold``, as a ``(k, 2)`` array of row indices."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    sub = vectors[rows]
    product = (sub @ sub.T).tocoo()
    keep = (product.data >= threshold) & (product.row < product.col)
    return np.stack([rows[product.row[keep]], rows[product.col[keep]]], axis=1)


def background_similarity(corpus: Corpus, background: Corpus) -> np.ndarray:
    """For each sentence of ``corpus``, its highest cosine similarity to a ``background``
    sentence, over plain TF-IDF of their terms with IDF counted over both sets of sentences.

    Computed in row blocks, so a large background never needs the whole product at once.
    """
    defer_unused()
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(s.terms) for s in corpus.sentences]
    known = [" ".join(s.terms) for s in background.sentences]
    if not any(docs) or not any(known):
        return np.zeros(len(docs))
    vectorizer = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                                 dtype=np.float64).fit(docs + known)
    ours = vectorizer.transform(docs).tocsr()
    theirs = vectorizer.transform(known).T.tocsr()
    block = max(1, _BLOCK_CELLS // max(len(known), 1))
    best = [np.asarray((ours[start:start + block] @ theirs).max(axis=1).todense()).ravel()
            for start in range(0, len(docs), block)]
    return np.concatenate(best)
