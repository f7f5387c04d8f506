"""The outside APIs of the built-in checks and where their shapes were confirmed (apis.toml).

Loaded and validated once; a check names its records by check id. A broken apis.toml is a
plugin error naming the entry, like every other data file of the built-in checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from footprint import provenance
from footprint.errors import PluginError
from footprint.provenance import Provenance
from footprint_checks.datafile import toml_entries

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CHECK_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
_KEYS = frozenset({"id", "name", "checks", "used_by", "calls", provenance.KEY})


class ApiDataError(PluginError, ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Api:
    id: str
    name: str
    checks: tuple[str, ...]
    used_by: tuple[str, ...]
    calls: tuple[str, ...]
    checked: Provenance


def _strings(raw: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ApiDataError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(value)


def parse_apis(text: str, origin: str = "apis.toml") -> tuple[Api, ...]:
    out: list[Api] = []
    seen: set[str] = set()
    for where, raw in toml_entries(text, origin, "api", "api", ApiDataError):
        ident = raw.get("id")
        if not isinstance(ident, str) or not _ID.match(ident) or ident in seen:
            raise ApiDataError(f"{where}: id must be unique, lower-case words and dashes")
        seen.add(ident)
        where = f"{origin}: api {ident!r}"
        unknown = sorted(set(raw) - _KEYS)
        if unknown:
            raise ApiDataError(f"{where}: unknown key {unknown[0]!r}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ApiDataError(f"{where}: 'name' is required")
        checks = _strings(raw, "checks", where)
        if not all(_CHECK_ID.match(c) for c in checks):
            raise ApiDataError(f"{where}: 'checks' must hold check ids (family.name)")
        used_by = _strings(raw, "used_by", where)
        if not checks and not used_by:
            raise ApiDataError(f"{where}: name the checks or commands that call it")
        checked = provenance.parse_in(raw, name.strip(), where, ApiDataError)
        out.append(Api(ident, name.strip(), checks, used_by, _strings(raw, "calls", where),
                       checked))
    return tuple(out)


@cache
def apis() -> tuple[Api, ...]:
    package = __package__ or "footprint_checks"
    return parse_apis(files(package).joinpath("apis.toml").read_text("utf-8"))


def records_for(check_id: str) -> tuple[Provenance, ...]:
    """The records of every API a check calls."""
    return tuple(api.checked for api in apis() if check_id in api.checks)
