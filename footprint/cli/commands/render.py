"""``footprint render``: show or convert a saved JSON report without scanning again."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import UsageError


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def render(
        report_file: Annotated[Path, typer.Argument(
            metavar="REPORT.json", help="A report written by 'footprint scan --json'.",
            exists=True, dir_okay=False)],
        fmt: opt.FormatOpt = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        json_out: opt.JsonOpt = None,
        markdown_out: opt.MarkdownOpt = None,
        html_out: opt.HtmlOpt = None,
        lang: opt.LangOpt = None,
        brief: opt.BriefOpt = False,
    ) -> None:
        """Re-render a saved report: on screen (the default, or --format terminal), or in
        any export format, to -o PATH or, for one format, to standard output."""
        from dataclasses import replace

        from footprint import renderers
        from footprint.cli.exports import TERMINAL, plan
        from footprint.cli.setup import console_pair
        from footprint.i18n import detect_lang
        from footprint.output import write_atomic
        from footprint.renderers import json as json_renderer

        exports = plan(fmt, output, json=json_out, markdown=markdown_out, html=html_out,
                       terminal=True)
        to_screen = [e for e in exports if e.path is None]
        if len(to_screen) > 1:
            raise UsageError("only one format can go to the screen; give the others -o PATH")
        report = json_renderer.read_report(report_file)
        if lang is not None:
            report = replace(report, lang=detect_lang(lang))
        for export in exports:
            if export.path is not None:
                write_atomic(export.path,
                             renderers.get(export.format).render(report, report.lang))
        if exports and not to_screen:
            return
        if not to_screen or to_screen[0].format == TERMINAL:
            from footprint.ui.report_view import render_report

            out, _ = console_pair()
            render_report(out, report, brief=brief)
            return
        text = renderers.get(to_screen[0].format).render(report, report.lang)
        typer.echo(text, nl=not text.endswith("\n"))
