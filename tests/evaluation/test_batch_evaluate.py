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


def _cluster(cluster_id: str, texts: list[str], refs: list[str],
             background: list[str] | None = None) -> str:
    line: dict[str, object] = {
        "id": cluster_id, "references": refs,
        "documents": [{"id": f"d{k}", "title": "", "text": t} for k, t in enumerate(texts)]}
    if background is not None:
        line["background"] = [{"id": f"b{k}", "title": "", "text": t}
                              for k, t in enumerate(background)]
    return json.dumps(line)


def _evaluate(*args: str) -> dict:
    result = runner.invoke(app, ["evaluate", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_peers_are_scored_beside_ours_with_per_cluster_scores(tmp_path: Path) -> None:
    dataset = tmp_path / "d.jsonl"
    dataset.write_text("\n".join([_line("c1", STORY, ["militants seized the town"]),
                                  _line("c2", STORY, ["the army said"])]) + "\n")
    peers = tmp_path / "peers.jsonl"
    peers.write_text("\n".join(json.dumps(p) for p in [
        {"system": "p", "id": "c1", "summary": "Militants seized the town today"},  # all 4
        {"system": "p", "id": "c2", "summary": "nothing matches here"},  # none
        {"system": "p", "id": "elsewhere", "summary": "not in the dataset"},
    ]) + "\n{broken\n")
    document = _evaluate(str(dataset), "--systems", "lead", "--peers", str(peers),
                         "--words", "5")
    systems = {s["name"]: s for s in document["systems"]}
    peer = systems["p"]
    assert peer["clusters"] == 2 and peer["seconds"] is None
    assert peer["per_cluster"]["c1"]["rouge1"]["recall"] == 1.0
    assert peer["per_cluster"]["c2"]["rouge1"]["recall"] == 0.0
    assert peer["rouge1"]["recall"] == 0.5  # the mean over its two clusters
    assert set(systems["lead"]["per_cluster"]) == {"c1", "c2"}


def test_baseline_comparison_is_paired_and_an_interval_brackets_the_mean(
        tmp_path: Path) -> None:
    dataset = tmp_path / "d.jsonl"
    dataset.write_text("\n".join(_line(f"c{k}", STORY, ["militants seized the town"])
                                 for k in range(6)) + "\n")
    peers = tmp_path / "peers.jsonl"
    rows = [{"system": "same", "id": f"c{k}", "summary": "Militants seized the town of"}
            for k in range(6)]
    rows += [{"system": "worse", "id": f"c{k}", "summary": "militants" if k % 2 else "town"}
             for k in range(6)]
    peers.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    document = _evaluate(str(dataset), "-s", "lead", "--peers", str(peers), "--baseline",
                         "lead", "--words", "5")
    systems = {s["name"]: s for s in document["systems"]}
    # "same" is the lead's text on every cluster: no difference at all
    assert systems["same"]["versus"]["rouge1"] == {"difference": 0.0, "p_value": 1.0}
    worse = systems["worse"]["versus"]
    assert worse["baseline"] == "lead" and worse["clusters"] == 6
    assert worse["rouge1"]["difference"] == -0.75 and worse["rouge1"]["p_value"] < 0.05
    low, high = systems["worse"]["rouge1"]["recall_interval"]
    assert low <= 0.25 <= high


def test_evaluate_rejects_an_unknown_baseline_and_a_clashing_peer(tmp_path: Path) -> None:
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(_line("c", STORY, ["militants seized the town"]) + "\n")
    unknown = runner.invoke(app, ["evaluate", str(dataset), "-s", "lead", "-b", "nobody"])
    assert unknown.exit_code == 2 and "nobody" in unknown.stderr
    peers = tmp_path / "peers.jsonl"
    peers.write_text(json.dumps({"system": "lead", "id": "c", "summary": "x"}) + "\n")
    clash = runner.invoke(app, ["evaluate", str(dataset), "-s", "lead", "--peers", str(peers)])
    assert clash.exit_code == 2 and "lead" in clash.stderr


def test_background_makes_an_update_brief_that_leaves_out_known_news(tmp_path: Path) -> None:
    known = "Militants seized the town of Tal Afar in northern Iraq on Monday."
    new = "The army retook it on Friday night after heavy fighting in the streets."
    texts = [f"{known} {new}", f"{known} {new}"]
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(_cluster("u", texts, [new], background=[known]) + "\n")
    document = _evaluate(str(dataset), "-s", "summarize,ilp-no-background", "--words", "12")
    systems = {s["name"]: s for s in document["systems"]}
    # with the background known, the brief is the new sentence; without, it repeats old news
    assert systems["summarize"]["rouge2"]["recall"] == 1.0
    assert systems["ilp-no-background"]["rouge2"]["recall"] < 1.0


def test_batch_gives_update_briefs_for_clusters_with_background(tmp_path: Path) -> None:
    known = "Militants seized the town of Tal Afar in northern Iraq on Monday."
    new = "The army retook it on Friday night after heavy fighting in the streets."
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(_cluster("u", [f"{known} {new}", f"{known} {new}"], [],
                                background=[known]) + "\n")
    result = runner.invoke(app, ["batch", str(dataset), "-n", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == new
