"""Sentences, words and language identification per language, on Universal Dependencies gold.

    python benchmarks/languages.py UD_FOLDER [--out benchmarks/languages.md]

UD_FOLDER holds the test files of UD treebanks (``*-ud-test.conllu``), one per language, as
``fetch github:UniversalDependencies/UD_German-GSD`` and ``git show HEAD:de_gsd-ud-test.conllu``
give them (CC BY-SA and similar: read at benchmark time, never committed). The language is the
file name's prefix. Printed, and written as Markdown to ``--out``:

- **Sentence boundaries**: each treebank's sentences, in their order, joined into paragraphs
  (the treebank's own paragraphs where it marks them, else runs of :data:`RUN` sentences within
  a document, or across documents where each holds one sentence, as in Japanese GSD); a
  boundary is the character offset (white space aside) where a sentence ends inside a
  paragraph, after final punctuation (the ends of headlines and list items without it are
  counted neither way: running text cannot show them). Precision, recall and F1 of ours
  (``summarize.text.segment``), syntok, pysbd (where it has the language) and ICU's sentence
  break iterator (PyICU).
- **Language identification** (``summarize.text.detect``) on the treebank's sentences of five
  words or more, on their first five words as written (a contraction such as "da" or "can't"
  one word, as the treebank's surface tokens give it, not its syntactic words "de a", "ca
  n't"), and on paragraphs of three sentences or more (an
  article gives more): accuracy, and microseconds per call; and the model's loading time.
- **Chinese and Japanese words**: F1 of our word spans against the treebank's tokens
  (punctuation aside, as our words leave it out).
"""

from __future__ import annotations

import argparse
import html
import itertools
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarize.text.detect import detect
from summarize.text.languages import language
from summarize.text.segment import split_sentences
from summarize.text.tokens import words

RUN = 6  # sentences to a paragraph where the treebank marks none
NO_SPACE = frozenset({"zh", "ja"})
PYSBD = frozenset({"en", "de", "fr", "es", "it", "nl", "ru", "el", "sk", "zh", "ja"})
IDENTIFIED = 400  # sentences per language for language identification


@dataclass
class Sentence:
    text: str
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (form, universal POS)
    # as written: a contraction one token ("da", "can't"), with whether a space follows it
    surface: list[tuple[str, str, bool]] = field(default_factory=list)


def read_conllu(path: Path) -> list[list[Sentence]]:
    """The treebank's paragraphs, each a list of its sentences."""
    paragraphs: list[list[Sentence]] = [[]]
    current: Sentence | None = None
    within = 0  # the last word of the contraction being read
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# newdoc", "# newpar")) and paragraphs[-1]:
            paragraphs.append([])
        elif line.startswith("# text ="):
            current = Sentence(_plain(line.split("=", 1)[1].strip()))
            paragraphs[-1].append(current)
            within = 0
        elif line and not line.startswith("#") and current is not None:
            columns = line.split("\t")
            spaced = "SpaceAfter=No" not in columns[9]
            if columns[0].isdigit():
                current.tokens.append((columns[1], columns[3]))
                if int(columns[0]) > within:
                    current.surface.append((columns[1], columns[3], spaced))
            elif "-" in columns[0]:  # a contraction's surface form, its words on the next lines
                within = int(columns[0].split("-")[1])
                current.surface.append((columns[1], "", spaced))
    if sum(len(p) for p in paragraphs) < 2 * len(paragraphs):  # a document a sentence
        paragraphs = [[s for p in paragraphs for s in p]]
    runs: list[list[Sentence]] = []
    for paragraph in paragraphs:
        runs.extend(paragraph[i:i + RUN] for i in range(0, len(paragraph), RUN))
    return [run for run in runs if run]


def _plain(text: str) -> str:
    """A treebank sentence as a page would show it: HTML entities decoded, and the LaTeX
    quotes some treebanks keep (``like this'') as typographic ones."""
    return html.unescape(text).replace("``", "\u201c").replace("''", "\u201d")


def _join(sentences: list[str], code: str) -> str:
    return ("" if code in NO_SPACE else " ").join(sentences)


