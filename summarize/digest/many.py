"""Stories among many articles, without an n x n matrix: the same stories, component by component.

Average linkage cut at a distance ``t`` joins two groups only when their mean similarity is at
least ``1 - t``, so at least one pair across them is that similar. Every story therefore lies
inside one connected component of the graph whose edges are the pairs at least that similar,
and average linkage run on each component alone gives the stories it gives on the whole
collection (the merges inside one component never see another's). The graph comes from the
similarity computed :data:`BLOCK` rows at a time; the exact linkage then runs on each
component's own matrix. Memory grows with the articles and the largest component, not with the
square of the articles. A component too large for that (:data:`COMPONENT_LIMIT`) is split at a
stricter similarity: only there are the stories an approximation. Each pass of
:func:`summarize.digest.stories.cluster` (cosine; half cosine, half shared nearest neighbours;
word pairs with the same-outlet discount) is done this way, and ``tests/digest/test_many.py``
checks the stories are those of the whole matrices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from summarize.config import StoryConfig
from summarize.digest.stories import (
    MIN_NEIGHBOURS,
    NEIGHBOURS_PER_STORY,
    _cut,
    _pairs,
    _typical_size,
    outlet_codes,
    tfidf,
)
from summarize.model import Article

BLOCK = 512  # rows of the similarity computed at once (BLOCK x n floats)
COMPONENT_LIMIT = 5_000  # articles whose linkage runs exactly (a 5,000 x 5,000 matrix)
FLOOR_STEP = 0.01  # how much a component too large for that is made stricter, each time
_SLACK = 1e-12  # edges a hair below the cut still join: rounding never splits a story


class Similarity:
    """The similarity the dense pass would compute, entry by entry, for any rows and columns.

    ``vectors``: unit TF-IDF rows; ``languages``: a code per article (pairs of two languages
    are 0); ``outlets`` and ``same_outlet``: pairs of one outlet count ``same_outlet`` times;
    ``member``: the k-nearest-neighbour indicator rows, when the similarity is half cosine,
    half shared neighbours."""

    def __init__(self, vectors: Any, languages: np.ndarray | None, *,
                 outlets: np.ndarray | None = None, same_outlet: float = 1.0,
                 member: Any = None, k: int = 1) -> None:
        self.vectors, self.languages = vectors, languages
        self.outlets, self.same_outlet = outlets, same_outlet
        self.member, self.k = member, k
        self.n = vectors.shape[0]
        self._transposed: Any = None

    def among(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        if len(cols) == self.n:  # every article: the columns transposed once, not per block
            if self._transposed is None:
                self._transposed = self.vectors.T.tocsr()
            columns = self._transposed
        else:
            columns = self.vectors[cols].T
        values: np.ndarray = np.asarray((self.vectors[rows] @ columns).todense())
        if self.languages is not None:
            values[self.languages[rows][:, None] != self.languages[cols][None, :]] = 0.0
        if self.outlets is not None:
            same = self.outlets[rows][:, None] == self.outlets[cols][None, :]
            same &= rows[:, None] != cols[None, :]
            values[same] *= self.same_outlet
        if self.member is not None:
            shared = np.asarray((self.member[rows] @ self.member[cols].T).todense()) / self.k
            values = (values + shared) / 2
        return values

    def blocks(self) -> Any:
        """(rows, their similarity to every article, -inf to themselves) for each block of
        rows."""
        everyone = np.arange(self.n)
        for start in range(0, self.n, BLOCK):
            rows = everyone[start:start + BLOCK]
            values = self.among(rows, everyone)
            values[np.arange(len(rows)), rows] = -np.inf
            yield rows, values


def edges(similarity: Similarity, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of articles at least ``floor`` similar (both ways), and their similarity."""
    heads, tails, weights = [], [], []
    for rows, values in similarity.blocks():
        r, c = np.nonzero(values >= floor)
        heads.append(rows[r])
        tails.append(c)
        weights.append(values[r, c])
    return np.concatenate(heads), np.concatenate(tails), np.concatenate(weights)


