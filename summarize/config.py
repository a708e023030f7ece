"""One configuration object, its defaults, and strict loading from TOML.

Precedence, lowest first: the defaults below (mirrored by ``config/default.toml``, which a test
keeps in step), a user file given with ``--config``, then command-line flags. Every key is
checked: an unknown key, a wrong type or a value out of range raises :class:`ConfigError` naming
the key, the value, what is allowed and where it came from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

from summarize.errors import ConfigError, UsageError

# The scorers a configuration may name. They are configuration values, kept here so that the
# configuration imports nothing of the code it configures; the scorer registry
# (summarize.brief.scorers.registry) maps each name to its class, and a test keeps the two in
# step.
ALGORITHMS = ("hybrid", "tfidf", "textrank", "position", "support", "lexrank", "lsa", "luhn",
              "kl", "sumbasic", "edmundson", "reduction", "sumy-textrank")


def _rule(*, low: float | None = None, high: float | None = None,
          choices: tuple[str, ...] | None = None) -> dict[str, Any]:
    return {"low": low, "high": high, "choices": choices}


@dataclass(frozen=True)
class ReaderConfig:
    """How input files become articles."""

    max_file_bytes: int = field(default=50_000_000, metadata=_rule(low=1))
    headline_max_words: int = field(default=20, metadata=_rule(low=1))
    extensions: tuple[str, ...] = (".txt", ".text", ".md", ".markdown")
    boilerplate: tuple[str, ...] = (
        r"^(also read|read more|related|see also|more from|recommended)\b",
        r"^click here\b",
        r"^(subscribe|sign up|follow us|share (this|on)|like us on)\b",
        r"^advertisement$",
        r"^(copyright|©|\(c\)) ",
        r"^(lire aussi|à lire aussi|voir aussi|mehr zum thema|lesen sie auch|auch interessant|"
        r"lee también|te puede interesar|leggi anche|leia também|veja também|lees ook|"
        r"čtěte také|čítajte aj|čítajte tiež|читайте также|читайте також|διαβάστε επίσης|"
        r"اقرأ أيضا|اقرأ أيضاً|קראו גם|यह भी पढ़ें|ये भी पढ़ें|関連記事|相关阅读|延伸阅读)(?!\w)",
        r"^(publicité|anzeige|werbung|publicidad|pubblicità|publicidade|advertentie|реклама)$",
    )


@dataclass(frozen=True)
class SentenceConfig:
    """What a sentence must be to appear in a brief: within length bounds (shorter: fragments,
    longer: run-ons) and, by ``dangling``, what to do with one that leans on the sentence
    before it: "drop" it, take it only with an "anchor" it leans on, or "allow" it."""

    min_words: int = field(default=8, metadata=_rule(low=1))
    max_words: int = field(default=60, metadata=_rule(low=1))
    dangling: str = field(default="drop", metadata=_rule(choices=("drop", "anchor", "allow")))


@dataclass(frozen=True)
class FeatureConfig:
    """The TF-IDF features shared by the TF-IDF, TextRank and redundancy computations."""

    stem: bool = True
    stop_words: bool = True
    ngram_max: int = field(default=2, metadata=_rule(low=1, high=3))
    sublinear_tf: bool = True
    idf: str = field(default="documents", metadata=_rule(choices=("documents", "sentences")))


@dataclass(frozen=True)
class TextRankConfig:
    """PageRank over the sentence-similarity graph (Mihalcea & Tarau 2004)."""

    damping: float = field(default=0.85, metadata=_rule(low=0.0, high=1.0))
    threshold: float = field(default=0.1, metadata=_rule(low=0.0, high=1.0))
    tolerance: float = field(default=1e-6, metadata=_rule(low=0.0))
    max_iterations: int = field(default=200, metadata=_rule(low=1))


@dataclass(frozen=True)
class PositionConfig:
    """Lead bias: a sentence's prior halves every ``half_life`` sentences into its article."""

    half_life: float = field(default=4.0, metadata=_rule(low=0.01))


@dataclass(frozen=True)
class WeightsConfig:
    """Fusion weights of the hybrid scorer (scores are min-max normalised first)."""

    tfidf: float = field(default=1.0, metadata=_rule(low=0.0))
    textrank: float = field(default=1.0, metadata=_rule(low=0.0))
    position: float = field(default=0.5, metadata=_rule(low=0.0))
    support: float = field(default=0.5, metadata=_rule(low=0.0))


METHODS = ("ilp", "coverage", "mmr")
ORDERS = ("story", "source", "rank")


