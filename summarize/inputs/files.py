"""Read input paths into clean :class:`Article` objects.

Inputs are files, folders (searched recursively for text and markdown files) or ``-`` for stdin.
Each file is one article: decoded (UTF-8, a BOM's encoding, or detected by charset-normalizer),
cleaned of control codes, split into paragraphs, its headline detected and boilerplate lines
("ALSO READ: ...", "Click here", ...) dropped. A file that cannot be used is skipped with a
reason; it never stops the others.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from summarize.config import ReaderConfig
from summarize.errors import InputDataError, NoInputError
from summarize.model import Article, Skipped
from summarize.text.clean import clean, decode

STDIN = "-"
# What ends a sentence or a quotation, in Latin and CJK scripts: a paragraph that ends so is
# text, never a headline (the CJK ones: full stop, exclamation and question marks, quotes).
_FINAL_PUNCTUATION = tuple(".!?…:;\"'\u3002\uff01\uff1f\u300d\u300f")
_GROUP_REFERENCE = re.compile(r"\\\d|\(\?P=")  # \1, (?P=name)
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
# A wire dateline opening the first paragraph: "PINE RIDGE, S.D. (AP) --", "BERLIN (AP) _",
# "BRUSSELS, January 22 (Xinhua) --", "HOUSTON _". The place is in capitals; a region or date
# and the agency in brackets may follow; then a dash or an underscore (old wire copy).
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+)*"
    r"(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+)?(?:\s+\d{1,2})?)?\s*"
    r"(?:\([A-Za-z][A-Za-z .-]*\)\s*)?"
    r"(?:--|\u2014|\u2013|_|-)\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class ReadResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def find_files(inputs: Sequence[str], extensions: Sequence[str]) -> list[str]:
    """Expand folders into their text files (sorted, recursive, symlinked folders not followed).

    A path that does not exist raises :class:`NoInputError`; a named file is taken whatever its
    suffix, files inside folders only with one of ``extensions``.
    """
    wanted = tuple(e.lower() for e in extensions)
    found: list[str] = []
    for given in inputs:
        if given == STDIN:
            found.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found.extend(_walk(path, wanted))
        elif path.exists() or path.is_symlink():
            found.append(given)
        else:
            raise NoInputError(f"input not found: {given}",
                               "check the path; pass a file, a folder, or - for stdin")
    return found


def _walk(folder: Path, wanted: tuple[str, ...]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(wanted) and not name.startswith("."):
                yield os.path.join(root, name)


def read_articles(inputs: Sequence[str], config: ReaderConfig, *,
                  stdin: BinaryIO | None = None) -> ReadResult:
    """Read every input; raise if none gives an article.

    :class:`NoInputError` when no file was found at all, :class:`InputDataError` when files were
    found but none held usable text.
    """
    files = find_files(inputs, config.extensions)
    if not files:
        raise NoInputError(f"no text files found in {', '.join(inputs)}",
                           f"folders are searched for {', '.join(config.extensions)} files")
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for source in files:
        outcome = _read_one(source, config, stdin)
        if isinstance(outcome, Skipped):
            skipped.append(outcome)
            continue
        article = text_article(source, outcome, config)
        if isinstance(article, Skipped):
            skipped.append(article)
        else:
            articles.append(replace(article, id=len(articles)))
    if not articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3])
        raise InputDataError(f"no usable text in the input ({reasons})",
                             "give plain-text or markdown news articles")
    return ReadResult(tuple(articles), tuple(skipped))


def read_texts(texts: Sequence[str], config: ReaderConfig, *, start: int = 1) -> ReadResult:
    """Articles from strings in memory, each cleaned and split as a file's text is (headline
    detected, boilerplate and dateline dropped); named "text 1", "text 2", ... (from
    ``start``). An empty one is skipped."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for number, raw in enumerate(texts, start):
        article = text_article(f"text {number}", raw, config)
        if isinstance(article, Skipped):
            skipped.append(article)
        else:
            articles.append(replace(article, id=len(articles)))
    return ReadResult(tuple(articles), tuple(skipped))


