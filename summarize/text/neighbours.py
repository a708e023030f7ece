"""Neighbouring languages told apart by what only one of them writes.

fastText's lite model (:mod:`summarize.text.detect`) errs on short texts between close
languages, and there the text itself often settles it: the script (Han characters and kana
are Chinese or Japanese, whatever the model answers), and the letters and common words that
only one of two neighbours writes (Czech "ě", "lze", "této"; Slovak "ä", "nebola", "v roku";
Portuguese "ã", "não", "já"; Spanish "ñ", "la", "cuando"; Ukrainian "ї"; Russian "ы"; Dutch
"het", "een"). The word lists were chosen on Universal Dependencies sentences and checked on
their dev splits (``benchmarks/languages.py``; BENCHMARKS.md).
"""

from __future__ import annotations

import re

# The commonest English function words, which other languages barely share
COMMON_ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by",
    "at", "from", "he", "said", "it", "his", "an", "be", "are", "have", "has", "were", "its",
    "their", "they", "but", "not", "this", "which", "will", "who", "had", "been", "would",
    "also", "after", "more", "than", "about"})


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


def _words(listed: str) -> str:
    """A regular expression of any of the space-separated words, each as a whole word."""
    return rf"\b(?:{'|'.join(listed.split())})\b"


def _any_word(listed: str) -> re.Pattern[str]:
    """A pattern of any of the space-separated words, each as a whole word, in any case."""
    return re.compile(_words(listed), re.IGNORECASE)


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
_ENGLISH_WORDS = _any_word(" ".join(sorted(COMMON_ENGLISH - {"in"})) +
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
# Portuguese alone writes these among the languages the model takes short Portuguese for
# (French writes "ç", "ê", "à"; Italian "da", "do"; English "as", "do"): "ã", "õ", a sentence
# opening "O ...", and these words
_OPENING_O = r"(?-i:\bO\s+\w)"
_ONLY_PORTUGUESE_WORDS = ("não em um uma os dos das na nas ao às com foi pelo pela num numa você "
                          "é isso também mais seu sua ele ela muito já quando onde ontem hoje "
                          "depois ainda")
_ONLY_PORTUGUESE = re.compile(f"[ãõÃÕ]|{_OPENING_O}|{_words(_ONLY_PORTUGUESE_WORDS)}",
                              re.IGNORECASE)
# and against Spanish also these
_PORTUGUESE = re.compile(
    f"[ãõçâêôàÃÕÇÂÊÔÀ]|{_OPENING_O}|" + _words(
        f"{_ONLY_PORTUGUESE_WORDS} as do da pelos pelas neste nesta ter qual quem agora outro "
        "outra outros outras exemplo"), re.IGNORECASE)
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
# Answers that by_letters settles between Portuguese and Spanish
IBERIAN = frozenset({"pt", "es", "gl"})
_WEST_SLAVIC = re.compile("[čšžťďňľĺŕäýČŠŽŤĎŇĽĹŔÄÝ]")


def by_script(sample: str) -> str | None:
    """Chinese for a text whose letters are mostly Han characters or kana, whatever the model
    said (it knows too few of a short text's characters and may answer with its prior, English);
    by_letters then tells Japanese by the kana. None for any other text."""
    letters = len(_LETTER.findall(sample))
    return "zh" if letters and 2 * len(_CJK.findall(sample)) >= letters else None


def by_letters(sample: str, code: str) -> str:
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
    if code in IBERIAN:
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


def only_portuguese(sample: str) -> int:
    """How many words and letters of ``sample`` only Portuguese writes, of the languages the
    model takes short Portuguese for."""
    return len(_ONLY_PORTUGUESE.findall(sample))
