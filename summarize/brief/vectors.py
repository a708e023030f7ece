"""Shared sentence maths, written once: TF-IDF vectors, similarity graph, power iteration.

All matrices are ``scipy.sparse`` CSR. Sentence vectors are L2-normalised, so a dot product is
a cosine similarity. TF-IDF salience, TextRank and the redundancy penalty all read the same
vectors, so the pipeline computes them once per corpus (:class:`Features`) and passes them
along.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from summarize.config import FeatureConfig
from summarize.lazy import defer_unused
from summarize.model import Corpus
from summarize.text.segment import Memo

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Bound on the entries of one block of the similarity product, to keep memory flat.
_BLOCK_CELLS = 8_000_000
# Bound on the products one block of the similarity graph computes (4 million was the fastest
# at 50,000 sentences: larger blocks fall out of the processor's caches), and on its rows.
_GRAPH_WORK = 4_000_000
_GRAPH_ROWS = 4_000
# From this many sentences, the graph multiplies only the pairs that may reach its threshold;
# a term in more than this share of the sentences is common there.
_PRUNE_FROM = 5_000
_COMMON_SHARE = 0.02
_DOT_PAIRS = 200_000  # pairs whose dot products are computed at once


@dataclass(frozen=True)
class Features:
    """A corpus and its sentence vectors, computed on first use and then kept: what every
    scorer, and the selection after them, reads."""

    corpus: Corpus
    settings: FeatureConfig = field(default_factory=FeatureConfig)

    @cached_property
    def counts(self) -> csr_matrix:
        """Term counts, one row per sentence, one column per n-gram of the sentences' terms
        (stemmed, stop words out), up to ``settings.ngram_max`` words; from scikit-learn's
        ``CountVectorizer``."""
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


def similarity_graph(vectors: csr_matrix, threshold: float) -> csr_matrix:
    """Cosine similarities between distinct sentences, edges below ``threshold`` dropped.

    The graph is symmetric: each pair ``i < j`` is computed once (:func:`_pairs`) and
    mirrored. From :data:`_PRUNE_FROM` sentences on, most of the product is the postings of a
    few common terms, and few of the pairs they make reach the threshold; those pairs are
    found without it (:func:`_candidates`) and only they are computed. Either way an edge's
    value is the full dot product, its shared terms added in the one order every row keeps,
    so the graph is the same to the last bit.
    """
    from scipy.sparse import coo_matrix, csr_matrix

    n = vectors.shape[0]
    if n == 0:
        return csr_matrix((0, 0))
    if n < _PRUNE_FROM:
        first, second, value = _pairs(vectors, lambda i, j, v: v >= threshold)
    else:
        first, second = _candidates(vectors, threshold)
        value = _dot(vectors, first, second)
        strong = value >= threshold
        first, second, value = first[strong], second[strong], value[strong]
    return coo_matrix((np.concatenate([value, value]),
                       (np.concatenate([first, second]), np.concatenate([second, first]))),
                      shape=(n, n)).tocsr()


def _pairs(rows: csr_matrix, keep: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The products of the pairs of rows ``i < j`` that share a column, where ``keep(i, j,
    value)`` holds.

    A block of rows starting at ``s`` is multiplied with the postings of rows ``s`` onwards
    (which shrink block by block): half the product of every pair. Blocks are sized by what
    their product can hold (each row's columns' postings), so the product of common terms never
    has to exist whole and a sparse matrix needs few blocks.
    """
    from scipy.sparse import csr_matrix

    n = rows.shape[0]
    postings = rows.T.tocsr()  # one row a column, its rows in order
    column_of = np.repeat(np.arange(postings.shape[0]), np.diff(postings.indptr))
    # an upper bound of the product's entries in each row: its columns' postings
    work = np.cumsum(np.bincount(np.repeat(np.arange(n), np.diff(rows.indptr)),
                                 weights=np.diff(postings.indptr)[rows.indices], minlength=n))
    firsts, seconds = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    values = [np.zeros(0)]
    start = 0
    while start < n:
        done = work[start - 1] if start else 0.0
        end = max(start + 1, int(np.searchsorted(work, done + _GRAPH_WORK, "right")))
        end = min(end, start + _GRAPH_ROWS, n)
        part = rows[start:end] @ postings  # columns: rows from ``start``
        row = np.repeat(np.arange(start, end), np.diff(part.indptr))
        col = part.indices + start
        chosen = np.flatnonzero((col > row) & keep(row, col, part.data))
        firsts.append(row[chosen])
        seconds.append(col[chosen])
        values.append(part.data[chosen])
        later = postings.indices >= end - start  # the rows of the next blocks
        column_of = column_of[later]
        postings = csr_matrix(
            (postings.data[later], postings.indices[later] - (end - start),
             np.concatenate([[0], np.cumsum(np.bincount(column_of,
                                                        minlength=postings.shape[0]))])),
            shape=(postings.shape[0], n - end))
        start = end
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(values)