@dataclass(frozen=True)
class SelectionConfig:
    """How sentences are chosen (``method``), kept apart and ordered."""

    algorithm: str = field(default="hybrid", metadata=_rule(choices=ALGORITHMS))
    method: str = field(default="ilp", metadata=_rule(choices=METHODS))
    redundancy: float = field(default=0.7, metadata=_rule(low=0.0, high=1.0))
    near_duplicate: float = field(default=0.6, metadata=_rule(low=0.0, high=1.0))
    order: str = field(default="story", metadata=_rule(choices=ORDERS))


@dataclass(frozen=True)
class CoverageConfig:
    """Concept coverage (Gillick & Favre 2009): concepts, their weights, the exact solver.
    ``weights``: "learned" (the chance a human summary has the concept, Li et al. 2013) or
    "documents" (the articles that have it, with the lead bonus)."""

    weights: str = field(default="learned", metadata=_rule(choices=("learned", "documents")))
    min_probability: float = field(default=0.05, metadata=_rule(low=0.0, high=1.0))
    min_document_share: float = field(default=0.1, metadata=_rule(low=0.0, high=1.0))
    lead_sentences: int = field(default=2, metadata=_rule(low=0))
    lead_bonus: float = field(default=1.0, metadata=_rule(low=0.0))
    length_exponent: float = field(default=1.0, metadata=_rule(low=0.0, high=2.0))
    exact_candidates: int = field(default=50, metadata=_rule(low=1))
    overlap_penalty: float = field(default=0.75, metadata=_rule(low=0.0, high=1.0))


@dataclass(frozen=True)
class UpdateConfig:
    """Update briefs: what the reader already knows (background articles) is not news."""

    max_background_similarity: float = field(default=0.5, metadata=_rule(low=0.0, high=1.0))
    background_days: float = field(default=7.0, metadata=_rule(low=0.0))


@dataclass(frozen=True)
class FetchConfig:
    """How web pages and feeds are fetched (see :mod:`summarize.inputs.fetch`)."""

    timeout: float = field(default=15.0, metadata=_rule(low=0.1))  # connect, and each read
    deadline: float = field(default=60.0, metadata=_rule(low=0.1))  # one whole response
    max_bytes: int = field(default=5_000_000, metadata=_rule(low=1))  # after decompression
    max_redirects: int = field(default=5, metadata=_rule(low=0, high=20))
    retries: int = field(default=2, metadata=_rule(low=0, high=10))
    backoff: float = field(default=0.5, metadata=_rule(low=0.0, high=60.0))
    concurrency: int = field(default=8, metadata=_rule(low=1, high=64))
    per_host: int = field(default=2, metadata=_rule(low=1, high=16))
    user_agent: str = ""  # empty: "summarize/VERSION (news digest; +URL)"


@dataclass(frozen=True)
class FeedConfig:
    """What is taken from feeds."""

    max_entries: int = field(default=100, metadata=_rule(low=1))  # newest first, per feed


@dataclass(frozen=True)
class StoryConfig:
    """How ``digest`` groups articles into stories (see :mod:`summarize.digest.stories`)."""

    threshold: float = field(default=0.9, metadata=_rule(low=0.0, high=2.0))
    max_document_share: float = field(default=0.5, metadata=_rule(low=0.01, high=1.0))
    event_threshold: float = field(default=0.85, metadata=_rule(low=0.0, high=2.0))
    same_outlet: float = field(default=0.7, metadata=_rule(low=0.0, high=1.0))


@dataclass(frozen=True)
class BudgetConfig:
    """How long the brief is: ``size`` sentences, words, or a ratio of the input's sentences."""

    unit: str = field(default="sentences", metadata=_rule(choices=("sentences", "words", "ratio")))
    size: float = field(default=5, metadata=_rule(low=0.0))


@dataclass(frozen=True)
class Config:
    """Everything that shapes a brief. ``Config()`` is the documented default."""

    # "auto" (each article's language, detected; a brief in the main one) or a language to
    # force, as an ISO 639-1 code or an English name ("de", "german")
    language: str = "auto"
    reader: ReaderConfig = ReaderConfig()
    sentences: SentenceConfig = SentenceConfig()
    features: FeatureConfig = FeatureConfig()
    textrank: TextRankConfig = TextRankConfig()
    position: PositionConfig = PositionConfig()
    weights: WeightsConfig = WeightsConfig()
    selection: SelectionConfig = SelectionConfig()
    coverage: CoverageConfig = CoverageConfig()
    update: UpdateConfig = UpdateConfig()
    budget: BudgetConfig = BudgetConfig()
    fetch: FetchConfig = FetchConfig()
    feeds: FeedConfig = FeedConfig()
    stories: StoryConfig = StoryConfig()