_FINAL = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u00bb\u201c\u201d\u2019)\]\u300d\u300f]*$")


def _unmarked(sentences: list[str], text: str) -> set[int]:
    """Where a gold sentence ends with no final punctuation (a headline, a list item): no
    segmenter can see such an end in running text, so neither its absence nor a split there
    is counted."""
    ends = _ends(sentences, text)
    return {end for end, sentence in zip(sorted(ends), sentences, strict=False)
            if not _FINAL.search(sentence.rstrip())}


def _ends(pieces: list[str], text: str) -> set[int]:
    """Offsets, in ``text`` without white space, where each piece but the last ends."""
    squeezed = re.sub(r"\s+", "", text)
    ends: set[int] = set()
    position = 0
    for piece in pieces[:-1]:
        part = re.sub(r"\s+", "", piece)
        found = squeezed.find(part, position)
        if found < 0:  # a segmenter that changed the text: count its end where it would be
            found = position
        position = found + len(part)
        ends.add(position)
    return ends


def boundaries(split: Callable[[str], list[str]], paragraphs: list[list[Sentence]],
               code: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``split``'s boundaries inside the paragraphs."""
    right = found = gold = 0
    for paragraph in paragraphs:
        texts = [s.text for s in paragraph]
        text = _join(texts, code)
        unmarked = _unmarked(texts, text)
        expected = _ends(texts, text) - unmarked
        produced = _ends([p for p in split(text) if p.strip()], text) - unmarked
        right += len(expected & produced)
        found += len(produced)
        gold += len(expected)
    precision = right / found if found else 1.0
    recall = right / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def segmenters(code: str) -> dict[str, Callable[[str], list[str]] | None]:
    """Each segmenter for ``code``'s language, None where it has none."""
    from syntok import segmenter as syntok

    def ours(text: str) -> list[str]:
        return split_sentences(text, code)

    def with_syntok(text: str) -> list[str]:
        return ["".join(t.spacing + t.value for t in sentence).strip()
                for paragraph in syntok.process(text) for sentence in paragraph]

    def with_pysbd(text: str) -> list[str]:
        return [str(s) for s in pysbd_of(code).segment(text)]

    def with_icu(text: str) -> list[str]:
        import icu

        breaker = icu.BreakIterator.createSentenceInstance(icu.Locale(code))
        breaker.setText(text)
        cuts = [0, *breaker]
        return [text[a:b] for a, b in itertools.pairwise(cuts)]

    return {"ours": ours, "syntok": with_syntok,
            "pysbd": with_pysbd if code in PYSBD else None, "ICU": with_icu}


_PYSBD: dict[str, Any] = {}


def pysbd_of(code: str) -> Any:
    import pysbd

    if code not in _PYSBD:
        _PYSBD[code] = pysbd.Segmenter(language=code, clean=False)
    return _PYSBD[code]


def identification(paragraphs: list[list[Sentence]], code: str
                   ) -> tuple[float, float, float, float, int]:
    """Accuracy on whole sentences, on their first five words, on paragraphs of three
    sentences or more (what an article gives), microseconds per call, and the number of
    sentences."""
    chosen = [s for p in paragraphs for s in p if len(s.tokens) >= 5][:IDENTIFIED]
    whole = sum(detect(s.text) == code for s in chosen)
    started = time.perf_counter()
    five = sum(detect(_first_words(s, code)) == code for s in chosen)
    per_call = (time.perf_counter() - started) / max(len(chosen), 1) * 1e6
    runs = [p for p in paragraphs if len(p) >= 3][:IDENTIFIED]
    paragraph = sum(detect(_join([s.text for s in p], code)) == code for p in runs)
    return (whole / len(chosen), five / len(chosen), paragraph / max(len(runs), 1), per_call,
            len(chosen))


def _load_time() -> float:
    import subprocess

    code = ("import time; from summarize.text.detect import detect; t = time.perf_counter(); "
            "detect('Der Streik der Lokführer soll am Montag beginnen.'); "
            "print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True, cwd=Path(__file__).resolve().parent.parent
                                  ).stdout) for _ in range(5)]
    return statistics.median(times)


