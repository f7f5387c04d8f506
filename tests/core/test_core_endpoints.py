"""[endpoints]: the README's table of base URLs matches the code, and a declared
disclosure names the host an override points at."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from footprint_checks.breach import gravatar, hibp, pwned_passwords, xposedornot
from footprint_checks.domain import bootstrap
from footprint_checks.registers import kvk_api, raadsinformatie
from footprint_checks.search import providers
from typer.testing import CliRunner

from footprint.models import Disclosure, L10n
from footprint.registry import BUILTIN, CheckRegistry

README = Path(__file__).resolve().parents[2] / "README.md"
DEFAULTS = {
    "hibp": hibp.DEFAULT_BASE,
    "pwnedpasswords": pwned_passwords.DEFAULT_BASE,
    "xposedornot": xposedornot.DEFAULT_BASE,
    "gravatar": gravatar.DEFAULT_BASE,
    "kvk": kvk_api.DEFAULT_BASE,
    "brave": providers.BRAVE_API,
    "openbesluitvorming": raadsinformatie.DEFAULT_BASE,
    "iana-rdap": bootstrap.IANA_BOOTSTRAP_URL,
}


def _readme_table() -> dict[str, str]:
    rows = re.findall(r"^\| `([a-z-]+)`[^|]*\| `(https://[^`]+)`", README.read_text("utf-8"),
                      re.MULTILINE)
    return dict(rows)


def test_readme_names_each_default_base_with_its_path() -> None:
    assert _readme_table() == DEFAULTS


def test_a_disclosure_follows_its_endpoint_override() -> None:
    sends = L10n.same("x")
    tied = Disclosure("api.example.com", sends, endpoint="svc")
    assert tied.resolved({"svc": "https://mirror.example.org:8443/v3"}).host == \
        "mirror.example.org"
    assert tied.resolved({"other": "https://mirror.example.org"}).host == "api.example.com"
    assert Disclosure("api.example.com", sends).resolved({"svc": "https://m.example"}).host \
        == "api.example.com"


@pytest.mark.parametrize(("check_id", "endpoint", "default_host"), [
    ("email.hibp", "hibp", "haveibeenpwned.com"),
    ("email.xposedornot", "xposedornot", "api.xposedornot.com"),
    ("register.kvk", "kvk", "api.kvk.nl"),
])
def test_builtin_checks_declare_the_overridden_host(check_id: str, endpoint: str,
                                                   default_host: str) -> None:
    registry = CheckRegistry.load([BUILTIN])
    [check] = [c for c in registry.checks if c.id == check_id]
    assert check.info().disclosures[0].host == default_host
    moved = check.info({endpoint: "http://127.0.0.1:8080/mirror"})
    assert moved.disclosures[0].host == "127.0.0.1"


def test_footprint_checks_shows_the_configured_host(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from footprint.cli.app import app

    monkeypatch.setenv("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    config = tmp_path / "config.toml"
    config.write_text('[endpoints]\nhibp = "https://hibp-mirror.example/api/v3"\n', "utf-8")
    result = CliRunner().invoke(app, ["checks", "--json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    [row] = [c for c in json.loads(result.stdout)["checks"] if c["id"] == "email.hibp"]
    assert [s["host"] for s in row["sends"]] == ["hibp-mirror.example"]
