"""Words, word counts and terms, in each language the summariser analyses.

Words: a regular expression for Unicode tokens, with the combining marks Python's ``\\w``
leaves out; Chinese by rjieba (jieba's dictionary segmentation) on the text's simplified
characters (OpenCC), Japanese by MeCab with UniDic's small dictionary (the ``cjk`` extra),
else by overlapping pairs of characters. Terms: lower-cased words, stop words out (scikit-learn's
English list; stopwordsiso's for the others), Snowball stems (PyStemmer, no data files). Every
word is analysed once per process (:class:`Memo`): news reuses its words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from summarize.lazy import defer_unused
from summarize.text.languages import language as language_of
from summarize.text.languages import stemmer
from summarize.text.languages import stop_words as stop_words_of

log = logging.getLogger(__name__)

K = TypeVar("K")  # a Memo's arguments and values
V = TypeVar("V")

# Combining marks, which Python's \w leaves out: Devanagari and the other Indic scripts write
# most vowels with them (without, Hindi "किया" came out as the words "क" and "य"), Arabic and
# Hebrew their optional vowels; the Indic blocks' dandas (U+0964, U+0965) are punctuation
MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
         "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
         "\u06ea-\u06ed\u0900-\u0963\u0966-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e")
_WORD = re.compile(f"[\\w{MARKS}]+(?:[-'.][\\w{MARKS}]+)*")
# The same tokens in ASCII text, where \w is [A-Za-z0-9_] and there are no marks: a third
# faster to find (the engine tests no Unicode categories)
_ASCII_WORD = re.compile(r"\w+(?:[-'.]\w+)*", re.ASCII)
# A whitespace-separated token with a letter or digit in it ([^\W_] is exactly str.isalnum),
# from its first one on: one match per such token, found without backtracking over its start.
_COUNTED = re.compile(r"[^\W_]\S*")
_ASCII_COUNTED = re.compile("[A-Za-z0-9][^ \t\n\r\x0b\x0c\x1c-\x1f]*")  # \s in ASCII
_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone one: the segmenters' UTF-8 cannot hold it


def words(text: str, language: str = "en") -> list[str]:
    """The word tokens of ``text``: letters and digits, with inner hyphens, apostrophes, dots
    (Chinese and Japanese: see the module's docstring)."""
    kind = language_of(language).words if language != "en" else "unicode"
    if kind == "unicode":
        return unicode_tokens(text)
    try:
        return _dictionary_words(text, kind)
    except UnicodeEncodeError:  # a lone surrogate, which the segmenters' UTF-8 cannot hold
        return _dictionary_words(_SURROGATE.sub("\ufffd", text), kind)


def unicode_tokens(text: str) -> list[str]:
    """:func:`words`' Unicode tokens of ``text``, in any language."""
    return _word_pattern(text).findall(text)


def first_word(text: str) -> str | None:
    """The first of :func:`words`' Unicode tokens of ``text`` (None: it has none), found
    without reading the rest of it."""
    found = _word_pattern(text).search(text)
    return found.group() if found else None


def _word_pattern(text: str) -> re.Pattern[str]:
    """The pattern of the Unicode tokens that finds them fastest in ``text``."""
    return _ASCII_WORD if text.isascii() else _WORD


def _dictionary_words(text: str, kind: str) -> list[str]:
    """Chinese or Japanese words (see :func:`words`)."""
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
    """OpenCC's conversion of traditional Chinese characters to simplified ones; the text as
    written, with a warning, when OpenCC is missing or cannot load its tables."""
    try:
        import opencc

        converted: Callable[[str], str] = opencc.OpenCC("t2s").convert
    except (ImportError, RuntimeError, OSError) as error:
        log.warning("traditional Chinese is segmented as written: OpenCC is unavailable (%s)",
                    type(error).__name__)
        return str
    return converted


@lru_cache(maxsize=1)
def japanese_tagger() -> Any:
    """MeCab (fugashi) with UniDic's small dictionary (unidic-lite), splitting text into
    words separated by spaces; None when the ``cjk`` extra is not installed or MeCab cannot
    load the dictionary, with a warning: Japanese words are then overlapping character
    pairs."""
    try:
        import fugashi
        import unidic_lite
    except ImportError:
        log.warning("Japanese words are read as pairs of characters: install summarize[cjk] "
                    "(fugashi, unidic-lite) for UniDic's words")
        return None
    folder = Path(unidic_lite.DICDIR)
    try:  # this dictionary and its own settings, whatever MeCab configuration the machine has
        return fugashi.GenericTagger(f'-d "{folder}" -r "{folder / "mecabrc"}" -Owakati')
    except RuntimeError:  # a dictionary missing or damaged
        log.warning("Japanese words are read as pairs of characters: MeCab could not load "
                    "UniDic's dictionary from %s (reinstall summarize[cjk])", folder)
        return None


def count_words(text: str, language: str = "en") -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit; in
    Chinese and Japanese, which put no spaces between words, the words of :func:`words`."""
    if language != "en" and language_of(language).words != "unicode":
        return len(words(text, language))
    return len((_ASCII_COUNTED if text.isascii() else _COUNTED).findall(text))


@lru_cache(maxsize=16)
def analyzer(language: str, *, stem: bool, stop_words: bool) -> Callable[[str], tuple[str, ...]]:
    """A function from text to its terms: lower-cased words, stop words out, stemmed (in
    ``language``, a code or a name; no stemming where Snowball has no algorithm)."""
    analyse_words = word_analyzer(language, stem=stem, stop_words=stop_words)
    if unicode_words(language):
        return lambda text: analyse_words(unicode_tokens(text.lower()))
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
