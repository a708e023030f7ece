"""Where the bundled seeds and default configuration live.

A wheel carries them inside the package (``summarize/_bundled``, see pyproject's
``force-include``); an editable install or a source checkout finds them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str, repo_relative: str) -> Path:
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.exists() else _PACKAGE.parent / repo_relative


def seeds_dir() -> Path:
    """The folder of bundled articles summarised when no input is given."""
    return _bundled("seeds", "seeds")


def default_config_path() -> Path:
    """``config/default.toml``: every default, documented."""
    return _bundled("default.toml", "config/default.toml")
