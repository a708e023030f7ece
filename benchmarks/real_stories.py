"""Story clustering on a real day: 181 unrelated real pages, 22 true stories of 2-4 pages, the
rest single pages (labels by hand in ``benchmarks/real_stories.json``).

    python benchmarks/real_stories.py SCRAPINGHUB_DIR [--devsets /tmp/devsets]

SCRAPINGHUB_DIR holds ``html/`` and ``ground-truth.json`` of scrapinghub/article-extraction-
benchmark (get it with the library's ``fetch``; ``git archive HEAD html ground-truth.json``).
Each page is read as a saved page (our extraction), the articles are grouped by
:func:`summarize.digest.stories.cluster`, and B-cubed precision, recall and F1 against the
labels are printed, with the multi-article stories found and how many of them are one true
story. With ``--devsets`` the DUC mixtures are clustered too (benchmarks/stories.py), since the
grouping must be right on both kinds of day. Also printed: the extraction's F1 against the
benchmark's ground truth (4-word shingles, as the benchmark's own evaluate.py scores it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.config import Config  # noqa: E402
from summarize.digest.stories import bcubed, cluster  # noqa: E402
from summarize.inputs.gather import Gatherer  # noqa: E402
from summarize.model import Article  # noqa: E402

LABELS = ROOT / "benchmarks" / "real_stories.json"
_WORD = re.compile(r"\w+")


def read_pages(folder: Path) -> tuple[list[str], list[Article], dict[str, str]]:
    """The page keys, their articles (as the digest reads saved pages) and the ground-truth
    article bodies."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    with tempfile.TemporaryDirectory() as tmp:
        for key in keys:
            page = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
            (Path(tmp) / f"{key}.html").write_bytes(page)
        found = Gatherer(Config()).gather([str(Path(tmp) / f"{key}.html") for key in keys])
        by_key = {Path(a.source).stem: a for a in found.articles}
    missing = [k for k in keys if k not in by_key]
    if missing:
        print(f"{len(missing)} page(s) gave no article: {', '.join(k[:8] for k in missing)}",
              file=sys.stderr)
    kept = [k for k in keys if k in by_key]
    return kept, [by_key[k] for k in kept], {k: truth[k].get("articleBody", "") for k in keys}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    return Counter(tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3)))


def extraction_f1(articles: dict[str, Article], truth: dict[str, str]) -> float:
    """Mean-precision/mean-recall F1 over pages of 4-word shingles (the benchmark's measure)."""
    precisions, recalls = [], []
    for key, body in truth.items():
        article = articles.get(key)
        text = "\n".join([article.headline or "", *article.paragraphs]) if article else ""
        want, got = _shingles(body), _shingles(text)
        hit = sum((want & got).values())
        extra, lost = sum((got - want).values()), sum((want - got).values())
        total = hit + extra + lost
        hit, extra, lost = (hit / total, extra / total, lost / total) if total else (0, 0, 0)
        precisions.append(hit / (hit + extra) if hit + extra else float(extra == lost == 0))
        recalls.append(hit / (hit + lost) if hit + lost else float(extra == lost == 0))
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r)


def story_scores(keys: list[str], articles: list[Article], config: Config
                 ) -> tuple[tuple[float, float, float], list[list[int]], list[str]]:
    stories = json.loads(LABELS.read_text(encoding="utf-8"))["stories"]
    gold_of = {key: name for name, members in stories.items() for key in members}
    gold = [gold_of.get(key, key) for key in keys]
    groups = cluster(articles, config.stories, language=config.language)
    predicted = [0] * len(articles)
    for number, group in enumerate(groups):
        for i in group:
            predicted[i] = number
    return bcubed(predicted, gold), groups, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scrapinghub", type=Path)
    parser.add_argument("--devsets", type=Path)
    args = parser.parse_args()
    keys, articles, truth = read_pages(args.scrapinghub)
    config = Config()
    print(f"extraction F1 (4-word shingles) on {len(truth)} pages: "
          f"{extraction_f1(dict(zip(keys, articles, strict=True)), truth):.3f}")
    (precision, recall, f1), groups, gold = story_scores(keys, articles, config)
    multi = [g for g in groups if len(g) > 1]
    pure = sum(1 for g in multi if len({gold[i] for i in g}) == 1)
    print(f"real pages: B-cubed precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}; "
          f"{len(multi)} multi-article stories found, {pure} of them one true story; "
          f"{len(groups)} stories in all")
    if args.devsets:
        from benchmarks.stories import labelled, scores

        for name, topic in (("duc2006.jsonl", None), ("duc2007-update.jsonl", -1)):
            mixed, labels = labelled(args.devsets / name, topic)
            p, r, f, *_ = scores(mixed, labels, config.stories)
            print(f"{name} mixed ({len(mixed)} articles): B-cubed precision {p:.3f}, "
                  f"recall {r:.3f}, F1 {f:.3f}")


if __name__ == "__main__":
    main()
