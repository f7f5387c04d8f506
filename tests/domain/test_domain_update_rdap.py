from __future__ import annotations

import json

import pytest
from footprint_checks.domain import bootstrap
from typer.testing import CliRunner

from footprint.cli.app import app
from tests.loopback import serve

from .helpers import DATA

runner = CliRunner()


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FOOTPRINT_CONFIG", raising=False)
    return tmp_path / "cache"


def newer_file() -> bytes:
    data = json.loads(bootstrap.shipped_bytes())
    data["publication"] = "2031-05-01T12:00:00Z"
    data["services"].append([["footprint-test"], ["https://rdap.footprint-test.example/"]])
    return json.dumps(data).encode()


def test_file_is_validated_stored_and_then_used(tmp_path, cache_home) -> None:
    source = tmp_path / "dns.json"
    source.write_bytes(newer_file())
    result = runner.invoke(app, ["update-rdap", "--file", str(source)])
    assert result.exit_code == 0, result.output
    assert "2031-05-01T12:00:00Z" in result.output
    assert bootstrap.cache_file().is_relative_to(cache_home)
    assert bootstrap.current().lookup("x.footprint-test") == (
        "https://rdap.footprint-test.example/",)


def test_a_truncated_file_is_refused_and_nothing_is_stored(cache_home) -> None:
    result = runner.invoke(app, ["update-rdap", "--file",
                                 str(DATA / "iana_rdap_dns_bootstrap_excerpt.json")])
    assert result.exit_code == 3
    assert "only 6 services" in result.output
    assert not bootstrap.cache_file().exists()


def test_fetches_from_the_given_url() -> None:
    with serve({"/rdap/dns.json": (200, newer_file())}, content_type="application/json") as base:
        result = runner.invoke(app, ["update-rdap", "--url", f"{base}/rdap/dns.json"])
    assert result.exit_code == 0, result.output
    assert bootstrap.current().publication == "2031-05-01T12:00:00Z"


def test_an_http_error_is_reported_and_exits_3() -> None:
    with serve({"/rdap/dns.json": (200, newer_file())}, content_type="application/json") as base:
        result = runner.invoke(app, ["update-rdap", "--url", f"{base}/elsewhere.json"])
    assert result.exit_code == 3
    assert "HTTP 404" in result.output
    assert not bootstrap.cache_file().exists()


def test_file_and_url_together_is_a_usage_error(tmp_path) -> None:
    result = runner.invoke(app, ["update-rdap", "--file", str(tmp_path / "x.json"),
                                 "--url", "https://example.org/dns.json"])
    assert result.exit_code == 2


def test_an_older_file_is_stored_but_the_shipped_copy_stays_in_use(tmp_path) -> None:
    data = json.loads(bootstrap.shipped_bytes())
    data["publication"] = "2001-01-01T00:00:00Z"
    source = tmp_path / "old.json"
    source.write_text(json.dumps(data))
    result = runner.invoke(app, ["update-rdap", "--file", str(source)])
    assert result.exit_code == 0
    assert "stays in use" in result.output
    assert bootstrap.current().publication == bootstrap.shipped().publication
