"""A web page's article: its main text, title, date, author and site name.

The extraction is trafilatura's (``bare_extraction``), chosen on published evaluations: it
scored F1 0.960 on the ScrapingHub article-extraction benchmark, ahead of readability-lxml
(0.955), newspaper4k (0.938), goose3, boilerpy3 and justext, and it works offline on an HTML
string. Navigation, advertisements and comment sections are what it leaves out; tables are
kept (a page whose article is a table would lose it), one row a line, cells between ``|``. The
bytes are decoded here first: the charset of the HTTP header, else of a ``<meta>`` tag, else
UTF-8, else charset-normalizer's guess; and the text goes through the same cleaning as a
file's (escape sequences and control characters never reach the terminal). A numeric
reference to a control character (``&#11;``) is removed before parsing: the parser would
otherwise give up on the whole page.

The date is the page's own, from its markup only (``article:published_time``, JSON-LD's
``datePublished``, ``<time>`` and the like): a date guessed from the text ("(c) 2026" in the
footer) is no date. :attr:`Extracted.day_only` tells a date without a time of day.

A page whose only text is a cookie-consent notice is no article (:func:`consent_wall`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from summarize.text.clean import decode, strip_escapes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DECLARED_LANGUAGE = re.compile(
    r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)"""
    r"""|<meta[^>]+property\s*=\s*["']og:locale["'][^>]*content\s*=\s*["']([A-Za-z_-]+)""",
    re.IGNORECASE)
_DATE_OPTIONS = {"extensive_search": False, "original_date": True,
                 "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_BLOCKS = ("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
           "br", "section", "article", "dd", "dt", "figcaption")
_CONSENT = re.compile(
    r"\b(cookies?|consent|privacy|personal data|personali[sz]ed (?:ads|advertising|content)|"
    r"partners|vendors|legitimate interest|accept all|reject all|agree|manage (?:your )?"
    r"(?:preferences|choices|options|settings)|tracking|opt[ -]out)\b", re.IGNORECASE)
# A consent wall is short: a real article that mentions cookies is longer than this.
CONSENT_WALL_WORDS = 400


@dataclass(frozen=True, slots=True)
class Extracted:
    title: str | None
    text: str  # paragraphs separated by blank lines
    published: datetime.datetime | None  # UTC
    author: str | None
    site: str | None
    day_only: bool = False  # the page gives a day, not a time: published is its midnight UTC
    language: str | None = None  # as the page declares it (<html lang>, og:locale)


def decode_html(data: bytes, header_charset: str | None = None) -> str | None:
    """HTML bytes as text (see the module's docstring for the order of evidence)."""
    for charset in (header_charset, _meta_charset(data)):
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def extract(html: str, url: str | None = None) -> Extracted | None:
    """The article in ``html`` (None if the page holds no article text)."""
    import trafilatura

    # Escape sequences go before parsing: the parser drops the ESC byte itself and would
    # leave the rest ("[31m") in the text. deduplicate=False: trafilatura's deduplication
    # remembers text across calls (a cache in the process), so a page seen twice would lose
    # its text the second time.
    document = trafilatura.bare_extraction(
        parseable(html), url=url, with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_links=False, deduplicate=False,
        date_extraction_params=_DATE_OPTIONS)
    if document is None:
        return None
    found = document if isinstance(document, dict) else document.as_dict()
    text = found.get("text") or ""
    paragraphs = [line.strip().strip("|").strip() if line.lstrip().startswith("|")
                  else line.strip() for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    published, day_only = _date(found.get("date"))
    declared = _DECLARED_LANGUAGE.search(html[:20_000])
    return Extracted(title=_field(found.get("title")), text="\n\n".join(paragraphs),
                     published=published, author=_field(found.get("author")),
                     site=_field(found.get("sitename")) or _field(found.get("hostname")),
                     day_only=day_only,
                     language=(declared.group(1) or declared.group(2)) if declared else None)


def parseable(html: str) -> str:
    """``html`` as the parser can take it: no terminal escape sequences (the parser drops
    the ESC byte itself and would leave "[31m" in the text), no raw control characters, and
    no numeric references to them (libxml2 refuses the whole page for one ``&#11;``)."""
    html = _RAW_CONTROLS.sub("", strip_escapes(html))
    return _NUMERIC_REFERENCE.sub(_allowed_reference, html) if "&#" in html else html


def _allowed_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code in (9, 10, 13) or 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or \
            0xE000 <= code < 0xFFFE or 0x10000 <= code <= 0x10FFFF:
        return match.group(0)
    if 0x80 <= code < 0xA0:  # as browsers do: the Windows-1252 character of that byte
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""  # a control character, a surrogate, a non-character or out of range


def fragment_text(fragment: str) -> str:
    """An HTML fragment (a feed entry's content) as plain paragraphs separated by blank
    lines; empty when it holds no text."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in fragment and "&" not in fragment:
        return "\n\n".join(line.strip() for line in fragment.split("\n") if line.strip())
    try:
        root = lxml_html.fragment_fromstring(parseable(fragment), create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def consent_wall(text: str) -> bool:
    """Whether an extracted page's text is only a cookie-consent notice: short, with most of
    its paragraphs about cookies, consent and partners."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if not paragraphs or len(text.split()) > CONSENT_WALL_WORDS:
        return False
    about = sum(1 for p in paragraphs if _CONSENT.search(p))
    return about >= max(1, (len(paragraphs) + 1) // 2) and \
        len(_CONSENT.findall(text)) >= 3


def _field(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(value: object) -> tuple[datetime.datetime | None, bool]:
    """The page's date in UTC, and whether it is a day only (htmldate gives a day as its
    midnight with no zone; a time of day comes with its zone, or is taken as UTC)."""
    if not isinstance(value, str):
        return None, False
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        return None, False
    day_only = moment.tzinfo is None and moment.time() == datetime.time()
    moment = moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC), day_only
