"""Every kind of input, made into articles: text and markdown files, saved web pages, URLs of
pages and feeds, feed files, OPML lists of feeds, and plain lists of URLs.

A local file is read as before unless its content says it is something else (:func:`sniff`):
HTML goes to :mod:`summarize.inputs.html`, a feed's entries are fetched and extracted, an OPML
file's feeds are fetched, a file of nothing but URLs is a list of inputs. A URL is fetched
(:mod:`summarize.inputs.fetch`) and treated by what came back. Whatever cannot be used is a
:class:`Skipped` with the source and the reason; the rest are still read.

Links inside a feed fetched from a public address are not followed to private or local
addresses (a public feed has no business pointing into your network); a feed on your own
network, or in a local file, may link within it.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import BinaryIO
from urllib.parse import urlsplit

from summarize.config import Config
from summarize.errors import InputDataError, NoInputError
from summarize.inputs.feeds import Entry, FeedError, parse_feed, parse_opml, parse_url_list, sniff
from summarize.inputs.fetch import SCHEMES, Fetcher, FetchError, Page, private_host
from summarize.inputs.files import STDIN, find_files, read_bytes, split_article, text_article
from summarize.inputs.httpcache import HttpCache
from summarize.model import Article, Skipped
from summarize.text.clean import clean, decode

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class Gathered:
    """Articles in input order, what was skipped, and how many feed entries ``since`` left
    out."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    too_old: int = 0


@dataclass
class _Pending:
    """A page still to fetch, and what its feed said about it."""

    url: str
    entry: Entry | None
    feed_title: str | None
    allow_private: bool


def is_url(value: str) -> bool:
    return "://" in value and urlsplit(value).scheme.lower() in SCHEMES


