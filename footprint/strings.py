"""Rewrites every string inside the report's frozen dataclasses (masking, redaction)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


def map_strings(obj: T, change: Callable[[str], str], keep: Collection[str] = ()) -> T:
    """``obj`` with ``change`` applied to every string in it; fields named in ``keep``
    (such as finding keys, whose hash is the finding's id) are left alone."""
    result: T = _walk(obj, change, keep)
    return result


def _walk(obj: Any, change: Callable[[str], str], keep: Collection[str]) -> Any:
    if isinstance(obj, Enum) or obj is None or isinstance(obj, bool | int | float):
        return obj
    if isinstance(obj, str):
        return change(obj)
    if isinstance(obj, tuple):
        return tuple(_walk(x, change, keep) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _walk(getattr(obj, f.name), change, keep)
                   for f in dataclasses.fields(obj) if f.name not in keep}
        return dataclasses.replace(obj, **changes)
    return obj  # datetimes and other plain values carry no text


REDACTED = "[redacted]"
MIN_SECRET_LENGTH = 6  # shorter values would redact ordinary words


def redact_secrets(obj: T, secrets: Collection[str]) -> T:
    """``obj`` with every secret value replaced, wherever a service echoed it."""
    values = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)
    if not values:
        return obj

    def scrub(text: str) -> str:
        for value in values:
            if value in text:
                text = text.replace(value, REDACTED)
        return text

    return map_strings(obj, scrub)
