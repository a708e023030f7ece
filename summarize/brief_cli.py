"""The brief command's work between parsing and exit: read, filter, summarise, deliver.

Order matters for unattended runs: the brief is written (atomically, under the output's lock)
before ``--new-only`` records its articles as seen, so a run that fails anywhere loses nothing
and the next run retries.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarize.clitools import log, warn
from summarize.config import Config
from summarize.model import Article, Brief, Corpus


@dataclass(frozen=True)
class Destination:
    output: str | None  # a path template, or None for stdout
    fmt: str | None
    lock_timeout: float


@dataclass(frozen=True)
class SeenOptions:
    state: Path | None


NOTHING_NEW = "No new articles since the last run"


def run_brief(inputs: Sequence[str], config: Config, destination: Destination, *,
              explain: bool, seen: SeenOptions | None, write_empty: bool,
              background: Sequence[str] = ()) -> None:
    """Summarise ``inputs`` to the destination; with an output file, under its lock from
    start to finish, so an overlapping run waits instead of repeating or racing this one."""
    from summarize.output import expand_template, output_lock

    target = expand_template(destination.output) if destination.output is not None else None
    with output_lock(target, destination.lock_timeout) if target else contextlib.nullcontext():
        _run(inputs, config, target, destination.fmt, explain=explain, seen=seen,
             write_empty=write_empty, background=background)


def _run(inputs: Sequence[str], config: Config, target: Path | None, fmt: str | None, *,
         explain: bool, seen: SeenOptions | None, write_empty: bool,
         background: Sequence[str]) -> None:
    from summarize.pipeline import summarize_articles
    from summarize.reader import read_articles

    started = time.perf_counter()
    read = read_articles(inputs, config.reader, stdin=sys.stdin.buffer)
    for skipped in read.skipped:
        warn(f"skipped {skipped.source}: {skipped.reason}")
    log.info("read %d article(s), skipped %d, in %.2f s", len(read.articles), len(read.skipped),
             time.perf_counter() - started)
    articles = list(read.articles)
    known: list[Article] = []
    if background:
        known = list(read_articles(background, config.reader).articles)
    store = None
    if seen is not None:
        from summarize.seen import SeenStore, default_state_path

        store = SeenStore(seen.state or default_state_path())
        split = store.split(articles, days=config.update.background_days)
        articles = split.new
        known = [*known, *split.known]
        log.info("%d of %d article(s) are new (state: %s)", len(articles), len(read.articles),
                 store.path)
        if not articles:
            log.warning("no new articles since the last run; %s", "writing a brief that says so"
                        if write_empty else "nothing written")
            if write_empty:
                empty = Brief(NOTHING_NEW, (), Corpus((), (), config.language), "nothing", False)
                _deliver(empty, target, fmt, explain=explain, config=config)
            return
    if known:
        log.info("%d background article(s): what the reader already knows", len(known))
    brief = summarize_articles(articles, config, background=known)
    if brief.shortfall:
        warn(f"only {len(brief.chosen)} sentence(s) available for a brief of {brief.requested}")
    _deliver(brief, target, fmt, explain=explain, config=config)
    if store is not None:
        store.mark(articles)
    log.info("done in %.2f s", time.perf_counter() - started)


def _deliver(brief: Brief, target: Path | None, fmt: str | None, *, explain: bool,
             config: Config) -> None:
    """Render ``brief`` to ``target`` (atomically) or stdout (rich on a terminal)."""
    from summarize.output import format_for, write_atomic
    from summarize.render import is_terminal, print_rich, render

    out_format = format_for(target, fmt)
    if target is None and out_format == "text" and is_terminal(sys.stdout):
        print_rich(brief, sys.stdout, explain=explain)
        return
    text = render(brief, config, out_format, explain=explain)
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(target, text)
    log.info("wrote %s", target)
