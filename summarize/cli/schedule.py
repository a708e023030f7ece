"""``summarize schedule``: a crontab line for a daily brief, shown or installed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarize.cli.common import configure_logging, guarded
from summarize.errors import UsageError

SCHEDULED = ("brief", "digest")  # the commands a schedule can run (brief when none is named)

EXAMPLE = """
Example:

\b
  summarize schedule "0 7 * * *" -- --sentences 5 --output ~/briefs/{date}.md ~/news
  summarize schedule "0 7 * * *" --install -- -n 5 -o ~/briefs/{date}.md ~/news
  summarize schedule "30 6 * * *" --install --name digest -- digest feeds.opml --new-only \\
      -q -o ~/digests/{date}.html
  summarize schedule --list
  summarize schedule --remove
"""


def schedule(
    ctx: typer.Context,
    expression: Annotated[str | None, typer.Argument(
        help="Cron expression, e.g. '0 7 * * *' (07:00 every day).", show_default=False)
    ] = None,
    arguments: Annotated[list[str] | None, typer.Argument(
        help="After --: the summarize options and inputs the job runs with.",
        show_default=False)] = None,
    install: Annotated[bool, typer.Option(
        "--install", help="Add the line to your crontab, replacing our earlier one.")] = False,
    remove: Annotated[bool, typer.Option(
        "--remove", help="Take our line out of your crontab.")] = False,
    list_: Annotated[bool, typer.Option("--list", help="Show our lines in your crontab.")
                     ] = False,
    name: Annotated[str, typer.Option(
        "--name", help="Tag for the entry, to keep several schedules apart.")] = "default",
    crontab_file: Annotated[Path | None, typer.Option(
        "--crontab-file", help="Edit this crontab file instead of your user crontab.")] = None,
) -> None:
    """Validate a cron expression, show its next runs and the crontab line for a brief."""
    with guarded():
        configure_logging()
        from summarize.unattended import schedule as cron

        if list_:
            for line in cron.listed(crontab_file):
                print(line)
            return
        if remove:
            removed = cron.remove(name, crontab_file)
            print(f"removed {removed} entry" if removed else f"no entry tagged "
                  f"{cron.TAG_PREFIX}{name}")
            return
        if expression is None:
            raise UsageError("a cron expression is needed", "e.g. summarize schedule "
                             "'0 7 * * *' -- -n 5 -o ~/briefs/{date}.md")
        runs = cron.next_runs(expression)
        arguments = arguments or []
        job = arguments[0] if arguments and arguments[0] in SCHEDULED else "brief"
        _check_job(ctx, job, arguments[1:] if arguments[:1] == [job] else arguments)
        command = cron.command_line(arguments, _value_options(ctx, job),
                                    job if job != "brief" else None)
        print("Next runs: " + ", ".join(r.strftime("%a %Y-%m-%d %H:%M") for r in runs))
        line = f"{expression} {command} # {cron.TAG_PREFIX}{name}"
        if install:
            replaced = cron.install(expression, command, name, crontab_file)
            print(("Replaced" if replaced else "Installed") + f": {line}")
        else:
            print(line)


def _check_job(ctx: typer.Context, job: str, arguments: list[str]) -> None:
    """Parse the job's arguments with the job command's own parser, so that a line that
    would fail at every run (a misspelt option, a bad value, a digest without sources) is
    refused now, before anything is shown or installed."""
    group = ctx.parent.command if ctx.parent is not None else None
    command = getattr(group, "commands", {}).get(job)
    if command is None:
        return
    if {"-h", "--help", "--version"} & set(arguments):
        raise UsageError("the scheduled command only asks for help or the version",
                         "give the options and inputs the job should run with")
    try:
        command.make_context(f"summarize {job}", list(arguments))
    except typer.TyperException as error:  # typer's click: a usage error, with its message
        formatted = getattr(error, "format_message", None)
        message = formatted() if callable(formatted) else str(error)
        shown = "summarize" if job == "brief" else f"summarize {job}"
        raise UsageError(f"the scheduled command would fail at every run: {message}",
                         f"check it with: {shown} {' '.join(arguments)}".rstrip()) from None


def _value_options(ctx: typer.Context, job: str) -> frozenset[str]:
    """Every option of the ``job`` command (brief or digest) that takes a value."""
    group = ctx.parent.command if ctx.parent is not None else None
    command = getattr(group, "commands", {}).get(job)
    names: set[str] = set()
    for param in getattr(command, "params", []):
        if not getattr(param, "is_flag", True) and param.param_type_name == "option":
            names.update(param.opts)
    return frozenset(names)
