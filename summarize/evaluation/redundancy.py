"""How much a summary repeats itself: content-word bigrams said in two of its sentences.

A bigram here is two adjacent stemmed content words (stop words removed first, words of three
letters or more), so "made a surprise visit to Iraq" and "made a surprise visit to Iraq on
June 23" share "surpris visit" and "visit iraq". The rate is the number of distinct bigrams
that occur in two or more sentences of one summary, per 100 words of it (the summary cut to
the word limit first, as ROUGE cuts it). Human summaries have a rate of their own, the line a
system should stay under: a system can win ROUGE by saying one thing twice, and a reader
notices.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from summarize.text.segment import split_sentences
from summarize.text.tokens import analyzer


def repeated_bigrams(text: str, *, limit: int | None = None, language: str = "english"
                     ) -> tuple[int, int]:
    """The distinct repeated bigrams of ``text`` and its words (after the cut to ``limit``)."""
    words = text.split()
    if limit is not None:
        words = words[:limit]
    analyse = analyzer(language, stem=True, stop_words=True)
    seen: Counter[tuple[str, str]] = Counter()
    for sentence in split_sentences(" ".join(words)):
        terms = [t for t in analyse(sentence) if len(t) >= 3]
        seen.update(set(pairwise(terms)))
    return sum(1 for count in seen.values() if count > 1), len(words)


def rate(texts: Sequence[str], *, limit: int | None = None, language: str = "english"
         ) -> float:
    """Repeated bigrams per 100 words over ``texts``."""
    repeated = words = 0
    for text in texts:
        found, counted = repeated_bigrams(text, limit=limit, language=language)
        repeated += found
        words += counted
    return 100.0 * repeated / words if words else 0.0
