"""``summarize batch``: one brief per story cluster of a JSON Lines dataset, on every core or on
a Dask cluster, resumable (the work itself is :mod:`summarize.batch`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from summarize.cli.common import (
    build_config,
    configure_logging,
    guarded,
    log,
    ready_for_briefs,
    warn,
)
from summarize.cli.options import ConfigFile, Sentences, Words
from summarize.config import budget_overrides
from summarize.errors import ExitStatus

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"


def batch(
    dataset: Annotated[Path, typer.Argument(help="JSON Lines: one story cluster a line.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="JSON Lines out, appended a line at a time; rerun with the "
        "same file to resume. Default stdout.")] = None,
    sentences: Sentences = None,
    words: Words = None,
    config_file: ConfigFile = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, help="Processes to use (default: every core).",
        show_default=False)] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Run the clusters on the Dask scheduler at this address "
        f"(tcp://HOST:PORT; default ${SCHEDULER_VARIABLE}).", show_default=False)] = None,
    restart: Annotated[bool, typer.Option(
        "--restart", help="Replace --output instead of resuming it.")] = False,
) -> None:
    """Summarise every cluster of a dataset; one output line per cluster, in input order.

    A cluster's "background" articles (known to the reader) make its brief an update brief.
    Each line: {"id", "summary" (the brief as plain text), "sentences" (as in --format json)}.
    With --output, a cluster's line is appended when it and those before it are done; a rerun
    with the same output keeps the finished lines and summarises the rest. A bad input line is
    reported with its number and skipped; then the exit status is 65.
    """
    with guarded():
        configure_logging()
        config = build_config(config_file, budget_overrides(sentences, words, None))
        from summarize import batch as engine
        from summarize.evaluation.dataset import BadLine, read_dataset
        from summarize.render import progress

        address = scheduler or os.environ.get(SCHEDULER_VARIABLE) or None
        clusters, bad = [], 0
        for item in read_dataset(dataset, config.reader):
            if isinstance(item, BadLine):
                warn(f"{dataset}:{item.line}: skipped: {item.reason}")
                bad += 1
            else:
                clusters.append(item)
        sink = engine.ResumableOutput(output, restart=restart) if output is not None else None
        try:
            if sink is not None:
                if sink.cut:
                    warn(f"{output}: removed a half-written last line ({sink.cut} bytes)")
                todo = sink.pending(clusters)
                if len(todo) < len(clusters):
                    warn(f"{output}: resuming: {len(clusters) - len(todo)} cluster(s) done "
                         f"earlier are kept, {len(todo)} to go")
            else:
                todo = clusters
            ready_for_briefs()
            lines = engine.run(todo, config, workers=workers or engine.default_workers(),
                               scheduler=address)
            with progress("Summarising", len(todo), sys.stderr) as advance:
                for line in lines:
                    if sink is None:
                        sys.stdout.write(line + "\n")
                        sys.stdout.flush()
                    else:
                        sink.append(line)
                    advance()
        finally:
            if sink is not None:
                sink.close()
        log.info("summarised %d cluster(s)", len(todo))
        if bad:
            raise typer.Exit(int(ExitStatus.DATA))
