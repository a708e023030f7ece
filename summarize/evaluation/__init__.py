"""Evaluation: datasets of clusters and references (:mod:`~summarize.evaluation.dataset`),
ROUGE (:mod:`~summarize.evaluation.rouge`), intervals and paired tests
(:mod:`~summarize.evaluation.stats`), and the systems compared by ``summarize evaluate``
(:mod:`~summarize.evaluation.evaluate`).
"""
