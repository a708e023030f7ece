"""Story-cluster datasets in JSON Lines, for ``summarize batch`` and ``summarize evaluate``.

One cluster a line: ``{"id": str, "documents": [{"id": str, "title": str, "text": str}, ...],
"references": [str, ...], "background": [document, ...]}`` (``references`` and ``background``
optional). ``background`` holds articles the reader already knows: an update cluster's
summaries say only what is new. A bad line is reported with its number and the reason, and the
others still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarize.config import ReaderConfig
from summarize.errors import NoInputError
from summarize.inputs.files import split_article
from summarize.model import Article


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]
    background: tuple[Article, ...] = ()


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    reason: str


def _json_lines(path: Path, what: str, hint: str) -> Iterator[tuple[int, object] | BadLine]:
    """Each non-blank line's number and decoded JSON, or a :class:`BadLine` if it is not JSON."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise NoInputError(f"cannot open {what} {path}: {exc.strerror or exc}", hint) from None
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                yield number, json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield BadLine(number, f"not valid UTF-8 JSON ({exc})")


def read_dataset(path: Path, reader: ReaderConfig) -> Iterator[Cluster | BadLine]:
    """Yield each line's cluster, or a :class:`BadLine` saying why it cannot be used."""
    for item in _json_lines(path, "dataset", "give a JSON Lines file, one story cluster a line"):
        if isinstance(item, BadLine):
            yield item
            continue
        number, data = item
        try:
            yield parse_cluster(data, reader)
        except ValueError as exc:
            yield BadLine(number, str(exc))


def parse_cluster(data: object, reader: ReaderConfig) -> Cluster:
    """Build a cluster from one decoded JSON object; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    cluster_id = data.get("id")
    documents = data.get("documents")
    references = data.get("references", [])
    if not isinstance(cluster_id, str):
        raise ValueError("'id' must be a string")
    if not isinstance(documents, list) or not documents:
        raise ValueError("'documents' must be a non-empty list")
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        raise ValueError("'references' must be a list of strings")
    articles = _articles(documents, "document", reader)
    if not articles:
        raise ValueError("no document has usable text")
    background = data.get("background", [])
    if not isinstance(background, list):
        raise ValueError("'background' must be a list of documents")
    return Cluster(cluster_id, tuple(articles), tuple(references),
                   tuple(_articles(background, "background document", reader)))


def _articles(documents: list[object], what: str, reader: ReaderConfig) -> list[Article]:
    """Articles from JSON documents, numbered from 0; those with no usable text are left out."""
    articles: list[Article] = []
    for k, doc in enumerate(documents):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError(f"{what} {k} must be an object with a 'text' string")
        doc_id = str(doc.get("id", k))
        title = doc.get("title") or None
        headline, paragraphs = split_article(doc["text"], reader)
        if paragraphs:
            articles.append(Article(len(articles), doc_id, doc_id,
                                    title if isinstance(title, str) else headline,
                                    tuple(paragraphs)))
    return articles


def read_peers(path: Path) -> tuple[dict[str, dict[str, str]], list[BadLine]]:
    """Summaries made by other systems, one a line: ``{"system", "id", "summary"}``, as
    ``{system: {cluster id: summary}}`` (systems in order of first appearance), and the lines
    that could not be used."""
    peers: dict[str, dict[str, str]] = {}
    bad: list[BadLine] = []
    for item in _json_lines(path, "peers file", 'give JSON Lines of {"system", "id", "summary"}'):
        if isinstance(item, BadLine):
            bad.append(item)
            continue
        number, data = item
        fields = [data.get(k) for k in ("system", "id", "summary")] \
            if isinstance(data, dict) else []
        strings = [f for f in fields if isinstance(f, str)]
        if len(strings) != 3:
            bad.append(BadLine(number, "expected an object with string 'system', 'id' and "
                                       "'summary'"))
            continue
        system, cluster, summary = strings
        peers.setdefault(system, {})[cluster] = summary
    return peers, bad
