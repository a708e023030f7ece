"""The similarity graph (each pair once, pruned from many sentences on) and PageRank."""

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from summarize.brief import graph as module
from summarize.brief.graph import pagerank, similarity_graph


def test_similarity_graph_drops_weak_edges_and_self_loops() -> None:
    rows = csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    graph = similarity_graph(rows, 0.5).toarray()
    assert np.allclose(graph, [[0, 0.6, 0], [0.6, 0, 0.8], [0, 0.8, 0]])


def _graph(rows: csr_matrix, threshold: float, *, work: int, stale: float) -> csr_matrix:
    saved = module._GRAPH_WORK, module._STALE
    try:
        module._GRAPH_WORK, module._STALE = work, stale
        return similarity_graph(rows, threshold)
    finally:
        module._GRAPH_WORK, module._STALE = saved


@pytest.mark.parametrize("stale", [0.0, 0.1, 1.0])  # postings rebuilt every block ... never
@pytest.mark.parametrize("work", [1, 7, 40, 10 ** 9])  # a row a block ... one block
def test_similarity_graph_is_every_pair_product_in_any_blocks(work: int, stale: float) -> None:
    # the graph computes each pair once (i < j) in blocks and mirrors it: it must hold
    # exactly the full product's entries at or above the threshold, off the diagonal
    rng = np.random.default_rng(0)
    dense = rng.random((50, 8)) * (rng.random((50, 8)) > 0.6)
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    rows = csr_matrix(dense)
    full = (rows @ rows.T).toarray()
    expected = np.where((full >= 0.2) & ~np.eye(50, dtype=bool), full, 0.0)
    graph = _graph(rows, 0.2, work=work, stale=stale)
    assert np.array_equal(graph.toarray(), expected)  # the same values, to the last bit
    assert np.array_equal(graph.toarray(), graph.toarray().T)
    # and laid out entry for entry as when the postings are rebuilt every block: PageRank
    # sums each row in that order
    every = _graph(rows, 0.2, work=work, stale=0.0)
    for got, want in ((graph.indptr, every.indptr), (graph.indices, every.indices),
                      (graph.data, every.data)):
        assert np.array_equal(got, want)


@pytest.mark.parametrize("common", [0.0, 0.3, 0.9])  # how much weight the common terms carry
def test_pruned_similarity_graph_is_the_full_one_to_the_last_bit(common: float) -> None:
    # with many sentences the graph multiplies only the pairs that may reach the threshold,
    # bounding what common terms add; a pair dropped wrongly, or added in another order,
    # would show here
    rng = np.random.default_rng(1)
    rare = rng.random((300, 400)) * (rng.random((300, 400)) > 0.985)
    shared = rng.random((300, 6)) * (rng.random((300, 6)) > 0.3) * common
    dense = np.hstack([shared, rare])
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    rows = csr_matrix(dense)
    saved = module._PRUNE_FROM
    try:
        module._PRUNE_FROM = 10 ** 9
        full = similarity_graph(rows, 0.1)
        module._PRUNE_FROM = 1
        pruned = similarity_graph(rows, 0.1)
    finally:
        module._PRUNE_FROM = saved
    assert full.nnz > 0
    assert np.array_equal(pruned.toarray(), full.toarray())


@pytest.mark.parametrize("tiers", [(0.02,), (0.005, 0.02), (0.01, 0.05, 0.2)])
def test_pruned_graph_over_tiers_of_term_frequency_is_the_full_one(
        tiers: tuple[float, ...]) -> None:
    # terms from in one sentence to in most of them, and sentences of common terms alone
    # (the pairs each tier's bound lets through, and the few long parts multiplied there)
    rng = np.random.default_rng(2)
    share = np.geomspace(0.003, 0.6, 300)
    dense = rng.random((600, 300)) * (rng.random((600, 300)) < share)
    dense[:20, :270] = 0.0  # common terms only
    dense[:20, 270:] += 0.01
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    rows = csr_matrix(dense)
    saved = module._PRUNE_FROM, module._TIERS
    try:
        module._PRUNE_FROM = 10 ** 9
        full = similarity_graph(rows, 0.1)
        module._PRUNE_FROM, module._TIERS = 1, tiers
        pruned = similarity_graph(rows, 0.1)
    finally:
        module._PRUNE_FROM, module._TIERS = saved
    assert full.nnz > 1000
    for got, want in ((pruned.indptr, full.indptr), (pruned.indices, full.indices),
                      (pruned.data, full.data)):
        assert np.array_equal(got, want)


def test_a_pair_similar_through_rare_and_common_terms_together_is_kept() -> None:
    # rows 0 and 1 share a rare term (0.15 each) and a common one (0.3 each): 0.0225 + 0.09
    # reaches 0.1, though neither part does alone and neither common part is long (0.3 is
    # under sqrt(0.1)); 500 other rows make the common term common
    n = 1000
    dense = np.zeros((n, n + 2))
    dense[:2, 0], dense[:2, 1] = 0.15, 0.3
    dense[2:502, 1] = 0.1
    dense[np.arange(n), np.arange(n) + 2] = 1.0  # each row's own term, for the rest
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    dense[:2] = [0.15, 0.3, *np.zeros(n)]
    dense[0, 2] = dense[1, 3] = np.sqrt(1 - 0.15 ** 2 - 0.3 ** 2)
    saved = module._PRUNE_FROM, module._TIERS
    try:
        module._PRUNE_FROM, module._TIERS = 1, (0.005, 0.02)
        graph = similarity_graph(csr_matrix(dense), 0.1)
    finally:
        module._PRUNE_FROM, module._TIERS = saved
    assert graph[0, 1] == pytest.approx(0.1125)
    assert graph.nnz == 2


def test_pagerank_star_centre_wins_and_sums_to_one() -> None:
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    rank = pagerank(csr_matrix(star), damping=0.85, tolerance=1e-10, max_iterations=500)
    assert rank.sum() == np.float64(rank.sum()) and abs(rank.sum() - 1) < 1e-9
    assert rank[0] > rank[1] == rank[2] == rank[3]
    # hand check: centre r0 = 0.15/4 + 0.85 * 3 * r1, leaves r1 = 0.15/4 + 0.85 * r0 / 3
    assert abs(rank[0] - (0.15 / 4 + 0.85 * 3 * rank[1])) < 1e-8


def test_pagerank_isolated_nodes_share_evenly() -> None:
    rank = pagerank(csr_matrix((3, 3)), damping=0.85, tolerance=1e-12, max_iterations=100)
    assert np.allclose(rank, 1 / 3)
