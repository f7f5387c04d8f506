"""``footprint checklist``: the generic hand-out, without scanning.

The guided steps come from the checks marked ``guide_only``; they run through the real
engine with a transport and resolver that refuse everything, so the hand-out can never
cause a request. A check that tries anyway is left out with a warning.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import httpx
import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.dns import DnsAnswer
from footprint.errors import UsageError
from footprint.models import FindingKind, Lang, Status
from footprint.profile.model import Profile
from footprint.renderers.handout import Handout

FORMATS = {"markdown": ".md", "html": ".html"}  # the hand-out's formats and their suffixes

PLACEHOLDER = {"en": "First Last", "nl": "Voornaam Achternaam"}


class OfflineError(RuntimeError):
    """A guide-only check tried to use the network."""


def _refuse(request: httpx.Request) -> httpx.Response:
    raise OfflineError(f"the checklist sends nothing (refused {request.url.host})")


class _NoDns:
    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        raise OfflineError("the checklist sends nothing (refused a DNS query)")


def build_handout(lang: Lang, profile: Profile | None = None) -> tuple[Handout, list[str]]:
    """Runs the guide-only checks offline for ``profile`` (a placeholder when None);
    returns the hand-out and warnings."""
    from footprint.registry import CheckRegistry
    from footprint.scan import ScanRun
    from footprint.suppress import apply_suppressions

    registry = CheckRegistry.load()
    warnings = [f"warning: {problem}" for problem in registry.problems]
    guides = [lc for lc in registry.checks if lc.guide_only]
    person = profile or Profile(name=PLACEHOLDER[lang], source="checklist")
    run = ScanRun(profile=person, checks=guides,
                  infos=[lc.info() for lc in guides], concurrency=8, check_timeout=10.0,
                  transport=httpx.MockTransport(_refuse), resolver=_NoDns(), lang=lang)
    report = asyncio.run(run.run())
    for result in report.results:
        if result.status in (Status.ERROR, Status.TIMEOUT):
            warnings.append(f"warning: {result.check_id} left out: "
                            f"{result.reason.en if result.reason else result.status.value}")
    report = apply_suppressions(report, person.suppressions)
    done = sum(1 for s in report.suppressed if s.finding.kind is FindingKind.MANUAL)
    steps = tuple(f for f in report.findings if f.kind is FindingKind.MANUAL)
    checks = tuple(lc.info() for lc in registry.checks if not lc.guide_only)
    return Handout(steps=steps, checks=checks, done=done), warnings


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def checklist(
        lang: opt.LangOpt = None,
        markdown: opt.MarkdownOpt = None,
        html: opt.HtmlOpt = None,
        fmt: Annotated[list[str], typer.Option(
            "--format", "-f", metavar="NAME",
            help=opt.formats_help(list(FORMATS)))] = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        profile: Annotated[Path | None, typer.Option(
            "--profile", "-p", metavar="FILE", dir_okay=False,
            help="Personalise the links and leave out steps you marked done "
                 "(default: a generic hand-out).")] = None,
    ) -> None:
        """The hand-out: every guided step and what a scan checks, without scanning.
        Printed as markdown unless a file is asked for (-o PATH); one --format without -o
        is printed instead."""
        from footprint.cli.commands.diff import choose_lang
        from footprint.cli.exports import plan
        from footprint.i18n import detect_lang
        from footprint.output import write_atomic
        from footprint.profile.load import load_profile
        from footprint.renderers.handout import render_html, render_markdown

        language = choose_lang(lang, detect_lang(None))
        from footprint.textsafe import clean

        handout, warnings = build_handout(language, load_profile(profile) if profile else None)
        for warning in warnings:
            typer.echo(clean(warning), err=True)
        exports = plan(fmt, output, markdown=markdown, html=html, known=FORMATS)
        if len([e for e in exports if e.path is None]) > 1:
            raise UsageError("only one format can go to the screen; give the others -o PATH")
        render = {"markdown": render_markdown, "html": render_html}
        for export in exports:
            if export.path is not None:
                write_atomic(export.path, render[export.format](handout, language))
        screen = [e.format for e in exports if e.path is None]
        if screen or not exports:
            text = render[screen[0] if screen else "markdown"](handout, language)
            typer.echo(text, nl=not text.endswith("\n"))
