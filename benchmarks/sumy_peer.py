"""Run one of sumy's summarisers over a folder of synthetic articles (the speed peer).

    python benchmarks/sumy_peer.py lexrank|textrank FOLDER

Sentences are the files' lines (the synthetic corpus writes one sentence a line) and words are
split by a regular expression, because sumy's own tokenizer needs NLTK data that is not
installed; stemming and stop words are sumy's own.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


class Tokenizer:
    language = "english"

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+", text)


def main() -> None:
    algorithm, folder = sys.argv[1], Path(sys.argv[2])
    paragraphs = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line for line in path.read_text().splitlines() if line.strip()]
        paragraphs.append(Paragraph([Sentence(line, Tokenizer) for line in lines]))
    summarizer_class = LexRankSummarizer if algorithm == "lexrank" else TextRankSummarizer
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    for sentence in summarizer(ObjectDocumentModel(paragraphs), 5):
        print(sentence)


if __name__ == "__main__":
    main()
