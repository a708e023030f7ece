"""The on-disk HTTP cache behind conditional requests.

A response with an ETag or Last-Modified is kept, body and all, in SQLite (``http.sqlite3``
under the user's cache folder); the next request for the URL sends If-None-Match /
If-Modified-Since, and a 304 is answered from here. A cache that cannot be read or written is
no cache, never an error: the page is still fetched.
"""

from __future__ import annotations

import datetime
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Cached:
    """A kept response: the conditional headers to ask with, and what was received."""

    headers: dict[str, str]  # If-None-Match, If-Modified-Since
    body: bytes
    media_type: str
    charset: str | None


class HttpCache:
    """Bodies of responses with validators (ETag, Last-Modified), by URL, in SQLite."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS responses (url TEXT PRIMARY KEY, etag TEXT, "
            "last_modified TEXT, media_type TEXT NOT NULL, charset TEXT, body BLOB NOT NULL, "
            "stored TEXT NOT NULL)")
        return connection

    def lookup(self, url: str) -> Cached | None:
        """What is kept for ``url``, if anything."""
        try:
            with self._lock:
                connection = self._connect()
                try:
                    row = connection.execute(
                        "SELECT etag, last_modified, media_type, charset, body FROM responses "
                        "WHERE url = ?", (url,)).fetchone()
                finally:
                    connection.close()
        except (OSError, sqlite3.Error):
            return None  # a cache that cannot be read is a cache miss
        if row is None:
            return None
        etag, modified, media_type, charset, body = row
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified))
                   if v}
        return Cached(headers, body, media_type, charset)

    def store(self, url: str, etag: str | None, modified: str | None, body: bytes,
              media_type: str, charset: str | None) -> None:
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        try:
            with self._lock:
                connection = self._connect()
                try:
                    with connection:
                        connection.execute(
                            "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (url, etag, modified, media_type, charset, body, now))
                finally:
                    connection.close()
        except (OSError, sqlite3.Error):
            pass  # the page was fetched; only the next run's 304 is lost


def default_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize")) / "http.sqlite3"
