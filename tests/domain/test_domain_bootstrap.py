from __future__ import annotations

import json

import pytest
from footprint_checks.domain import bootstrap

from .helpers import DATA


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _variant(publication: str, nl_url: str) -> bytes:
    data = json.loads(bootstrap.shipped_bytes())
    data["publication"] = publication
    for labels, urls in data["services"]:
        if labels == ["nl"]:
            urls[:] = [nl_url]
    return json.dumps(data).encode()


def test_shipped_copy_names_sidn_for_nl_and_misses_eu() -> None:
    boot = bootstrap.shipped()
    assert boot.lookup("femkedeboer-demo.nl") == ("https://rdap.sidn.nl/",)
    assert boot.lookup("www.example.com") == ("https://rdap.verisign.com/com/v1/",)
    assert boot.lookup("partij.eu") == ()
    assert boot.lookup("x.frl") == ("https://rdap.centralnic.com/frl/",)
    assert len(boot.servers) > 1000


def test_longest_suffix_wins_and_https_comes_first() -> None:
    raw = json.loads(bootstrap.shipped_bytes())
    raw["services"].append([["gov.nl"], ["http://plain.example/", "https://secure.example/"]])
    boot = bootstrap.parse_bootstrap(json.dumps(raw), "test")
    assert boot.lookup("a.gov.nl") == ("https://secure.example/", "http://plain.example/")
    assert boot.lookup("a.nl") == ("https://rdap.sidn.nl/",)


def test_the_recorded_excerpt_is_rejected_as_truncated() -> None:
    with pytest.raises(bootstrap.BootstrapError, match="only 6 services"):
        bootstrap.parse_bootstrap((DATA / "iana_rdap_dns_bootstrap_excerpt.json").read_bytes(),
                                  "excerpt")


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["services"].__setitem__(3, [["nl"]]), r"services\[3\]"),
    (lambda d: d["services"].__setitem__(5, [["x"], ["ftp://x/"]]), r"services\[5\] \(x\)"),
    (lambda d: d.pop("publication"), "publication"),
])
def test_a_bad_entry_is_named(mutate, message: str) -> None:
    data = json.loads(bootstrap.shipped_bytes())
    mutate(data)
    with pytest.raises(bootstrap.BootstrapError, match=message):
        bootstrap.parse_bootstrap(json.dumps(data), "bad.json")


def test_a_valid_newer_cache_is_preferred(cache_home) -> None:
    bootstrap.store(_variant("2030-01-01T00:00:00Z", "https://new.example/"))
    assert bootstrap.cache_file().is_relative_to(cache_home)
    assert bootstrap.current().lookup("a.nl") == ("https://new.example/",)


def test_an_older_cache_loses_to_a_newer_shipped_copy(cache_home) -> None:
    bootstrap.store(_variant("2001-01-01T00:00:00Z", "https://old.example/"))
    assert bootstrap.current().lookup("a.nl") == ("https://rdap.sidn.nl/",)


def test_a_corrupt_cache_is_ignored(cache_home) -> None:
    path = bootstrap.cache_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert bootstrap.current().publication == bootstrap.shipped().publication


def test_store_refuses_an_invalid_file_and_keeps_the_old_one(cache_home) -> None:
    bootstrap.store(_variant("2030-01-01T00:00:00Z", "https://new.example/"))
    with pytest.raises(bootstrap.BootstrapError):
        bootstrap.store(b'{"services": []}')
    assert bootstrap.current().lookup("a.nl") == ("https://new.example/",)


def test_an_explicit_file_wins(tmp_path) -> None:
    path = tmp_path / "dns.json"
    path.write_bytes(_variant("2000-01-01T00:00:00Z", "https://mine.example/"))
    assert bootstrap.current(str(path)).lookup("a.nl") == ("https://mine.example/",)


def test_version_names_the_bootstrap_copy_in_use(cache_home) -> None:
    from typer.testing import CliRunner

    from footprint.cli.app import app

    shipped = CliRunner().invoke(app, ["--version"]).stdout
    assert f"RDAP bootstrap: published {bootstrap.shipped().published:%Y-%m-%d} (shipped)" \
        in shipped
    bootstrap.store(_variant("2030-01-01T00:00:00Z", "https://new.example/"))
    updated = CliRunner().invoke(app, ["--version"]).stdout
    assert "RDAP bootstrap: published 2030-01-01 (from footprint update-rdap)" in updated
