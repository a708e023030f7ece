"""summarize: an extractive multi-document news summariser.

The package is a library first::

    import summarize
    brief = summarize.summarize(["First article text ...", "Second article ..."], sentences=3)
    print(brief.text)

:func:`summarize` reads articles (strings or paths), merges them into one corpus, scores every
sentence, selects a brief under a budget with a redundancy penalty and returns a :class:`Brief`.
:class:`Config` shapes it; every failure is a :class:`SummarizeError`. The command line
(:mod:`summarize.cli`) is a thin layer over the same library. Heavy libraries (scikit-learn,
scipy, sumy) are imported only where they are used, so importing this package and running
``summarize --help`` stay fast.
"""

from summarize.api import summarize
from summarize.config import Config
from summarize.errors import SummarizeError
from summarize.model import Brief
from summarize.version import __version__

__all__ = ["Brief", "Config", "SummarizeError", "__version__", "summarize"]
