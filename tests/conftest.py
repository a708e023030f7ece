"""Shared fixtures: tiny corpora built from literal articles, the seeds, a pinned CLI runner."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from summarize.config import Config
from summarize.model import Article, Corpus
from summarize.text.merge import merge

if TYPE_CHECKING:
    from tests.webserver import Server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_articles(*texts: Sequence[str], headlines: Sequence[str | None] = ()) -> list[Article]:
    """Articles from lists of paragraphs."""
    return [
        Article(i, f"a{i}.txt", f"a{i}.txt", headlines[i] if i < len(headlines) else None,
                tuple(paragraphs))
        for i, paragraphs in enumerate(texts)
    ]


def make_corpus(*texts: Sequence[str], config: Config | None = None) -> Corpus:
    config = config or Config()
    return merge(make_articles(*texts), language=config.language, features=config.features)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich output at a fixed width, and no colour forced in from the caller's shell."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def server() -> Iterator[Server]:
    """A web server on 127.0.0.1 whose routes the test writes (:mod:`tests.webserver`)."""
    from tests.webserver import Server

    with Server() as running:
        yield running
