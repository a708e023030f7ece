"""Turn a :class:`Brief` into text, markdown, JSON, HTML, or a rich terminal view.

Plain text is for pipes, files and cron mail: no escape codes, no wrapping. HTML is for
e-mail and browsers: one self-contained page, every text escaped, only http and https links,
no scripts or external resources. The rich view is for terminals. Article text is always
data: rich never parses it as markup, and markdown output escapes markdown's special
characters. The JSON layout is documented in README
("JSON output") and pinned by ``summarize/brief.schema.json``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from summarize.config import Config
from summarize.model import Article, Brief, Chosen
from summarize.version import __version__

FORMATS = ("text", "markdown", "json", "html")
SCHEMA_ID = "summarize.brief/1"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _numbers(brief: Brief) -> dict[int, int]:
    """The articles the brief quotes, numbered 1, 2, ... in article order (no gaps for the
    articles it does not quote)."""
    used = sorted({a for c in brief.chosen for a in c.sentence.articles})
    return {article: number for number, article in enumerate(used, 1)}


def _tags(chosen: Chosen, numbers: dict[int, int]) -> str:
    return ", ".join(str(numbers[a]) for a in chosen.sentence.articles)


def safe_link(url: str | None) -> str | None:
    """``url`` if it is http or https, else None (never a clickable ``javascript:``)."""
    from summarize.inputs.urls import FetchError, check_url

    if not url:
        return None
    try:
        return check_url(url)
    except FetchError:
        return None


def source_label(article: Article) -> str:
    """How a source is named: a web article by its outlet, headline and link (http or https
    only), a file by its name."""
    if not article.url:
        return article.name
    link = f" <{safe}>" if (safe := safe_link(article.url)) else ""
    outlet = article.site or article.name
    return f"{outlet}: {article.headline}{link}" if article.headline else f"{outlet}{link}"


def _sources(brief: Brief) -> list[str]:
    return [f"[{number}] {source_label(brief.corpus.articles[article])}"
            for article, number in _numbers(brief).items()]


def _source_lines(brief: Brief) -> list[str]:
    """The sources: on one line when they are short names (files), else one a line."""
    sources = _sources(brief)
    if all(not brief.corpus.articles[a].url for a in _numbers(brief)):
        return ["Sources: " + "  ".join(sources)]
    return ["Sources:", *sources]


def _explain_rows(brief: Brief) -> tuple[list[str], list[list[str]]]:
    names = list(brief.chosen[0].scores) if brief.chosen else []
    header = ["#", "pick", "score", *names]
    rows = [[str(i), str(c.rank), f"{c.score:.3f}", *(f"{c.scores[n]:.3f}" for n in names)]
            for i, c in enumerate(brief.chosen, 1)]
    return header, rows


def to_text(brief: Brief, *, explain: bool = False) -> str:
    """Plain text: title, numbered sentences tagged with their sources, the source list."""
    lines: list[str] = []
    if brief.title:
        lines += [brief.title, ""] if brief.chosen else [brief.title]
    numbers = _numbers(brief)
    lines += [f"{i}. {c.sentence.text} [{_tags(c, numbers)}]"
              for i, c in enumerate(brief.chosen, 1)]
    if brief.chosen:
        lines += ["", *_source_lines(brief)]
    if explain and brief.chosen:
        lines += ["", *plain_table(*_explain_rows(brief))]
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """``text`` with Markdown's special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def to_markdown(brief: Brief, *, explain: bool = False) -> str:
    """Markdown: a heading, a numbered list, the sources; article text escaped."""
    lines: list[str] = []
    if brief.title:
        heading = f"# {escape_markdown(brief.title)}"
        lines += [heading, ""] if brief.chosen else [heading]
    numbers = _numbers(brief)
    lines += [f"{i}. {escape_markdown(c.sentence.text)} *({_tags(c, numbers)})*"
              for i, c in enumerate(brief.chosen, 1)]
    if brief.chosen:
        lines += ["", "Sources:", ""]
        lines += [f"- {escape_markdown(s)}" for s in _sources(brief)]
    if explain and brief.chosen:
        header, rows = _explain_rows(brief)
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def sentence_dicts(brief: Brief) -> list[dict[str, Any]]:
    """The chosen sentences as JSON-ready objects (the brief's and batch's ``sentences``)."""
    articles = brief.corpus.articles
    return [
        {
            "id": c.sentence.id,
            "rank": c.rank,
            "text": c.sentence.text,
            "words": c.sentence.words,
            "score": round(c.score, 6),
            "scores": {k: round(v, 6) for k, v in c.scores.items()},
            "sources": [
                {"article": o.article, "name": articles[o.article].name,
                 "paragraph": o.paragraph, "position": o.position}
                for o in c.sentence.occurrences
            ],
        }
        for c in brief.chosen
    ]


def is_terminal(stream: IO[str]) -> bool:
    """Whether rich treats ``stream`` as a terminal (honouring NO_COLOR and FORCE_COLOR)."""
    from rich.console import Console

    return Console(file=stream).is_terminal


