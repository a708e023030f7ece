"""The development data in the shapes our readers' stories have: 2 to 10 articles, 100 words.

Built in memory from the development datasets (never committed: NIST's licence), each shape a
list of clusters with the word limit it is scored at:

* DUC 2001 and DUC 2002 (about 10 articles a cluster, human 100-word abstracts): the closest
  sets to a followed story;
* DUC 2007 update, every set (A, B, C) as a generic cluster of its own 7-10 articles, and sets
  B and C as update briefs with their background;
* DUC 2006 clusters subsampled to 10, 5, 3 and 2 articles (``DRAWS`` seeded draws per size;
  the references summarise all 25 articles, so compare systems with each other here, not
  with NIST's figures), and whole at 100 and 250 words;
* the bundled seeds cluster (2 articles, 2 references).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from summarize.config import Config
from summarize.evaluation.dataset import Cluster, read_dataset

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10, 5, 3, 2)
DRAWS = 3


@dataclass(frozen=True)
class Shape:
    label: str
    words: int
    clusters: tuple[Cluster, ...]
    small: bool  # a shape of the stories people read (2 to 10 articles, 100 words)


def _read(path: Path) -> list[Cluster]:
    return [c for c in read_dataset(path, Config().reader) if isinstance(c, Cluster)]


def subsample(clusters: list[Cluster], size: int, draws: int, seed: int = 0) -> list[Cluster]:
    """``draws`` random subsets of ``size`` articles of each cluster, in their order."""
    rng = random.Random(f"{seed}-{size}")
    out = []
    for cluster in clusters:
        for draw in range(draws):
            picked = sorted(rng.sample(range(len(cluster.articles)), size))
            articles = tuple(replace(cluster.articles[i], id=k) for k, i in enumerate(picked))
            out.append(replace(cluster, id=f"{cluster.id}/{size}.{draw}", articles=articles))
    return out


def shapes(folder: Path, *, draws: int = DRAWS, only: set[str] | None = None) -> list[Shape]:
    """Every development shape whose files are in ``folder`` (``only``: labels to keep)."""
    found: list[Shape] = []

    def add(label: str, words: int, clusters: list[Cluster], small: bool) -> None:
        if clusters and (only is None or label in only):
            found.append(Shape(label, words, tuple(clusters), small))

    for year in ("2002", "2001"):
        path = folder / f"duc{year}-100.jsonl"
        if path.exists():
            add(f"DUC {year}", 100, _read(path), True)
    update = folder / "duc2007-update.jsonl"
    if update.exists():
        sets = _read(update)
        add("DUC 2007 sets", 100, [replace(c, background=()) for c in sets], True)
        add("DUC 2007 update B+C", 100, [c for c in sets if c.id[-1] in "BC"], False)
    whole = folder / "duc2006.jsonl"
    if whole.exists():
        duc2006 = _read(whole)
        for size in SIZES:
            add(f"DUC 2006 x{size}", 100, subsample(duc2006, size, draws), True)
        add("DUC 2006, 100 words", 100, duc2006, False)
        add("DUC 2006, 250 words", 250, duc2006, False)
    add("seeds", 100, _read(ROOT / "data" / "seeds-cluster.jsonl"), True)
    return found