def components(members: np.ndarray, found: tuple[np.ndarray, np.ndarray, np.ndarray],
               floor: float, n: int) -> list[np.ndarray]:
    """``members`` in the connected components of the pairs among them (of ``found``) at
    least ``floor`` similar, each component's members in increasing order."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    head, tail, weight = found
    inside = np.zeros(n, dtype=bool)
    inside[members] = True
    keep = inside[head] & inside[tail] & (weight >= floor)
    position = np.full(n, -1, dtype=np.int64)
    position[members] = np.arange(len(members))
    size = len(members)
    graph = coo_matrix((np.ones(int(keep.sum())), (position[head[keep]], position[tail[keep]])),
                       shape=(size, size))
    _, component = connected_components(graph, directed=False)
    order = np.argsort(component, kind="stable")
    bounds = np.flatnonzero(np.diff(component[order])) + 1
    return [members[part] for part in np.split(order, bounds)]


def cut(similarity: Similarity, threshold: float) -> np.ndarray:
    """Average-linkage stories cut at distance ``threshold``, a label per article.

    A component of more than :data:`COMPONENT_LIMIT` articles (tens of thousands of articles
    chain into one through pairs just similar enough) is split again at a floor raised by
    :data:`FLOOR_STEP` until its pieces fit: there the stories are approximate (a story held
    together only by pairs below the raised floor is split)."""
    floor = 1.0 - threshold - _SLACK
    found = edges(similarity, floor)
    everyone = np.arange(similarity.n)
    pieces = [(part, floor) for part in components(everyone, found, floor, similarity.n)]
    done: list[np.ndarray] = []
    while pieces:
        members, at = pieces.pop()
        if len(members) <= COMPONENT_LIMIT:
            done.append(members)
            continue
        raised = at + FLOOR_STEP
        pieces.extend((part, raised)
                      for part in components(members, found, raised, similarity.n))
    done.sort(key=lambda part: int(part[0]))
    labels = np.zeros(similarity.n, dtype=np.int64)
    next_label = 1
    for members in done:
        if len(members) == 1:
            labels[members] = next_label
            next_label += 1
            continue
        inner = _cut(similarity.among(members, members), threshold)
        labels[members] = inner + next_label
        next_label += int(inner.max()) + 1
    return labels


def nearest(similarity: Similarity, k: int) -> Any:
    """The k-nearest-neighbour indicator matrix (sparse, a row per article), ties broken
    towards the earlier article, as a stable sort of the whole row breaks them."""
    from scipy.sparse import csr_matrix

    k = min(k, similarity.n - 1)
    heads, tails = [], []
    for rows, values in similarity.blocks():
        kth = -np.partition(-values, k - 1, axis=1)[:, k - 1:k]
        above = values > kth
        tied = values == kth
        room = k - above.sum(axis=1, keepdims=True)
        r, c = np.nonzero(above | (tied & (np.cumsum(tied, axis=1) <= room)))
        heads.append(rows[r])
        tails.append(c)
    head, tail = np.concatenate(heads), np.concatenate(tails)
    return csr_matrix((np.ones(len(head)), (head, tail)), shape=(similarity.n,) * 2)


def cluster_many(articles: Sequence[Article],
                 words: Sequence[tuple[tuple[str, ...], tuple[str, ...]]],
                 languages: Sequence[str], config: StoryConfig, *,
                 second_pass: bool = True) -> list[list[int]]:
    """:func:`summarize.digest.stories.cluster` for many articles (``words``: each
    article's headline and body terms)."""
    codes = (np.unique(np.array(languages), return_inverse=True)[1]
             if len(set(languages)) > 1 else None)
    vectors = tfidf([[*head, *head, *body] for head, body in words], config)
    if vectors is None:
        return [[i] for i in range(len(articles))]
    plain = Similarity(vectors, codes)
    labels = cut(plain, config.threshold)
    neighbours = round(_typical_size(labels) / NEIGHBOURS_PER_STORY)
    if second_pass and neighbours >= MIN_NEIGHBOURS:
        member = nearest(plain, neighbours)
        k = min(neighbours, len(articles) - 1)
        labels = cut(Similarity(vectors, codes, member=member, k=k), config.threshold)
    elif second_pass:
        paired = tfidf([[*head, *head, *body, *_pairs(head), *_pairs(head), *_pairs(body)]
                        for head, body in words], config)
        if paired is not None:
            labels = cut(Similarity(paired, codes, outlets=outlet_codes(articles),
                                    same_outlet=config.same_outlet), config.event_threshold)
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return sorted(groups.values(), key=lambda g: g[0])
