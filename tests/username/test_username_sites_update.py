"""`footprint sites update`: fetch or read a WhatsMyName file, validate it, store it in the
cache directory, show what changed; the shipped copy stays as the fallback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from footprint_checks.username import load_sites
from footprint_checks.username import wmn_update as wmn
from typer.testing import CliRunner

from footprint.cli.app import app
from tests.loopback import serve

runner = CliRunner()


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never a WhatsMyName list a developer refreshed on this machine."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FOOTPRINT_CONFIG", raising=False)
    return tmp_path / "cache"


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(wmn.shipped_bytes())
    return data


def newer() -> dict[str, Any]:
    """The shipped list with one site added, one removed and one changed."""
    data = shipped()
    removed = data["sites"].pop(0)["name"]
    data["sites"][0]["e_string"] = data["sites"][0]["e_string"] + " (new)"
    data["sites"].append({"name": "Footprint Test Site",
                          "uri_check": "https://footprint-test.example/u/{account}",
                          "e_code": 200, "e_string": "profile", "m_code": 404,
                          "m_string": "not found", "known": ["alice"], "cat": "social"})
    data["_removed"] = removed  # for the test only; stripped before use
    return data


def as_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in data.items() if not k.startswith("_")}).encode()


def test_a_url_is_fetched_validated_stored_and_used(cache_home: Path) -> None:
    data = newer()
    hits: list[str] = []
    with serve({"/wmn-data.json": (200, as_bytes(data))}, hits=hits,
               content_type="application/json") as base:
        result = runner.invoke(app, ["sites", "update", "--from", f"{base}/wmn-data.json"])
    assert result.exit_code == 0, result.output
    assert hits == ["/wmn-data.json"]  # one plain GET, nothing else asked
    assert wmn.cache_file().is_relative_to(cache_home)
    assert "added (1): Footprint Test Site" in result.stdout
    assert f"removed (1): {data['_removed']}" in result.stdout
    assert f"changed (1): {data['sites'][0]['name']}" in result.stdout
    assert "CC BY-SA 4.0" in result.stdout
    names = {s.name for s in load_sites({"whatsmyname": True})}
    assert "Footprint Test Site" in names and data["_removed"] not in names
    meta = wmn.stored_from()
    assert meta is not None and meta["source"].endswith("/wmn-data.json")


def test_a_file_works_the_same_and_an_unchanged_list_says_so(tmp_path: Path) -> None:
    source = tmp_path / "wmn-data.json"
    source.write_bytes(wmn.shipped_bytes())
    result = runner.invoke(app, ["sites", "update", "--from", str(source)])
    assert result.exit_code == 0, result.output
    assert "No changes" in result.stdout
    assert wmn.cache_file().read_bytes() == wmn.shipped_bytes()


def test_an_invalid_entry_is_refused_and_the_cached_copy_stays(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(as_bytes(newer()))
    assert runner.invoke(app, ["sites", "update", "--from", str(good)]).exit_code == 0
    before = wmn.cache_file().read_bytes()
    data = shipped()
    data["sites"][3]["e_code"] = "200"  # the schema wants an integer
    bad = tmp_path / "bad.json"
    bad.write_bytes(as_bytes(data))
    result = runner.invoke(app, ["sites", "update", "--from", str(bad)])
    assert result.exit_code == 3
    assert "sites[3]" in result.stderr and "e_code" in result.stderr
    assert wmn.cache_file().read_bytes() == before


def test_a_list_without_the_licence_is_refused(tmp_path: Path) -> None:
    data = shipped()
    data["license"] = ["all rights reserved"]
    source = tmp_path / "x.json"
    source.write_bytes(as_bytes(data))
    result = runner.invoke(app, ["sites", "update", "--from", str(source)])
    assert result.exit_code == 3 and "CC BY-SA 4.0" in result.stderr
    assert not wmn.cache_file().exists()


def test_a_truncated_list_is_refused(tmp_path: Path) -> None:
    data = shipped()
    data["sites"] = data["sites"][:10]
    source = tmp_path / "x.json"
    source.write_bytes(as_bytes(data))
    result = runner.invoke(app, ["sites", "update", "--from", str(source)])
    assert result.exit_code == 3 and "only 10 sites" in result.stderr
    assert not wmn.cache_file().exists()


def test_an_http_error_exits_3_and_stores_nothing() -> None:
    with serve({}, content_type="application/json") as base:
        result = runner.invoke(app, ["sites", "update", "--from", f"{base}/missing.json"])
    assert result.exit_code == 3
    assert "HTTP 404" in result.stderr
    assert not wmn.cache_file().exists()


def test_the_default_source_is_upstream_and_an_endpoint_overrides_it(tmp_path: Path) -> None:
    assert wmn.UPSTREAM_URL == ("https://raw.githubusercontent.com/WebBreacher/WhatsMyName/"
                                "main/wmn-data.json")
    hits: list[str] = []
    with serve({"/mirror/wmn.json": (200, wmn.shipped_bytes())}, hits=hits,
               content_type="application/json") as base:
        config = tmp_path / "config.toml"
        config.write_text(f'[endpoints]\nwhatsmyname = "{base}/mirror/wmn.json"\n', "utf-8")
        result = runner.invoke(app, ["sites", "update", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert hits == ["/mirror/wmn.json"]


def test_a_broken_cached_copy_falls_back_to_the_shipped_one() -> None:
    path = wmn.cache_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    assert len(wmn.current().sites) == len(wmn.shipped().sites)


def test_revert_goes_back_to_the_shipped_copy(tmp_path: Path) -> None:
    source = tmp_path / "wmn.json"
    source.write_bytes(as_bytes(newer()))
    assert runner.invoke(app, ["sites", "update", "--from", str(source)]).exit_code == 0
    result = runner.invoke(app, ["sites", "update", "--revert"])
    assert result.exit_code == 0 and "came with footprint" in result.stdout
    assert not wmn.cache_file().exists()
    assert "Footprint Test Site" not in {s.name for s in load_sites({"whatsmyname": True})}


def test_from_and_revert_together_is_a_usage_error() -> None:
    result = runner.invoke(app, ["sites", "update", "--from", "x.json", "--revert"])
    assert result.exit_code == 2


def test_version_names_the_refreshed_list_when_it_is_in_use(tmp_path: Path) -> None:
    assert "(shipped)" in runner.invoke(app, ["--version"]).stdout
    source = tmp_path / "wmn.json"
    source.write_bytes(as_bytes(newer()))
    assert runner.invoke(app, ["sites", "update", "--from", str(source)]).exit_code == 0
    line = next(x for x in runner.invoke(app, ["--version"]).stdout.splitlines()
                if x.strip().startswith("site catalogue"))
    assert f"{len(newer()['sites'])} sites (from footprint sites update)" in line
