"""Turn a :class:`Digest` into text, Markdown, JSON, HTML for e-mail, or a rich terminal view.

Plain text is for cron mail and files (no escape codes). The HTML is for e-mail: inline styles
only, no scripts, no external resources, every text escaped, and only http and https links. The
terminal view has one section per story, reads at 80 columns, shows times in the reader's own
time zone, and makes a link clickable (an OSC 8 hyperlink) only after checking it is http or
https; where the terminal is not known to render such links (tmux, a plain xterm), the address
is printed too. Files and mail give times in UTC: the same digest reads the same anywhere.
Article text is data: rich never parses it as markup, and Markdown escapes its specials. The
JSON layout (``summarize.digest/1``) is pinned by ``summarize/digest.schema.json``.
"""

from __future__ import annotations

import datetime
import html
import json
import os
from collections.abc import Mapping
from typing import IO, Any

from summarize.digest.build import Digest, Source, Story
from summarize.render import escape_markdown, safe_link, sentence_dicts
from summarize.version import __version__

FORMATS = ("text", "markdown", "json", "html")
SCHEMA_ID = "summarize.digest/1"
MARK = {"new": "NEW", "continuing": "CONTINUING", "unchanged": "UNCHANGED"}


def _when(moment: datetime.datetime, *, day_only: bool = False, local: bool = False) -> str:
    """A moment for people: a day as a date; a time in UTC, or (``local``) in the reader's
    own time zone, named."""
    if day_only:
        return moment.strftime("%Y-%m-%d")
    if local:
        shown = moment.astimezone()
        return shown.strftime("%Y-%m-%d %H:%M ") + (shown.tzname() or shown.strftime("%z"))
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _span(story: Story, *, local: bool = False) -> str:
    if story.first is None or story.last is None:
        return ""
    first = _when(story.first, day_only=story.first_day_only, local=local)
    last = _when(story.last, day_only=story.last_day_only, local=local)
    return first if first == last else f"{first} to {last}"


def _heading(number: int, story: Story, tracked: bool) -> str:
    mark = f"[{MARK[story.status]}] " if tracked else ""
    return f"{number}. {mark}{story.title or 'Untitled story'}"


def _outlets(story: Story) -> str:
    count, articles = len(story.outlets), story.articles or len(story.sources)
    plural = "s" if articles != 1 else ""
    if not count:
        return f"{articles} article{plural}"
    named = f"{count} outlet{'s' if count != 1 else ''}: {', '.join(story.outlets)}"
    return named if articles == count else f"{named} ({articles} article{plural})"


def _source_line(source: Source) -> str:
    return f"{source.outlet}: {source.title or '(untitled)'}" + (
        " (earlier)" if source.earlier else "")


def _header(digest: Digest) -> str:
    when = digest.generated.strftime("%Y-%m-%d %H:%M UTC")
    shown = len(digest.stories)
    more = f" ({digest.left_out} more not shown)" if digest.left_out else ""
    new = "new " if digest.tracked else ""
    return (f"News digest, {when}: {shown} stor{'y' if shown == 1 else 'ies'} from "
            f"{digest.articles} {new}article{'s' if digest.articles != 1 else ''}{more}")


