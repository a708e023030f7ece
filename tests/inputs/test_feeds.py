"""Feed, OPML and URL-list parsing, and --since."""

from __future__ import annotations

import datetime
import json
import time

import pytest

from summarize.inputs.feeds import (
    FeedError,
    parse_feed,
    parse_opml,
    parse_since,
    parse_url_list,
)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Courier</title>
<item><title>Older story</title><link>https://news.example/older</link>
<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Newer story</title><link>https://news.example/newer</link>
<pubDate>Sat, 21 Nov 2026 08:00:00 GMT</pubDate><description>A summary.</description></item>
<item><title>Local file</title><link>file:///etc/passwd</link></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
<item><title>Data</title><link>data:text/html,hello</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<entry><title>Barrier holds</title><link href="https://atom.example/barrier"/>
<updated>2026-11-21T09:00:00Z</updated></entry>
</feed>"""

JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily",
    "items": [{"id": "1", "url": "https://json.example/one", "title": "One",
               "date_published": "2026-11-21T10:00:00Z", "content_text": "Text one."},
              {"id": "2", "url": "javascript:void(0)", "title": "Bad"}]}).encode()

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>"""

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline type="rss" text="Courier" xmlUrl="https://news.example/rss"/>
<outline type="rss" text="Atom" xmlUrl="https://atom.example/feed"/></outline>
</body></opml>"""


def test_rss_entries_newest_first_and_unsafe_links_refused() -> None:
    feed = parse_feed(RSS, max_entries=10)
    assert feed.title == "Example Courier"
    assert [e.link for e in feed.entries] == ["https://news.example/newer",
                                              "https://news.example/older"]
    assert feed.entries[0].published == datetime.datetime(2026, 11, 21, 8, tzinfo=datetime.UTC)
    assert feed.entries[0].text == "A summary."
    refused = [link for link, _ in feed.refused]  # feedparser writes file:///x as file://x
    assert [link.split(":")[0] for link in refused] == ["file", "javascript", "data"]
    assert refused[1:] == ["javascript:alert(1)", "data:text/html,hello"]
    assert all("not an http or https URL" in reason for _, reason in feed.refused)


def test_atom_and_json_feed() -> None:
    atom = parse_feed(ATOM, max_entries=10)
    assert (atom.title, atom.entries[0].link) == ("Atom Times", "https://atom.example/barrier")
    jf = parse_feed(JSON_FEED, max_entries=10)
    assert jf.title == "JSON Daily"
    assert [e.link for e in jf.entries] == ["https://json.example/one"]
    assert jf.entries[0].text == "Text one."
    assert jf.refused[0][0] == "javascript:void(0)"


def test_a_billion_laughs_feed_is_refused_quickly() -> None:
    started = time.monotonic()
    with pytest.raises(FeedError, match="declares XML entities; refused"):
        parse_feed(LAUGHS, max_entries=10)
    with pytest.raises(FeedError, match="declares XML entities; refused"):
        parse_opml(LAUGHS.replace(b"<rss", b"<opml").replace(b"</rss>", b"</opml>"))
    assert time.monotonic() - started < 0.5


def test_a_malformed_feed_is_an_error_naming_the_problem() -> None:
    with pytest.raises(FeedError, match="not a readable feed"):
        parse_feed(b"<rss><channel><title>broken", max_entries=10)
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"version": "1", "items": []}', max_entries=10)


def test_a_feed_of_ten_thousand_entries_is_capped_fast() -> None:
    items = "".join(f"<item><title>Story {k}</title><link>https://big.example/{k}</link>"
                    f"<pubDate>Sat, 21 Nov 2026 {k % 24:02d}:{k % 60:02d}:00 GMT</pubDate>"
                    "</item>" for k in range(10_000))
    data = f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()
    started = time.monotonic()
    feed = parse_feed(data, max_entries=100)
    assert time.monotonic() - started < 15
    assert len(feed.entries) == 100 and feed.dropped == 9_900
    stamps = [e.published for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)  # type: ignore[type-var]


def test_opml_lists_feed_urls_in_order() -> None:
    assert parse_opml(OPML) == ["https://news.example/rss", "https://atom.example/feed"]
    with pytest.raises(FeedError, match="not readable OPML"):
        parse_opml(b"<opml><body>")


def test_url_lists_and_what_is_not_one() -> None:
    assert parse_url_list("# my sources\nhttps://a.example/feed\n\nhttps://b.example/x\n") == [
        "https://a.example/feed", "https://b.example/x"]
    assert parse_url_list("Headline\n\nhttps://a.example is where it happened.") is None
    assert parse_url_list("") is None


def test_since_durations_and_dates() -> None:
    now = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)
    assert parse_since("24h", now) == now - datetime.timedelta(hours=24)
    assert parse_since("90m", now) == now - datetime.timedelta(minutes=90)
    assert parse_since("2w", now) == now - datetime.timedelta(weeks=2)
    assert parse_since("2026-11-21T06:00+00:00") == datetime.datetime(
        2026, 11, 21, 6, tzinfo=datetime.UTC)
    assert parse_since("2026-11-21").tzinfo is datetime.UTC
    with pytest.raises(ValueError, match="neither a duration"):
        parse_since("yesterday")
