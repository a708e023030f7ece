"""Figures on the development datasets (DUC 2006, DUC 2007 update), for BENCHMARKS.md.

The datasets are NIST's and are never committed: build them first (DEVELOPERS.md, or README
"Evaluation and benchmarks"), then

    python benchmarks/devsets.py /tmp/devsets            # writes benchmarks/devsets.md
    python benchmarks/devsets.py /tmp/devsets --against ../old-checkout   # and times both

``make bench`` copies that file's tables into BENCHMARKS.md. Only figures are written, never
text from the datasets. What is measured:

* that our scorer reproduces NIST's published DUC 2006 ROUGE-2 of the official systems
  (``evaluate --jackknife`` against ``duc2006-official.json``);
* the ablation table: ROUGE-1/2 recall of the default and of each variant that changes one of
  its choices, on DUC 2006 at 250 and at 100 words, and on the DUC 2007 update task (sets B
  and C with their background, set A without), beside the best official system of each;
* readability: the share of chosen sentences that open with a dangling reference whose anchor
  is not in the brief, and the share of briefs that open with an article's first sentence;
* every development shape (:mod:`benchmarks.shapes`: 2 to 25 articles, 100 and 250 words):
  each named configuration's ROUGE-1/2 with the R-2 interval, its repeated content bigrams per
  100 words beside the references' own rate (:mod:`summarize.evaluation.redundancy`), and
  the default's dangling and lead openings;
* the time of ``summarize batch`` on the 50 DUC 2006 clusters, and of one brief of 500 of
  their articles (2.1 MB) from a folder (whole processes), beside an earlier version's when
  ``--against`` gives a checkout of it;
* the segmenter against syntok over whole paragraphs (how it segmented before), on every
  paragraph of the datasets.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.brief.discourse import anchors, is_lead, leans_on_previous  # noqa: E402
from summarize.brief.pipeline import summarize_corpus  # noqa: E402
from summarize.brief.select import Budget  # noqa: E402
from summarize.config import Config  # noqa: E402
from summarize.evaluation.dataset import Cluster, read_dataset, read_peers  # noqa: E402
from summarize.evaluation.evaluate import evaluate  # noqa: E402
from summarize.text.merge import merge  # noqa: E402

SYSTEMS = ["summarize", "ilp-document-weights", "ilp-anchored", "ilp-dangling-allowed",
           "ilp-no-lead-bonus",
           "ilp-share-0.3", "ilp-min-6-words", "ilp-no-fill", "ilp-no-background", "coverage",
           "mmr", "lead", "lexrank"]
SETTINGS = [  # label, dataset file, words, cluster suffixes kept (None: all)
    ("DUC 2006, 250 words", "duc2006.jsonl", 250, None),
    ("DUC 2006, 100 words", "duc2006.jsonl", 100, None),
    ("DUC 2007 update B+C, 100 words", "duc2007-update.jsonl", 100, "BC"),
    ("DUC 2007 update A, 100 words", "duc2007-update.jsonl", 100, "A"),
]
PEERS = {"duc2006.jsonl": "duc2006-peers.jsonl",
         "duc2007-update.jsonl": "duc2007-update-peers.jsonl"}


def clusters(folder: Path, name: str, suffixes: str | None) -> list[Cluster]:
    found = [c for c in read_dataset(folder / name, Config().reader) if isinstance(c, Cluster)]
    return [c for c in found if suffixes is None or c.id[-1] in suffixes]


def official_check(folder: Path) -> list[str]:
    data = clusters(folder, "duc2006.jsonl", None)
    peers, _ = read_peers(folder / "duc2006-peers.jsonl")
    published = json.loads((folder / "duc2006-official.json").read_text())["rouge2"]
    results = evaluate(data, [], Config(), limit=250, peers=peers, jackknife=True)
    rows = [(r.name, 100 * r.scores["rouge2"].recall, 100 * published[r.name])
            for r in results if r.name in published]
    systems = [row for row in rows if not row[0].isalpha()]
    humans = [row for row in rows if row[0].isalpha()]
    worst = max(systems, key=lambda row: abs(row[1] - row[2]))
    lines = [
        "`summarize evaluate duc2006.jsonl --peers duc2006-peers.jsonl --words 250 "
        "--jackknife` against NIST's published DUC 2006 ROUGE-2 recall:",
        "",
        "| system | ours | NIST | difference |", "|---|---:|---:|---:|",
    ]
    for name in ("24", "2", "1", worst[0]):
        ours, nist = next((o, n) for s, o, n in systems if s == name)
        lines.append(f"| {name} | {ours:.2f} | {nist:.2f} | {ours - nist:+.3f} |")
    lines += ["", f"All {len(systems)} official systems within "
              f"{max(abs(o - n) for _, o, n in systems):.3f} ROUGE-2 points (the largest "
              f"difference is system {worst[0]}'s); the {len(humans)} human summarisers, scored "
              f"against the other three references, within "
              f"{max(abs(o - n) for _, o, n in humans):.3f}."]
    return lines


def ablation(folder: Path) -> tuple[list[str], dict[str, dict[str, tuple[float, float]]]]:
    table: dict[str, dict[str, tuple[float, float]]] = {}
    for label, name, words, suffixes in SETTINGS:
        data = clusters(folder, name, suffixes)
        peers, _ = read_peers(folder / PEERS[name])
        results = evaluate(data, SYSTEMS, Config(), limit=words, peers=peers)
        ours = {r.name: (100 * r.scores["rouge1"].recall, 100 * r.scores["rouge2"].recall)
                for r in results if r.name in SYSTEMS}
        official = [r for r in results if r.name not in SYSTEMS and not r.name.isalpha()]
        best1 = max(official, key=lambda r: r.scores["rouge1"].recall)
        best2 = max(official, key=lambda r: r.scores["rouge2"].recall)
        ours["best official system (R-1 / R-2)"] = (100 * best1.scores["rouge1"].recall,
                                                    100 * best2.scores["rouge2"].recall)
        table[label] = ours
        print(f"done: {label}", file=sys.stderr)
    names = [*SYSTEMS, "best official system (R-1 / R-2)"]
    lines = ["| system | " + " | ".join(label for label, *_ in SETTINGS) + " |",
             "|---|" + "---:|" * len(SETTINGS)]
    for name in names:
        cells = [f"{table[label][name][0]:.2f} / {table[label][name][1]:.2f}"
                 for label, *_ in SETTINGS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines, table


SHAPE_SYSTEMS = ["summarize", "ilp-no-overlap-penalty", "ilp-document-weights", "coverage",
                 "mmr", "lexrank", "lead"]


def shape_table(folder: Path) -> list[str]:
    """Every development shape (benchmarks/shapes.py), each named configuration's ROUGE-1/2
    recall with the R-2 interval, its repeated content bigrams per 100 words beside the
    references' own rate, and for the default its dangling openings and lead openings."""
    from benchmarks.shapes import shapes
    from summarize.evaluation.redundancy import rate

    lines = ["| shape | clusters | words | system | R-1 | R-2 (95% CI) | repeated bigrams "
             "/ 100 words | references' rate |", "|---|---:|---:|---|---:|---:|---:|---:|"]
    openings = ["| shape | sentences chosen | dangling, anchor not in the brief | briefs "
                "opening with an article's first sentence |", "|---|---:|---:|---:|"]
    for shape in shapes(folder):
        clusters = list(shape.clusters)
        results = evaluate(clusters, SHAPE_SYSTEMS, Config(), limit=shape.words)
        human = rate([r for c in clusters for r in c.references], limit=shape.words)
        for result in results:
            low, high = result.intervals["rouge2"]
            mine = rate(list(result.summaries.values()), limit=shape.words)
            lines.append(f"| {shape.label} | {len(clusters)} | {shape.words} | {result.name} | "
                         f"{100 * result.scores['rouge1'].recall:.2f} | "
                         f"{100 * result.scores['rouge2'].recall:.2f} ({100 * low:.2f}-"
                         f"{100 * high:.2f}) | {mine:.2f} | {human:.2f} |")
        chosen, dangling, openers = _openings(clusters, shape.words)
        openings.append(f"| {shape.label} | {chosen} | {dangling} "
                        f"({100 * dangling / max(chosen, 1):.1f}%) | {openers} of "
                        f"{len(clusters)} |")
        print(f"done: {shape.label}", file=sys.stderr)
    return [*lines, "", *openings]


