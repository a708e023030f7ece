"""Grouping articles into stories: the articles about the same event, from whatever outlets.

Each article is a TF-IDF vector of its stemmed content words (headline counted twice, as
editors put the event in it), sublinear term frequency, words in more than half the articles
dropped as carrying no event (from :data:`MIN_FOR_CUT` articles on: in a handful, every shared
word is in most of them). Stories are the clusters of average-linkage agglomerative
clustering on cosine distance, cut at ``[stories] threshold`` (scipy's ``linkage`` and
``fcluster``). Average linkage, not single: one article that mentions two events does not
chain their stories together. The method and threshold were chosen by measurement on the
development data (1,250 DUC 2006 articles in 50 stories, mixed): the B-cubed F1 and the time
are in BENCHMARKS.md, and :func:`bcubed` is the measure.

Memory grows with the square of the number of articles (the distance matrix): about 10,000
articles (400 MB) is the practical limit of one digest, far above a morning's news.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from summarize.config import StoryConfig
from summarize.model import Article
from summarize.segment import analyzer

MIN_FOR_CUT = 20


def cluster(articles: Sequence[Article], config: StoryConfig, *,
            language: str = "english") -> list[list[int]]:
    """Stories as lists of article positions; stories in order of their first article."""
    if len(articles) < 2:
        return [[i] for i in range(len(articles))]
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyse = analyzer(language, stem=True, stop_words=True)
    docs = [" ".join([*analyse(a.headline or ""), *analyse(a.headline or ""),
                      *analyse(" ".join(a.paragraphs))]) for a in articles]
    # In a handful of articles every shared word is in most of them: the cut applies from
    # MIN_FOR_CUT articles on.
    share = config.max_document_share if len(articles) >= MIN_FOR_CUT else 1.0
    vectorizer = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                                 sublinear_tf=True, max_df=share, dtype=np.float64)
    try:
        vectors = vectorizer.fit_transform(docs)
    except ValueError:  # no term left (empty articles, or every word everywhere)
        return [[i] for i in range(len(articles))]
    similarity = np.asarray((vectors @ vectors.T).todense())
    n = len(articles)
    upper = np.triu_indices(n, 1)
    distances = np.clip(1.0 - similarity[upper], 0.0, 2.0)
    labels = fcluster(linkage(distances, method="average"), t=config.threshold,
                      criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return sorted(groups.values(), key=lambda g: g[0])


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