class Gatherer:
    """Reads inputs of every kind (see the module's docstring) with one fetcher."""

    def __init__(self, config: Config, *, since: datetime.datetime | None = None,
                 cache: HttpCache | None = None,
                 progress: Callable[[int], AbstractContextManager[Callable[[], None]]]
                 | None = None) -> None:
        self.config = config
        self.since = since
        self.cache = cache
        self.progress = progress
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
        extensions = (*self.config.reader.extensions, ".html", ".htm")
        urls = [i for i in inputs if is_url(i)]
        fetched = dict(zip(urls, self._fetch_many(urls, FEED_ACCEPT, allow_private=True),
                           strict=True))
        for given in inputs:
            if given in fetched:
                page = fetched[given]
                if isinstance(page, Skipped):
                    self.found.skipped.append(page)
                else:
                    self._take(page[0], page[1], allow_private=not _public(page[0]))
            elif "://" in given:
                self.found.skipped.append(Skipped(given, "not an http or https URL; not "
                                                         "followed"))
            else:
                for source in find_files([given], extensions):
                    self._read_file(source, stdin)
        self._fetch_pending()
        if not self.found.articles:
            if not self.found.skipped and not self.found.too_old:
                raise NoInputError(f"nothing to read in {', '.join(inputs)}",
                                   "give articles, web pages, feeds or their URLs")
            reasons = "; ".join(f"{s.source}: {s.reason}" for s in self.found.skipped[:3])
            reasons = reasons or "every feed entry is older than --since"
            raise InputDataError(f"no usable article in the input ({reasons})",
                                 "check the sources named above")
        self.found.articles = [replace(a, id=i) for i, a in enumerate(self.found.articles)]
        return self.found

    def _read_file(self, source: str, stdin: BinaryIO | None) -> None:
        data = read_bytes(source, self.config.reader, stdin)
        if isinstance(data, Skipped):
            self.found.skipped.append(data)
            return
        kind = sniff(data)
        if kind == "html" or source.lower().endswith((".html", ".htm")):
            self._page(Page(source, data, "text/html", None), None, None, source=source)
        elif kind in ("feed", "opml"):
            self._take(source, Page(source, data, "", None), allow_private=True)
        else:
            text = decode(data)
            if text is None:
                self.found.skipped.append(Skipped(source, "not text (binary or undecodable)"))
                return
            urls = parse_url_list(text) if source != STDIN else None
            if urls is not None:
                self._url_list(source, urls)
            else:
                self._text(source, text)

    def _text(self, source: str, text: str, url: str | None = None) -> None:
        article = text_article(source, text, self.config.reader)
        if isinstance(article, Skipped):
            self.found.skipped.append(article)
        elif url is None:
            self.found.articles.append(article)
        else:
            site = urlsplit(url).hostname
            self.found.articles.append(replace(article, name=site or article.name, url=url,
                                               site=site))

    def _url_list(self, source: str, urls: list[str]) -> None:
        good = []
        for url in urls:
            if is_url(url):
                good.append(url)
            else:
                self.found.skipped.append(Skipped(url, f"in {source}: not an http or https "
                                                       "URL; not followed"))
        for page in self._fetch_many(good, FEED_ACCEPT, allow_private=True):
            if isinstance(page, Skipped):
                self.found.skipped.append(page)
            else:
                self._take(page[0], page[1], allow_private=True)

    def _take(self, source: str, page: Page, *, allow_private: bool) -> None:
        """A fetched URL or a local file: a page, a feed or a list of feeds."""
        kind = sniff(page.body, page.media_type)
        if kind == "opml":
            try:
                feeds = parse_opml(page.body)
            except FeedError as error:
                self.found.skipped.append(Skipped(source, str(error)))
                return
            fetched = self._fetch_many(feeds, FEED_ACCEPT, allow_private=allow_private)
            for got in fetched:
                if isinstance(got, Skipped):
                    self.found.skipped.append(got)
                else:
                    self._feed(got[0], got[1], allow_private=allow_private and
                               not _public(got[0]))
        elif kind == "feed":
            self._feed(source, page, allow_private=allow_private)
        elif kind == "html" or page.media_type in PAGE_TYPES:
            self._page(page, None, None, source=source)
        elif page.media_type == "text/plain":  # an article as plain text, as a file's is read
            from summarize.inputs.html import decode_html

            text = decode_html(page.body, page.charset)
            if text is None:
                self.found.skipped.append(Skipped(source, "not text (undecodable)"))
            else:
                self._text(source, text, page.url if is_url(page.url) else None)
        else:
            self.found.skipped.append(Skipped(source, "neither a web page nor a feed ("
                                              f"{page.media_type or 'unknown type'})"))

    def _feed(self, source: str, page: Page, *, allow_private: bool) -> None:
        try:
            feed = parse_feed(page.body, max_entries=self.config.feeds.max_entries)
        except FeedError as error:
            self.found.skipped.append(Skipped(source, str(error)))
            return
        for link, reason in feed.refused:
            self.found.skipped.append(Skipped(link, f"in {source}: {reason}"))
        if feed.dropped:
            self.found.skipped.append(Skipped(source, f"{feed.dropped} older entries beyond "
                                              f"feeds.max_entries = "
                                              f"{self.config.feeds.max_entries} left out"))
        for entry in feed.entries:
            if self.since is not None and entry.published is not None and \
                    entry.published < self.since:
                self.found.too_old += 1
            elif entry.link not in self._queued:
                self._queued.add(entry.link)
                self._pending.append(_Pending(entry.link, entry, feed.title, allow_private))

    def _fetch_pending(self) -> None:
        pending, self._pending = self._pending, []
        by_policy: dict[bool, list[_Pending]] = {}
        for item in pending:
            by_policy.setdefault(item.allow_private, []).append(item)
        pages: dict[str, Page | Skipped] = {}
        for allow, items in by_policy.items():
            for got in self._fetch_many([i.url for i in items], PAGE_ACCEPT,
                                        allow_private=allow):
                if isinstance(got, Skipped):
                    pages[got.source] = got
                else:
                    pages[got[0]] = got[1]
        for item in pending:
            page = pages[item.url]
            if isinstance(page, Skipped):
                self.found.skipped.append(page)
            else:
                self._page(page, item.entry, item.feed_title, source=item.url)

    def _page(self, page: Page, entry: Entry | None, feed_title: str | None, *,
              source: str) -> None:
        from summarize.inputs.html import decode_html, extract

        html = decode_html(page.body, page.charset)
        if html is None:
            self.found.skipped.append(Skipped(source, "not text (undecodable)"))
            return
        url = page.url if is_url(page.url) else None
        found = extract(html, url)
        if found is None:
            self.found.skipped.append(Skipped(source, "no article text found on the page"))
            return
        published = found.published or (entry.published if entry else None)
        if self.since is not None and published is not None and published < self.since:
            self.found.too_old += 1
            return
        headline, paragraphs = split_article(found.text, self.config.reader)
        title = clean(found.title or (entry.title if entry and entry.title else "") or "")
        found_site = found.site or feed_title or (urlsplit(url).hostname if url else None)
        site = clean(found_site) if found_site else None
        if not paragraphs:
            self.found.skipped.append(Skipped(source, "no article text found on the page"))
            return
        self.found.articles.append(Article(
            0, source, site or os.path.basename(source), title or headline, tuple(paragraphs),
            url=url, published=published,
            author=clean(found.author) if found.author else None,
            site=site))

    def _fetch_many(self, urls: Sequence[str], accept: str, *, allow_private: bool
                    ) -> list[tuple[str, Page] | Skipped]:
        if not urls:
            return []
        results: list[tuple[str, Page] | Skipped] = []
        shown = self.progress(len(urls)) if self.progress else nullcontext(lambda: None)
        with shown as advance:
            for url, outcome in self.fetcher.get_many(urls, accept=accept,
                                                      allow_private=allow_private):
                advance()
                if isinstance(outcome, FetchError):
                    results.append(Skipped(url, outcome.reason))
                else:
                    results.append((url, outcome))
        return results


def _public(url: str) -> bool:
    host = urlsplit(url).hostname
    return bool(host) and not private_host(host or "")

