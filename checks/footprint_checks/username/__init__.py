"""Exposed social profiles: one check per catalogue site, for each username and a few
handles made from the person's name.

Config section ``[checks.username]`` (all optional)::

    catalogues = ["my-sites.json"]  # extra WhatsMyName-format files (``--sites FILE``);
                                    # "whatsmyname" names the bundled full WhatsMyName list;
                                    # "builtin:<path>" a file shipped in footprint_checks
    only_catalogues = false         # true: use only those files, not the bundled curated list
    whatsmyname = false             # true: add the bundled WhatsMyName list (716 sites)
    name_handles = true             # also try handles made from your name
    third_party = false             # true: also run entries that ask a mirror or tracker
    timeout = 15                    # seconds per site and handle
    canary = "weak"                 # before trusting a hit, ask about a random username:
                                    # "weak" entries (status code only), "all" or "off"
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from footprint.check import Check
from footprint.errors import ConfigError

from . import wmn_update
from .canary import MODES, CanaryMode
from .catalogue import Site, merge, parse_catalogue, read_catalogue
from .check import SiteCheck, slug
from .extensions import extensions

CURATED = "footprint-sites.json"
WHATSMYNAME = "wmn-data.json"
WHATSMYNAME_ALIAS = "whatsmyname"
BUILTIN_PREFIX = "builtin:"  # a catalogue shipped with the built-in checks (the demo's)
_KEYS = {"catalogues", "only_catalogues", "whatsmyname", "name_handles", "third_party",
         "timeout", "canary"}
_COMMON_HOSTS = frozenset({"linkedin.com", "twitter.com", "x.com", "facebook.com",
                           "instagram.com", "youtube.com", "tiktok.com", "github.com"})


def data_versions() -> Iterator[tuple[str, str]]:
    import tomllib

    refreshed = wmn_update.cached()
    if refreshed is not None:  # what `footprint sites update` stored, and is in use
        when = (wmn_update.stored_from() or {}).get("fetched", "")[:10] or "unknown date"
        yield ("site catalogue", f"WhatsMyName list of {when}, {len(refreshed.sites)} sites "
               "(from footprint sites update)")
        return
    shipped = tomllib.loads(files(__package__).joinpath("data", "versions.toml")
                            .read_text("utf-8"))["whatsmyname"]
    yield ("site catalogue", f"WhatsMyName {shipped['commit']} of {shipped['date']}, "
           f"{shipped['sites']} sites (shipped)")


def bundled(name: str) -> list[Site]:
    text = files(__package__).joinpath("data", name).read_text("utf-8")
    return parse_catalogue(json.loads(text), f"username/data/{name}")


def _flag(settings: Mapping[str, Any], key: str, default: bool) -> bool:
    value = settings.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"checks.username.{key}: must be true or false")
    return value


def _catalogue_paths(settings: Mapping[str, Any]) -> list[str]:
    raw = settings.get("catalogues", [])
    if isinstance(raw, str | Path):
        raw = [raw]
    if not isinstance(raw, list | tuple) or not all(isinstance(p, str | Path) for p in raw):
        raise ConfigError("checks.username.catalogues: must be a list of file paths")
    return [str(p) for p in raw]


def load_sites(settings: Mapping[str, Any]) -> list[Site]:
    """The active catalogue: bundled curated (unless only_catalogues), the bundled
    WhatsMyName list if asked for, then the user's files; later entries replace earlier
    ones of the same name."""
    unknown = sorted(set(settings) - _KEYS)
    if unknown:
        raise ConfigError(f"checks.username.{unknown[0]}: unknown key "
                          f"(allowed: {', '.join(sorted(_KEYS))})")
    paths = _catalogue_paths(settings)
    only = _flag(settings, "only_catalogues", False)
    if only and not paths:
        raise ConfigError("checks.username.only_catalogues is true but no catalogue was given "
                          "(--sites FILE)")
    layers: list[list[Site]] = []
    wants_wmn = _flag(settings, "whatsmyname", False) or WHATSMYNAME_ALIAS in paths
    if wants_wmn:  # the copy `footprint sites update` refreshed, else the shipped one
        layers.append(list(wmn_update.current().sites))
    if not only:
        layers.append(bundled(CURATED))  # footprint's verified entries win over upstream's
    layers += [read_catalogue(_resolve(p)) for p in paths if p != WHATSMYNAME_ALIAS]
    return [s for s in merge(layers) if s.valid]


def _resolve(path: str) -> Path:
    if path.startswith(BUILTIN_PREFIX):
        package = files(__package__.rpartition(".")[0])
        return Path(str(package.joinpath(path.removeprefix(BUILTIN_PREFIX))))
    return Path(path).expanduser()


def _timeout(settings: Mapping[str, Any]) -> float | None:
    value = settings.get("timeout")
    if value is None:
        return 15.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.5 <= value <= 300:
        raise ConfigError("checks.username.timeout: must be a number of seconds from 0.5 to 300")
    return float(value)


def _canary(settings: Mapping[str, Any]) -> CanaryMode:
    value = settings.get("canary", "weak")
    for mode in MODES:
        if value == mode:
            return mode
    raise ConfigError(f"checks.username.canary: must be one of {', '.join(MODES)}")


def _ids(sites: Sequence[Site]) -> list[str]:
    used: set[str] = set()
    ids = []
    for site in sites:
        base = candidate = f"username.{slug(site.name)}"
        n = 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


def _host_names(sites: Sequence[Site]) -> frozenset[str]:
    return frozenset(h.removeprefix("www.") for s in sites for h in s.hosts if h) | _COMMON_HOSTS


def provide(settings: Mapping[str, Any] | None = None) -> Iterator[Check]:
    settings = settings or {}
    sites = load_sites(settings)
    ext = extensions()
    derive = _flag(settings, "name_handles", True)
    allow_third = _flag(settings, "third_party", False)
    timeout = _timeout(settings)
    canary = _canary(settings)
    known_hosts = _host_names(sites)
    for site, check_id in zip(sites, _ids(sites), strict=True):
        third = ext.is_third_party(site)
        check = SiteCheck(site, check_id, ext, derive_handles=derive, timeout_s=timeout,
                          third_party=third, known_hosts=known_hosts, canary=canary)
        if third and allow_third:
            check.opt_in = False
        yield check
