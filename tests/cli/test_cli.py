import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import __version__
from summarize.brief.discourse import leans_on_previous
from summarize.cli import app
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seeds_brief.txt"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def brief_sentences(output: str) -> list[str]:
    return [re.sub(r" \[[\d, ]+\]$", "", line.split(". ", 1)[1])
            for line in output.splitlines() if re.match(r"^\d+\. ", line)]


def test_seeds_brief_matches_golden() -> None:
    result = run("--sentences", "5")
    assert result.exit_code == 0, result.output
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_seeds_brief_is_five_distinct_sentences_from_both_articles() -> None:
    result = run("--sentences", "5", "--format", "json")
    document = json.loads(result.stdout)
    texts = [s["text"] for s in document["sentences"]]
    assert len(texts) == len(set(texts)) == 5
    assert {src["article"] for s in document["sentences"] for src in s["sources"]} == {0, 1}
    assert all(t[-1] in ".!?'\"" and t[0].isupper() for t in texts)


@pytest.mark.parametrize("algorithm", ["sumy-textrank", "luhn", "reduction", "lexrank"])
def test_sumy_algorithms_never_repeat_a_sentence(algorithm: str) -> None:
    """Run naively on the seeds, these sumy summarisers pick the same sentence twice."""
    result = run("-n", "5", "--algorithm", algorithm)
    assert result.exit_code == 0, result.output
    sentences = brief_sentences(result.stdout)
    assert len(sentences) == len(set(sentences)) == 5


def test_piped_output_has_no_escape_codes() -> None:
    result = run("-n", "3", "--explain")
    assert "\x1b" not in result.stdout
    assert "pick" in result.stdout


def test_budgets() -> None:
    words = run("--words", "60", "--format", "json")
    assert json.loads(words.stdout)["stats"]["brief_words"] <= 60
    ratio = run("--ratio", "0.1", "--format", "json")
    assert len(json.loads(ratio.stdout)["sentences"]) == 4  # 10% of 36 unique sentences


def test_order_source_sorts_by_article_then_position() -> None:
    document = json.loads(run("-n", "6", "--order", "source", "--format", "json").stdout)
    keys = [(s["sources"][0]["article"], s["sources"][0]["position"])
            for s in document["sentences"]]
    assert keys == sorted(keys)


def test_deterministic_output() -> None:
    assert run("-n", "5", "--format", "json").stdout == run("-n", "5", "--format", "json").stdout


def test_stdin_and_output_file(tmp_path: Path) -> None:
    text = (SEEDS / "000_2d151e24d6b0ac8d.txt").read_text()
    out = tmp_path / "sub" / "brief.md"
    result = run("-", "-n", "2", "--output", str(out), input=text)
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Kerry backs Iraq against militant threat\n")
    assert result.stdout == ""


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"summarize {__version__}"


def test_help_has_examples_and_every_option() -> None:
    out = run("--help").stdout
    for option in ("--sentences", "--words", "--ratio", "--algorithm", "--redundancy", "--order",
                   "--format", "--explain", "--config", "--output", "--version", "Examples"):
        assert option in out


