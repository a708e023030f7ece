"""The digest: the day's articles grouped into stories, ranked, each told in a brief.

Articles are grouped into stories (:mod:`summarize.digest.stories`). A story's rank is how
widely it was covered (the distinct outlets, two spellings of one outlet counted once, plus
each article that names no outlet, such as a local file), then how recent its latest article
is. Each story gets a brief from the summariser, its title, its sources (outlet, headline,
link) and its time span.

With what the reader already knows (``known``: for ``--new-only``, the articles earlier runs
summarised), the known articles are clustered together with the new ones: a story with new
articles and known ones is *continuing*, and its brief is an update brief (the known articles
are its background, so it says only what is new); a story of new articles only is *new*; a
story of known articles only is *unchanged*. Without ``known`` (no ``--new-only``) nothing is
tracked: a story is just a story (:attr:`Digest.tracked` is False), and none is called new.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.config import Config
from summarize.digest.outlets import outlet, outlet_key
from summarize.model import Article, Brief

STATUSES = ("new", "continuing", "unchanged")
SINGLE_OUTLET = ("brief", "list", "omit")  # what to do with a story only one outlet covered
UNCHANGED = ("list", "omit")


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a story, as the digest lists it."""

    outlet: str  # the outlet, or for an article that names none (a local file) its name
    title: str | None
    url: str | None
    published: datetime.datetime | None
    day_only: bool = False  # ``published`` is a day, not a moment
    earlier: bool = False  # summarised by an earlier run (a continuing story's background)


@dataclass(frozen=True, slots=True)
class Story:
    status: str  # one of STATUSES
    title: str | None
    brief: Brief | None  # None when the story is only listed (unchanged, or a single outlet)
    sources: tuple[Source, ...]  # its new articles, then the earlier ones
    outlets: tuple[str, ...]  # distinct outlets over the whole story, in order of appearance
    first: datetime.datetime | None
    last: datetime.datetime | None
    articles: int = 0  # how many articles the sources are
    first_day_only: bool = False  # ``first`` (``last``) is a day, not a moment
    last_day_only: bool = False
    language: str | None = None  # its articles' (ISO 639-1), when known


@dataclass(frozen=True, slots=True)
class Digest:
    stories: tuple[Story, ...]
    articles: int  # new articles read
    left_out: int  # stories not shown (beyond --stories, or omitted by the options)
    generated: datetime.datetime
    tracked: bool = False  # what earlier runs summarised is known (--new-only)


@dataclass(frozen=True, slots=True)
class DigestOptions:
    stories: int | None = None  # keep the top N
    single_outlet: str = "list"
    unchanged: str = "list"
    tracked: bool = False  # --new-only: stories are new, continuing or unchanged


def _coverage(articles: Sequence[Article]) -> tuple[tuple[str, ...], int]:
    """The distinct outlets (first spelling seen) and how widely the articles cover a story:
    the outlets plus each article that names none."""
    names: dict[str, str] = {}
    unnamed = 0
    for article in articles:
        name = outlet(article)
        if name is None:
            unnamed += 1
        else:
            names.setdefault(outlet_key(name), name)
    return tuple(names.values()), len(names) + unnamed


def build_digest(articles: Sequence[Article], config: Config, *,
                 known: Sequence[Article] = (), options: DigestOptions = DigestOptions(),
                 now: datetime.datetime | None = None) -> Digest:
    """The digest of ``articles`` (new) given ``known`` ones (see the module's docstring).

    Stories are ranked and cut to ``options.stories`` first; only the stories kept are
    summarised."""
    from summarize.brief.pipeline import summarize_articles

    everything = [*articles, *known]
    groups = stories_of(everything, config)
    ranked: list[tuple[tuple[bool, int, float, int], Story, list[Article], list[Article]]] = []
    left_out = 0
    for order, group in enumerate(groups):
        new = [everything[i] for i in group if i < len(articles)]
        old = [everything[i] for i in group if i >= len(articles)]
        status = "continuing" if new and old else "new" if new else "unchanged"
        # one outlet over the whole story, earlier runs included: a continuing story that
        # several outlets covered yesterday is not a single-outlet story today
        outlets, breadth = _coverage([*new, *old])
        single = breadth == 1
        if (status == "unchanged" and options.unchanged == "omit") or (
                status != "unchanged" and single and options.single_outlet == "omit"):
            left_out += 1
            continue
        shown = new or old
        dated = sorted((a.published, a.published_day_only) for a in shown
                       if a.published is not None)
        sources = [_source(a) for a in shown] + [_source(a, earlier=True) for a in old
                                                  if new]
        story = Story(status, next((a.headline for a in shown if a.headline), None), None,
                      tuple(sources), outlets, dated[0][0] if dated else None,
                      dated[-1][0] if dated else None, len(sources),
                      bool(dated) and dated[0][1], bool(dated) and dated[-1][1],
                      next((a.language for a in shown if a.language), None))
        summarised = status != "unchanged" and not (single and options.single_outlet == "list")
        latest = dated[-1][0].timestamp() if dated else float("-inf")
        rank = (status == "unchanged", -breadth, -latest, order)
        ranked.append((rank, story, new if summarised else [], old))
    ranked.sort(key=lambda item: item[0])
    if options.stories is not None and len(ranked) > options.stories:
        left_out += len(ranked) - options.stories
        ranked = ranked[:options.stories]
    stories = []
    for _, story, new, old in ranked:
        if new:
            brief = summarize_articles(new, config, background=old)
            story = replace(story, brief=brief, title=brief.title or story.title)
        stories.append(story)
    return Digest(tuple(stories), len(articles), left_out,
                  now or datetime.datetime.now(datetime.UTC), options.tracked)


def _source(article: Article, *, earlier: bool = False) -> Source:
    return Source(outlet(article) or article.name, article.headline, article.url,
                  article.published, article.published_day_only, earlier)


def stories_of(articles: Sequence[Article], config: Config) -> list[list[int]]:
    """The stories of ``articles`` (lists of positions, in order of their first article),
    formed within each language, never across: with ``language = "auto"`` each article's
    own, detected; else all in the language forced."""
    from summarize.digest.stories import cluster
    from summarize.text.detect import with_language

    if config.language != "auto":
        return cluster(articles, config.stories, language=config.language)
    return cluster(articles, config.stories,
                   languages=[with_language(a).language or "en" for a in articles])


def main_story(articles: Sequence[Article], config: Config) -> tuple[list[Article], int]:
    """The articles of the story that ``articles`` cover most widely (ranked as the digest
    ranks stories), and how many other stories they hold. For a brief of a feed, whose
    entries are the day's news, not one story."""
    groups = stories_of(articles, config)
    if len(groups) < 2:
        return list(articles), 0

    def rank(group: Sequence[int]) -> tuple[int, float, int]:
        members = [articles[i] for i in group]
        _, breadth = _coverage(members)
        dates = [a.published.timestamp() for a in members if a.published is not None]
        return -breadth, -max(dates, default=float("-inf")), min(group)

    best = min(groups, key=rank)
    return [articles[i] for i in sorted(best)], len(groups) - 1
