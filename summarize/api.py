"""The library's front door: :func:`summarize`, one call from articles to a :class:`Brief`.

    >>> import summarize
    >>> brief = summarize.summarize([first_article, second_article], sentences=3)
    >>> print(brief.text)

Strings are articles (cleaned, headline detected, as files are); :class:`os.PathLike` objects
are files or folders, read as the command line reads them. The configuration is checked at the
pipeline boundary as a TOML file is. Every failure is a :class:`SummarizeError` with a cause and
a hint. This module is light; the pipeline (numpy, scikit-learn) loads on the first call.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence

from summarize.config import Config, apply_overrides, budget_overrides, validate
from summarize.errors import InputDataError, NoInputError, UsageError
from summarize.model import Article, Brief, Skipped

Source = str | os.PathLike[str]
log = logging.getLogger(__name__)


def summarize(texts_or_paths: Source | Iterable[Source], *, sentences: int | None = None,
              words: int | None = None, ratio: float | None = None,
              background: Source | Iterable[Source] | None = None,
              config: Config | None = None) -> Brief:
    """Summarise articles about one story into a brief.

    ``texts_or_paths``: one article (a string) or path, or an iterable of them, in any mix.
    ``sentences``, ``words`` or ``ratio`` (at most one) sets the length; without any, the
    configuration's budget (5 sentences by default). ``background``: articles the reader already
    knows, in the same forms; the brief leaves out what they said. ``config``: a
    :class:`Config` (default: ``Config()``), validated here.

    Raises :class:`summarize.SummarizeError` subclasses: ``ConfigError`` (a bad configuration
    value, naming the key), ``UsageError`` (two budgets, a bad budget or input type),
    ``NoInputError`` (no input, or a path that does not exist), ``InputDataError`` (nothing
    usable in the input).
    """
    from summarize.brief.pipeline import summarize_articles

    checked = validate(config if config is not None else Config(),
                       origin="the config given to summarize()")
    checked = apply_overrides(checked, budget_overrides(sentences, words, ratio, flag=""),
                              origin="summarize()")
    sources = _sources(texts_or_paths, "texts_or_paths")
    if not sources:
        raise NoInputError("no articles given to summarize()",
                           "pass one or more article texts or paths")
    articles = _articles(sources, checked)
    if not articles:
        looks_like_path = any(isinstance(s, str) and _pathlike(s) for s in sources)
        raise InputDataError("no usable text in the articles given to summarize()",
                             "a str is an article's text: to read a file, pass "
                             "pathlib.Path(...)" if looks_like_path else
                             "every text was empty or only a headline")
    from summarize.text.detect import left_out_message, one_language, with_language

    articles, left_out = one_language(articles, checked.language)
    if left_out:
        log.warning("%s", left_out_message(articles[0].language or "en", left_out))
    known = _articles(_sources(background, "background"), checked) if background else []
    if left_out:
        known = [a for a in map(with_language, known) if a.language == articles[0].language]
    return summarize_articles(articles, checked, background=known)


def _sources(given: Source | Iterable[Source] | None, name: str) -> list[Source]:
    if given is None:
        return []
    items: Iterable[object] = [given] if isinstance(given, str | os.PathLike) else given
    if isinstance(given, bytes) or not isinstance(items, Iterable):
        raise UsageError(f"{name} must be text or paths, got {type(given).__name__}",
                         "decode bytes first; pass a str, a pathlib.Path or a list of them")
    sources: list[Source] = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise UsageError(f"{name} holds a {type(item).__name__}, not text or a path",
                             "pass article texts as str and files as pathlib.Path")
        if isinstance(item, str) and _pathlike(item) and os.path.exists(item):
            raise UsageError(f"{name} holds {item!r}, a path given as text",
                             f"pass pathlib.Path({item!r}) to read it; a str is an article's "
                             "text")
        sources.append(item)
    return sources


def _pathlike(text: str) -> bool:
    """Whether a str looks like a file name rather than an article: one short line, no
    spaces, or an existing path."""
    stripped = text.strip()
    return bool(stripped) and "\n" not in stripped and len(stripped) < 4096 and (
        " " not in stripped or os.path.exists(stripped))


def _report(item: Skipped) -> None:
    log.warning("skipped %s: %s", item.source, item.reason)


def _articles(sources: Sequence[Source], config: Config) -> list[Article]:
    """Read ``sources`` in order: each string as a text, each path as the CLI reads it (text,
    saved web pages, feeds and lists of URLs, through :class:`summarize.inputs.gather.Gatherer`)."""
    from summarize.inputs.files import read_texts
    from summarize.inputs.gather import Gatherer

    articles: list[Article] = []
    for number, item in enumerate(sources, 1):
        if isinstance(item, str):
            text = read_texts([item], config.reader, start=number)
            found = list(text.articles)
            for skipped in text.skipped:
                _report(skipped)
        else:
            found = Gatherer(config, report=_report).gather([os.fspath(item)]).articles
        articles.extend(found)
    return articles
