"""Language-level text work: cleaning (:mod:`~summarize.text.clean`), sentences
(:mod:`~summarize.text.segment`), words and terms (:mod:`~summarize.text.tokens`), and merging
articles into one corpus of unique sentences (:mod:`~summarize.text.merge`). The lowest room
above the model and the configuration.
"""
