"""Sentences in languages other than English.

By sentencex (Wikimedia's segmenter, with each language's abbreviations and ordinal dates:
"1. Dezember", "z. B.", with no data to download), then repairs measured on the Universal
Dependencies treebanks (``benchmarks/languages.py``), each of which raised recall there
without lowering precision:

- a sentence ends inside a quotation too (sentencex never ends one inside quotation marks: a
  quoted statement of three sentences was one); Dutch quotations open with ",,";
- a piece that starts with a lower-case letter continues the sentence before it (after
  Russian "t. e.", "that is"), unless that sentence ends with a word of five letters or more,
  which is no abbreviation; so does a piece after a lone initial ("M. Macron");
- a stop word before a full stop ends a sentence (German "mich.", which sentencex took for
  English "Mich.");
- an opening quote left at a piece's end opens the next sentence.

Chinese and Japanese end sentences at their full stop, exclamation and question marks
(U+3002, U+FF01, U+FF1F), and at ASCII "!" and "?" before a kana or Han character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarize.text.languages import stop_words as stop_words_of

# A piece that starts in lower case, and a lone capital initial ("M.") at a piece's end
_CONTINUES = re.compile(r"^[\"'«„(]*[^\W\d_]", re.UNICODE)
_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.$", re.UNICODE)
# A sentence that ends with a word of five letters or more, its full stop, ... and closers:
# no abbreviation, so a lower-case piece after it is a sentence of its own
_WORD_END = re.compile("[^\\W\\d_]{5,}[.!?\u2026][\"'\u00bb\u201c\u201d\u2019)\\]]*$")
# Chinese and Japanese full stop, exclamation and question marks; and ASCII "!" and "?" right
# before a kana or a Han character (Japanese on the web writes them so), with their closers
_CJK_END = re.compile("(?:(?<=[\u3002\uff01\uff1f])|(?<=[!?])(?=[\u300d\u300f\u201d)\\]]*"
                      "[\u3040-\u30ff\u4e00-\u9fff]))[\u300d\u300f\u201d)\\]]*")


def other_sentences(paragraph: str, code: str) -> list[str]:
    """The sentences of ``paragraph``, in the language ``code`` (not English)."""
    if not paragraph:
        return []
    if code in ("zh", "ja"):
        cuts = [m.end() for m in _CJK_END.finditer(paragraph)]
        pieces = [paragraph[a:b] for a, b in zip([0, *cuts], [*cuts, len(paragraph)],
                                                 strict=True)]
        return [p.strip() for p in pieces if p.strip()]
    from sentencex import segment

    sentences: list[str] = []
    carried = ""  # an opening quote the piece before ended with
    parts = (part for whole in segment(code, paragraph) for cut in _LOW_QUOTE.split(whole)
             for quoted in _in_quotes(cut, code) for part in _at_words(quoted, code))
    for part in parts:
        piece, carried = _opening_quote_moved(carried + part.strip(), code)
        if not piece:
            continue
        head = _CONTINUES.match(piece)
        if sentences and ((head and head.group(0)[-1].islower()
                           and not _WORD_END.search(sentences[-1]))
                          or _INITIAL.search(sentences[-1])):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    if carried:
        sentences.append(carried)
    return sentences


# A quotation: „German“, «French», “English”, "straight"
_QUOTED = re.compile("\u201e[^\u201e\u201c\u201d]*[\u201c\u201d]|\u00ab[^\u00ab\u00bb]*\u00bb|"
                     "\u201c[^\u201c\u201d]*\u201d|\"[^\"]*\"|,,[^\u201d']*(?:\u201d|'')")
# Dutch newspapers open a quotation with two commas: ",,Door te vasten ..."
_LOW_QUOTE = re.compile(r"(?<=[.!?\u2026])\s+(?=,,\s?[^\W\d_])")
_INNER_END = re.compile(r"[.!?\u2026]\s")


def _in_quotes(piece: str, code: str) -> Iterator[str]:
    """``piece`` cut where a sentence ends inside one of its quotations: sentencex never
    ends a sentence inside quotation marks, so a quoted statement of three sentences was one
    (as the treebanks, and the English segmenter, have it: three). The quotation's text goes
    through sentencex again, without its marks, so that its abbreviations still hold."""
    from sentencex import segment

    start = 0
    for quoted in _QUOTED.finditer(piece):
        text = quoted.group(0)
        opened = 2 if text.startswith(",,") else 1
        inner = text[opened:-2 if text.endswith("''") else -1]
        if not _INNER_END.search(inner):
            continue
        offset = quoted.start() + opened
        for sentence in segment(code, inner)[:-1]:
            offset += len(sentence)
            if piece[start:offset].strip():
                yield piece[start:offset]
                start = offset
    yield piece[start:]


def _opening_quote_moved(piece: str, code: str) -> tuple[str, str]:
    """``piece`` without an opening quote it ends with, and that quote (which opens the next
    sentence: sentencex leaves ``... la imagen). "Por favor`` cut after the quote). A quote
    opens when its kind is unbalanced in the piece: an odd number of straight quotes, more
    "«" than "»", more "“" than "”" (in German, where "“" closes "„": after a space)."""
    if len(piece) < 2 or piece[-2] not in ".!?\u2026 ":
        return piece, ""
    mark = piece[-1]
    opens = ((mark == '"' and piece.count('"') % 2 == 1)
             or (mark == "\u00ab" and piece.count("\u00ab") > piece.count("\u00bb"))
             or (mark == "\u201c" and code != "de"
                 and piece.count("\u201c") > piece.count("\u201d"))
             or (mark == "\u201c" and code == "de" and piece[-2] == " ")
             or mark == "\u201e")
    return (piece[:-1].rstrip(), mark) if opens else (piece, "")


# A word, its full stop, white space, then a capital (maybe after an opening quote).
_WORD_STOP = re.compile(r"(?<![\w.])([^\W\d_]+)\.\s+(?=[\"'\u00ab\u201e\u201c(]*[^\W\d_])")
# Lower-case abbreviations that are also listed as stop words (the rest of those lists are
# words that end sentences: German "mich", "mit", "vor")
_ABBREVIATED_STOPS = frozenset({"atd", "atp", "bijv", "bv", "bzw", "ca", "dhr", "ecc", "etc",
                                "inc", "mw", "nv", "pres", "proc", "sig", "tel", "usw", "vgl"})


def _at_words(piece: str, code: str) -> Iterator[str]:
    """``piece`` cut after each of its language's stop words that ends in a full stop before a
    capital: sentencex counts English abbreviations ("Mich.", "Min.", "Miss.") in every
    language, so German "... überraschen mich. Ebenso ..." stayed one sentence."""
    stops = stop_words_of(code)
    start = 0
    for found in _WORD_STOP.finditer(piece):
        word = found.group(1)
        following = piece[found.end():].lstrip("\"'\u00ab\u201e\u201c(")
        if (word.islower() and word in stops and word not in _ABBREVIATED_STOPS
                and following[:1].isupper()):
            yield piece[start:found.end()]
            start = found.end()
    yield piece[start:]
