"""What servers, feeds and pages send in the wild, through the command line: each bad source is
one line naming it and why, the rest is still summarised (exit 3), never an internal error."""

from __future__ import annotations

import codecs
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import Config, FetchConfig
from summarize.inputs.fetch import Fetcher, _describe
from summarize.inputs.gather import Gatherer
from summarize.inputs.urls import FetchError, check_url
from tests.webserver import CATS, FLOOD, Reply, Server, news_page

runner = CliRunner()
HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
FAST = Config(fetch=FetchConfig(timeout=2.0, deadline=3.0, retries=0, backoff=0.0))


def _flood_feed(server: Server, path: str = "/good.xml") -> str:
    """A feed of the three flood pages, each on the server."""
    items = []
    for k, (headline, paragraphs) in enumerate(FLOOD):
        page = server.add(f"/flood{k}", Reply(headers=HTML, body=news_page(
            headline, paragraphs, site=f"Outlet {k}").encode()))
        items.append(f"<item><title>{headline}</title><link>{page}</link></item>")
    body = f'<rss version="2.0"><channel><title>Good</title>{"".join(items)}</channel></rss>'
    return server.add(path, Reply(headers=RSS, body=body.encode()))


def _digest(*sources: str, extra: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["digest", *sources, "--format", "json", *extra])


def _skipped(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "skipped" in line]


def test_empty_and_zero_byte_feeds_are_named_and_the_good_feed_is_digested(
        server: Server) -> None:
    good = _flood_feed(server)
    empty = server.add("/empty.xml", Reply(headers=RSS, body=b'<?xml version="1.0"?><rss '
                       b'version="2.0"><channel><title>Nothing today</title></channel></rss>'))
    zero = server.add("/zero.xml", Reply(headers=RSS, body=b""))
    result = _digest(good, empty, zero)
    assert result.exit_code == 3, result.output
    assert "internal error" not in result.stderr
    assert f"skipped {empty}: the feed has no entries" in result.stderr
    assert f"skipped {zero}: the feed is empty" in result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 1


@pytest.mark.parametrize("link", ["http://[::1", "http://example.com:99999/x",
                                  "http://[fe80::1%25eth0]/x", "http://", "http://a..b/"])
def test_a_malformed_entry_link_is_one_line(server: Server, link: str) -> None:
    good = _flood_feed(server)
    bad = server.add("/bad.xml", Reply(headers=RSS, body=(
        '<rss version="2.0"><channel><title>Bad</title><item><title>Broken</title>'
        f"<link>{link}</link></item></channel></rss>").encode()))
    result = _digest(good, bad)
    assert result.exit_code == 3, result.output
    assert "internal error" not in result.stderr
    assert any("not a valid URL" in line for line in _skipped(result.stderr)), result.stderr


@pytest.mark.parametrize("location", ["http://[::1", "http://x:99999/", "", "ftp://x/"])
def test_a_redirect_to_a_malformed_location_is_named(server: Server, location: str) -> None:
    url = server.add("/moved", Reply(302, headers={"Location": location}))
    with pytest.raises(FetchError) as caught:
        Fetcher(FAST.fetch).get(url)
    assert caught.value.url == url
    assert "redirect" in caught.value.reason or "Location" in caught.value.reason


def test_check_url_names_what_is_wrong() -> None:
    assert check_url(" https://news.example/a?b=1 ") == "https://news.example/a?b=1"
    assert check_url("http://[::1]:8080/") == "http://[::1]:8080/"
    for bad, reason in [("http://[::1", "Invalid IPv6 URL"), ("http://x:99999/", "Port"),
                        ("http://[fe80::1%25eth0]/", "zone id"), ("http://", "no host"),
                        ("", "no scheme"), ("javascript:alert(1)", "javascript"),
                        ("http://ex ample.com/", "no host name")]:
        with pytest.raises(FetchError, match=reason):
            check_url(bad)


def test_a_json_feed_nested_a_hundred_thousand_deep_is_refused(server: Server,
                                                               tmp_path: Path) -> None:
    good = _flood_feed(server)
    deep = (b'{"version": "https://jsonfeed.org/version/1.1", "items": '
            + b"[" * 100_000 + b"]" * 100_000 + b"}")
    remote = server.add("/deep.json", Reply(headers={"Content-Type": "application/feed+json"},
                                            body=deep))
    local = tmp_path / "deep.json"
    local.write_bytes(deep)
    result = _digest(good, remote, str(local))
    assert result.exit_code == 3, result.output
    assert "internal error" not in result.stderr
    assert len(_skipped(result.stderr)) == 2


