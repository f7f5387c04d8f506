"""Catalogue validation (WhatsMyName schema rules), merging and the config section."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from footprint_checks.username import CURATED, WHATSMYNAME, bundled, load_sites, provide
from footprint_checks.username.catalogue import CatalogueError, parse_catalogue, read_catalogue
from footprint_checks.username.extensions import extensions

from footprint.contract import CHECK_ID as _CHECK_ID
from footprint.errors import ConfigError

GOOD = {"name": "Good", "uri_check": "https://good.example/{account}", "e_code": 200,
        "e_string": "profile", "m_code": 404, "m_string": "missing", "known": ["a", "b"],
        "cat": "social"}


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never a WhatsMyName list a developer refreshed on this machine."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def one(**changes: Any) -> dict[str, Any]:
    entry = {**GOOD, **changes}
    return {"sites": [{k: v for k, v in entry.items() if v is not None}]}


@pytest.mark.parametrize(("entry", "message"), [
    (one(e_code=None), "missing required field 'e_code'"),
    (one(known=None), "missing required field 'known'"),
    (one(colour="blue"), "unknown field 'colour'"),
    (one(e_code="200"), "e_code: must be an integer HTTP status"),
    (one(m_code=700), "m_code: must be an integer HTTP status"),
    (one(e_code=True), "e_code: must be an integer"),
    (one(uri_check="ftp://good.example/{account}"), "uri_check: must be an http(s) URL"),
    (one(uri_check="https://good.example/profile"), "uri_check: must contain {account}"),
    (one(post_body='{"u":"{account}"}'), "headers: required when post_body is set"),
    (one(post_body='{"u":"x"}', headers={"A": "b"}), "post_body: must contain {account}"),
    (one(headers={}), "headers: must be an object"),
    (one(cat="politics"), "cat: unknown category 'politics'"),
    (one(known=[]), "known: must be a non-empty list"),
    (one(known=["a", "a"]), "known: items must be unique"),
    (one(protection=["magic"]), "protection: unknown value 'magic'"),
    (one(valid=True), "valid: may only be false"),
    (one(strip_bad_char=""), "strip_bad_char: must be a non-empty string"),
    (one(e_string=5), "e_string: must be a string"),
])
def test_invalid_entry_names_the_file_the_entry_and_the_field(entry: dict[str, Any],
                                                             message: str) -> None:
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(entry, "mine.json")
    text = str(err.value)
    assert text.startswith("mine.json: sites[0] ('Good'): ")
    assert message in text


def test_catalogue_errors_are_config_errors() -> None:
    assert issubclass(CatalogueError, ConfigError)


def test_duplicate_names_and_document_shape() -> None:
    with pytest.raises(CatalogueError, match=r"sites\[1\] \('good'\): duplicate name"):
        parse_catalogue({"sites": [GOOD, {**GOOD, "name": "good"}]}, "f.json")
    with pytest.raises(CatalogueError, match="unknown top-level key 'extra'"):
        parse_catalogue({"sites": [], "extra": 1}, "f.json")
    with pytest.raises(CatalogueError, match='missing the "sites" list'):
        parse_catalogue({"authors": ["x"]}, "f.json")
    with pytest.raises(CatalogueError, match="must be a JSON object"):
        parse_catalogue([GOOD], "f.json")


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="nope.json: site catalogue not found"):
        read_catalogue(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"sites": [\n  {,}\n]}', "utf-8")
    with pytest.raises(CatalogueError, match=r"bad.json: not valid JSON \(line 2\)"):
        read_catalogue(bad)


def test_bundled_catalogues_are_valid_and_apart() -> None:
    curated = bundled(CURATED)
    wmn = bundled(WHATSMYNAME)
    assert len(wmn) == 716
    assert 35 <= len(curated) <= 60
    names = {s.name for s in curated}
    for wanted in ("Strava", "Polarsteps", "Komoot", "Linktree", "Gravatar", "tripadvisor",
                   "mastodon.nl", "Tweakers", "Habbo.nl"):
        assert wanted in names
    assert all(s.known for s in curated)


def test_every_curated_site_has_extension_data_and_a_valid_pattern() -> None:
    ext = extensions()
    for site in bundled(CURATED):
        assert site.key in ext.sites, site.name
        assert not ext.is_third_party(site), site.name


def test_default_is_the_curated_list_only_and_ids_are_valid() -> None:
    checks = list(provide({}))
    assert {c.site.name for c in checks} == {s.name for s in bundled(CURATED) if s.valid}
    assert "Komoot" not in {c.site.name for c in checks}  # valid: false
    ids = [c.id for c in checks]
    assert len(ids) == len(set(ids))
    assert all(_CHECK_ID.match(i) and i.startswith("username.") for i in ids)


def test_whatsmyname_is_opt_in_and_its_mirrors_stay_opt_in() -> None:
    checks = {c.id: c for c in provide({"whatsmyname": True})}
    assert len(checks) > 700
    assert checks["username.instagram-imginn"].opt_in
    assert checks["username.twitch"].opt_in  # probes twitchtracker.com, not twitch.tv
    assert not checks["username.instagram"].opt_in
    again = {c.id: c for c in provide({"catalogues": ["whatsmyname"], "third_party": True})}
    assert not again["username.instagram-imginn"].opt_in


def test_user_catalogue_adds_and_replaces_same_named_entries(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    strava = {**GOOD, "name": "strava", "uri_check": "https://strava.test/{account}"}
    mine.write_text(json.dumps({"sites": [strava, GOOD]}), "utf-8")
    sites = {s.name.casefold(): s for s in load_sites({"catalogues": [str(mine)]})}
    assert sites["strava"].uri_check == "https://strava.test/{account}"
    assert "good" in sites and "instagram" in sites
    only = load_sites({"catalogues": [str(mine)], "only_catalogues": True})
    assert [s.name for s in only] == ["strava", "Good"]


def test_user_catalogue_error_surfaces_from_provide(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(one(cat="nope")), "utf-8")
    with pytest.raises(ConfigError, match=r"mine.json: sites\[0\] \('Good'\): cat"):
        list(provide({"catalogues": [str(mine)]}))


@pytest.mark.parametrize(("settings", "message"), [
    ({"sites": ["x"]}, "checks.username.sites: unknown key"),
    ({"only_catalogues": True}, "no catalogue was given"),
    ({"name_handles": "yes"}, "name_handles: must be true or false"),
    ({"catalogues": 5}, "catalogues: must be a list"),
    ({"timeout": 0}, "timeout: must be a number"),
    ({"canary": "sometimes"}, "canary: must be one of weak, all, off"),
])
def test_bad_settings_are_clear_config_errors(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        list(provide(settings))


def test_every_curated_site_records_whether_its_shapes_were_confirmed() -> None:
    from footprint_checks.username.extensions import extensions

    ext = extensions()
    for site in bundled(CURATED):
        records = ext.provenance(site)
        assert len(records) == 1, site.name
        record = records[0]
        assert record.date == "2026-12-05"
        # honest marking: "confirmed" only with a source, anything less says why
        assert record.source if record.status != "unconfirmed" else record.note


def test_an_extension_entry_without_its_record_is_a_load_error() -> None:
    import json
    from importlib.resources import files

    import pytest
    from footprint_checks.username.extensions import parse_extensions

    from footprint.errors import ConfigError

    data = json.loads(files("footprint_checks.username").joinpath(
        "data/site-extensions.json").read_text("utf-8"))
    del data["sites"]["Strava"]["checked"]
    with pytest.raises(ConfigError, match=r"sites\['Strava'\]: missing 'checked'"):
        parse_extensions(data)
