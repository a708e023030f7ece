"""Write a brief to a file safely: all of it or nothing.

The text goes to a temporary file in the destination's folder, is flushed to disk, then renamed
over the destination in one step (``os.replace``), so a crash or a kill never leaves a partial
or empty brief and an existing file is only ever replaced by a complete one. A lock file beside
the output (``flock``; filelock where there is none) keeps two overlapping runs from writing the
same brief, and goes when the run ends.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from summarize.errors import LockHeldError, OutputError, UsageError

SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json",
                  ".html": "html", ".htm": "html"}


def format_for(path: Path | None, requested: str | None,
               allowed: tuple[str, ...] = ("text", "markdown", "json")) -> str:
    """The output format: as requested, else from the file's suffix (one of ``allowed``),
    else text."""
    if requested:
        return requested
    if path is not None:
        found = SUFFIX_FORMATS.get(path.suffix.lower(), "text")
        return found if found in allowed else "text"
    return "text"


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, creating missing parent folders."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}",
                          "choose an output folder you can write to") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}",
                          "check the path, its permissions and free disk space") from None


_FIELD = re.compile(r"\{(date|time)(?::([^{}]*))?\}")


def expand_template(template: str, now: datetime.datetime | None = None) -> Path:
    """Fill ``{date}``, ``{date:FORMAT}`` and ``{time}`` in an output path (local time).

    ``{date}`` is ``%Y-%m-%d``, ``{time}`` is ``%H%M%S``; any ``strftime`` format may follow a
    colon. ``~`` expands to the home folder.
    """
    now = now or datetime.datetime.now()
    defaults = {"date": "%Y-%m-%d", "time": "%H%M%S"}

    def fill(match: re.Match[str]) -> str:
        return now.strftime(match.group(2) or defaults[match.group(1)])

    unknown = re.sub(_FIELD, "", template)
    if re.search(r"\{[^{}]*\}", unknown):
        raise UsageError(f"unknown field in output path {template!r}",
                         "use {date}, {date:%Y-%m-%d} or {time}")
    return Path(os.path.expanduser(_FIELD.sub(fill, template)))


@contextlib.contextmanager
def output_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold ``.NAME.lock`` beside ``path`` for a whole run, waiting up to ``timeout`` seconds
    for another run; the holder's pid and start time are kept in ``.NAME.lock.owner`` so a
    run that gives up can say which run holds it. The lock file is removed when the run ends
    (a dated output would otherwise leave one behind every day, for ever)."""
    lock_path = path.with_name(f".{path.name}.lock")
    owner_path = path.with_name(f".{path.name}.lock.owner")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        release = _acquire(lock_path, timeout)
    except TimeoutError:
        try:
            owner = owner_path.read_text(encoding="utf-8").strip()
        except OSError:
            owner = "another summarize run"
        raise LockHeldError(f"{path} is locked by {owner} (lock file {lock_path})",
                            "wait for that run to finish, or raise --lock-timeout") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}",
                          "choose an output folder you can write to") from None
    try:
        started = datetime.datetime.now().isoformat(timespec="seconds")
        with contextlib.suppress(OSError):
            owner_path.write_text(f"summarize pid {os.getpid()} (started {started})\n",
                                  encoding="utf-8")
        yield
    finally:
        with contextlib.suppress(OSError):
            owner_path.unlink()
        release()


def _acquire(lock_path: Path, timeout: float) -> Callable[[], None]:
    """Lock ``lock_path`` (TimeoutError after ``timeout`` seconds); the function that unlocks
    it and removes the file.

    On POSIX with ``flock``: a run that got the lock checks that the file it locked is still
    the one at ``lock_path``, since the run before may have removed it meanwhile (then it
    locks the new one), so removing the file on release never lets two runs in at once.
    Elsewhere, filelock's lock, and the file stays.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import FileLock, Timeout

        lock = FileLock(lock_path, timeout=timeout)
        try:
            lock.acquire()
        except Timeout:
            raise TimeoutError(str(lock_path)) from None
        return lambda: lock.release()

    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise TimeoutError(str(lock_path)) from None
            time.sleep(0.05)
            continue
        try:
            current = os.stat(lock_path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)  # removed by the run before: lock the file now at that path

    def release() -> None:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)  # still holding the lock, so no run is between the two
        os.close(fd)

    return release
