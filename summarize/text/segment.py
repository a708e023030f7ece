"""Offline sentence segmentation and word analysis.

Sentences: syntok (segtok's successor), chosen on the gold set in
``tests/data/segmentation_gold.txt`` by ``benchmarks/segmenters.py``, which compares it with
pysbd, blingfire and a naive regex; its accuracy and speed are recorded in BENCHMARKS.md. syntok
is rule-based, needs no downloaded model, and runs in linear time (pysbd is quadratic in the
length of a paragraph). Its abbreviation list lacks some English titles common in news ("Lt.",
"Gov.", "Rep.", "Sgt."), so a split right after one of :data:`TITLES` is undone.

syntok walks every token and was 70% of a large run's time, while most boundaries in news are
not in doubt: a word that is no abbreviation, its full stop (or ? or !), maybe a closing
quote, a space, then a capital. A paragraph is first cut at those (:data:`_CLEAR_END`). A
piece that still holds a terminal that may end a sentence (:data:`_MAYBE_END`) goes through
syntok, unless each such terminal is a full stop that syntok's own rules keep inside the
sentence: after one of its abbreviations or our titles ("Dr.", "Gov.") or a dotted token
("U.S."), before a capitalised word that is not one of its sentence starters
(:func:`_no_end_in`). ``benchmarks/segmenters.py`` compares the result with syntok's over
whole paragraphs: the same on the gold set (grown with cases the old way split wrongly), and
on 98.4% of the development data's 25,858 paragraphs, 4.3 times faster; where they differ,
mostly where syntok split inside a bracket, at a stray quote or semicolon, or after a title
that follows an opening quote (BENCHMARKS.md).

A full stop, "?" or "!" right after a word of five letters or more, then a space and a
lower-case letter, ends a sentence too (:data:`_LOWER_START`: e-mail, chat and web text start
sentences in lower case; no abbreviation of that length ends so but the few listed); with a
closing quote between, it stays one sentence (``"... decision." said Reineri``). On the
development data's 48,174 paragraphs that changes 13, most of them wire trailers
("... construction. enditem =02021451"); on the English Web Treebank F1 0.917 -> 0.945.

Other languages: :mod:`summarize.text.other_sentences` (sentencex, then repairs).

Words, word counts and terms: :mod:`summarize.text.tokens`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from summarize.text.languages import language as language_of
from summarize.text.other_sentences import other_sentences

TITLES = frozenset({
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Gen", "Gov", "Hon", "Insp",
    "Lt", "Maj", "Pfc", "Rep", "Rev", "Sen", "Sgt", "Supt",
})
_TITLE_END = re.compile(r"(?:^|\s)(\w+)\.$")
# sentence-final punctuation followed by anything but more punctuation, quotes or brackets
_CLOSERS = "\"')\\]\u2019\u201d.!?\u2026"
# Capital letters, of any script ("Álvaro", "Özil" start sentences too)
_UPPER = "A-Z" + "".join(re.escape(chr(c)) for c in range(0xC0, 0x2000)
                          if chr(c).isupper() and chr(c).isalpha())
# A terminal that may end a sentence: white space and a capital, digit or opening mark follow
# (or, after an ellipsis, a capital at once).
_MAYBE_END = re.compile(f"[.!?\u2026][{_CLOSERS}]*\\s+[\"'`(\\[\u2018\u201c\u00ab]*[{_UPPER}0-9]"
                        f"|(?:\\.\\.\\.|\u2026)[{_UPPER}]")
# A terminal before the last character: a paragraph without one has no _MAYBE_END (a plain
# character class is scanned for in C; _MAYBE_END's two branches are tried at every character)
_TERMINAL_INSIDE = re.compile("[.!?\u2026](?=.)", re.S)
# A sentence end no reader doubts: a word of two letters or more with no dot in it, then a full
# stop and any closing quotes or brackets (or a bare ? or !: "ready!' Smith said" is one
# sentence), white space, and a capital (or an opening quote and a capital). Abbreviations
# (syntok's list, its months, our titles) are not clear ends: syntok decides those.
_CLEAR_END = re.compile(r"(?<![\w.'\u2019-])([A-Za-z][a-z]+(?:['\u2019-][A-Za-z]+)*)"
                        r"(\.[\"')\]\u2019\u201d]*|[!?])\s+"
                        f"(?=[\"'`(\u2018\u201c\u00ab]?[{_UPPER}])")
# A token, its full stop, white space and the next word: "Gen. Martin", "U.S. officials".
_ABBREVIATED = re.compile(r"[\"'`(\[\u2018\u201c]*(?P<before>[A-Za-z][A-Za-z.]*?)(?P<stop>\.)"
                          r"\s+(?P<word>[A-Z][A-Za-z'\u2019-]*)")
# syntok walks its input token by token; feeding it bounded pieces keeps memory flat on a
# pathological multi-megabyte line. Pieces are cut at whitespace.
_PIECE = 20_000


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """Split one paragraph into sentences (stripped, in order, none empty).

    English: a paragraph with no sentence-final punctuation before its end is one sentence;
    only the others go through syntok (a fast path: news often has one-sentence paragraphs).
    Other languages: see the module's docstring.
    """
    paragraph = paragraph.strip()
    code = language_of(language).code
    if code != "en":
        return other_sentences(paragraph, code)
    if not _may_end(paragraph):
        sentences = [paragraph] if paragraph else []
    else:
        sentences = []
        for part in _clear_parts(paragraph):
            if _may_end(part) and not _no_end_in(part):
                _syntok(part, sentences)
            else:
                sentences.append(part)
    if _TERMINAL_LOWER.search(paragraph) and _LOWER_START.search(paragraph):
        return [piece for sentence in sentences for piece in _lower_starts(sentence)]
    return sentences


def _may_end(text: str) -> bool:
    """Whether ``text`` holds a terminal that may end a sentence (:data:`_MAYBE_END`)."""
    return bool(_TERMINAL_INSIDE.search(text) and _MAYBE_END.search(text))


# A word of five letters or more, its full stop (or ? or !), a space, then a lower-case letter:
# few abbreviations are that long (syntok's and :data:`_LONG_ABBREVIATIONS`), so a sentence
# ends (web text and e-mail often start sentences in lower case: "... later. what are you")
_LOWER_START = re.compile(r"(?<![\w.'\u2019-])([A-Za-z]{5,})[.!?]\s+(?=[a-z])")
# What every _LOWER_START match holds, found four times faster: few paragraphs have it
_TERMINAL_LOWER = re.compile(r"[.!?]\s+[a-z]")
# News abbreviations of five letters or more that syntok does not list
_LONG_ABBREVIATIONS = frozenset({"calif", "admin", "assoc", "lieut", "comdr", "messrs", "penna"})


@lru_cache(maxsize=1)
def _long_abbreviations() -> frozenset[str]:
    """Lower-case abbreviations of five letters or more: ours and syntok's ("approx")."""
    return _LONG_ABBREVIATIONS | {a.lower() for a in _not_final()[0] if len(a) >= 5}


