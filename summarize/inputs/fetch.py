"""Fetching web pages and feeds like a good citizen and a dependable cron job.

Every request has a connect and read timeout and a wall-clock deadline for the whole response,
status line and headers included (a server that trickles a byte a second is cut off, which
per-read timeouts alone would not do: a watchdog closes the socket when the headers are late,
and the body is read against the same clock); a
cap on the body's size counted while streaming, after decompression (a gzip bomb is refused
at the cap, never inflated whole); at most ``max_redirects`` redirects, each checked again
(only http and https, never a loop); a clear User-Agent; retries with exponential backoff on
temporary failures (connection errors, 429, 500, 502, 503, 504; a Retry-After is honoured up
to :data:`MAX_RETRY_AFTER` seconds); and conditional requests: a response with an ETag or
Last-Modified is kept in an on-disk cache (:mod:`summarize.inputs.httpcache`) and the next
request sends If-None-Match / If-Modified-Since, so an unchanged page costs a 304.

:meth:`Fetcher.get_many` fetches many URLs on a bounded pool of threads with a per-host limit.
A failed URL is a :class:`FetchError` with a one-line reason, never an exception that stops
the others. Links found inside feeds are not followed to loopback, private, link-local or
reserved addresses unless the feed itself is on one (see
:func:`summarize.inputs.urls.private_host`).

Built on urllib3 (connection pooling, timeouts, retries); decompression is done here, with
``zlib``'s ``max_length``, so that the size cap holds whatever the server sends.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from summarize.config import FetchConfig
from summarize.inputs.httpcache import HttpCache
from summarize.inputs.urls import FetchError, check_url, private_host
from summarize.version import __version__

REDIRECTS = (301, 302, 303, 307, 308)
TEMPORARY = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER = 10.0  # seconds: a cron job does not sleep for an hour on a server's word
USER_AGENT = f"summarize/{__version__} (news digest; +https://pypi.org/project/summarize/)"
_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response body and what the server said it is."""

    url: str  # after redirects
    body: bytes
    media_type: str  # "text/html", "application/rss+xml", ... lower-case, no parameters
    charset: str | None  # from the Content-Type header, if any
    from_cache: bool = False


class Fetcher:
    """GET with the limits of ``config``; thread-safe."""

    def __init__(self, config: FetchConfig, cache: HttpCache | None = None) -> None:
        import urllib3

        self.config = config
        self.cache = cache
        self._pool = urllib3.PoolManager(num_pools=max(config.concurrency, 4),
                                         maxsize=config.per_host, block=False)
        self._pool.pool_classes_by_scheme = _watched_pools()
        self.user_agent = config.user_agent or USER_AGENT
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()

    def get(self, url: str, *, accept: str = "*/*", allow_private: bool = True) -> Page:
        """The body at ``url``, following redirects; FetchError with the reason otherwise.
        ``allow_private=False`` refuses any hop to a non-public address."""
        current = check_url(url)
        visited: set[str] = set()
        for _ in range(self.config.max_redirects + 1):
            if current in visited:
                raise FetchError(url, "redirect loop")
            visited.add(current)
            host = urlsplit(current).hostname or ""
            if not allow_private and private_host(host):
                raise FetchError(url, f"{host} is a private or local address; links in a "
                                      "public feed are not followed there")
            with self._host_slot(host):
                outcome = self._request(url, current, accept)
            if isinstance(outcome, Page):
                return outcome
            try:
                current = check_url(urljoin(current, outcome))
            except (ValueError, FetchError) as error:
                reason = error.reason if isinstance(error, FetchError) else \
                    f"not a valid URL ({error})"
                raise FetchError(url, f"redirected to {outcome[:100]!r}, which is "
                                      f"{reason}") from None
        raise FetchError(url, f"more than {self.config.max_redirects} redirects")

    def get_many(self, urls: Sequence[str], *, accept: str = "*/*",
                 allow_private: bool = True) -> Iterator[tuple[str, Page | FetchError]]:
        """Each URL with its page or its error, in the order given, fetched concurrently."""
        def one(url: str) -> Page | FetchError:
            try:
                return self.get(url, accept=accept, allow_private=allow_private)
            except FetchError as error:
                return error

        with ThreadPoolExecutor(max_workers=self.config.concurrency) as pool:
            yield from zip(urls, pool.map(one, urls), strict=True)

    def _host_slot(self, host: str) -> threading.BoundedSemaphore:
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.config.per_host)
            return self._hosts[host]

    def _request(self, original: str, url: str, accept: str) -> Page | str:
        """One request: the page, or the Location of a redirect."""
        import urllib3

        headers = {"User-Agent": self.user_agent, "Accept": accept,
                   "Accept-Encoding": "gzip, deflate"}
        cached = self.cache.lookup(url) if self.cache is not None else None
        if cached is not None:
            headers.update(cached.headers)
        timeout = urllib3.Timeout(connect=self.config.timeout, read=self.config.timeout)
        started = time.monotonic()
        _DEADLINE.at = started + self.config.deadline
        try:
            response = self._pool.request(
                "GET", url, headers=headers, redirect=False, preload_content=False,
                decode_content=False, timeout=timeout, retries=_retries(self.config))
        except urllib3.exceptions.HTTPError as exc:
            if time.monotonic() >= _DEADLINE.at:
                raise FetchError(original, self._late()) from None
            cause = exc.reason if isinstance(exc, urllib3.exceptions.MaxRetryError) else exc
            raise FetchError(original, _describe(cause)) from None
        except ValueError as exc:  # a URL urllib3 cannot parse, after check_url let it by
            raise FetchError(original, f"not a valid URL ({exc})") from None
        finally:
            _DEADLINE.at = None
        complete = False  # the body read to its end: only then may the connection be reused
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(original, f"HTTP {response.status} without a Location")
                return str(location)
            if response.status == 304 and cached is not None:
                return Page(url, cached.body, cached.media_type, cached.charset,
                            from_cache=True)
            if response.status >= 400:
                reason = response.reason or ""
                raise FetchError(original, f"HTTP {response.status} {reason}".rstrip())
            body = self._read(original, response, started)
            complete = True
        finally:
            if not complete:
                response.close()
            response.release_conn()
        media_type, charset = _content_type(response.headers.get("Content-Type", ""))
        page = Page(url, body, media_type, charset)
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if self.cache is not None and (etag or modified):
            self.cache.store(url, etag, modified, body, media_type, charset)
        return page

    def _late(self) -> str:
        return f"the server took longer than {self.config.deadline:g} s to send the page"

    def _read(self, url: str, response: Any, started: float) -> bytes:
        """The body, decompressed here, within the size cap and the deadline."""
        import urllib3

        limit, deadline = self.config.max_bytes, started + self.config.deadline
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        inflate = _decompressor(url, encoding)
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(url, self._late())
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                for data in inflate(chunk, limit + 1 - size):
                    size += len(data)
                    if size > limit:
                        raise FetchError(url, f"larger than the {limit:,}-byte limit "
                                              "(see fetch.max_bytes)")
                    parts.append(data)
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(url, self._late() if time.monotonic() > deadline
                             else _describe(exc)) from None
        except zlib.error as exc:
            raise FetchError(url, f"cannot decompress the body ({exc})") from None
        return b"".join(parts)