def load_config(path: Path | None = None, *, base: Config | None = None) -> Config:
    """Layer the TOML file at ``path`` over ``base`` (default: ``Config()``)."""
    config = base if base is not None else Config()
    if path is None:
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}",
                          "check the path given to --config") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}",
                          "check the file's permissions and that it is UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}",
                          "see https://toml.io for the syntax") from None
    merged: Config = _merge(config, data, origin=str(path), prefix="")
    return merged


def validate(config: Config, *, origin: str = "the Config given") -> Config:
    """Check a :class:`Config` built in Python exactly as a TOML file is checked (types, ranges,
    allowed values), so that ``method="nope"`` is an error naming the key, not a silent
    fallback. Returns it with numbers normalised (an int where a float is expected)."""
    if not isinstance(config, Config):
        raise ConfigError(f"{origin} is a {type(config).__name__}, not a summarize.Config",
                          "build one with summarize.Config(...) or load_config(path)")
    checked: Config = _merge(Config(), _as_data(config), origin=origin, prefix="")
    return checked


def _as_data(obj: Any) -> Any:
    """A dataclass as nested dicts, leaves as they are (however wrong their type)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _as_data(getattr(obj, f.name)) for f in fields(obj)}
    return obj


def budget_overrides(sentences: int | None = None, words: int | None = None,
                     ratio: float | None = None, *, flag: str = "--") -> dict[str, Any]:
    """The ``budget`` overrides for at most one of ``sentences``, ``words`` and ``ratio``
    (``flag`` prefixes their names in messages: "--" for options, "" for keywords)."""
    given = {k: v for k, v in (("sentences", sentences), ("words", words), ("ratio", ratio))
             if v is not None}
    if len(given) > 1:
        raise UsageError(f"choose one budget, not {' and '.join(flag + k for k in given)}",
                         f"give {flag}sentences, {flag}words or {flag}ratio")
    if not given:
        return {}
    (unit, size), = given.items()
    number = isinstance(size, int | float) and not isinstance(size, bool)
    if unit == "ratio" and not (number and 0 < size <= 1):
        raise UsageError(f"{flag}ratio must be in (0, 1], got {size!r}", "for example 0.2")
    if unit != "ratio" and not (isinstance(size, int) and not isinstance(size, bool)
                                and size >= 1):
        raise UsageError(f"{flag}{unit} must be a whole number of at least 1, got {size!r}",
                         "for example 5")
    return {"budget.unit": unit, "budget.size": size}


def apply_overrides(config: Config, overrides: Mapping[str, object], *, origin: str) -> Config:
    """Apply dotted-key overrides such as ``{"selection.redundancy": 0.5}``, checked like a file."""
    nested: dict[str, Any] = {}
    for dotted, value in overrides.items():
        *parents, leaf = dotted.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    merged: Config = _merge(config, nested, origin=origin, prefix="")
    return merged


_HINTS: dict[type, dict[str, Any]] = {}  # each section's field types, resolved once


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _merge(obj: Any, data: Mapping[str, Any], *, origin: str, prefix: str) -> Any:
    hints = _hints(type(obj))
    known = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in known:
            raise ConfigError(f"unknown configuration key '{dotted}' in {origin}",
                              f"allowed here: {', '.join(sorted(known))}")
        current = getattr(obj, key)
        if is_dataclass(current):
            if not isinstance(value, Mapping):
                raise ConfigError(f"'{dotted}' in {origin} must be a table, got {value!r}",
                                  f"write it as [{dotted}] with keys below it")
            changes[key] = _merge(current, value, origin=origin, prefix=f"{dotted}.")
        else:
            changes[key] = _check(value, hints[key], known[key].metadata, dotted, origin)
    result = replace(obj, **changes)
    if isinstance(result, SentenceConfig) and result.max_words < result.min_words:
        raise ConfigError(f"'{prefix}max_words' ({result.max_words}) is below "
                          f"'{prefix}min_words' ({result.min_words}) in {origin}",
                          "make max_words at least min_words")
    return result


def _check(value: Any, expected: Any, rule: Mapping[str, Any], key: str, origin: str) -> Any:
    def fail(what: str) -> ConfigError:
        return ConfigError(f"'{key}' = {value!r} in {origin}: expected {what}",
                           "fix the value, or remove the key to use the default")

    if expected is bool:
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if expected is str:
        if not isinstance(value, str):
            raise fail("a string")
        choices = rule.get("choices")
        if choices and value not in choices:
            raise fail("one of " + ", ".join(choices))
        return value
    if expected is int or expected is float:
        number_ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not number_ok or (expected is int and not isinstance(value, int)):
            raise fail("an integer" if expected is int else "a number")
        low, high = rule.get("low"), rule.get("high")
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"at least {low}" if high is None else f"between {low} and {high}"
            raise fail(f"a number {bounds}")
        return float(value) if expected is float else value
    # tuple[str, ...]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise fail("a list of strings")
    return tuple(value)
