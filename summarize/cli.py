"""The ``summarize`` command: parse flags, build the configuration, call the library, render.

Heavy modules (numpy, scikit-learn, sumy) are imported inside the commands, so ``--help`` and
``--version`` stay fast. Every :class:`SummarizeError` becomes a two-line message on stderr
(cause, hint) and its exit status; nothing else reaches the user as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from summarize import __version__
from summarize.batch_cli import batch, evaluate
from summarize.brief_cli import Destination, SeenOptions, run_brief
from summarize.clitools import build_config, configure_logging, guarded
from summarize.config import ALGORITHMS, METHODS, ORDERS, budget_overrides
from summarize.resources import seeds_dir
from summarize.schedule_cli import EXAMPLE as SCHEDULE_EXAMPLE
from summarize.schedule_cli import schedule

DEFAULT_COMMAND = "brief"
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

EXAMPLES = """
Examples:

\b
  summarize                              brief of the bundled example articles
  summarize -n 5 news/                   5 sentences from every .txt/.md file in news/
  summarize --words 120 a.txt b.txt      at most 120 words from two articles
  cat story.txt | summarize -            read one article from stdin
  summarize --format json -o brief.json  machine-readable output, written atomically
  summarize --algorithm lexrank --explain   another scorer, with a table of scores
  summarize --new-only -q -o ~/briefs/{date}.md ~/news   from cron: new articles only

Other commands: summarize batch | evaluate | schedule  (each with --help).
"""


class DefaultCommandGroup(TyperGroup):
    """Run the brief command unless the first argument names another command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: click's Context
        if not args or args[0] not in self.commands:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(cls=DefaultCommandGroup, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings=HELP_OPTIONS)


@app.callback()
def _root() -> None:
    """summarize: brief extractive summaries of news articles."""


def _version(value: bool) -> None:
    if value:
        print(f"summarize {__version__}")
        raise typer.Exit()


def _choice(name: str, allowed: tuple[str, ...]) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}",
                                     param_hint=name)
        return value
    return check


@app.command(DEFAULT_COMMAND, epilog=EXAMPLES,
             context_settings=HELP_OPTIONS)
def brief(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article files, folders (searched for .txt/.md), or - for stdin. "
             "None: the bundled seeds.", show_default=False)] = None,
    sentences: Annotated[int | None, typer.Option(
        "--sentences", "-n", min=1, help="Brief length in sentences (default 5).")] = None,
    words: Annotated[int | None, typer.Option(
        "--words", "-w", min=1, help="Brief length in words, at most.")] = None,
    ratio: Annotated[float | None, typer.Option(
        "--ratio", "-r", help="Brief length as a share of the input's sentences, 0-1.")] = None,
    algorithm: Annotated[str | None, typer.Option(
        "--algorithm", "-a", callback=_choice("--algorithm", ALGORITHMS),
        help=f"Scorer: {', '.join(ALGORITHMS)}. Default hybrid.")] = None,
    method: Annotated[str | None, typer.Option(
        "--method", callback=_choice("--method", METHODS),
        help="Selection: ilp (exact concept coverage, default), coverage (its greedy "
             "approximation) or mmr.")] = None,
    redundancy: Annotated[float | None, typer.Option(
        "--redundancy", min=0.0, max=1.0,
        help="Select by MMR with this lambda: 1 ranks by score alone, lower favours novelty "
             "(implies --method mmr).")] = None,
    order: Annotated[str | None, typer.Option(
        "--order", callback=_choice("--order", ORDERS),
        help="Sentence order: story (an article's first sentence opens, then the articles' "
             "order; default), source (article, then position) or rank (best first).")
    ] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", callback=_choice("--format", ("text", "markdown", "json")),
        help="text, markdown or json. Default: from --output's suffix, else text.")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Add a table of each chosen sentence's scores.")] = False,
    config_file: Annotated[Path | None, typer.Option(
        "--config", "-c", help="TOML file layered over config/default.toml.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write the brief to this file (atomically) instead of stdout; "
        "{date}, {date:%Y%m%d} and {time} are filled in.")] = None,
    lock_timeout: Annotated[float, typer.Option(
        "--lock-timeout", min=0.0, help="Seconds to wait for another run writing the same "
        "output (then exit 75).")] = 60.0,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also print stage timings and counts to stderr.")] = False,
    log_file: Annotated[Path | None, typer.Option(
        "--log-file", help="Append timestamped log lines to this file.")] = None,
    new_only: Annotated[bool, typer.Option(
        "--new-only", help="Summarise only articles no earlier successful run has seen.")
    ] = False,
    write_empty: Annotated[bool, typer.Option(
        "--write-empty", help="With --new-only and nothing new: still write a brief saying "
        "so (default: write nothing).")] = False,
    state: Annotated[Path | None, typer.Option(
        "--state", help="The --new-only record (SQLite); default under the user's state "
        "folder.")] = None,
    background: Annotated[list[str] | None, typer.Option(
        "--background", help="Articles the reader already knows (files or folders, "
        "repeatable): the brief leaves out what they said.", show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Summarise news articles about one story into a short brief.

    Reads every article, merges them, ranks sentences with TF-IDF and TextRank (plus position
    and multi-source support), removes redundancy and prints the brief.
    """
    with guarded():
        configure_logging(verbose=verbose, quiet=quiet, log_file=log_file)
        if redundancy is not None and method is None:
            method = "mmr"
        overrides = {"selection.algorithm": algorithm, "selection.method": method,
                     "selection.redundancy": redundancy, "selection.order": order,
                     **budget_overrides(sentences, words, ratio)}
        run_brief(
            paths or [str(seeds_dir())], build_config(config_file, overrides),
            Destination(output, fmt, lock_timeout), explain=explain,
            seen=SeenOptions(state) if new_only else None, write_empty=write_empty,
            background=background or (),
        )


app.command("batch", context_settings=HELP_OPTIONS)(batch)
app.command("evaluate", context_settings=HELP_OPTIONS)(evaluate)
app.command("schedule", epilog=SCHEDULE_EXAMPLE,
            context_settings=HELP_OPTIONS)(schedule)


def main() -> None:
    app(prog_name="summarize")
