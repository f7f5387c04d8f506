"""The config file: limits, language, API keys by reference, endpoint overrides."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from footprint.errors import ConfigError
from footprint.models import Lang
from footprint.openfiles import DEFAULT_CONCURRENCY, MAX_CONCURRENCY

APP_NAME = "footprint"
_SECRET_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_KEYS = {"scan", "lang", "secrets", "endpoints", "checks", "network"}
_SCAN_KEYS = {
    "concurrency": (1, MAX_CONCURRENCY), "per_host": (1, 16), "connect_timeout": (0.1, 120.0),
    "read_timeout": (0.1, 300.0), "check_timeout": (0.5, 3600.0), "max_body_kib": (16, 65536),
    "retry_max_wait": (0.0, 120.0), "keep_scans": (1, 1000),
}


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Where footprint keeps what it makes for you: saved scans (``FOOTPRINT_DATA_DIR``
    overrides it)."""
    override = os.environ.get("FOOTPRINT_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where footprint keeps what it downloads when you ask it to (update commands)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_profile_path() -> Path:
    return config_dir() / "profile.toml"


@dataclass(frozen=True, slots=True)
class NetworkSettings:
    """``[network]``: how footprint reaches the internet (docs/network.md)."""

    proxy: str | None = None  # overrides the environment's proxy variables
    no_proxy: str | None = None  # overrides the environment's no_proxy
    ca_bundle: str | None = None  # replaces the operating system's certificate store
    transport: str = "footprint"  # or "httpx", the escape hatch
    request_deadline: float = 30.0  # seconds for a whole request, body included

    def __repr__(self) -> str:  # a proxy URL may hold a password
        return "NetworkSettings(...)"


@dataclass(frozen=True, slots=True)
class Settings:
    concurrency: int = DEFAULT_CONCURRENCY
    per_host: int = 2
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    check_timeout: float = 30.0
    max_body_kib: int = 2048
    retry_max_wait: float = 5.0
    keep_scans: int = 20  # saved scans kept per profile (footprint history)
    lang: Lang | None = None
    secrets: Mapping[str, str] = field(default_factory=dict)  # secret -> env var name
    endpoints: Mapping[str, str] = field(default_factory=dict)
    checks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # per check family
    network: NetworkSettings = field(default_factory=NetworkSettings)

    def resolve_secrets(self, environ: Mapping[str, str] | None = None) -> dict[str, str]:
        """Secret values from the environment: ``NAME`` itself, or the variable the config
        names for it (``[secrets] HIBP_API_KEY = "MY_VAULT_HIBP"``)."""
        env = os.environ if environ is None else environ
        names = set(self.secrets) | {k for k in env if k.endswith(("_API_KEY", "_TOKEN"))}
        out = {}
        for name in names:
            value = env.get(self.secrets.get(name, name), "")
            if value.strip():
                out[name] = value.strip()
        return out


def config_path(explicit: Path | None) -> Path | None:
    if explicit is not None:
        return explicit
    env = os.environ.get("FOOTPRINT_CONFIG")
    if env:
        return Path(env)
    default = config_dir() / "config.toml"
    return default if default.exists() else None


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return parse_settings(data, str(path))


def parse_settings(data: dict[str, Any], source: str = "config") -> Settings:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KEYS))
        raise ConfigError(f"{source}: unknown key {unknown[0]!r} (allowed: {allowed})")
    scan = _table(data, "scan", source)
    values: dict[str, Any] = {}
    for key, raw in scan.items():
        if key not in _SCAN_KEYS:
            raise ConfigError(f"{source}: scan.{key}: unknown key")
        lo, hi = _SCAN_KEYS[key]
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not lo <= raw <= hi:
            raise ConfigError(f"{source}: scan.{key}: must be a number from {lo} to {hi}")
        values[key] = int(raw) if isinstance(lo, int) else float(raw)
    lang = data.get("lang")
    if lang is not None and lang not in ("nl", "en"):
        raise ConfigError(f"{source}: lang: must be \"nl\" or \"en\"")
    secrets = _table(data, "secrets", source)
    for name, env in secrets.items():
        if not isinstance(env, str) or not _SECRET_NAME.match(env) or not _SECRET_NAME.match(name):
            raise ConfigError(
                f"{source}: secrets.{name}: give the NAME of an environment variable, "
                "not the key itself (keys never go in files)")
    endpoints = _table(data, "endpoints", source)
    for name, url in endpoints.items():
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{source}: endpoints.{name}: must be an http(s) URL")
    checks = _table(data, "checks", source)
    for name, section in checks.items():
        if not isinstance(section, dict):
            raise ConfigError(f"{source}: checks.{name}: must be a table")
    network = _network(_table(data, "network", source), source)
    return Settings(lang=lang, secrets=secrets, endpoints=endpoints, checks=checks,
                    network=network, **values)


def _network(table: dict[str, Any], source: str) -> NetworkSettings:
    from footprint.http.proxy import ProxyConfigError, parse_proxy_url

    allowed = {"proxy", "no_proxy", "ca_bundle", "transport", "request_deadline"}
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{source}: network.{unknown[0]}: unknown key "
                          f"(allowed: {', '.join(sorted(allowed))})")
    for key in ("proxy", "no_proxy", "ca_bundle"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{source}: network.{key}: must be a string")
    proxy = table.get("proxy") or None
    if proxy is not None:
        try:
            parse_proxy_url(proxy, f"{source}: network.proxy")
        except ProxyConfigError as exc:
            raise ConfigError(str(exc)) from None
    ca_bundle = table.get("ca_bundle") or None
    if ca_bundle is not None:
        ca_bundle = str(Path(ca_bundle).expanduser())
        if not Path(ca_bundle).is_file():
            raise ConfigError(f"{source}: network.ca_bundle: {ca_bundle} is not a file")
    transport = table.get("transport", "footprint")
    if transport not in ("footprint", "httpx"):
        raise ConfigError(f"{source}: network.transport: must be \"footprint\" or \"httpx\"")
    deadline = table.get("request_deadline", 30.0)
    if isinstance(deadline, bool) or not isinstance(deadline, int | float) \
            or not 1 <= deadline <= 3600:
        raise ConfigError(f"{source}: network.request_deadline: must be a number from 1 "
                          "to 3600")
    return NetworkSettings(proxy=proxy, no_proxy=table.get("no_proxy"), ca_bundle=ca_bundle,
                           transport=transport, request_deadline=float(deadline))


def _table(data: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {key}: must be a table")
    return value
