import numpy as np
from scipy.sparse import csr_matrix

from summarize.brief.vectors import (
    Features,
    min_max,
    similarities_to,
    tfidf_vectors,
)
from summarize.config import FeatureConfig
from tests.conftest import make_corpus


def test_tfidf_rows_are_unit_length_and_computed_once_per_features() -> None:
    corpus = make_corpus(["Iraq militants seized a town.", "Kerry visited Iraq on Monday."])
    found = Features(corpus, FeatureConfig())
    first = found.vectors
    assert np.allclose(np.asarray(first.multiply(first).sum(axis=1)).ravel(), 1.0)
    assert found.vectors is first
    assert (tfidf_vectors(corpus, FeatureConfig()) != first).nnz == 0


def test_similarities_to_agrees_with_the_full_product() -> None:
    rng = np.random.default_rng(1)
    dense = rng.random((40, 12)) * (rng.random((40, 12)) > 0.7)
    dense[5] = 0.0  # a sentence with no terms is similar to nothing
    rows = csr_matrix(dense)
    postings = rows.T.tocsr()
    for i in range(40):
        assert np.allclose(similarities_to(rows, postings, i), dense @ dense[i])


def test_min_max() -> None:
    assert np.allclose(min_max(np.array([2.0, 4.0, 3.0])), [0, 1, 0.5])
    assert np.allclose(min_max(np.array([5.0, 5.0])), [0, 0])


def test_ngram_counts_are_the_vectorizers_entry_for_entry() -> None:
    # The numpy counts replace CountVectorizer; every later sum must add in the same order,
    # so each row lists the vectorizer's n-grams, with its counts, in the vectorizer's order;
    # the columns are numbered by first appearance instead of by name.
    from sklearn.feature_extraction.text import CountVectorizer

    from summarize.brief.vectors import ngram_counts

    documents = [("flood", "barrier", "held", "flood"), (), ("barrier", "river", "alder"),
                 ("alder", "flood", "barrier", "held", "night"), ("river",)]
    for n in (1, 2, 3):
        counts, unigram = ngram_counts(documents, n)
        vectorizer = CountVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                                     ngram_range=(1, n), dtype=np.float64)
        expected = vectorizer.fit_transform([" ".join(d) for d in documents]).tocsr()
        names = vectorizer.get_feature_names_out()
        appearance = list(dict.fromkeys(
            " ".join(d[i:i + k]) for d in documents for k in range(1, n + 1)
            for i in range(len(d) - k + 1)))
        assert np.array_equal(counts.indptr, expected.indptr)
        assert [appearance[c] for c in counts.indices] == [names[c] for c in expected.indices]
        assert np.array_equal(counts.data, expected.data)
        assert unigram.tolist() == [" " not in name for name in appearance]
