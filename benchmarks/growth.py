"""How the cost of a brief grows with its input, and the start-up we add to our libraries.

    python benchmarks/growth.py [--devsets DEVSETS] [--out benchmarks/growth.md]

The goals of issue 18, as ratios measured in one run (a shared, noisy machine keeps ratios
where it scatters absolute times). Every figure is a whole process's CPU time (user + system,
from ``wait4``'s rusage, children included; wall time beside it), the median of several
rounds run round robin:

- ``summarize FOLDER -n 5`` on synthetic news-like corpora (``benchmarks/corpus.py``: real
  English word frequencies) of 2,000, 12,000 and 50,000 sentences, against a one-sentence run;
  peak memory of the 50,000-sentence run;
- start-up: a brief of the smallest story (two articles of three sentences: the exact
  selection runs, so scipy.optimize is imported, as in every brief of a story; the one-sentence
  run skips it) less ``python -c "import sklearn.feature_extraction.text, scipy.optimize"``
  (the libraries' own cost, which we do not count as ours), run with OpenBLAS on one thread
  as the command runs it (``OPENBLAS_NUM_THREADS=1``), and beside it with Python's default
  threads; ``--help``;
- ``summarize batch`` on 50 clusters of 10 articles (DUC 2006's first 10 articles of each
  cluster with ``--devsets``, else synthetic clusters), ``-j 2`` against ``-j 1``, wall time;
  beside it the machine's own ceiling, in the same rounds: two CPU-bound Python processes
  started together against one after the other, paired within each round (on a shared
  machine it is often well under 2);
- ``summarize digest`` of 2,000 synthetic articles, and whether 20,000 finish under 2 GB
  (run under an address-space limit: a run past it fails, and says so).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.batch import write_dataset  # noqa: E402
from benchmarks.corpus import sentence, vocabulary, write_corpus  # noqa: E402

BIN = Path(sys.executable).parent
LIBRARIES = [sys.executable, "-c", "import sklearn.feature_extraction.text, scipy.optimize"]
SUMMARIZE = [str(BIN / "summarize")]
SIZES = (2_000, 12_000, 50_000)
ROUNDS = 5
DIGEST_LIMIT = 2 * 1024 ** 3  # bytes of address space for the 20,000-article digest
TWO_ARTICLES = {
    "a.txt": "Rail strike halts trains across the country\n\nTrain drivers began a two-day "
             "strike on Monday over pay. Most long-distance services were cancelled. The union "
             "said talks with the operator had failed.\n",
    "b.txt": "Drivers strike over pay\n\nA national rail strike by train drivers stopped most "
             "services on Monday. The operator called the strike unnecessary. Commuters "
             "crowded onto buses in the capital.\n",
}


def cpu(command: list[str], *, limit: int | None = None) -> tuple[float, float, float, bool]:
    """CPU seconds, wall seconds, peak RSS (MiB) of one run, and whether it succeeded (exit 0,
    or 3: some input skipped, the rest done)."""
    def cap() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=cap if limit is not None else None)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return (usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024,
            os.waitstatus_to_exitcode(status) in (0, 3))


def rounds(commands: dict[str, list[str]], repeats: int) -> dict[str, list[tuple[float, ...]]]:
    """Each command ``repeats`` times, round robin, so that drift touches all alike."""
    runs: dict[str, list[tuple[float, ...]]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(cpu(command)[:3])
    return runs


SPIN = [sys.executable, "-c", "n = 0\nfor i in range(8_000_000):\n    n += i"]


def together(command: list[str], copies: int) -> float:
    """Wall seconds until ``copies`` runs of ``command``, started at once, have all ended."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command) for _ in range(copies)]
    for process in processes:
        process.wait()
    return time.perf_counter() - start


def median(values: list[tuple[float, ...]], field: int = 0) -> float:
    return statistics.median(v[field] for v in values)


