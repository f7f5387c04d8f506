"""The config file: limits, keys by reference, endpoints; mistakes are one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.config import load_settings, parse_settings
from footprint.errors import ConfigError


def test_keys_by_reference_and_endpoint_overrides() -> None:
    settings = parse_settings({
        "scan": {"concurrency": 8, "check_timeout": 12},
        "secrets": {"HIBP_API_KEY": "MY_VAULT_HIBP"},
        "endpoints": {"hibp": "http://127.0.0.1:9/api"},
        "lang": "nl",
    })
    assert settings.concurrency == 8 and settings.check_timeout == 12.0 and settings.lang == "nl"
    env = {"MY_VAULT_HIBP": "k1", "KVK_API_KEY": "k2", "HIBP_API_KEY": "ignored", "PATH": "/"}
    assert settings.resolve_secrets(env) == {"HIBP_API_KEY": "k1", "KVK_API_KEY": "k2"}
    assert settings.endpoints["hibp"] == "http://127.0.0.1:9/api"


@pytest.mark.parametrize(("data", "words"), [
    ({"colour": 1}, "unknown key 'colour'"),
    ({"scan": {"concurrency": 0}}, "scan.concurrency"),
    ({"scan": {"speed": 1}}, "scan.speed"),
    ({"secrets": {"HIBP_API_KEY": "0123456789abcdef0123456789abcdef"}}, "NAME of an environment"),
    ({"endpoints": {"hibp": "ftp://x"}}, "endpoints.hibp"),
    ({"lang": "de"}, "lang"),
])
def test_mistakes_name_the_key(data: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigError, match=words.replace(".", r"\.")):
        parse_settings(data, "config.toml")


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[scan\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)
