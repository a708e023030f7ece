"""Fetching against a server the tests start on 127.0.0.1: limits, cache, failures."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarize.config import FetchConfig
from summarize.inputs.fetch import Fetcher
from summarize.inputs.httpcache import HttpCache
from summarize.inputs.urls import FetchError, check_url
from tests.webserver import Reply, Server, endless, gzip_bomb

FAST = FetchConfig(timeout=1.0, deadline=2.0, max_bytes=200_000, retries=0, backoff=0.0)



def test_a_page_is_fetched_with_a_clear_user_agent(server: Server) -> None:
    url = server.add("/p", Reply(headers={"Content-Type": "text/html; charset=utf-8"},
                                 body=b"<html><p>hello</p></html>"))
    page = Fetcher(FAST).get(url)
    assert page.body == b"<html><p>hello</p></html>"
    assert (page.media_type, page.charset) == ("text/html", "utf-8")
    assert server.requests[0][1]["User-Agent"].startswith("summarize/")


def test_second_fetch_is_conditional_and_a_304_uses_the_cache(server: Server,
                                                             tmp_path: Path) -> None:
    def route(handler: object) -> Reply:
        if getattr(handler, "headers", {}).get("If-None-Match") == '"v1"':
            return Reply(304)
        return Reply(headers={"Content-Type": "text/html", "ETag": '"v1"'},
                     body=b"<html>first</html>")

    url = server.add("/c", route)
    cache = HttpCache(tmp_path / "http.sqlite3")
    first = Fetcher(FAST, cache).get(url)
    second = Fetcher(FAST, cache).get(url)
    assert "If-None-Match" not in server.requests[0][1]
    assert server.requests[1][1]["If-None-Match"] == '"v1"'
    assert second.body == first.body == b"<html>first</html>"
    assert second.from_cache and not first.from_cache


def test_a_slow_server_times_out(server: Server) -> None:
    url = server.add("/slow", Reply(headers={"Content-Type": "text/html"},
                                    body=iter([b"<html>", b"late"]), delay=3.0))
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(FAST).get(url)
    assert time.monotonic() - started < 2.5


def test_a_trickling_server_is_cut_off_at_the_deadline(server: Server) -> None:
    url = server.add("/trickle", Reply(headers={"Content-Type": "text/html"},
                                       body=endless(b"x"), delay=0.05))
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 2 s"):
        Fetcher(FAST).get(url)
    assert time.monotonic() - started < 4


def test_an_endless_body_stops_at_the_size_cap(server: Server) -> None:
    url = server.add("/endless", Reply(headers={"Content-Type": "text/html"}, body=endless()))
    with pytest.raises(FetchError, match="larger than the 200,000-byte limit"):
        Fetcher(FAST).get(url)


def test_a_gzip_bomb_is_refused_at_the_cap_without_inflating_it(server: Server) -> None:
    bomb = gzip_bomb(50_000_000)
    assert len(bomb) < 100_000
    url = server.add("/bomb", Reply(headers={"Content-Type": "text/html",
                                             "Content-Encoding": "gzip"}, body=bomb))
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than the 200,000-byte limit"):
        Fetcher(FAST).get(url)
    assert time.monotonic() - started < 1.0


def test_gzip_is_decompressed(server: Server) -> None:
    import gzip

    url = server.add("/gz", Reply(headers={"Content-Type": "text/html",
                                           "Content-Encoding": "gzip"},
                                  body=gzip.compress(b"<html>zipped</html>")))
    assert Fetcher(FAST).get(url).body == b"<html>zipped</html>"


def test_redirects_are_followed_but_not_loops_or_other_schemes(server: Server) -> None:
    server.add("/a", Reply(302, {"Location": "/b"}))
    server.add("/b", Reply(301, {"Location": "/a"}))
    with pytest.raises(FetchError, match="redirect loop"):
        Fetcher(FAST).get(server.url("/a"))
    server.add("/final", Reply(headers={"Content-Type": "text/html"}, body=b"<html/>"))
    server.add("/hop", Reply(307, {"Location": "/final"}))
    assert Fetcher(FAST).get(server.url("/hop")).url == server.url("/final")
    server.add("/evil", Reply(302, {"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="not an http or https URL"):
        Fetcher(FAST).get(server.url("/evil"))
    for k in range(8):
        server.add(f"/chain{k}", Reply(302, {"Location": f"/chain{k + 1}"}))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        Fetcher(FAST).get(server.url("/chain0"))


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_errors_name_the_status(server: Server, status: int, reason: str) -> None:
    url = server.add("/e", Reply(status, body=b"oops"))
    with pytest.raises(FetchError, match=reason):
        Fetcher(FAST).get(url)


def test_temporary_failures_are_retried(server: Server) -> None:
    calls = []

    def flaky(handler: object) -> Reply:
        calls.append(1)
        if len(calls) < 3:
            return Reply(503, {"Retry-After": "0"}, b"busy")
        return Reply(headers={"Content-Type": "text/html"}, body=b"<html>ok</html>")

    url = server.add("/flaky", flaky)
    config = FetchConfig(timeout=1.0, deadline=2.0, retries=2, backoff=0.0)
    assert Fetcher(config).get(url).body == b"<html>ok</html>"
    assert len(calls) == 3


def test_only_http_and_https_are_followed() -> None:
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "/relative",
                "ftp://example.org/x"):
        with pytest.raises(FetchError, match="not an http or https URL"):
            check_url(bad)
    assert check_url(" https://example.org/a ") == "https://example.org/a"


def test_links_in_a_public_feed_are_not_followed_to_private_addresses(server: Server) -> None:
    url = server.add("/inside", Reply(headers={"Content-Type": "text/html"}, body=b"<html/>"))
    with pytest.raises(FetchError, match="private or local address"):
        Fetcher(FAST).get(url, allow_private=False)
    assert Fetcher(FAST).get(url, allow_private=True).body == b"<html/>"


def test_many_urls_in_order_with_failures_kept_apart(server: Server) -> None:
    good = [server.add(f"/g{k}", Reply(headers={"Content-Type": "text/html"},
                                       body=f"<html>{k}</html>".encode())) for k in range(6)]
    urls = [good[0], server.url("/missing"), *good[1:]]
    results = list(Fetcher(FAST).get_many(urls))
    assert [u for u, _ in results] == urls
    assert isinstance(results[1][1], FetchError) and "404" in results[1][1].reason
    assert [r.body for _, r in results if not isinstance(r, FetchError)] == [
        f"<html>{k}</html>".encode() for k in range(6)]


def test_at_most_per_host_requests_at_once(server: Server) -> None:
    import threading

    lock = threading.Lock()
    busy = [0]
    most = [0]

    def slow(handler: object) -> Reply:
        with lock:
            busy[0] += 1
            most[0] = max(most[0], busy[0])
        time.sleep(0.2)
        with lock:
            busy[0] -= 1
        return Reply(headers={"Content-Type": "text/html"}, body=b"<html/>")

    urls = [server.add(f"/s{k}", slow) for k in range(8)]
    config = FetchConfig(timeout=2.0, deadline=4.0, retries=0, concurrency=8, per_host=2)
    results = list(Fetcher(config).get_many(urls))
    assert all(not isinstance(page, FetchError) for _, page in results)
    assert most[0] == 2
