import numpy as np

from summarize.brief.concepts import bigram_analyzer, extract
from tests.conftest import make_corpus


def test_bigrams_are_stemmed_and_skip_pairs_of_stop_words() -> None:
    concepts = bigram_analyzer("english")("The rebels seized the towns of the north.")
    assert concepts == (("the", "rebel"), ("rebel", "seiz"), ("seiz", "the"), ("the", "town"),
                        ("town", "of"), ("the", "north"))  # "of the" is two stop words


def test_weights_count_articles_plus_a_bonus_for_leads() -> None:
    corpus = make_corpus(
        ["Rebels seized the town on Monday.", "Talks stalled again in the capital city."],
        ["Officials said rebels seized the town.", "Talks stalled, officials said."],
        ["Nothing here matches anything else at all.", "Rebels seized the town, witnesses say."],
    )
    concepts = extract(corpus, min_share=0.0, lead_sentences=1, lead_bonus=0.5)
    by_sentence = {s.text: concepts.of_sentence[s.id] for s in corpus.sentences}
    # "rebels seized", "seized the", "the town": in 3 articles, the lead of 2 ("town on" and
    # "on Monday" are in one article only, so they do not count)
    first = by_sentence["Rebels seized the town on Monday."]
    assert [concepts.weights[c] for c in first] == [3 + 0.5 * 2] * 3
    assert set(first) == set(by_sentence["Rebels seized the town, witnesses say."])
    # "talks stalled" is in two articles, a lead in neither
    assert 2.0 in {concepts.weights[c] for c in by_sentence["Talks stalled, officials said."]}
    assert by_sentence["Nothing here matches anything else at all."] == ()


def test_a_concept_must_be_in_enough_articles() -> None:
    texts = [["Rebels seized the town today."], ["Rebels seized the town at dawn."]]
    texts += [[f"Unrelated story number {k} about weather."] for k in range(8)]
    corpus = make_corpus(*texts)
    assert extract(corpus, min_share=0.2, lead_sentences=0, lead_bonus=0.0).weights.size > 0
    # 2 of 10 articles is below a 30% share: the rebels' bigrams do not count
    rarer = extract(corpus, min_share=0.3, lead_sentences=0, lead_bonus=0.0)
    assert rarer.of_sentence[0] == rarer.of_sentence[1] == ()


def test_ids_are_stable_across_runs() -> None:
    corpus = make_corpus(["Rebels seized the town today."], ["Rebels seized the town at dawn."])
    first = extract(corpus, min_share=0.0, lead_sentences=2, lead_bonus=1.0)
    again = extract(corpus, min_share=0.0, lead_sentences=2, lead_bonus=1.0)
    assert first.of_sentence == again.of_sentence
    assert np.array_equal(first.weights, again.weights)
