import pytest

from summarize.rouge import lcs_length, rouge


def test_single_reference_by_hand() -> None:
    scores = rouge("the cat sat on the mat", ["the cat lay on the mat"])
    # unigrams: the x2, cat, on, mat match (5 of 6 each side)
    assert scores["rouge1"].recall == pytest.approx(5 / 6)
    assert scores["rouge1"].precision == pytest.approx(5 / 6)
    # bigrams: "the cat", "on the", "the mat" (3 of 5)
    assert scores["rouge2"].recall == pytest.approx(3 / 5)
    assert scores["rougeL"].recall == pytest.approx(5 / 6)


def test_references_are_pooled_not_maxed() -> None:
    scores = rouge("the cat sat", ["the cat", "a cat sat"])
    # hits: 2 with the first reference, 2 with the second; counts 2 + 3
    assert scores["rouge1"].recall == pytest.approx(4 / 5)
    assert scores["rouge1"].precision == pytest.approx(4 / (2 * 3))
    r, p = 4 / 5, 4 / 6
    assert scores["rouge1"].f1 == pytest.approx(2 * r * p / (r + p))


def test_stemming_on_and_stop_words_kept() -> None:
    assert rouge("the militants were fighting", ["The militant fights"])["rouge1"].recall == 1.0


def test_summary_and_references_cut_to_limit() -> None:
    long = "alpha beta gamma delta"
    scores = rouge(long, ["alpha beta zeta eta"], limit=2)
    assert scores["rouge1"].recall == 1.0 and scores["rouge2"].recall == 1.0


def test_lcs() -> None:
    assert lcs_length(["a", "b", "c", "d"], ["a", "c", "d", "b"]) == 3
    assert lcs_length([], ["a"]) == 0
