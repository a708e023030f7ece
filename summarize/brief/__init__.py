"""The summariser: a corpus in, a :class:`~summarize.model.Brief` out.

:mod:`~summarize.brief.pipeline` runs the stages: features (:mod:`~summarize.brief.vectors`),
sentence scores (:mod:`~summarize.brief.scorers`), concepts
(:mod:`~summarize.brief.concepts`), selection (:mod:`~summarize.brief.ilp`,
:mod:`~summarize.brief.select`) and the reading order and dangling-sentence rules
(:mod:`~summarize.brief.discourse`). It starts from articles: where they came from is
:mod:`summarize.inputs`' business.
"""
