"""A test web server on 127.0.0.1: routes written by the tests, no internet.

A route maps a path to a function from the request handler to a :class:`Reply`. The server
records every request's path and headers, so tests can check what the client sent.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import SEEDS


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    delay: float = 0.0  # seconds before each chunk of an iterable body


Route = Callable[[BaseHTTPRequestHandler], Reply]


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path.split("?")[0])
                reply = route(self) if route else Reply(404, body=b"not found")
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if isinstance(reply.body, bytes):
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                        return
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for chunk in reply.body:
                        time.sleep(reply.delay)
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, reply: Reply | Route) -> str:
        self.routes[path] = reply if callable(reply) else (lambda _handler, r=reply: r)
        return self.url(path)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def seed_texts() -> list[tuple[str, list[str]]]:
    """The seed articles: (headline, paragraphs); one has no headline of its own, so it gets
    an invented one."""
    from summarize.config import ReaderConfig
    from summarize.inputs.files import split_article

    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        headline, paragraphs = split_article(path.read_text(encoding="utf-8"), ReaderConfig())
        out.append((headline or "NATO ministers to meet on Iraq crisis", paragraphs))
    return out


# Invented stories, for clustering and digests: a flood (three outlets) and a cat show (one).
FLOOD = [
    ("Flood barrier holds as river Alder peaks", [
        "The river Alder peaked at four metres on Tuesday, and the new flood barrier in "
        "Millbrook held through the night.",
        "Engineers raised the barrier on Monday evening after two days of heavy rain upstream.",
        "About 300 homes behind the barrier stayed dry, the county council said.",
        "The old wall, which the barrier replaced, failed in the floods of 2019."]),
    ("Millbrook stays dry behind new flood barrier", [
        "Millbrook's new flood barrier held on Tuesday as the river Alder rose to four metres.",
        "Residents had filled sandbags, but none were needed behind the barrier, the council "
        "said.",
        "The barrier cost 12 million pounds and took three years to build.",
        "Forecasters expect the heavy rain upstream to ease by Thursday."]),
    ("River Alder peaks at four metres", [
        "Heavy rain sent the river Alder to a peak of four metres on Tuesday.",
        "The flood barrier at Millbrook held, protecting about 300 homes, the council said.",
        "Downstream, farmland near Eastford was flooded and two roads were closed.",
        "The Environment Agency kept its flood warning in place for the lower valley."]),
]
CATS = [
    ("Maine coon named best in show", [
        "A Maine coon called Biscuit was named best in show at the county cat show on Sunday.",
        "Judges praised his thick coat and calm temper in front of a crowd of 2,000 visitors.",
        "His owner, a retired teacher, said Biscuit mostly sleeps on the piano."]),
]


def news_page(headline: str, paragraphs: list[str], *, site: str = "The Example Courier",
              date: str = "2026-11-21", author: str = "Sam Writer",
              charset_meta: str | None = "utf-8") -> str:
    """A realistic article page: navigation, an advertisement, a related-links box, the
    article, a comment section and a footer."""
    body = "\n".join(f"    <p>{p}</p>" for p in paragraphs)
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}
<title>{headline} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{headline}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T07:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/subscribe">Subscribe for unlimited access</a></li></ul></nav></header>
<div class="advert" id="ad-top">ADVERTISEMENT: Buy the new Zephyr 9 phone today, half price
this weekend only at all good stores.</div>
<main><article>
  <h1>{headline}</h1>
  <p class="byline">By {author}, {date}</p>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ten recipes for a rainy autumn weekend</a></li>
<li><a href="/b">Local team wins the regional cup final</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader123: This is the worst reporting I have ever read, fake
news!!!</p></div>
<div class="comment"><p>Commenter77: Totally agree with the previous comment, unbelievable
stuff.</p></div></section>
</main>
<footer><p>Copyright 2026 {site}. All rights reserved. Privacy policy. Terms of use.</p>
</footer></body></html>"""


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzipped (a thousandfold smaller)."""
    return gzip.compress(b"\0" * size, compresslevel=9)


def endless(chunk: bytes = b"<p>more and more text</p>\n" * 100) -> Iterator[bytes]:
    while True:
        yield chunk


def write_pages(folder: Path) -> list[Path]:
    """The seeds saved as web pages."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, (headline, paragraphs) in enumerate(seed_texts()):
        path = folder / f"page{k}.html"
        path.write_text(news_page(headline, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths
