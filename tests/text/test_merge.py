from hypothesis import given
from hypothesis import strategies as st

from summarize.config import Config
from summarize.inputs.files import read_articles
from summarize.text.merge import merge, sentence_key
from summarize.text.tokens import analyzer, word_analyzer
from tests.conftest import SEEDS, make_corpus


def test_duplicates_collapse_and_remember_every_occurrence() -> None:
    corpus = make_corpus(
        ["Kerry visited Baghdad on Monday. He met Maliki.", "Kerry visited Baghdad on Monday."],
        ["\"Kerry visited Baghdad on Monday.\" Officials agreed."],
    )
    texts = [s.text for s in corpus.sentences]
    assert texts == ["Kerry visited Baghdad on Monday.", "He met Maliki.", "Officials agreed."]
    first = corpus.sentences[0]
    assert [(o.article, o.paragraph, o.position) for o in first.occurrences] == [
        (0, 0, 0), (0, 1, 2), (1, 0, 0)]
    assert first.articles == (0, 1)
    assert [s.id for s in corpus.sentences] == [0, 1, 2]


def test_sentence_key_ignores_case_quotes_and_punctuation() -> None:
    assert sentence_key("'Intense' support, he said.") == sentence_key('"intense" support he said')


def test_seeds_repeated_sentences_merge() -> None:
    config = Config()
    articles = read_articles([str(SEEDS)], config.reader).articles
    corpus = merge(articles, features=config.features)
    total = sum(len(s.occurrences) for s in corpus.sentences)
    repeated = [s for s in corpus.sentences if len(s.occurrences) > 1]
    assert len(repeated) == 10  # seed 001 repeats ten of its sentences verbatim
    assert total - len(corpus.sentences) == 10
    assert all(s.articles == (1,) for s in repeated)


@given(st.text(st.sampled_from(list("aZs.-' 1\t")), min_size=1))
def test_terms_are_the_same_from_the_merge_key(text: str) -> None:
    # merge takes an ASCII sentence's terms from the words of its key, not its text again
    key = sentence_key(text)
    if key:
        assert word_analyzer("en", stem=True, stop_words=True)(key.split(" ")) == \
            analyzer("en", stem=True, stop_words=True)(text)