def _first_words(sentence: Sentence, code: str) -> str:
    """The sentence as written up to its fifth word (a contraction such as "da" or "can't"
    is one word, as a reader sees it; punctuation between the words kept)."""
    text, count = "", 0
    for form, tag, spaced in sentence.surface:
        text += form + (" " if spaced and code not in NO_SPACE else "")
        count += tag != "PUNCT"
        if count == 5:
            break
    return text.strip()


def word_f1(paragraphs: list[list[Sentence]], code: str) -> float:
    """F1 of our word spans against the treebank's (punctuation left out of both)."""
    right = found = gold = 0
    for sentence in (s for p in paragraphs for s in p):
        expected = set(_spans([f for f, tag in sentence.tokens if tag != "PUNCT"],
                              sentence.text))
        produced = set(_spans(words(sentence.text, code), sentence.text))
        right += len(expected & produced)
        found += len(produced)
        gold += len(expected)
    precision, recall = right / max(found, 1), right / max(gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _spans(tokens: list[str], text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for token in tokens:
        found = text.find(token, position)
        if found < 0:
            continue
        yield found, found + len(token)
        position = found + len(token)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*-ud-test.conllu"))
    if not files:
        parser.error(f"no *-ud-test.conllu in {args.folder}")
    lines = ["Generated by `python benchmarks/languages.py UD_FOLDER` on "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on the test split of "
             "each Universal Dependencies treebank named.", "",
             "### Sentence boundaries (precision / recall / F1)", "",
             "| language | treebank | boundaries | ours | syntok | pysbd | ICU |",
             "|---|---|---:|---:|---:|---:|---:|"]
    identified = ["", "### Language identification", "",
                  f"Each treebank's first {IDENTIFIED} sentences of five words or more; five "
                  "words: the sentence as written up to its fifth word (a contraction such as "
                  "\"da\" or \"can't\" one word); paragraph: three sentences or more.", "",
                  "| language | treebank | sentences | accuracy, sentence | accuracy, five words | "
                  "accuracy, paragraph | µs per call (five words) |",
                  "|---|---|---:|---:|---:|---:|---:|"]
    cjk = ["", "### Chinese and Japanese words (F1 against the treebank's tokens)", "",
           "| language | treebank | tokens | F1 |", "|---|---|---:|---:|"]
    medians: list[float] = []
    for path in files:
        code = path.name.split("_")[0]
        treebank = path.name.split("-")[0].split("_", 1)[1].upper()
        paragraphs = read_conllu(path)
        gold = sum(len(p) - 1 for p in paragraphs)
        cells = []
        for name, split in segmenters(code).items():
            if split is None:
                cells.append("n/a")
                continue
            precision, recall, f1 = boundaries(split, paragraphs, code)
            cells.append(f"{precision:.3f} / {recall:.3f} / **{f1:.3f}**" if name == "ours"
                         else f"{precision:.3f} / {recall:.3f} / {f1:.3f}")
        row = f"| {language(code).name} | {treebank} | {gold:,} | " + " | ".join(cells) + " |"
        lines.append(row)
        print(row, flush=True)
        whole, five, paragraph, per_call, count = identification(paragraphs, code)
        medians.append(per_call)
        row = (f"| {language(code).name} | {treebank} | {count} | {whole:.1%} | {five:.1%} | "
               f"{paragraph:.1%} | {per_call:.0f} |")
        identified.append(row)
        print(row, flush=True)
        if code in NO_SPACE:
            tokens = sum(len(s.tokens) for p in paragraphs for s in p)
            row = (f"| {language(code).name} | {treebank} | {tokens:,} | "
                   f"{word_f1(paragraphs, code):.3f} |")
            cjk.append(row)
            print(row, flush=True)
    identified.append("")
    identified.append("Loading the model (the first call, in a fresh process): "
                      f"{_load_time():.2f} s.")
    identified.append(f"Median over languages: {statistics.median(medians):.0f} µs a call "
                      "(the model is loaded once, before the first call timed).")
    text = "\n".join([*lines, *identified, *cjk]) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
