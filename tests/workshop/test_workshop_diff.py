"""diff on hand-made report pairs: actions new, resolved, changed, suppressed, not
rechecked (findings standing alone; grouped actions: test_diff_actions.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from renderers.reports import (
    BREACH,
    EMAIL,
    GOOD,
    GUIDE,
    HOSTILE_TITLE,
    KVK,
    PAGE,
    PROFILE_PAGE,
    USERNAME,
    finding,
    result,
)
from rich.console import Console

from footprint.diff import Fate, diff_reports
from footprint.models import PROFILE_SUBJECT, Report, Severity, Status, SuppressedFinding
from footprint.renderers.diff_markdown import render_diff_markdown
from footprint.ui.diff_view import render_diff

LATER = datetime(2026, 12, 12, 10, 0, tzinfo=UTC)
NEW_ONE = finding("breach.hibp", "LinkedIn", Severity.HIGH, "Your email address was in the "
                  "LinkedIn breach", subject=EMAIL)


def _report(*results, suppressed=(), when=None) -> Report:  # noqa: ANN001, ANN002
    return Report(results=tuple(results), started_at=when or datetime(2026, 11, 28, tzinfo=UTC),
                  finished_at=when or datetime(2026, 11, 28, tzinfo=UTC), tool_version="0.1.0",
                  suppressed=tuple(suppressed))


OLD = _report(
    result("web.pages", Status.EXPOSED, PAGE),
    result("registers.kvk", Status.EXPOSED, KVK),
    result("breach.hibp", Status.EXPOSED, BREACH, subject=EMAIL),
    result("username.sites", Status.EXPOSED, PROFILE_PAGE, subject=USERNAME),
    result("guides.photos", Status.MANUAL, GUIDE),
    result("registers.brp", Status.CLEAR, GOOD),
)


def _new() -> Report:
    return _report(
        result("web.pages", Status.CLEAR),  # PAGE fixed
        result("registers.kvk", Status.EXPOSED, replace(KVK, severity=Severity.MEDIUM)),
        result("breach.hibp", Status.EXPOSED, BREACH, NEW_ONE, subject=EMAIL),
        result("username.sites", Status.INCONCLUSIVE, subject=USERNAME, reason="login wall"),
        result("guides.photos", Status.MANUAL),
        result("registers.brp", Status.CLEAR),  # the shielding is gone
        suppressed=[SuppressedFinding(GUIDE, "done", "", "2026-12-01")],
        when=LATER,
    )


def test_categories() -> None:
    diff = diff_reports(OLD, _new())
    # every finding here stands alone, so each is its own action with the finding's id
    assert [c.action.id for c in diff.new] == [NEW_ONE.id]
    assert [c.action.id for c in diff.resolved] == [PAGE.id]
    assert [c.findings[0].fate for c in diff.resolved] == [Fate.RESOLVED]
    assert {c.action.id for c in diff.still_open} == {KVK.id, BREACH.id}
    assert [(c.action.id, c.old, c.action.severity, c.worse) for c in diff.changed] == [
        (KVK.id, Severity.HIGH, Severity.MEDIUM, False)]
    kvk = diff.changed[0].findings[0]
    assert (kvk.fate, kvk.old) == (Fate.OPEN, Severity.HIGH)
    # the username check could not decide: not counted as resolved
    assert [c.action.id for c in diff.not_rechecked] == [PROFILE_PAGE.id]
    assert [c.findings[0].fate for c in diff.not_rechecked] == [Fate.NOT_RECHECKED]
    assert [(c.action.id, c.findings[0].reason) for c in diff.suppressed] == [
        (GUIDE.id, "done")]
    assert diff.suppressed_total == 1
    assert [f.id for f in diff.good_lost] == [GOOD.id]
    assert diff.has_changes


def test_same_report_has_no_changes() -> None:
    diff = diff_reports(OLD, OLD)
    assert not diff.has_changes and not diff.new and not diff.resolved
    assert len(diff.still_open) == 5  # four exposures and the guided step
    assert "Nothing changed." in render_diff_markdown(diff, "en")


def test_a_suppression_lifted_is_still_open_not_new() -> None:
    old = _report(result("web.pages", Status.CLEAR),
                  suppressed=[SuppressedFinding(PAGE, "not-me")])
    new = _report(result("web.pages", Status.EXPOSED, PAGE), when=LATER)
    diff = diff_reports(old, new)
    assert not diff.new and [c.action.id for c in diff.still_open] == [PAGE.id]


def test_missing_check_is_not_rechecked() -> None:
    new = _report(when=LATER)
    diff = diff_reports(OLD, new)
    assert not diff.resolved and len(diff.not_rechecked) == 5
    assert diff.has_changes  # nobody knows whether anything changed


def test_markdown_and_terminal_views() -> None:
    diff = diff_reports(OLD, _new())
    text = render_diff_markdown(diff, "en")
    assert ("Actions: 1 resolved, 1 new, 2 still open, 1 could not be checked now; "
            "1 of the open ones changed severity; 1 marked by you") in text
    assert "## New" in text and "- [ ] **Fix LinkedIn** (high)" in text
    assert "  - **Your email address was in the LinkedIn breach** (high, email address: " in text
    assert "## Resolved" in text and "- [x] **Fix https\\[:\\]//gemeente" in text
    assert "  - **Your home address is on your council page** (high, resolved)" in text
    assert "(medium, was high)" in text and "## Could not be checked now" in text
    assert "(low, username: jdevries, could not be checked now)" in text
    assert "## Marked by you since" in text and "(info, done)" in text
    assert "## Protections no longer seen" in text
    nl = render_diff_markdown(diff, "nl")
    assert "Acties: 1 opgelost, 1 nieuw, 2 nog open, 1 nu niet na te kijken" in nl
    assert "## Opgelost" in nl and "## Nieuw" in nl and "## Nu niet na te kijken" in nl
    console = Console(record=True, width=200)
    render_diff(console, diff, "en")
    out = console.export_text()
    assert "Actions: 1 resolved, 1 new, 2 still open, 1 could not be checked now" in out
    assert "New (1)" in out and "Resolved (1)" in out and "Could not be checked now (1)" in out
    assert NEW_ONE.id in out and "↓ medium   Fix kvk:12345678  was high" in out


def test_hostile_titles_stay_plain_in_the_terminal() -> None:
    hostile = finding("web.pages", "x", Severity.HIGH, HOSTILE_TITLE + "\x1b[2J",
                      subject=PROFILE_SUBJECT)
    diff = diff_reports(_report(), _report(result("web.pages", Status.EXPOSED, hostile),
                                           when=LATER))
    console = Console(record=True, width=300)
    render_diff(console, diff, "en")
    out = console.export_text()
    assert "[bold red]x[/]" in out and "\x1b" not in out


def test_diff_command(tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from footprint.cli.app import app
    from footprint.renderers import json as json_report

    old, new, md = tmp_path / "old.json", tmp_path / "new.json", tmp_path / "diff.md"
    old.write_text(json_report.render(OLD), encoding="utf-8")
    new.write_text(json_report.render(_new()), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new), "--markdown", str(md),
                                 "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "Nieuw (1)" in result.stdout and "Opgelost (1)" in result.stdout
    assert "Acties: 1 opgelost, 1 nieuw, 2 nog open" in result.stdout
    assert "## Opgelost" in md.read_text(encoding="utf-8")
    swapped = runner.invoke(app, ["diff", str(new), str(old), "--lang", "en"])
    assert "New (1)" in swapped.stdout  # compared oldest to newest whatever the order
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 7}', encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(bad)])
    assert result.exit_code == 2 and "newer than this footprint" in result.stderr