def _decompressor(url: str, encoding: str) -> Any:
    """A function from a compressed chunk and a size budget to decompressed pieces, none
    bigger than the budget plus one (so a bomb stops at the cap, never inflates whole)."""
    if encoding in ("", "identity"):
        return lambda chunk, budget: [chunk]
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
    engine = zlib.decompressobj(zlib.MAX_WBITS | (16 if "gzip" in encoding else 32))

    def inflate(chunk: bytes, budget: int) -> Iterator[bytes]:
        data = engine.decompress(chunk, max(budget, 1))
        while True:
            yield data
            if not engine.unconsumed_tail:
                return
            data = engine.decompress(engine.unconsumed_tail, max(budget - len(data), 1))
    return inflate


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _retries(config: FetchConfig) -> Any:
    """urllib3's Retry for ``config``, with Retry-After capped at :data:`MAX_RETRY_AFTER`."""
    from urllib3.util.retry import Retry

    class CappedRetry(Retry):
        def get_retry_after(self, response: Any) -> float | None:
            after = super().get_retry_after(response)
            return None if after is None else min(after, MAX_RETRY_AFTER)

        def increment(self, method: str | None = None, url: str | None = None,
                      response: Any = None, error: Exception | None = None,
                      _pool: Any = None, _stacktrace: Any = None) -> CappedRetry:
            retry: CappedRetry = super().increment(method, url, response, error, _pool,
                                                   _stacktrace)
            at = getattr(_DEADLINE, "at", None)
            if at is not None and time.monotonic() >= at:  # out of time: no retry
                from urllib3.exceptions import MaxRetryError

                raise MaxRetryError(_pool, url or "", error)
            return retry

    return CappedRetry(total=config.retries, connect=config.retries, read=config.retries,
                       status=config.retries, redirect=False, backoff_factor=config.backoff,
                       status_forcelist=TEMPORARY, allowed_methods=frozenset({"GET"}),
                       raise_on_status=False, respect_retry_after_header=True)


def _describe(error: BaseException | None) -> str:
    """A line for the user from urllib3's exception chain. In urllib3 2 an unknown host and a
    refused connection are kinds of connect timeout, so they are asked about first."""
    import urllib3

    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "unknown host (the name does not resolve)"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        cause = error.__cause__ or error.__context__
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(error).lower():
            return "connection refused (nothing listens at that address)"
        if isinstance(cause, TimeoutError | socket.timeout):
            return "could not connect in time (timed out)"
        return "cannot connect (the host is unreachable)"
    if isinstance(error, urllib3.exceptions.ConnectTimeoutError):
        return "could not connect in time (timed out)"
    if isinstance(error, urllib3.exceptions.ReadTimeoutError | TimeoutError):
        return "the server did not answer in time (timed out)"
    if isinstance(error, urllib3.exceptions.SSLError):
        return "TLS error (certificate or handshake)"
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "the connection broke off"
    return str(error) or type(error).__name__


_DEADLINE = threading.local()  # .at: when the current request's response must be in (monotonic)


def _cut(sock: socket.socket) -> None:
    """The watchdog: end a response that is late (the blocked read returns at once)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _watched_pools() -> dict[str, Any]:
    """urllib3's connection pools with connections whose status line and headers must arrive
    before the request's deadline: per-read timeouts alone let a server that sends a byte a
    second hold a request for ever."""
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    def getresponse(connection: Any, parent: Any) -> Any:
        at = getattr(_DEADLINE, "at", None)
        if at is None or connection.sock is None:
            return parent.getresponse(connection)
        remaining = at - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the response's deadline has passed")
        watchdog = threading.Timer(remaining, _cut, (connection.sock,))
        watchdog.daemon = True
        watchdog.start()
        try:
            return parent.getresponse(connection)
        finally:
            watchdog.cancel()

    class Watched(HTTPConnection):
        def getresponse(self) -> Any:
            return getresponse(self, HTTPConnection)

    class WatchedTLS(HTTPSConnection):
        def getresponse(self) -> Any:
            return getresponse(self, HTTPSConnection)

    class Pool(HTTPConnectionPool):
        ConnectionCls = Watched

    class TLSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedTLS

    return {"http": Pool, "https": TLSPool}
