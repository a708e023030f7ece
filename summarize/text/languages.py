"""The languages the summariser analyses, and what it uses for each.

A :class:`Language` names the Snowball stemmer (PyStemmer), the stop-word list (scikit-learn's
for English, as before; ``stopwordsiso`` for the rest), how words are found (Unicode words;
Chinese by ``rjieba``; Japanese by MeCab and UniDic, the ``cjk`` extra, else by overlapping
character pairs), and the words that make a sentence lean on the one before it
(pronouns and connectives: "Er", "Sie", "Aber", "Il", "Elle", "Mais", ...). Sentences are
segmented by :mod:`summarize.text.segment`: our rules for English, sentencex (Wikimedia) with
repairs for the others.

:func:`language` takes an ISO 639-1 code or an English name ("de", "german"); an unknown one
is analysed best-effort (:data:`OTHER`: Unicode words, no stemming, no stop words) and the
callers warn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarize.model import Article


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str  # English name, also the Snowball algorithm's when there is one
    stemmer: str | None
    words: str = "unicode"  # "unicode", "chinese" (rjieba) or "japanese" (MeCab)
    referring: frozenset[str] = field(default_factory=frozenset)  # lower-case first words
    connectives: frozenset[str] = field(default_factory=frozenset)
    supported: bool = True


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (
    Language("en", "english", "english"),  # its word lists live in brief/discourse.py
    Language("de", "german", "german",
             referring=_set("er sie es ihm ihn ihr ihnen sein seine seinen seinem seiner "
                            "ihre ihren ihrem dies diese dieser dieses diesen diesem das "
                            "dort damit dabei dazu darauf deshalb"),
             connectives=_set("aber und oder doch jedoch auch außerdem zudem dennoch "
                              "trotzdem allerdings deshalb daher dann danach sonst denn "
                              "schließlich ebenfalls")),
    Language("fr", "french", "french",
             referring=_set("il elle ils elles lui leur leurs son sa ses ce cet cette ces "
                            "celui celle ceux celles cela ceci ça"),
             connectives=_set("mais et ou donc or pourtant cependant toutefois ainsi aussi "
                              "puis ensuite alors enfin néanmoins également d'ailleurs "
                              "par ailleurs")),
    Language("es", "spanish", "spanish",
             referring=_set("él ella ellos ellas le les lo la su sus este esta estos estas "
                            "ese esa esos esas eso esto aquel aquella"),
             connectives=_set("pero y o sin embargo además también así entonces luego "
                              "aunque incluso asimismo después")),
    Language("it", "italian", "italian",
             referring=_set("lui lei loro egli ella esso essa suo sua suoi sue questo questa "
                            "questi queste quello quella quelli quelle ciò"),
             connectives=_set("ma e o però tuttavia inoltre anche quindi poi allora infatti "
                              "invece dunque")),
    Language("pt", "portuguese", "portuguese",
             referring=_set("ele ela eles elas lhe lhes seu sua seus suas este esta estes "
                            "estas esse essa esses essas isso isto aquele aquela"),
             connectives=_set("mas e ou porém contudo entretanto além também assim então "
                              "depois ainda")),
    Language("nl", "dutch", "dutch",
             referring=_set("hij zij ze het hem haar hun zijn dit deze die dat daar"),
             connectives=_set("maar en of toch echter ook bovendien daarom dus dan daarna "
                              "verder")),
    Language("cs", "czech", "czech",
             referring=_set("on ona ono oni ony jeho její jejich tento tato toto tyto ten "
                            "ta to tam"),
             connectives=_set("ale a nebo však přesto také proto tedy pak potom navíc")),
    Language("sk", "slovak", None,
             referring=_set("on ona ono oni ony jeho jej ich tento táto toto tieto ten tá "
                            "to tam"),
             connectives=_set("ale a alebo však predsa tiež preto teda potom navyše")),
    Language("ru", "russian", "russian",
             referring=_set("он она оно они его её ее их этот эта это эти тот та те там "
                            "такой"),
             connectives=_set("но и а или однако также тоже поэтому затем потом кроме "
                              "впрочем зато")),
    Language("uk", "ukrainian", None,
             referring=_set("він вона воно вони його її їх цей ця це ці той та ті там"),
             connectives=_set("але і й а або однак також тому потім крім проте")),
    Language("el", "greek", "greek",
             referring=_set("αυτός αυτή αυτό αυτοί αυτές αυτά τον την του της τους αυτόν"),
             connectives=_set("αλλά και ή όμως επίσης επομένως έτσι μετά ωστόσο")),
    Language("zh", "chinese", None, words="chinese",
             referring=_set("他 她 它 他们 她们 这 这些 那 那些 此"),
             connectives=_set("但 但是 而 而且 并且 此外 因此 所以 然而 不过 同时")),
    Language("ja", "japanese", None, words="japanese",
             referring=_set("彼 彼女 これ それ あれ この その あの"),
             connectives=_set("しかし でも また さらに そして だが ただし なお")),
)}
NAMES = {lang.name: code for code, lang in LANGUAGES.items()}
OTHER = Language("und", "undetermined", None, supported=False)
DEFAULT = "en"


@lru_cache(maxsize=64)
def language(name_or_code: str) -> Language:
    """The language of an ISO 639-1 code or an English name; :data:`OTHER`'s analysis (as
    that code) for one we do not know."""
    key = name_or_code.strip().lower()
    key = NAMES.get(key, key).split("-")[0].split("_")[0]  # "pt-BR", "en_GB"
    found = LANGUAGES.get(key)
    if found is not None:
        return found
    return Language(key or OTHER.code, key or OTHER.name, None, supported=False)


def main_language(articles: Sequence[Article]) -> str:
    """The language most of ``articles`` are in (the earliest article's among equals)."""
    counts: dict[str, int] = {}
    for article in articles:
        code = article.language or DEFAULT
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else DEFAULT


def by_language(articles: Sequence[Article]) -> dict[str, list[Article]]:
    """``articles`` grouped by language, the main language first, then by first appearance."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.language or DEFAULT, []).append(article)
    main = main_language(articles) if articles else DEFAULT
    return dict(sorted(groups.items(), key=lambda item: item[0] != main))


@lru_cache(maxsize=32)
def stop_words(code: str) -> frozenset[str]:
    """A language's stop words (lower case); English's are scikit-learn's, as before."""
    if code == "en":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    import stopwordsiso

    return frozenset(w.lower() for w in stopwordsiso.stopwords(code)) \
        if stopwordsiso.has_lang(code) else frozenset()


@lru_cache(maxsize=16)
def stemmer(algorithm: str) -> Callable[[str], str]:
    """Snowball's stemming of one word by ``algorithm`` ("english", "german", ...): PyStemmer's
    C implementation with its own cache turned off, since every caller keeps the stems of the
    words it has seen; keeping that cache (10,000 words by default) up tripled the time a new
    word took (2.4 µs against 0.8). The same stems as snowballstemmer's, which answers where
    PyStemmer lacks the algorithm or is missing."""
    try:
        import Stemmer

        stem: Callable[[str], str] = Stemmer.Stemmer(algorithm, 0).stemWord
        return stem
    except (ImportError, KeyError):
        from snowballstemmer import stemmer as snowball

        fallback: Callable[[str], str] = snowball(algorithm).stemWord
        return fallback
