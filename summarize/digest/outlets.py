"""Who published an article: its outlet, and one key for the spellings of one outlet."""

from __future__ import annotations

import re

from summarize.model import Article


def outlet(article: Article) -> str | None:
    """The outlet that published ``article``: its site's name, else its host; None for an
    article that names none (a local file)."""
    if article.site:
        return article.site
    if article.url:
        from urllib.parse import urlsplit

        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def outlet_key(name: str) -> str:
    """One key for two spellings of one outlet ("Inexhibit magazine", "InexhibitMagazine",
    "The Example Courier", "example courier"): letters and digits, case-folded, no leading
    "the"."""
    letters = re.sub(r"\W+", "", name.casefold())
    return letters.removeprefix("the") or letters
