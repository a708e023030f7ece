import json
from importlib import resources
from io import StringIO

import jsonschema

from summarize.brief.pipeline import summarize_articles
from summarize.config import Config
from summarize.render import print_rich, to_markdown, to_text
from summarize.render import to_json as render_json
from tests.conftest import make_articles

ARTICLES = make_articles(
    ["[bold]Militants[/bold] seized the town of Tal Afar in northern Iraq on Monday.",
     "Officials said the *army* withdrew from Tal Afar after heavy fighting there."],
    ["Iraqi militants seized the northern town of Tal Afar, witnesses said on Monday."],
    headlines=["Tal Afar falls"],
)


def _brief():  # type: ignore[no-untyped-def]
    return summarize_articles(ARTICLES, Config())


def test_text_lists_sentences_with_sources() -> None:
    text = to_text(_brief())
    lines = text.splitlines()
    assert lines[0] == "Tal Afar falls"
    assert lines[2].startswith("1. ")
    assert "[bold]Militants[/bold]" in text  # markup in an article prints literally
    assert "Sources: [1] a0.txt" in text
    assert "\x1b" not in text


def test_markdown_escapes_article_text() -> None:
    md = to_markdown(_brief())
    assert md.startswith("# Tal Afar falls\n")
    assert r"\[bold\]Militants\[/bold\]" in md
    assert r"\*army\*" in md


def test_rich_never_interprets_article_markup() -> None:
    stream = StringIO()
    print_rich(_brief(), stream, explain=True)
    out = stream.getvalue()
    assert "[bold]Militants[/bold]" in out
    assert "tfidf" in out  # the explain table


def test_json_matches_the_documented_schema() -> None:
    schema = json.loads(resources.files("summarize").joinpath("brief.schema.json").read_text())
    document = json.loads(render_json(_brief(), Config()))
    jsonschema.validate(document, schema)
    assert document["stats"]["articles"] == 2
    assert document["config"]["selection"]["algorithm"] == "hybrid"
    first = document["sentences"][0]
    assert set(first["scores"]) == {"tfidf", "textrank", "position", "support"}
