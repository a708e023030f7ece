"""The sentence-similarity graph and PageRank over it, for TextRank (Mihalcea & Tarau 2004).

The graph holds the cosine similarity of every pair of sentences that reaches a threshold. At
50,000 sentences the product of every pair was most of a brief's time, and nearly all of it
pairs that share only common words and never reach the threshold; :func:`similarity_graph`
computes each pair once, and from :data:`_PRUNE_FROM` sentences only the pairs that may reach
it, with the same values to the last bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Bound on the products one block of the similarity graph computes, and on its rows: a block's
# product of 4 million entries (some 50 MB) was memory the process had to map afresh every
# time, 0.2 s of a 12,000-sentence brief's 0.35 s graph; 1 million stays in the heap's reuse.
_GRAPH_WORK = 1_000_000
_GRAPH_ROWS = 4_000
_STALE = 0.1  # share of the rows left that, once done, are dropped from the postings
# From this many sentences, the graph multiplies only the pairs that may reach its threshold;
# a term in more than this share of the sentences is common there.
_PRUNE_FROM = 5_000
_TIERS = (0.005, 0.02)  # shares of the sentences that bound the tiers of terms, rare to common
_DOT_PAIRS = 200_000  # pairs whose dot products are computed at once


def similarity_graph(vectors: csr_matrix, threshold: float) -> csr_matrix:
    """Cosine similarities between distinct sentences, edges below ``threshold`` dropped.

    The graph is symmetric: each pair ``i < j`` is computed once (:func:`_pairs`) and
    mirrored. From :data:`_PRUNE_FROM` sentences on, most of the product is the postings of a
    few common terms, and few of the pairs they make reach the threshold; those pairs are
    found without it (:func:`_candidates`) and only they are computed. Either way an edge's
    value is the full dot product, its shared terms added in the one order every row keeps
    (rows list their terms by column, as :func:`~summarize.brief.vectors.ngram_counts` lays
    them out), so the graph is the same to the last bit.
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


def _pairs(rows: csr_matrix, keep: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray],
           *, below: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The products of the pairs of rows ``i < j`` that share a column, where ``keep(i, j,
    value)`` holds (``below``: only those with ``i`` below it).

    A block of rows starting at ``s`` is multiplied with the postings of the rows from about
    ``s`` on: half the product of every pair. The postings drop the rows done once they are
    :data:`_STALE` of those left (rebuilding them every block cost more than the few pairs
    computed twice meanwhile, which are left out). Blocks are sized by what their product can
    hold (each row's columns' postings), so the product of common terms never has to exist
    whole and a sparse matrix needs few blocks.
    """
    from scipy.sparse import csr_matrix

    n = rows.shape[0]
    last = n if below is None else below
    postings = rows.T.tocsr()  # one row a column, its rows in order
    column_of = np.repeat(np.arange(postings.shape[0]), np.diff(postings.indptr))
    # an upper bound of the product's entries in each row: its columns' postings
    work = np.cumsum(np.bincount(np.repeat(np.arange(n), np.diff(rows.indptr)),
                                 weights=np.diff(postings.indptr)[rows.indices], minlength=n))
    firsts, seconds = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    values = [np.zeros(0)]
    start = base = 0  # ``postings`` hold the rows from ``base`` on
    while start < last:
        done = work[start - 1] if start else 0.0
        end = max(start + 1, int(np.searchsorted(work, done + _GRAPH_WORK, "right")))
        end = min(end, start + _GRAPH_ROWS, last)
        part = rows[start:end] @ postings  # columns: rows from ``base``
        row = np.repeat(np.arange(start, end), np.diff(part.indptr))
        col = part.indices + base
        upper = np.flatnonzero(col > row)  # ``keep`` reads only these: half the product
        chosen = upper[keep(row[upper], col[upper], part.data[upper])]
        firsts.append(row[chosen])
        seconds.append(col[chosen])
        values.append(part.data[chosen])
        if end - base >= _STALE * (n - base):  # drop the rows done once they are many
            later = postings.indices >= end - base  # the rows of the next blocks
            column_of = column_of[later]
            postings = csr_matrix(
                (postings.data[later], postings.indices[later] - (end - base),
                 np.concatenate([[0], np.cumsum(np.bincount(column_of,
                                                            minlength=postings.shape[0]))])),
                shape=(postings.shape[0], n - end))
            base = end
        start = end
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(values)


def _candidates(vectors: csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Every pair ``i < j`` whose similarity may reach ``threshold``, and few others.

    Terms fall in tiers by the share of the sentences they are in (:data:`_TIERS`: rare up to
    the first share, then each next one, common past the last). A pair's product is its
    products in each tier added; ``g_i``, the length of sentence ``i``'s part in the tiers
    above one, bounds what a pair adds there by ``g_i * g_j`` (Cauchy-Schwarz). So a pair
    whose rarest shared term is in a tier may reach the threshold only if its product there
    plus ``g_i * g_j`` does, and only if the lengths of the two sentences' parts from that
    tier on multiply to it, so one of those parts reaches ``sqrt(threshold)``: in each tier
    but the rarest only the sentences with such a part (few, where the tier is common) are
    multiplied with everything's postings there, instead of every pair of them.
    """
    n = vectors.shape[0]
    floor = threshold - 1e-9  # below every similarity that rounding could lift to it
    document_frequency = np.bincount(vectors.indices, minlength=vectors.shape[1])
    cuts = [max(1, int(n * share)) for share in _TIERS]
    tier = np.searchsorted(cuts, document_frequency, "left")[vectors.indices]  # 0: rarest
    entry_row = np.repeat(np.arange(n), np.diff(vectors.indptr))
    squares = vectors.data ** 2
    firsts, seconds = [], []
    reach = np.ones(n)  # the length of each sentence's part from this tier on
    for level in range(len(cuts) + 1):
        above = tier > level
        beyond = np.sqrt(np.bincount(entry_row[above], weights=squares[above], minlength=n))
        first, second = _tier_pairs(_entries(vectors, entry_row, tier == level),
                                    reach * reach >= floor, beyond, floor)
        firsts.append(first)
        seconds.append(second)
        reach = beyond
    key = np.unique(np.concatenate(firsts) * n + np.concatenate(seconds))
    return key // n, key % n


def _tier_pairs(rows: csr_matrix, long: np.ndarray, beyond: np.ndarray, floor: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i < j`` of one tier's ``rows`` that share a term there, one of them
    ``long``, whose product there plus ``beyond[i] * beyond[j]`` reaches ``floor``."""
    if long.all():
        first, second, _ = _pairs(rows, lambda i, j, v: v + beyond[i] * beyond[j] >= floor)
        return first, second
    order = np.concatenate([np.flatnonzero(long), np.flatnonzero(~long)])  # the long first
    bound = beyond[order]
    a, b, _ = _pairs(rows[order], lambda i, j, v: v + bound[i] * bound[j] >= floor,
                     below=int(long.sum()))
    return np.minimum(order[a], order[b]), np.maximum(order[a], order[b])


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
