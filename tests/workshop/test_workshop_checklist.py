"""footprint checklist: guided steps offline, plus what a scan covers; markdown and HTML."""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.check import BaseCheck, CheckContext
from footprint.cli.app import app
from footprint.cli.commands import checklist as checklist_cmd
from footprint.contract import adapt
from footprint.models import (
    Effort,
    Finding,
    FindingKind,
    L10n,
    Remediation,
    Severity,
    Subject,
)
from footprint.registry import CheckRegistry
from footprint.renderers.handout import render_html, render_markdown

runner = CliRunner()


class _Guide(BaseCheck):
    id = "guides.test-step"
    title = L10n(en="A test step", nl="Een teststap")
    guide_only = True

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        return [Finding(self.id, subject, "step", L10n(en=f"Step for {ctx.profile.name}",
                                                         nl=f"Stap voor {ctx.profile.name}"),
                        Severity.MEDIUM, Remediation(L10n.same("do it"),
                                                     effort=Effort.MINUTES),
                        kind=FindingKind.MANUAL)]


class _Sneaky(BaseCheck):
    id = "guides.sneaky"
    title = L10n.same("Sneaky")
    guide_only = True

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        await ctx.http.get("https://tracker.example/")
        return []


class _Scan(BaseCheck):
    id = "web.test"
    title = L10n(en="Test scan check", nl="Testcontrole")


@pytest.fixture
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = CheckRegistry([adapt(c, "test") for c in (_Guide(), _Sneaky(), _Scan())])
    monkeypatch.setattr(CheckRegistry, "load", classmethod(lambda cls, *a, **k: registry))


@pytest.mark.usefixtures("fake_registry")
def test_offline_and_sneaky_checks_are_left_out() -> None:
    handout, warnings = checklist_cmd.build_handout("en")
    assert [f.check_id for f in handout.steps] == ["guides.test-step"]
    assert handout.steps[0].title.en == "Step for First Last"
    assert [c.id for c in handout.checks] == ["web.test"]
    assert len(warnings) == 1 and "guides.sneaky left out" in warnings[0]
    assert "tracker.example" in warnings[0]


def test_real_guides_render_in_both_languages() -> None:
    handout, warnings = checklist_cmd.build_handout("nl")
    assert not warnings
    assert handout.steps and all(f.kind is FindingKind.MANUAL for f in handout.steps)
    md = render_markdown(handout, "nl")
    assert md.startswith("# Footprint-checklist")
    assert md.count("- [ ] ") == len(handout.steps)
    assert "## Wat 'footprint scan' voor je controleert" in md
    assert "web.pages" in md
    page = render_html(handout, "en")
    assert "<script" not in page and "Content-Security-Policy" in page


def test_command_writes_files_and_respects_done_steps(tmp_path: Path) -> None:
    md, page = tmp_path / "c.md", tmp_path / "c.html"
    result = runner.invoke(app, ["checklist", "--lang", "en", "--markdown", str(md),
                                 "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(md.stat().st_mode) == 0o600
    text = md.read_text(encoding="utf-8")
    first_id = text.split("- [ ] ")[1].split("`")[1]
    assert "<h1>Footprint checklist</h1>" in page.read_text(encoding="utf-8")

    profile = tmp_path / "p.toml"
    profile.write_text('[person]\nname = "Jan de Vries"\n\n[[suppressions]]\n'
                       f'finding = "{first_id}"\nreason = "done"\n', encoding="utf-8")
    result = runner.invoke(app, ["checklist", "--lang", "en", "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    assert first_id not in result.stdout
    assert "1 step(s) you marked as done are left out" in result.stdout


def test_bad_language_is_a_usage_error() -> None:
    result = runner.invoke(app, ["checklist", "--lang", "de"])
    assert result.exit_code == 2 and "--lang" in result.stderr