def plain_table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Lines of a right-aligned table for plain text."""
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
            for row in [header, *rows]]


def print_table(header: list[str], rows: list[list[str]], title: str, stream: IO[str]) -> None:
    """A table with a title: rich on a terminal, plain right-aligned columns otherwise."""
    if is_terminal(stream):
        from rich.console import Console

        Console(file=stream, highlight=False).print(rich_table(header, rows, title))
    else:
        stream.write(title + "\n" + "\n".join(plain_table(header, rows)) + "\n")


@contextlib.contextmanager
def progress(label: str, total: int, stream: IO[str]) -> Iterator[Callable[[], None]]:
    """A progress display on a terminal (done of total, rate, time left), cleared at the end;
    on anything else (a pipe, a file, cron) nothing. Yields the function that counts one done.
    """
    if not is_terminal(stream):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"),
                   TimeRemainingColumn(), console=Console(file=stream), transient=True)
    task = bar.add_task(label, total=total, rate="")

    def advance() -> None:
        bar.advance(task)
        speed = bar.tasks[0].speed
        bar.update(task, rate=f"{speed:.1f}/s" if speed else "")

    with bar:
        yield advance


def rich_table(header: list[str], rows: list[list[str]], title: str) -> Any:
    """The same table for a terminal (a rich ``Table``)."""
    from rich.table import Table

    table = Table(*header, title=title)
    for column in table.columns[1:]:
        column.justify = "right"
    for row in rows:
        table.add_row(*row)
    return table


def to_dict(brief: Brief, config: Config) -> dict[str, Any]:
    """The JSON document (schema ``summarize.brief/1``)."""
    corpus = brief.corpus
    return {
        "schema": SCHEMA_ID,
        "version": __version__,
        "title": brief.title,
        "language": corpus.language,
        "budget": {"requested": brief.requested, "shortfall": brief.shortfall},
        "sentences": sentence_dicts(brief),
        "articles": [
            {"id": a.id, "name": a.name, "source": a.source, "headline": a.headline,
             "paragraphs": len(a.paragraphs), "url": safe_link(a.url), "site": a.site,
             "published": a.published.isoformat(timespec="seconds") if a.published else None,
             "language": a.language}
            for a in corpus.articles
        ],
        "stats": {
            "articles": len(corpus.articles),
            "sentences": sum(len(s.occurrences) for s in corpus.sentences),
            "unique_sentences": len(corpus.sentences),
            "words": sum(s.words * len(s.occurrences) for s in corpus.sentences),
            "brief_words": sum(c.sentence.words for c in brief.chosen),
        },
        "config": dataclasses.asdict(config),
    }


def to_json(brief: Brief, config: Config) -> str:
    return json.dumps(to_dict(brief, config), ensure_ascii=False, indent=2) + "\n"


def to_html(brief: Brief) -> str:
    """A self-contained HTML page: the title, the numbered sentences, the linked sources."""
    import html

    e = html.escape
    title = e(brief.title or "Brief")
    numbers = _numbers(brief)
    parts = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">', f"<title>{title}</title>",
             "</head><body>", f"<h1>{title}</h1>", "<ol>"]
    parts += [f"<li>{e(c.sentence.text)} <small>[{e(_tags(c, numbers))}]</small></li>"
              for c in brief.chosen]
    parts.append("</ol>")
    if brief.chosen:
        parts.append("<p>Sources:</p><ul>")
        for article, number in numbers.items():
            source = brief.corpus.articles[article]
            link = safe_link(source.url)
            label = e(f"[{number}] " + (f"{source.site or source.name}: {source.headline}"
                                        if link and source.headline else source.name))
            parts.append(f'<li><a href="{e(link, quote=True)}">{label}</a></li>' if link
                         else f"<li>{label}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(brief: Brief, config: Config, fmt: str, *, explain: bool = False) -> str:
    """The brief as a string in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return to_json(brief, config)
    if fmt == "html":
        return to_html(brief)
    if fmt == "markdown":
        return to_markdown(brief, explain=explain)
    return to_text(brief, explain=explain)


def print_rich(brief: Brief, stream: IO[str], *, explain: bool = False) -> None:
    """The terminal view: bold title, numbered sentences, dim source tags, optional table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, highlight=False, markup=False, emoji=False)
    if brief.title:
        console.print(Text(brief.title, style="bold"))
        console.print()
    grid = Table.grid(padding=(0, 1))  # number column, then text that wraps with a hang
    grid.add_column(justify="right", style="bold cyan")
    grid.add_column()
    numbers = _numbers(brief)
    for i, c in enumerate(brief.chosen, 1):
        grid.add_row(f"{i}.", Text.assemble(c.sentence.text, (f" [{_tags(c, numbers)}]",
                                                              "dim")))
    console.print(grid)
    if brief.chosen:
        console.print()
        for line in _source_lines(brief):
            console.print(Text(line, style="dim"))
    if explain and brief.chosen:
        console.print(rich_table(*_explain_rows(brief), title="Scores (normalised to 0-1)"))
