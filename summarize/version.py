"""The package's version, in one place: the build reads it (pyproject's ``[tool.hatch.version]``)
and so do the modules that print it, without importing the package's front door."""

__version__ = "0.1.0"
