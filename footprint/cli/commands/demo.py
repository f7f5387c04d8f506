"""``footprint demo``: the real checks against a simulated web, for workshops.

The persona, her config and the recorded web live with the built-in checks (their
``demo`` folder); nothing leaves the machine and every run prints the same.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.models import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from footprint.models import CheckResult

DEMO_TIME = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def demo_dir() -> Path:
    from footprint.registry import builtin_data

    return builtin_data("demo")


class StepProgress:
    """--step: show each check's outcome as it finishes and wait for the trainer."""

    def __init__(self, console: Console, lang: Lang, wait: bool) -> None:
        self._console = console
        self._lang = lang
        self._wait = wait

    def started(self, total: int) -> None:
        pass

    def advanced(self, result: CheckResult) -> None:
        from rich.text import Text

        from footprint.i18n import status_name
        from footprint.renderers.common import subject_text
        from footprint.textsafe import clean
        from footprint.ui.report_view import finding_panel

        lang = self._lang
        subject = subject_text(result.subject, lang, limit=120)
        self._console.rule(Text(f"{result.check_id} · {subject}" if subject
                                else result.check_id))
        line = Text(status_name(result.status, lang), style="bold")
        if result.reason is not None:
            line += Text(": " + clean(result.reason.get(lang)))
        self._console.print(line)
        for finding in result.findings:
            self._console.print(finding_panel(finding, lang))
        if self._wait:
            input("⏎ ")

    def finished(self) -> None:
        pass


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def demo(
        lang: opt.LangOpt = None,
        present: opt.PresentOpt = False,
        brief: opt.BriefOpt = False,
        top: opt.TopOpt = 5,
        step: Annotated[bool, typer.Option(
            "--step", help="Pause after each check so a trainer can talk it through.")] = False,
        json_out: opt.JsonOpt = None,
        markdown_out: opt.MarkdownOpt = None,
        html_out: opt.HtmlOpt = None,
        fmt: opt.FormatOpt = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        only: opt.OnlyOpt = [],  # noqa: B006
    ) -> None:
        """Scan the fictitious wethouder Femke de Boer against a simulated web (offline)."""
        import sys

        from footprint.cli.exports import files_only, plan
        from footprint.cli.pipeline import Outputs, execute
        from footprint.cli.setup import build_run, console_pair
        from footprint.config import load_settings
        from footprint.profile.load import load_profile
        from footprint.simulated import SimulatedDns, SimulatedWeb

        exports = files_only(plan(fmt, output, json=json_out, markdown=markdown_out,
                                  html=html_out))
        base = demo_dir()
        persona = load_profile(base / "persona.toml")
        settings = load_settings(base / "config.toml")
        out, err = console_pair()
        run, language = build_run(
            persona, None, only, [], ["*"], {}, lang, None, None, err, progress=False,
            transport=SimulatedWeb.from_dir(base / "web").transport(),
            resolver=SimulatedDns.from_file(base / "dns.json"), settings=settings,
            fake_secrets=True, builtin_only=True)
        run.started_at = DEMO_TIME
        if step:
            run.concurrency = 1
            run.progress = StepProgress(out, language, wait=sys.stdin.isatty())
        outputs = Outputs(exports=exports, present=present, fixed_time=DEMO_TIME,
                          brief=brief, top=top)
        raise typer.Exit(execute(run, persona, outputs, out))
