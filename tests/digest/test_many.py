"""Stories among many articles, component by component, are the stories of the whole matrices."""

from __future__ import annotations

import random

import pytest

from summarize.config import StoryConfig
from summarize.digest import stories
from summarize.digest.stories import cluster
from summarize.model import Article

SYLLABLES = ["ka", "lo", "mi", "ner", "tu", "sa", "vel", "dor", "pi", "ran", "es", "gu"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _articles(stories_sizes: list[int], seed: int, languages: tuple[str, ...] = ("en",)
              ) -> tuple[list[Article], list[str], list[int]]:
    rng = random.Random(seed)
    common = [_word(rng) for _ in range(1500)]
    weights = [1 / (rank + 1) for rank in range(len(common))]
    articles: list[Article] = []
    spoken: list[str] = []
    gold: list[int] = []
    for story, size in enumerate(stories_sizes):
        own = [_word(rng) for _ in range(12)]
        language = languages[story % len(languages)]
        for _ in range(size):
            paragraphs = []
            for _ in range(6):
                chosen = rng.choices(common, weights, k=rng.randint(8, 20))
                for _ in range(rng.randint(1, 4)):
                    chosen[rng.randrange(len(chosen))] = rng.choice(own)
                paragraphs.append(" ".join(chosen).capitalize() + ".")
            k = len(articles)
            site = f"Site {rng.randrange(12)}"
            articles.append(Article(k, f"s{k}", site, " ".join(rng.sample(own, 4)).capitalize(),
                                    tuple(paragraphs), site=site))
            spoken.append(language)
            gold.append(story)
    order = list(range(len(articles)))
    rng.shuffle(order)
    return ([articles[i] for i in order], [spoken[i] for i in order],
            [gold[i] for i in order])


@pytest.mark.parametrize(("sizes", "languages"), [
    ([1, 1, 2, 3, 1, 4, 2, 1, 1, 3] * 12, ("en",)),  # a day's news: the word-pair pass
    ([1, 2, 3, 1, 2] * 15, ("en", "de")),  # in two languages
    ([25, 30, 18, 40, 22, 35], ("en",)),  # large stories: the shared-neighbour pass
])
def test_components_give_the_stories_of_the_whole_matrix(
        sizes: list[int], languages: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    articles, spoken, _ = _articles(sizes, seed=len(sizes), languages=languages)
    given = spoken if len(languages) > 1 else None
    whole = cluster(articles, StoryConfig(), languages=given)
    assert 1 < len(whole) < len(articles)  # something to find, and not everything alike
    monkeypatch.setattr(stories, "DENSE_LIMIT", 1)
    monkeypatch.setattr("summarize.digest.many.BLOCK", 7)  # many blocks, one ragged
    assert cluster(articles, StoryConfig(), languages=given) == whole


def test_a_component_too_large_is_split_stricter_and_its_stories_stay_close(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.digest.stories import bcubed

    articles, _, gold = _articles([25, 30, 18, 40, 22, 35], seed=6)

    def f1(groups: list[list[int]]) -> float:
        labels = [0] * len(articles)
        for label, group in enumerate(groups):
            for i in group:
                labels[i] = label
        return bcubed(labels, gold)[2]

    exact = f1(cluster(articles, StoryConfig()))
    monkeypatch.setattr(stories, "DENSE_LIMIT", 1)
    monkeypatch.setattr("summarize.digest.many.COMPONENT_LIMIT", 45)  # the stories chain
    from summarize.digest import many

    floors: list[float] = []
    whole = many.components

    def counted(members, found, floor, n):  # type: ignore[no-untyped-def]
        floors.append(floor)
        return whole(members, found, floor, n)

    monkeypatch.setattr(many, "components", counted)
    split = cluster(articles, StoryConfig())
    assert len(set(floors)) > 2  # components were too large and split stricter, in both passes
    assert f1(split) >= exact - 0.05
