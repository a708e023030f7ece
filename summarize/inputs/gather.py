"""Every kind of input, made into articles: text and markdown files, saved web pages, URLs of
pages and feeds, feed files, OPML lists of feeds, and plain lists of URLs.

One dispatcher (:meth:`Gatherer._by_kind`) decides what a local file or a fetched body is by
its content (:func:`summarize.inputs.sniff.sniff`), then its name or type: a page goes to
:mod:`summarize.inputs.html`, a feed's entries are fetched and extracted (an entry with no link
but text of its own is read as it is), an OPML file's feeds are fetched, a file of nothing but
URLs is a list of inputs, text is read as a text file is. Binary files (PDF, Office, images,
archives) and markup or data that is none of these are named and left alone. Whatever cannot
be used is a :class:`Skipped` with the source and the reason, reported as it is found; the rest
is still read. A source that fails in a way nobody foresaw is skipped the same way: one
broken source never costs the others.

Dates decide what ``since`` keeps, so each article gets the most precise one it can: the
page's own publication time, else its feed entry's timestamp, else the page's day (kept
unless the whole of that day, in any time zone, is before ``since``). A page whose date is
only guessed has none, and an article without a date is always kept.

Links inside a feed fetched from a public address are not followed to private or local
addresses (a public feed has no business pointing into your network); a feed on your own
network, or in a local file, may link within it.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from summarize.config import Config
from summarize.errors import InputDataError, NoInputError
from summarize.inputs.feeds import Entry, FeedError, parse_feed, parse_opml, parse_url_list
from summarize.inputs.fetch import Fetcher, Page
from summarize.inputs.files import STDIN, find_files, read_bytes, split_article, text_article
from summarize.inputs.httpcache import HttpCache
from summarize.inputs.sniff import Kind, sniff
from summarize.inputs.urls import SCHEMES, FetchError, private_host
from summarize.model import Article, Skipped
from summarize.text.clean import clean, decode
from summarize.text.detect import with_language

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# A scheme before a colon ("javascript:", "mailto:", "ftp://"), not a Windows drive ("C:\")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
# The latest a local day ends, in UTC (the earliest zone is 12 hours behind)
_DAY_END = datetime.timedelta(hours=36)

Report = Callable[[Skipped], None]


@dataclass
class Gathered:
    """Articles in input order, what was skipped, and how many articles ``since`` left out."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    too_old: int = 0
    from_feeds: bool = False  # some articles came from a feed: they may tell several stories


@dataclass
class _Pending:
    """A page still to fetch, and what its feed said about it."""

    url: str
    entry: Entry | None
    feed_title: str | None
    allow_private: bool
    feed_language: str | None = None


def is_url(value: str) -> bool:
    return "://" in value and urlsplit(value).scheme.lower() in SCHEMES


