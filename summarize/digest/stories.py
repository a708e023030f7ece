"""Grouping articles into stories: the articles about the same event, from whatever outlets.

Each article is a TF-IDF vector of its stemmed content words (headline counted twice, as
editors put the event in it), sublinear term frequency, words in more than half the articles
dropped as carrying no event (from :data:`MIN_FOR_CUT` articles on: in a handful, every shared
word is in most of them). Stories are the clusters of average-linkage agglomerative
clustering on cosine distance, cut at ``[stories] threshold`` (scipy's ``linkage`` and
``fcluster``). Average linkage, not single: one article that mentions two events does not
chain their stories together.

When that first pass finds stories of many articles, it is done again on a similarity that is
half cosine, half shared nearest neighbours (the share of their k nearest articles two
articles have in common, Jarvis & Patrick 1973, with k from the typical story size): in a
large, dense collection, two articles about one event share neighbours even where their words
differ.

When it finds small stories, the collection is a day's news: mostly single articles, and
stories of a few. Sharing a subject is not being one story there (two car reviews, two
hockey games), so the stories are cut again, stricter (``[stories] event_threshold``), on
vectors that add word pairs ("bubonic plague", "Ilhan Omar": what one event's reports share
and one subject's do not), with two articles of the same outlet counted as less alike
(``[stories] same_outlet``): an outlet tells one event once, and its template words are not
news. Measured on 181 real pages of unrelated news, hand-labelled (benchmarks/real_stories.py).

The method and threshold were chosen by measurement on the development data (1,250 DUC 2006
articles in 50 stories, mixed; the 250 of DUC 2007 in 10; and samples of both with few
articles per story): the B-cubed F1 and the time are in BENCHMARKS.md, and :func:`bcubed` is
the measure.

Up to :data:`DENSE_LIMIT` articles the similarity matrices are whole (n x n); above, the same
stories are found one connected component of the similarity graph at a time
(:mod:`summarize.digest.many`), so memory grows with the articles and their largest story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from summarize.config import StoryConfig
from summarize.model import Article
from summarize.text.tokens import analyzer

MIN_FOR_CUT = 20
# Above this many articles, stories are found one connected component at a time
# (:mod:`summarize.digest.many`: the same stories, without an n x n matrix)
DENSE_LIMIT = 3_000
# Shared neighbours are counted among k = (typical story size) / NEIGHBOURS_PER_STORY nearest
# articles, and only when k is at least MIN_NEIGHBOURS: with stories of a few articles, as a
# morning's news has, plain cosine does better.
NEIGHBOURS_PER_STORY = 2.5
MIN_NEIGHBOURS = 3


def cluster(articles: Sequence[Article], config: StoryConfig, *, language: str = "en",
            second_pass: bool = True, languages: Sequence[str] | None = None
            ) -> list[list[int]]:
    """Stories as lists of article positions; stories in order of their first article.
    ``languages``: each article's, when they differ (each is analysed in its own, and two
    articles in two languages are never one story); else all are in ``language``.
    ``second_pass=False`` stops after the first (plain cosine), for comparison."""
    if len(articles) < 2:
        return [[i] for i in range(len(articles))]
    spoken = list(languages) if languages is not None else [language] * len(articles)
    words = []
    for article, code in zip(articles, spoken, strict=True):
        analyse = analyzer(code, stem=True, stop_words=True)
        words.append((analyse(article.headline or ""), analyse(" ".join(article.paragraphs))))
    if len(articles) > DENSE_LIMIT:
        from summarize.digest.many import cluster_many

        return cluster_many(articles, words, spoken, config, second_pass=second_pass)
    apart = _apart(spoken)
    similarity = _similarity([[*head, *head, *body] for head, body in words], config, apart)
    if similarity is None:  # no term left (empty articles, or every word everywhere)
        return [[i] for i in range(len(articles))]
    labels = _cut(similarity, config.threshold)
    neighbours = round(_typical_size(labels) / NEIGHBOURS_PER_STORY)
    if second_pass and neighbours >= MIN_NEIGHBOURS:
        mixed = (similarity + _shared_neighbours(similarity, neighbours)) / 2
        labels = _cut(mixed, config.threshold)
    elif second_pass:  # a day's news: events, not subjects
        paired = _similarity([[*head, *head, *body, *_pairs(head), *_pairs(head), *_pairs(body)]
                              for head, body in words], config, apart)
        if paired is not None:
            same = _same_outlet(articles)
            paired[same] *= config.same_outlet
            labels = _cut(paired, config.event_threshold)
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return sorted(groups.values(), key=lambda g: g[0])


def _apart(languages: Sequence[str]) -> np.ndarray | None:
    """Which pairs of articles are in two languages (None when all share one)."""
    if len(set(languages)) < 2:
        return None
    codes = np.unique(np.array(languages), return_inverse=True)[1]
    apart: np.ndarray = codes[:, None] != codes[None, :]
    return apart


def _similarity(documents: Sequence[Sequence[str]], config: StoryConfig,
                apart: np.ndarray | None = None) -> np.ndarray | None:
    """Cosine similarity of the documents' TF-IDF vectors (:func:`tfidf`), 0 between
    documents of two languages (``apart``); None when no term is left."""
    vectors = tfidf(documents, config)
    if vectors is None:
        return None
    similarity: np.ndarray = np.asarray((vectors @ vectors.T).todense())
    if apart is not None:
        similarity[apart] = 0.0
    return similarity


def tfidf(documents: Sequence[Sequence[str]], config: StoryConfig) -> Any:
    """The documents' TF-IDF vectors, rows of unit length (sublinear tf; terms in more than
    ``max_document_share`` of them dropped, from :data:`MIN_FOR_CUT` documents on: in a
    handful, every shared word is in most of them); None when no term is left."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    share = config.max_document_share if len(documents) >= MIN_FOR_CUT else 1.0
    vectorizer = TfidfVectorizer(analyzer=list, lowercase=False, sublinear_tf=True,
                                 max_df=share, dtype=np.float64)
    try:
        return vectorizer.fit_transform(documents)
    except ValueError:
        return None


