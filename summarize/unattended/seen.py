"""The record of articles already summarised, for ``--new-only``.

Articles are identified by a SHA-256 of their cleaned text (headline and paragraphs), so a file
that is renamed or copied is still the same article and one that is edited is new. The record
is a SQLite database under the user's state folder (``platformdirs``), or a path given with
``--state``. Callers mark articles seen only after the brief is safely written, so a failed run
loses nothing: the next run retries those articles.

The record also keeps each seen article's text, so that the next brief on a continuing story
can leave out what the reader was told before (the background of an update brief) even once
the old files are gone; and, for web articles, their site, link and date, so that a digest
can list an unchanged story's sources. Schema versions (SQLite's ``user_version``): 0 (the
first release) had only the ``seen`` table of hashes; 2 adds ``content``; 3 adds ``site``,
``url`` and ``published`` to it. An older record is kept as it is and upgraded in place by
adding what is missing (empty); its old articles have less to offer, but still count as seen.
A record from a newer version is refused, never rewritten.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from summarize.errors import OutputError
from summarize.model import Article

SCHEMA_VERSION = 3
_TABLES = (
    "CREATE TABLE IF NOT EXISTS seen (hash TEXT PRIMARY KEY, source TEXT NOT NULL, "
    "first_seen TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS content (hash TEXT PRIMARY KEY REFERENCES seen(hash), "
    "headline TEXT, paragraphs TEXT NOT NULL, site TEXT, url TEXT, published TEXT)",
)
_ADDED_IN_3 = ("site", "url", "published")  # columns of ``content`` a schema-2 record lacks


def default_state_path() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("summarize")) / "seen.sqlite3"


def fingerprint(article: Article) -> str:
    text = "\n".join([article.headline or "", *article.paragraphs])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Split:
    """The input divided: articles no run has seen (renumbered from 0), and what the reader
    already knows (seen inputs, and the text of articles seen lately)."""

    new: list[Article]
    known: list[Article]


class SeenStore:
    """Content hashes, and texts, of articles summarised by earlier successful runs."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version <= SCHEMA_VERSION:
                with connection:
                    for statement in _TABLES:
                        connection.execute(statement)
                    columns = {row[1] for row in connection.execute("PRAGMA table_info(content)")}
                    for column in _ADDED_IN_3:
                        if column not in columns:
                            connection.execute(f"ALTER TABLE content ADD COLUMN {column} TEXT")
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot use the state database {self.path}: {exc}",
                              "check the folder's permissions, or pass --state PATH") from None
        if version > SCHEMA_VERSION:
            connection.close()
            raise OutputError(f"the state database {self.path} was written by a newer "
                              f"summarize (schema {version}; this one knows {SCHEMA_VERSION})",
                              "upgrade summarize, or pass --state PATH for a new record")
        return connection

    def split(self, articles: Sequence[Article], *, days: float) -> Split:
        """Divide ``articles`` into new and known; add the stored text of articles first seen
        within ``days`` that are not among the inputs to what is known."""
        connection = self._connect()
        since = (datetime.datetime.now(datetime.UTC)
                 - datetime.timedelta(days=days)).isoformat(timespec="seconds")
        try:
            known = {row[0] for row in connection.execute("SELECT hash FROM seen")}
            stored = connection.execute(
                "SELECT seen.hash, seen.source, content.headline, content.paragraphs, "
                "content.site, content.url, content.published "
                "FROM seen JOIN content ON content.hash = seen.hash "
                "WHERE seen.first_seen >= ? ORDER BY seen.first_seen, seen.hash", (since,)
            ).fetchall()
        except sqlite3.Error as exc:
            raise OutputError(f"cannot read the state database {self.path}: {exc}",
                              "move the file away to start afresh") from None
        finally:
            connection.close()
        hashes = [fingerprint(a) for a in articles]
        new = [a for a, h in zip(articles, hashes, strict=True) if h not in known]
        seen_inputs = [a for a, h in zip(articles, hashes, strict=True) if h in known]
        inputs = set(hashes)
        remembered = [Article(0, source, site or source.rsplit("/", 1)[-1], headline,
                              tuple(json.loads(paragraphs)), url=url,
                              published=_moment(published), site=site)
                      for digest, source, headline, paragraphs, site, url, published in stored
                      if digest not in inputs]
        return Split([replace(a, id=i) for i, a in enumerate(new)], [*seen_inputs, *remembered])

    def mark(self, articles: Iterable[Article]) -> None:
        """Record ``articles`` as summarised, with their text (in one transaction)."""
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        rows = [(fingerprint(a), a.source, now, a.headline, json.dumps(list(a.paragraphs)),
                 a.site, a.url, a.published.isoformat() if a.published else None)
                for a in articles]
        connection = self._connect()
        try:
            with connection:
                connection.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)",
                                       [r[:3] for r in rows])
                connection.executemany(
                    "INSERT OR IGNORE INTO content (hash, headline, paragraphs, site, url, "
                    "published) VALUES (?, ?, ?, ?, ?, ?)", [(r[0], *r[3:]) for r in rows])
        except sqlite3.Error as exc:
            raise OutputError(f"cannot update the state database {self.path}: {exc}",
                              "the brief was written; the next run may repeat articles") from None
        finally:
            connection.close()



def _moment(value: str | None) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
