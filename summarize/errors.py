"""The project's one exception family and the exit codes it maps to.

Library code raises a :class:`SummarizeError` subclass carrying a one-line cause and a one-line
hint; the CLI prints both to stderr and exits with the error's code. Codes follow BSD's
``sysexits.h`` where one fits, so cron wrappers and shell scripts can tell failures apart.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Documented process exit codes (see README, "Exit codes")."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    PARTIAL = 3  # the output was written, but some input was unusable (named on stderr)
    DATA = 65  # EX_DATAERR: input was found but is unusable
    NO_INPUT = 66  # EX_NOINPUT: nothing to read
    UNAVAILABLE = 69  # EX_UNAVAILABLE: a service (the Dask scheduler) cannot be reached
    CANT_CREATE = 73  # EX_CANTCREAT: the output cannot be written
    TEMP_FAIL = 75  # EX_TEMPFAIL: try again later (lock held)


class SummarizeError(Exception):
    """Base class: a cause the user can act on, a hint how, and an exit status."""

    exit_status: ExitStatus = ExitStatus.INTERNAL

    def __init__(self, cause: str, hint: str = "") -> None:
        super().__init__(cause)
        self.cause = cause
        self.hint = hint


class InternalError(SummarizeError):
    """A bug: something the code did not expect."""


class UsageError(SummarizeError):
    """An option value that makes no sense."""

    exit_status = ExitStatus.USAGE


class ConfigError(SummarizeError):
    """A configuration file that cannot be used: unknown key, wrong type, bad TOML."""

    exit_status = ExitStatus.USAGE


class InputDataError(SummarizeError):
    """Input exists but holds nothing that can be summarised."""

    exit_status = ExitStatus.DATA


class NoInputError(SummarizeError):
    """A path that does not exist, or a folder with no text files."""

    exit_status = ExitStatus.NO_INPUT


class OutputError(SummarizeError):
    """The brief cannot be written where it was asked to go."""

    exit_status = ExitStatus.CANT_CREATE


class LockHeldError(SummarizeError):
    """Another run holds the output's lock."""

    exit_status = ExitStatus.TEMP_FAIL


class ServiceError(SummarizeError):
    """A service the run needs (a Dask scheduler) cannot be reached."""

    exit_status = ExitStatus.UNAVAILABLE
