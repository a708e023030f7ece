"""Hostile and broken input: a one-line message, the right exit code, the rest summarised."""

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summarize.brief.pipeline import summarize_articles
from summarize.cli import app
from summarize.config import Config, ReaderConfig
from summarize.errors import SummarizeError
from summarize.inputs.files import read_articles, split_article
from summarize.text.clean import clean, decode
from tests.conftest import SEEDS

runner = CliRunner()
GOOD = (SEEDS / "000_2d151e24d6b0ac8d.txt").read_text()


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD)
    return path


def test_binary_files_in_a_folder_are_skipped(tmp_path: Path) -> None:
    _good(tmp_path)
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x" * 1000)
    (tmp_path / "archive.md").write_bytes(buffer.getvalue())
    result = runner.invoke(app, [str(tmp_path), "-n", "2"])
    assert result.exit_code == 3  # written; some input unusable
    assert "photo.txt: not text" in result.stderr and "archive.md: not text" in result.stderr
    assert "Kerry" in result.stdout


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = GOOD.replace("Kerry", "Kérry").replace("'intense'", "\u2018intense\u2019")
    if encoding == "latin-1":
        text = text.replace("\u2018", "'").replace("\u2019", "'")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    result = runner.invoke(app, [str(tmp_path / "a.txt"), "-n", "3"])
    assert result.exit_code == 0, result.stderr
    assert "Kérry" in result.stdout


def test_invalid_utf8_bytes_do_not_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD.encode() + b"\n\xc3\x28 broken \xa0\xa1 bytes.\n")
    result = runner.invoke(app, [str(tmp_path / "a.txt"), "-n", "2"])
    assert result.exit_code == 0
    assert "Traceback" not in result.output


def test_headline_only_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "headline.txt").write_text("Kerry backs Iraq against militant threat\n")
    (tmp_path / "spaces.txt").write_text(" \t \n\n  ")
    result = runner.invoke(app, [str(tmp_path)])
    assert result.exit_code == 65
    assert "headline.txt: no text besides a headline" in result.stderr


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 300 MB on paper, nothing on disk
        handle.truncate(300 * 1024 * 1024)
    _good(tmp_path)
    result = runner.invoke(app, [str(tmp_path), "-n", "1"])
    assert result.exit_code == 3  # written; some input unusable
    assert "huge.txt: larger than the 50,000,000-byte limit" in result.stderr


def test_several_megabyte_line_without_punctuation(tmp_path: Path) -> None:
    words = [f"word{i % 5000}" for i in range(600_000)]  # ~5 MB, one line
    (tmp_path / "line.txt").write_text(" ".join(words))
    started = time.perf_counter()
    result = runner.invoke(app, [str(tmp_path / "line.txt"), "-n", "1"])
    assert time.perf_counter() - started < 120  # linear; a quadratic path takes hours
    assert result.exit_code == 0


def test_escape_sequences_never_reach_the_output(tmp_path: Path) -> None:
    nasty = ("Kerry \x1b[31mpledged\x1b[0m support \x1b]8;;http://evil\x1b\\to Baghdad\x1b]8;;"
             "\x1b\\ on Monday in a visit. \x1b]52;c;cm0gLXJmIC8=\x07The [bold red]militants"
             "[/bold red] seized \x1b[2J\x1b[Hthe town of Tal Afar on Monday.\n")
    (tmp_path / "a.txt").write_text(nasty)
    out = tmp_path / "brief.md"
    for args in ([str(tmp_path / "a.txt")], [str(tmp_path / "a.txt"), "-o", str(out)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        text = result.stdout + (out.read_text() if out.exists() else "")
        assert "\x1b" not in text and "\x07" not in text
    assert "[bold red]militants[/bold red]" in runner.invoke(app, [str(tmp_path)]).stdout


def test_unreadable_file_and_symlink_loop(tmp_path: Path) -> None:
    _good(tmp_path)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    secret.chmod(0)
    result = runner.invoke(app, [str(tmp_path), "-n", "1"])
    assert result.exit_code == 3  # written; some input unusable
    assert "self.txt: cannot read" in result.stderr
    if os.geteuid() != 0:  # root reads anything
        assert "secret.txt: cannot read" in result.stderr


def test_many_small_files_and_odd_names(tmp_path: Path) -> None:
    folder = tmp_path / "dossier de presse é"
    folder.mkdir()
    sentences = GOOD.splitlines()[1:]
    for i in range(10_000):
        (folder / f"article {i:05d} ü.txt").write_text(sentences[i % len(sentences)] + "\n")
    result = runner.invoke(app, [str(folder), "-n", "3", "--format", "json"])
    assert result.exit_code == 0
    assert '"articles": 10000' in result.stdout.replace('"articles": [', "")


def test_malformed_config_and_unwritable_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[selection\nredundancy = ")
    assert runner.invoke(app, ["--config", str(bad)]).exit_code == 2
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    result = runner.invoke(app, ["-o", str(locked / "brief.txt")])
    if os.geteuid() != 0:
        assert result.exit_code == 73
    locked.chmod(0o700)


def _fuzz_config() -> Config:
    return Config(reader=ReaderConfig(max_file_bytes=100_000))


FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@settings(max_examples=60, **FUZZ)
@given(st.binary(max_size=3000))
def test_fuzz_reader_with_random_bytes(tmp_path: Path, data: bytes) -> None:
    text = decode(data)
    if text is not None:
        cleaned = clean(text)
        assert "\x1b" not in cleaned
        split_article(text, ReaderConfig())


@settings(max_examples=40, **FUZZ)
@given(st.lists(st.one_of(st.binary(max_size=800), st.text(max_size=800)), min_size=1,
                max_size=3))
def test_fuzz_pipeline_only_documented_errors(tmp_path: Path, files: list) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for i, content in enumerate(files):
        path = folder / f"{i}.txt"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        config = _fuzz_config()
        brief = summarize_articles(read_articles([str(folder)], config.reader).articles, config)
    except SummarizeError as error:
        assert error.exit_status in (65, 66)
        return
    ids = [c.sentence.id for c in brief.chosen]
    assert len(set(ids)) == len(ids) <= 5  # no sentence twice, the default budget kept


def test_tmux_terminal_and_pipe(tmp_path: Path) -> None:
    """A real terminal of fixed size shows the rich brief; the same command piped is plain."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    command = str(Path(sys.executable).parent / "summarize")
    session = f"summarize-test-{os.getpid()}"
    done = tmp_path / "done"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "90", "-y", "40",
                    f"{command} -n 3; touch {done}; sleep 30"], check=True,
                   env={**os.environ, "TERM": "xterm-256color"})
    try:
        for _ in range(150):
            if done.exists():
                break
            time.sleep(0.1)
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], check=True,
                                capture_output=True, text=True).stdout
        coloured = subprocess.run(["tmux", "capture-pane", "-p", "-e", "-t", session],
                                  check=True, capture_output=True, text=True).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    lines = screen.splitlines()
    assert lines[0] == "Kerry backs Iraq against militant threat"
    assert all(len(line) <= 90 for line in lines)
    assert any(line.startswith("   ") for line in lines)  # wrapped with a hanging indent
    assert "\x1b[" in coloured  # styled in a terminal
    piped = subprocess.run([command, "-n", "3"], capture_output=True, text=True, check=True)
    assert "\x1b" not in piped.stdout
    assert piped.stdout.splitlines()[0] == lines[0]