def _pairs(terms: Sequence[str]) -> list[str]:
    """Adjacent content words as one term each ("bubon plagu")."""
    return [f"{a} {b}" for a, b in pairwise(terms)]


def outlet_codes(articles: Sequence[Article]) -> np.ndarray:
    """A number per article, the same for articles of one outlet (two spellings of it counted
    as one), its own for an article of no known outlet."""
    from summarize.digest.outlets import outlet, outlet_key

    keys = [outlet_key(name) if (name := outlet(a)) else f"\0{i}"
            for i, a in enumerate(articles)]
    codes: np.ndarray = np.unique(np.array(keys), return_inverse=True)[1]
    return codes


def _same_outlet(articles: Sequence[Article]) -> np.ndarray:
    """Which pairs of articles have one outlet."""
    codes = outlet_codes(articles)
    same: np.ndarray = codes[:, None] == codes[None, :]
    np.fill_diagonal(same, False)
    return same


def _cut(similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clusters of cosine distance cut at ``threshold``: a label per item."""
    from scipy.cluster.hierarchy import fcluster, linkage

    upper = np.triu_indices(len(similarity), 1)
    distances = np.clip(1.0 - similarity[upper], 0.0, 2.0)
    labels: np.ndarray = fcluster(linkage(distances, method="average"), t=threshold,
                                  criterion="distance")
    return labels


def _typical_size(labels: np.ndarray) -> float:
    """The size of the story a typical article is in (the article-weighted median)."""
    sizes = np.bincount(labels)
    return float(np.median(sizes[labels]))


def _shared_neighbours(similarity: np.ndarray, k: int) -> np.ndarray:
    """Shared-nearest-neighbour similarity (Jarvis & Patrick 1973): the share of their ``k``
    most similar articles that two articles have in common."""
    from scipy.sparse import csr_matrix

    n = len(similarity)
    k = min(k, n - 1)
    ranked = similarity.copy()
    np.fill_diagonal(ranked, -np.inf)
    nearest = np.argsort(-ranked, axis=1, kind="stable")[:, :k]
    del ranked
    member = csr_matrix((np.ones(n * k), (np.repeat(np.arange(n), k), nearest.ravel())),
                        shape=(n, n))
    shared: np.ndarray = (member @ member.T).toarray() / k
    return shared


def bcubed(predicted: Sequence[int], gold: Sequence[str | int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering (one label per
    item) against the gold labels: per item, the share of its cluster that shares its gold
    label, and the share of its gold class that shares its cluster, averaged over items."""
    pairs = Counter(zip(predicted, gold, strict=True))
    cluster_size = Counter(predicted)
    class_size = Counter(gold)
    precision = sum(count * count / cluster_size[c] for (c, _), count in pairs.items())
    recall = sum(count * count / class_size[g] for (_, g), count in pairs.items())
    n = len(predicted)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
