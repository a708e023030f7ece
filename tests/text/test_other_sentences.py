"""Sentences in languages other than English (summarize.text.other_sentences): sentencex and
the repairs measured on the Universal Dependencies treebanks (benchmarks/languages.py)."""

from __future__ import annotations

from summarize.text.segment import split_sentences


def test_french_initials_and_guillemets() -> None:
    text = "M. Macron a parlé lundi. « Nous ferons tout », a-t-il dit. La grève continue."
    assert split_sentences(text, "fr") == [
        "M. Macron a parlé lundi.", "« Nous ferons tout », a-t-il dit.", "La grève continue."]


def test_a_stop_word_before_a_full_stop_ends_a_sentence() -> None:
    # sentencex counts English "Mich." (Michigan) as an abbreviation in every language
    text = "Die guten Bewertungen überraschen mich. Ebenso wenig kam er z. B. mit. Dann ging er."
    assert split_sentences(text, "de") == [
        "Die guten Bewertungen überraschen mich.", "Ebenso wenig kam er z. B. mit.",
        "Dann ging er."]


def test_an_opening_quote_opens_the_next_sentence() -> None:
    text = 'Habló ante el Congreso (en la imagen). "Por favor, paren", dijo. Y se fue.'
    assert split_sentences(text, "es") == [
        "Habló ante el Congreso (en la imagen).", '"Por favor, paren", dijo.', "Y se fue."]
    german = "Er sagte: „Wir streiken.“ Dann ging er."
    assert split_sentences(german, "de") == ["Er sagte: „Wir streiken.“", "Dann ging er."]


def test_russian_that_is_does_not_end_a_sentence() -> None:
    text = "Переговоры продолжатся, т. е. в понедельник. Это важно."
    assert split_sentences(text, "ru") == [
        "Переговоры продолжатся, т. е. в понедельник.", "Это важно."]


def test_a_quoted_statement_of_several_sentences_is_several_sentences() -> None:
    # sentencex never ended a sentence inside quotation marks: Ukrainian IU recall 0.90
    text = "Він сказав: «Ми тут. Ми залишаємось.» Потім він пішов."
    assert split_sentences(text, "uk") == [
        "Він сказав: «Ми тут.", "Ми залишаємось.»", "Потім він пішов."]
    german = "Der Minister sagte: „Wir sind da. Wir bleiben da.“ Dann ging er."
    assert split_sentences(german, "de") == [
        "Der Minister sagte: „Wir sind da.", "Wir bleiben da.“", "Dann ging er."]
    # an abbreviation inside the quotation still holds
    french = "Il a dit : « Le gouvernement, M. Dupont en tête, partira. » Puis rien."
    assert split_sentences(french, "fr") == [
        "Il a dit : « Le gouvernement, M. Dupont en tête, partira. »", "Puis rien."]


def test_a_lower_case_sentence_after_a_long_word_stands_alone() -> None:
    text = "La lotta va contro l'impossibile. lo storico non è d'accordo."
    assert split_sentences(text, "it") == [
        "La lotta va contro l'impossibile.", "lo storico non è d'accordo."]
    # after a short abbreviation it still continues the sentence (Italian "ecc.")
    assert split_sentences("Pane, latte ecc. sono in vendita.", "it") == [
        "Pane, latte ecc. sono in vendita."]


def test_dutch_quotations_open_with_two_commas() -> None:
    text = "Zo is het. ,,Door te vasten laten we het zien. Wij weten het'', zegt hij."
    assert split_sentences(text, "nl") == [
        "Zo is het.", ",,Door te vasten laten we het zien.", "Wij weten het'', zegt hij."]


def test_japanese_ascii_question_and_exclamation_marks_end_sentences() -> None:
    assert split_sentences("起こる惧れはないのか?ついつい言葉だけで。最高!", "ja") == [
        "起こる惧れはないのか?", "ついつい言葉だけで。", "最高!"]


def test_a_german_quotation_opened_with_a_high_mark() -> None:
    text = "Er wurde erstochen. “Ich bin sehr traurig”, sagte sie. Dann ging sie."
    assert split_sentences(text, "de") == [
        "Er wurde erstochen.", "“Ich bin sehr traurig”, sagte sie.", "Dann ging sie."]
