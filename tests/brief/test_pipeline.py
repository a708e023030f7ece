"""The pipeline's edges: empty input, the eligibility fallback, the title, article ids."""

import dataclasses

import numpy as np

from summarize.brief.pipeline import eligible, summarize_articles, summarize_corpus
from summarize.config import Config, SentenceConfig
from summarize.model import Corpus
from summarize.text.merge import merge
from tests.conftest import make_articles

STORY = (
    ["Rescuers reached the stranded climbers on the north face on Sunday morning.",
     "The two climbers had spent three nights on a ledge below the summit ridge."],
    ["Both climbers stranded on the north face were reached by rescuers on Sunday.",
     "A helicopter flew the climbers to the valley hospital after the rescue."],
)


def test_empty_corpus_gives_an_empty_brief_marked_short() -> None:
    brief = summarize_corpus(Corpus((), (), "english"), Config())
    assert brief.chosen == ()
    assert brief.shortfall
    assert brief.title is None


def test_articles_numbered_any_way_are_renumbered() -> None:
    """Regression: ids 1 and 2 (not list positions) raised IndexError in vectors.py."""
    articles = [dataclasses.replace(a, id=a.id + 1) for a in make_articles(*STORY)]
    brief = summarize_articles(articles, Config())
    assert [a.id for a in brief.corpus.articles] == [0, 1]
    assert brief.chosen


def test_when_no_sentence_is_within_the_bounds_the_bounds_give_way() -> None:
    lengths = np.array([3, 4, 0])
    bounds = SentenceConfig(min_words=10, max_words=20)
    assert eligible(lengths, bounds).tolist() == [True, True, False]
    short = make_articles(["Storm hits coast.", "Roads are closed.", "Schools shut today."])
    config = dataclasses.replace(Config(), sentences=bounds)
    brief = summarize_articles(short, config)
    assert len(brief.chosen) == 3


def test_only_wordless_sentences_give_an_empty_brief() -> None:
    """Regression (found by hypothesis): punctuation-only articles crashed the exact selection
    with a median of no sentences."""
    articles = make_articles(['"'], ['_"'])
    brief = summarize_articles(articles, Config())
    assert brief.chosen == ()
    assert brief.shortfall


def test_title_is_the_headline_of_the_article_shown_first() -> None:
    both = make_articles(*STORY, headlines=["Rescue on the north face", "Climbers rescued"])
    brief = summarize_articles(both, Config())
    assert brief.chosen[0].sentence.first.article == 0
    assert brief.title == "Rescue on the north face"
    swapped = make_articles(STORY[1], STORY[0], headlines=["Climbers rescued", "Rescue"])
    brief = summarize_articles(swapped, Config())
    shown_first = brief.chosen[0].sentence.first.article
    assert brief.title == swapped[shown_first].headline


def test_without_a_headline_on_the_first_article_shown_the_first_headline_is_the_title() -> None:
    articles = make_articles(*STORY, headlines=[None, "Climbers rescued from north face"])
    brief = summarize_corpus(merge(articles), Config())
    assert brief.chosen[0].sentence.first.article == 0
    assert brief.title == "Climbers rescued from north face"


def test_no_headline_anywhere_means_no_title() -> None:
    brief = summarize_articles(make_articles(*STORY), Config())
    assert brief.title is None


def test_articles_passed_through_unchanged_when_already_numbered() -> None:
    articles = make_articles(*STORY)
    brief = summarize_articles(articles, Config())
    assert brief.corpus.articles == tuple(articles)


def test_a_table_row_is_never_a_sentence_of_the_brief() -> None:
    rows = [f"{k} | Driver number {k} of the season | {5000 - k} points | {k} wins"
            for k in range(1, 9)]
    story = ["The final standings of the racing season were published on Monday by the "
             "organisers of the championship."]
    brief = summarize_articles(make_articles(rows + story, rows + story), Config())
    assert brief.chosen and all(" | " not in c.sentence.text for c in brief.chosen)
