"""Cron-grade behaviour: --new-only, logging, scheduling, overlapping runs."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import Config
from tests.conftest import SEEDS

runner = CliRunner()
COMMAND = str(Path(sys.executable).parent / "summarize")


def _news(folder: Path, *names: str) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text((SEEDS / name).read_text())


def test_new_only_across_two_runs(tmp_path: Path) -> None:
    news, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    _news(news, "000_2d151e24d6b0ac8d.txt")
    args = [str(news), "-n", "2", "--new-only", "--state", str(state), "--format", "json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0
    assert json.loads(first.stdout)["stats"]["articles"] == 1
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stdout == ""
    assert "no new articles" in again.stderr
    _news(news, "001_f02f93ed7a01a5c3.txt")
    third = runner.invoke(app, args)
    document = json.loads(third.stdout)
    assert [a["name"] for a in document["articles"]] == ["001_f02f93ed7a01a5c3.txt"]


def test_new_only_failed_run_loses_nothing(tmp_path: Path) -> None:
    news, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    _news(news, "000_2d151e24d6b0ac8d.txt")
    blocked = tmp_path / "file"
    blocked.write_text("")
    failed = runner.invoke(app, [str(news), "--new-only", "--state", str(state),
                                 "-o", str(blocked / "brief.md")])
    assert failed.exit_code == 73
    good = runner.invoke(app, [str(news), "--new-only", "--state", str(state),
                               "-o", str(tmp_path / "brief.md")])
    assert good.exit_code == 0
    assert (tmp_path / "brief.md").read_text().startswith("# Kerry backs Iraq")


def test_new_only_nothing_new_writes_no_empty_brief_unless_asked(tmp_path: Path) -> None:
    news, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    _news(news, "000_2d151e24d6b0ac8d.txt")
    out = tmp_path / "brief.txt"
    base = [str(news), "--new-only", "--state", str(state), "-o", str(out)]
    assert runner.invoke(app, base).exit_code == 0
    out.unlink()
    assert runner.invoke(app, base).exit_code == 0
    assert not out.exists()
    assert runner.invoke(app, [*base, "--write-empty"]).exit_code == 0
    assert out.read_text() == "No new articles since the last run\n"
    as_json = tmp_path / "brief.json"
    assert runner.invoke(app, [*base[:-1], str(as_json), "--write-empty"]).exit_code == 0
    document = json.loads(as_json.read_text())
    assert document["title"] == "No new articles since the last run"
    assert document["sentences"] == [] and document["stats"]["articles"] == 0


def test_verbose_and_log_file(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    result = runner.invoke(app, ["-n", "2", "--verbose", "--log-file", str(log)])
    assert result.exit_code == 0
    assert "read 2 article(s)" in result.stderr and "merged" in result.stderr
    runner.invoke(app, ["/no/such/file", "--log-file", str(log)])
    lines = log.read_text().splitlines()
    assert any("INFO read 2 article(s)" in line for line in lines)
    assert any("ERROR input not found: /no/such/file" in line for line in lines)
    assert all(line[:4].isdigit() and "summarize[" in line for line in lines if "hint" not in line)


def test_schedule_shows_runs_and_absolute_line(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schedule", "30 6 * * 1-5", "--", "-n", "5", "-o",
                                 "briefs/{date:%Y-%m-%d}.md", "-c", "my.toml", "news"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Next runs: ") and lines[0].count(":") == 4
    line = lines[1]
    assert line.startswith("30 6 * * 1-5 /")
    assert f"-o '{tmp_path}/briefs/{{date:\\%Y-\\%m-\\%d}}.md'" in line
    assert f"-c {tmp_path}/my.toml" in line and f"{tmp_path}/news" in line
    assert "-n 5 " in line and line.endswith("# summarize:default")


def test_schedule_install_replaces_and_remove(tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_text("15 * * * * /usr/bin/other-job\n")
    for size in ("5", "3"):
        result = runner.invoke(app, ["schedule", "0 7 * * *", "--install", "--crontab-file",
                                     str(tab), "--", "-n", size])
        assert result.exit_code == 0, result.output
    ours = [line for line in tab.read_text().splitlines() if "summarize:default" in line]
    assert len(ours) == 1 and " -n 3 " in ours[0]
    assert "/usr/bin/other-job" in tab.read_text()
    listed = runner.invoke(app, ["schedule", "--list", "--crontab-file", str(tab)])
    assert listed.stdout.strip() == ours[0]
    assert runner.invoke(app, ["schedule", "--remove", "--crontab-file", str(tab)]).exit_code == 0
    assert "summarize" not in tab.read_text() and "other-job" in tab.read_text()


def test_schedule_rejects_bad_expression() -> None:
    result = runner.invoke(app, ["schedule", "61 * * * *"])
    assert result.exit_code == 2
    assert "not a valid cron expression" in result.stderr


def test_overlapping_runs_one_waits_for_the_other(tmp_path: Path) -> None:
    """Two real processes on one output: with no wait the second exits 75 while the first
    holds the lock; with a wait both succeed and the file is complete."""
    out = tmp_path / "brief.json"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time\nfrom pathlib import Path\n"
        "from summarize.unattended.output import output_lock\n"
        f"with output_lock(Path({str(out)!r}), 0):\n"
        "    print('held', flush=True)\n    time.sleep(3)\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    blocked = subprocess.run([COMMAND, "-n", "2", "-o", str(out), "--lock-timeout", "0"],
                             capture_output=True, text=True, check=False)
    assert blocked.returncode == 75
    assert f"is locked by summarize pid {holder.pid} (started " in blocked.stderr
    started = time.monotonic()
    waited = subprocess.run([COMMAND, "-n", "2", "-o", str(out), "--lock-timeout", "30"],
                            capture_output=True, text=True, check=False)
    holder.wait()
    assert waited.returncode == 0 and time.monotonic() - started > 0.5
    assert json.loads(out.read_text())["budget"]["requested"] == "2 sentences"
    concurrent = [subprocess.Popen([COMMAND, "-n", str(k), "-o", str(out)],
                                   stderr=subprocess.PIPE) for k in (1, 2, 3)]
    assert all(p.wait() == 0 for p in concurrent)
    assert len(json.loads(out.read_text())["sentences"]) in (1, 2, 3)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_internal_failure_exits_1_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.brief.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(summarize.brief.pipeline, "summarize_articles", broken)
    result = runner.invoke(app, ["-n", "2"])
    assert result.exit_code == 1
    assert "internal error: RuntimeError: simulated bug" in result.stderr
    assert "Traceback" not in result.output


def test_force_color_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = runner.invoke(app, ["-n", "1"])
    assert "\x1b[" in forced.stdout  # rich: FORCE_COLOR makes any stream a terminal
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in runner.invoke(app, ["-n", "1"]).stdout


OLD_NEWS = ("Militants seized the northern town of Tal Afar on Monday, officials said.\n"
            "The militants control several roads leading to the capital city now.\n")
UPDATE = ("Militants seized the northern town of Tal Afar on Monday, officials said again.\n"
          "Government troops retook the airport on Friday after heavy fighting overnight.\n")


def test_background_files_leave_out_what_the_reader_knows(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text(OLD_NEWS)
    (tmp_path / "new.txt").write_text(UPDATE)
    plain = runner.invoke(app, [str(tmp_path / "new.txt"), "-n", "1"])
    assert plain.exit_code == 0 and "Tal Afar" in plain.stdout  # the lead, on its own
    update = runner.invoke(app, [str(tmp_path / "new.txt"), "-n", "1", "--background",
                                 str(tmp_path / "old.txt")])
    assert update.exit_code == 0, update.output
    assert "retook the airport" in update.stdout and "Tal Afar" not in update.stdout
    missing = runner.invoke(app, [str(tmp_path / "new.txt"), "--background", "/no/such"])
    assert missing.exit_code == 66


def test_new_only_uses_what_earlier_runs_saw_as_background(tmp_path: Path) -> None:
    news, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    news.mkdir()
    (news / "monday.txt").write_text(OLD_NEWS)
    args = [str(news), "-n", "1", "--new-only", "--state", str(state), "--verbose"]
    assert runner.invoke(app, args).exit_code == 0
    # the old file is gone by the next run: its text comes from the record
    (news / "monday.txt").unlink()
    (news / "friday.txt").write_text(UPDATE)
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "1 background article(s)" in second.stderr
    assert "retook the airport" in second.stdout and "Tal Afar" not in second.stdout


def test_a_state_from_the_first_release_is_read_and_upgraded(tmp_path: Path) -> None:
    import sqlite3

    from summarize.inputs.files import read_articles
    from summarize.unattended.seen import fingerprint

    news, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    _news(news, "000_2d151e24d6b0ac8d.txt")
    article = read_articles([str(news)], Config().reader).articles[0]
    old = sqlite3.connect(state)  # the first release's schema: hashes only, user_version 0
    with old:
        old.execute("CREATE TABLE seen (hash TEXT PRIMARY KEY, source TEXT NOT NULL, "
                    "first_seen TEXT NOT NULL)")
        old.execute("INSERT INTO seen VALUES (?, ?, ?)",
                    (fingerprint(article), "x", "2026-01-01T00:00:00+00:00"))
    old.close()
    result = runner.invoke(app, [str(news), "--new-only", "--state", str(state)])
    assert result.exit_code == 0 and "no new articles" in result.stderr  # still seen
    upgraded = sqlite3.connect(state)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == 3
    assert upgraded.execute("SELECT COUNT(*) FROM seen").fetchone()[0] == 1
    assert upgraded.execute("SELECT COUNT(*) FROM content").fetchone()[0] == 0
    upgraded.execute("PRAGMA user_version = 9")
    upgraded.commit()
    upgraded.close()
    newer = runner.invoke(app, [str(news), "--new-only", "--state", str(state)])
    assert newer.exit_code == 73 and "newer" in newer.stderr


def test_background_articles_may_come_numbered_any_way() -> None:
    """Background from several sources (files, the --new-only record) need not be numbered
    0..n-1 by the caller: summarize_articles numbers them itself."""
    from dataclasses import replace

    from summarize.brief.pipeline import summarize_articles
    from summarize.inputs.files import split_article

    config = Config()
    headline, old = split_article(OLD_NEWS, config.reader)
    _, new = split_article(UPDATE, config.reader)
    from summarize.model import Article

    known = Article(7, "old", "old", headline, tuple(old))
    brief = summarize_articles([Article(0, "new", "new", None, tuple(new))],
                               replace(config, budget=replace(config.budget, size=1)),
                               background=[known, replace(known, id=7)])
    assert [c.sentence.text for c in brief.chosen] == [
        "Government troops retook the airport on Friday after heavy fighting overnight."]