def _openings(clusters: list[Cluster], words: int) -> tuple[int, int, int]:
    """The default's sentences chosen, dangling ones whose anchor is not in the brief, and
    briefs that open with an article's first sentence."""
    config = Config()
    chosen = dangling = openers = 0
    for cluster in clusters:
        corpus = merge(cluster.articles)
        known = merge(cluster.background) if cluster.background else None
        brief = summarize_corpus(corpus, config, budget=Budget(words=words, fill=True),
                                 background=known)
        ids = {c.sentence.id for c in brief.chosen}
        leans_on = anchors(corpus)
        for c in brief.chosen:
            chosen += 1
            dangling += leans_on_previous(c.sentence.text) and not ids & set(
                leans_on[c.sentence.id])
        openers += bool(brief.chosen) and is_lead(brief.chosen[0].sentence)
    return chosen, dangling, openers


def readability(folder: Path) -> list[str]:
    lines = ["| setting | sentences chosen | dangling, anchor not in the brief | "
             "briefs opening with an article's first sentence |", "|---|---:|---:|---:|"]
    for label, name, words, suffixes in SETTINGS:
        found = clusters(folder, name, suffixes)
        chosen, dangling, openers = _openings(found, words)
        lines.append(f"| {label} | {chosen} | {dangling} ({100 * dangling / chosen:.1f}%) | "
                     f"{openers} of {len(found)} |")
    return lines


