"""The Python front door: ``summarize.summarize`` and what ``summarize`` exports."""

import dataclasses
from pathlib import Path

import pytest

import summarize
from summarize import Brief, Config, SummarizeError
from summarize.config import SelectionConfig
from summarize.errors import ConfigError, InputDataError, NoInputError, UsageError
from tests.conftest import SEEDS

FIRST = """Flood barrier holds as river peaks

The river Alder peaked at four metres on Tuesday, and the new flood barrier in Millbrook held.
Engineers had raised the barrier on Monday night after two days of heavy rain upstream.
About 300 homes behind the barrier stayed dry, the council said.
The old wall, which the barrier replaced, failed in the floods of 2019."""

SECOND = """The flood barrier in Millbrook held on Tuesday as the river Alder peaked at four metres.
Residents had been told to prepare sandbags, but none were needed behind the barrier.
The council said the barrier cost 12 million pounds and took three years to build.
Heavy rain upstream is expected to ease by Thursday."""


def test_strings_are_articles_with_headlines() -> None:
    brief = summarize.summarize([FIRST, SECOND], sentences=2)
    assert isinstance(brief, Brief)
    assert len(brief.sentences) == 2
    assert brief.title == "Flood barrier holds as river peaks"
    assert [a.name for a in brief.corpus.articles] == ["text 1", "text 2"]
    assert brief.text == " ".join(brief.sentences)
    assert all(s in FIRST.replace("\n", " ") + " " + SECOND.replace("\n", " ")
               for s in brief.sentences)


def test_a_single_string_is_one_article_not_characters() -> None:
    brief = summarize.summarize(FIRST, words=40)
    assert len(brief.corpus.articles) == 1
    assert sum(c.sentence.words for c in brief.chosen) <= 40


def test_paths_are_read_like_the_command_line(tmp_path: Path) -> None:
    from_folder = summarize.summarize(SEEDS, sentences=3)
    from_files = summarize.summarize(sorted(SEEDS.glob("*.txt")), sentences=3)
    assert from_folder.sentences == from_files.sentences
    mixed = summarize.summarize([SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], FIRST])
    assert len(mixed.corpus.articles) == 2  # one file, one text: ids are unique positions
    assert [a.id for a in mixed.corpus.articles] == [0, 1]


def test_same_input_same_brief() -> None:
    first, second = (summarize.summarize([FIRST, SECOND]) for _ in range(2))
    assert first.sentences == second.sentences
    assert [c.score for c in first.chosen] == [c.score for c in second.chosen]


def test_background_leaves_out_what_is_known() -> None:
    plain = summarize.summarize([FIRST, SECOND], sentences=3)
    known = plain.sentences[0]
    update = summarize.summarize([FIRST, SECOND], sentences=3, background=known)
    assert known not in update.sentences


def test_a_config_built_in_python_is_validated_naming_the_key() -> None:
    bad = dataclasses.replace(Config(), selection=SelectionConfig(method="nope"))
    with pytest.raises(ConfigError, match=r"'selection.method' = 'nope'.*ilp, coverage, mmr"):
        summarize.summarize(FIRST, config=bad)
    with pytest.raises(ConfigError, match=r"not a summarize\.Config"):
        summarize.summarize(FIRST, config={"selection": {"method": "mmr"}})  # type: ignore[arg-type]
    mmr = dataclasses.replace(Config(), selection=SelectionConfig(method="mmr"))
    assert summarize.summarize([FIRST, SECOND], config=mmr, sentences=2).sentences


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"sentences": 2, "words": 10}, UsageError, "choose one budget, not sentences and words"),
    ({"ratio": 1.5}, UsageError, r"ratio must be in \(0, 1\]"),
    ({"sentences": 0}, UsageError, "sentences must be a whole number of at least 1"),
])
def test_bad_budgets_are_usage_errors(kwargs: dict[str, float], error: type[SummarizeError],
                                      message: str) -> None:
    with pytest.raises(error, match=message):
        summarize.summarize(FIRST, **kwargs)  # type: ignore[arg-type]


def test_bad_inputs_raise_the_projects_errors(tmp_path: Path) -> None:
    with pytest.raises(NoInputError, match="no articles given"):
        summarize.summarize([])
    with pytest.raises(NoInputError, match="input not found"):
        summarize.summarize(tmp_path / "missing.txt")
    with pytest.raises(UsageError, match="holds a int"):
        summarize.summarize([FIRST, 3])  # type: ignore[list-item]
    with pytest.raises(UsageError, match="must be text or paths, got bytes") as raised:
        summarize.summarize(b"bytes are not text")  # type: ignore[arg-type]
    assert "decode bytes first" in raised.value.hint
    with pytest.raises(InputDataError, match="no usable text"):
        summarize.summarize(["", "   "])
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputDataError):
        summarize.summarize(empty)
    assert issubclass(InputDataError, SummarizeError)


def test_a_saved_web_page_path_is_read_as_the_command_line_reads_it(tmp_path: Path) -> None:
    from tests.webserver import news_page

    page = tmp_path / "flood.html"
    page.write_text(news_page("Flood barrier holds", FIRST.split("\n")[2:]))
    brief = summarize.summarize(page, sentences=2)
    assert brief.title == "Flood barrier holds"
    assert brief.corpus.articles[0].site == "The Example Courier"
    assert not any("<" in s or "Subscribe" in s for s in brief.sentences)
