"""``summarize evaluate``: ROUGE of our summariser, its variants and other systems on a dataset."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from summarize.cli.common import build_config, configure_logging, guarded, warn
from summarize.cli.options import ConfigFile
from summarize.errors import InputDataError, UsageError


def evaluate(
    dataset: Annotated[Path, typer.Argument(help="JSON Lines with 'references' per cluster.")],
    systems: Annotated[str | None, typer.Option(
        "--systems", "-s", help="Comma-separated systems; default all of ours and sumy's.")
    ] = None,
    peers: Annotated[list[Path] | None, typer.Option(
        "--peers", help='Summaries made elsewhere, JSON Lines of {"system", "id", "summary"}, '
        "scored in the same table (repeatable).")] = None,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", "-b", help="Compare every system with this one (a paired bootstrap "
        "test over clusters).")] = None,
    jackknife: Annotated[bool, typer.Option(
        "--jackknife", help="Average over leave-one-out reference sets, as NIST's DUC "
        "scores are computed.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    limit: Annotated[int, typer.Option("--words", "-w", min=1,
                                       help="Summary length in words.")] = 100,
    config_file: ConfigFile = None,
) -> None:
    """ROUGE-1/2/L of our summariser, its variants, sumy's and other systems on a dataset.

    Each system's mean recall comes with a 95% bootstrap confidence interval; with
    --baseline, the difference from the baseline and its p-value (paired bootstrap).
    """
    with guarded():
        configure_logging()
        from summarize.evaluation.evaluate import SYSTEMS
        from summarize.evaluation.evaluate import evaluate as run_evaluation

        names = [s.strip() for s in systems.split(",")] if systems else list(SYSTEMS)
        unknown = [n for n in names if n not in SYSTEMS]
        if unknown or fmt not in ("table", "json"):
            raise UsageError(f"unknown system or format: {', '.join(unknown) or fmt}",
                             f"systems: {', '.join(SYSTEMS)}; formats: table, json")
        config = build_config(config_file, {})
        from summarize.evaluation.dataset import BadLine, Cluster, read_dataset, read_peers

        external: dict[str, dict[str, str]] = {}
        for path in peers or []:
            found, bad_lines = read_peers(path)
            for line in bad_lines:
                warn(f"{path}:{line.line}: skipped: {line.reason}")
            clash = sorted(set(found) & (set(names) | set(external)))
            if clash:
                raise UsageError(f"peer system name(s) {', '.join(clash)} in {path} are taken",
                                 "rename them in the file; names must be unique")
            external.update(found)
        if baseline is not None and baseline not in names and baseline not in external:
            raise UsageError(f"the baseline {baseline!r} is not among the systems evaluated",
                             "name one of the --systems or a system in a --peers file")
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
        known = {c.id for c in clusters}
        for name, by_cluster in external.items():
            missing = len(set(by_cluster) - known)
            if missing:
                warn(f"peer {name}: {missing} summary(ies) of clusters not in {dataset} ignored")
        results = run_evaluation(clusters, names, config, limit=limit, peers=external,
                                 baseline=baseline, jackknife=jackknife)
        _print_results(results, dataset, len(clusters), limit, fmt, jackknife)


def _print_results(results: list[Any], dataset: Path, clusters: int, limit: int,
                   fmt: str, jackknife: bool) -> None:
    from summarize.render import print_table

    if fmt == "json":
        print(json.dumps(_results_document(results, dataset, clusters, limit, jackknife),
                         indent=2))
        return
    header = ["system", "n", "R-1 R", "R-1 F", "R-2 R", "R-2 F", "R-L R", "R-L F",
              "R-2 R 95% CI"]
    baseline = next((r.versus["rouge2"].baseline for r in results if r.versus), None)
    if baseline is not None:
        header += ["ΔR-1 (p)", "ΔR-2 (p)"]
    header.append("time (s)")
    rows = []
    for r in results:
        low, high = r.intervals["rouge2"]
        row = [r.name, str(r.clusters),
               *(f"{100 * getattr(r.scores[m], f):.2f}" for m in ("rouge1", "rouge2", "rougeL")
                 for f in ("recall", "f1")),
               f"{100 * low:.2f}-{100 * high:.2f}"]
        if baseline is not None:
            row += [_delta(r.versus[m]) if r.name != baseline else "base"
                    for m in ("rouge1", "rouge2")]
        row.append("-" if r.seconds is None else f"{r.seconds:.2f}")
        rows.append(row)
    scoring = "jackknifed" if jackknife else "references pooled"
    title = f"ROUGE on {clusters} cluster(s), {limit} words, {scoring}"
    print_table(header, rows, title, sys.stdout)


def _delta(comparison: Any) -> str:
    p = "n/a" if math.isnan(comparison.p_value) else f"{comparison.p_value:.3f}"
    return f"{100 * comparison.difference:+.2f} ({p})"


def _results_document(results: list[Any], dataset: Path, clusters: int, limit: int,
                      jackknife: bool) -> dict[str, Any]:
    def scores(by_measure: dict[str, Any]) -> dict[str, Any]:
        return {m: {"recall": s.recall, "precision": s.precision, "f1": s.f1}
                for m, s in by_measure.items()}

    systems = []
    for r in results:
        # Scores unrounded: rounding here and again when shown as percentages printed 54.32
        # where the table says 54.31.
        entry: dict[str, Any] = {"name": r.name, "clusters": r.clusters,
                                 "seconds": None if r.seconds is None else round(r.seconds, 4),
                                 **scores(r.scores)}
        for m, (low, high) in r.intervals.items():
            entry[m]["recall_interval"] = [low, high]
        if r.versus:
            entry["versus"] = {"baseline": r.versus["rouge2"].baseline,
                               "clusters": r.versus["rouge2"].clusters,
                               **{m: {"difference": c.difference,
                                      "p_value": None if math.isnan(c.p_value) else c.p_value}
                                  for m, c in r.versus.items()}}
        entry["per_cluster"] = {cid: scores(s) for cid, s in r.per_cluster.items()}
        systems.append(entry)
    return {"dataset": str(dataset), "clusters": clusters, "words": limit,
            "scoring": "jackknife" if jackknife else "pooled", "systems": systems}
