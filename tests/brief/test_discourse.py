import numpy as np
import pytest

from summarize.brief.discourse import anchors, leans_on_previous, story_order
from tests.conftest import make_corpus


@pytest.mark.parametrize("text", [
    "She had left the port by then.",
    "This doubles the figure of the spring.",
    "But after the vote the talks stalled.",
    "Meanwhile, militants seized the town.",
    "In addition, the tribe opened a school.",
    "On the other hand, prices fell.",
    '"The bridge will open in May."',
    "'We will not leave,' the statement read.",
])
def test_sentences_that_point_back_lean_on_the_previous_one(text: str) -> None:
    assert leans_on_previous(text)


@pytest.mark.parametrize("text", [
    "NATO ministers met in Brussels on Monday.",
    "Although talks stalled, the ministers met again.",
    "There were no injuries in the blast.",
    '"The bridge will open in May," said Ana Ruiz, the engineer.',
    '"We will stay," the minister told reporters.',
    "Hebron residents protested.",  # "He" only as a prefix
])
def test_self_contained_sentences_do_not(text: str) -> None:
    assert not leans_on_previous(text)


def test_anchors_are_the_sentences_before_each_occurrence() -> None:
    corpus = make_corpus(["Rebels took the town. They held it for a day."],
                         ["Officials met. They held it for a day."])
    texts = [s.text for s in corpus.sentences]
    held = texts.index("They held it for a day.")
    assert [texts[a] for a in anchors(corpus)[held]] == ["Rebels took the town.",
                                                          "Officials met."]
    assert anchors(corpus)[texts.index("Rebels took the town.")] == ()


def test_story_order_opens_with_a_lead_then_follows_the_articles() -> None:
    corpus = make_corpus(["A1 first sentence here.", "A2 second sentence here."],
                         ["B1 lead sentence here.", "B2 second one here.", "B3 third one."])
    ids = {s.text.split()[0]: s.id for s in corpus.sentences}
    chosen = [ids["A2"], ids["B3"], ids["B1"]]
    scores = np.zeros(len(corpus))
    order = story_order(corpus, chosen, scores)
    # B's lead opens; its article continues; then article A
    assert order == [ids["B1"], ids["B3"], ids["A2"]]
    # no lead chosen: the earliest sentence opens
    assert story_order(corpus, [ids["B3"], ids["A2"]], scores) == [ids["A2"], ids["B3"]]
    assert story_order(corpus, [], scores) == []
