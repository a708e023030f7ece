"""Story-cluster datasets in JSON Lines, for ``summarize batch`` and ``summarize evaluate``.

One cluster a line: ``{"id": str, "documents": [{"id": str, "title": str, "text": str}, ...],
"references": [str, ...]}`` (``references`` optional). A bad line is reported with its number
and the reason, and the others still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarize.config import ReaderConfig
from summarize.errors import NoInputError
from summarize.model import Article
from summarize.reader import split_article


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    reason: str


def read_dataset(path: Path, reader: ReaderConfig) -> Iterator[Cluster | BadLine]:
    """Yield each line's cluster, or a :class:`BadLine` saying why it cannot be used."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise NoInputError(f"cannot open dataset {path}: {exc.strerror or exc}",
                           "give a JSON Lines file, one story cluster a line") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                yield parse_cluster(json.loads(raw.decode("utf-8")), reader)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield BadLine(number, f"not valid UTF-8 JSON ({exc})")
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
    articles: list[Article] = []
    for k, doc in enumerate(documents):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError(f"document {k} must be an object with a 'text' string")
        doc_id = str(doc.get("id", k))
        title = doc.get("title") or None
        headline, paragraphs = split_article(doc["text"], reader)
        if paragraphs:
            articles.append(Article(len(articles), doc_id, doc_id,
                                    title if isinstance(title, str) else headline,
                                    tuple(paragraphs)))
    if not articles:
        raise ValueError("no document has usable text")
    return Cluster(cluster_id, tuple(articles), tuple(references))
