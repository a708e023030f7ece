import dataclasses
from pathlib import Path

import pytest

from summarize.config import Config, apply_overrides, load_config
from summarize.errors import ConfigError
from summarize.resources import default_config_path


def test_default_toml_and_code_agree() -> None:
    assert load_config(default_config_path()) == Config()


def test_default_toml_sets_every_key() -> None:
    import tomllib

    data = tomllib.loads(default_config_path().read_text(encoding="utf-8"))

    def keys(obj: object, prefix: str = "") -> set[str]:
        found = set()
        for f in dataclasses.fields(obj):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            if dataclasses.is_dataclass(value):
                found |= keys(value, f"{prefix}{f.name}.")
            else:
                found.add(prefix + f.name)
        return found

    def toml_keys(table: dict[str, object], prefix: str = "") -> set[str]:
        found = set()
        for k, v in table.items():
            found |= toml_keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k}
        return found

    assert toml_keys(data) == keys(Config())


def test_user_file_layers_over_defaults(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text("[selection]\nredundancy = 0.5\n")
    config = load_config(user)
    assert config.selection.redundancy == 0.5
    assert config.selection.order == "story"  # untouched keys keep their default


@pytest.mark.parametrize(("text", "fragments"), [
    ("[selection]\nlambda = 0.5\n", ["selection.lambda", "user.toml", "redundancy"]),
    ("[selection]\nredundancy = 'high'\n", ["selection.redundancy", "'high'", "user.toml"]),
    ("[selection]\nredundancy = 1.5\n", ["selection.redundancy", "1.5", "between 0.0 and 1.0"]),
    ("[selection]\norder = 'random'\n", ["selection.order", "story, source, rank"]),
    ("[features]\nstem = 1\n", ["features.stem", "true or false"]),
    ("selection = 3\n", ["'selection'", "table"]),
    ("[sentences]\nmin_words = 10\nmax_words = 5\n", ["max_words", "min_words"]),
    ("this is = not toml [", ["not valid TOML"]),
])
def test_bad_config_names_key_value_and_file(tmp_path: Path, text: str,
                                              fragments: list[str]) -> None:
    user = tmp_path / "user.toml"
    user.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(user)
    message = caught.value.cause + " " + caught.value.hint
    for fragment in fragments:
        assert fragment in message


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.toml")


def test_overrides_are_checked_like_files() -> None:
    config = apply_overrides(Config(), {"budget.unit": "words", "budget.size": 80},
                             origin="flags")
    assert (config.budget.unit, config.budget.size) == ("words", 80.0)
    with pytest.raises(ConfigError, match="flags"):
        apply_overrides(Config(), {"selection.algorithm": "magic"}, origin="flags")
