"""Keep modules that scikit-learn and SciPy import but the pipeline never calls off the start-up
path.

Importing anything from scikit-learn runs ``import scipy.stats`` (in ``sklearn.utils.fixes``,
for one helper). In SciPy 1.16 and 1.17 that import rewrites the docstrings of hundreds of
functions and takes 0.3-0.7 s on a small machine (measured: a third of a whole 2,000-sentence
run), none of it used by ``TfidfVectorizer``. And SciPy's copy of ``array_api_compat`` clones
numpy's namespace by reading every name ``dir(numpy)`` lists, which imports numpy's lazily
loaded submodules; of those, its test tools, f2py and polynomials (60 ms of every run, a tenth
of a one-sentence brief) are used by nothing the pipeline runs.

:func:`defer_unused` puts a placeholder module in ``sys.modules`` for each such module, and
in its package's namespace; the first time anything reads an attribute of it, the
placeholder imports the real module and takes on its contents, so code that does use it sees
no difference, only a later import.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

# Imported by scikit-learn or SciPy at start-up, never called by anything the pipeline runs.
UNUSED = ("scipy.stats", "numpy.testing", "numpy.f2py", "numpy.polynomial")


class _Deferred(ModuleType):
    """A module that imports itself on the first attribute that is not there yet."""

    def __init__(self, spec: ModuleSpec) -> None:
        super().__init__(spec.name)
        # The import system reads ``__spec__`` to see whether a module is still initialising;
        # having it here keeps a plain ``import scipy.stats`` from loading the real module.
        self.__spec__ = spec

    def __getattr__(self, attribute: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        try:
            real = importlib.import_module(name)
        except BaseException:
            sys.modules.setdefault(name, self)
            raise
        self.__dict__.update(real.__dict__)
        return getattr(real, attribute)


def defer_unused() -> None:
    """Defer every module in :data:`UNUSED` that is installed and not imported yet."""
    for name in UNUSED:
        if name in sys.modules:
            continue
        package, _, child = name.rpartition(".")
        spec = importlib.util.find_spec(name)  # imports ``package``
        if spec is not None:
            sys.modules[name] = placeholder = _Deferred(spec)
            # numpy's __getattr__ would ``import numpy.testing as testing``, which reads the
            # attribute back, calling it again: with the attribute there, it is never asked
            if package:
                setattr(sys.modules[package], child, placeholder)