def _lower_starts(sentence: str) -> Iterator[str]:
    start = 0
    for found in _LOWER_START.finditer(sentence):
        if found.group(1).lower() not in _long_abbreviations():
            yield sentence[start:found.end()].rstrip()
            start = found.end()
    yield sentence[start:]


def _no_end_in(part: str) -> bool:
    """Whether every terminal in ``part`` that may end a sentence does not, by syntok's own
    rules: a full stop after an abbreviation ("Dr.", "Oct.", "Gov.") or a dotted token
    ("U.S.", "p.m."), then a capitalised word that is not one of syntok's sentence starters
    ("The", "But", ...). Such a part is one sentence without asking syntok."""
    abbreviations, starters = _not_final()
    for match in _MAYBE_END.finditer(part):
        after = _ABBREVIATED.match(part, _token_start(part, match.start()))
        if after is None or after.end("stop") != match.start() + 1:
            return False
        before, word = after.group("before"), after.group("word")
        if word in starters or not (before in abbreviations or "." in before):
            return False
    return True


def _token_start(text: str, end: int) -> int:
    """Where the whitespace-delimited token ending at ``end`` starts."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _clear_parts(paragraph: str) -> Iterator[str]:
    """``paragraph`` cut at its clear sentence ends (see the module's docstring)."""
    start = 0
    abbreviations = _abbreviations()
    for match in _CLEAR_END.finditer(paragraph):
        if match.group(1) in abbreviations or \
                paragraph.count("(", start, match.start()) > \
                paragraph.count(")", start, match.start()):  # inside brackets: syntok decides
            continue
        yield paragraph[start:match.end(2)]
        start = match.end()
    yield paragraph[start:]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words that a full stop may follow without ending the sentence."""
    from syntok._segmentation_states import State

    return frozenset(State.abbreviations | State.months | TITLES | {"No", "no", "NO"})


@lru_cache(maxsize=1)
def _not_final() -> tuple[frozenset[str], frozenset[str]]:
    """syntok's abbreviations (a full stop after one ends no sentence, unless a starter
    follows) with our titles, and its sentence starters ("The", "But", ...)."""
    from syntok._segmentation_states import State

    return frozenset(State.abbreviations | TITLES), frozenset(State.starters)


def _syntok(paragraph: str, sentences: list[str]) -> None:
    """Append syntok's sentences of ``paragraph`` (with the title repair) to ``sentences``."""
    import syntok.segmenter as segmenter

    for piece in _pieces(paragraph):
        for para in segmenter.analyze(piece):
            for sentence in para:
                text = "".join(tok.spacing + tok.value for tok in sentence).strip()
                if not text:
                    continue
                if sentences and _ends_with_title(sentences[-1]):
                    sentences[-1] = f"{sentences[-1]} {text}"
                else:
                    sentences.append(text)


def _pieces(text: str) -> Iterator[str]:
    while len(text) > _PIECE:
        cut = text.rfind(" ", 0, _PIECE)
        cut = _PIECE if cut <= 0 else cut
        yield text[:cut]
        text = text[cut:]
    yield text


def _ends_with_title(sentence: str) -> bool:
    match = _TITLE_END.search(sentence)
    return bool(match and match.group(1) in TITLES)