@pytest.mark.parametrize(("args", "code", "message"), [
    (["/no/such/file.txt"], 66, "input not found"),
    (["-n", "2", "-w", "10"], 2, "choose one budget"),
    (["--ratio", "1.5"], 2, "--ratio must be"),
    (["--algorithm", "magic"], 2, "magic"),
    (["--sentences", "zero"], 2, "--sentences"),
    (["--redundancy", "2"], 2, "redundancy"),
    (["--config", "/no/such.toml"], 2, "config file not found"),
])
def test_bad_usage_exit_codes(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_empty_folder_and_unusable_input(tmp_path: Path) -> None:
    empty = run(str(tmp_path))
    assert empty.exit_code == 66
    (tmp_path / "blank.txt").write_text("\n \n")
    blank = run(str(tmp_path / "blank.txt"))
    assert blank.exit_code == 65
    assert "blank.txt: empty" in blank.stderr


def test_undecodable_file_is_skipped_with_warning(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "good.txt").write_text((SEEDS / "000_2d151e24d6b0ac8d.txt").read_text())
    result = run(str(tmp_path), "-n", "2")
    assert result.exit_code == 3  # written; some input unusable
    assert "skipped" in result.stderr and "bad.txt" in result.stderr


def test_fewer_sentences_than_asked_prints_what_there_is(tmp_path: Path) -> None:
    article = tmp_path / "short.txt"
    article.write_text("The army retook the border crossing on Monday.\n"
                       "Officials said the fighting would continue for days.\n")
    result = run(str(article), "-n", "5")
    assert result.exit_code == 0
    assert len(brief_sentences(result.stdout)) == 2
    assert "only 2 sentence(s)" in result.stderr


def test_bad_config_file_names_key(tmp_path: Path) -> None:
    user = tmp_path / "c.toml"
    user.write_text("[selection]\nredundancy = 'lots'\n")
    result = run("--config", str(user))
    assert result.exit_code == 2
    assert "selection.redundancy" in result.stderr and str(user) in result.stderr


def test_every_command_and_option_is_documented_in_readme() -> None:
    import typer.main

    readme = (ROOT / "README.md").read_text()
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if name != "brief":
            assert f"summarize {name}" in readme, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"{name} {opt}"


def test_single_article_is_selected_by_mmr_and_leads() -> None:
    """Coverage counts content shared by two or more articles; one article falls back to MMR,
    where the lead-position prior puts the opening sentences first; the lead opens the brief."""
    document = json.loads(run(str(SEEDS / "000_2d151e24d6b0ac8d.txt"), "-n", "2", "--format",
                              "json").stdout)
    assert [s["sources"][0]["position"] for s in document["sentences"]] == [0, 1]
    assert [s["rank"] for s in document["sentences"]] == [2, 1]  # MMR picked the second first


@pytest.mark.parametrize("method", ["ilp", "coverage", "mmr"])
def test_every_selection_method_fills_the_budget_without_dangling(method: str) -> None:
    document = json.loads(run("-n", "4", "--method", method, "--format", "json").stdout)
    assert len(document["sentences"]) == 4
    assert not any(leans_on_previous(s["text"]) for s in document["sentences"])
    assert document["sentences"][0]["sources"][0]["position"] == 0  # an article's lead opens


def test_order_rank_shows_the_pick_order_and_story_opens_with_a_lead() -> None:
    ranked = json.loads(run("-n", "4", "--order", "rank", "--format", "json").stdout)
    assert [s["rank"] for s in ranked["sentences"]] == [1, 2, 3, 4]
    story = json.loads(run("-n", "4", "--format", "json").stdout)
    assert sorted(s["id"] for s in story["sentences"]) == sorted(
        s["id"] for s in ranked["sentences"])
    assert any(o["position"] == 0 for o in story["sentences"][0]["sources"])


FREEZE_COUNT_AT_EXIT = """
import atexit, gc, sys
from summarize.cli import main
atexit.register(lambda: print("frozen", gc.get_freeze_count(), file=sys.stderr))
sys.argv = ["summarize", "-n", "2", sys.argv[1]]
main()
"""


def test_the_commands_own_process_keeps_its_heap_for_good() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FREEZE_COUNT_AT_EXIT, str(SEEDS)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    frozen = int(re.search(r"frozen (\d+)", done.stderr).group(1))  # type: ignore[union-attr]
    assert frozen > 50_000  # the libraries' modules, the articles: never traversed again


def test_a_command_run_from_other_code_leaves_its_heap_alone() -> None:
    import gc

    before = gc.get_freeze_count()
    result = run("-n", "2", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() == before


BLAS_THREADS_AT_EXIT = """
import atexit, sys
from threadpoolctl import threadpool_info
from summarize.cli import main
atexit.register(lambda: print("blas", sorted({pool["num_threads"] for pool in threadpool_info()
                                               if pool["internal_api"] == "openblas"}),
                              file=sys.stderr))  # numpy's OpenBLAS and SciPy's
sys.argv = ["summarize", "-n", "2", sys.argv[1]]
main()
"""


@pytest.mark.parametrize(("setting", "threads"), [(None, "[1]"), ("2", "[2]")])
def test_the_commands_own_process_runs_blas_on_one_thread_unless_told(
        setting: str | None, threads: str) -> None:
    import os
    import subprocess
    import sys

    env = {name: value for name, value in os.environ.items()
           if name not in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")}
    if setting:
        env["OPENBLAS_NUM_THREADS"] = setting
    done = subprocess.run([sys.executable, "-c", BLAS_THREADS_AT_EXIT, str(SEEDS)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"blas (\[.*\])", done.stderr).group(1) == threads  # type: ignore[union-attr]


def test_a_command_run_from_other_code_leaves_the_environment_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert run("-n", "2", str(SEEDS)).exit_code == 0
    assert "OPENBLAS_NUM_THREADS" not in os.environ
