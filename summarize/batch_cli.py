"""``summarize batch`` and ``summarize evaluate``: many story clusters in one process."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from summarize.clitools import (
    budget_overrides,
    build_config,
    configure_logging,
    guarded,
    warn,
)
from summarize.errors import ExitStatus, InputDataError, UsageError


def batch(
    dataset: Annotated[Path, typer.Argument(help="JSON Lines: one story cluster a line.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="JSON Lines out, written atomically; default stdout.")] = None,
    sentences: Annotated[int | None, typer.Option("--sentences", "-n", min=1)] = None,
    words: Annotated[int | None, typer.Option("--words", "-w", min=1)] = None,
    config_file: Annotated[Path | None, typer.Option("--config", "-c")] = None,
) -> None:
    """Summarise every cluster of a dataset; one output line per cluster, in input order.

    Each line: {"id", "summary" (the brief as plain text), "sentences" (as in --format json)}.
    A bad input line is reported with its number and skipped; then the exit status is 65.
    """
    with guarded():
        configure_logging()
        config = build_config(config_file, budget_overrides(sentences, words, None))
        from summarize.dataset import BadLine, read_dataset
        from summarize.output import write_atomic
        from summarize.pipeline import summarize_articles
        from summarize.render import sentence_dicts, summary_text

        lines: list[str] = []
        bad = 0
        with _progress("Summarising", dataset) as advance:
            for item in read_dataset(dataset, config.reader):
                if isinstance(item, BadLine):
                    warn(f"{dataset}:{item.line}: skipped: {item.reason}")
                    bad += 1
                    continue
                brief = summarize_articles(item.articles, config)
                lines.append(json.dumps({
                    "id": item.id,
                    "summary": summary_text(brief),
                    "sentences": sentence_dicts(brief),
                }, ensure_ascii=False))
                advance()
        text = "".join(line + "\n" for line in lines)
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text)
        if bad:
            raise typer.Exit(int(ExitStatus.DATA))


def evaluate(
    dataset: Annotated[Path, typer.Argument(help="JSON Lines with 'references' per cluster.")],
    systems: Annotated[str | None, typer.Option(
        "--systems", "-s", help="Comma-separated systems; default all.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    limit: Annotated[int, typer.Option("--words", "-w", min=1,
                                       help="Summary length in words.")] = 100,
    config_file: Annotated[Path | None, typer.Option("--config", "-c")] = None,
) -> None:
    """ROUGE-1/2/L of our summariser, its variants and peers on a dataset."""
    with guarded():
        configure_logging()
        from summarize.evaluate import SYSTEMS
        from summarize.evaluate import evaluate as run_evaluation

        names = [s.strip() for s in systems.split(",")] if systems else list(SYSTEMS)
        unknown = [n for n in names if n not in SYSTEMS]
        if unknown or fmt not in ("table", "json"):
            raise UsageError(f"unknown system or format: {', '.join(unknown) or fmt}",
                             f"systems: {', '.join(SYSTEMS)}; formats: table, json")
        config = build_config(config_file, {})
        from summarize.dataset import BadLine, Cluster, read_dataset

        clusters: list[Cluster] = []
        for item in read_dataset(dataset, config.reader):
            if isinstance(item, BadLine):
                warn(f"{dataset}:{item.line}: skipped: {item.reason}")
            elif not item.references:
                warn(f"{dataset}: cluster {item.id} has no references; not scored")
            else:
                clusters.append(item)
        if not clusters:
            raise InputDataError(f"no cluster with references in {dataset}",
                                 "each line needs a non-empty 'references' list")
        results = run_evaluation(clusters, names, config, limit=limit)
        _print_results(results, dataset, len(clusters), limit, fmt)


def _print_results(results: list[Any], dataset: Path, clusters: int, limit: int,
                   fmt: str) -> None:
    from summarize.render import is_terminal, plain_table, rich_table

    if fmt == "json":
        document = {
            "dataset": str(dataset), "clusters": clusters, "words": limit,
            "systems": [{"name": r.name, "seconds": round(r.seconds, 4),
                         # Scores unrounded: rounding here and again when shown as
                         # percentages printed 54.32 where the table says 54.31.
                         **{m: {"recall": s.recall, "precision": s.precision, "f1": s.f1}
                            for m, s in r.scores.items()}}
                        for r in results],
        }
        print(json.dumps(document, indent=2))
        return
    header = ["system", "R-1 R", "R-1 F", "R-2 R", "R-2 F", "R-L R", "R-L F", "time (s)"]
    rows = [[r.name, *(f"{100 * getattr(r.scores[m], f):.2f}" for m in ("rouge1", "rouge2",
                                                                          "rougeL")
                       for f in ("recall", "f1")), f"{r.seconds:.2f}"] for r in results]
    title = f"ROUGE on {clusters} cluster(s), {limit} words, references pooled"
    if is_terminal(sys.stdout):
        from rich.console import Console

        Console(file=sys.stdout, highlight=False).print(rich_table(header, rows, title))
    else:
        print(title)
        print("\n".join(plain_table(header, rows)))


class _progress:
    """A rich progress bar over the dataset's lines on a terminal's stderr; nothing otherwise."""

    def __init__(self, label: str, dataset: Path) -> None:
        self.label = label
        self.dataset = dataset
        self.bar: Any = None

    def __enter__(self) -> Any:
        from rich.console import Console

        console = Console(file=sys.stderr)
        if not console.is_terminal:
            return lambda: None
        from rich.progress import Progress

        try:
            with self.dataset.open("rb") as handle:
                total: int | None = sum(1 for line in handle if line.strip())
        except OSError:
            total = None  # reading the dataset reports the error
        self.bar = Progress(console=console, transient=True)
        self.bar.start()
        task = self.bar.add_task(self.label, total=total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
