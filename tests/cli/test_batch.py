"""``summarize batch`` at scale: workers, resuming, a killed run, a Dask cluster, progress."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from tests.conftest import SEEDS

runner = CliRunner()
COMMAND = str(Path(sys.executable).parent / "summarize")
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _dataset(path: Path, count: int) -> Path:
    """``count`` clusters: the seed articles, each cluster with its paragraphs rotated so
    that the briefs differ."""
    lines = []
    for k in range(count):
        documents = []
        for d, text in enumerate(ARTICLES):
            paragraphs = [p for p in text.split("\n") if p.strip()]
            turn = k % max(1, len(paragraphs) - 1)
            documents.append({"id": f"d{d}", "title": paragraphs[0],
                              "text": "\n\n".join(paragraphs[1 + turn:] + paragraphs[1:1 + turn])})
        lines.append(json.dumps({"id": f"c{k:04d}", "documents": documents}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "in.jsonl", 12)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for out, workers in ((one, "1"), (two, "2")):
        result = runner.invoke(app, ["batch", str(dataset), "-o", str(out), "-j", workers])
        assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    assert _ids(one) == [f"c{k:04d}" for k in range(12)]
    assert len({json.loads(x)["summary"] for x in one.read_text().splitlines()}) > 1
    piped = runner.invoke(app, ["batch", str(dataset), "-j", "2"])
    assert piped.stdout.encode() == one.read_bytes()


def test_workers_forked_warm_and_loky_elsewhere_give_the_same_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from summarize import batch
    from summarize.config import Config
    from summarize.evaluation.dataset import Cluster, read_dataset

    dataset = _dataset(tmp_path / "in.jsonl", 6)
    clusters = [c for c in read_dataset(dataset, Config().reader) if isinstance(c, Cluster)]
    alone = list(batch.run(clusters, Config(), workers=1))
    assert list(batch.run(clusters, Config(), workers=2)) == alone  # forked, on Linux
    lines = batch.run(clusters, Config(), workers=2)
    assert [next(lines), next(lines)] == alone[:2]
    lines.close()  # a reader that stops early leaves no worker behind
    assert multiprocessing.active_children() == []
    monkeypatch.setattr(batch.sys, "platform", "darwin")  # where fork is unsafe: loky
    assert list(batch.run(clusters, Config(), workers=2)) == alone


def test_a_rerun_keeps_finished_lines_and_does_the_rest(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "in.jsonl", 6)
    full = tmp_path / "full.jsonl"
    assert runner.invoke(app, ["batch", str(dataset), "-o", str(full)]).exit_code == 0
    lines = full.read_text().splitlines()
    # an earlier run finished two clusters, then died writing the third
    marked = json.loads(lines[1])
    marked["summary"] = "kept from the earlier run"
    out = tmp_path / "out.jsonl"
    out.write_text(lines[0] + "\n" + json.dumps(marked) + "\n" + lines[2][:25])
    result = runner.invoke(app, ["batch", str(dataset), "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert "removed a half-written last line" in result.stderr
    assert "2 cluster(s) done earlier are kept, 4 to go" in result.stderr
    got = out.read_text().splitlines()
    assert got[1] == json.dumps(marked)  # not redone
    assert got[2:] == lines[2:] and got[0] == lines[0]
    again = runner.invoke(app, ["batch", str(dataset), "-o", str(out)])
    assert again.exit_code == 0 and out.read_text().splitlines() == got
    fresh = runner.invoke(app, ["batch", str(dataset), "-o", str(out), "--restart"])
    assert fresh.exit_code == 0
    assert out.read_bytes() == full.read_bytes()


def test_a_file_that_is_not_batch_output_is_refused_untouched(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "in.jsonl", 2)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = runner.invoke(app, ["batch", str(dataset), "-o", str(notes)])
    assert result.exit_code == 73
    assert "notes.txt:1 is not a line of summarize batch output" in result.stderr
    assert notes.read_text() == "my notes\n"


def test_a_killed_batch_loses_no_finished_line_and_leaves_no_half_line(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "in.jsonl", 300)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([COMMAND, "batch", str(dataset), "-o", str(out), "-j", "1"],
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    data = out.read_bytes()
    assert data.endswith(b"\n")
    finished = [json.loads(line) for line in data.splitlines()]  # every line whole JSON
    assert 0 < len(finished) < 300
    resumed = subprocess.run([COMMAND, "batch", str(dataset), "-o", str(out), "-j", "2"],
                             capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(finished)} cluster(s) done earlier are kept" in resumed.stderr
    assert _ids(out) == [f"c{k:04d}" for k in range(300)]
    assert out.read_bytes()[:len(data)] == data


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A real Dask scheduler and two worker processes on 127.0.0.1."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(host="127.0.0.1", n_workers=2, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_scheduler_gives_the_same_bytes(tmp_path: Path, dask_scheduler: str) -> None:
    assert dask_scheduler.startswith("tcp://127.0.0.1:")
    dataset = _dataset(tmp_path / "in.jsonl", 8)
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    assert runner.invoke(app, ["batch", str(dataset), "-o", str(local), "-j", "1"]
                         ).exit_code == 0
    result = subprocess.run([COMMAND, "batch", str(dataset), "-o", str(remote), "--scheduler",
                             dask_scheduler], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert remote.read_bytes() == local.read_bytes()
    by_env = subprocess.run([COMMAND, "batch", str(dataset)], capture_output=True, text=True,
                            env={**os.environ, "DASK_SCHEDULER_ADDRESS": dask_scheduler},
                            check=False)
    assert by_env.returncode == 0, by_env.stderr
    assert by_env.stdout.encode() == local.read_bytes()


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    dataset = _dataset(tmp_path / "in.jsonl", 2)
    result = runner.invoke(app, ["batch", str(dataset), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 69
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.output


def test_progress_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = _dataset(tmp_path / "in.jsonl", 3)
    quiet = runner.invoke(app, ["batch", str(dataset), "-o", str(tmp_path / "a.jsonl")])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then treats stderr as a terminal
    shown = runner.invoke(app, ["batch", str(dataset), "-o", str(tmp_path / "b.jsonl")])
    assert shown.exit_code == 0
    assert "Summarising" in shown.stderr and "3/3" in shown.stderr
