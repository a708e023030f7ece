"""summarize: an extractive multi-document news summariser.

The package is a library first: :func:`summarize.pipeline.summarize_paths` reads articles, merges
them into one corpus, scores every sentence, selects a brief under a budget with a redundancy
penalty and returns a :class:`summarize.model.Brief`. The command line (:mod:`summarize.cli`) is a
thin layer over it. Heavy libraries (scikit-learn, scipy, sumy) are imported only where they are
used, so that ``summarize --help`` stays fast.
"""

__version__ = "0.1.0"
