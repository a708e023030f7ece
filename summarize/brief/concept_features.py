"""What is known of each concept of a corpus, for the learned concept weights.

Every concept (a stemmed word bigram, not two stop words: :mod:`summarize.brief.concepts`) gets
the features of Li, Qian & Liu (2013, "Using Supervised Bigram-based ILP for Extractive
Summarization") that carry over to news of 2 to 25 articles: how many of the articles have it
(as a share, and as a log count), in their first sentence, in their first two, in their
headlines; how early it comes in the articles that have it; how often it occurs; whether it
holds a stop word or a digit, how often its words are capitalised mid-sentence (names), how
widely each of its words is used, and the length of the sentences it is in; and the cluster's
size, alone and times the features whose meaning changes with it (a bigram in two of two
articles is not one in two of twenty).

All of it is counted with sparse matrices over the sentences' occurrences, in one pass over
the words; :data:`NAMES` orders the columns.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from summarize.brief.concepts import Concept, Stemmer, pairs_of, stems
from summarize.model import Corpus
from summarize.text.segment import words

BASE = ("article_share", "article_log", "first_share", "lead_share", "headline_share",
        "first_position", "occurrences_log", "stop_word", "digit", "capitalised",
        "articles_log", "word_share_min", "word_share_max", "sentence_words", "one_article")
# features times log(number of articles)
SCALED = ("article_share", "first_share", "lead_share", "headline_share", "first_position",
          "occurrences_log", "word_share_min", "word_share_max")
NAMES = (*BASE, *(f"{name}*articles_log" for name in SCALED))
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class ConceptTable:
    """A corpus's concepts (in order of first appearance), each sentence's concept ids, and
    the features (one row a concept, columns as :data:`NAMES`)."""

    concepts: tuple[Concept, ...]
    of_sentence: tuple[tuple[int, ...], ...]
    features: np.ndarray


def concept_table(corpus: Corpus) -> ConceptTable:
    """Every concept of ``corpus`` with its features (see the module's docstring)."""
    from scipy.sparse import csr_matrix

    stem_of = stems(corpus.language)
    ids: dict[Concept, int] = {}
    stop_words: list[bool] = []  # per concept: it holds a stop word
    of_sentence: list[tuple[int, ...]] = []
    capitalised: dict[str, list[int]] = {}  # stem -> [capitalised, seen] after a first word
    for sentence in corpus.sentences:
        tokens = []
        for index, raw in enumerate(words(sentence.text)):
            token = stem_of(raw.lower())
            if token is None:
                continue
            tokens.append(token)
            if index:
                counts = capitalised.setdefault(token[0], [0, 0])
                counts[0] += raw[:1].isupper()
                counts[1] += 1
        found_ids = []
        for concept, holds_stop in pairs_of(tokens).items():
            if concept not in ids:
                ids[concept] = len(ids)
                stop_words.append(holds_stop)
            found_ids.append(ids[concept])
        of_sentence.append(tuple(found_ids))
    concepts = tuple(ids)
    m, n, articles = len(concepts), len(corpus.sentences), max(1, len(corpus.articles))
    if not m:
        return ConceptTable(concepts, tuple(of_sentence), np.zeros((0, len(NAMES))))
    indptr = np.cumsum([0, *(len(c) for c in of_sentence)])
    indices = np.fromiter((c for cs in of_sentence for c in cs), dtype=np.int64,
                          count=int(indptr[-1]))
    has = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, m))
    # one row per occurrence of a sentence in an article
    occurrence = [(s.id, o.article, o.position) for s in corpus.sentences for o in s.occurrences]
    sentence_of = np.array([o[0] for o in occurrence], dtype=np.int64)
    article_of = np.array([o[1] for o in occurrence], dtype=np.int64)
    position = np.array([o[2] for o in occurrence], dtype=np.float64)
    length = np.zeros(len(corpus.articles) or 1)
    np.maximum.at(length, article_of, position + 1)
    occurs = has[sentence_of]  # occurrences x concepts
    in_article = csr_matrix((np.ones(len(occurrence)), (article_of, np.arange(len(occurrence)))),
                            shape=(articles, len(occurrence)))
    present = (in_article @ occurs) > 0  # articles x concepts

    def share_where(mask: np.ndarray) -> np.ndarray:
        hits = (in_article[:, mask] @ occurs[mask]) > 0
        return np.asarray(hits.sum(axis=0)).ravel() / articles

    found = np.asarray(present.sum(axis=0)).ravel()
    occurrences = np.asarray(occurs.sum(axis=0)).ravel()
    sentence_words = np.array([s.words for s in corpus.sentences], dtype=np.float64)
    words_per = (sentence_words[sentence_of] @ occurs) / occurrences
    # how early: per article that has the concept, its first position over the article's
    # length; averaged over those articles
    rows, cols = occurs.nonzero()
    relative = position[rows] / length[article_of[rows]]
    key = article_of[rows] * m + cols
    order = np.lexsort((relative, key))
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    earliest = np.bincount(cols[order][first], weights=relative[order][first], minlength=m)
    first_position = earliest / np.maximum(found, 1)
    headlines = np.zeros(m)
    for article in corpus.articles:
        if article.headline:
            for concept in _concepts(article.headline, stem_of):
                if concept in ids:
                    headlines[ids[concept]] += 1
    word_articles: dict[str, set[int]] = {}
    present_coo = present.tocoo()
    for a, c in zip(present_coo.row.tolist(), present_coo.col.tolist(), strict=True):
        for word in concepts[c]:
            word_articles.setdefault(word, set()).add(a)
    word_share = np.array([[len(word_articles[w]) / articles for w in c] for c in concepts])
    stop = np.array(stop_words, dtype=np.float64)
    digit = np.array([_DIGIT.search(a) is not None or _DIGIT.search(b) is not None
                      for a, b in concepts], dtype=np.float64)
    share_capitalised = {w: up / max(1, seen) for w, (up, seen) in capitalised.items()}
    caps = np.array([(share_capitalised.get(a, 0.0) + share_capitalised.get(b, 0.0)) / 2
                     for a, b in concepts])
    articles_log = np.full(m, math.log(articles))
    columns = {
        "article_share": found / articles, "article_log": np.log(np.maximum(found, 1)),
        "first_share": share_where(position < 1), "lead_share": share_where(position < 2),
        "headline_share": headlines / articles, "first_position": first_position,
        "occurrences_log": np.log(np.maximum(occurrences, 1)), "stop_word": stop,
        "digit": digit, "capitalised": caps, "articles_log": articles_log,
        "word_share_min": word_share.min(axis=1), "word_share_max": word_share.max(axis=1),
        "sentence_words": words_per, "one_article": (found == 1).astype(np.float64),
    }
    base = np.column_stack([columns[name] for name in BASE])
    scaled = np.column_stack([columns[name] * articles_log for name in SCALED])
    return ConceptTable(concepts, tuple(of_sentence), np.hstack([base, scaled]))


def _concepts(text: str, stem_of: Stemmer) -> list[Concept]:
    tokens = [found for raw in words(text.lower()) if (found := stem_of(raw)) is not None]
    return list(pairs_of(tokens))
