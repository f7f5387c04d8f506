"""Catalogues of words in both languages, read from TOML and checked on load.

A catalogue is a TOML file of nested tables whose leaves are ``{ en = "...", nl = "..." }``;
a leaf's key is its dotted path (``status.exposed``). On load every leaf must have both
languages, non-empty, with the same ``{placeholders}``, so a missing or mistyped word fails
when the file is read, not in front of the person. footprint's own words live in
``footprint/words.toml``; a check family keeps its prose in its own file, read the same way.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from footprint.models import L10n, Lang


class WordsError(ValueError):
    """A catalogue file that is not valid: names the file and the key."""


class Words:
    def __init__(self, entries: Mapping[str, L10n], origin: str) -> None:
        self._entries = dict(entries)
        self.origin = origin

    @classmethod
    def parse(cls, text: str, origin: str, required: Iterable[str] = ()) -> Words:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise WordsError(f"{origin}: not valid TOML: {exc}") from None
        return cls.from_data(data, origin, required)

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str,
                  required: Iterable[str] = ()) -> Words:
        """A catalogue from already-parsed TOML (a table inside a larger data file)."""
        entries: dict[str, L10n] = {}
        _collect(data, "", origin, entries)
        missing = [key for key in required if key not in entries]
        if missing:
            raise WordsError(f"{origin}: missing {', '.join(missing)}")
        return cls(entries, origin)

    @classmethod
    def load(cls, path: Path, required: Iterable[str] = ()) -> Words:
        return cls.parse(path.read_text(encoding="utf-8"), str(path.name), required)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def keys(self, prefix: str = "") -> list[str]:
        return [k for k in self._entries if k.startswith(prefix)]

    def l10n(self, key: str, **values: object) -> L10n:
        """Both languages of ``key``, with ``values`` filled in."""
        try:
            entry = self._entries[key]
        except KeyError:
            raise KeyError(f"{self.origin}: no words for {key!r}") from None
        if not values:
            return entry
        return L10n(en=entry.en.format(**values), nl=entry.nl.format(**values))

    def t(self, key: str, lang: Lang, **values: object) -> str:
        """The one lookup: ``key`` in ``lang``, with ``values`` filled in."""
        return self.l10n(key, **values).get(lang)


def _collect(node: dict[str, Any], prefix: str, origin: str, out: dict[str, L10n]) -> None:
    for name, value in node.items():
        key = f"{prefix}{name}"
        if not isinstance(value, dict):
            raise WordsError(f"{origin}: {key} must be a table")
        if set(value) & {"en", "nl"}:
            out[key] = _leaf(value, key, origin)
        else:
            _collect(value, f"{key}.", origin, out)


def _leaf(value: dict[str, Any], key: str, origin: str) -> L10n:
    extra = set(value) - {"en", "nl"}
    if extra:
        raise WordsError(f"{origin}: {key}: unknown field {sorted(extra)[0]!r}")
    for lang in ("en", "nl"):
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise WordsError(f"{origin}: {key}: '{lang}' must be a non-empty string")
    if _fields(value["en"]) != _fields(value["nl"]):
        raise WordsError(f"{origin}: {key}: en and nl use different placeholders")
    return L10n(en=value["en"], nl=value["nl"])


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