class Gatherer:
    """Reads inputs of every kind (see the module's docstring) with one fetcher. ``report``
    is called with each skipped source as it is found."""

    def __init__(self, config: Config, *, since: datetime.datetime | None = None,
                 cache: HttpCache | None = None,
                 progress: Callable[[int], AbstractContextManager[Callable[[], None]]]
                 | None = None, report: Report | None = None) -> None:
        self.config = config
        self.since = since
        self.cache = cache
        self.progress = progress
        self.report = report
        self._fetcher: Fetcher | None = None
        self.found = Gathered()
        self._pending: list[_Pending] = []
        self._queued: set[str] = set()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.config.fetch, self.cache)
        return self._fetcher

    def gather(self, inputs: Sequence[str], *, stdin: BinaryIO | None = None) -> Gathered:
        """Read every input; raise only when none gives an article."""
        self.found, self._pending, self._queued = Gathered(), [], set()
        urls = [i for i in inputs if is_url(i)]
        fetched = dict(zip(urls, self._fetch_many(urls, FEED_ACCEPT, allow_private=True),
                           strict=True))
        missing = 0
        for given in inputs:
            if given in fetched:
                page = fetched[given]
                if not isinstance(page, Skipped):
                    self._guarded(given, self._by_kind, page[0], page[1].body, page[1],
                                  allow_private=not _public(page[0]))
            elif _SCHEME.match(given) and not os.path.exists(given):
                self._skip(given, "not an http or https URL; not followed")
            elif given != STDIN and not (os.path.exists(given) or os.path.islink(given)):
                missing += 1
                self._skip(given, "not found (no such file or folder)")
            else:
                for source in self._files(given):
                    self._guarded(source, self._read_file, source, stdin)
        self._fetch_pending()
        if not self.found.articles:
            raise self._nothing(inputs, missing)
        self.found.articles = [replace(a, id=i) for i, a in enumerate(self.found.articles)]
        return self.found

    def _nothing(self, inputs: Sequence[str], missing: int) -> InputDataError | NoInputError:
        """The error for a gather that found no article: nothing there at all (66), or
        sources that were there but unusable (65)."""
        skipped = self.found.skipped
        if missing and missing == len(skipped) == len(inputs):
            return NoInputError(f"input not found: {', '.join(inputs)}",
                                "check the path; pass a file, a folder, a URL, or - for stdin")
        if not skipped and not self.found.too_old:
            return NoInputError(f"nothing to read in {', '.join(inputs)}",
                                "give articles, web pages, feeds or their URLs")
        parts = [f"{len(skipped)} source(s) skipped"] if skipped else []
        if self.found.too_old:
            parts.append(f"{self.found.too_old} article(s) older than --since")
        if self.report is not None:
            hint = "each skipped source is named above with its reason" if skipped else \
                "widen --since, or check the feeds' dates"
        else:
            hint = "; ".join(f"{s.source}: {s.reason}" for s in skipped) or \
                "widen --since, or check the feeds' dates"
        return InputDataError(f"no usable article in the input ({', '.join(parts)})", hint)

    def _skip(self, source: str, reason: str) -> None:
        item = Skipped(source, reason)
        self.found.skipped.append(item)
        if self.report is not None:
            self.report(item)

    def _guarded(self, source: str, work: Callable[..., None], *args: Any,
                 **keywords: Any) -> None:
        """Run ``work`` for ``source``; an error nobody foresaw skips that source only."""
        try:
            work(*args, **keywords)
        except (InputDataError, NoInputError):
            raise
        except (RecursionError, MemoryError):
            self._skip(source, "too deeply nested or too large to read")
        except Exception as error:  # one line, never a traceback, and the others go on
            self._skip(source, f"could not be read ({type(error).__name__}: {error})")

    def _files(self, given: str) -> list[str]:
        extensions = (*self.config.reader.extensions, ".html", ".htm")
        return find_files([given], extensions)

    def _read_file(self, source: str, stdin: BinaryIO | None) -> None:
        data = read_bytes(source, self.config.reader, stdin)
        if isinstance(data, Skipped):
            self._skip(data.source, data.reason)
            return
        local = Page(source, data, "", None)
        if source.lower().endswith((".html", ".htm")) and sniff(data).name == "text":
            local = replace(local, media_type="text/html")
        self._by_kind(source, data, local, allow_private=True)

    def _by_kind(self, source: str, data: bytes, page: Page, *, allow_private: bool) -> None:
        """A local file's bytes or a fetched body, by what it is: the one dispatcher."""
        kind = sniff(data, page.media_type)
        remote = is_url(page.url)
        if kind.name == "other":
            self._skip(source, _not_readable(kind, page.media_type, remote=remote))
        elif kind.name == "opml":
            self._opml(source, page, allow_private=allow_private)
        elif kind.name == "feed":
            self._feed(source, page, allow_private=allow_private)
        elif kind.name == "html":
            self._page(page, None, None, source=source)
        elif remote and page.media_type not in ("text/plain", ""):
            self._skip(source, f"neither a web page nor a feed ({page.media_type})")
        else:
            self._text(source, data, page)

    def _text(self, source: str, data: bytes, page: Page) -> None:
        """Plain text: an article, as a text file is read, or (a local file) a list of URLs."""
        from summarize.inputs.html import decode_html

        remote = is_url(page.url)
        text = decode_html(data, page.charset) if remote else decode(data)
        if text is None:
            self._skip(source, "not text (binary or undecodable)")
            return
        if not remote and source != STDIN:
            urls = parse_url_list(text)
            if urls is not None:
                self._url_list(source, urls)
                return
        article = text_article(source, text, self.config.reader)
        if isinstance(article, Skipped):
            self._skip(article.source, article.reason)
            return
        article = with_language(article)
        if not remote:
            self.found.articles.append(article)
        else:
            site = urlsplit(page.url).hostname
            self.found.articles.append(replace(article, name=site or article.name,
                                               url=page.url, site=site))

    def _url_list(self, source: str, urls: list[str]) -> None:
        good = []
        for url in urls:
            if is_url(url):
                good.append(url)
            else:
                self._skip(url, f"in {source}: not an http or https URL; not followed")
        for page in self._fetch_many(good, FEED_ACCEPT, allow_private=True):
            if not isinstance(page, Skipped):
                self._guarded(page[0], self._by_kind, page[0], page[1].body, page[1],
                              allow_private=True)

    def _opml(self, source: str, page: Page, *, allow_private: bool) -> None:
        try:
            feeds = parse_opml(page.body)
        except FeedError as error:
            self._skip(source, str(error))
            return
        if not feeds:
            self._skip(source, "the OPML list names no feeds (no xmlUrl)")
            return
        for got in self._fetch_many(feeds, FEED_ACCEPT, allow_private=allow_private):
            if not isinstance(got, Skipped):
                self._guarded(got[0], self._feed, got[0], got[1],
                              allow_private=allow_private and not _public(got[0]))

    def _feed(self, source: str, page: Page, *, allow_private: bool) -> None:
        try:
            feed = parse_feed(page.body, max_entries=self.config.feeds.max_entries,
                              url=page.url if is_url(page.url) else None)
        except FeedError as error:
            self._skip(source, str(error))
            return
        for link, reason in feed.refused:
            self._skip(link, f"in {source}: {reason}")
        if feed.dropped:
            self._skip(source, f"{feed.dropped} older entries beyond feeds.max_entries = "
                               f"{self.config.feeds.max_entries} left out")
        if not feed.entries and not feed.refused:
            self._skip(source, "the feed has no entries")
        self.found.from_feeds = True
        for number, entry in enumerate(feed.entries, 1):
            if self._too_old(entry.published, day_only=False):
                self.found.too_old += 1
            elif not entry.link:
                self._entry_article(source, number, entry, feed.title, feed.language)
            elif entry.link not in self._queued:
                self._queued.add(entry.link)
                self._pending.append(_Pending(entry.link, entry, feed.title, allow_private,
                                              feed.language))

    def _entry_article(self, source: str, number: int, entry: Entry,
                       feed_title: str | None, language: str | None) -> None:
        """An entry without a link, read from its own text."""
        name = f"{source}#{number}"
        headline, paragraphs = split_article(entry.text or "", self.config.reader)
        if not paragraphs:
            self._skip(name, "the entry has no text besides a headline")
            return
        site = clean(feed_title) if feed_title else None
        self.found.articles.append(with_language(Article(
            0, name, site or os.path.basename(source),
            clean(entry.title) if entry.title else headline, tuple(paragraphs),
            published=entry.published, site=site), language))

    def _too_old(self, published: datetime.datetime | None, *, day_only: bool) -> bool:
        """Whether ``since`` leaves out an article of that date: never one without a date;
        a day only when all of it, in every time zone, is before ``since``."""
        if self.since is None or published is None:
            return False
        return (published + _DAY_END if day_only else published) < self.since

    def _fetch_pending(self) -> None:
        pending, self._pending = self._pending, []
        by_policy: dict[bool, list[_Pending]] = {}
        for item in pending:
            by_policy.setdefault(item.allow_private, []).append(item)
        pages: dict[str, tuple[str, Page] | Skipped] = {}
        for allow, items in by_policy.items():
            for got in self._fetch_many([i.url for i in items], PAGE_ACCEPT,
                                        allow_private=allow):
                pages[got.source if isinstance(got, Skipped) else got[0]] = got
        for item in pending:
            got = pages[item.url]
            if not isinstance(got, Skipped):
                self._guarded(item.url, self._feed_page, item, got[1])

    def _feed_page(self, item: _Pending, page: Page) -> None:
        kind = sniff(page.body, page.media_type)
        if kind.name == "html" or (kind.name == "text" and page.media_type in PAGE_TYPES):
            self._page(page, item.entry, item.feed_title, source=item.url,
                       feed_language=item.feed_language)
        else:
            self._by_kind(item.url, page.body, page, allow_private=item.allow_private)

    def _page(self, page: Page, entry: Entry | None, feed_title: str | None, *,
              source: str, feed_language: str | None = None) -> None:
        from summarize.inputs.html import consent_wall, decode_html, extract

        html = decode_html(page.body, page.charset)
        if html is None:
            self._skip(source, "not text (undecodable)")
            return
        url = page.url if is_url(page.url) else None
        found = extract(html, url)
        if found is None:
            self._skip(source, "no article text found on the page")
            return
        if consent_wall(found.text):
            self._skip(source, "only a cookie-consent notice, no article (the site asks "
                               "for consent before it shows the page)")
            return
        published, day_only = found.published, found.day_only
        if entry is not None and entry.published is not None and (
                published is None or day_only):
            published, day_only = entry.published, False  # the feed's time beats a day
        if self._too_old(published, day_only=day_only):
            self.found.too_old += 1
            return
        title = clean(found.title or (entry.title if entry and entry.title else "") or "")
        headline, paragraphs = split_article(found.text, self.config.reader, title=title)
        found_site = found.site or feed_title or (urlsplit(url).hostname if url else None)
        site = clean(found_site) if found_site else None
        if not paragraphs:
            self._skip(source, "no article text found on the page")
            return
        self.found.articles.append(with_language(Article(
            0, source, site or os.path.basename(source), title or headline, tuple(paragraphs),
            url=url, published=published, author=clean(found.author) if found.author else None,
            site=site, published_day_only=day_only and published is not None),
            found.language or feed_language))

    def _fetch_many(self, urls: Sequence[str], accept: str, *, allow_private: bool
                    ) -> list[tuple[str, Page] | Skipped]:
        """Each URL's page, or a Skipped (reported) for one that failed."""
        if not urls:
            return []
        results: list[tuple[str, Page] | Skipped] = []
        shown = self.progress(len(urls)) if self.progress else nullcontext(lambda: None)
        with shown as advance:
            for url, outcome in self.fetcher.get_many(urls, accept=accept,
                                                      allow_private=allow_private):
                advance()
                results.append(Skipped(url, outcome.reason) if isinstance(outcome, FetchError)
                               else (url, outcome))
        for result in results:
            if isinstance(result, Skipped):
                self._skip(result.source, result.reason)
        return results


def _not_readable(kind: Kind, media_type: str, *, remote: bool) -> str:
    """Why a binary file, or markup or data no reader takes, is skipped."""
    binary = kind.detail.startswith(("a ", "an "))
    if not remote:
        return f"not text ({kind.detail})" if binary else f"{kind.detail}; not read"
    typed = f" ({media_type})" if media_type else ""
    return f"{kind.detail}, neither a web page nor a feed{typed}" if binary else \
        f"{kind.detail}{typed}; not read"


def _public(url: str) -> bool:
    host = urlsplit(url).hostname
    return bool(host) and not private_host(host or "")
