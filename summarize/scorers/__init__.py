"""Sentence scorers, and the registry (:mod:`summarize.scorers.registry`) that names them.

Importing this package is light: the scorer classes, and numpy with them, load when
:func:`build` first builds one.
"""

from summarize.scorers.registry import COMPONENTS, NAMES, REGISTRY, SUMY_NAMES, build

__all__ = ["COMPONENTS", "NAMES", "REGISTRY", "SUMY_NAMES", "build"]
