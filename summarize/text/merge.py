"""Merge articles into one corpus of unique sentences.

Every paragraph is segmented (:mod:`summarize.text.segment`). Sentences that are identical after
normalisation (case, punctuation and quoting ignored) collapse into one :class:`Sentence` that
remembers each article, paragraph and position it came from, so a sentence repeated within an
article or quoted by several articles is scored, and shown, once.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.config import FeatureConfig
from summarize.model import Article, Corpus, Occurrence, Sentence
from summarize.text.detect import resolve
from summarize.text.segment import split_sentences
from summarize.text.tokens import analyzer, count_words, unicode_words, word_analyzer, words


def sentence_key(text: str) -> str:
    """The identity of a sentence for merging: its lower-cased words, single-spaced."""
    return " ".join(words(text.casefold()))


def merge(articles: Sequence[Article], *, language: str = "en",
          features: FeatureConfig | None = None) -> Corpus:
    """Segment ``articles`` (as ``language``: a code or a name) and collapse duplicate
    sentences; ids follow first appearance."""
    features = features or FeatureConfig()
    code = resolve(language, articles)
    analyse = analyzer(code, stem=features.stem, stop_words=features.stop_words)
    analyse_words = word_analyzer(code, stem=features.stem, stop_words=features.stop_words)
    plain = unicode_words(code)
    texts: list[str] = []
    terms: list[tuple[str, ...]] = []
    occurrences: list[list[Occurrence]] = []
    index: dict[str, int] = {}
    for article in articles:
        position = 0
        for p, paragraph in enumerate(article.paragraphs):
            for text in split_sentences(paragraph, code):
                key = sentence_key(text)
                if not key:
                    continue
                found = index.setdefault(key, len(texts))
                if found == len(texts):
                    texts.append(text)
                    # ASCII text: the key's words are the lower-cased text's words already
                    terms.append(analyse_words(key.split(" ")) if plain and text.isascii()
                                 else analyse(text))
                    occurrences.append([])
                occurrences[found].append(Occurrence(article.id, p, position))
                position += 1
    sentences = tuple(
        Sentence(i, text, analysed, count_words(text, code), tuple(occ))
        for i, (text, analysed, occ) in enumerate(zip(texts, terms, occurrences, strict=True))
    )
    return Corpus(tuple(articles), sentences, code)
