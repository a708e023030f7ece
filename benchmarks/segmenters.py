"""Compare sentence segmenters on the news gold set, for accuracy and speed.

    python benchmarks/segmenters.py [DATASET.jsonl ...]

With datasets (JSON Lines clusters, as ``summarize batch`` reads), it also compares the
project's segmenter with syntok over whole paragraphs (how the project segmented before it cut
clear sentence ends itself): the share of paragraphs split the same, and the time of each.

Accuracy is the share of gold sentences a segmenter reproduces exactly; speed is the time to
split a synthetic 4,000-paragraph text. The project's choice is ``summarize.text.segment``.
Candidates that are not installed are reported as such (pysbd and blingfire come with the test
extras).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarize.text.segment import _syntok, split_sentences

# the test the earlier segmenter used to send a paragraph to syntok
_CLOSERS = "\"')\\]\u2019\u201d.!?\u2026"
_INNER_TERMINAL = re.compile(f"[.!?\u2026][{_CLOSERS}]*[^{_CLOSERS}]")

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "segmentation_gold.txt"


def load_gold(path: Path = GOLD) -> list[list[str]]:
    """Paragraphs, each a list of gold sentences."""
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def accuracy(split: Callable[[str], list[str]], gold: list[list[str]]) -> float:
    hits = total = 0
    for sentences in gold:
        produced = set(s.strip() for s in split(" ".join(sentences)))
        hits += sum(1 for s in sentences if s in produced)
        total += len(sentences)
    return hits / total


def naive(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[\"'A-Z])", text)


def whole_paragraphs(text: str) -> list[str]:
    text = text.strip()
    if not _INNER_TERMINAL.search(text):
        return [text] if text else []
    sentences: list[str] = []
    _syntok(text, sentences)
    return sentences


def dataset_paragraphs(paths: list[str]) -> list[str]:
    """Every paragraph of every document and background document, as the reader splits them."""
    import json

    from summarize.config import ReaderConfig
    from summarize.inputs.files import split_article

    paragraphs: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                cluster = json.loads(line)
                for doc in cluster["documents"] + cluster.get("background", []):
                    paragraphs += split_article(doc["text"], ReaderConfig())[1]
    return paragraphs


def agreement(paths: list[str]) -> str:
    paragraphs = dataset_paragraphs(paths)
    timed = {}
    for name, split in (("ours", split_sentences), ("before", whole_paragraphs)):
        start = time.perf_counter()
        timed[name] = ([split(p) for p in paragraphs], time.perf_counter() - start)
    same = sum(a == b for a, b in zip(timed["ours"][0], timed["before"][0], strict=True))
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    return (f"{len(paragraphs):,} paragraphs ({size / 1e6:.1f} MB): split the same "
            f"{same:,} ({same / len(paragraphs):.1%}); "
            f"{sum(map(len, timed['ours'][0])):,} sentences against "
            f"{sum(map(len, timed['before'][0])):,}; "
            f"{timed['ours'][1]:.2f} s against {timed['before'][1]:.2f} s")


def candidates() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {
        "summarize (clear ends, then syntok + title repair)": split_sentences,
        "syntok + title repair on whole paragraphs (before)": whole_paragraphs,
        "naive regex": naive}
    try:
        import syntok.segmenter as seg

        def plain_syntok(text: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in s).strip()
                    for p in seg.analyze(text) for s in p]
        found["syntok"] = plain_syntok
    except ImportError:
        pass
    try:
        import pysbd

        pysbd_seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda text: [s.strip() for s in pysbd_seg.segment(text)]
    except ImportError:
        print("pysbd: not installed", file=sys.stderr)
    try:
        import blingfire

        found["blingfire"] = lambda text: blingfire.text_to_sentences(text).split("\n")
    except ImportError:
        print("blingfire: not installed", file=sys.stderr)
    return found


def main() -> None:
    gold = load_gold()
    sample = [" ".join(p) for p in gold] * (4000 // len(gold))
    print("| segmenter | gold accuracy | time for 4,000 paragraphs (s) |")
    print("|---|---:|---:|")
    for name, split in candidates().items():
        start = time.perf_counter()
        for paragraph in sample:
            split(paragraph)
        elapsed = time.perf_counter() - start
        print(f"| {name} | {accuracy(split, gold):.1%} | {elapsed:.2f} |")
    if sys.argv[1:]:
        print("\n" + agreement(sys.argv[1:]))


if __name__ == "__main__":
    main()
