"""Exact concept coverage: the integer linear program of Gillick & Favre (2009).

Choose sentences ``s_i`` and concepts ``c_j`` (binary) to maximise ``Σ w_j c_j`` such that

* ``c_j ≤ Σ s_i`` over the sentences that contain concept ``j`` (a concept counts once, only if
  some chosen sentence has it);
* ``Σ len_i s_i ≤ words`` and ``Σ s_i ≤ sentences`` (the budget's caps);
* ``s_a + s_b ≤ 1`` for every near-duplicate pair;
* ``s_i ≤ Σ s_a`` over the sentences ``a`` that sentence ``i`` leans on (when asked).

Only the ``s_i`` are declared integral: once they are, the best ``c_j`` is ``min(1, Σ s_i)``,
integral too, and the solver branches on a tenth of the variables (a third less time).

A tiny cost per sentence, far below any concept's weight, breaks ties towards fewer, more
salient (by the scorers) and earlier sentences. Only sentences with at least one weighted
concept take part (the others cannot raise the objective; :func:`summarize.brief.select.top_up` may
add them after), and of those only the densest (:func:`candidate_pool`).
SciPy's HiGHS solver (``scipy.optimize.milp``) is deterministic for a given problem; a node
limit bounds the search on pathological inputs, and the best solution found is used then.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from summarize.brief.concepts import Concepts

log = logging.getLogger(__name__)

NODE_LIMIT = 5_000


def candidate_pool(concepts: Concepts, lengths: np.ndarray, available: np.ndarray, size: int,
                   leans_on: Sequence[Sequence[int]] | None = None) -> np.ndarray:
    """The ``size`` available sentences with the most concept weight per word (earlier first
    among equals), plus the sentences they lean on; sorted indices.

    The exact problem over every sentence of 25 articles takes the solver half a second; over
    the 50 densest it takes a twentieth, and the briefs were as good on development data.
    """
    density = np.array([concepts.gain(i) / max(1, int(n)) for i, n in enumerate(lengths)])
    ranked = np.flatnonzero(available & (density > 0))
    ranked = ranked[np.argsort(-density[ranked], kind="stable")][:size]
    pool = set(ranked.tolist())
    if leans_on is not None:  # a sentence comes with what it leans on
        pool.update(a for i in ranked.tolist() for a in leans_on[i] if available[a])
    return np.array(sorted(pool), dtype=np.int64)


def ilp_select(concepts: Concepts, lengths: np.ndarray, salience: np.ndarray, *,
               candidates: np.ndarray, max_words: int | None, max_sentences: int | None,
               exclusive: np.ndarray, leans_on: Sequence[Sequence[int]] | None = None,
               overlap_penalty: float = 0.0) -> list[int] | None:
    """The chosen sentence indices, best salience first; None when the solver finds nothing.

    ``candidates`` are the sentences that may be chosen (see :func:`candidate_pool`);
    ``exclusive`` is an ``(k, 2)`` array of sentence pairs that may not be chosen together;
    ``leans_on[i]``, when not empty, lists the sentences of which at least one must be chosen
    with ``i``. ``overlap_penalty`` (``p``) charges each chosen sentence ``p`` times the weight
    of its concepts that other candidates hold too, and pays ``p`` again for each concept
    covered: a concept said twice costs ``p`` times its weight, one said once costs nothing
    (linear: ``p·w·(Σ x - y)``, ``y`` the concept's cover).
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix, csr_matrix, hstack, identity

    n = len(candidates)
    if n == 0:
        return []
    index = {int(i): k for k, i in enumerate(candidates)}
    # Concepts found in the same candidates are one concept to the solver, their weights
    # summed; one found in a single candidate is that sentence's own value, no variable.
    holders: dict[int, list[int]] = {}
    for k, i in enumerate(candidates.tolist()):
        for concept in concepts.of_sentence[i]:
            holders.setdefault(concept, []).append(k)
    own = np.zeros(n)
    groups: dict[tuple[int, ...], float] = {}
    for concept, ks in holders.items():
        weight = float(concepts.weights[concept])
        if len(ks) == 1:
            own[ks[0]] += weight
        else:
            key = tuple(ks)
            groups[key] = groups.get(key, 0.0) + weight
    m = len(groups)
    weights = np.fromiter(groups.values(), dtype=np.float64, count=m)
    rows = [j for j, ks in enumerate(groups) for _ in ks]
    cols = [k for ks in groups for k in ks]
    floor = float(concepts.weights[list(holders)].min()) if holders else 1.0
    # a small cost per sentence: less for salient and earlier ones; no sentence is taken for
    # nothing (top_up adds sentences without new concepts by its own, redundancy-aware rule)
    cost = 0.01 * floor / (n + 1) * (2.0 - np.asarray(salience, dtype=np.float64)[candidates]
                                     + np.arange(n) / (n + 1))
    if overlap_penalty and m:
        held = np.zeros(n)
        for holding, weight in groups.items():
            held[list(holding)] += weight
        cost = cost + overlap_penalty * held
        objective = -np.concatenate([own - cost, (1.0 + overlap_penalty) * weights])
    else:
        objective = -np.concatenate([own - cost, weights])

    constraints = []
    if m:
        occurs = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, n)).tocsr()
        constraints.append(LinearConstraint(hstack([-occurs, identity(m)]).tocsr(), -np.inf, 0.0))
    caps = []
    if max_words is not None:
        caps.append((lengths[candidates].astype(np.float64), max_words))
    if max_sentences is not None:
        caps.append((np.ones(n), max_sentences))
    for row, limit in caps:
        constraints.append(LinearConstraint(
            csr_matrix(np.concatenate([row, np.zeros(m)])[None, :]), -np.inf, float(limit)))
    pairs = [(index[int(a)], index[int(b)]) for a, b in exclusive
             if int(a) in index and int(b) in index]
    if pairs:
        constraints.append(_rows([[(a, 1.0), (b, 1.0)] for a, b in pairs], n + m, 1.0))
    if leans_on is not None:
        needs = [[(k, 1.0), *((index[a], -1.0) for a in leans_on[i] if a in index)]
                 for k, i in enumerate(candidates.tolist()) if leans_on[i]]
        if needs:
            constraints.append(_rows(needs, n + m, 0.0))
    # only sentences need be integral: with them fixed, each concept variable is at its bound
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    with native_stdout_silenced():
        result = milp(objective, integrality=integrality, bounds=Bounds(0, 1),
                      constraints=constraints, options={"node_limit": NODE_LIMIT})
    if result.x is None:
        log.info("the exact selection found no solution (%s)", result.message)
        return None
    chosen = candidates[result.x[:n] > 0.5]
    order = np.lexsort((chosen, -np.asarray(salience)[chosen]))
    return [int(i) for i in chosen[order]]


