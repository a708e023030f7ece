"""``summarize [brief]``: the default command. Parse flags, then read, filter, summarise and
deliver.

Order matters for unattended runs: the brief is written (atomically, under the output's lock)
before ``--new-only`` records its articles as seen, so a run that fails anywhere loses nothing
and the next run retries.
"""

from __future__ import annotations

import contextlib
import datetime
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from summarize.cli.common import (
    build_config,
    configure_logging,
    deliver,
    guarded,
    log,
    ready_for_briefs,
    split_seen,
    warn,
)
from summarize.cli.options import (
    ALGORITHMS,
    FORMATS,
    METHODS,
    ORDERS,
    ConfigFile,
    Language,
    Sentences,
    Since,
    Words,
    choice,
    since_moment,
)
from summarize.config import Config, budget_overrides
from summarize.errors import ExitStatus, InputDataError
from summarize.model import Article, Brief, Corpus
from summarize.resources import seeds_dir
from summarize.version import __version__

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
  summarize https://example.org/rss.xml --since 24h      the articles a feed links to

Other commands: summarize digest | batch | evaluate | schedule  (each with --help).
"""


def print_version(value: bool) -> None:
    if value:
        print(f"summarize {__version__}")
        raise typer.Exit()


def brief(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="[INPUTS]...",
        help="Articles: text, Markdown or HTML files, folders (searched for those), web pages, "
             "feeds, OPML and URL lists (files or http/https URLs), or - for stdin. None: the "
             "bundled seeds.", show_default=False)] = None,
    sentences: Sentences = None,
    words: Words = None,
    ratio: Annotated[float | None, typer.Option(
        "--ratio", "-r", help="Brief length as a share of the input's sentences, 0-1.")] = None,
    algorithm: Annotated[str | None, typer.Option(
        "--algorithm", "-a", callback=choice("--algorithm", ALGORITHMS),
        help=f"Scorer: {', '.join(ALGORITHMS)}. Default hybrid.")] = None,
    method: Annotated[str | None, typer.Option(
        "--method", callback=choice("--method", METHODS),
        help="Selection: ilp (exact concept coverage, default), coverage (its greedy "
             "approximation) or mmr.")] = None,
    redundancy: Annotated[float | None, typer.Option(
        "--redundancy", min=0.0, max=1.0,
        help="Select by MMR with this lambda: 1 ranks by score alone, lower favours novelty "
             "(implies --method mmr).")] = None,
    order: Annotated[str | None, typer.Option(
        "--order", callback=choice("--order", ORDERS),
        help="Sentence order: story (an article's first sentence opens, then the articles' "
             "order; default), source (article, then position) or rank (best first).")
    ] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", callback=choice("--format", FORMATS),
        help="text, markdown, json or html. Default: from --output's suffix, else text.")
    ] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Add a table of each chosen sentence's scores.")] = False,
    config_file: ConfigFile = None,
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
    since: Since = None,
    language: Language = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=print_version, is_eager=True,
        help="Print the version and exit.")] = False,
) -> None:
    """Summarise news articles about one story into a short brief.

    Reads every article, merges them, ranks sentences with TF-IDF and TextRank (plus position
    and multi-source support), removes redundancy and prints the brief.
    """
    with guarded():
        configure_logging(verbose=verbose, quiet=quiet, log_file=log_file)
        if redundancy is not None and method is None:
            method = "mmr"
        overrides = {"language": language,
                     "selection.algorithm": algorithm, "selection.method": method,
                     "selection.redundancy": redundancy, "selection.order": order,
                     **budget_overrides(sentences, words, ratio)}
        partial = run_brief(
            paths or [str(seeds_dir())], build_config(config_file, overrides),
            Destination(output, fmt, lock_timeout), explain=explain,
            seen=SeenOptions(state) if new_only else None, write_empty=write_empty,
            background=background or (), since=since_moment(since),
        )
        if partial:
            raise typer.Exit(int(ExitStatus.PARTIAL))


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
              background: Sequence[str] = (), since: datetime.datetime | None = None) -> bool:
    """Summarise ``inputs`` to the destination; with an output file, under its lock from
    start to finish, so an overlapping run waits instead of repeating or racing this one.
    True when some input was skipped as unusable."""
    from summarize.unattended.output import expand_template, output_lock

    target = expand_template(destination.output) if destination.output is not None else None
    with output_lock(target, destination.lock_timeout) if target else contextlib.nullcontext():
        return _run(inputs, config, target, destination.fmt, explain=explain, seen=seen,
                    write_empty=write_empty, background=background, since=since)


def _run(inputs: Sequence[str], config: Config, target: Path | None, fmt: str | None, *,
         explain: bool, seen: SeenOptions | None, write_empty: bool,
         background: Sequence[str], since: datetime.datetime | None) -> bool:
    from summarize.brief.pipeline import summarize_articles
    from summarize.inputs.gather import Gatherer
    from summarize.inputs.httpcache import HttpCache, default_cache_path
    from summarize.render import progress
    from summarize.text.detect import left_out_message, one_language, with_language

    def gatherer(since: datetime.datetime | None = None) -> Gatherer:
        return Gatherer(config, since=since, cache=HttpCache(default_cache_path()),
                        progress=lambda total: progress("Fetching", total, sys.stderr),
                        report=lambda item: warn(f"skipped {item.source}: {item.reason}"))

    started = time.perf_counter()
    read = gatherer(since).gather(inputs, stdin=sys.stdin.buffer)
    log.info("read %d article(s), skipped %d, in %.2f s", len(read.articles), len(read.skipped),
             time.perf_counter() - started)
    if read.too_old:
        log.info("%d article(s) older than --since left out", read.too_old)
    articles = list(read.articles)
    known: list[Article] = []
    skipped = list(read.skipped)
    if background:
        told = gatherer().gather(background)
        known = told.articles
        skipped += told.skipped
    store = None
    if seen is not None:
        store, split = split_seen(seen.state, articles, config)
        articles = split.new
        known = [*known, *split.known]
        if not articles:
            log.warning("no new articles since the last run; %s", "writing a brief that says so"
                        if write_empty else "nothing written")
            if write_empty:
                empty = Brief(NOTHING_NEW, (), Corpus((), (), config.language), "nothing", False)
                _deliver(empty, target, fmt, explain=explain, config=config)
            return bool(skipped)
    articles, left_out = one_language(articles, config.language)
    if left_out:
        warn(left_out_message(articles[0].language or "en", left_out))
        known = [a for a in (with_language(k) for k in known)
                 if a.language == articles[0].language]
    if read.from_feeds and len(articles) > 1:
        from summarize.digest.build import main_story

        articles, others = main_story(articles, config)
        if others:
            warn(f"the input tells {others + 1} stories; this brief is of the most widely "
                 f"covered ({len(articles)} article(s)), {others} other(s) left out: "
                 "summarize digest briefs each story")
    if known:
        log.info("%d background article(s): what the reader already knows", len(known))
    ready_for_briefs()
    brief = summarize_articles(articles, config, background=known)
    if not brief.chosen and brief.corpus.sentences:
        shortest = min(s.words for s in brief.corpus.sentences if s.words) \
            if any(s.words for s in brief.corpus.sentences) else 0
        raise InputDataError(f"no sentence fits in a brief of {brief.requested}",
                             f"the shortest sentence has {shortest} words; ask for "
                             f"--words {shortest} or more, or a number of --sentences")
    if brief.shortfall:
        warn(f"only {len(brief.chosen)} sentence(s) available for a brief of {brief.requested}")
    _deliver(brief, target, fmt, explain=explain, config=config)
    if store is not None:
        store.mark(articles)
    log.info("done in %.2f s", time.perf_counter() - started)
    return bool(skipped)


def _deliver(brief: Brief, target: Path | None, fmt: str | None, *, explain: bool,
             config: Config) -> None:
    """Render ``brief`` to ``target`` (atomically) or stdout (rich on a terminal)."""
    from summarize.render import print_rich, render
    from summarize.unattended.output import format_for

    deliver(target, format_for(target, fmt, FORMATS),
            show=lambda stream: print_rich(brief, stream, explain=explain),
            text=lambda out_format: render(brief, config, out_format, explain=explain))
