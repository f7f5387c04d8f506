"""Guided steps and register findings render in nl and en: terminal, markdown, done-marking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import respx
from footprint_checks.guides import provide
from rich.console import Console

from footprint.check import CheckContext
from footprint.models import PROFILE_SUBJECT, CheckResult, Lang, Report, Status
from footprint.profile.model import Suppression, SuppressionReason
from footprint.renderers import markdown
from footprint.suppress import apply_suppressions
from footprint.ui.report_view import render_report

WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


async def _report(ctx: CheckContext, lang: Lang) -> Report:
    results = []
    for check in provide():
        findings = tuple(await check.run(PROFILE_SUBJECT, ctx))
        results.append(CheckResult(check.id, PROFILE_SUBJECT, Status.MANUAL, findings))
    return Report(tuple(results), WHEN, WHEN, "test", lang=lang)


@pytest.mark.parametrize(("lang", "title", "step"), [
    ("nl", "BRP: vraag je gemeente om geheimhouding", "Vraag het online aan met DigiD"),
    ("en", "BRP: ask your municipality to keep your data confidential",
     "Request it online with DigiD"),
])
async def test_markdown_checklist_in_both_languages(
        router: respx.MockRouter, make_context: Callable[..., CheckContext],
        lang: Lang, title: str, step: str):
    text = markdown.render(await _report(make_context(), lang), lang)
    assert f"- **{title}" in text.split("## Details")[1]  # the details under the plan
    assert step in text
    assert "(https://www.rvig.nl/de-brp-gebruiken)" in text
    assert text.count("- [ ] ") >= 10


@pytest.mark.parametrize(("lang", "phrase"), [
    ("nl", "Strava, Komoot en Polarsteps"), ("en", "Strava, Komoot and Polarsteps")])
async def test_terminal_report_in_both_languages(
        router: respx.MockRouter, make_context: Callable[..., CheckContext],
        lang: Lang, phrase: str):
    console = Console(record=True, width=100, color_system=None)
    render_report(console, await _report(make_context(), lang))
    out = console.export_text()
    assert phrase in out and "guide.fitness-apps" in out


async def test_a_step_marked_done_stays_done(router: respx.MockRouter,
                                             make_context: Callable[..., CheckContext]):
    report = await _report(make_context(), "en")
    kadaster = next(f for f in report.findings if f.check_id == "guide.kadaster")
    done = apply_suppressions(report, [Suppression(kadaster.id, SuppressionReason.DONE)])
    assert kadaster.id not in {f.id for f in done.findings}
    assert kadaster.id in {s.finding.id for s in done.suppressed}
    again = await _report(make_context(), "en")  # a second scan: same id, still suppressed
    assert kadaster.id in {f.id for f in again.findings}
