"""TextRank: PageRank over the sentence-similarity graph (Mihalcea & Tarau 2004).

Nodes are sentences; edges are TF-IDF cosine similarities of at least ``threshold`` (weaker
ones are noise and would make the graph dense). The graph is built blockwise and stays sparse,
and PageRank runs by power iteration on it, so 50,000 sentences are routine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.brief.graph import pagerank, similarity_graph
from summarize.brief.vectors import Features
from summarize.config import TextRankConfig


@dataclass(frozen=True)
class TextRankScorer:
    """Hyperparameters as in ``[textrank]``, with the same defaults."""

    damping: float = TextRankConfig.damping
    threshold: float = TextRankConfig.threshold
    tolerance: float = TextRankConfig.tolerance
    max_iterations: int = TextRankConfig.max_iterations

    def score(self, features: Features) -> np.ndarray:
        graph = similarity_graph(features.vectors, self.threshold)
        return pagerank(graph, damping=self.damping, tolerance=self.tolerance,
                        max_iterations=self.max_iterations)
