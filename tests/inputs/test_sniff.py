"""What a document is, by its content: binary formats, feeds in any encoding, markup, data."""

from __future__ import annotations

import codecs
import json

import pytest

from summarize.inputs.sniff import binary_format, root_element, sniff
from tests.inputs.test_feeds import ATOM, JSON_FEED, OPML, RSS


def test_sniffing_by_content_then_type() -> None:
    assert sniff(RSS).name == sniff(ATOM).name == sniff(JSON_FEED).name == "feed"
    assert sniff(OPML).name == "opml"
    assert sniff(b"<!DOCTYPE html><html><p>x</p></html>").name == "html"
    assert sniff(b"<div>fragment</div>", "text/html").name == "html"
    assert sniff(b"Just an article.\n\nWith paragraphs.").name == "text"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_feed_in_any_unicode_encoding_is_a_feed(encoding: str) -> None:
    # Regression: only an ASCII "<rss" in the first 2 KB made a feed; a UTF-16 feed file was
    # summarised as a plain-text article of raw XML.
    document = f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"></rss>'
    assert sniff(document.encode(encoding)).name == "feed"


def test_a_prefixed_root_and_a_long_opening_comment_are_still_a_feed() -> None:
    assert sniff(b'<r:rss xmlns:r="http://backend.userland.com/rss2"></r:rss>').name == "feed"
    assert sniff(b"<rdf:RDF xmlns:rdf='x'><channel/></rdf:RDF>").name == "feed"
    commented = b"<?xml version='1.0'?>\n<!--" + b" description " * 500 + b"-->\n<feed/>"
    assert len(commented) > 4096 and sniff(commented).name == "feed"


def test_the_doctype_is_read_from_the_prolog_only() -> None:
    root, doctype = root_element('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>'
                                 "<item><![CDATA[<!ENTITY x 'y'>]]></item></rss>")
    assert root == "rss" and doctype == '<!DOCTYPE rss [<!ENTITY a "b">]>'
    assert root_element("<rss><item><![CDATA[<!DOCTYPE x [<!ENTITY y 'z'>]>]]></item></rss>"
                        ) == ("rss", "")


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n3 0 obj<</Length 44>>stream", "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml",
     "a Word document (.docx)"),
    (b"PK\x03\x04\x14\x00mimetypeapplication/vnd.oasis.opendocument.text",
     "an OpenDocument file (.odt, .ods, .odp)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "an Office document (.doc, .xls or .ppt)"),
    (b"\x89PNG\r\n\x1a\n\0\0", "a PNG image"),
    (b"\x1f\x8b\x08\x00", "a gzip archive"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP image"),
    (b"\x00\x00\x00\x18ftypmp42", "an MP4 or QuickTime media file"),
    (b"MZ\x90\x00\x03\x00\x00\x00", "an executable (Windows)"),
])
def test_binary_formats_are_known_by_their_signatures(data: bytes, what: str) -> None:
    assert binary_format(data) == what
    kind = sniff(data, "text/plain")
    assert (kind.name, kind.detail) == ("other", what)


def test_text_that_starts_like_a_signature_is_still_text() -> None:
    assert binary_format(b"BMX announced a new bike on Monday.") is None
    assert binary_format(b"MZ Motors said sales rose.") is None
    assert sniff(b"BMX announced a new bike on Monday.").name == "text"


def test_markup_and_data_nobody_reads_are_never_text() -> None:
    assert sniff(b'<?xml version="1.0"?><urlset><url/></urlset>').detail == (
        "XML that is neither a feed nor a web page (<urlset>)")
    assert sniff(json.dumps({"a": [1, 2]}).encode()).name == "other"
    deep = b'{"version": "https://jsonfeed.org/version/1.1", "items": ' + b"[" * 100_000
    assert sniff(deep + b"]" * 100_000 + b"}").name == "other"
    assert sniff(codecs.BOM_UTF16_LE + "Plain words.".encode("utf-16-le")).name == "text"
