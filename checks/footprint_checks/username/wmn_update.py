"""The WhatsMyName list: the shipped copy, a user-refreshed copy, and what changed.

footprint ships WhatsMyName's wmn-data.json (data/wmn-data.json) and never downloads it on
its own. ``footprint sites update`` fetches the current file on request (or reads one the
user downloaded), checks it against WhatsMyName's schema rules (catalogue.py) and the
licence the data carries, and only then replaces the copy in the user's cache directory.
The username checks use that copy while it is valid, else the shipped one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from footprint.errors import ExitStatus, FootprintError
from footprint.http.client import HttpOptions
from footprint.output import replace_atomically
from footprint_checks.datafile import cached_copy

from .catalogue import CatalogueError, Site, parse_catalogue

UPSTREAM_URL = ("https://raw.githubusercontent.com/WebBreacher/WhatsMyName/main/"
                "wmn-data.json")
CACHE_FILE_NAME = "wmn-data.json"
META_FILE_NAME = "wmn-data.source.json"
SHIPPED_NAME = "wmn-data.json"
MIN_SITES = 100  # the real list has ~700; fewer means a truncated or wrong file
MAX_BYTES = 8 * 1024 * 1024  # the real file is about 260 KiB
_REQUIRED_TOP = ("license", "authors", "categories", "sites")
# the schema fixes the licence text; its year moves, so the words that make it CC BY-SA 4.0
# are what is required
_LICENCE_WORDS = ("Creative Commons Attribution-ShareAlike", "4.0")


class SiteListError(FootprintError):
    """A WhatsMyName file that is not valid or could not be fetched; the message names
    the entry or the cause."""

    exit_status = ExitStatus.INCOMPLETE


@dataclass(frozen=True, slots=True)
class SiteList:
    sites: tuple[Site, ...]
    entries: dict[str, dict[str, Any]]  # site key -> the raw entry, to tell changes apart
    source: str


@dataclass(frozen=True, slots=True)
class Changes:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def parse(raw: bytes | str, source: str) -> SiteList:
    """Validates a whole WhatsMyName file: the schema's required top-level keys, the CC
    BY-SA 4.0 licence it must carry, every entry (catalogue.py), and a plausible size."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SiteListError(f"{source}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SiteListError(f"{source}: not a WhatsMyName file (no JSON object)")
    missing = [k for k in _REQUIRED_TOP if k not in data]
    if missing:
        raise SiteListError(f"{source}: missing {missing[0]!r}; not a WhatsMyName file")
    licence = data["license"]
    text = " ".join(licence) if isinstance(licence, list) else ""
    if not all(isinstance(line, str) for line in licence) or not all(
            w in text for w in _LICENCE_WORDS):
        raise SiteListError(f"{source}: the licence notice is not WhatsMyName's CC BY-SA 4.0 "
                            "notice; not stored (the attribution must travel with the data)")
    for key in ("authors", "categories"):
        if not data[key]:
            raise SiteListError(f"{source}: {key!r} must not be empty")
    try:
        sites = parse_catalogue(data, source)
    except CatalogueError as exc:
        raise SiteListError(str(exc)) from None
    if len(sites) < MIN_SITES:
        raise SiteListError(f"{source}: only {len(sites)} sites; expected WhatsMyName's "
                            "full list")
    entries = {str(e["name"]).casefold(): e for e in data["sites"]}
    return SiteList(tuple(sites), entries, source)


def diff(old: SiteList, new: SiteList) -> Changes:
    """Sites added, removed and changed (any field), by name, in the new file's order."""
    def names(keys: list[str], where: SiteList) -> tuple[str, ...]:
        return tuple(str(where.entries[k]["name"]) for k in keys)

    added = [k for k in new.entries if k not in old.entries]
    removed = [k for k in old.entries if k not in new.entries]
    changed = [k for k in new.entries if k in old.entries and new.entries[k] != old.entries[k]]
    return Changes(names(added, new), names(removed, old), names(changed, new))


def cache_file() -> Path:
    from footprint.config import cache_dir

    return cache_dir() / CACHE_FILE_NAME


def shipped_bytes() -> bytes:
    return files(__package__).joinpath("data", SHIPPED_NAME).read_bytes()


def shipped() -> SiteList:
    return parse(shipped_bytes(), f"username/data/{SHIPPED_NAME}")


def cached() -> SiteList | None:
    """The copy ``footprint sites update`` stored, if there is one and it is valid."""
    return cached_copy(cache_file(), parse, SiteListError, "the shipped WhatsMyName list")


def current() -> SiteList:
    """The list the username checks use: the refreshed copy when valid, else the shipped."""
    return cached() or shipped()


def stored_from() -> dict[str, str] | None:
    """Where and when the refreshed copy came from (written next to it), if known."""
    try:
        meta = json.loads((cache_file().parent / META_FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return {k: str(v) for k, v in meta.items()} if isinstance(meta, dict) else None


def store(raw: bytes, source: str) -> SiteList:
    """Validates ``raw`` and only then replaces the cached copy (atomically)."""
    target = cache_file()
    parsed = parse(raw, source)
    replace_atomically(target, raw)
    meta = {"source": source, "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
            "sha256": hashlib.sha256(raw).hexdigest(), "sites": len(parsed.sites)}
    replace_atomically(target.parent / META_FILE_NAME, json.dumps(meta, indent=1).encode())
    return parsed


async def download(url: str, options: HttpOptions) -> bytes:
    """One plain GET of the public file with the network settings of ``options`` (proxy,
    certificates, deadline); nothing about the user is sent."""
    from footprint.http.public_file import PublicFileError, fetch_public_file

    try:
        return await fetch_public_file(url, options, MAX_BYTES)
    except PublicFileError as exc:
        raise SiteListError(str(exc)) from None


def revert() -> bool:
    """Removes the refreshed copy, so the shipped one is used again; False if none."""
    path = cache_file()
    existed = path.exists()
    path.unlink(missing_ok=True)
    (path.parent / META_FILE_NAME).unlink(missing_ok=True)
    return existed
