"""How sentences depend on their neighbours, and an order in which a brief reads naturally.

A sentence *leans on* the one before it when it opens with a word that points back at something
said earlier: a pronoun or demonstrative ("She had left by then...", "This doubles..."),
a connective ("But after...", "Meanwhile, ...") or a quotation with no speaker named after it.
Lifted out of its article, such a sentence dangles; the selection leaves it out unless the
sentence it leans on is in the brief too (``[sentences] dangling``).

A brief opens with a sentence that introduces the story: an article's first sentence, the one a
news editor chose to put first. The rest follow in the articles' order, each article's
sentences in their own order, so that a sentence and the one it leans on stay together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from summarize.model import Corpus, Sentence
from summarize.text.languages import language as language_of
from summarize.text.tokens import first_word, words

# First words that refer back: personal and demonstrative pronouns and determiners.
REFERRING = frozenset({
    "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
    "this", "these", "those", "that", "such", "here", "both", "neither", "either",
    "the latter", "the former",
})
# Connectives and adverbs that continue an argument begun before the sentence. (Subordinating
# words such as "although" or "while" open a self-contained sentence, so they are not here.)
CONNECTIVES = frozenset({
    "but", "and", "or", "nor", "so", "yet", "also", "still", "however", "meanwhile",
    "moreover", "instead", "then", "thus", "therefore", "nevertheless", "nonetheless",
    "furthermore", "besides", "otherwise", "hence", "likewise", "similarly", "additionally",
    "consequently", "indeed", "afterwards", "afterward", "later", "earlier", "again", "too",
    "even", "further", "in addition",
    "for example", "for instance", "in contrast", "on the other hand", "as a result",
    "at the same time", "by contrast", "in turn", "in fact", "after that", "that is",
})
_PHRASES = frozenset(p for p in REFERRING | CONNECTIVES if " " in p)
_LONGEST = max(len(p.split()) for p in _PHRASES)
_PHRASE_STARTS = frozenset(p.split()[0] for p in _PHRASES)  # "at" of "at the same time"
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|tells|added|adds|according|asked|asks|stated|states|explained|"
    r"noted|notes|wrote|writes|declared|insisted|argued|recalled|warned|announced)\b",
    re.IGNORECASE)
_QUOTES = "\"'"


def leans_on_previous(text: str, language: str = "en") -> bool:
    """Whether ``text`` opens with a reference to something said before it (in English, or
    by the pronouns and connectives :mod:`summarize.text.languages` lists for ``language``)."""
    text = text.lstrip()
    spoken = language_of(language)
    if spoken.code != "en":
        tokens = words(text[:80].lower(), spoken.code)
        # without spaces, a connective may be two of the dictionary's words ("でも", "だが")
        openings = tokens[:1] if spoken.words == "unicode" else [*tokens[:1], "".join(tokens[:2])]
        return any(t in spoken.referring or t in spoken.connectives for t in openings)
    if text[:1] in _QUOTES:
        return not _attributed_quote(text)
    opening = text[:80].lower()
    first = first_word(opening)  # most sentences are settled by it: the rest is not read
    if first is None:
        return False
    if first in REFERRING or first in CONNECTIVES:
        return True
    if first not in _PHRASE_STARTS:
        return False
    tokens = words(opening)
    return any(" ".join(tokens[:k]) in _PHRASES for k in range(2, _LONGEST + 1))


def _attributed_quote(text: str) -> bool:
    """A sentence that opens a quotation names its speaker after the quotation closes."""
    close = text.find(text[0], 1)
    return close > 0 and bool(_ATTRIBUTION.search(text[close + 1:]))


def dangling(corpus: Corpus) -> np.ndarray:
    """For each sentence, whether it leans on the sentence before it."""
    return np.array([leans_on_previous(s.text, corpus.language) for s in corpus.sentences],
                    dtype=bool)


def anchors(corpus: Corpus) -> tuple[tuple[int, ...], ...]:
    """For each sentence, the sentences just before its occurrences (what it may lean on)."""
    at: dict[tuple[int, int], int] = {}
    for sentence in corpus.sentences:
        for o in sentence.occurrences:
            at[(o.article, o.position)] = sentence.id
    return tuple(
        tuple(sorted({at[key] for o in s.occurrences
                      if (key := (o.article, o.position - 1)) in at}))
        for s in corpus.sentences
    )


def is_lead(sentence: Sentence) -> bool:
    """An article's first sentence (in any of the articles that carry it)."""
    return any(o.position == 0 for o in sentence.occurrences)


def story_order(corpus: Corpus, chosen: Sequence[int], scores: np.ndarray) -> list[int]:
    """``chosen`` in reading order: the opener, then article by article, in position order.

    The opener is the best-scored article lead among ``chosen``, or failing one, the sentence
    that comes earliest in its article (best score first among equals). The opener's article
    continues, then the other articles follow in their order.
    """
    if not chosen:
        return []
    sentences = corpus.sentences

    def place(i: int) -> tuple[bool, int, int]:
        first = sentences[i].first
        return first.article != opening_article, first.article, first.position

    def earliness(i: int) -> tuple[bool, int, float, int]:
        s = sentences[i]
        return (not is_lead(s), min(o.position for o in s.occurrences), -float(scores[i]), i)

    opener = min(chosen, key=earliness)
    opening_article = sentences[opener].first.article
    return [opener, *sorted((i for i in chosen if i != opener), key=place)]
