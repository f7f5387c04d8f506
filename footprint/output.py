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
    data = text.encode("utf-8")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=directory)
    except OSError as exc:
        raise ReportFileError(f"{target}: cannot write here ({exc.strerror})") from None
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
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ReportFileError(f"{target}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


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
