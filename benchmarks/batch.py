"""``summarize batch`` at scale: clusters per second at 1 and 2 workers and on a local Dask
cluster, with peak memory per worker process.

    python benchmarks/batch.py [--clusters 10000]      (make bench runs it)

The clusters are synthetic (``benchmarks/corpus.py``'s word frequencies): 3 articles of 6
sentences each, 5-sentence briefs. Every run is a whole ``summarize batch`` process writing a
file; the outputs of all runs must be byte-identical, or the benchmark fails. Peak memory per
worker is the largest peak resident set (``VmHWM``) of any process that did the work: the
``summarize`` process itself with one worker, its loky worker processes with two, and the Dask
workers (asked through the scheduler) on the Dask cluster.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def write_dataset(path: Path, clusters: int, seed: int = 7, *, articles: int = 3,
                  sentences: int = 6, longest: int = 24) -> None:
    """``clusters`` synthetic clusters of ``articles`` articles of ``sentences`` sentences."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import sentence, vocabulary

    rng = random.Random(seed)
    words, weights = vocabulary()
    with path.open("w", encoding="utf-8") as out:
        for k in range(clusters):
            story = rng.sample(words[300:5000], 12)
            documents = []
            for d in range(articles):
                text = "\n".join(sentence(rng, words, weights, story, shortest=8,
                                          longest=longest) for _ in range(sentences))
                documents.append({"id": f"d{d}", "title": "", "text": text})
            out.write(json.dumps({"id": f"c{k:05d}", "documents": documents}) + "\n")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _peak_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_local(dataset: Path, out: Path, workers: int) -> tuple[float, float]:
    """Wall seconds, and the largest peak RSS (MiB) of the process or its workers."""
    command = [str(BIN / "summarize"), "batch", str(dataset), "-o", str(out), "--restart",
               "-j", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    while process.poll() is None:
        tree = [process.pid]
        for pid in list(tree):
            tree += _children(pid)
        for pid in tree:
            peaks[pid] = max(peaks.get(pid, 0), _peak_kib(pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed")
    workers_only = [v for p, v in peaks.items() if p != process.pid] if workers > 1 else []
    return elapsed, max(workers_only or [peaks.get(process.pid, 0)]) / 1024


def run_dask(dataset: Path, out: Path, workers: int) -> tuple[float, float]:
    from distributed import Client, LocalCluster

    with LocalCluster(host="127.0.0.1", n_workers=workers, threads_per_worker=1,
                      processes=True, dashboard_address=None) as cluster, \
            Client(cluster.scheduler_address) as client:
        command = [str(BIN / "summarize"), "batch", str(dataset), "-o", str(out), "--restart",
                   "--scheduler", cluster.scheduler_address]
        start = time.perf_counter()
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        peaks = client.run(lambda: _peak_kib(os.getpid()))
    return elapsed, max(peaks.values()) / 1024


def measure(clusters: int) -> list[tuple[str, float, float]]:
    """(setting, clusters per second, peak MiB per worker) for each setting."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "clusters.jsonl"
        write_dataset(dataset, clusters)
        outputs = []
        for name, run, workers in (("1 worker", run_local, 1), ("2 workers", run_local, 2),
                                   ("local Dask cluster, 2 workers", run_dask, 2)):
            out = Path(tmp) / f"out{len(outputs)}.jsonl"
            seconds, mib = run(dataset, out, workers)
            outputs.append(out.read_bytes())
            rows.append((name, clusters / seconds, mib))
        if len(set(outputs)) != 1:
            raise RuntimeError("the settings wrote different outputs")
    return rows


def table(clusters: int, rows: list[tuple[str, float, float]]) -> list[str]:
    lines = [f"`summarize batch` on {clusters:,} synthetic clusters (3 articles of 6 sentences, "
             "5-sentence briefs), whole process including start-up; the three outputs are "
             "byte-identical.", "",
             "| setting | clusters per second | peak memory per worker (MiB) |",
             "|---|---:|---:|"]
    lines += [f"| {name} | {rate:.1f} | {mib:.0f} |" for name, rate, mib in rows]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=10_000)
    clusters = parser.parse_args().clusters
    print("\n".join(table(clusters, measure(clusters))))


if __name__ == "__main__":
    main()