def _trickling_server(delay: float) -> Iterator[str]:
    """A raw server that sends its status line and headers a byte every ``delay`` seconds."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            client.recv(65536)
            try:
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"x" * 200:
                    if stop.is_set():
                        break
                    client.sendall(bytes([byte]))
                    time.sleep(delay)
            except OSError:
                pass
            finally:
                client.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    finally:
        stop.set()
        listener.close()


@pytest.fixture
def trickling() -> Iterator[str]:
    yield from _trickling_server(0.2)


def test_headers_trickled_a_byte_at_a_time_are_cut_off_at_the_deadline(trickling: str) -> None:
    # Regression: the deadline covered only the body; a server trickling its headers held a
    # 4 s deadline for 20 s. Each byte comes well within the read timeout (0.2 s < 2 s).
    config = FetchConfig(timeout=2.0, deadline=1.5, retries=2, backoff=0.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"longer than 1\.5 s"):
        Fetcher(config).get(trickling)
    assert time.monotonic() - started < 10.0  # 1.5 s and slack; over 40 s without the cut-off


def test_a_utf16_feed_that_declares_entities_is_refused(server: Server, tmp_path: Path) -> None:
    document = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "aaaa">'
                '<!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title>'
                f'<item><title>x</title><link>{server.url("/flood0")}</link></item>'
                "</channel></rss>").encode("utf-16")
    local = tmp_path / "laughs.xml"
    local.write_bytes(document)
    remote = server.add("/laughs.xml", Reply(headers=RSS, body=document))
    good = _flood_feed(server)
    result = _digest(good, str(local), remote)
    assert result.exit_code == 3, result.output
    lines = _skipped(result.stderr)
    assert len(lines) == 2 and all("declares XML entities; refused" in line for line in lines)


def test_an_entity_quoted_in_a_post_about_xxe_is_text(server: Server) -> None:
    page = server.add("/xxe", Reply(headers=HTML, body=news_page(*FLOOD[0]).encode()))
    feed = server.add("/sec.xml", Reply(headers=RSS, body=(
        '<rss version="2.0"><channel><title>Security notes</title><item><title>XXE</title>'
        f"<link>{page}</link><description><![CDATA[Never accept <!ENTITY x SYSTEM "
        "'file:///etc/passwd'> in input.]]></description></item></channel></rss>").encode()))
    found = Gatherer(FAST).gather([feed])
    assert [a.url for a in found.articles] == [page]


def test_utf16_utf32_prefixed_and_commented_feed_files_are_feeds_not_prose(
        server: Server, tmp_path: Path) -> None:
    # Regression: such a feed file was read as a plain-text article, a brief of raw XML.
    page = server.add("/p", Reply(headers=HTML, body=news_page(*FLOOD[0]).encode()))
    item = f"<item><title>t</title><link>{page}</link></item>"
    variants = {
        "utf16.xml": f'<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel>'
                     f"{item}</channel></rss>".encode("utf-16"),
        "utf32.xml": codecs.BOM_UTF32_LE + f'<rss version="2.0"><channel>{item}</channel>'
                                           "</rss>".encode("utf-32-le"),
        "prefixed.xml": f'<r:rss xmlns:r="http://backend.userland.com/rss2" version="2.0">'
                        f"<r:channel>{item}</r:channel></r:rss>".encode(),
        "comment.xml": b"<!--" + b" a long description of this feed " * 200 + b"-->"
                       + f'<rss version="2.0"><channel>{item}</channel></rss>'.encode(),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        found = Gatherer(FAST).gather([str(tmp_path / name)])
        assert [a.url for a in found.articles] == [page], name


def test_non_http_urls_on_the_command_line_are_left_alone_and_the_feed_is_summarised(
        server: Server) -> None:
    good = _flood_feed(server)
    result = _digest("javascript:alert(1)", "data:text/html,hi", "mailto:a@b.example", good)
    assert result.exit_code == 3, result.output
    for given in ("javascript:alert(1)", "data:text/html,hi", "mailto:a@b.example"):
        assert f"skipped {given}: not an http or https URL; not followed" in result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 1


def test_a_missing_file_beside_good_input_is_one_line(server: Server) -> None:
    result = _digest("/no/such/file.txt", _flood_feed(server))
    assert result.exit_code == 3, result.output
    assert "skipped /no/such/file.txt: not found" in result.stderr
    alone = runner.invoke(app, ["/no/such/file.txt"])
    assert alone.exit_code == 66 and "input not found" in alone.stderr


def test_a_reference_to_a_control_character_does_not_lose_the_article(server: Server) -> None:
    headline, paragraphs = FLOOD[0]
    dirty = [paragraphs[0].replace("peaked", "peaked&#11;"), paragraphs[1] + " &#12;&#27;&#x0;",
             *paragraphs[2:]]
    url = server.add("/ctrl", Reply(headers=HTML, body=news_page(headline, dirty).encode()))
    found = Gatherer(FAST).gather([url])
    text = " ".join(found.articles[0].paragraphs)
    assert "The river Alder peaked at four metres" in text
    assert not any(ord(ch) < 32 for ch in text)


def test_a_cookie_consent_wall_is_no_article(server: Server) -> None:
    wall = ("<html><head><title>Before you continue</title></head><body><div class='consent'>"
            "<h1>We value your privacy</h1><p>We and our 842 partners use cookies and similar "
            "technologies to store and access personal data on your device.</p><p>With your "
            "permission we and our partners may use precise geolocation data. Click to consent "
            "to our and our partners' processing, or manage your preferences.</p>"
            "<button>Accept all</button><button>Reject all</button></div></body></html>")
    url = server.add("/wall", Reply(headers=HTML, body=wall.encode()))
    result = _digest(_flood_feed(server), url)
    assert result.exit_code == 3, result.output
    assert f"skipped {url}: only a cookie-consent notice" in result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 1


def test_an_article_that_mentions_cookies_is_still_an_article() -> None:
    from summarize.inputs.html import consent_wall

    text = "\n\n".join(["Regulators fined the company over its use of cookies on Monday."] +
                       [p for _, ps in FLOOD for p in ps])
    assert not consent_wall(text)


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n3 0 obj<</Length 44>>stream\n"
       b"BT /F1 24 Tf 100 700 Td (Annual report of the river board) Tj ET\nendstream endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def test_pdf_and_office_files_are_recognised_and_left_alone(server: Server,
                                                            tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(PDF)
    remote = server.add("/report", Reply(headers={"Content-Type": "text/html"}, body=PDF))
    result = _digest(_flood_feed(server), str(tmp_path / "report.pdf"), remote)
    assert result.exit_code == 3, result.output
    assert "report.pdf: not text (a PDF document)" in result.stderr
    assert f"{remote}: a PDF document, neither a web page nor a feed" in result.stderr
    assert "obj<<" not in result.stdout and "%PDF" not in result.stdout


def test_xml_and_json_that_are_no_feed_are_never_summarised(tmp_path: Path) -> None:
    (tmp_path / "sitemap.txt").write_text('<?xml version="1.0"?><urlset><url><loc>https://'
                                          "a.example/</loc></url></urlset>")
    (tmp_path / "data.txt").write_text(json.dumps({"river": "Alder", "level": [3.9, 4.0]}))
    result = runner.invoke(app, [str(tmp_path), "-n", "2"])
    assert result.exit_code == 65, result.output
    assert "XML that is neither a feed nor a web page (<urlset>)" in result.stderr
    assert "JSON data, not an article or a JSON Feed" in result.stderr


def test_when_every_source_fails_each_is_named(server: Server) -> None:
    # Regression: the per-source lines were not printed, and the error listed only three.
    urls = [server.url(f"/missing{k}") for k in range(5)]
    result = _digest(*urls)
    assert result.exit_code == 65
    assert sum(f"skipped {url}: HTTP 404" in result.stderr for url in urls) == 5
    assert "5 source(s) skipped" in result.stderr


def test_empty_stdin_names_what_was_empty() -> None:
    result = runner.invoke(app, ["-"], input="")
    assert result.exit_code == 65
    assert "skipped -: empty" in result.stderr


def test_relative_entry_links_resolve_against_the_feed_and_xml_base(server: Server) -> None:
    server.add("/news/a", Reply(headers=HTML, body=news_page(*FLOOD[0]).encode()))
    server.add("/base/b", Reply(headers=HTML, body=news_page(*FLOOD[1]).encode()))
    feed = server.add("/news/feed.xml", Reply(headers=RSS, body=(
        '<rss version="2.0"><channel><title>Relative</title>'
        "<item><title>A</title><link>a</link></item>"
        f'<item xml:base="{server.url("/base/")}"><title>B</title><link>b</link></item>'
        "</channel></rss>").encode()))
    found = Gatherer(FAST).gather([feed])
    assert sorted(a.url or "" for a in found.articles) == [server.url("/base/b"),
                                                           server.url("/news/a")]


def test_an_entry_without_a_link_but_with_its_text_is_an_article(server: Server) -> None:
    full = "".join(f"<p>{p}</p>" for p in FLOOD[0][1] + FLOOD[1][1])
    feed = server.add("/full.xml", Reply(headers=RSS, body=(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Full text</title><item><title>Barrier holds</title>"
        f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
        "<item><title>Too short</title><description>Just a teaser.</description></item>"
        "</channel></rss>").encode()))
    found = Gatherer(FAST).gather([feed])
    assert [a.headline for a in found.articles] == ["Barrier holds"]
    assert found.articles[0].paragraphs[0] == FLOOD[0][1][0]
    assert any("has no link, and too little text" in s.reason for s in found.skipped)


def test_connection_failures_are_named_by_their_cause() -> None:
    import urllib3

    refused = urllib3.exceptions.NewConnectionError(None, "Failed to establish a new connection: "
                                                          "[Errno 111] Connection refused")
    unknown = urllib3.exceptions.NameResolutionError("nowhere.invalid", None,  # type: ignore[arg-type]
                                                     socket.gaierror("Name or service not known"))
    assert _describe(refused).startswith("connection refused")
    assert _describe(unknown).startswith("unknown host")
    assert _describe(urllib3.exceptions.ConnectTimeoutError()).startswith("could not connect")


def test_a_refused_connection_says_so() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="connection refused"):
        Fetcher(FAST.fetch).get(f"http://127.0.0.1:{port}/")


def test_a_page_title_keeps_a_short_first_paragraph(server: Server) -> None:
    # Regression: a first paragraph of up to 20 words without a full stop was dropped as a
    # headline even when the page had a title of its own.
    paragraphs = ["Rain eased overnight across the valley", *FLOOD[0][1]]
    url = server.add("/short", Reply(headers=HTML, body=news_page(FLOOD[0][0], paragraphs)
                                     .encode()))
    article = Gatherer(FAST).gather([url]).articles[0]
    assert article.headline == FLOOD[0][0]
    assert article.paragraphs[0] == "Rain eased overnight across the valley"


def test_a_chinese_lead_sentence_is_text_not_a_headline() -> None:
    from summarize.config import ReaderConfig
    from summarize.inputs.files import split_article

    headline, paragraphs = split_article("暴雨袭击城市\n\n大雨周二袭击了这座城市。\n\n道路被关闭。",
                                         ReaderConfig())
    assert headline == "暴雨袭击城市"
    assert paragraphs == ["大雨周二袭击了这座城市。", "道路被关闭。"]


def test_a_table_that_is_the_article_is_kept() -> None:
    from summarize.inputs.html import extract

    rows = "".join(f"<tr><td>{k}</td><td>Driver number {k}</td><td>{5000 - k}</td></tr>"
                   for k in range(1, 30))
    page = ("<html><head><title>Final standings</title></head><body><article><h1>Final "
            "standings</h1><p>The final standings of the season after 36 races are below.</p>"
            f"<table>{rows}</table></article></body></html>")
    found = extract(page)
    assert found is not None and "Driver number 17" in found.text


def test_a_feed_in_cats_and_floods_still_reads_the_cat_story(server: Server) -> None:
    # a control: the good path still works with every check in place
    page = server.add("/cat", Reply(headers=HTML, body=news_page(*CATS[0]).encode()))
    feed = server.add("/cats.xml", Reply(headers=RSS, body=(
        f'<rss version="2.0"><channel><title>Cats</title><item><title>c</title><link>{page}'
        "</link></item></channel></rss>").encode()))
    found = Gatherer(FAST).gather([feed])
    assert found.articles[0].headline == CATS[0][0] and not found.skipped
