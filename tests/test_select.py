import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix

from summarize.select import Budget, mmr_select


def _problem(draw: st.DrawFn) -> tuple[np.ndarray, csr_matrix, np.ndarray]:
    n = draw(st.integers(min_value=0, max_value=25))
    scores = np.array(draw(st.lists(st.floats(0, 1), min_size=n, max_size=n)))
    dims = 6
    cells = draw(st.lists(st.floats(0, 1), min_size=n * dims, max_size=n * dims))
    dense = np.array(cells, dtype=float).reshape(n, dims)
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    dense = np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0)
    lengths = np.array(draw(st.lists(st.integers(1, 40), min_size=n, max_size=n)), dtype=int)
    return scores, csr_matrix(dense), lengths


problems = st.composite(_problem)()
budgets = st.builds(Budget, st.one_of(st.none(), st.integers(1, 10)),
                    st.one_of(st.none(), st.integers(1, 120)))


@settings(max_examples=150, deadline=None)
@given(problems, budgets, st.floats(0, 1), st.floats(0.05, 1))
def test_no_repeats_budget_respected_deterministic(problem: tuple, budget: Budget, lam: float,
                                                   near: float) -> None:
    scores, vectors, lengths = problem
    chosen = mmr_select(scores, vectors, lengths, budget=budget, redundancy=lam,
                        near_duplicate=near)
    assert len(chosen) == len(set(chosen))
    if budget.sentences is not None:
        assert len(chosen) <= budget.sentences
    if budget.words is not None:
        assert lengths[chosen].sum() <= budget.words
    similarity = (vectors @ vectors.T).toarray()
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            assert similarity[a, b] < near  # no near-duplicate pair
    again = mmr_select(scores, vectors, lengths, budget=budget, redundancy=lam,
                       near_duplicate=near)
    assert chosen == again


@settings(max_examples=150, deadline=None)
@given(problems, st.integers(1, 10))
def test_lambda_one_is_pure_ranking(problem: tuple, k: int) -> None:
    scores, vectors, lengths = problem
    chosen = mmr_select(scores, vectors, lengths, budget=Budget(sentences=k), redundancy=1.0,
                        near_duplicate=1.01)  # above any cosine: no pair is excluded
    ranking = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    assert chosen == ranking[:k]


def test_redundancy_penalty_skips_a_paraphrase() -> None:
    scores = np.array([1.0, 0.95, 0.5])
    vectors = csr_matrix(np.array([[1.0, 0, 0], [0.9, 0.435889894, 0], [0, 0, 1.0]]))
    lengths = np.array([10, 10, 10])
    pure = mmr_select(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=1.0,
                      near_duplicate=1.01)
    assert pure == [0, 1]
    mmr = mmr_select(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=0.5,
                     near_duplicate=1.01)
    assert mmr == [0, 2]  # 0.5*0.95 - 0.5*0.9 = 0.025 < 0.5*0.5 - 0.5*0 = 0.25
    near = mmr_select(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=1.0,
                      near_duplicate=0.8)
    assert near == [0, 2]  # cosine 0.9 >= 0.8: never together, even at lambda 1