def _rows(entries: list[list[tuple[int, float]]], width: int, upper: float) -> Any:
    """A block of ``≤ upper`` constraints, one per list of (column, coefficient)."""
    from scipy.optimize import LinearConstraint
    from scipy.sparse import coo_matrix

    rows = [r for r, entry in enumerate(entries) for _ in entry]
    cols = [c for entry in entries for c, _ in entry]
    values = [v for entry in entries for _, v in entry]
    matrix = coo_matrix((values, (rows, cols)), shape=(len(entries), width)).tocsr()
    return LinearConstraint(matrix, -np.inf, upper)


@contextlib.contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """Send what native code prints to the process's standard output to /dev/null meanwhile.

    HiGHS (1.x, as SciPy 1.17 ships it) now and then prints a debugging line from C++
    straight to file descriptor 1 ("HighsMipSolverData::transformNewIntegerFeasibleSolution
    ..."), below Python's ``sys.stdout`` and whatever its logging options say; in a brief sent
    to stdout, that line would corrupt the output. C's buffer is flushed before descriptor 1
    is put back, so nothing buffered leaks out later.
    """
    try:
        sys.stdout.flush()
        flush_c = ctypes.CDLL(None).fflush
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):  # no descriptor 1, or no C library to flush
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        flush_c(None)
        os.dup2(saved, 1)
        os.close(saved)
