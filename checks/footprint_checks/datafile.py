"""Reading the families' data files: TOML entries with one error naming the file and
entry, and the copies an update command stored, with the shipped copy as the fallback."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cached_copy(path: Path, parse: Callable[[bytes, str], T],
                invalid: type[Exception] | tuple[type[Exception], ...],
                fallback: str) -> T | None:
    """The copy an update command stored at ``path``, if there is one and ``parse`` takes
    it; None otherwise, with a warning naming ``fallback`` (what is used instead)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read %s: %s; using %s", path, exc, fallback)
        return None
    try:
        return parse(raw, str(path))
    except invalid as exc:
        log.warning("%s; using %s", exc, fallback)
        return None


def toml_entries(text: str, origin: str, table: str, label: str,
                 error: type[ValueError]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each ``[[table]]`` entry with a "<origin>: <label> #<n>" prefix for messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{origin}: not valid TOML: {exc}") from None
    entries = data.get(table)
    if not isinstance(entries, list) or not entries:
        raise error(f"{origin}: no [[{table}]] entries")
    for index, raw in enumerate(entries, 1):
        where = f"{origin}: {label} #{index}"
        if not isinstance(raw, dict):
            raise error(f"{where}: must be a table")
        yield where, raw
