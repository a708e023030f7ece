"""The ``summarize`` command: one module per subcommand, each parsing flags, building the
configuration, calling the library and rendering.

Heavy modules (numpy, scikit-learn, sumy, rich) are imported inside the commands, so ``--help``
and ``--version`` stay fast. Every :class:`SummarizeError` becomes a two-line message on stderr
(cause, hint) and its exit status; nothing else reaches the user as a traceback.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from summarize.cli.batch import batch
from summarize.cli.brief import EXAMPLES, brief
from summarize.cli.common import keep_for_good, own_process
from summarize.cli.digest import EXAMPLE as DIGEST_EXAMPLE
from summarize.cli.digest import digest
from summarize.cli.evaluate import evaluate
from summarize.cli.schedule import EXAMPLE as SCHEDULE_EXAMPLE
from summarize.cli.schedule import schedule

DEFAULT_COMMAND = "brief"
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


class DefaultCommandGroup(TyperGroup):
    """Run the brief command unless the first argument names another command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: click's Context
        if not args or args[0] not in self.commands:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


class DefaultCommand(TyperCommand):
    """The brief command, whose usage line reads ``summarize [OPTIONS] [INPUTS]...``: it runs
    without its name, and README never names it."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        program = ctx.parent.command_path if ctx.parent is not None else ctx.command_path
        formatter.write_usage(program, " ".join(self.collect_usage_pieces(ctx)))


app = typer.Typer(cls=DefaultCommandGroup, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings=HELP_OPTIONS)


@app.callback()
def _root() -> None:
    """summarize: brief extractive summaries of news articles."""


app.command(DEFAULT_COMMAND, cls=DefaultCommand, epilog=EXAMPLES,
            context_settings=HELP_OPTIONS)(brief)
app.command("digest", epilog=DIGEST_EXAMPLE, context_settings=HELP_OPTIONS)(digest)
app.command("batch", context_settings=HELP_OPTIONS)(batch)
app.command("evaluate", context_settings=HELP_OPTIONS)(evaluate)
app.command("schedule", epilog=SCHEDULE_EXAMPLE, context_settings=HELP_OPTIONS)(schedule)


def main() -> None:
    own_process()
    try:
        app(prog_name="summarize")
    finally:  # the process ends here: its last collection need not traverse the heap
        keep_for_good()
