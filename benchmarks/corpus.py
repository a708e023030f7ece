"""Synthetic news-like articles for the speed benchmark.

Words are drawn from real English word frequencies (the ``wordfreq`` package's list), so the
vocabulary, its long tail and sentence overlap look like news text rather than one article
repeated (which would make every sentence a duplicate). Each article mixes a shared "story"
vocabulary with background words, as a cluster of articles about one story does.
"""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES_PER_ARTICLE = 25


def vocabulary(size: int = 30_000) -> tuple[list[str], list[float]]:
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", size) if w.isalpha()]
    return words, [word_frequency(w, "en") for w in words]


def write_corpus(folder: Path, sentences: int, seed: int = 13) -> None:
    """Write ``sentences`` sentences as articles of 25 sentences into ``folder``."""
    rng = random.Random(seed)
    words, weights = vocabulary()
    story = rng.sample(words[300:5000], 40)
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    article = 0
    for i in range(sentences):
        length = rng.randint(8, 32)
        chosen = rng.choices(words, weights, k=length)
        for _ in range(rng.randint(1, 4)):
            chosen[rng.randrange(length)] = rng.choice(story)
        lines.append(" ".join(chosen).capitalize() + ".")
        if len(lines) == SENTENCES_PER_ARTICLE or i == sentences - 1:
            (folder / f"article_{article:05d}.txt").write_text("\n".join(lines) + "\n")
            lines = []
            article += 1


def sentence(rng: random.Random, words: list[str], weights: list[float], story: list[str], *,
             shortest: int, longest: int, swaps: tuple[int, int] = (1, 3)) -> str:
    """A sentence of background words by frequency, a few of them swapped for ``story``'s."""
    chosen = rng.choices(words, weights, k=rng.randint(shortest, longest))
    for _ in range(rng.randint(*swaps)):
        chosen[rng.randrange(len(chosen))] = rng.choice(story)
    return " ".join(chosen).capitalize() + "."
