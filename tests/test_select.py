import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix

from summarize.select import Budget, concept_weights, coverage_select, mmr_select


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
@given(problems, budgets, st.floats(0.05, 1), st.booleans())
def test_coverage_no_repeats_budget_respected_deterministic(problem: tuple, budget: Budget,
                                                            near: float, fill: bool) -> None:
    scores, vectors, lengths = problem
    words = [f"w{k % 5}" for k in range(len(scores) * 3)]
    concepts = concept_weights([words[i:i + 4] for i in range(len(scores))],
                               [(i % 3,) for i in range(len(scores))], 3, min_share=0.0)
    budget = Budget(budget.sentences, budget.words, fill)
    chosen = coverage_select(concepts, scores, vectors, lengths, budget=budget,
                             length_exponent=1.0, near_duplicate=near)
    assert len(chosen) == len(set(chosen))
    if budget.sentences is not None:
        assert len(chosen) <= budget.sentences
    if budget.words is not None and not fill:
        assert lengths[chosen].sum() <= budget.words
    if budget.words is not None and fill and chosen:
        assert lengths[chosen[:-1]].sum() < budget.words  # only the last may run over
    assert chosen == coverage_select(concepts, scores, vectors, lengths, budget=budget,
                                     length_exponent=1.0, near_duplicate=near)


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


def test_concepts_need_two_documents_when_there_are_several() -> None:
    concepts = concept_weights([["a", "b", "c"], ["a", "b"], ["c", "d"]], [(0,), (1,), (1,)], 2,
                               min_share=0.0)
    assert concepts == [{("a", "b"): 2}, {("a", "b"): 2}, {}]
    ten = concept_weights([["a", "b"], ["a", "b"], ["c", "d"]], [(0, 1), (2,), (3, 4)], 10,
                          min_share=0.3)
    assert ten == [{("a", "b"): 3}, {("a", "b"): 3}, {}]  # 2 of 10 is below 30%


def test_coverage_prefers_new_concepts_per_word() -> None:
    concepts = [{("a", "b"): 3, ("c", "d"): 2}, {("a", "b"): 3}, {("e", "f"): 2}]
    vectors = csr_matrix(np.eye(3))
    lengths = np.array([10, 5, 4])
    chosen = coverage_select(concepts, np.zeros(3), vectors, lengths,
                             budget=Budget(sentences=2), length_exponent=1.0,
                             near_duplicate=1.01)
    # 1: 3/5 = 0.6 beats 0: 5/10 and 2: 2/4; then 0 gains only 2/10 = 0.2 < 2's 0.5
    assert chosen == [1, 2]
