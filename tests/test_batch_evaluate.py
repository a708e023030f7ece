import json
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli import app
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "seeds-cluster.jsonl"
runner = CliRunner()

STORY = ("Militants seized the town of Tal Afar in northern Iraq on Monday. "
         "The army said it would retake the town within days.")


def _line(cluster_id: str, text: str, refs: list[str]) -> str:
    return json.dumps({"id": cluster_id, "documents": [{"id": "d", "title": "", "text": text}],
                       "references": refs})


def test_batch_keeps_order_and_skips_bad_lines(tmp_path: Path) -> None:
    dataset = tmp_path / "in.jsonl"
    dataset.write_text("\n".join([
        _line("one", STORY, []), "{not json", json.dumps({"id": 3}), _line("two", STORY, []),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(dataset), "--output", str(out), "-n", "1"])
    assert result.exit_code == 65
    assert "in.jsonl:2: skipped" in result.stderr and "in.jsonl:3: skipped" in result.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["one", "two"]
    assert lines[0]["summary"] == lines[0]["sentences"][0]["text"]


def test_batch_on_example_dataset() -> None:
    result = runner.invoke(app, ["batch", str(EXAMPLE), "--words", "60"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    assert line["id"] == "seeds-iraq-2014"
    assert sum(s["words"] for s in line["sentences"]) <= 60


def test_evaluate_by_hand(tmp_path: Path) -> None:
    dataset = tmp_path / "tiny.jsonl"
    dataset.write_text(_line("c", STORY, ["militants seized the town"]) + "\n")
    result = runner.invoke(app, ["evaluate", str(dataset), "--systems", "lead", "--format",
                                 "json", "--words", "5"])
    assert result.exit_code == 0, result.output
    lead = json.loads(result.stdout)["systems"][0]
    # lead, 5 words: "Militants seized the town of" vs the 4-word reference: 4 unigram hits
    assert lead["rouge1"]["recall"] == 1.0
    assert lead["rouge1"]["precision"] == 0.8
    assert lead["rouge2"]["recall"] == 1.0


def test_evaluate_example_dataset_all_systems() -> None:
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    systems = {s["name"]: s for s in json.loads(result.stdout)["systems"]}
    assert {"summarize", "lead", "lexrank", "sumy-textrank", "lsa", "luhn", "sumbasic", "kl",
            "reduction", "coverage", "mmr", "no-redundancy", "mmr-tfidf", "mmr-textrank",
            "mmr-no-position", "mmr-no-redundancy"} <= set(systems)
    assert all(0 < s["rouge1"]["recall"] <= 1 for s in systems.values())


def test_evaluate_rejects_unknown_system() -> None:
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--systems", "magic"])
    assert result.exit_code == 2
    assert "magic" in result.stderr