def _interleaved(runs: dict[str, tuple[list[str], Path]], repeats: int = 5
                 ) -> dict[str, list[float]]:
    """Whole-process seconds of each command (run in its checkout), round robin."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for code in {code for _, code in runs.values()}:  # byte-compiled, as installed packages are
        subprocess.run([sys.executable, "-m", "compileall", "-q", "summarize"], cwd=code,
                       check=True)
    for _ in range(repeats):
        for name, (command, code) in runs.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, cwd=code, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(code)})
            times[name].append(time.perf_counter() - start)
    return times


def _listed(times: dict[str, list[float]]) -> list[str]:
    return [f"- {name}: {statistics.median(t):.2f} s ({', '.join(f'{x:.2f}' for x in t)})"
            for name, t in times.items()]


def _earlier_name(earlier: Path) -> str:
    revision = subprocess.run(["git", "-C", str(earlier), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    return f"earlier checkout ({revision or earlier.name})"


def batch_time(folder: Path, earlier: Path | None) -> list[str]:
    """Median whole-process time of ``summarize batch`` on DUC 2006, ours interleaved with an
    earlier checkout's (``--against DIR``) when given, so both see the same machine load."""
    command = [sys.executable, "-m", "summarize", "batch", str(folder / "duc2006.jsonl")]
    with tempfile.TemporaryDirectory() as tmp:
        out = ["-o", f"{tmp}/out.jsonl"]
        runs = {"this version, 1 worker": ([*command, *out, "--restart", "-j", "1"], ROOT),
                "this version, every core": ([*command, *out, "--restart"], ROOT)}
        if earlier is not None:
            runs[_earlier_name(earlier)] = ([*command, *out], earlier)
        times = _interleaved(runs)
    return ["`summarize batch duc2006.jsonl` (50 clusters of 25 articles, 5-sentence briefs, "
            "whole process), median of 5 runs, interleaved:", "", *_listed(times)]


def large_input_time(folder: Path, earlier: Path | None) -> list[str]:
    """One brief of the first 500 DUC 2006 articles, from a folder of files."""
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        size = 0
        for cluster in clusters(folder, "duc2006.jsonl", None):
            for article in cluster.articles:
                if size >= 500:
                    break
                text = "\n\n".join([article.headline or "", *article.paragraphs])
                (articles / f"{size:04d}.txt").write_text(text, encoding="utf-8")
                size += 1
        megabytes = sum(p.stat().st_size for p in articles.iterdir()) / 1e6
        command = [sys.executable, "-m", "summarize", str(articles), "-n", "5"]
        runs = {"this version": (command, ROOT)}
        if earlier is not None:
            runs[_earlier_name(earlier)] = (command, earlier)
        times = _interleaved(runs)
    return [f"`summarize FOLDER -n 5` on 500 DUC 2006 articles ({megabytes:.1f} MB), whole "
            "process, median of 5 runs, interleaved:", "", *_listed(times)]


def segmentation(folder: Path) -> list[str]:
    from benchmarks.segmenters import agreement

    line = agreement([str(folder / "duc2006.jsonl"), str(folder / "duc2007-update.jsonl")])
    return ["The segmenter (clear sentence ends first, syntok for the rest) against syntok over "
            "whole paragraphs (before), on every paragraph of DUC 2006 and DUC 2007 update:",
            "", line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devsets", type=Path, nargs="?", default=Path("devsets"))
    parser.add_argument("--against", type=Path, help="a checkout of an earlier version, "
                        "timed beside this one")
    args = parser.parse_args()
    folder = args.devsets
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    ablation_lines, _ = ablation(folder)
    parts = [
        f"Generated by `python benchmarks/devsets.py DEVSETS` on {started}. ROUGE recall x100, "
        "references pooled, summaries and references cut to the word limit.",
        "", "### Our scorer against NIST's", "", *official_check(folder),
        "", "### Ablation: ROUGE-1 / ROUGE-2 recall", "", *ablation_lines,
        "", "### Readability of the default briefs", "", *readability(folder),
        "", "### Every development shape", "",
        "The shapes of benchmarks/shapes.py: DUC 2001 and 2002, each DUC 2007 set as a "
        "generic cluster, DUC 2006 subsampled to 10, 5, 3 and 2 articles (3 draws; their "
        "references summarise all 25 articles, so compare systems with each other there), "
        "DUC 2006 whole, the update task, the seeds. `summarize` uses the shipped learned "
        "weights, fitted on these sets (in-sample here; the cross-validated figures are "
        "`benchmarks/fit_concepts.py --evaluate`'s).", "", *shape_table(folder),
        "", "### Time", "", *batch_time(folder, args.against), "",
        *large_input_time(folder, args.against), "",
        "### Segmentation", "", *segmentation(folder), "",
    ]
    (ROOT / "benchmarks" / "devsets.md").write_text("\n".join(parts), encoding="utf-8")
    print("wrote benchmarks/devsets.md", file=sys.stderr)


if __name__ == "__main__":
    main()
