"""Options more than one command takes, and the allowed values they check, declared once.

The allowed values come from the library (the scorer registry, the configuration, the
renderer), so a new scorer or method appears in ``--help`` and is accepted without an edit
here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from summarize.config import ALGORITHMS, METHODS, ORDERS
from summarize.render import FORMATS

__all__ = ["ALGORITHMS", "FORMATS", "METHODS", "ORDERS", "ConfigFile", "Sentences", "Words",
           "choice"]


def choice(name: str, allowed: tuple[str, ...]) -> Callable[[str | None], str | None]:
    """A callback that accepts only ``allowed`` values for the option ``name``."""
    def check(value: str | None) -> str | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}",
                                     param_hint=name)
        return value
    return check


ConfigFile = Annotated[Path | None, typer.Option(
    "--config", "-c", help="TOML file layered over config/default.toml.")]
Sentences = Annotated[int | None, typer.Option(
    "--sentences", "-n", min=1, help="Brief length in sentences (default 5).")]
Words = Annotated[int | None, typer.Option(
    "--words", "-w", min=1, help="Brief length in words, at most.")]
