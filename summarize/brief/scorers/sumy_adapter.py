"""sumy's classic algorithms as scorers, fed our own sentences and tokens.

sumy normally parses text itself with NLTK's punkt model, which would have to be downloaded; we
hand it a document built from the merged corpus instead: one paragraph per source paragraph,
article headlines as headings, words from :func:`summarize.text.tokens.words`, Snowball stemming.
Two fixes to sumy's model: its ``Sentence`` compares and hashes by text, so ours carries the
integer id and is identified by it; and each summariser's ratings are captured at the point
where sumy would sort them (``_get_best_sentences``), giving one score per sentence instead of
a cut-down selection.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from summarize.brief.vectors import Features
from summarize.model import Corpus
from summarize.text.languages import language as language_of
from summarize.text.languages import stemmer
from summarize.text.languages import stop_words as stop_words_of
from summarize.text.tokens import Memo, words

# our algorithm name -> (sumy module, class name)
SUMY_CLASSES = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "sumy-textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
}


class _Tokenizer:
    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(words(text))


@lru_cache(maxsize=1)
def _id_sentence() -> Any:
    """sumy's ``Sentence``, identified by our integer id instead of by its text."""
    from sumy.models.dom import Sentence

    class IdSentence(Sentence):  # type: ignore[misc]  # sumy is untyped
        __slots__ = ("sid",)

        def __init__(self, sid: int, text: str, heading: bool = False) -> None:
            super().__init__(text, _Tokenizer, heading)
            self.sid = sid

        def __eq__(self, other: object) -> bool:
            return isinstance(other, IdSentence) and other.sid == self.sid

        def __hash__(self) -> int:
            return hash(self.sid)

    return IdSentence


def sumy_document(corpus: Corpus) -> Any:
    """The corpus as sumy's document model: one paragraph per source paragraph (a sentence
    in the paragraph where it first appears), each headline a heading with a negative id."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph

    id_sentence = _id_sentence()
    groups: dict[tuple[int, int], list[Any]] = {}
    for article in corpus.articles:
        if article.headline:
            groups[(article.id, -1)] = [id_sentence(-1 - article.id, article.headline, True)]
    for s in corpus.sentences:
        groups.setdefault((s.first.article, s.first.paragraph), []).append(
            id_sentence(s.id, s.text))
    return ObjectDocumentModel([Paragraph(groups[key]) for key in sorted(groups)])


def sumy_summarizer(algorithm: str, language: str, corpus: Corpus, *,
                    base: type | None = None) -> Any:
    """sumy's summariser for ``algorithm`` (or a subclass of it, ``base``), set up as the
    adapter uses it: Snowball stemming, sumy's stop words, Edmundson's word lists from the
    corpus."""
    import importlib

    from sumy.utils import get_stop_words

    if base is None:
        module_name, class_name = SUMY_CLASSES[algorithm]
        base = getattr(importlib.import_module(module_name), class_name)
    spoken = language_of(language)
    # sumy stems a word each time it meets it: the stems are kept, as the analysers keep theirs
    summarizer = base(Memo(stemmer(spoken.stemmer)).__getitem__ if spoken.stemmer else str)
    try:
        stop_words = frozenset(get_stop_words(spoken.name))
    except LookupError:  # sumy has no list for this language: ours
        stop_words = stop_words_of(spoken.code)
    if algorithm == "edmundson":
        content = Counter(w.lower() for s in corpus.sentences for w in words(s.text)
                          if w.lower() not in stop_words)
        summarizer.bonus_words = [w for w, _ in content.most_common(20)]
        summarizer.stigma_words = ["perhaps", "reportedly"]
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    return summarizer


@dataclass(frozen=True)
class SumyScorer:
    """Rate sentences with one of sumy's summarisers (see :data:`SUMY_CLASSES`)."""

    algorithm: str = "lexrank"
    language: str = "english"

    def score(self, features: Features) -> np.ndarray:
        corpus = features.corpus
        if len(corpus) == 0:
            return np.zeros(0)
        import importlib

        module_name, class_name = SUMY_CLASSES[self.algorithm]
        base = getattr(importlib.import_module(module_name), class_name)
        ratings: dict[int, float] = {}

        class Capturing(base):  # type: ignore[misc,valid-type]
            def _get_best_sentences(self, sentences: Any, count: Any, rating: Any,
                                    *args: Any, **kwargs: Any) -> tuple[()]:
                for s in sentences:
                    value = rating[s] if isinstance(rating, dict) else rating(s, *args, **kwargs)
                    ratings[s.sid] = float(value)
                return ()

        language = corpus.language if self.language == "auto" else self.language
        summarizer = sumy_summarizer(self.algorithm, language, corpus, base=Capturing)
        with warnings.catch_warnings():  # sumy divides by zero norms on tiny inputs
            warnings.simplefilter("ignore", RuntimeWarning)
            summarizer(sumy_document(corpus), len(corpus))
        values = np.array([ratings.get(s.id, 0.0) for s in corpus.sentences])
        values[~np.isfinite(values)] = 0.0
        return values
