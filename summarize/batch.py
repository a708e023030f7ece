"""Summarise a dataset's clusters on every core, or on a Dask cluster, in input order, resumably.

Results come in input order as they finish, whatever runs them. ``workers=1`` runs in this
process; more fork workers from this process once it is warm, on Linux (:func:`_forked`), else
use joblib's default process pool (loky); a Dask scheduler address runs the same tasks through
joblib's Dask backend. A cluster's line is the same bytes whichever runs it, because the
pipeline is deterministic.

Resuming: :class:`ResumableOutput` appends each finished line to the output with one
``write`` (never a half line from this process) and, on the next run with the same output,
reads back which clusters are done, so they are kept and not redone. A trailing half line (a
crash mid-write of the file system, say) is cut off first.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from summarize.config import Config
from summarize.errors import OutputError, ServiceError, UsageError
from summarize.evaluation.dataset import Cluster


def brief_line(cluster: Cluster, config: Config) -> str:
    """A cluster's output line (no newline): ``{"id", "summary", "sentences"}``."""
    from summarize.brief.pipeline import summarize_articles
    from summarize.render import sentence_dicts

    brief = summarize_articles(cluster.articles, config, background=cluster.background)
    return json.dumps({"id": cluster.id, "summary": brief.text,
                       "sentences": sentence_dicts(brief)}, ensure_ascii=False)


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(clusters: Sequence[Cluster], config: Config, *, workers: int,
        scheduler: str | None = None) -> Iterator[str]:
    """Each cluster's line, in input order, as soon as it and those before it are done."""
    if not clusters:
        return iter(())
    if scheduler is None and (workers == 1 or len(clusters) == 1):
        return (brief_line(c, config) for c in clusters)
    return _parallel(clusters, config, workers=min(workers, len(clusters)), scheduler=scheduler)


def _parallel(clusters: Sequence[Cluster], config: Config, *, workers: int,
              scheduler: str | None) -> Iterator[str]:
    from joblib import Parallel, delayed, parallel_config

    if scheduler is None and sys.platform == "linux":
        yield from _forked(clusters, config, workers=workers)
        return
    tasks = (delayed(brief_line)(c, config) for c in clusters)
    if scheduler is None:
        yield from Parallel(n_jobs=workers, return_as="generator", batch_size="auto")(tasks)
        return
    with dask_client(scheduler), parallel_config(backend="dask"):
        yield from Parallel(n_jobs=-1, return_as="generator")(tasks)


_WORK: tuple[Sequence[Cluster], Config] | None = None  # what forked workers find in memory


def _line_at(index: int) -> str:
    assert _WORK is not None
    clusters, config = _WORK
    return brief_line(clusters[index], config)


def _forked(clusters: Sequence[Cluster], config: Config, *, workers: int) -> Iterator[str]:
    """The lines from ``workers`` processes forked from this one once it is warm.

    A fresh worker (loky's) imports scikit-learn and SciPy again, most of a second each, which
    on a batch of 50 clusters of 10 articles cost more than the second worker saved. So this
    process imports what every brief needs, then forks: the workers start with it in memory,
    and find the clusters there too (only their indices and the lines travel). Linux only:
    elsewhere fork is unsafe or absent, and loky runs the batch."""
    global _WORK
    import gc
    import multiprocessing
    import warnings

    from summarize.brief.pipeline import import_libraries

    import_libraries()
    _WORK = (clusters, config)
    # what this process holds now never becomes garbage: frozen, the workers' collections
    # leave it alone instead of touching (and so copying) every page of it
    gc.freeze()
    chunk = max(1, min(32, len(clusters) // (workers * 20)))
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns of fork in a process with threads (numpy's BLAS pool, idle
            # here): the workers never use those threads' state
            warnings.filterwarnings("ignore", category=DeprecationWarning,
                                    message=".*fork.*")
            pool = multiprocessing.get_context("fork").Pool(workers)
        with pool:
            yield from pool.imap(_line_at, range(len(clusters)), chunksize=chunk)
    finally:
        _WORK = None
        gc.unfreeze()


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[object]:
    """A client connected to the Dask scheduler at ``address`` (closed afterwards)."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask's distributed package",
                         "pip install 'summarize[dask]'") from None
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]  # untyped
    except (OSError, TimeoutError) as exc:
        raise ServiceError(f"cannot reach the Dask scheduler at {address}: {exc}",
                             "check the address (tcp://HOST:PORT) and that the scheduler "
                             "is running") from None
    try:
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]  # untyped in distributed


class ResumableOutput:
    """A JSON Lines output that keeps the lines of earlier runs and appends new ones.

    ``done`` counts the cluster ids already written. A file that is not an earlier batch
    output is refused rather than appended to, so nothing the user had is mixed up.
    """

    def __init__(self, path: Path, *, restart: bool = False) -> None:
        self.path = path
        self.done: Counter[str] = Counter()
        self.cut = 0  # bytes of a half line removed
        if not restart:
            self._read_back()
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if restart else 0)
        try:
            self.fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}",
                              "choose an output path you can write to") from None

    def _read_back(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise OutputError(f"cannot read {self.path} to resume: {exc.strerror or exc}",
                              "check its permissions, or pass --restart") from None
        end = data.rfind(b"\n") + 1
        for number, raw in enumerate(data[:end].splitlines(), 1):
            try:
                line = json.loads(raw)
                cluster_id = line["id"]
                if not isinstance(cluster_id, str) or "summary" not in line:
                    raise ValueError
            except (ValueError, TypeError, KeyError):
                raise OutputError(
                    f"{self.path}:{number} is not a line of summarize batch output; "
                    "refusing to append to it",
                    "choose another --output, or pass --restart to replace it") from None
            self.done[cluster_id] += 1
        if end < len(data):
            self.cut = len(data) - end
            with open(self.path, "r+b") as handle:
                handle.truncate(end)

    def pending(self, clusters: Iterable[Cluster]) -> list[Cluster]:
        """The clusters not yet written (a repeated id counts once per line written)."""
        left = Counter(self.done)
        todo: list[Cluster] = []
        for cluster in clusters:
            if left[cluster.id] > 0:
                left[cluster.id] -= 1
            else:
                todo.append(cluster)
        return todo

    def append(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        written = os.write(self.fd, data)
        while written < len(data):  # a short write: finish it before anything else
            written += os.write(self.fd, data[written:])

    def close(self) -> None:
        try:
            os.fsync(self.fd)
        finally:
            os.close(self.fd)
