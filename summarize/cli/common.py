"""Pieces every command shares: error reporting, configuration from flags, budgets."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from summarize.config import Config, apply_overrides, load_config
from summarize.errors import ExitStatus, InternalError, OutputError, SummarizeError
from summarize.model import Article
from summarize.resources import default_config_path

if TYPE_CHECKING:
    from summarize.unattended.seen import SeenStore, Split

log = logging.getLogger("summarize")


class _StderrFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        level = "" if record.levelno == logging.INFO else f"{record.levelname.lower()}: "
        return f"summarize: {level}{record.getMessage()}"


def configure_logging(*, verbose: bool = False, quiet: bool = False,
                      log_file: Path | None = None) -> None:
    """Diagnostics to stderr (warnings; with --verbose also stage timings; --quiet: errors
    only) and, with --log-file, every record appended with a timestamp."""
    log.handlers.clear()
    log.setLevel(logging.INFO)
    log.propagate = False
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(_StderrFormatter())
    stderr.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    log.addHandler(stderr)
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)  # as --output does
            handler = logging.FileHandler(log_file, mode="a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot open log file {log_file}: {exc.strerror or exc}",
                              "choose a --log-file path you can write to") from None
        handler.setFormatter(logging.Formatter(
            "%(asctime)s summarize[%(process)d] %(levelname)s %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S%z"))
        log.addHandler(handler)


class _Process:
    """Whether this process is the command's own (``summarize``, not a test runner or
    another program calling the commands)."""

    ours = False


# Where OpenBLAS (numpy's and SciPy's) reads how many threads to run; the first one set wins
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def own_process() -> None:
    """Declare this process the command's own: :func:`keep_for_good` then acts, and the BLAS
    of numpy and SciPy, not yet loaded, runs on this thread alone unless the environment says
    otherwise. Its helper threads spin, waiting for work, after they start and after each
    call; the brief's products are sparse or too small to share out, so they only burned CPU:
    0.2 s of a one-sentence brief, 0.4 s of a 12,000-sentence one (a third of its CPU time
    beyond its wall time), and in ``batch -j 2`` they took the other worker's core."""
    _Process.ours = True
    if not any(os.environ.get(name) for name in _BLAS_THREADS):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


def keep_for_good() -> None:
    """In the command's own process, tell the cyclic garbage collector that what is alive now
    lives as long as the process (``gc.freeze``): the libraries' modules (some 75,000
    objects), the articles read. Every full collection of a large brief traversed them again
    (0.2 s of a 12,000-sentence brief), and the last collection, at exit, took their cycles
    apart one by one before the operating system took the memory back anyway (0.18 s of every
    run). Never in a process that is not ours: the library, and a command run from other
    code, leave their host's heap alone."""
    if _Process.ours:
        import gc

        gc.freeze()


def ready_for_briefs() -> None:
    """Import what every brief uses (:func:`~summarize.brief.pipeline.import_libraries`),
    then :func:`keep_for_good` it, with the inputs already read: for a command about to
    summarise."""
    from summarize.brief.pipeline import import_libraries

    import_libraries()
    keep_for_good()


def fail(error: SummarizeError) -> typer.Exit:
    """Report ``error`` as cause and hint; return the Exit to raise."""
    hint = f"\n  hint: {error.hint}" if error.hint else ""
    if log.handlers:
        log.error("%s%s", error.cause, hint)
    else:
        print(f"summarize: error: {error.cause}{hint}", file=sys.stderr)
    return typer.Exit(int(error.exit_status))


def warn(message: str) -> None:
    log.warning(message)


@contextmanager
def guarded() -> Iterator[None]:
    """Map the project's errors, and any unexpected one, to a message and an exit status."""
    try:
        yield
    except SummarizeError as error:
        raise fail(error) from None
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(int(ExitStatus.OK)) from None
    except Exception as exc:  # the last line of defence: one line, never a traceback
        raise fail(InternalError(f"internal error: {type(exc).__name__}: {exc}",
                                 "this is a bug; please report it with the command and input")
                   ) from None


def deliver(target: Path | None, fmt: str, *, show: Callable[[IO[str]], None],
            text: Callable[[str], str]) -> None:
    """Write ``text(fmt)`` to ``target`` atomically, or to stdout; plain text on a terminal is
    the rich view instead (``show(stdout)``)."""
    from summarize.render import is_terminal
    from summarize.unattended.output import write_atomic

    if target is None and fmt == "text" and is_terminal(sys.stdout):
        show(sys.stdout)
        return
    rendered = text(fmt)
    if target is None:
        sys.stdout.write(rendered)
        sys.stdout.flush()
        return
    write_atomic(target, rendered)
    log.info("wrote %s", target)


def split_seen(state: Path | None, articles: Sequence[Article], config: Config
               ) -> tuple[SeenStore, Split]:
    """For ``--new-only``: the record (at ``state`` or the default place) and ``articles``
    split into new and known, logged."""
    from summarize.unattended.seen import SeenStore, default_state_path

    store = SeenStore(state or default_state_path())
    split = store.split(articles, days=config.update.background_days)
    log.info("%d of %d article(s) are new (state: %s)", len(split.new), len(articles),
             store.path)
    return store, split


def build_config(config_file: Path | None, overrides: dict[str, Any]) -> Config:
    """Defaults from config/default.toml, then ``config_file``, then flag ``overrides``."""
    config = load_config(default_config_path())
    config = load_config(config_file, base=config)
    return apply_overrides(config, {k: v for k, v in overrides.items() if v is not None},
                           origin="the command line")
