"""Feeds and lists of feeds: RSS, Atom and JSON Feed, OPML, and plain lists of URLs.

RSS and Atom go to feedparser, which repairs the malformed feeds found in the wild; JSON Feed
(which feedparser does not read) to the json module; OPML (what feed readers export) to
defusedxml. XML that declares entities is refused before any parser sees it: a billion-laughs
feed is turned away at once, with a message, instead of being expanded. Only http and https
links are taken from a feed; ``file:``, ``javascript:``, ``data:`` and other links are
reported and left alone.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.inputs.fetch import FetchError, check_url

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class FeedError(Exception):
    """A feed or list that cannot be used, and why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed: the article it links to, and what the feed says about it."""

    link: str
    title: str | None
    published: datetime.datetime | None  # UTC
    summary: str | None  # the feed's own text for the item, if any


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]  # newest first, at most max_entries
    refused: tuple[tuple[str, str], ...]  # (link, reason): links not followed
    dropped: int = 0  # entries beyond max_entries


def sniff(data: bytes, media_type: str = "") -> str:
    """What ``data`` is: "feed", "opml", "html" or "text" (by its content, then its type)."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{") and b"jsonfeed.org/version" in data[:4096].lower():
        return "feed"
    if b"<opml" in head:
        return "opml"
    if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) or \
            media_type in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or \
            media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if head.startswith(b"<?xml") and media_type.endswith("xml"):
        return "feed"
    return "text"


def parse_feed(data: bytes, *, max_entries: int) -> Feed:
    """The entries of an RSS, Atom or JSON feed; FeedError if it is none of them."""
    if data.lstrip()[:1] == b"{":
        return _json_feed(data, max_entries)
    _refuse_entities(data)
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    linked = any(entry.get("link") for entry in parsed.entries)
    if (parsed.bozo and not linked) or not (parsed.version or linked):
        problem = getattr(parsed, "bozo_exception", None)
        raise FeedError(f"not a readable feed ({problem or 'no RSS, Atom or entries found'})")
    items = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or (
            entry.get("updated_parsed") if "updated" in entry else None)
        published = (datetime.datetime.fromtimestamp(calendar.timegm(stamp), datetime.UTC)
                     if stamp else None)
        items.append((entry.get("link") or "", entry.get("title"), published,
                      entry.get("summary")))
    return _feed(parsed.feed.get("title"), items, max_entries)


def _json_feed(data: bytes, max_entries: int) -> Feed:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a readable JSON Feed ({exc})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
            "https://jsonfeed.org/version/") or not isinstance(document.get("items"), list):
        raise FeedError("not a JSON Feed (no jsonfeed.org version or no items)")
    items = []
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or ""
        published = _rfc3339(item.get("date_published") or item.get("date_modified"))
        summary = item.get("content_text") or item.get("summary")
        items.append((link if isinstance(link, str) else "", _text(item.get("title")),
                      published, _text(summary)))
    return _feed(_text(document.get("title")), items, max_entries)


def _feed(title: str | None, items: Sequence[tuple[str, str | None,
          datetime.datetime | None, str | None]], max_entries: int) -> Feed:
    entries: list[Entry] = []
    refused: list[tuple[str, str]] = []
    for link, item_title, published, summary in items:
        try:
            entries.append(Entry(check_url(link), item_title, published, summary))
        except FetchError as error:
            refused.append((link or "(no link)", error.reason))
    # newest first; undated entries after the dated ones, in feed order (sort is stable)
    entries.sort(key=lambda e: (e.published is None,
                                -(e.published.timestamp() if e.published else 0)))
    kept = entries[:max_entries]
    return Feed(title, tuple(kept), tuple(refused), len(entries) - len(kept))


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


def _refuse_entities(data: bytes) -> None:
    if _ENTITY.search(data):
        raise FeedError("the feed declares XML entities; refused (entity expansion is off, "
                        "and a feed has no need of them)")


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
