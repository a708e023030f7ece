"""Words, word counts and terms (summarize.text.tokens), and the stemmer they use."""

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.text.tokens import analyzer, count_words, words


def test_analyzer_stems_and_drops_stop_words() -> None:
    analyse = analyzer("english", stem=True, stop_words=True)
    assert analyse("The militants were fighting in Iraq's towns") == (
        "milit", "fight", "iraq", "town")


def test_a_word_snowball_stems_to_nothing_is_no_term() -> None:
    # Snowball's Greek stemmer strips "όταν" (when), "είτε" (either), "ίδιο" (same) to an empty
    # string; those once all became the one term "", which made unrelated sentences similar
    analyse = analyzer("el", stem=True, stop_words=False)
    assert analyse("Όταν ήρθε το ίδιο πλοίο") == analyse("ήρθε το πλοίο")
    assert "" not in analyse("όταν είτε ίδιο ίδια έως")


@given(st.text())
def test_count_words_counts_tokens_with_a_letter_or_digit(text: str) -> None:
    # Guards the regular expression that replaced this loop (slow at 2,000 sentences).
    assert count_words(text) == sum(1 for token in text.split() if any(c.isalnum() for c in token))


def test_count_words_ignores_punctuation_tokens() -> None:
    assert count_words("Prices rose 5% \u2014 a record , said _ officials\u00a0today .") == 8


def test_words_keep_their_combining_vowel_signs() -> None:
    # Python's \w leaves out combining marks: Hindi "किया" came out as "क" and "य"
    assert words("सरकार ने काम किया। Die Übernahme") == [
        "सरकार", "ने", "काम", "किया", "Die", "Übernahme"]


@pytest.mark.parametrize(("algorithm", "module", "words"), [
    ("english", "english_stemmer", "running ran runs nationalities generously said's"),
    ("german", "german_stemmer", "Verhandlungen gescheitert Lokführer häuser"),
    ("russian", "russian_stemmer", "переговоры провалились забастовка"),
    ("greek", "greek_stemmer", "όταν είτε απεργία κυβέρνηση"),
])
def test_the_stemmer_stems_as_snowballs_own_python_code(algorithm: str, module: str,
                                                         words: str) -> None:
    import importlib

    from summarize.text.languages import stemmer

    python = importlib.import_module(f"snowballstemmer.{module}")
    reference = getattr(python, f"{algorithm.capitalize()}Stemmer")()
    stem = stemmer(algorithm)
    for word in words.lower().split() * 2:  # again: no cache of its own to give another answer
        assert stem(word) == reference.stemWord(word)


def test_an_algorithm_pystemmer_lacks_falls_back_to_snowballstemmer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.text.languages import stemmer

    monkeypatch.setitem(sys.modules, "Stemmer", None)  # as if PyStemmer were not installed
    assert stemmer.__wrapped__("english")("running") == "run"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_count_words_on_ascii_text_counts_as_on_any_text(text: str) -> None:
    # ASCII text takes a faster pattern; its \s must be Python's, \x1c-\x1f included
    assert count_words(text) == sum(1 for token in text.split() if any(c.isalnum() for c in token))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_words_of_ascii_text_are_those_of_the_unicode_pattern(text: str) -> None:
    # ASCII text takes a faster pattern, which must find the same tokens: the same text with
    # one non-ASCII letter after it goes the Unicode way
    assert words(text) == words(text + " \u00e9")[:-1]


def test_the_ascii_patterns_see_file_separators_as_spaces() -> None:
    assert count_words("one\x1ctwo\x1fthree") == 3
    assert words("state-of-the-art U.S. don't_ 42") == ["state-of-the-art", "U.S", "don't_", "42"]
