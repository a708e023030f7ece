"""Web pages, feeds, OPML and URL lists made into articles (a server on 127.0.0.1)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from summarize.config import Config, FeedConfig, FetchConfig
from summarize.errors import InputDataError
from summarize.inputs.gather import Gatherer
from summarize.inputs.html import decode_html, extract
from tests.webserver import FLOOD, Reply, Server, news_page, seed_texts, write_pages

CONFIG = Config(fetch=FetchConfig(timeout=2.0, deadline=4.0, retries=0, backoff=0.0))
HTML = {"Content-Type": "text/html; charset=utf-8"}



def _rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
                   "</item>" for t, link, date in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}'
            "</channel></rss>").encode()


def test_a_news_page_gives_its_article_without_navigation_ads_or_comments() -> None:
    headline, paragraphs = FLOOD[0]
    found = extract(news_page(headline, paragraphs))
    assert found is not None
    assert found.title == headline
    assert found.site == "The Example Courier"
    assert found.author == "Sam Writer"
    # the page's own time of day (article:published_time), not only its day
    assert found.published == datetime.datetime(2026, 11, 21, 7, 30, tzinfo=datetime.UTC)
    for paragraph in paragraphs:
        assert paragraph in found.text
    for noise in ("Subscribe for unlimited access", "ADVERTISEMENT", "Zephyr", "fake news",
                  "Related stories", "All rights reserved", "Reader123"):
        assert noise not in found.text


def test_saved_pages_in_a_folder_are_articles(tmp_path: Path) -> None:
    write_pages(tmp_path / "saved")
    found = Gatherer(CONFIG).gather([str(tmp_path / "saved")])
    assert [a.headline for a in found.articles] == [h for h, _ in seed_texts()]
    assert all(a.site == "The Example Courier" for a in found.articles)
    assert found.articles[0].paragraphs[0].startswith("NATO foreign ministers")
    assert [a.id for a in found.articles] == [0, 1]


def test_a_charset_declared_only_in_a_meta_tag_is_honoured(server: Server) -> None:
    page = news_page("Caf\u00e9 owners protest", [
        "Owners of the caf\u00e9s on the square said the new rules would cost them dearly.",
        "The council will vote on the plan next week, a spokeswoman said."],
        charset_meta="windows-1252").encode("cp1252")
    assert decode_html(page).count("caf\u00e9") == 1
    url = server.add("/cafe", Reply(headers={"Content-Type": "text/html"}, body=page))
    found = Gatherer(CONFIG).gather([url])
    assert "caf\u00e9s" in found.articles[0].paragraphs[0]


def test_a_feed_by_url_fetches_its_articles_and_reports_bad_links(server: Server) -> None:
    links = []
    for k, (headline, paragraphs) in enumerate(FLOOD):
        links.append(server.add(f"/flood{k}", Reply(headers=HTML,
                                                    body=news_page(headline, paragraphs,
                                                                   site=f"Outlet {k}").encode())))
    feed = _rss("Valley News", [(FLOOD[0][0], links[0], "Sat, 21 Nov 2026 08:00:00 GMT"),
                                (FLOOD[1][0], links[1], "Sat, 21 Nov 2026 09:00:00 GMT"),
                                ("Local file", "file:///etc/passwd", ""),
                                ("Script", "javascript:alert(1)", "")])
    url = server.add("/feed.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                        body=feed))
    found = Gatherer(CONFIG).gather([url])
    assert [a.url for a in found.articles] == [links[1], links[0]]  # newest first
    assert [a.site for a in found.articles] == ["Outlet 1", "Outlet 0"]
    reasons = {s.source.split(":")[0]: s.reason for s in found.skipped}
    assert "not an http or https URL" in reasons["file"]
    assert "not an http or https URL" in reasons["javascript"]


def test_since_keeps_recent_entries(server: Server) -> None:
    old = server.add("/old", Reply(headers=HTML, body=news_page(*FLOOD[0]).encode()))
    new = server.add("/new", Reply(headers=HTML, body=news_page(
        *FLOOD[1], date="2026-11-22").encode()))
    feed = server.add("/f", Reply(headers={"Content-Type": "application/rss+xml"}, body=_rss(
        "F", [("Old", old, "Mon, 02 Nov 2026 08:00:00 GMT"),
              ("New", new, "Sun, 22 Nov 2026 08:00:00 GMT")])))
    since = datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC)
    found = Gatherer(CONFIG, since=since).gather([feed])
    assert [a.url for a in found.articles] == [new]
    assert found.too_old == 1


def test_opml_and_url_lists(server: Server, tmp_path: Path) -> None:
    page = server.add("/p", Reply(headers=HTML, body=news_page(*FLOOD[2]).encode()))
    json_feed = server.add("/feed.json", Reply(
        headers={"Content-Type": "application/feed+json"}, body=json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": "JSON Valley",
            "items": [{"id": "1", "url": page, "title": FLOOD[2][0]}]}).encode()))
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>'
                    f'<outline text="J" type="rss" xmlUrl="{json_feed}"/></body></opml>')
    found = Gatherer(CONFIG).gather([str(opml)])
    assert [a.url for a in found.articles] == [page]
    listed = tmp_path / "sources.txt"
    listed.write_text(f"# my sources\n{page}\nfile:///etc/passwd\n")
    found = Gatherer(CONFIG).gather([str(listed)])
    assert [a.url for a in found.articles] == [page]
    assert "not followed" in found.skipped[0].reason


def test_failures_are_skipped_with_reasons_and_the_rest_is_read(server: Server) -> None:
    good = server.add("/good", Reply(headers=HTML, body=news_page(*FLOOD[0]).encode()))
    image = server.add("/img", Reply(headers={"Content-Type": "image/png"},
                                     body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100))
    broken = server.add("/broken.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                             body=b"<rss><channel><item><title>x"))
    found = Gatherer(CONFIG).gather([good, image, broken, server.url("/404")])
    assert [a.url for a in found.articles] == [good]
    reasons = {s.source: s.reason for s in found.skipped}
    assert "neither a web page nor a feed (image/png)" in reasons[image]
    assert "not a readable feed" in reasons[broken]
    assert "HTTP 404" in reasons[server.url("/404")]
    with pytest.raises(InputDataError, match="no usable article"):
        Gatherer(CONFIG).gather([image])


def test_escape_sequences_and_markup_in_a_page_never_reach_the_text(tmp_path: Path) -> None:
    page = news_page("Flood \x1b]52;c;ZXZpbA==\x07barrier [bold]holds[/bold]", [
        "The river peaked at four metres \x1b[31mon Tuesday\x1b[0m and the barrier held.",
        "About 300 homes stayed dry behind it, the council said on Wednesday."])
    (tmp_path / "page.html").write_text(page)
    found = Gatherer(CONFIG).gather([str(tmp_path / "page.html")])
    article = found.articles[0]
    text = " ".join([article.headline or "", *article.paragraphs])
    assert "\x1b" not in text and "\x07" not in text
    assert "on Tuesday and the barrier held" in text
    assert "[bold]holds[/bold]" in text  # markup is text, printed literally later


def test_a_feed_of_ten_thousand_entries_fetches_only_the_newest(server: Server) -> None:
    items = "".join(f"<item><title>Story {k}</title><link>{server.url(f'/s{k}')}</link>"
                    f"<pubDate>Sat, 21 Nov 2026 {k % 24:02d}:{k % 60:02d}:{k % 59:02d} GMT"
                    "</pubDate></item>" for k in range(10_000))
    server.add("/big.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                 body=f'<rss version="2.0"><channel><title>Big</title>{items}'
                                      "</channel></rss>".encode()))
    page = news_page(*FLOOD[0])
    for k in range(10_000):
        server.routes[f"/s{k}"] = lambda _h, body=page: Reply(headers=HTML, body=body.encode())
    config = Config(fetch=CONFIG.fetch, feeds=FeedConfig(max_entries=5))
    found = Gatherer(config).gather([server.url("/big.xml")])
    assert len(found.articles) == 5
    assert sum(1 for path, _ in server.requests if path.startswith("/s")) == 5
    assert any("9995 older entries beyond feeds.max_entries = 5 left out" in s.reason
               for s in found.skipped)


def test_a_plain_text_url_is_read_as_a_text_file_is(server: Server) -> None:
    text = "Flood barrier holds\n\n" + "\n\n".join(FLOOD[0][1])
    url = server.add("/story.txt", Reply(headers={"Content-Type": "text/plain; charset=utf-8"},
                                         body=text.encode()))
    found = Gatherer(CONFIG).gather([url])
    article = found.articles[0]
    assert article.headline == "Flood barrier holds"
    assert article.paragraphs == tuple(FLOOD[0][1])
    assert (article.url, article.site) == (url, "127.0.0.1")
