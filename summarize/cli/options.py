"""Options more than one command takes, and the allowed values they check, declared once.

The allowed values come from the library (the scorer registry, the configuration, the
renderer), so a new scorer or method appears in ``--help`` and is accepted without an edit
here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from summarize.config import ALGORITHMS, METHODS, ORDERS
from summarize.render import FORMATS

__all__ = ["ALGORITHMS", "FORMATS", "METHODS", "ORDERS", "ConfigFile", "Language", "Sentences",
           "Since",
           "Words", "choice", "since_moment"]


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
Language = Annotated[str | None, typer.Option(
    "--language", "-l", help="auto (detect each article's; the default) or a language to "
    "analyse in, by code or name: en, de, fr, es, it, pt, nl, cs, sk, ru, uk, el, zh, ja.",
    show_default=False)]
Since = Annotated[str | None, typer.Option(
    "--since", help="Only feed entries and pages from this time on: 24h, 90m, 7d, 2w, or a "
    "date (2026-11-21) or time (2026-11-21T06:00).", show_default=False)]


def since_moment(value: str | None) -> datetime.datetime | None:
    """``--since`` as a UTC time; a usage error when it is neither a duration nor a date."""
    from summarize.errors import UsageError
    from summarize.inputs.feeds import parse_since

    if value is None:
        return None
    try:
        return parse_since(value)
    except ValueError as exc:
        raise UsageError(str(exc), "for example --since 24h") from None
