"""Write a brief to a file safely: all of it or nothing.

The text goes to a temporary file in the destination's folder, is flushed to disk, then renamed
over the destination in one step (``os.replace``), so a crash or a kill never leaves a partial
or empty brief and an existing file is only ever replaced by a complete one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from summarize.errors import OutputError

SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json"}


def format_for(path: Path | None, requested: str | None) -> str:
    """The output format: as requested, else from the file's suffix, else text."""
    if requested:
        return requested
    if path is not None:
        return SUFFIX_FORMATS.get(path.suffix.lower(), "text")
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
