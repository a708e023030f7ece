"""Feeds and lists of feeds: RSS, Atom and JSON Feed, OPML, and plain lists of URLs.

RSS and Atom go to feedparser, which repairs the malformed feeds found in the wild; JSON Feed
(which feedparser does not read) to the json module; OPML (what feed readers export) to
defusedxml. XML whose DOCTYPE declares entities is refused before any parser sees it (in
whatever encoding it is written: :func:`summarize.inputs.sniff.root_element` reads the
prolog): a billion-laughs feed is turned away at once, with a message, instead of being
expanded. Relative entry links are resolved against ``xml:base`` and the feed's own URL. Only
http and https links are taken from a feed; ``file:``, ``javascript:``, ``data:`` and other
links are reported and left alone. An entry without a link whose own text is long enough
(``content:encoded``, a long summary) is an article in itself.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from summarize.inputs.sniff import as_utf8, decode_markup, root_element
from summarize.inputs.urls import FetchError, check_url

_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # a link with a scheme is not relative
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# An entry without a link is an article of its own when its text has this many words.
ENTRY_ARTICLE_WORDS = 60


class FeedError(Exception):
    """A feed or list that cannot be used, and why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed: the article it links to, and what the feed says about it.

    ``link`` is empty for an entry that has no link but enough text of its own (``text``:
    paragraphs separated by blank lines) to be read as the article."""

    link: str
    title: str | None
    published: datetime.datetime | None  # UTC
    text: str | None  # the feed's own text for the item: its full content, else its summary


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]  # newest first, at most max_entries
    refused: tuple[tuple[str, str], ...]  # (link, reason): links not followed
    dropped: int = 0  # entries beyond max_entries
    language: str | None = None  # as the feed declares it (RSS <language>, xml:lang, JSON)


Item = tuple[str, str | None, datetime.datetime | None, str | None]


def parse_feed(data: bytes, *, max_entries: int, url: str | None = None) -> Feed:
    """The entries of an RSS, Atom or JSON feed; FeedError if it is none of them. ``url``:
    where the feed came from, which its relative links are relative to."""
    if not data.strip():
        raise FeedError("the feed is empty")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return _json_feed(data, max_entries, url)
    _, doctype = root_element(decode_markup(data))
    if _ENTITY.search(doctype):
        raise FeedError("the feed declares XML entities; refused (entity expansion is off, "
                        "and a feed has no need of them)")
    import feedparser

    # No base URL for feedparser: it would resolve a malformed link ("http://") to the feed's
    # own address. It applies xml:base; links still relative are joined to ``url`` below.
    parsed = feedparser.parse(as_utf8(data), sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries") or []
    texts = [_entry_text(entry) for entry in entries]
    usable = any(entry.get("link") for entry in entries) or any(texts)
    if (parsed.get("bozo") and not usable) or not (parsed.get("version") or usable):
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not a readable feed ({problem or 'no RSS, Atom or entries found'})")
    items: list[Item] = []
    for entry, text in zip(entries, texts, strict=True):
        stamp = entry.get("published_parsed") or (
            entry.get("updated_parsed") if "updated" in entry else None)
        published = (datetime.datetime.fromtimestamp(calendar.timegm(stamp), datetime.UTC)
                     if stamp else None)
        link = entry.get("link") or ""
        if link and url and not _ABSOLUTE.match(link):
            link = _joined(url, link)
        items.append((link, _text(entry.get("title")), published, text))
    channel = parsed.get("feed") or {}
    return _feed(_text(channel.get("title")), items, max_entries,
                 _text(channel.get("language")))


def _entry_text(entry: Any) -> str | None:
    """An entry's own text as plain paragraphs: its full content, else its summary."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return _plain(value)
    summary = entry.get("summary")
    return _plain(summary) if isinstance(summary, str) else None


def _plain(html: str) -> str | None:
    from summarize.inputs.html import fragment_text

    return fragment_text(html) or None


def _json_feed(data: bytes, max_entries: int, url: str | None) -> Feed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a readable JSON Feed ({exc})") from None
    except RecursionError:
        raise FeedError("not a readable JSON Feed (nested too deeply)") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
            "https://jsonfeed.org/version/") or not isinstance(document.get("items"), list):
        raise FeedError("not a JSON Feed (no jsonfeed.org version or no items)")
    items: list[Item] = []
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or ""
        if isinstance(link, str) and link and url and \
                not _ABSOLUTE.match(link):
            link = _joined(url, link)
        published = _rfc3339(item.get("date_published") or item.get("date_modified"))
        html = _text(item.get("content_html"))
        text = _text(item.get("content_text")) or (_plain(html) if html else None) or \
            _text(item.get("summary"))
        items.append((link if isinstance(link, str) else "", _text(item.get("title")),
                      published, text))
    return _feed(_text(document.get("title")), items, max_entries,
                 _text(document.get("language")))


def _joined(base: str, link: str) -> str:
    try:
        return urljoin(base, link)
    except ValueError:  # a malformed link: check_url says why
        return link


def _feed(title: str | None, items: Sequence[Item], max_entries: int,
          language: str | None = None) -> Feed:
    entries: list[Entry] = []
    refused: list[tuple[str, str]] = []
    for link, item_title, published, text in items:
        if not link.strip():
            if text and len(text.split()) >= ENTRY_ARTICLE_WORDS:
                entries.append(Entry("", item_title, published, text))
            else:
                label = f"(entry {item_title!r})" if item_title else "(an entry)"
                refused.append((label, "has no link, and too little text of its own to read"))
            continue
        try:
            entries.append(Entry(check_url(link), item_title, published, text))
        except FetchError as error:
            refused.append((link, error.reason))
    # newest first; undated entries after the dated ones, in feed order (sort is stable)
    entries.sort(key=lambda e: (e.published is None,
                                -(e.published.timestamp() if e.published else 0)))
    kept = entries[:max_entries]
    return Feed(title, tuple(kept), tuple(refused), len(entries) - len(kept), language)


def parse_opml(data: bytes) -> list[str]:
    """The feed URLs (``xmlUrl``) of an OPML file, in order."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                      forbid_external=True)
    except DefusedXmlException:
        raise FeedError("the OPML declares XML entities; refused (entity expansion is "
                        "off)") from None
    except ElementTree.ParseError as exc:
        raise FeedError(f"not readable OPML ({exc})") from None
    return [url for outline in root.iter("outline")
            if (url := (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip())]


def parse_url_list(text: str) -> list[str] | None:
    """The URLs of a plain list (one a line, ``#`` comments, blank lines), or None when any
    other line shows it is not such a list."""
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", line, re.IGNORECASE):
            return None
        urls.append(line)
    return urls or None


def parse_since(value: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """``--since``: a duration back from now ("24h", "90m", "7d", "2w") or a date or time
    ("2026-11-21", "2026-11-21T06:00", local time unless it says otherwise), as UTC."""
    now = now or datetime.datetime.now(datetime.UTC)
    match = _DURATION.match(value)
    if match:
        amount, unit = float(match.group(1)), _UNITS[match.group(2).lower()]
        return now - datetime.timedelta(**{unit: amount})
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"--since {value!r} is neither a duration (24h, 90m, 7d, 2w) nor a "
                         "date (2026-11-21) or time (2026-11-21T06:00)") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time, as the user wrote it
    return moment.astimezone(datetime.UTC)


def _rfc3339(value: object) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)).astimezone(
        datetime.UTC)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
