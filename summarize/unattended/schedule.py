"""Scheduling ``summarize`` with cron: validate, preview, and (un)install a crontab entry.

The entry runs the absolute path of this ``summarize`` executable with absolute paths for every
file argument, because cron starts jobs with a minimal environment (``PATH=/usr/bin:/bin``, often
no ``HOME``). Entries are tagged with a comment (``summarize:NAME``) so installing again replaces
the earlier entry instead of adding a second one.
"""

from __future__ import annotations

import datetime
import os
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarize.errors import OutputError, UsageError

TAG_PREFIX = "summarize:"
# options whose value is a path: made absolute so the job does not depend on cron's cwd
PATH_OPTIONS = frozenset({"--output", "-o", "--config", "-c", "--log-file", "--state"})


def next_runs(expression: str, count: int = 3,
              start: datetime.datetime | None = None) -> list[datetime.datetime]:
    """The next ``count`` times ``expression`` fires; UsageError if it is not valid cron."""
    from croniter import croniter

    if not croniter.is_valid(expression):
        raise UsageError(f"not a valid cron expression: {expression!r}",
                         "five fields: minute hour day-of-month month day-of-week, "
                         "e.g. '0 7 * * *'")
    it = croniter(expression, start or datetime.datetime.now())
    return [it.get_next(datetime.datetime) for _ in range(count)]


def executable() -> str:
    """Absolute path of the running ``summarize`` command."""
    argv0 = sys.argv[0]
    found = argv0 if os.sep in argv0 else shutil.which(argv0)
    if found and os.path.basename(found).startswith("summarize"):
        return os.path.abspath(found)
    return f"{shlex.quote(sys.executable)} -m summarize"


def command_line(arguments: Sequence[str], value_options: frozenset[str],
                 command: str | None = None) -> str:
    """The job's command: our executable and ``arguments`` with paths made absolute.

    Paths are the positional arguments (inputs, except URLs) and the values of
    :data:`PATH_OPTIONS`; ``value_options`` names every option that takes a value, so that its
    value is not taken for an input. ``command``, when given, is the subcommand that
    ``arguments`` start with (``digest``), kept as it is. ``%`` is escaped, since cron turns a
    bare ``%`` into a newline.
    """
    absolute: list[str] = []
    if command is not None:
        absolute.append(command)
        arguments = arguments[1:]
    pending: str | None = None  # the option whose value comes next
    for arg in arguments:
        if pending is not None:
            if pending in PATH_OPTIONS:
                arg = _absolute(arg)
            pending = None
        elif arg.startswith("-") and arg != "-":
            name, equals, value = arg.partition("=")
            if equals and name in PATH_OPTIONS:
                arg = f"{name}={_absolute(value)}"
            elif not equals and name in value_options:
                pending = name
        elif arg != "-" and "://" not in arg:
            arg = _absolute(arg)
        absolute.append(arg)
    text = " ".join([executable(), *(shlex.quote(a) for a in absolute)])
    return text.replace("%", "\\%")


def _absolute(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))


def _crontab(tabfile: Path | None) -> Any:
    from crontab import CronTab

    try:
        if tabfile is not None:
            return CronTab(tabfile=str(tabfile)) if tabfile.exists() else CronTab(tab="")
        return CronTab(user=True)
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read the crontab: {exc}",
                          "is cron installed (the 'crontab' command)?") from None


def _write(cron: Any, tabfile: Path | None) -> None:
    try:
        if tabfile is not None:
            cron.write(str(tabfile))
        else:
            cron.write_to_user(user=True)
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write the crontab: {exc}",
                          "is cron installed (the 'crontab' command)?") from None


def install(expression: str, command: str, name: str, tabfile: Path | None = None) -> bool:
    """Add or replace our entry; True if an earlier one was replaced."""
    cron = _crontab(tabfile)
    tag = TAG_PREFIX + name
    replaced = bool(list(cron.find_comment(tag)))
    cron.remove_all(comment=tag)
    job = cron.new(command=command, comment=tag)
    job.setall(expression)
    _write(cron, tabfile)
    return replaced


def remove(name: str, tabfile: Path | None = None) -> int:
    """Remove our entry; the number of lines removed."""
    cron = _crontab(tabfile)
    removed = int(cron.remove_all(comment=TAG_PREFIX + name))
    if removed:
        _write(cron, tabfile)
    return removed


def listed(tabfile: Path | None = None) -> list[str]:
    """Our entries, as crontab lines."""
    cron = _crontab(tabfile)
    return [str(job) for job in cron if str(job.comment).startswith(TAG_PREFIX)]
