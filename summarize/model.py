"""Frozen data passed between the pipeline's stages.

Identity is always an integer id, never a sentence's text: two articles may carry the same
sentence, and the merged corpus keeps one :class:`Sentence` that remembers every
:class:`Occurrence`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One input (a file, stdin, a string, a web page) after cleaning."""

    id: int
    source: str  # the path or URL as given, or "<stdin>"
    name: str  # a short label for tags: the file name, or the site's name
    headline: str | None
    paragraphs: tuple[str, ...]
    url: str | None = None  # the page's address, for a web article
    published: datetime.datetime | None = None  # UTC, when the page or its feed says
    author: str | None = None
    site: str | None = None  # the outlet: "Example News"
    published_day_only: bool = False  # the source gave a day, not a time: its midnight UTC
    language: str | None = None  # ISO 639-1, detected from the text (None: not yet known)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a sentence appears: article id, paragraph index, sentence index in the article."""

    article: int
    paragraph: int
    position: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A merged sentence: its text as first seen, its analysed terms and every occurrence."""

    id: int
    text: str
    terms: tuple[str, ...]  # stemmed content words, in order: the features every scorer uses
    words: int  # number of words, for budgets and length bounds
    occurrences: tuple[Occurrence, ...]

    @property
    def first(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def articles(self) -> tuple[int, ...]:
        """Distinct article ids, in order of first appearance."""
        return tuple(dict.fromkeys(o.article for o in self.occurrences))


@dataclass(frozen=True, slots=True, eq=False)
class Corpus:
    """The merged articles: what every scorer reads.

    Compared by identity: comparing two corpora sentence by sentence is never needed.
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    language: str

    def __len__(self) -> int:
        return len(self.sentences)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was passed over, and why (reported as a warning)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Chosen:
    """A sentence picked for the brief, with the scores that explain the choice."""

    sentence: Sentence
    rank: int  # 1 = picked first
    score: float  # fused score in [0, 1]
    scores: dict[str, float]  # per-scorer normalised scores


@dataclass(frozen=True, slots=True)
class Brief:
    """The result: chosen sentences in display order, plus what produced them."""

    title: str | None
    chosen: tuple[Chosen, ...]
    corpus: Corpus
    requested: str  # the budget in words, e.g. "5 sentences"
    shortfall: bool  # fewer sentences than asked for were available

    @property
    def sentences(self) -> tuple[str, ...]:
        """The chosen sentences' text, in display order."""
        return tuple(c.sentence.text for c in self.chosen)

    @property
    def text(self) -> str:
        """The brief as one paragraph: its sentences joined by spaces."""
        return " ".join(self.sentences)
