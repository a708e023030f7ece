"""Rough edges a new user hit following README literally: each fixed, each guarded here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarize
from summarize.cli import app
from summarize.config import Config
from summarize.digest.build import build_digest, outlet_key
from summarize.digest.render import render
from summarize.errors import UsageError
from summarize.model import Article
from summarize.text.clean import clean
from tests.conftest import ROOT
from tests.webserver import CATS, FLOOD, Reply, Server, news_page, seed_texts

runner = CliRunner()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_log_file_in_a_missing_folder_is_created(tmp_path: Path) -> None:
    # Regression: README's cron recipe exited 73 on its first run.
    log = tmp_path / "digests" / "nested" / "digest.log"
    result = runner.invoke(app, ["-n", "2", "--log-file", str(log)])
    assert result.exit_code == 0, result.output
    assert log.exists()


@pytest.mark.parametrize(("job", "message"), [
    (["--sentnces", "5", "news"], "No such option: --sentnces"),
    (["-n", "0", "news"], "0 is not in the range"),
    (["digest"], "Missing argument"),
])
def test_schedule_refuses_a_job_that_would_fail_at_every_run(tmp_path: Path, job: list[str],
                                                            message: str) -> None:
    tab = tmp_path / "crontab"
    tab.write_text("15 * * * * /usr/bin/other-job\n")
    result = runner.invoke(app, ["schedule", "0 7 * * *", "--install", "--crontab-file",
                                 str(tab), "--", *job])
    assert result.exit_code == 2, result.output  # a usage error
    assert message in result.stderr and "would fail at every run" in result.stderr
    assert tab.read_text() == "15 * * * * /usr/bin/other-job\n"  # nothing installed
    assert result.stdout == ""  # nothing shown as if it would work


def test_markdown_digest_keeps_the_brief_and_the_sources_two_lists() -> None:
    articles = [Article(i, f"f{i}", f"f{i}", h, tuple(p), site=f"Outlet {i}")
                for i, (h, p) in enumerate(FLOOD)]
    text = render(build_digest(articles, Config()), "markdown")
    brief_items = text.index("\n- ")
    assert "\n\nSources:\n\n- Outlet" in text[brief_items:]


def _feed_of_three_stories(server: Server) -> str:
    items = []
    pages = [*((h, p, f"Outlet {k}") for k, (h, p) in enumerate(FLOOD)),
             *((h, p, f"Wire {k}") for k, (h, p) in enumerate(seed_texts())),
             (CATS[0][0], CATS[0][1], "Cat Weekly")]
    for k, (headline, paragraphs, site) in enumerate(pages):
        url = server.add(f"/a{k}", Reply(headers=HTML, body=news_page(
            headline, paragraphs, site=site).encode()))
        items.append(f"<item><title>{headline}</title><link>{url}</link></item>")
    return server.add("/feed.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                         body=f'<rss version="2.0"><channel><title>Mixed'
                                              f'</title>{"".join(items)}</channel></rss>'
                                              .encode()))


def test_a_brief_of_a_feed_briefs_the_main_story_and_names_its_sources(server: Server) -> None:
    # Regression: three stories in one brief under one story's title, sources as outlets only
    # with gaps in their numbers.
    result = runner.invoke(app, [_feed_of_three_stories(server), "-n", "5"])
    assert result.exit_code == 0, result.output
    assert "tells 3 stories" in result.stderr and "summarize digest" in result.stderr
    out = result.stdout
    assert "Kerry" not in out and "Biscuit" not in out  # only the flood, the widest story
    sources = out[out.index("Sources:"):].splitlines()[1:]
    numbers = [int(m.group(1)) for line in sources if (m := re.match(r"\[(\d+)\]", line))]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(f"<{server.url('/a')}" in line for line in sources)
    assert any(FLOOD[0][0] in line for line in sources)  # the headline, not only the outlet


def test_a_folder_of_articles_is_one_story_whatever_it_holds(tmp_path: Path) -> None:
    # the story rule is for feeds: the articles a reader gives are the story they chose
    for k, (headline, paragraphs) in enumerate([*FLOOD, *CATS]):
        (tmp_path / f"{k}.txt").write_text(headline + "\n\n" + "\n\n".join(paragraphs))
    result = runner.invoke(app, [str(tmp_path), "-n", "8"])
    assert result.exit_code == 0 and "stories" not in result.stderr


def test_a_budget_no_sentence_fits_is_an_error() -> None:
    result = runner.invoke(app, ["--words", "5"])
    assert result.exit_code == 65
    assert "no sentence fits in a brief of 5 words" in result.stderr
    assert result.stdout == ""


def test_help_names_the_inputs_it_reads_and_html_is_a_brief_format() -> None:
    result = runner.invoke(app, ["--help"], prog_name="summarize")
    assert result.stdout.startswith("Usage: summarize [OPTIONS] [INPUTS]...")
    assert "summarize brief" not in result.stdout and ".txt/.md)" not in result.stdout
    assert "web pages" in result.stdout and "feeds" in result.stdout
    page = runner.invoke(app, ["-n", "2", "-f", "html"])
    assert page.exit_code == 0 and page.stdout.startswith("<!DOCTYPE html>")
    assert "<script" not in page.stdout


def test_readme_python_examples_run_as_written() -> None:
    readme = (ROOT / "README.md").read_text()
    part = readme[readme.index("## Use from Python"):readme.index("## How it works")]
    code = "\n".join(re.findall(r"```python\n(.*?)```", part, re.S))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Kerry" in done.stdout


def test_a_path_given_as_text_gets_a_hint() -> None:
    with pytest.raises(UsageError, match="a path given as text") as given:
        summarize.summarize(str(ROOT / "seeds" / "000_2d151e24d6b0ac8d.txt"))
    assert "pass pathlib.Path(" in given.value.hint
    with pytest.raises(summarize.SummarizeError, match="no usable text") as caught:
        summarize.summarize("news/a.txt")
    assert "pathlib.Path" in caught.value.hint


def test_french_guillemets_are_kept() -> None:
    assert clean("Il a dit «\u202fnon\u202f» hier.") == "Il a dit « non » hier."


def test_a_folder_of_text_files_counts_articles_not_file_names(tmp_path: Path) -> None:
    for k, (headline, paragraphs) in enumerate(FLOOD):
        (tmp_path / f"flood{k}.txt").write_text(headline + "\n\n" + "\n\n".join(paragraphs))
    result = runner.invoke(app, ["digest", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    story = json.loads(result.stdout)["stories"][0]
    assert story["outlets"] == []
    text = runner.invoke(app, ["digest", str(tmp_path)]).stdout
    assert "3 articles" in text and "outlets: flood0.txt" not in text


def test_two_spellings_of_one_outlet_are_one() -> None:
    assert outlet_key("Inexhibit magazine") == outlet_key("Inexhibitmagazine")
    assert outlet_key("The Example Courier") == outlet_key("example courier")
    assert outlet_key("BBC News") != outlet_key("CNN")
    articles = [Article(0, "a", "a", *FLOOD[0], site="Inexhibit magazine"),
                Article(1, "b", "b", *FLOOD[1], site="Inexhibitmagazine")]
    digest = build_digest([Article(a.id, a.source, a.name, a.headline, tuple(a.paragraphs),
                                   site=a.site) for a in articles], Config())
    assert digest.stories[0].outlets == ("Inexhibit magazine",)
