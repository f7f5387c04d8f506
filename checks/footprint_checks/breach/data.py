"""The family's data files, read once and validated with errors that name the entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from footprint.models import L10n, Severity

Tier = Literal["high", "medium", "low"]
TIERS: dict[str, Severity] = {"high": Severity.HIGH, "medium": Severity.MEDIUM,
                              "low": Severity.LOW}


@dataclass(frozen=True, slots=True)
class DataClass:
    label: L10n
    severity: Severity


@dataclass(frozen=True, slots=True)
class AccountSettings:
    url: str
    name: str


class BreachDataError(ValueError):
    """A data file of the breach family is malformed (a packaging bug, not a user error)."""


def _load(name: str) -> dict[str, Any]:
    raw = files(__package__).joinpath("data", name).read_text("utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BreachDataError(f"breach/data/{name}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BreachDataError(f"breach/data/{name}: must be a JSON object")
    return data


@cache
def data_classes() -> dict[str, DataClass]:
    table = _load("data_classes.json").get("classes")
    if not isinstance(table, dict):
        raise BreachDataError("breach/data/data_classes.json: 'classes' must be an object")
    out: dict[str, DataClass] = {}
    for name, entry in table.items():
        if (not isinstance(entry, list) or len(entry) != 2 or not isinstance(entry[0], str)
                or entry[1] not in TIERS):
            raise BreachDataError(
                f"breach/data/data_classes.json: entry {name!r}: expected "
                f"[\"Dutch label\", \"high\"|\"medium\"|\"low\"]")
        out[name.casefold()] = DataClass(L10n(en=name, nl=entry[0]), TIERS[entry[1]])
    return out


def data_class(name: str) -> DataClass:
    """Known classes by HIBP's spelling (case-insensitive); unknown ones count as medium."""
    known = data_classes().get(name.strip().casefold())
    return known or DataClass(L10n.same(name.strip()), Severity.MEDIUM)


@cache
def account_settings() -> dict[str, AccountSettings]:
    table = _load("account_settings.json").get("sites")
    if not isinstance(table, dict):
        raise BreachDataError("breach/data/account_settings.json: 'sites' must be an object")
    out: dict[str, AccountSettings] = {}
    for domain, entry in table.items():
        url = entry.get("url") if isinstance(entry, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(url, str) or not url.startswith("https://") or not isinstance(name, str):
            raise BreachDataError(
                f"breach/data/account_settings.json: entry {domain!r}: needs an https \"url\" "
                "and a \"name\"")
        out[domain.lower()] = AccountSettings(url, name)
    return out


def settings_for(domain: str) -> AccountSettings | None:
    domain = domain.strip().lower().removeprefix("www.")
    return account_settings().get(domain) if domain else None