def text_article(source: str, text: str, config: ReaderConfig) -> Article | Skipped:
    """The article in ``text`` read from ``source`` (id 0: the caller numbers it), or why
    there is none. Markdown by the source's suffix; named by the source's file name."""
    headline, paragraphs = split_article(text, config, markdown=_is_markdown(source))
    if not paragraphs:
        return Skipped(source, "no text besides a headline" if headline else "empty")
    name = "<stdin>" if source == STDIN else os.path.basename(source)
    return Article(0, source, name, headline, tuple(paragraphs))


def read_bytes(source: str, config: ReaderConfig, stdin: BinaryIO | None
               ) -> bytes | Skipped:
    """The bytes of a file (or of stdin for "-"), within ``max_file_bytes``."""
    limit = config.max_file_bytes
    try:
        if source == STDIN:
            if stdin is None:
                return Skipped(source, "no standard input")
            data = stdin.read(limit + 1)
        else:
            size = os.stat(source).st_size
            if size > limit:
                return Skipped(source, f"larger than the {limit:,}-byte limit "
                                       f"({size:,} bytes; see reader.max_file_bytes)")
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        return Skipped(source, f"cannot read: {exc.strerror or exc}")
    if len(data) > limit:
        return Skipped(source, f"larger than the {limit:,}-byte limit (see reader.max_file_bytes)")
    return data


def _read_one(source: str, config: ReaderConfig, stdin: BinaryIO | None) -> str | Skipped:
    data = read_bytes(source, config, stdin)
    if isinstance(data, Skipped):
        return data
    text = decode(data)
    if text is None:
        return Skipped(source, "not text (binary or undecodable)")
    return text


@lru_cache(maxsize=8)
def _boilerplate(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """Whether a paragraph matches one of ``patterns`` (case-insensitive): one search of them
    all as alternatives, unless one refers to a group by number (joining would shift it) or
    sets flags (allowed only at the start of a whole expression)."""
    if patterns and not any(_GROUP_REFERENCE.search(p) for p in patterns):
        try:
            return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE).search
        except re.error:
            pass
    each = [re.compile(p, re.IGNORECASE).search for p in patterns]
    return lambda paragraph: any(search(paragraph) for search in each)


def _is_markdown(source: str) -> bool:
    return source.lower().endswith((".md", ".markdown"))


def split_article(raw: str, config: ReaderConfig, *, markdown: bool = False,
                  title: str | None = None) -> tuple[str | None, list[str]]:
    """Clean ``raw`` and return its headline (or None) and its paragraphs.

    Paragraphs are blocks separated by blank lines when the text has any, otherwise single lines
    (one paragraph a line, as in the bundled seeds). The headline is a first paragraph of at most
    ``headline_max_words`` words that does not end like a sentence; when the text has a
    ``title`` of its own (a web page's), only a first paragraph that repeats it is. A wire
    dateline opening the text ("WASHINGTON (AP) --") is dropped: it is not part of any
    sentence.
    """
    text = clean(raw)
    lines = [line.strip() for line in text.split("\n")]
    blocks: list[list[str]] = [[]]
    blank_separated = "" in lines[1:-1] if len(lines) > 2 else False
    for line in lines:
        if markdown:
            line = _MARKDOWN_PREFIX.sub("", line)
        if not line:
            blocks.append([])
        elif blank_separated:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    boilerplate = _boilerplate(config.boilerplate)
    joined = (" ".join(block) for block in blocks if block)
    paragraphs = [par for par in joined if not boilerplate(par)]
    headline = None
    if paragraphs and (_same_words(paragraphs[0], title) if title else
                       _looks_like_headline(paragraphs[0], config.headline_max_words)):
        headline = paragraphs.pop(0)
    if paragraphs:
        paragraphs[0] = _DATELINE.sub("", paragraphs[0], count=1)
    return headline, paragraphs


def _same_words(paragraph: str, title: str) -> bool:
    """Whether ``paragraph`` is ``title`` (case, punctuation and spacing aside), or the title
    is the paragraph with the site's name added ("Headline | The Courier")."""
    def key(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.casefold()))

    first, whole = key(paragraph), key(title)
    return bool(first) and (first == whole or whole.startswith(first + " "))


def _looks_like_headline(paragraph: str, max_words: int) -> bool:
    return len(paragraph.split()) <= max_words and not paragraph.endswith(_FINAL_PUNCTUATION)
