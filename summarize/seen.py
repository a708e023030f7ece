"""The record of articles already summarised, for ``--new-only``.

Articles are identified by a SHA-256 of their cleaned text (headline and paragraphs), so a file
that is renamed or copied is still the same article and one that is edited is new. The record
is a SQLite database under the user's state folder (``platformdirs``), or a path given with
``--state``. Callers mark articles seen only after the brief is safely written, so a failed run
loses nothing: the next run retries those articles.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from summarize.errors import OutputError
from summarize.model import Article


def default_state_path() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("summarize")) / "seen.sqlite3"


def fingerprint(article: Article) -> str:
    text = "\n".join([article.headline or "", *article.paragraphs])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SeenStore:
    """Content hashes of articles summarised by earlier successful runs."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            connection.execute("CREATE TABLE IF NOT EXISTS seen (hash TEXT PRIMARY KEY, "
                               "source TEXT NOT NULL, first_seen TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot use the state database {self.path}: {exc}",
                              "check the folder's permissions, or pass --state PATH") from None
        return connection

    def unseen(self, articles: Sequence[Article]) -> list[Article]:
        """The articles not recorded yet, renumbered from 0 in their order."""
        connection = self._connect()
        try:
            known = {row[0] for row in connection.execute("SELECT hash FROM seen")}
        except sqlite3.Error as exc:
            raise OutputError(f"cannot read the state database {self.path}: {exc}",
                              "move the file away to start afresh") from None
        finally:
            connection.close()
        fresh = [a for a in articles if fingerprint(a) not in known]
        return [replace(a, id=i) for i, a in enumerate(fresh)]

    def mark(self, articles: Iterable[Article]) -> None:
        """Record ``articles`` as summarised (in one transaction)."""
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        rows = [(fingerprint(a), a.source, now) for a in articles]
        connection = self._connect()
        try:
            with connection:
                connection.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise OutputError(f"cannot update the state database {self.path}: {exc}",
                              "the brief was written; the next run may repeat articles") from None
        finally:
            connection.close()
