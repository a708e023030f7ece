import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix

from summarize.brief.concepts import Concepts
from summarize.brief.select import Budget, Selection, coverage_select, mmr_select, top_up


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


def _mmr(scores: np.ndarray, vectors: csr_matrix, lengths: np.ndarray, *, budget: Budget,
         redundancy: float, near_duplicate: float) -> list[int]:
    selection = Selection(vectors, lengths, budget, near_duplicate, None)
    return mmr_select(scores, selection, redundancy=redundancy)


def _coverage(concepts: Concepts, scores: np.ndarray, vectors: csr_matrix, lengths: np.ndarray,
              *, budget: Budget, near_duplicate: float) -> list[int]:
    selection = Selection(vectors, lengths, budget, near_duplicate, None)
    return coverage_select(concepts, scores, selection, length_exponent=1.0)


def _concepts(n: int) -> Concepts:
    """Sentence i holds concepts i % 5 .. i % 5 + 2 (of 7), weights 1..7."""
    return Concepts(tuple(tuple(range(i % 5, i % 5 + 3)) for i in range(n)),
                    np.arange(1.0, 8.0))
budgets = st.builds(Budget, st.one_of(st.none(), st.integers(1, 10)),
                    st.one_of(st.none(), st.integers(1, 120)))


@settings(max_examples=150, deadline=None)
@given(problems, budgets, st.floats(0, 1), st.floats(0.05, 1))
def test_no_repeats_budget_respected_deterministic(problem: tuple, budget: Budget, lam: float,
                                                   near: float) -> None:
    scores, vectors, lengths = problem
    chosen = _mmr(scores, vectors, lengths, budget=budget, redundancy=lam, near_duplicate=near)
    assert len(chosen) == len(set(chosen))
    if budget.sentences is not None:
        assert len(chosen) <= budget.sentences
    if budget.words is not None:
        assert lengths[chosen].sum() <= budget.words
    similarity = (vectors @ vectors.T).toarray()
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            assert similarity[a, b] < near  # no near-duplicate pair
    again = _mmr(scores, vectors, lengths, budget=budget, redundancy=lam, near_duplicate=near)
    assert chosen == again


@settings(max_examples=150, deadline=None)
@given(problems, budgets, st.floats(0.05, 1), st.booleans())
def test_coverage_no_repeats_budget_respected_deterministic(problem: tuple, budget: Budget,
                                                            near: float, fill: bool) -> None:
    scores, vectors, lengths = problem
    concepts = _concepts(len(scores))
    budget = Budget(budget.sentences, budget.words, fill)
    chosen = _coverage(concepts, scores, vectors, lengths, budget=budget, near_duplicate=near)
    assert len(chosen) == len(set(chosen))
    if budget.sentences is not None:
        assert len(chosen) <= budget.sentences
    if budget.words is not None and not fill:
        assert lengths[chosen].sum() <= budget.words
    if budget.words is not None and fill and chosen:
        assert lengths[chosen[:-1]].sum() < budget.words  # only the last may run over
    assert chosen == _coverage(concepts, scores, vectors, lengths, budget=budget,
                               near_duplicate=near)


@settings(max_examples=150, deadline=None)
@given(problems, st.integers(1, 10))
def test_lambda_one_is_pure_ranking(problem: tuple, k: int) -> None:
    scores, vectors, lengths = problem
    chosen = _mmr(scores, vectors, lengths, budget=Budget(sentences=k), redundancy=1.0,
                  near_duplicate=1.01)  # above any cosine: no pair is excluded
    ranking = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    assert chosen == ranking[:k]


def test_redundancy_penalty_skips_a_paraphrase() -> None:
    scores = np.array([1.0, 0.95, 0.5])
    vectors = csr_matrix(np.array([[1.0, 0, 0], [0.9, 0.435889894, 0], [0, 0, 1.0]]))
    lengths = np.array([10, 10, 10])
    pure = _mmr(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=1.0,
                near_duplicate=1.01)
    assert pure == [0, 1]
    mmr = _mmr(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=0.5,
               near_duplicate=1.01)
    assert mmr == [0, 2]  # 0.5*0.95 - 0.5*0.9 = 0.025 < 0.5*0.5 - 0.5*0 = 0.25
    near = _mmr(scores, vectors, lengths, budget=Budget(sentences=2), redundancy=1.0,
                near_duplicate=0.8)
    assert near == [0, 2]  # cosine 0.9 >= 0.8: never together, even at lambda 1


def test_coverage_prefers_new_concepts_per_word() -> None:
    concepts = Concepts(((0, 1), (0,), (2,)), np.array([3.0, 2.0, 2.0]))
    vectors = csr_matrix(np.eye(3))
    lengths = np.array([10, 5, 4])
    chosen = _coverage(concepts, np.zeros(3), vectors, lengths, budget=Budget(sentences=2),
                       near_duplicate=1.01)
    # 1: 3/5 = 0.6 beats 0: 5/10 and 2: 2/4; then 0 gains only 2/10 = 0.2 < 2's 0.5
    assert chosen == [1, 2]


def test_a_sentence_that_leans_waits_for_its_anchor() -> None:
    # 1 leans on 0; 1 scores best but may only come after 0 is chosen
    scores = np.array([0.5, 1.0, 0.6])
    vectors = csr_matrix(np.eye(3))
    lengths = np.array([10, 10, 10])
    leans = np.array([False, True, False])
    selection = Selection(vectors, lengths, Budget(sentences=1), 1.01, None, leans=leans,
                          anchors=[(), (0,), (1,)])
    assert mmr_select(scores, selection, redundancy=1.0) == [2]
    selection = Selection(vectors, lengths, Budget(sentences=3), 1.01, None, leans=leans,
                          anchors=[(), (0,), (1,)])
    assert mmr_select(scores, selection, redundancy=1.0) == [2, 0, 1]


def test_top_up_fills_a_word_target_with_the_most_useful_overflow() -> None:
    concepts = Concepts(((0,), (1,), (2,)), np.array([5.0, 4.0, 1.0]))
    vectors = csr_matrix(np.eye(3))
    lengths = np.array([8, 20, 4])
    selection = Selection(vectors, lengths, Budget(words=10, fill=True), 1.01, None)
    selection.take(0)
    # 2 words left: sentence 1 counts 4 * 2/20 = 0.4 of its gain, sentence 2 only 1 * 2/4 = 0.5
    assert top_up(concepts, np.zeros(3), selection, redundancy=0.7) == [0, 2]
    capped = Selection(vectors, lengths, Budget(words=12), 1.01, None)
    capped.take(0)
    assert top_up(concepts, np.zeros(3), capped, redundancy=0.7) == [0, 2]  # 1 does not fit a cap
