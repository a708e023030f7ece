"""Pieces every command shares: error reporting, configuration from flags, budgets."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from summarize.config import Config, apply_overrides, load_config
from summarize.errors import ExitStatus, SummarizeError, UsageError
from summarize.resources import default_config_path


def fail(error: SummarizeError) -> typer.Exit:
    """Print ``error`` as cause and hint on stderr; return the Exit to raise."""
    print(f"summarize: error: {error.cause}", file=sys.stderr)
    if error.hint:
        print(f"  hint: {error.hint}", file=sys.stderr)
    return typer.Exit(int(error.exit_status))


def warn(message: str) -> None:
    print(f"summarize: warning: {message}", file=sys.stderr)


@contextmanager
def guarded() -> Iterator[None]:
    """Map the project's errors, and any unexpected one, to a message and an exit status."""
    try:
        yield
    except SummarizeError as error:
        raise fail(error) from None
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(int(ExitStatus.OK)) from None
    except Exception as exc:  # the last line of defence: one line, never a traceback
        print(f"summarize: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("  hint: this is a bug; please report it with the command and input",
              file=sys.stderr)
        raise typer.Exit(int(ExitStatus.INTERNAL)) from None


def build_config(config_file: Path | None, overrides: dict[str, Any]) -> Config:
    """Defaults from config/default.toml, then ``config_file``, then flag ``overrides``."""
    config = load_config(default_config_path())
    config = load_config(config_file, base=config)
    return apply_overrides(config, {k: v for k, v in overrides.items() if v is not None},
                           origin="the command line")


def budget_overrides(sentences: int | None, words: int | None,
                     ratio: float | None) -> dict[str, Any]:
    given = {k: v for k, v in (("sentences", sentences), ("words", words), ("ratio", ratio))
             if v is not None}
    if len(given) > 1:
        raise UsageError(f"choose one budget, not {' and '.join('--' + k for k in given)}",
                         "use --sentences N, --words N or --ratio R")
    if not given:
        return {}
    (unit, size), = given.items()
    if unit == "ratio" and not 0 < size <= 1:
        raise UsageError(f"--ratio must be in (0, 1], got {size}", "for example --ratio 0.2")
    return {"budget.unit": unit, "budget.size": size}
