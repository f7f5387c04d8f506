"""Reading the families' TOML data files: one error naming the file and entry."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any


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
