"""Dates decide what --since keeps: the most precise trustworthy date wins, and a guessed or
day-only date never leaves out an article that may be recent."""

from __future__ import annotations

import datetime

from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import Config, FetchConfig
from summarize.inputs.gather import Gatherer
from tests.webserver import CATS, FLOOD, Reply, Server, news_page

HTML = {"Content-Type": "text/html; charset=utf-8"}
CONFIG = Config(fetch=FetchConfig(timeout=2.0, deadline=5.0, retries=0, backoff=0.0))
UTC = datetime.UTC
STAMP = 'content="2026-11-21T07:30:00Z"'


def _day_only(headline: str, paragraphs: list[str], day: str) -> str:
    """A page whose metadata gives a day and no time of day."""
    return news_page(headline, paragraphs).replace(STAMP, f'content="{day}"')


def _undated(headline: str, paragraphs: list[str]) -> str:
    """A page without date metadata whose text is full of years: "(c) 2026", "since 1998"."""
    page = news_page(headline, [*paragraphs, "The council has kept records since 1998."])
    return page.replace(f'<meta property="article:published_time" {STAMP}>', "") \
        .replace("By Sam Writer, 2026-11-21", "By Sam Writer")


def _feed(server: Server, entries: list[tuple[str, str]]) -> str:
    items = "".join(f"<item><title>{path}</title><link>{server.url(path)}</link>"
                    f"<pubDate>{stamp}</pubDate></item>" for path, stamp in entries)
    return server.add("/feed.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                         body=f'<rss version="2.0"><channel><title>Dates</title>'
                                              f"{items}</channel></rss>".encode()))


def test_the_feed_time_beats_a_day_only_page_date_for_since(server: Server) -> None:
    # Regression: the page's day won over the entry's pubDate, every article read 00:00 UTC,
    # and --since 12:00 left out articles published at 14:00 and 15:20.
    for k, path in enumerate(("/morning", "/afternoon", "/evening")):
        server.add(path, Reply(headers=HTML, body=_day_only(*FLOOD[k], "2026-12-01").encode()))
    feed = _feed(server, [("/morning", "Tue, 01 Dec 2026 08:00:00 GMT"),
                          ("/afternoon", "Tue, 01 Dec 2026 14:00:00 GMT"),
                          ("/evening", "Tue, 01 Dec 2026 15:20:00 GMT")])
    since = datetime.datetime(2026, 12, 1, 12, tzinfo=UTC)
    found = Gatherer(CONFIG, since=since).gather([feed])
    assert sorted(a.published for a in found.articles) == [
        datetime.datetime(2026, 12, 1, 14, tzinfo=UTC),
        datetime.datetime(2026, 12, 1, 15, 20, tzinfo=UTC)]
    assert found.too_old == 1
    assert not any(a.published_day_only for a in found.articles)


def test_the_since_count_says_how_many_were_left_out(server: Server) -> None:
    for k, path in enumerate(("/a", "/b", "/c")):
        server.add(path, Reply(headers=HTML, body=_day_only(*FLOOD[k], "2026-12-01").encode()))
    feed = _feed(server, [("/a", "Tue, 01 Dec 2026 08:00:00 GMT"),
                          ("/b", "Tue, 01 Dec 2026 14:00:00 GMT"),
                          ("/c", "Tue, 01 Dec 2026 15:20:00 GMT")])
    result = CliRunner().invoke(app, ["digest", feed, "--since", "2026-12-01T12:00Z", "-v",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) older than --since left out" in result.stderr


def test_a_guessed_date_is_no_date_and_the_entry_time_is_used(server: Server) -> None:
    # Regression: "(c) 2026" in the footer made the date 2026-01-01, "since 1998" 1998-01-01,
    # and --since 2d then left the article out silently.
    server.add("/story", Reply(headers=HTML, body=_undated(*FLOOD[0]).encode()))
    feed = _feed(server, [("/story", "Tue, 01 Dec 2026 14:37:00 GMT")])
    since = datetime.datetime(2026, 11, 30, tzinfo=UTC)
    found = Gatherer(CONFIG, since=since).gather([feed])
    assert [a.published for a in found.articles] == [
        datetime.datetime(2026, 12, 1, 14, 37, tzinfo=UTC)]


def test_an_article_without_any_date_is_always_kept(server: Server) -> None:
    url = server.add("/undated", Reply(headers=HTML, body=_undated(*FLOOD[0]).encode()))
    found = Gatherer(CONFIG, since=datetime.datetime(2030, 1, 1, tzinfo=UTC)).gather([url])
    assert [a.published for a in found.articles] == [None]


def test_a_day_only_date_leaves_out_only_a_day_wholly_before_since(server: Server) -> None:
    old = server.add("/old", Reply(headers=HTML, body=_day_only(*FLOOD[0], "2026-11-20")
                                   .encode()))
    yesterday = server.add("/yesterday", Reply(headers=HTML, body=_day_only(
        *CATS[0], "2026-11-30").encode()))
    since = datetime.datetime(2026, 12, 1, 6, tzinfo=UTC)  # late on the 30th somewhere west
    found = Gatherer(CONFIG, since=since).gather([old, yesterday])
    assert [a.url for a in found.articles] == [yesterday]
    assert found.articles[0].published_day_only
    assert found.too_old == 1


def test_a_page_time_with_its_zone_is_kept_exactly(server: Server) -> None:
    page = news_page(*FLOOD[0]).replace(STAMP, 'content="2026-12-01T15:20:00+01:00"')
    url = server.add("/zoned", Reply(headers=HTML, body=page.encode()))
    article = Gatherer(CONFIG).gather([url]).articles[0]
    assert article.published == datetime.datetime(2026, 12, 1, 14, 20, tzinfo=UTC)


def test_a_day_is_shown_as_a_day_and_a_time_in_the_terminal_in_the_readers_zone() -> None:
    from summarize.digest.render import _when

    moment = datetime.datetime(2026, 12, 1, 14, 20, tzinfo=UTC)
    assert _when(moment, day_only=True) == "2026-12-01"
    assert _when(moment) == "2026-12-01 14:20 UTC"
    local = moment.astimezone()
    assert _when(moment, local=True).startswith(local.strftime("%Y-%m-%d %H:%M"))
