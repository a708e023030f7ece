"""Language-level text work: cleaning (:mod:`~summarize.text.clean`), sentences and words
(:mod:`~summarize.text.segment`), and merging articles into one corpus of unique sentences
(:mod:`~summarize.text.merge`). The lowest room above the model and the configuration.
"""
