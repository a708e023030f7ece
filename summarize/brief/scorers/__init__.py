"""Sentence scorers, and the registry (:mod:`summarize.brief.scorers.registry`) that names them.

Importing this package is light: the scorer classes, and numpy with them, load when
:func:`build` first builds one.
"""

from summarize.brief.scorers.registry import COMPONENTS, NAMES, REGISTRY, SUMY_NAMES, build

__all__ = ["COMPONENTS", "NAMES", "REGISTRY", "SUMY_NAMES", "build"]
