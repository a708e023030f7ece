import time

from benchmarks.segmenters import accuracy, load_gold, naive
from summarize.text.segment import split_sentences
from summarize.text.tokens import count_words


def test_gold_set_is_fully_segmented() -> None:
    assert accuracy(split_sentences, load_gold()) == 1.0


def test_naive_splitter_fails_the_gold_set() -> None:
    """The contrast the issue names: a naive splitter ends a sentence at "U.S."."""
    assert "NATO foreign ministers will convene to discuss the Iraq crisis after U.S." in naive(
        "NATO foreign ministers will convene to discuss the Iraq crisis after U.S. Secretary "
        "of State John Kerry pledged support.")
    assert accuracy(naive, load_gold()) < 0.8


def test_title_abbreviations_do_not_end_sentences() -> None:
    assert split_sentences("Lt. Gen. Qassem Atta spoke. Gov. Smith agreed.") == [
        "Lt. Gen. Qassem Atta spoke.", "Gov. Smith agreed."]


def test_long_line_without_punctuation_is_linear() -> None:
    line = "word " * 200_000  # 1 MB, one "sentence"
    start = time.perf_counter()
    pieces = split_sentences(line)
    assert time.perf_counter() - start < 30  # generous: a quadratic path takes hours
    assert sum(count_words(p) for p in pieces) == 200_000


def test_a_lower_case_sentence_after_a_long_word_in_web_text() -> None:
    # the English Web Treebank's e-mail and chat: recall was 0.857
    assert split_sentences("i will let you know later. what are you doing tonight?") == [
        "i will let you know later.", "what are you doing tonight?"]
    # an attribution after a closing quote, an abbreviation, an ellipsis: one sentence
    assert split_sentences('"It was heartbreaking." he recalled.') == [
        '"It was heartbreaking." he recalled.']
    assert split_sentences("Officials in Sacramento, Calif. said so.") == [
        "Officials in Sacramento, Calif. said so."]
    assert split_sentences("He scored late... and the crowd erupted.") == [
        "He scored late... and the crowd erupted."]
