import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.evaluation.rouge import lcs_length, rouge, score


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


def test_stemming_off_as_multiling_published() -> None:
    from summarize.evaluation.rouge import tokens

    assert rouge("the militants were fighting", ["The militant fights"],
                 stem=False)["rouge1"].recall == pytest.approx(1 / 3)
    assert tokens("Die Übernahme der Bahnen", None, "de", stem=False) == [
        "die", "übernahme", "der", "bahnen"]


def test_summary_and_references_cut_to_limit() -> None:
    long = "alpha beta gamma delta"
    scores = rouge(long, ["alpha beta zeta eta"], limit=2)
    assert scores["rouge1"].recall == 1.0 and scores["rouge2"].recall == 1.0


def test_lcs() -> None:
    assert lcs_length(["a", "b", "c", "d"], ["a", "c", "d", "b"]) == 3
    assert lcs_length([], ["a"]) == 0


def _lcs_by_table(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcde"),
                                                                 max_size=40))
def test_bit_parallel_lcs_agrees_with_the_table(a: list[str], b: list[str]) -> None:
    assert lcs_length(a, b) == _lcs_by_table(a, b)


def test_jackknife_averages_leave_one_out_pools() -> None:
    refs = ["the cat sat", "a cat sat on the mat", "the dog ran"]
    folds = [rouge("the cat ran", [refs[1], refs[2]]), rouge("the cat ran", [refs[0], refs[2]]),
             rouge("the cat ran", [refs[0], refs[1]])]
    expected = sum(f["rouge1"].recall for f in folds) / 3
    assert expected != pytest.approx(rouge("the cat ran", refs)["rouge1"].recall)
    assert score("the cat ran", refs, jackknife=True)["rouge1"].recall == pytest.approx(expected)
    assert score("the cat ran", refs) == rouge("the cat ran", refs)


def test_a_peer_summary_that_is_a_reference_is_scored_against_the_others() -> None:
    refs = ["the cat sat", "a cat sat", "the dog ran"]
    mine = score("the cat sat", refs, jackknife=True, peer=True)
    # the first reference is the peer's own summary: only the other two count, pooled
    assert mine == rouge("the cat sat", refs[1:])
    # a system's summary is scored against every reference, even one it equals
    assert score("the cat sat", refs)["rouge1"].recall == rouge("the cat sat", refs)[
        "rouge1"].recall


def test_other_languages_keep_their_letters_and_their_stems() -> None:
    from summarize.evaluation.rouge import tokens

    # rouge-score keeps [a-z0-9] only: "Übernahme" would be "bernahm", Russian nothing
    assert tokens("Die Übernahme der Bahnen", None, "de") == ["die", "ubernahm", "der", "bahn"]
    assert tokens("Правительство объявило меры", None, "ru") == [
        "правительств", "объяв", "мер"]
    assert rouge("Правительство объявило меры", ["Правительство объявило"],
                 language="ru")["rouge2"].recall == 1.0
    assert rouge("Правительство объявило меры", ["Правительство объявило"])[
        "rouge1"].recall == 0.0  # English tokens: nothing to count


def test_hindi_words_keep_their_vowel_signs() -> None:
    from summarize.evaluation.rouge import tokens

    assert tokens("सरकार ने काम किया।", None, "hi") == ["सरकार", "ने", "काम", "किया"]


def test_chinese_is_scored_by_characters_and_limited_by_them() -> None:
    from summarize.evaluation.rouge import tokens

    assert tokens("大雨\uff0c袭击了城市。", 4, "zh") == ["大", "雨", "袭", "击"]
    assert rouge("大雨袭击城市", ["城市遭遇大雨"], language="zh")["rouge1"].recall == 4 / 6
