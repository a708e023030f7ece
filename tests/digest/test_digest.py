"""``summarize digest``: stories from saved pages and local feeds, under cron, across runs."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import Config, StoryConfig
from summarize.digest.build import DigestOptions, build_digest
from summarize.digest.render import render, to_html
from summarize.digest.stories import bcubed, cluster
from summarize.model import Article
from tests.webserver import CATS, FLOOD, Reply, Server, news_page, seed_texts

runner = CliRunner()
COMMAND = str(Path(sys.executable).parent / "summarize")
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _article(k: int, headline: str, paragraphs: list[str], site: str) -> Article:
    return Article(k, f"{site}/{k}", site, headline, tuple(paragraphs), site=site)


def _labelled() -> tuple[list[Article], list[str]]:
    """Six articles in three hand-labelled stories."""
    articles, labels = [], []
    for headline, paragraphs in seed_texts():
        articles.append(_article(len(articles), headline, paragraphs, "Courier"))
        labels.append("iraq")
    for k, (headline, paragraphs) in enumerate(FLOOD):
        articles.append(_article(len(articles), headline, paragraphs, f"Outlet {k}"))
        labels.append("flood")
    articles.append(_article(len(articles), *CATS[0], "Cat Weekly"))
    labels.append("cats")
    return articles, labels


def test_clustering_recovers_a_hand_labelled_grouping() -> None:
    articles, labels = _labelled()
    groups = cluster(articles, StoryConfig())
    assert groups == [[0, 1], [2, 3, 4], [5]]
    predicted = [next(g for g, members in enumerate(groups) if i in members)
                 for i in range(len(articles))]
    assert bcubed(predicted, labels) == (1.0, 1.0, 1.0)


def test_bcubed_by_hand() -> None:
    # gold {a,a,b}; predicted one cluster: precision (2/3+2/3+1/3)/3, recall 1
    precision, recall, f1 = bcubed([0, 0, 0], ["a", "a", "b"])
    assert (round(precision, 4), recall) == (round(5 / 9, 4), 1.0)
    assert abs(f1 - 2 * precision / (precision + 1)) < 1e-12


def test_stories_are_ranked_by_outlets_then_recency() -> None:
    articles, _ = _labelled()
    digest = build_digest(articles, Config(), options=DigestOptions(single_outlet="brief"))
    assert [len(s.outlets) for s in digest.stories] == [3, 1, 1]
    assert digest.stories[0].title in {h for h, _ in FLOOD}
    assert all(s.brief is not None and s.status == "new" for s in digest.stories)
    listed = build_digest(articles, Config(), options=DigestOptions())
    assert [s.brief is None for s in listed.stories] == [False, True, True]
    top = build_digest(articles, Config(), options=DigestOptions(stories=1,
                                                                 single_outlet="omit"))
    assert len(top.stories) == 1 and top.left_out == 2


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    for k, (headline, paragraphs) in enumerate(seed_texts()):
        (folder / f"iraq{k}.html").write_text(news_page(headline, paragraphs,
                                                        site=f"Wire {k}"))
    for k, (headline, paragraphs) in enumerate(FLOOD):
        (folder / f"flood{k}.html").write_text(news_page(
            headline, paragraphs, site=f"Outlet {k}", date=f"2026-11-2{k}"))
    (folder / "cats.html").write_text(news_page(*CATS[0], site="Cat Weekly"))
    return folder


def _stories(document: dict[str, object]) -> list[list[str]]:
    return [[s["outlet"] for s in story["sources"]]  # type: ignore[index]
            for story in document["stories"]]  # type: ignore[attr-defined]


def test_digest_of_saved_pages_matches_the_hand_labelled_stories(saved: Path) -> None:
    result = runner.invoke(app, ["digest", str(saved), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    schema = json.loads(resources.files("summarize").joinpath("digest.schema.json").read_text())
    import jsonschema

    jsonschema.validate(document, schema)
    assert _stories(document) == [["Outlet 0", "Outlet 1", "Outlet 2"], ["Wire 0", "Wire 1"],
                                  ["Cat Weekly"]]
    flood, iraq, cats = document["stories"]
    assert len(flood["sentences"]) == 3 and flood["summary"]
    assert flood["first"] == "2026-11-20T07:30:00+00:00"  # the pages' article:published_time
    assert flood["last"] == "2026-11-22T07:30:00+00:00"
    assert iraq["summary"] and iraq["title"] == seed_texts()[0][0]
    assert cats["summary"] is None  # one outlet: listed, not summarised



def _feed(server: Server, path: str, title: str, pages: list[tuple[str, list[str], str]],
          date: str = "Sat, 21 Nov 2026 08:00:00 GMT") -> str:
    items = []
    for k, (headline, paragraphs, site) in enumerate(pages):
        link = server.add(f"{path}/{k}", Reply(headers=HTML, body=news_page(
            headline, paragraphs, site=site).encode()))
        items.append(f"<item><title>{headline}</title><link>{link}</link>"
                     f"<pubDate>{date}</pubDate></item>")
    body = (f'<rss version="2.0"><channel><title>{title}</title>{"".join(items)}'
            "</channel></rss>").encode()
    return server.add(f"{path}.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                           body=body))


def test_digest_of_feeds_on_a_local_server(server: Server, tmp_path: Path) -> None:
    one = _feed(server, "/one", "One", [(*FLOOD[0], "Outlet A"), (*seed_texts()[0], "Wire A")])
    two = _feed(server, "/two", "Two", [(*FLOOD[1], "Outlet B"), (*seed_texts()[1], "Wire B"),
                                        (*CATS[0], "Cat Weekly")])
    result = runner.invoke(app, ["digest", one, two, "--format", "json", "--no-cache",
                                 "--single-outlet", "omit"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert sorted(map(sorted, _stories(document))) == [["Outlet A", "Outlet B"],
                                                       ["Wire A", "Wire B"]]
    assert document["left_out"] == 1
    assert all(s["url"].startswith(server.base) for story in document["stories"]
               for s in story["sources"])


def test_a_failed_source_is_named_and_the_rest_still_digested(server: Server,
                                                            saved: Path) -> None:
    result = runner.invoke(app, ["digest", str(saved), server.url("/gone.xml"), "--no-cache"])
    assert result.exit_code == 3
    assert f"skipped {server.url('/gone.xml')}: HTTP 404" in result.stderr
    assert "Outlet 0" in result.stdout


def test_digest_under_cron_writes_a_dated_file_atomically(saved: Path, tmp_path: Path) -> None:
    out = tmp_path / "digests"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()), COMMAND,
                           "digest", str(saved), "-q", "-o", f"{out}/{{date}}.md"],
                          capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    today = datetime.date.today().isoformat()
    written = out / f"{today}.md"
    text = written.read_text()
    assert text.startswith("# News digest") and "\x1b" not in text
    # without --new-only nothing is tracked: no story is called new
    assert "## 1. " in text and "NEW" not in text and "new article" not in text
    # the lock is gone with the run (one per dated output was left behind for ever)
    assert sorted(p.name for p in out.iterdir()) == [f"{today}.md"]


def test_new_only_across_two_runs_marks_continuing_and_new(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    state = tmp_path / "seen.sqlite3"
    for k, (headline, paragraphs) in enumerate(FLOOD[:2]):
        (folder / f"flood{k}.html").write_text(news_page(headline, paragraphs,
                                                         site=f"Outlet {k}"))
    first = runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state),
                                "--format", "json"])
    assert first.exit_code == 0, first.output
    assert [s["status"] for s in json.loads(first.stdout)["stories"]] == ["new"]
    # the next morning: a third report on the flood, and a new story from two outlets
    (folder / "flood2.html").write_text(news_page(*FLOOD[2], site="Outlet 2"))
    for k, (headline, paragraphs) in enumerate(seed_texts()):
        (folder / f"iraq{k}.html").write_text(news_page(headline, paragraphs, site=f"Wire {k}"))
    second = runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state),
                                 "--format", "json"])
    assert second.exit_code == 0, second.output
    stories = {tuple(s["outlets"]): s for s in json.loads(second.stdout)["stories"]}
    assert stories[("Wire 0", "Wire 1")]["status"] == "new"
    # a continuing story names every outlet that covered it, the earlier ones too
    continuing = stories[("Outlet 2", "Outlet 0", "Outlet 1")]
    assert continuing["status"] == "continuing"
    assert [s["earlier"] for s in continuing["sources"]] == [False, True, True]
    known = " ".join(p for _, paragraphs in FLOOD[:2] for p in paragraphs)
    assert continuing["sentences"] and all(s["text"] not in known
                                           for s in continuing["sentences"])
    third = runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state)])
    assert third.exit_code == 0 and third.stdout == ""
    assert "no new articles since the last run" in third.stderr


def test_email_html_is_escaped_inline_styled_and_has_no_unsafe_links() -> None:
    hostile = _article(0, "<script>alert(1)</script> Flood", list(FLOOD[0][1]), "Evil <b>Site")
    hostile = Article(**{**{f: getattr(hostile, f) for f in hostile.__slots__},  # type: ignore[attr-defined]
                         "url": "javascript:alert(1)"})
    other = _article(1, *FLOOD[1], "Outlet 1")
    other = Article(**{**{f: getattr(other, f) for f in other.__slots__},  # type: ignore[attr-defined]
                       "url": "https://news.example/a?x=1&y=\"2\""})
    digest = build_digest([hostile, other], Config())
    page = to_html(digest)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Evil &lt;b&gt;Site" in page
    assert "javascript:" not in page
    assert 'href="https://news.example/a?x=1&amp;y=&quot;2&quot;"' in page
    assert "<style" not in page and 'style="' in page
    assert "javascript:" not in render(digest, "markdown")
    document = json.loads(render(digest, "json"))
    assert document["stories"][0]["sources"][0]["url"] is None


def test_terminal_view_fits_80_columns_with_clickable_safe_links(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import re

    from summarize.digest.render import print_rich

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("FORCE_COLOR", "1")
    articles, _ = _labelled()
    linked = [Article(**{**{f: getattr(a, f) for f in a.__slots__},  # type: ignore[attr-defined]
                         "url": "https://news.example/flood" if i == 2 else
                         "javascript:alert(1)" if i == 3 else None})
              for i, a in enumerate(articles)]
    monkeypatch.setenv("TERM_PROGRAM", "WezTerm")  # a terminal known to render links
    stream = io.StringIO()
    print_rich(build_digest(linked, Config(), options=DigestOptions(tracked=True)), stream)
    shown = stream.getvalue()
    assert "\x1b]8;" in shown and "https://news.example/flood" in shown  # OSC 8 hyperlink
    assert "javascript" not in shown
    visible = re.sub(r"\x1b\]8;[^\x1b]*\x1b\\|\x1b\[[0-9;]*m", "", shown)
    assert max(len(line) for line in visible.splitlines()) <= 80
    assert "NEW" in visible and "3 outlets" in visible
    assert "https://news.example/flood" not in visible  # the link is in the title itself
    # tmux 3.3 shows nothing of an OSC 8 link: the address is printed as text as well
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    stream = io.StringIO()
    print_rich(build_digest(linked, Config()), stream)
    visible = re.sub(r"\x1b\]8;[^\x1b]*\x1b\\|\x1b\[[0-9;]*m", "", stream.getvalue())
    assert "https://news.example/flood" in visible and "NEW" not in visible
    assert max(len(line) for line in visible.splitlines()) <= 80


def test_since_must_be_a_duration_or_date(saved: Path) -> None:
    result = runner.invoke(app, ["digest", str(saved), "--since", "yesterday"])
    assert result.exit_code == 2
    assert "neither a duration" in result.stderr


def test_schedule_can_install_a_digest(tmp_path: Path) -> None:
    tab = tmp_path / "crontab"
    tab.write_text("")
    result = runner.invoke(app, ["schedule", "0 7 * * *", "--crontab-file", str(tab),
                                 "--install", "--name", "morning", "--", "digest",
                                 "https://news.example/rss.xml", "--new-only", "-o",
                                 str(tmp_path / "{date}.html")])
    assert result.exit_code == 0, result.output
    line = tab.read_text().strip()
    assert " digest https://news.example/rss.xml --new-only -o " in line
    assert line.endswith("# summarize:morning")
    assert os.path.isabs(line.split()[5])


def test_a_second_digest_asks_conditionally_and_uses_the_cache_on_304(
        server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pages = {}
    for k, (headline, paragraphs) in enumerate(FLOOD):
        pages[f"/p{k}"] = news_page(headline, paragraphs, site=f"Outlet {k}").encode()

    def route(handler: object) -> Reply:
        path = getattr(handler, "path", "")
        if getattr(handler, "headers", {}).get("If-None-Match") == f'"{path}"':
            return Reply(304)
        return Reply(headers={**HTML, "ETag": f'"{path}"'}, body=pages[path])

    for path in pages:
        server.add(path, route)
    urls = [server.url(p) for p in pages]
    first = runner.invoke(app, ["digest", *urls, "--format", "json"])
    second = runner.invoke(app, ["digest", *urls, "--format", "json"])
    assert first.exit_code == second.exit_code == 0, second.output
    conditional = [h.get("If-None-Match") for _, h in server.requests]
    assert conditional[:3] == [None, None, None]
    assert sorted(conditional[3:]) == sorted(f'"{p}"' for p in pages)
    assert json.loads(first.stdout)["stories"] == json.loads(second.stdout)["stories"]
    assert (tmp_path / "cache" / "summarize" / "http.sqlite3").exists()


def test_an_unchanged_story_is_listed_with_its_outlets_from_the_record(tmp_path: Path) -> None:
    folder, state = tmp_path / "news", tmp_path / "seen.sqlite3"
    folder.mkdir()
    for k, (headline, paragraphs) in enumerate(FLOOD[:2]):
        (folder / f"flood{k}.html").write_text(news_page(headline, paragraphs,
                                                         site=f"Outlet {k}"))
    assert runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state)]
                         ).exit_code == 0
    for path in folder.iterdir():  # yesterday's pages are gone; only the record knows them
        path.unlink()
    for k, (headline, paragraphs) in enumerate(seed_texts()):
        (folder / f"iraq{k}.html").write_text(news_page(headline, paragraphs, site=f"Wire {k}"))
    second = runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state),
                                 "--format", "json"])
    assert second.exit_code == 0, second.output
    stories = json.loads(second.stdout)["stories"]
    assert [(s["status"], s["outlets"]) for s in stories] == [
        ("new", ["Wire 0", "Wire 1"]), ("unchanged", ["Outlet 0", "Outlet 1"])]
    assert stories[1]["summary"] is None
    omitted = runner.invoke(app, ["digest", str(folder), "--state", str(state), "--new-only",
                                  "--unchanged", "omit"])
    assert omitted.exit_code == 0 and "no new articles" in omitted.stderr


def test_a_schema_2_record_gains_the_web_columns(tmp_path: Path) -> None:
    import sqlite3

    state = tmp_path / "seen.sqlite3"
    old = sqlite3.connect(state)
    with old:
        old.execute("CREATE TABLE seen (hash TEXT PRIMARY KEY, source TEXT NOT NULL, "
                    "first_seen TEXT NOT NULL)")
        old.execute("CREATE TABLE content (hash TEXT PRIMARY KEY REFERENCES seen(hash), "
                    "headline TEXT, paragraphs TEXT NOT NULL)")
        old.execute("PRAGMA user_version = 2")
    old.close()
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "flood.html").write_text(news_page(*FLOOD[0], site="Outlet 0"))
    result = runner.invoke(app, ["digest", str(folder), "--new-only", "--state", str(state)])
    assert result.exit_code == 0, result.output
    upgraded = sqlite3.connect(state)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == 3
    assert upgraded.execute("SELECT site FROM content").fetchall() == [("Outlet 0",)]
    upgraded.close()


def test_the_brief_command_reads_a_feed_with_since_and_shows_fetch_progress(
        server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    old = server.add("/old", Reply(headers=HTML, body=news_page(*CATS[0]).encode()))
    items = [(FLOOD[k][0], server.add(f"/new{k}", Reply(headers=HTML, body=news_page(
        *FLOOD[k], site=f"Outlet {k}").encode())), "Sun, 22 Nov 2026 08:00:00 GMT")
        for k in range(2)]
    items.append((CATS[0][0], old, "Mon, 02 Nov 2026 08:00:00 GMT"))
    body = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>"
                   for t, u, d in items)
    feed = server.add("/f.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                      body=f'<rss version="2.0"><channel><title>F</title>'
                                           f"{body}</channel></rss>".encode()))
    result = runner.invoke(app, [feed, "--since", "2026-11-20", "-n", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [a["name"] for a in document["articles"]] == ["Outlet 0", "Outlet 1"]
    assert "Biscuit" not in result.stdout
    assert result.stderr == ""  # no progress off a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    shown = runner.invoke(app, [feed, "--since", "2026-11-20", "-n", "2"])
    assert shown.exit_code == 0 and "Fetching" in shown.stderr
