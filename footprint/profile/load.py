"""Reads and validates a profile file: one clear error naming file, line and field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from footprint.errors import ProfileError
from footprint.profile import validate as v
from footprint.profile.conflicts import private_in_public
from footprint.profile.model import (
    HomeAddress,
    HomeLocation,
    PrivateData,
    Profile,
    PublicIdentifiers,
    Suppression,
    SuppressionReason,
)

_SECTIONS: dict[str, set[str]] = {
    "": {"person", "public", "private", "suppressions"},
    "person": {"name", "aliases", "role", "municipality"},
    "public": {"usernames", "emails", "phones", "domains", "urls", "kvk_numbers", "trade_names"},
    "private": {"address", "phones", "family", "other", "home_location"},
    "private.address": {"street", "house_number", "addition", "postcode", "city"},
    "private.home_location": {"latitude", "longitude", "radius_m"},
    "suppressions": {"finding", "reason", "note", "date"},
}

_PUBLIC_VALIDATORS: dict[str, Callable[[str], str]] = {
    "usernames": v.username,
    "emails": v.email,
    "phones": v.phone,
    "domains": v.domain,
    "urls": v.url,
    "kvk_numbers": v.kvk_number,
    "trade_names": v.plain_text,
}


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def line_of(self, section: str, key: str | None) -> int | None:
        """Best-effort line of ``key`` inside ``[section]`` (tomllib keeps no positions)."""
        header = None
        if section:
            header = re.compile(r"^\s*\[\[?\s*" + re.escape(section) + r"\s*\]\]?\s*$")
        in_section = header is None
        for number, line in enumerate(self.lines, 1):
            if header is not None and header.match(line):
                in_section = True
                if key is None:
                    return number
                continue
            if in_section and key and re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
                return number
            if in_section and header is not None and line.lstrip().startswith("["):
                in_section = False
        return None

    def fail(self, section: str, key: str | None, message: str) -> ProfileError:
        field = ".".join(p for p in (section, key) if p)
        return ProfileError(message, source=self.source, line=self.line_of(section, key),
                            field=field or None)

    def table(self, data: dict[str, Any], section: str) -> dict[str, Any]:
        unknown = sorted(set(data) - _SECTIONS[section])
        if unknown:
            allowed = ", ".join(sorted(_SECTIONS[section]))
            raise self.fail(section, unknown[0], f"unknown key (allowed here: {allowed})")
        return data

    def sub(self, data: dict[str, Any], section: str, key: str) -> dict[str, Any]:
        value = data.get(key, {})
        full = f"{section}.{key}" if section else key
        if not isinstance(value, dict):
            raise self.fail(section, key, "must be a table")
        return self.table(value, full)

    def text(self, data: dict[str, Any], section: str, key: str,
             check: Callable[[str], str] = v.plain_text) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise self.fail(section, key, "must be a string")
        try:
            return check(value) if value.strip() else ""
        except ValueError as exc:
            raise self.fail(section, key, str(exc)) from None

    def texts(self, data: dict[str, Any], section: str, key: str,
              check: Callable[[str], str] = v.plain_text) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise self.fail(section, key, "must be a list of strings")
        out: list[str] = []
        for item in value:
            try:
                out.append(check(item))
            except ValueError as exc:
                raise self.fail(section, key, f"{item!r}: {exc}") from None
        return tuple(dict.fromkeys(x for x in out if x))

    def number(self, data: dict[str, Any], section: str, key: str, lo: float, hi: float,
               default: float | None = None) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(section, key, "must be a number")
        if not lo <= value <= hi:
            raise self.fail(section, key, f"must be between {lo} and {hi}")
        return float(value)


def parse_profile(text: str, source: str = "profile") -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ProfileError(f"not valid TOML: {exc}", source=source,
                           line=int(match.group(1)) if match else None) from None
    if not data:
        raise ProfileError("the profile is empty; run 'footprint init' to create one",
                           source=source)
    r = _Reader(text, source)
    r.table(data, "")
    person = r.sub(data, "", "person")
    public = r.sub(data, "", "public")
    private = r.sub(data, "", "private")
    address = r.sub(private, "private", "address")
    location = r.sub(private, "private", "home_location") if "home_location" in private else None
    pub = PublicIdentifiers(**{k: r.texts(public, "public", k, check)
                               for k, check in _PUBLIC_VALIDATORS.items()})
    home = HomeAddress(
        street=r.text(address, "private.address", "street", v.marker_text),
        house_number=r.text(address, "private.address", "house_number", v.house_number),
        addition=r.text(address, "private.address", "addition", v.plain_text),
        postcode=r.text(address, "private.address", "postcode", v.postcode),
        city=r.text(address, "private.address", "city"),
    )
    if home.house_number and not home.street:
        raise r.fail("private.address", "street", "is needed when house_number is given")
    coords = None
    if location is not None:
        coords = HomeLocation(
            latitude=r.number(location, "private.home_location", "latitude", -90, 90),
            longitude=r.number(location, "private.home_location", "longitude", -180, 180),
            radius_m=r.number(location, "private.home_location", "radius_m", 10, 50_000, 500),
        )
    priv = PrivateData(
        address=home,
        phones=r.texts(private, "private", "phones", v.phone),
        family=r.texts(private, "private", "family", v.marker_text),
        other=r.texts(private, "private", "other", v.marker_text),
        home_location=coords,
    )
    profile = Profile(
        name=r.text(person, "person", "name"),
        aliases=r.texts(person, "person", "aliases"),
        role=r.text(person, "person", "role"),
        municipality=r.text(person, "person", "municipality"),
        public=pub,
        private=priv,
        suppressions=_suppressions(r, data.get("suppressions", [])),
        source=source,
    )
    conflict = private_in_public(profile)
    if conflict is not None:
        section, _, key = conflict.public_field.rpartition(".")
        raise r.fail(section, key, (
            f"{conflict.value!r} contains your {conflict.label} from {conflict.private_field}; "
            "a private detail that is part of a public identifier cannot be kept private "
            "(requests about it would be blocked): change one of the two"))
    return profile


def _suppressions(r: _Reader, items: Any) -> tuple[Suppression, ...]:
    if not isinstance(items, list):
        raise r.fail("", "suppressions", "must be an array of tables ([[suppressions]])")
    out: list[Suppression] = []
    for item in items:
        if not isinstance(item, dict):
            raise r.fail("", "suppressions", "must be an array of tables ([[suppressions]])")
        r.table(item, "suppressions")
        finding = r.text(item, "suppressions", "finding", v.finding_id)
        if not finding:
            raise r.fail("suppressions", "finding", "is required")
        reason = r.text(item, "suppressions", "reason")
        try:
            why = SuppressionReason(reason)
        except ValueError:
            allowed = ", ".join(s.value for s in SuppressionReason)
            raise r.fail("suppressions", "reason", f"must be one of: {allowed}") from None
        when = item.get("date")
        if when is not None and not isinstance(when, date):
            raise r.fail("suppressions", "date", "must be a date (2026-11-28)")
        out.append(Suppression(finding, why, r.text(item, "suppressions", "note"), when))
    return tuple(out)


def load_profile(path: Path) -> Profile:
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError("file not found; run 'footprint init' to create one",
                           source=source) from None
    except OSError as exc:
        raise ProfileError(f"cannot read: {exc.strerror}", source=source) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError("not UTF-8 text", source=source) from None
    return parse_profile(text, source)
