"""What a document is, from its content: a binary file, a feed, an OPML list, a web page, other
markup or data, or text.

A file's name and a server's Content-Type are often wrong, so the content decides:

* binary formats by their signatures (PDF, Office and OpenDocument files, archives, images,
  audio, video, executables): none of them is an article we can read, and an uncompressed
  PDF would otherwise pass for text;
* markup by parsing its prolog: the XML declaration, comments, processing instructions and
  the DOCTYPE are skipped, in whatever encoding the document is (a BOM, UTF-16 or UTF-32
  without one, or the declaration's ``encoding``), and the root element's local name says
  the rest (``rss``, ``r:rss``, ``feed``, ``rdf:RDF``, CDF's ``CHANNEL``: a feed; ``opml``;
  ``html``). A feed that opens with a long comment, or is UTF-16, is still a feed;
* JSON by parsing it: a JSON Feed, or data that is no article;
* the rest is text. Markup is never summarised as prose: a document that opens with an element
  nobody here reads is reported as such.

The DOCTYPE is kept (:attr:`Kind.doctype`): the feed reader refuses documents whose internal
subset declares entities, looked for there and only there (an ``<!ENTITY`` quoted in a post
about XXE is text, not a declaration).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

# (signature, offset, what it is); checked in order, the first match wins
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an Office document (.doc, .xls or .ppt)"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"%!PS", 0, "a PostScript document"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"BM", 0, ""),  # checked below: too short a signature to trust alone
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"OggS", 0, "an Ogg media file"),
    (b"fLaC", 0, "a FLAC audio file"),
    (b"ftyp", 4, "an MP4 or QuickTime media file"),
    (b"\x1aE\xdf\xa3", 0, "a Matroska or WebM video"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard archive"),
    (b"\x7fELF", 0, "an executable (ELF)"),
    (b"MZ", 0, ""),  # checked below
    (b"\xca\xfe\xba\xbe", 0, "a Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O executable"),
    (b"\x00asm", 0, "a WebAssembly module"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"wOFF", 0, "a web font"),
    (b"wOF2", 0, "a web font"),
)
_ZIP = b"PK\x03\x04"
_ZIP_KINDS = (  # a name stored near the start of the archive, and what the archive is
    (b"word/", "a Word document (.docx)"),
    (b"xl/", "an Excel workbook (.xlsx)"),
    (b"ppt/", "a PowerPoint presentation (.pptx)"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file (.odt, .ods, .odp)"),
    (b"application/epub+zip", "an EPUB book"),
)
_RIFF_KINDS = ((b"WEBP", "a WebP image"), (b"WAVE", "a WAV audio file"),
               (b"AVI ", "an AVI video"))

_PROLOG = re.compile(
    r"\s+|<\?.*?\?>|<!--.*?-->|(?P<doctype><!DOCTYPE(?:[^\[>]|\[.*?\])*>)",
    re.DOTALL | re.IGNORECASE)
# RSS (any version, prefixed or not), Atom, RSS 1.0's rdf:RDF, and CDF's CHANNEL
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_DECLARED = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_DECLARATION = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[A-Za-z0-9._:-]+(["'])""")
_HTML_ROOTS = frozenset({"html", "head", "body", "div", "p", "article", "main", "section",
                         "span", "table", "h1", "h2", "h3", "meta", "title", "link", "script",
                         "style", "header", "nav", "br", "b", "i", "a", "ul", "ol", "center",
                         "font", "form", "iframe", "img", "pre", "frameset", "noscript"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# "<?" in the UTF-16 and UTF-32 encodings, for a document without a BOM
_BOMLESS = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
            (b"\x00<\x00", "utf-16-be"), (b"<\x00", "utf-16-le"))


@dataclass(frozen=True, slots=True)
class Kind:
    """``name``: "feed", "opml", "html", "text", or "other" (markup or data no reader takes,
    or a binary file: ``detail`` says which). ``doctype``: the DOCTYPE of an XML document,
    with its internal subset."""

    name: str
    detail: str = ""
    doctype: str = ""


def binary_format(data: bytes) -> str | None:
    """What binary format ``data`` is in, by its signature ("a PDF document"), or None."""
    head = data[:4096]
    if head.startswith(_ZIP):
        return next((what for marker, what in _ZIP_KINDS if marker in head),
                    "a ZIP archive")
    if head.startswith(b"RIFF") and len(head) >= 12:
        return next((what for marker, what in _RIFF_KINDS if head[8:12] == marker),
                    "a RIFF media file")
    for signature, offset, what in _SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            if what:
                return what
            if b"\x00" in head[:64]:  # "BM..." and "MZ..." start text too; binaries have NULs
                return "a bitmap image" if signature == b"BM" else "an executable (Windows)"
    return None


def as_utf8(data: bytes) -> bytes:
    """A UTF-16 or UTF-32 document re-encoded as UTF-8 (its declaration saying so), for
    parsers that stumble on the wide encodings (feedparser reads no UTF-32); other documents
    as they are, since their parsers read legacy encodings better than a guess would."""
    wide = any(data.startswith(bom) for bom, name in _BOMS if name != "utf-8") or any(
        data.startswith(start) for start, _ in _BOMLESS)
    if not wide:
        return data
    text = _DECLARATION.sub(r"\1utf-8\2", decode_markup(data), count=1)
    return text.encode("utf-8")


def decode_markup(data: bytes) -> str:
    """Markup as text, by the rules of XML: a BOM, else UTF-16/32 recognised by where the
    zero bytes of ``<`` fall, else the declaration's ``encoding``, else UTF-8 (bytes that are
    not are replaced, never a reason to fail)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    for start, encoding in _BOMLESS:
        if data.startswith(start):
            return data.decode(encoding, errors="replace")
    declared = _DECLARED.match(data[:512].decode("latin-1"))
    if declared:
        try:
            return data.decode(declared.group(1), errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def root_element(text: str) -> tuple[str | None, str]:
    """The root element's local name (lower-case) after the prolog, or None if the text does
    not open with markup; and the DOCTYPE, if any."""
    position, doctype = 0, ""
    while True:
        match = _PROLOG.match(text, position)
        if match is None or match.end() == position:
            break
        doctype = match.group("doctype") or doctype
        position = match.end()
    root = _ROOT.match(text, position)
    return (root.group(1).lower() if root else None), doctype


def sniff(data: bytes, media_type: str = "") -> Kind:
    """What ``data`` is, by its content, then by ``media_type`` (see the module's docstring)."""
    binary = binary_format(data)
    if binary is not None:
        return Kind("other", binary)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        kind = _json_kind(data)
        if kind is not None:
            return kind
    if _opens_with_markup(data):
        root, doctype = root_element(decode_markup(data))
        if root in FEED_ROOTS:
            return Kind("feed", doctype=doctype)
        if root == "opml":
            return Kind("opml", doctype=doctype)
        if root in _HTML_ROOTS or "html" in doctype[:20].lower():
            return Kind("html")
        if root is not None:
            if media_type in ("text/html", "application/xhtml+xml"):
                return Kind("html")
            return Kind("other", f"XML that is neither a feed nor a web page (<{root}>)")
    if media_type in ("application/rss+xml", "application/atom+xml"):
        return Kind("feed")
    if media_type in ("text/html", "application/xhtml+xml"):
        return Kind("html")
    return Kind("text")


def _opens_with_markup(data: bytes) -> bool:
    """A BOM, or a "<" first (in any encoding): worth decoding to look for a root element."""
    return data.lstrip()[:1] == b"<" or any(
        data.startswith(start) for start, _ in (*_BOMS, *_BOMLESS))


def _json_kind(data: bytes) -> Kind | None:
    """A JSON Feed, other JSON (data, no article), or None when it is not JSON at all."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    except RecursionError:  # nested deeper than the decoder goes: no feed is like that
        return Kind("other", "JSON nested too deeply to be a feed")
    if isinstance(document, dict) and str(document.get("version", "")).startswith(
            "https://jsonfeed.org/version/"):
        return Kind("feed")
    return Kind("other", "JSON data, not an article or a JSON Feed")
