"""``summarize digest``: the day's stories from pages, feeds and files, each told in a brief.

As with the brief command, an output file is written atomically under its lock, and
``--new-only`` records the articles as seen only after the digest is safely written.
"""

from __future__ import annotations

import contextlib
import datetime
import sys
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
from summarize.cli.options import ConfigFile, Language, Since, choice, since_moment
from summarize.config import Config, budget_overrides
from summarize.digest.build import SINGLE_OUTLET, UNCHANGED, Digest, DigestOptions
from summarize.digest.render import FORMATS
from summarize.errors import ExitStatus
from summarize.model import Article

EXAMPLE = """
Examples:

\b
  summarize digest saved-pages/                      stories in a folder of saved pages
  summarize digest https://example.org/rss.xml --since 24h --stories 5
  summarize digest feeds.opml --new-only -q -o ~/digests/{date}.html
"""


def digest(
    sources: Annotated[list[str], typer.Argument(
        help="Feeds, pages, OPML files, URL lists, HTML or text files, folders (http and "
             "https URLs, or paths).", show_default=False)],
    stories: Annotated[int | None, typer.Option(
        "--stories", "-s", min=1, help="Keep the top N stories.", show_default=False)] = None,
    sentences: Annotated[int, typer.Option(
        "--sentences", "-n", min=1, help="Sentences in each story's brief.")] = 3,
    since: Since = None,
    language: Language = None,
    new_only: Annotated[bool, typer.Option(
        "--new-only", help="Only articles no earlier run has seen; a story seen before gets "
        "an update brief and is marked continuing.")] = False,
    state: Annotated[Path | None, typer.Option(
        "--state", help="The --new-only record (SQLite); default under the user's state "
        "folder.", show_default=False)] = None,
    single_outlet: Annotated[str, typer.Option(
        "--single-outlet", callback=choice("--single-outlet", SINGLE_OUTLET),
        help="A story only one outlet covered: list it (title and link), give it a brief, "
             "or omit it.")] = "list",
    unchanged: Annotated[str, typer.Option(
        "--unchanged", callback=choice("--unchanged", UNCHANGED),
        help="With --new-only, a story with nothing new: list it or omit it.")] = "list",
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", callback=choice("--format", FORMATS),
        help="text, markdown, json or html (e-mail). Default: from --output's suffix, "
             "else text.", show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write the digest to this file (atomically); {date}, "
        "{date:%Y%m%d} and {time} are filled in.", show_default=False)] = None,
    lock_timeout: Annotated[float, typer.Option(
        "--lock-timeout", min=0.0, help="Seconds to wait for another run writing the same "
        "output (then exit 75).")] = 60.0,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Fetch everything afresh (no conditional requests, no HTTP "
        "cache).")] = False,
    config_file: ConfigFile = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")
                     ] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also print counts and timings to stderr.")] = False,
    log_file: Annotated[Path | None, typer.Option(
        "--log-file", help="Append timestamped log lines to this file.", show_default=False)
    ] = None,
) -> None:
    """Group articles from feeds, pages and files into stories, rank them by how many outlets
    covered them and how recent they are, and give each a brief with its sources.

    Exit status 3: the digest was written, but some source was unusable (each is named on
    stderr with the reason).
    """
    with guarded():
        configure_logging(verbose=verbose, quiet=quiet, log_file=log_file)
        config = build_config(config_file, {**budget_overrides(sentences, None, None),
                                            "language": language})
        from summarize.unattended.output import expand_template, output_lock

        moment = since_moment(since)
        options = DigestOptions(stories, single_outlet, unchanged, tracked=new_only)
        target = expand_template(output) if output is not None else None
        with output_lock(target, lock_timeout) if target else contextlib.nullcontext():
            partial = _run(sources, config, options, moment, target, fmt, state=state,
                           new_only=new_only, cache=not no_cache)
        if partial:
            raise typer.Exit(int(ExitStatus.PARTIAL))


def _run(sources: list[str], config: Config, options: DigestOptions,
         since: datetime.datetime | None, target: Path | None, fmt: str | None, *,
         state: Path | None, new_only: bool, cache: bool) -> bool:
    """Gather, group, summarise, deliver, then record: True when a source was skipped."""
    from summarize.digest.build import build_digest
    from summarize.inputs.gather import Gatherer
    from summarize.inputs.httpcache import HttpCache, default_cache_path
    from summarize.render import progress

    gatherer = Gatherer(config, since=since,
                        cache=HttpCache(default_cache_path()) if cache else None,
                        progress=lambda total: progress("Fetching", total, sys.stderr),
                        report=lambda item: warn(f"skipped {item.source}: {item.reason}"))
    found = gatherer.gather(sources, stdin=sys.stdin.buffer)
    if found.too_old:
        log.info("%d article(s) older than --since left out", found.too_old)
    articles: list[Article] = found.articles
    known: list[Article] = []
    store = None
    if new_only:
        store, split = split_seen(state, articles, config)
        articles, known = split.new, split.known
        if not articles:
            log.warning("no new articles since the last run; nothing written")
            return bool(found.skipped)
    ready_for_briefs()
    result = build_digest(articles, config, known=known, options=options)
    log.info("%d stor(ies) from %d article(s)", len(result.stories), len(articles))
    _deliver(result, target, fmt)
    if store is not None:
        store.mark(articles)
    return bool(found.skipped)


def _deliver(result: Digest, target: Path | None, fmt: str | None) -> None:
    from summarize.digest.render import print_rich, render
    from summarize.unattended.output import format_for

    deliver(target, format_for(target, fmt, FORMATS),
            show=lambda stream: print_rich(result, stream),
            text=lambda out_format: render(result, out_format))
