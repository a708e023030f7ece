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
from summarize.text.tokens import Memo, words

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
    """A corpus's concepts (in order of first appearance, as ids into ``stems``), each
    sentence's concept ids (``found[bounds[i]:bounds[i + 1]]``: sentence ``i``'s, in the
    order they occur in it), and the features (one row a concept, columns as
    :data:`NAMES`)."""

    stems: tuple[str, ...]
    left: np.ndarray  # per concept, its first word's stem id
    right: np.ndarray
    found: np.ndarray
    bounds: np.ndarray
    features: np.ndarray

    @property
    def concepts(self) -> tuple[Concept, ...]:
        return tuple((self.stems[a], self.stems[b])
                     for a, b in zip(self.left.tolist(), self.right.tolist(), strict=True))


def concept_table(corpus: Corpus) -> ConceptTable:
    """Every concept of ``corpus`` with its features (see the module's docstring)."""
    from scipy.sparse import csr_matrix

    stem_of = stems(corpus.language)
    vocabulary: dict[str, int] = {}  # stem -> id

    def code(raw: str) -> int:  # 4 * its stem's id + 2 * (capitalised) + (a stop word)
        found = stem_of(raw.lower())
        return -1 if found is None else 4 * vocabulary.setdefault(
            found[0], len(vocabulary)) + 2 * raw[:1].isupper() + found[1]

    analysed = Memo(code).__getitem__  # by the word as written; -1: no word
    flat: list[int] = []
    lengths: list[int] = []
    for sentence in corpus.sentences:  # codes only: the words themselves are not kept
        raws = words(sentence.text, corpus.language)
        lengths.append(len(raws))
        flat.extend(map(analysed, raws))
    codes = np.array(flat, dtype=np.int64)
    opening = np.zeros(len(codes), dtype=bool)  # a sentence's first word
    opening[(np.cumsum(lengths) - lengths)[np.array(lengths) > 0]] = True
    kept = codes >= 0
    later = codes[kept & ~opening]
    stem_ids, stops = codes[kept] // 4, (codes[kept] % 2).astype(bool)
    sentence_ids = np.repeat(np.arange(len(lengths)), lengths)[kept]
    n, articles = len(corpus.sentences), max(1, len(corpus.articles))
    # a concept: two adjacent tokens of one sentence, not both stop words; once a sentence
    size = max(1, len(vocabulary))
    pair = (sentence_ids[1:] == sentence_ids[:-1]) & ~(stops[1:] & stops[:-1])
    pair_key = stem_ids[:-1][pair] * size + stem_ids[1:][pair]
    pair_sentence = sentence_ids[1:][pair]
    pair_stop = (stops[:-1] | stops[1:])[pair]
    _, once = np.unique(pair_sentence * size * size + pair_key, return_index=True)
    once.sort()  # in order of appearance
    pair_key, pair_sentence, pair_stop = pair_key[once], pair_sentence[once], pair_stop[once]
    sorted_keys, first_seen, concept_of = np.unique(pair_key, return_index=True,
                                                    return_inverse=True)
    by_appearance = np.argsort(first_seen, kind="stable")  # ids follow first appearance
    renumber = np.empty(len(sorted_keys), dtype=np.int64)
    renumber[by_appearance] = np.arange(len(sorted_keys))
    concept_of = renumber[concept_of.ravel()]
    keys = sorted_keys[by_appearance]
    stop = pair_stop[first_seen[by_appearance]].astype(np.float64)
    m = len(keys)
    stem_text = tuple(vocabulary)
    left, right = keys // size, keys % size
    counts = np.bincount(pair_sentence, minlength=n)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    if not m:
        return ConceptTable(stem_text, left, right, concept_of, indptr,
                            np.zeros((0, len(NAMES))))
    has = csr_matrix((np.ones(len(concept_of)), concept_of, indptr), shape=(n, m))
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
    headline_keys = [vocabulary[a] * size + vocabulary[b] for article in corpus.articles
                     for a, b in _concepts(article.headline or "", stem_of, corpus.language)
                     if a in vocabulary and b in vocabulary]
    at = np.searchsorted(sorted_keys, headline_keys)
    hit = (at < len(sorted_keys)) & (sorted_keys[np.minimum(at, len(sorted_keys) - 1)]
                                     == headline_keys)
    headlines = np.bincount(renumber[at[hit]], minlength=m).astype(np.float64)
    # the concepts' words: how many articles use each, digits, capitals
    spread = csr_matrix((np.ones(2 * m), (np.r_[np.arange(m), np.arange(m)],
                                          np.r_[left, right])), shape=(m, size))
    word_articles = np.asarray(((present @ spread) > 0).sum(axis=0)).ravel() / articles
    word_share = np.column_stack([word_articles[left], word_articles[right]])
    has_digit = np.array([_DIGIT.search(w) is not None for w in stem_text] or [False])
    # per stem, after a sentence's first word: how often, how often capitalised
    seen = np.bincount(later // 4, minlength=size).astype(np.float64)
    upper = np.bincount(later[(later // 2) % 2 == 1] // 4, minlength=size).astype(np.float64)
    capital = np.divide(upper, seen, out=np.zeros(size), where=seen > 0)
    digit = (has_digit[left] | has_digit[right]).astype(np.float64)
    caps = (capital[left] + capital[right]) / 2
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
    features = np.empty((m, len(NAMES)))  # filled in place: at 50,000 sentences it is large
    for k, name in enumerate(BASE):
        features[:, k] = columns[name]
    for k, name in enumerate(SCALED, len(BASE)):
        np.multiply(columns[name], articles_log, out=features[:, k])
    return ConceptTable(stem_text, left, right, concept_of, indptr, features)


def _concepts(text: str, stem_of: Stemmer, language: str) -> list[Concept]:
    tokens = [found for raw in words(text.lower(), language)
              if (found := stem_of(raw)) is not None]
    return list(pairs_of(tokens))
