"""``footprint summary``: group figures from several participants' reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def summary(
        reports: Annotated[list[Path], typer.Argument(
            metavar="REPORT.json...", dir_okay=False,
            help="Participants' reports (scan --json); only counts are shown.")],
        markdown: opt.MarkdownOpt = None,
        fmt: Annotated[list[str], typer.Option(
            "--format", "-f", metavar="NAME",
            help=opt.formats_help(["markdown"]))] = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        lang: opt.LangOpt = None,
    ) -> None:
        """Workshop figures: how many participants had which kind of exposure, with no
        names, identifiers or URLs."""
        from footprint.cli.commands.diff import choose_lang
        from footprint.cli.exports import files_only, plan
        from footprint.cli.setup import console_pair
        from footprint.i18n import detect_lang
        from footprint.output import write_atomic
        from footprint.renderers.json import read_report
        from footprint.renderers.summary_markdown import render_summary_markdown
        from footprint.summary import summarise
        from footprint.ui.summary_view import render_summary

        exports = files_only(plan(fmt, output, markdown=markdown, known={"markdown": ".md"}))
        language = choose_lang(lang, detect_lang(None))
        figures = summarise([read_report(p) for p in reports])
        out, err = console_pair()
        render_summary(out, figures, language)
        for path in (e.path for e in exports if e.path is not None):  # markdown, the one format
            write_atomic(path, render_summary_markdown(figures, language))
            err.print(f"wrote {path}", markup=False, highlight=False)
