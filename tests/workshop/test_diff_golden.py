"""One diff of grouped actions in the terminal and in markdown, in both languages, as golden
files: an action partly fixed, one resolved, one not rechecked, one new, a guided step
marked done. Both views open with the same counts."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from renderers.reports import PAGE, finding, result
from rich.console import Console

from footprint.diff import ReportDiff, diff_reports
from footprint.diff_words import counts_text
from footprint.models import DoneMark, Report, Severity, Status
from footprint.renderers.diff_markdown import render_diff_markdown
from footprint.ui.diff_view import render_diff
from workshop.test_diff_actions import (
    ADDRESS,
    AFTER,
    DOMAIN,
    EMAIL,
    GUIDE,
    HIBP,
    POSTCODE,
    XON,
    _report,
)

GOLDEN = Path(__file__).parent.parent / "golden"
NEW_PAGE = finding("web.pages", "https://krant.example/jan#address", Severity.HIGH,
                   "Your home address is in a newspaper article",
                   url="https://krant.example/jan")


def reports() -> tuple[Report, Report]:
    """The two scans of the golden diff (also written to files by test_diff_json)."""
    old = _report(result("domain.whois", Status.EXPOSED, ADDRESS, POSTCODE, subject=DOMAIN),
                  result("breach.hibp", Status.EXPOSED, HIBP, subject=EMAIL),
                  result("breach.xon", Status.EXPOSED, XON, subject=EMAIL),
                  result("web.pages", Status.EXPOSED, PAGE),
                  result("guides.photos", Status.MANUAL, GUIDE))
    new = _report(result("domain.whois", Status.EXPOSED, replace(ADDRESS, severity=Severity.
                                                                 CRITICAL), subject=DOMAIN),
                  result("breach.hibp", Status.CLEAR, subject=EMAIL),
                  result("breach.xon", Status.TIMEOUT, subject=EMAIL, reason="timed out"),
                  result("web.pages", Status.EXPOSED, NEW_PAGE),
                  result("guides.photos", Status.MANUAL, GUIDE),
                  when=AFTER, done=[DoneMark(GUIDE.id, "2026-12-01", (GUIDE.id,), guided=True)])
    return old, new


def _diff() -> ReportDiff:
    return diff_reports(*reports())


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; rerun with FOOTPRINT_UPDATE_GOLDEN=1 after checking the change")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_diff_matches_golden_in_both_views(lang: str) -> None:
    diff = _diff()
    console = Console(record=True, width=200, color_system=None)
    render_diff(console, diff, lang)  # type: ignore[arg-type]
    screen = console.export_text()
    markdown = render_diff_markdown(diff, lang)  # type: ignore[arg-type]
    _golden(f"diff_{lang}.txt", screen)
    _golden(f"diff_{lang}.md", markdown)
    counts = counts_text(diff, lang)  # type: ignore[arg-type]
    assert counts in screen.splitlines() and counts in markdown.splitlines()


def test_the_golden_diff_counts_actions() -> None:
    diff = _diff()
    assert [len(diff.resolved), len(diff.new), len(diff.still_open), len(diff.not_rechecked),
            len(diff.marked_done), len(diff.changed)] == [1, 1, 1, 1, 1, 1]
    # by finding: 3 resolved (the postcode, HIBP, the page), 1 new, 2 changed severity
