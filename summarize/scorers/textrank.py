"""TextRank: PageRank over the sentence-similarity graph (Mihalcea & Tarau 2004).

Nodes are sentences; edges are TF-IDF cosine similarities of at least ``threshold`` (weaker
ones are noise and would make the graph dense). The graph is built blockwise and stays sparse,
and PageRank runs by power iteration on it, so 50,000 sentences are routine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from summarize.config import FeatureConfig, TextRankConfig
from summarize.model import Corpus
from summarize.vectors import pagerank, similarity_graph, tfidf_vectors


@dataclass(frozen=True)
class TextRankScorer:
    features: FeatureConfig = field(default_factory=FeatureConfig)
    params: TextRankConfig = field(default_factory=TextRankConfig)

    def score(self, corpus: Corpus) -> np.ndarray:
        graph = similarity_graph(tfidf_vectors(corpus, self.features), self.params.threshold)
        return pagerank(graph, damping=self.params.damping, tolerance=self.params.tolerance,
                        max_iterations=self.params.max_iterations)
