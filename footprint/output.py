"""Writing report files: atomically (no half-written report) and private (0600).

A report describes where someone's home address was found, so it is created readable by
the owner only, and replaced in one step so a crash or Ctrl-C never leaves a torn file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from footprint.errors import ReportFileError

FILE_MODE = 0o600


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Writes ``text`` (UTF-8) to ``path`` through a temp file in the same directory,
    fsynced and renamed over the target; the result has mode 0600."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportFileError(f"{target}: is a directory, not a file name")
    if not directory.is_dir():
        raise ReportFileError(f"{target}: the directory {directory} does not exist")
    try:
        replace_atomically(target, text.encode("utf-8"))
    except OSError as exc:
        raise ReportFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


def replace_atomically(target: Path, data: bytes) -> None:
    """``data`` in ``target`` all at once (a temp file beside it, fsynced, renamed over it),
    readable by the owner only; raises OSError. A crash or Ctrl-C leaves the old file or the
    new one, never half of either. Creates the folder if needed."""
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
        except (AttributeError, OSError):  # not every platform has fchmod
            pass
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        with contextlib.suppress(OSError):
            os.chmod(target, FILE_MODE)
        _sync_directory(directory)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _sync_directory(directory: Path) -> None:
    """Makes the rename itself durable where the platform allows it."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
