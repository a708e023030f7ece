"""The pieces of story clustering, checked by hand."""

import numpy as np

from summarize.digest.stories import _cut, _shared_neighbours, _typical_size


def test_shared_neighbours_by_hand() -> None:
    # two pairs: 0-1 close, 2-3 close, and 1 a little closer to 2 than 0 is
    similarity = np.array([[1.0, 0.9, 0.1, 0.0],
                           [0.9, 1.0, 0.3, 0.1],
                           [0.1, 0.3, 1.0, 0.8],
                           [0.0, 0.1, 0.8, 1.0]])
    shared = _shared_neighbours(similarity, 2)
    # nearest two: 0 -> {1, 2}; 1 -> {0, 2}; 2 -> {3, 1}; 3 -> {2, 1}
    assert shared[0, 1] == 0.5  # both have 2
    assert shared[2, 3] == 0.5  # both have 1
    assert shared[0, 3] == 1.0  # {1, 2} and {2, 1}
    assert np.allclose(shared, shared.T)


def test_typical_size_is_the_story_an_article_is_in() -> None:
    labels = np.array([1, 1, 1, 1, 2, 3])  # one story of 4, two of 1
    assert _typical_size(labels) == 4.0  # 4 of 6 articles are in the story of 4


def test_cut_groups_by_average_distance() -> None:
    similarity = np.array([[1.0, 0.8, 0.0], [0.8, 1.0, 0.05], [0.0, 0.05, 1.0]])
    labels = _cut(similarity, 0.5)
    assert labels[0] == labels[1] != labels[2]


def test_a_day_of_news_keeps_one_subject_apart_from_one_event() -> None:
    # Two hockey games are one subject, not one story; three reports of a flood are one.
    from summarize.config import StoryConfig
    from summarize.digest.stories import cluster
    from summarize.model import Article
    from tests.webserver import CATS, FLOOD

    games = [
        ("Parise scores twice as Wild beat Sabres", [
            "Zach Parise scored twice as the Minnesota Wild beat the Buffalo Sabres 4-1 on "
            "Tuesday night in the hockey league.",
            "Goalie Alex Stalock made 30 saves for the Wild, who have won three straight games.",
            "The Sabres lost their fifth game in a row at home, coach Ralph Krueger said."]),
        ("Nelson's overtime goal lifts Islanders past Penguins", [
            "Brock Nelson scored in overtime as the New York Islanders beat the Pittsburgh "
            "Penguins 4-3 on Tuesday night in the hockey league.",
            "Goalie Semyon Varlamov made 35 saves for the Islanders, who came back from 3-1 "
            "down in the third period.",
            "The Penguins lost a game in overtime for the second time this week."]),
    ]
    texts = [*FLOOD, *games, *CATS]
    articles = [Article(k, f"s{k}", f"Site {k}", h, tuple(p), site=f"Site {k}")
                for k, (h, p) in enumerate(texts)]
    assert cluster(articles, StoryConfig()) == [[0, 1, 2], [3], [4], [5]]
