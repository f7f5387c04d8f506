"""CLI: one error line and a documented exit status; checks listing; init."""

from __future__ import annotations

import json
import os
import stat
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.profile.load import load_profile

runner = CliRunner()
PLUGIN_DIR = Path(__file__).resolve().parents[2] / "examples" / "plugin"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("footprint ")
    lines = result.stdout.splitlines()[1:]
    assert [line.split(":")[0].strip() for line in lines] == ["RDAP bootstrap",
                                                              "site catalogue"]
    assert "WhatsMyName e62338e4fc88 of 2026-08-16" in result.stdout


@pytest.mark.parametrize(("args", "status", "words"), [
    (["scan", "--profile", "/nonexistent/p.toml"], 4, "file not found"),
    (["scan", "-u", "jan", "--only", "nope.*"], 2, "no check matches 'nope.*'"),
    (["scan", "-u", "jan", "--fail-on", "loud"], 2, "--fail-on"),
    (["scan", "-u", "bad user"], 2, "--username"),
    (["scan", "-u", "jan", "--lang", "de"], 2, "--lang"),
    (["scan", "-u", "jan", "--only-sites"], 2, "--only-sites"),
    (["scan", "-u", "jan", "--json", "/nonexistent-dir/r.json"], 2, "does not exist"),
])
def test_errors_are_one_line_with_their_status(args: list[str], status: int,
                                               words: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == status, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and words in lines[0]
    assert "Traceback" not in result.output


def test_bad_profile_is_exit_4_naming_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "me.toml"
    bad.write_text("[public]\nemails = ['nope']\n")
    result = runner.invoke(app, ["scan", "--profile", str(bad)])
    assert result.exit_code == 4
    assert result.stderr.strip().startswith(f"error: {bad}:2: public.emails:")


def test_checks_json_lists_disclosures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    result = runner.invoke(app, ["checks", "--json", "--lang", "en"])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)["checks"]}
    pages = rows["web.pages"]
    assert pages["inputs"] == ["url"] and pages["origin"] == "footprint:builtin"
    assert pages["sends"] and all(s["host"] and s["what"] for s in pages["sends"])


def test_third_party_plugin_is_listed_and_runs_through_the_same_loader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    ep = EntryPoint(name="openpgp", value="footprint_example_plugin:OpenPgpKeyCheck",
                    group="footprint.checks.v1")
    monkeypatch.setattr("footprint.registry._installed_entry_points", lambda: [ep])
    result = runner.invoke(app, ["checks", "--json"])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)["checks"]}
    assert rows["example.openpgp"]["origin"].endswith(":openpgp")
    assert rows["example.openpgp"]["sends"][0]["host"] == "keys.openpgp.org"
    sys.modules.pop("footprint_example_plugin", None)


def test_init_from_flags_writes_a_private_valid_profile(tmp_path: Path) -> None:
    target = tmp_path / "conf" / "profile.toml"
    result = runner.invoke(app, [
        "init", "--path", str(target), "--set", "person.name=Jan de Vries",
        "--set", "public.usernames=jdevries, jan_dv", "--set", "private.address.street=Kerkstraat",
        "--set", "private.address.house_number=12", "--set", "private.address.postcode=3511ab"])
    assert result.exit_code == 0, result.output
    profile = load_profile(target)
    assert profile.public.usernames == ("jdevries", "jan_dv")
    assert profile.private.address.postcode == "3511 AB"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    again = runner.invoke(app, ["init", "--path", str(target), "--set", "person.name=X"])
    assert again.exit_code == 2 and "--force" in again.stderr


def test_init_rejects_bad_values(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", "--path", str(tmp_path / "p.toml"),
                                 "--set", "private.address.postcode=12"])
    assert result.exit_code == 4 and "private.address.postcode" in result.stderr


def test_a_broken_sites_catalogue_is_one_error_not_lost_checks(tmp_path: Path) -> None:
    bad = tmp_path / "sites.json"
    bad.write_text('{"sites": [{"name": "x"}]}')
    result = runner.invoke(app, ["scan", "-u", "jan", "--sites", str(bad), "--only",
                                 "username.*"])
    assert result.exit_code == 4, result.output
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert "sites.json" in line and "no check matches" not in line


def test_init_interactively_asks_again_after_a_bad_answer(tmp_path: Path) -> None:
    from footprint.cli.commands.init import FIELDS

    answers = {"name": "Jan de Vries", "usernames": "jdevries", "postcode": "12\n3511 AB",
               "street": "Kerkstraat", "house_number": "12"}
    lines = [answers.get(field[1], "") for field in FIELDS]
    target = tmp_path / "profile.toml"
    result = runner.invoke(app, ["init", "--path", str(target)], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    profile = load_profile(target)
    assert profile.name == "Jan de Vries" and profile.public.usernames == ("jdevries",)
    assert profile.private.address.postcode == "3511 AB"
    assert "try again" in result.stderr


def test_paths_names_the_folders_footprint_uses(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG variables move the folders on Linux only")
    monkeypatch.delenv("FOOTPRINT_DATA_DIR", raising=False)  # set for every test
    for kind in ("CONFIG", "DATA", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    shown = json.loads(runner.invoke(app, ["paths", "--json"]).stdout)
    assert shown == {kind: str(tmp_path / kind / "footprint")
                     for kind in ("config", "data", "cache")}
    (tmp_path / "config" / "footprint").mkdir(parents=True)
    text = runner.invoke(app, ["paths"]).stdout
    assert f"{tmp_path / 'config' / 'footprint'}\n" in text
    assert f"{tmp_path / 'data' / 'footprint'}  (not created yet)" in text
