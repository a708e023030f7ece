from pathlib import Path

import pytest

from summarize.config import ReaderConfig
from summarize.errors import InputDataError, NoInputError
from summarize.inputs.files import read_articles, split_article
from tests.conftest import SEEDS

CONFIG = ReaderConfig()


def test_seed_000_headline_is_detected() -> None:
    result = read_articles([str(SEEDS / "000_2d151e24d6b0ac8d.txt")], CONFIG)
    article = result.articles[0]
    assert article.headline == "Kerry backs Iraq against militant threat"
    assert article.paragraphs[0].startswith("NATO foreign ministers have convened")


def test_seed_001_also_read_line_is_dropped() -> None:
    article = read_articles([str(SEEDS / "001_f02f93ed7a01a5c3.txt")], CONFIG).articles[0]
    assert article.headline is None  # its first line is a full sentence
    assert not any("ALSO READ" in p for p in article.paragraphs)
    assert not any("\u2019" in p for p in article.paragraphs)  # typographic quotes normalised
    assert len(article.paragraphs) == 21


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Second story\n\nIt is a sentence about things.\n")
    (tmp_path / "one.txt").write_text("A first sentence about things.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = read_articles([str(tmp_path)], CONFIG)
    # a folder's own files first, then its subfolders, each sorted by name
    assert [a.name for a in result.articles] == ["one.txt", "two.md"]
    assert result.articles[1].headline == "Second story"


@pytest.mark.parametrize("paragraph", [
    "Read more", "READ MORE: other news", "Click here to subscribe", "Subscribe to our newsletter",
    "Share this article", "Follow us on Twitter", "ALSO READ: Something else",
    "Lire aussi : la grève", "Διαβάστε επίσης: η απεργία", "Čítajte aj: štrajk",
    "Читайте також: страйк", "यह भी पढ़ें: हड़ताल", "関連記事\uff1aストライキ", "相关阅读\uff1a罢工",
])
def test_boilerplate_patterns(paragraph: str) -> None:
    _, paragraphs = split_article(f"A real sentence is here.\n{paragraph}\nAnother one.", CONFIG)
    assert paragraphs == ["A real sentence is here.", "Another one."]


@pytest.mark.parametrize(("patterns", "dropped"), [
    (("(?i)^menu$",), {"Menu"}),  # flags of its own: the patterns cannot be joined into one
    ((r"^(\w+) \1$", "^menu$"), {"Menu", "news news"}),  # a group by number, which joining shifts
    (("^menu$", "^(ad|promo)$"), {"Menu"}),
])
def test_user_boilerplate_patterns_of_any_form(patterns: tuple[str, ...],
                                               dropped: set[str]) -> None:
    text = "A real sentence is here.\nMenu\nnews news\nAnother one."
    _, paragraphs = split_article(text, ReaderConfig(boilerplate=patterns))
    assert paragraphs == [p for p in text.split("\n") if p not in dropped]


def test_blank_line_paragraphs_join_wrapped_lines() -> None:
    headline, paragraphs = split_article(
        "Title here\n\nFirst line of a\nwrapped paragraph.\n\nSecond paragraph.", CONFIG)
    assert headline == "Title here"
    assert paragraphs == ["First line of a wrapped paragraph.", "Second paragraph."]


def test_binary_and_empty_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "zip.txt").write_bytes(b"PK\x03\x04\x00\x00\x08\x00binary")
    (tmp_path / "empty.txt").write_text("   \n\n")
    (tmp_path / "good.txt").write_text("A sentence that is fine to read.\n")
    result = read_articles([str(tmp_path)], CONFIG)
    assert [a.name for a in result.articles] == ["good.txt"]
    reasons = {Path(s.source).name: s.reason for s in result.skipped}
    assert reasons == {"zip.txt": "not text (binary or undecodable)", "empty.txt": "empty"}


def test_missing_path_is_no_input() -> None:
    with pytest.raises(NoInputError, match="not found"):
        read_articles(["/nonexistent/file.txt"], CONFIG)


def test_folder_without_text_is_no_input(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"\x00")
    with pytest.raises(NoInputError, match="no text files"):
        read_articles([str(tmp_path)], CONFIG)


def test_only_unusable_files_is_data_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    with pytest.raises(InputDataError):
        read_articles([str(tmp_path / "a.txt")], CONFIG)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    small_limit = ReaderConfig(max_file_bytes=100)
    with pytest.raises(InputDataError, match="byte limit"):
        read_articles([str(big)], small_limit)


@pytest.mark.parametrize(("first", "expected"), [
    ("PINE RIDGE, S.D. (AP) -- President Clinton spoke.", "President Clinton spoke."),
    ("BERLIN (AP) _ Two experts testified.", "Two experts testified."),
    ("BRUSSELS, January 22 (Xinhua) -- Two polls showed it.", "Two polls showed it."),
    ("HOUSTON _ During a meet, a teenager asked.", "During a meet, a teenager asked."),
    ("NEW YORK (Reuters) - Stocks rose.", "Stocks rose."),
    # not datelines: a name with a dash, a short capital word, ordinary text
    ("Kerry -- who arrived late -- spoke.", "Kerry -- who arrived late -- spoke."),
    ("UN - talks resumed.", "UN - talks resumed."),
    ("NATO ministers met on Monday.", "NATO ministers met on Monday."),
])
def test_wire_dateline_is_dropped_from_the_first_paragraph(first: str, expected: str) -> None:
    _, paragraphs = split_article(f"Headline here\n\n{first}\n\nBERLIN (AP) _ stays.", CONFIG)
    assert paragraphs == [expected, "BERLIN (AP) _ stays."]
