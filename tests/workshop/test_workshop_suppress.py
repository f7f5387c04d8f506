"""Suppressions: applied to reports (kept, counted) and round-tripped through the profile."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from conftest import PROFILE_TOML
from renderers.reports import BREACH, KVK, PAGE, sample_report
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.errors import ProfileError, UsageError
from footprint.profile.load import load_profile
from footprint.profile.model import Suppression, SuppressionReason
from footprint.renderers import json as json_report
from footprint.renderers import markdown
from footprint.suppress import add_suppression, apply_suppressions, unused

runner = CliRunner()


def test_apply_moves_findings_and_keeps_them() -> None:
    report = sample_report()
    rules = [Suppression(KVK.id, SuppressionReason.NOT_ME, "another Jan", date(2026, 11, 1)),
             Suppression("0123456789ab", SuppressionReason.DONE)]
    out = apply_suppressions(report, rules)
    assert KVK.id not in {f.id for f in out.findings}
    moved = {s.finding.id: s for s in out.suppressed}
    assert moved[KVK.id].reason == "not-me" and moved[KVK.id].note == "another Jan"
    assert moved[KVK.id].date == "2026-11-01"
    assert len(out.suppressed) == len(report.suppressed) + 1
    assert len(out.findings) == len(report.findings) - 1
    assert [s.finding_id for s in unused(out, rules)] == ["0123456789ab"]
    # the count shows in every export, and the JSON keeps the whole finding
    assert "Marked by you: 2" in markdown.render(out, "en")
    assert json_report.loads(json_report.render(out)).suppressed == out.suppressed


def test_apply_without_rules_is_identity() -> None:
    report = sample_report()
    assert apply_suppressions(report, []) is report


def _profile(tmp_path: Path, text: str = PROFILE_TOML) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text("# my profile\n" + text, encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def test_round_trip_through_the_profile(tmp_path: Path) -> None:
    path = _profile(tmp_path)
    before = path.read_text(encoding="utf-8")
    add_suppression(path, PAGE.id.upper(), "intentionally-public",
                    'official "council" page\nline two', date(2026, 11, 28))
    add_suppression(path, BREACH.id, SuppressionReason.DONE)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # the rest of the file is untouched
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    profile = load_profile(path)
    assert [(s.finding_id, s.reason) for s in profile.suppressions] == [
        (PAGE.id, SuppressionReason.INTENTIONALLY_PUBLIC), (BREACH.id, SuppressionReason.DONE)]
    assert profile.suppressions[0].note == 'official "council" page line two'
    assert profile.suppressions[0].date == date(2026, 11, 28)
    assert profile.suppressions[1].date == date.today()
    report = apply_suppressions(sample_report(), profile.suppressions)
    assert {PAGE.id, BREACH.id} <= {s.finding.id for s in report.suppressed}


@pytest.mark.parametrize(("fid", "reason", "error", "words"), [
    ("xyz", "done", UsageError, "12 hexadecimal"),
    ("0123456789ab", "maybe", UsageError, "not one of"),
])
def test_bad_input(tmp_path: Path, fid: str, reason: str, error: type, words: str) -> None:
    path = _profile(tmp_path)
    with pytest.raises(error, match=words):
        add_suppression(path, fid, reason)


def test_refuses_duplicates_and_broken_profiles(tmp_path: Path) -> None:
    path = _profile(tmp_path)
    add_suppression(path, PAGE.id, "done")
    with pytest.raises(UsageError, match="already marked"):
        add_suppression(path, PAGE.id, "not-me")
    broken = _profile(tmp_path, "[person\nname = 1\n")
    text = broken.read_text()
    with pytest.raises(ProfileError):
        add_suppression(broken, PAGE.id, "done")
    assert broken.read_text() == text
    with pytest.raises(ProfileError, match="file not found"):
        add_suppression(tmp_path / "none.toml", PAGE.id, "done")


def test_ignore_command(tmp_path: Path) -> None:
    path = _profile(tmp_path)
    result = runner.invoke(app, ["ignore", KVK.id, "--reason", "not-me", "--note", "other Jan",
                                 "--profile", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"Marked {KVK.id} as 'not me'" in result.stdout
    assert load_profile(path).suppressions[0].note == "other Jan"
    bad = runner.invoke(app, ["ignore", "nope", "--reason", "done", "--profile", str(path)])
    assert bad.exit_code == 2 and "error:" in bad.stderr
    missing = runner.invoke(app, ["ignore", KVK.id, "--reason", "done", "--profile",
                                  str(tmp_path / "x.toml")])
    assert missing.exit_code == 4
