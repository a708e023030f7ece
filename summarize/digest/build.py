"""The digest: the day's articles grouped into stories, ranked, each told in a brief.

Articles are grouped into stories (:mod:`summarize.digest.stories`). A story's rank is the number of
distinct outlets that covered it, then how recent its latest article is. Each story gets a
brief from the summariser, its title, its sources (outlet, headline, link) and its time span.

With what the reader already knows (``known``: for ``--new-only``, the articles earlier runs
summarised), the known articles are clustered together with the new ones: a story with new
articles and known ones is *continuing*, and its brief is an update brief (the known articles
are its background, so it says only what is new); a story of new articles only is *new*; a
story of known articles only is *unchanged*.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.config import Config
from summarize.model import Article, Brief

STATUSES = ("new", "continuing", "unchanged")
SINGLE_OUTLET = ("brief", "list", "omit")  # what to do with a story only one outlet covered
UNCHANGED = ("list", "omit")


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a story, as the digest lists it."""

    outlet: str
    title: str | None
    url: str | None
    published: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class Story:
    status: str  # one of STATUSES
    title: str | None
    brief: Brief | None  # None when the story is only listed (unchanged, or a single outlet)
    sources: tuple[Source, ...]  # its new articles (for an unchanged story: the known ones)
    outlets: tuple[str, ...]  # distinct, in order of first appearance
    first: datetime.datetime | None
    last: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class Digest:
    stories: tuple[Story, ...]
    articles: int  # new articles read
    left_out: int  # stories not shown (beyond --stories, or omitted by the options)
    generated: datetime.datetime


@dataclass(frozen=True, slots=True)
class DigestOptions:
    stories: int | None = None  # keep the top N
    single_outlet: str = "list"
    unchanged: str = "list"


def outlet(article: Article) -> str:
    return article.site or article.name


def build_digest(articles: Sequence[Article], config: Config, *,
                 known: Sequence[Article] = (), options: DigestOptions = DigestOptions(),
                 now: datetime.datetime | None = None) -> Digest:
    """The digest of ``articles`` (new) given ``known`` ones (see the module's docstring).

    Stories are ranked and cut to ``options.stories`` first; only the stories kept are
    summarised."""
    from summarize.brief.pipeline import summarize_articles
    from summarize.digest.stories import cluster

    everything = [*articles, *known]
    groups = cluster(everything, config.stories, language=config.language)
    ranked: list[tuple[tuple[bool, int, float, int], Story, list[Article], list[Article]]] = []
    left_out = 0
    for order, group in enumerate(groups):
        new = [everything[i] for i in group if i < len(articles)]
        old = [everything[i] for i in group if i >= len(articles)]
        status = "continuing" if new and old else "new" if new else "unchanged"
        # one outlet over the whole story, earlier runs included: a continuing story that
        # several outlets covered yesterday is not a single-outlet story today
        single = len({outlet(a) for a in (*new, *old)}) == 1
        if (status == "unchanged" and options.unchanged == "omit") or (
                status != "unchanged" and single and options.single_outlet == "omit"):
            left_out += 1
            continue
        shown = new or old
        dates = sorted(a.published for a in shown if a.published is not None)
        outlets = tuple(dict.fromkeys(outlet(a) for a in shown))
        story = Story(status, next((a.headline for a in shown if a.headline), None), None,
                      tuple(_source(a) for a in shown), outlets,
                      dates[0] if dates else None, dates[-1] if dates else None)
        summarised = status != "unchanged" and not (single and options.single_outlet == "list")
        latest = dates[-1].timestamp() if dates else float("-inf")
        rank = (status == "unchanged", -len(outlets), -latest, order)
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
                  now or datetime.datetime.now(datetime.UTC))


def _source(article: Article) -> Source:
    return Source(outlet(article), article.headline, article.url, article.published)