def to_text(digest: Digest) -> str:
    lines = [_header(digest), ""]
    if not digest.stories:
        lines += ["Nothing new.", ""]
    for number, story in enumerate(digest.stories, 1):
        lines.append(_heading(number, story, digest.tracked))
        lines.append(f"   {_outlets(story)}" + (f"; {_span(story)}" if _span(story) else ""))
        if story.brief is not None:
            lines += [""] + [f"   - {text}" for text in story.brief.sentences]
        elif story.status == "unchanged":
            lines += ["", "   Nothing new since the last digest."]
        lines.append("")
        lines += [f"   [{k}] {_source_line(s)}"
                  + (f" <{link}>" if (link := safe_link(s.url)) else "")
                  for k, s in enumerate(story.sources, 1)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_markdown(digest: Digest) -> str:
    lines = [f"# {escape_markdown(_header(digest))}", ""]
    if not digest.stories:
        lines += ["Nothing new.", ""]
    for number, story in enumerate(digest.stories, 1):
        span = f" · {_span(story)}" if _span(story) else ""
        lines += [f"## {escape_markdown(_heading(number, story, digest.tracked))}", "",
                  f"*{escape_markdown(_outlets(story))}*{span}", ""]
        if story.brief is not None:
            lines += [f"- {escape_markdown(text)}" for text in story.brief.sentences] + [""]
        elif story.status == "unchanged":
            lines += ["Nothing new since the last digest.", ""]
        # A paragraph between the two lists: CommonMark joins two "-" lists that only a blank
        # line separates into one.
        lines += ["Sources:", ""]
        for source in story.sources:
            title = escape_markdown(source.title or "(untitled)")
            link = safe_link(source.url)
            earlier = " (earlier)" if source.earlier else ""
            lines.append(f"- {escape_markdown(source.outlet)}: " + (
                f"[{title}](<{link}>)" if link else title) + earlier)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def to_dict(digest: Digest) -> dict[str, Any]:
    """The JSON document (schema ``summarize.digest/1``)."""
    return {
        "schema": SCHEMA_ID,
        "version": __version__,
        "generated": _iso(digest.generated),
        "articles": digest.articles,
        "left_out": digest.left_out,
        "stories": [{
            "status": story.status,
            "title": story.title,
            "language": story.brief.corpus.language if story.brief else story.language,
            "outlets": list(story.outlets),
            "first": _iso(story.first),
            "last": _iso(story.last),
            "summary": story.brief.text if story.brief else None,
            "sentences": sentence_dicts(story.brief) if story.brief else [],
            "sources": [{"outlet": s.outlet, "title": s.title, "url": safe_link(s.url),
                         "published": _iso(s.published),
                         "published_precision": None if s.published is None else
                         "day" if s.day_only else "time",
                         "earlier": s.earlier} for s in story.sources],
        } for story in digest.stories],
    }


_STYLE = {
    "body": "margin:0;padding:16px;background:#ffffff;color:#1a1a1a;"
            "font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5;",
    "h1": "font-size:20px;margin:0 0 16px 0;",
    "h2": "font-size:18px;margin:24px 0 4px 0;",
    "meta": "color:#666666;font-size:13px;margin:0 0 8px 0;",
    "mark": "display:inline-block;padding:0 6px;margin-right:6px;border-radius:3px;"
            "font-size:12px;font-family:Arial,sans-serif;color:#ffffff;background:#2b6cb0;",
    "li": "margin:0 0 6px 0;",
    "src": "color:#444444;font-size:14px;",
    "a": "color:#2b6cb0;",
}


def to_html(digest: Digest) -> str:
    """A self-contained HTML e-mail body: inline styles, no scripts, everything escaped."""
    e = html.escape
    parts = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{e(_header(digest))}</title></head>",
             f'<body style="{_STYLE["body"]}">', f'<h1 style="{_STYLE["h1"]}">'
             f"{e(_header(digest))}</h1>"]
    if not digest.stories:
        parts.append("<p>Nothing new.</p>")
    for number, story in enumerate(digest.stories, 1):
        parts.append(f'<h2 style="{_STYLE["h2"]}"><span style="{_STYLE["mark"]}">'
                     f'{e(MARK[story.status])}</span>{number}. '
                     f"{e(story.title or 'Untitled story')}</h2>" if digest.tracked else
                     f'<h2 style="{_STYLE["h2"]}">{number}. '
                     f"{e(story.title or 'Untitled story')}</h2>")
        span = f" · {e(_span(story))}" if _span(story) else ""
        parts.append(f'<p style="{_STYLE["meta"]}">{e(_outlets(story))}{span}</p>')
        if story.brief is not None:
            parts.append("<ul>" + "".join(f'<li style="{_STYLE["li"]}">{e(text)}</li>'
                                          for text in story.brief.sentences) + "</ul>")
        elif story.status == "unchanged":
            parts.append("<p>Nothing new since the last digest.</p>")
        items = []
        for source in story.sources:
            title = e(source.title or "(untitled)")
            link = safe_link(source.url)
            linked = (f'<a style="{_STYLE["a"]}" href="{e(link, quote=True)}">{title}</a>'
                      if link else title)
            earlier = " (earlier)" if source.earlier else ""
            items.append(f"<li>{e(source.outlet)}: {linked}{earlier}</li>")
        parts.append(f'<ul style="{_STYLE["src"]}">' + "".join(items) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(digest: Digest, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_dict(digest), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(digest)
    if fmt == "html":
        return to_html(digest)
    return to_text(digest)


# Terminals known to render OSC 8 hyperlinks, by what they set in the environment.
_LINKING_PROGRAMS = ("iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "kitty", "Tabby")


def renders_links(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal is known to render OSC 8 hyperlinks (tmux and screen pass them
    on only when set up to; other terminals may show nothing of the link)."""
    environ = os.environ if environ is None else environ
    if environ.get("TMUX") or environ.get("STY"):
        return False
    if environ.get("TERM_PROGRAM") in _LINKING_PROGRAMS or environ.get("KITTY_WINDOW_ID") or \
            environ.get("WT_SESSION") or environ.get("TERM") in ("xterm-kitty", "foot"):
        return True
    vte = environ.get("VTE_VERSION", "")
    return vte.isdigit() and int(vte) >= 5000


def print_rich(digest: Digest, stream: IO[str]) -> None:
    """The terminal view: a rule per story, its brief, its sources with clickable links."""
    from rich.console import Console
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, highlight=False, markup=False, emoji=False)
    show_addresses = not renders_links()
    console.print(Text(_header(digest), style="bold"))
    if not digest.stories:
        console.print("Nothing new.")
    colours = {"new": "green", "continuing": "yellow", "unchanged": "dim"}
    for number, story in enumerate(digest.stories, 1):
        console.print()
        mark = (f" {MARK[story.status]} ", f"bold {colours[story.status]}") if digest.tracked \
            else (" ", "")
        console.rule(Text.assemble(mark, (f"{number}. {story.title or 'Untitled story'} ",
                                          "bold")), align="left")
        span = _span(story, local=True)
        meta = _outlets(story) + (f"; {span}" if span else "")
        rows = Table.grid(padding=(0, 1))  # a marker column, then text wrapping with a hang
        rows.add_column(justify="right")
        rows.add_column()
        rows.add_row("", Text(meta, style="dim"))
        if story.brief is not None:
            for text in story.brief.sentences:
                rows.add_row("•", Text(text))
        elif story.status == "unchanged":
            rows.add_row("", Text("Nothing new since the last digest.", style="dim"))
        for k, source in enumerate(story.sources, 1):
            link = safe_link(source.url)
            title = Text(source.title or "(untitled)",
                         style=Style(link=link, underline=True) if link else "")
            line = Text.assemble((source.outlet, "bold"), ": ", title,
                                 (" (earlier)" if source.earlier else "", "dim"))
            if link and show_addresses:
                line.append(f" {link}", style=Style(dim=True, link=link))
            rows.add_row(Text(f"[{k}]", style="dim"), line)
        console.print(rows)