def _candidates(vectors: csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Every pair ``i < j`` whose similarity may reach ``threshold``, and few others.

    The terms of more than :data:`_COMMON_SHARE` of the sentences are common, the others
    rare; ``f_i`` is the length of sentence ``i``'s common part. What two sentences share in
    common terms adds at most ``f_i * f_j`` (Cauchy-Schwarz), so a pair that shares a rare term
    may reach the threshold only if its rare product plus ``f_i * f_j`` does; a pair that
    shares only common terms, only if its common product does, which needs both common parts
    long (``f_i`` times the longest reaches it). Only rare postings, and the common postings
    of the few long common parts, are multiplied.
    """
    n = vectors.shape[0]
    floor = threshold - 1e-9  # below every similarity that rounding could lift to it
    document_frequency = np.bincount(vectors.indices, minlength=vectors.shape[1])
    common = (document_frequency > max(1, int(n * _COMMON_SHARE)))[vectors.indices]
    entry_row = np.repeat(np.arange(n), np.diff(vectors.indptr))
    length = np.sqrt(np.bincount(entry_row[common], weights=vectors.data[common] ** 2,
                                 minlength=n))
    first, second, _ = _pairs(_entries(vectors, entry_row, ~common),
                              lambda i, j, v: v + length[i] * length[j] >= floor)
    heavy = np.flatnonzero(length * float(length.max()) >= floor)
    if len(heavy) > 1:
        a, b, _ = _pairs(_entries(vectors, entry_row, common)[heavy],
                         lambda i, j, v: v >= floor)
        first, second = np.concatenate([first, heavy[a]]), np.concatenate([second, heavy[b]])
    key = np.unique(first * n + second)
    return key // n, key % n


def _entries(matrix: csr_matrix, entry_row: np.ndarray, mask: np.ndarray) -> csr_matrix:
    """``matrix`` with only the entries of ``mask`` (each row's kept in their order)."""
    from scipy.sparse import csr_matrix

    counts = np.bincount(entry_row[mask], minlength=matrix.shape[0])
    return csr_matrix((matrix.data[mask], matrix.indices[mask],
                       np.concatenate([[0], np.cumsum(counts)])), shape=matrix.shape)


def _dot(vectors: csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The dot products of rows ``first[k]`` and ``second[k]``, their shared columns added in
    column order from zero, as the sparse product adds them."""
    values = [np.zeros(0)]
    for start in range(0, len(first), _DOT_PAIRS):
        products = vectors[first[start:start + _DOT_PAIRS]].multiply(
            vectors[second[start:start + _DOT_PAIRS]]).tocsr()
        values.append(np.asarray(products @ np.ones(products.shape[1])).ravel())
    return np.concatenate(values)


def pagerank(graph: csr_matrix, *, damping: float, tolerance: float,
             max_iterations: int) -> np.ndarray:
    """Weighted PageRank by power iteration (Brin & Page 1998; Mihalcea & Tarau 2004).

    ``r = (1 - d) / n + d * (W^T r + dangling mass / n)`` with ``W`` the row-normalised
    ``graph``; sentences with no edge spread their rank evenly. Stops when the L1 change falls
    below ``tolerance``.
    """
    from scipy.sparse import diags

    n = graph.shape[0]
    if n == 0:
        return np.zeros(0)
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inverse = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    transition_t = (diags(inverse) @ graph).T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iterations):
        spread = damping * (transition_t @ rank + rank[dangling].sum() / n)
        updated = (1.0 - damping) / n + spread
        converged = np.abs(updated - rank).sum() < tolerance
        rank = updated
        if converged:
            break
    return rank
