"""``footprint render``: show or convert a saved JSON report without scanning again."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import UsageError

FORMATS = ("terminal", "markdown", "json", "html")


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def render(
        report_file: Annotated[Path, typer.Argument(
            metavar="REPORT.json", help="A report written by 'footprint scan --json'.",
            exists=True, dir_okay=False)],
        fmt: Annotated[str, typer.Option(
            "--format", "-f", metavar="FORMAT",
            help="terminal, markdown, json or html.")] = "terminal",
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file instead of the screen.",
            dir_okay=False)] = None,
        html_out: opt.HtmlOpt = None,
        lang: opt.LangOpt = None,
        brief: opt.BriefOpt = False,
    ) -> None:
        """Re-render a saved report as terminal view, markdown, JSON or HTML."""
        from dataclasses import replace

        from footprint import renderers
        from footprint.cli.setup import console_pair
        from footprint.i18n import detect_lang
        from footprint.output import write_atomic
        from footprint.renderers import json as json_renderer

        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
        report = json_renderer.read_report(report_file)
        if lang is not None:
            report = replace(report, lang=detect_lang(lang))
        if html_out is not None:
            write_atomic(html_out, renderers.get("html").render(report, report.lang))
        out, _ = console_pair()
        if fmt == "terminal":
            if output is not None:
                raise UsageError("--output needs --format markdown, json or html")
            from footprint.ui.report_view import render_report

            render_report(out, report, brief=brief)
            return
        text = renderers.get(fmt).render(report, report.lang)
        if output is not None:
            write_atomic(output, text)
        else:
            typer.echo(text, nl=not text.endswith("\n"))