def batch_dataset(path: Path, devsets: Path | None) -> str:
    if devsets is not None and (devsets / "duc2006.jsonl").exists():
        with (devsets / "duc2006.jsonl").open(encoding="utf-8") as source, \
                path.open("w", encoding="utf-8") as out:
            for line in source:
                cluster = json.loads(line)
                out.write(json.dumps({"id": cluster["id"],
                                      "documents": cluster["documents"][:10]}) + "\n")
        return "DUC 2006, first 10 articles of each of 50 clusters"
    write_dataset(path, 50, articles=10, sentences=25, longest=30)
    return "synthetic, 50 clusters of 10 articles of 25 sentences"


def digest_folder(folder: Path, articles: int, seed: int = 11) -> None:
    """``articles`` short articles in stories of 2 to 8, each story with its own words."""
    rng = random.Random(seed)
    words, weights = vocabulary()
    folder.mkdir(parents=True)
    written = 0
    while written < articles:
        story = rng.sample(words[300:20000], 15)
        for _ in range(min(rng.randint(2, 8), articles - written)):
            lines = [sentence(rng, words, weights, story, shortest=8, longest=24, swaps=(2, 4))
                     for _ in range(8)]
            headline = " ".join(rng.sample(story, 4)).capitalize()
            (folder / f"a{written:05d}.txt").write_text(headline + "\n\n" + "\n".join(lines)
                                                       + "\n", encoding="utf-8")
            written += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devsets", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "growth.md")
    parser.add_argument("--no-digest", action="store_true", help="skip the digest rows")
    args = parser.parse_args(argv)
    lines = [f"Generated by `python benchmarks/growth.py` on "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; CPU seconds (user + "
             f"system) of whole processes and wall seconds, medians of {ROUNDS} rounds run round "
             "robin.", ""]
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        one = tmp / "one"
        one.mkdir()
        (one / "a.txt").write_text("One short article has exactly one sentence in it.\n")
        two = tmp / "two"  # the smallest story: the exact selection runs (scipy.optimize)
        two.mkdir()
        for name, text in TWO_ARTICLES.items():
            (two / name).write_text(text, encoding="utf-8")
        for size in SIZES:
            write_corpus(tmp / f"s{size}", size)
        commands = {"one sentence": [*SUMMARIZE, str(one), "-n", "1"],
                    "two articles": [*SUMMARIZE, str(two), "-n", "2"],
                    "--help": [*SUMMARIZE, "--help"],
                    # the command runs OpenBLAS on one thread (README, "Evaluation and
                    # benchmarks"): the peer too, for a like-for-like start-up; and as Python
                    # starts it by default, one helper thread a core
                    "libraries": ["env", "OPENBLAS_NUM_THREADS=1", *LIBRARIES],
                    "libraries, default threads": LIBRARIES}
        commands.update({f"{size:,} sentences": [*SUMMARIZE, str(tmp / f"s{size}"), "-n", "5"]
                         for size in SIZES})
        runs = rounds(commands, ROUNDS)
        base = median(runs["one sentence"])
        lines += ["| input | CPU s | x a one-sentence run | wall s | peak MiB |",
                  "|---|---:|---:|---:|---:|"]
        for name in ("one sentence", *(f"{size:,} sentences" for size in SIZES)):
            lines.append(f"| {name} | {median(runs[name]):.2f} | "
                         f"{median(runs[name]) / base:.2f} | {median(runs[name], 1):.2f} | "
                         f"{max(r[2] for r in runs[name]):.0f} |")
        ratio = {size: median(runs[f"{size:,} sentences"]) / base for size in SIZES}
        peak = max(r[2] for r in runs[f"{SIZES[-1]:,} sentences"])
        startup = median(runs["two articles"]) - median(runs["libraries"])
        lines += ["", f"Start-up we add: a brief of two articles of three sentences "
                  f"({median(runs['two articles']):.2f} s CPU; one sentence: {base:.2f} s) "
                  "less importing "
                  f"scikit-learn's text features and scipy.optimize with OpenBLAS on one "
                  f"thread, as the command runs it ({median(runs['libraries']):.2f} s; "
                  f"{median(runs['libraries, default threads']):.2f} s with Python's default "
                  f"threads): **{startup:.2f} s**. `--help`: "
                  f"{median(runs['--help']):.2f} s CPU, {median(runs['--help'], 1):.2f} s wall.",
                  ""]
        dataset = tmp / "batch.jsonl"
        described = batch_dataset(dataset, args.devsets)
        walls: dict[int, list[float]] = {1: [], 2: []}
        ceilings = []  # per round: two spins one after the other, over two at once
        for _ in range(ROUNDS):
            for workers in (1, 2):
                out = tmp / f"batch-{workers}.jsonl"
                walls[workers].append(cpu([*SUMMARIZE, "batch", str(dataset), "-o", str(out),
                                           "--restart", "-j", str(workers)])[1])
            ceilings.append((together(SPIN, 1) + together(SPIN, 1)) / together(SPIN, 2))
        same = (tmp / "batch-1.jsonl").read_bytes() == (tmp / "batch-2.jsonl").read_bytes()
        one_worker, two = statistics.median(walls[1]), statistics.median(walls[2])
        ceiling = statistics.median(ceilings)
        lines += [f"`summarize batch` ({described}), wall seconds: `-j 1` {one_worker:.2f}, "
                  f"`-j 2` {two:.2f}: **{one_worker / two:.2f}x**; outputs "
                  f"{'byte-identical' if same else 'DIFFERENT'}. The machine's ceiling in the "
                  f"same rounds: two CPU-bound processes at once finish {ceiling:.2f}x sooner "
                  "than one after the other (median of the rounds' ratios; "
                  f"{min(ceilings):.2f}x to {max(ceilings):.2f}x).", ""]
        digest = "not run"
        if not args.no_digest:
            for articles in (2_000, 20_000):
                digest_folder(tmp / f"d{articles}", articles)
            small = [cpu([*SUMMARIZE, "digest", str(tmp / "d2000"), "-o",
                          str(tmp / "d2000.txt")]) for _ in range(3)]
            large = cpu([*SUMMARIZE, "digest", str(tmp / "d20000"), "-o",
                         str(tmp / "d20000.txt")], limit=DIGEST_LIMIT)
            small_cpu = statistics.median(s[0] for s in small)
            digest = (f"finished, {large[2]:.0f} MiB, {large[0] / small_cpu:.1f}x"
                      if large[3] else "failed")
            lines.append(f"`summarize digest` of 2,000 synthetic articles: "
                         f"{statistics.median(s[0] for s in small):.2f} s CPU, peak "
                         f"{max(s[2] for s in small):.0f} MiB. 20,000 articles under a 2 GiB "
                         "address-space limit: " + (
                             f"finished, {large[0]:.2f} s CPU "
                             f"({large[0] / statistics.median(s[0] for s in small):.1f}x), "
                             f"peak {large[2]:.0f} MiB." if large[3] else
                             f"**failed** after {large[1]:.1f} s (the stories' dense "
                             "similarity matrix grows with the square of the articles)."))
    lines += ["", "| measure | before (issue 18) | now | goal |", "|---|---:|---:|---:|",
              f"| 12,000 sentences, x a one-sentence run | 3.4 | {ratio[12_000]:.2f} | "
              "at most 1.8 |",
              f"| 50,000 sentences, x a one-sentence run | 12.9 | {ratio[50_000]:.2f}, "
              f"{peak:.0f} MiB | at most 5, under 1 GB |",
              f"| start-up we add | not measured | {startup:.2f} s | at most 0.15 s |",
              f"| `--help` | 0.08-0.3 s | {median(runs['--help'], 1):.2f} s | unchanged |",
              f"| `batch -j 2` against `-j 1` | slower | {one_worker / two:.2f}x (the machine's "
              f"ceiling: {ceiling:.2f}x) | at least 1.6x |",
              f"| `digest` of 20,000 articles | over the limit | {digest} | under 2 GB, "
              "within 10x of 2,000 |"]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
