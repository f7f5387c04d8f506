"""`footprint sites list` is offline; `footprint sites verify` says it goes online and asks."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from footprint.cli.app import app

runner = CliRunner()


def test_sites_list_shows_the_curated_sites() -> None:
    result = runner.invoke(app, ["sites", "list"])
    assert result.exit_code == 0, result.output
    assert "username.strava" in result.stdout and "username.mastodon-nl" in result.stdout


def test_verify_explains_it_goes_online_and_stops_when_declined() -> None:
    result = runner.invoke(app, ["sites", "verify", "--site", "strava"], input="n\n")
    assert result.exit_code == 0, result.output
    assert "contacts 1 host(s) on the internet" in result.stderr
    assert "Go online" in result.stderr
    assert "health" not in result.stdout  # nothing was checked


def test_verify_unknown_site_is_a_usage_error() -> None:
    result = runner.invoke(app, ["sites", "verify", "--site", "no-such-site", "--yes"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no site matches 'no-such-site'")


def test_bad_catalogue_is_one_error_line_with_status_4(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"sites": [{"name": "x"}]}), "utf-8")
    result = runner.invoke(app, ["sites", "list", "--sites", str(bad)])
    assert result.exit_code == 4
    assert "bad.json: sites[0] ('x'): missing required field 'uri_check'" in result.stderr


def test_sites_list_shows_whether_each_entry_was_confirmed() -> None:
    result = runner.invoke(app, ["sites", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    line = next(row for row in result.stdout.splitlines() if "username.gravatar" in row)
    assert "partly" in line
    assert "not confirmed" in result.stdout
