import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from summarize.cli import app
from summarize.errors import OutputError, UsageError
from summarize.unattended.output import expand_template, format_for, write_atomic

runner = CliRunner()
NOW = datetime.datetime(2026, 11, 22, 7, 5, 9)


def test_templates() -> None:
    assert expand_template("briefs/{date}.md", NOW) == Path("briefs/2026-11-22.md")
    assert expand_template("b/{date:%Y%m%d}-{time}.txt", NOW) == Path("b/20261122-070509.txt")
    with pytest.raises(UsageError):
        expand_template("b/{user}.md", NOW)


def test_format_follows_suffix_unless_asked() -> None:
    assert format_for(Path("x.md"), None) == "markdown"
    assert format_for(Path("x.JSON"), None) == "json"
    assert format_for(Path("x.txt"), None) == "text"
    assert format_for(Path("x.md"), "json") == "json"


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("yesterday's complete brief\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "today's brief\n")
    assert target.read_text() == "yesterday's complete brief\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]


def test_killed_run_never_leaves_a_partial_brief(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("old\n")
    code = ("import os, signal\n"
            "from pathlib import Path\n"
            "import summarize.unattended.output as o\n"
            "def die(src, dst): os.kill(os.getpid(), signal.SIGKILL)\n"
            "o.os.replace = die\n"
            f"o.write_atomic(Path({str(target)!r}), 'new ' * 100000)\n")
    process = subprocess.run([sys.executable, "-c", code], check=False)
    assert process.returncode == -9
    assert target.read_text() == "old\n"  # the killed run's text never replaced it


def test_cli_writes_with_template_and_creates_folders(tmp_path: Path) -> None:
    result = runner.invoke(app, ["-n", "2", "-o", str(tmp_path / "x" / "{date:%Y}" / "b.json")])
    assert result.exit_code == 0, result.output
    written = list((tmp_path / "x").glob("*/b.json"))
    assert len(written) == 1 and written[0].read_text().startswith("{")


def test_lock_held_exits_75(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    with FileLock(tmp_path / ".brief.txt.lock"):
        result = runner.invoke(app, ["-n", "2", "-o", str(target), "--lock-timeout", "0.2"])
    assert result.exit_code == 75
    assert "is locked by another summarize run" in result.stderr
    assert not target.exists()


def test_unwritable_output_exits_73(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["-n", "2", "-o", str(blocker / "sub" / "b.txt")])
    assert result.exit_code == 73
    assert "cannot write" in result.stderr


def test_quiet_prints_no_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The army retook the crossing on Monday, officials said.\n")
    loud = runner.invoke(app, [str(tmp_path / "a.txt"), "-n", "3"])
    quiet = runner.invoke(app, [str(tmp_path / "a.txt"), "-n", "3", "--quiet"])
    assert "only 1 sentence" in loud.stderr
    assert quiet.stderr == ""


def test_runs_as_cron_does(tmp_path: Path) -> None:
    """The installed command, `env -i` with a minimal PATH, no HOME, no terminal."""
    command = Path(sys.executable).parent / "summarize"
    target = tmp_path / "briefs" / "{date}.md"
    process = subprocess.run(
        ["env", "-i", "PATH=/usr/bin:/bin", str(command), "-n", "3", "-o", str(target)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False, cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert process.stdout == "" and process.stderr == ""
    written = list((tmp_path / "briefs").glob("*.md"))
    assert len(written) == 1
    text = written[0].read_text()
    assert text.startswith("# ") and "\x1b" not in text
    piped = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", str(command), "-n", "3"],
                           capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    assert piped.returncode == 0 and "\x1b" not in piped.stdout
    assert max(len(line) for line in piped.stdout.splitlines()) > 100  # not chopped at 80
