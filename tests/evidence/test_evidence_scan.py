"""``footprint scan --evidence DIR``: the pages behind high and critical findings."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.evidence.from_scan import REPORT_NAME, pages_to_capture
from footprint.evidence.verify import verify_folder
from footprint.renderers.json import loads
from tests.conftest import PROFILE_TOML
from tests.evidence.site import site

runner = CliRunner()


def _profile(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE_TOML.replace("https://gemeente.example/raad/jan-de-vries", url))
    return path


def test_scan_captures_the_page_behind_a_high_finding(tmp_path: Path) -> None:
    with site() as (url, seen):
        profile = _profile(tmp_path, f"{url}/dox")
        out = tmp_path / "ev"
        result = runner.invoke(app, ["scan", "--profile", str(profile), "--only", "web.pages",
                                     "--no-progress", "--evidence", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert seen.paths.count("/dox") == 2  # once by the scan, once for the evidence
    manifest = json.loads((out / "manifest.json").read_text())
    assert [c["url"] for c in manifest["captures"]] == [f"{url}/dox"]
    assert {"address", "phone"} <= {f["kind"] for f in manifest["captures"][0]["found"]}
    kinds = {f["path"]: f["kind"] for f in manifest["files"]}
    assert kinds[REPORT_NAME] == "report"
    report = loads((out / REPORT_NAME).read_text())
    assert pages_to_capture(report) == [f"{url}/dox"]
    assert verify_folder(out).intact
    assert REPORT_NAME in (out / "statement.en.md").read_text()


def test_scan_refuses_a_full_evidence_folder_before_scanning(tmp_path: Path) -> None:
    with site() as (url, seen):
        profile = _profile(tmp_path, f"{url}/dox")
        (tmp_path / "ev").mkdir()
        (tmp_path / "ev" / "x").write_text("x")
        result = runner.invoke(app, ["scan", "--profile", str(profile), "--only", "web.pages",
                                     "--no-progress", "--evidence", str(tmp_path / "ev")])
    assert result.exit_code == 2 and seen.paths == []


def test_without_a_high_finding_nothing_is_captured(tmp_path: Path) -> None:
    with site() as (url, seen):
        profile = _profile(tmp_path, f"{url}/gone")
        out = tmp_path / "ev"
        result = runner.invoke(app, ["scan", "--profile", str(profile), "--only", "web.pages",
                                     "--no-progress", "--evidence", str(out)])
    assert result.exit_code == 0
    assert "nothing captured" in result.output and not out.exists()
