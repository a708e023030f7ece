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

Words: a regular expression for Unicode tokens (Chinese by rjieba, jieba's dictionary
segmentation, on simplified characters by OpenCC; Japanese by MeCab with UniDic's small
dictionary, the ``cjk`` extra, else by overlapping pairs of characters),
Snowball stemming (the ``snowballstemmer`` package, no data files) and each language's stop
words (scikit-learn's English list; stopwordsiso's for the others).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from summarize.lazy import defer_unused
from summarize.text.languages import language as language_of
from summarize.text.languages import stemmer
from summarize.text.languages import stop_words as stop_words_of
from summarize.text.other_sentences import other_sentences

log = logging.getLogger(__name__)

K = TypeVar("K")  # a Memo's arguments and values
V = TypeVar("V")

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
# Combining marks, which Python's \w leaves out: Devanagari and the other Indic scripts write
# most vowels with them (without, Hindi "किया" came out as the words "क" and "य"), Arabic and
# Hebrew their optional vowels; the Indic blocks' dandas (U+0964, U+0965) are punctuation
MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
         "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
         "\u06ea-\u06ed\u0900-\u0963\u0966-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e")
_WORD = re.compile(f"[\\w{MARKS}]+(?:[-'.][\\w{MARKS}]+)*")
# A whitespace-separated token with a letter or digit in it ([^\W_] is exactly str.isalnum).
_COUNTED = re.compile(r"\S*[^\W_]\S*")
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
    if not _MAYBE_END.search(paragraph):
        sentences = [paragraph] if paragraph else []
    else:
        sentences = []
        for part in _clear_parts(paragraph):
            if _MAYBE_END.search(part) and not _no_end_in(part):
                _syntok(part, sentences)
            else:
                sentences.append(part)
    if _LOWER_START.search(paragraph):
        return [piece for sentence in sentences for piece in _lower_starts(sentence)]
    return sentences


# A word of five letters or more, its full stop (or ? or !), a space, then a lower-case letter:
# few abbreviations are that long (syntok's and :data:`_LONG_ABBREVIATIONS`), so a sentence
# ends (web text and e-mail often start sentences in lower case: "... later. what are you")
_LOWER_START = re.compile(r"(?<![\w.'\u2019-])([A-Za-z]{5,})[.!?]\s+(?=[a-z])")
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


def words(text: str, language: str = "en") -> list[str]:
    """The word tokens of ``text``: letters and digits, with inner hyphens, apostrophes, dots
    (Chinese and Japanese: see the module's docstring)."""
    kind = language_of(language).words if language != "en" else "unicode"
    if kind == "unicode":
        return _WORD.findall(text)
    if kind == "chinese":
        return _chinese_words(text)
    tagger = japanese_tagger()
    if tagger is not None:  # MeCab reads a C string: a NUL would end the text
        return [token for token in tagger.parse(text.replace("\0", " ")).split()
                if _WORD.fullmatch(token)]
    pairs: list[str] = []
    for run in _WORD.findall(text):
        pairs.extend([run] if len(run) < 3 or run.isascii() else
                     [run[i:i + 2] for i in range(len(run) - 1)])
    return pairs


def _chinese_words(text: str) -> list[str]:
    """rjieba's words, found in the text's simplified characters (jieba's dictionary is of
    simplified words: traditional text came apart at "國的", word F1 0.70 against UD's
    traditional treebank, 0.76 so) and given back as written."""
    import rjieba

    simple = _simplified()(text)
    if len(simple) != len(text):  # a conversion of whole phrases: read the text as written
        simple = text
    found, end = [], 0
    for token in rjieba.cut(simple):
        start = simple.find(token, end)
        end = start + len(token)
        if _WORD.fullmatch(token):
            found.append(text[start:end])
    return found


@lru_cache(maxsize=1)
def _simplified() -> Callable[[str], str]:
    """OpenCC's conversion of traditional Chinese characters to simplified ones."""
    import opencc

    converted: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converted


@lru_cache(maxsize=1)
def japanese_tagger() -> Any:
    """MeCab (fugashi) with UniDic's small dictionary (unidic-lite), splitting text into
    words separated by spaces; None when the ``cjk`` extra is not installed, with a warning:
    Japanese words are then overlapping character pairs."""
    try:
        import fugashi
        import unidic_lite
    except ImportError:
        log.warning("Japanese words are read as pairs of characters: install summarize[cjk] "
                    "(fugashi, unidic-lite) for UniDic's words")
        return None
    folder = Path(unidic_lite.DICDIR)
    # this dictionary and its own settings, whatever MeCab configuration the machine has
    return fugashi.GenericTagger(f'-d "{folder}" -r "{folder / "mecabrc"}" -Owakati')


def count_words(text: str, language: str = "en") -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit; in
    Chinese and Japanese, which put no spaces between words, the words of :func:`words`."""
    if language != "en" and language_of(language).words != "unicode":
        return len(words(text, language))
    return len(_COUNTED.findall(text))


@lru_cache(maxsize=16)
def analyzer(language: str, *, stem: bool, stop_words: bool) -> Callable[[str], tuple[str, ...]]:
    """A function from text to its terms: lower-cased words, stop words out, stemmed (in
    ``language``, a code or a name; no stemming where Snowball has no algorithm)."""
    analyse_words = word_analyzer(language, stem=stem, stop_words=stop_words)
    if unicode_words(language):
        return lambda text: analyse_words(_WORD.findall(text.lower()))
    code = language_of(language).code
    return lambda text: analyse_words(words(text.lower(), code))


def unicode_words(language: str) -> bool:
    """Whether ``language``'s words are :func:`words`' Unicode tokens (no dictionary, no
    character pairs): then lower-casing ASCII text and tokenising commute."""
    return language_of(language).words == "unicode"


@lru_cache(maxsize=16)
def word_analyzer(language: str, *, stem: bool, stop_words: bool
                  ) -> Callable[[list[str]], tuple[str, ...]]:
    """:func:`analyzer` from the lower-cased words of a text, for a caller that has them."""
    defer_unused()
    spoken = language_of(language)
    stops = stop_words_of(spoken.code) if stop_words else frozenset()
    stem_word = stemmer(spoken.stemmer) if stem and spoken.stemmer else str

    def term(token: str) -> str | None:
        word = token.replace("'s", "").strip("'.")
        keep = len(word) > 1 and word not in stops and not word.isdigit()
        return (stem_word(word) or None) if keep else None

    term_of = Memo(term).__getitem__  # token -> its term (None: dropped); news reuses words
    return lambda tokens: tuple(filter(None, map(term_of, tokens)))


class Memo(dict[K, V]):
    """A function's results by argument, computed on first lookup: looking many words up at
    once (``map(memo.__getitem__, words)``) stays in C for every word seen before."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self._compute(key)
        return value
