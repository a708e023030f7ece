from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.brief.concepts import Concepts
from summarize.brief.ilp import candidate_pool, ilp_select

NO_PAIRS = np.zeros((0, 2), dtype=np.int64)


def _coverage(concepts: Concepts, chosen: list[int]) -> float:
    return float(sum(concepts.weights[c] for c in {c for i in chosen
                                                   for c in concepts.of_sentence[i]}))


def test_exact_beats_the_greedy_on_a_knapsack_trap() -> None:
    # Greedy by weight per word takes 0 (7 in 6 words), then nothing else fits in 10 words;
    # the optimum is 1 and 2 (5 + 5 in 10 words).
    concepts = Concepts(((0,), (1,), (2,)), np.array([7.0, 5.0, 5.0]))
    chosen = ilp_select(concepts, np.array([6, 5, 5]), np.zeros(3),
                        candidates=np.arange(3), max_words=10, max_sentences=None,
                        exclusive=NO_PAIRS)
    assert sorted(chosen or []) == [1, 2]


def test_exclusive_pairs_and_anchors_are_respected() -> None:
    concepts = Concepts(((0,), (1,), (2,)), np.array([5.0, 4.0, 3.0]))
    lengths = np.array([5, 5, 5])
    apart = ilp_select(concepts, lengths, np.zeros(3), candidates=np.arange(3),
                       max_words=None, max_sentences=None, exclusive=np.array([[0, 1]]))
    assert sorted(apart or []) == [0, 2]
    # 1 leans on 2, 2 is not a candidate: 1 cannot be chosen
    anchored = ilp_select(concepts, lengths, np.zeros(3), candidates=np.array([0, 1]),
                          max_words=None, max_sentences=None, exclusive=NO_PAIRS,
                          leans_on=[(), (2,), ()])
    assert anchored == [0]


def test_ties_go_to_the_more_salient_then_fewer_sentences() -> None:
    concepts = Concepts(((0,), (0,), (0, 1), (1,)), np.array([3.0, 3.0]))
    lengths = np.array([5, 5, 5, 5])
    chosen = ilp_select(concepts, lengths, np.array([0.1, 0.9, 0.2, 0.3]),
                        candidates=np.arange(4), max_words=None, max_sentences=None,
                        exclusive=NO_PAIRS)
    assert chosen == [2]  # one sentence covers both concepts


def test_candidate_pool_keeps_the_densest_and_their_anchors() -> None:
    concepts = Concepts(((0,), (1,), (), (2,)), np.array([10.0, 1.0, 4.0]))
    lengths = np.array([10, 10, 10, 2])
    available = np.array([True, True, True, True])
    assert candidate_pool(concepts, lengths, available, 2).tolist() == [0, 3]
    with_anchor = candidate_pool(concepts, lengths, available, 2, [(), (), (), (2,)])
    assert with_anchor.tolist() == [0, 2, 3]


@st.composite
def _problems(draw: st.DrawFn) -> tuple[Concepts, np.ndarray, int, int | None]:
    n = draw(st.integers(1, 7))
    k = draw(st.integers(1, 6))
    held = tuple(tuple(sorted(draw(st.sets(st.integers(0, k - 1), min_size=1, max_size=3))))
                 for _ in range(n))
    weights = np.array(draw(st.lists(st.integers(1, 9), min_size=k, max_size=k)), dtype=float)
    lengths = np.array(draw(st.lists(st.integers(1, 12), min_size=n, max_size=n)))
    return (Concepts(held, weights), lengths, draw(st.integers(1, 40)),
            draw(st.one_of(st.none(), st.integers(1, 4))))


@settings(max_examples=60, deadline=None)
@given(_problems())
def test_the_solution_is_optimal_and_within_the_budget(problem: tuple) -> None:
    concepts, lengths, words, sentences = problem
    n = len(lengths)
    chosen = ilp_select(concepts, lengths, np.zeros(n), candidates=np.arange(n),
                        max_words=words, max_sentences=sentences, exclusive=NO_PAIRS)
    assert chosen is not None
    assert lengths[chosen].sum() <= words
    assert sentences is None or len(chosen) <= sentences
    best = max(_coverage(concepts, list(subset))
               for size in range(n + 1) for subset in combinations(range(n), size)
               if lengths[list(subset)].sum() <= words
               and (sentences is None or size <= sentences))
    assert _coverage(concepts, chosen) == best


def test_native_printing_during_the_solve_never_reaches_stdout() -> None:
    """Regression: HiGHS printed a C++ debugging line into a brief written to stdout."""
    import subprocess
    import sys

    script = (
        "import ctypes, sys\n"
        "from summarize.brief.ilp import native_stdout_silenced\n"
        "print('before', flush=True)\n"
        "with native_stdout_silenced():\n"
        "    ctypes.CDLL(None).printf(b'native noise\\n')\n"
        "print('after')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert out.stdout == b"before\nafter\n"
