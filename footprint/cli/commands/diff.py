"""``footprint diff``: progress between two saved scans, in the plan's actions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import UsageError
from footprint.models import Lang, Report

FORMATS = {"markdown": ".md", "json": ".json"}  # diff's own formats and their suffixes

ReportArg = Annotated[Path, typer.Argument(help="A report written by 'footprint scan --json'.",
                                           dir_okay=False)]


def choose_lang(flag: str | None, fallback: Lang) -> Lang:
    if flag is None:
        return fallback
    if flag not in ("nl", "en"):
        raise UsageError(f"--lang {flag!r}: use nl or en")
    return flag  # type: ignore[return-value]


def _last_two(profile: Path | None, lang: str | None) -> tuple[Report, Report]:
    from footprint.cli.setup import history_for
    from footprint.i18n import detect_lang, t

    reports = history_for(profile).latest(2)
    if len(reports) < 2:
        raise UsageError(t("history.need_two", choose_lang(lang, detect_lang(None)),
                           n=len(reports)))
    return reports[0], reports[1]


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def diff(
        old: Annotated[Path | None, typer.Argument(
            metavar="OLD.json", dir_okay=False,
            help="The earlier report (scan --json); without both files: the last two "
                 "saved scans of your profile.")] = None,
        new: Annotated[Path | None, typer.Argument(metavar="NEW.json", dir_okay=False,
                                                   help="The later report.")] = None,
        markdown: opt.MarkdownOpt = None,
        fmt: Annotated[list[str], typer.Option(
            "--format", "-f", metavar="NAME",
            help=opt.formats_help(list(FORMATS)))] = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        lang: opt.LangOpt = None,
        profile: opt.ProfileOpt = None,
    ) -> None:
        """Show which actions of the plan are new, resolved, still open or could not be
        checked now between two scans, each with its findings (by default the last two
        saved scans of your profile)."""
        from footprint.cli.exports import files_only, plan
        from footprint.cli.setup import console_pair
        from footprint.diff import diff_reports
        from footprint.output import write_atomic
        from footprint.renderers.diff_json import render_diff_json
        from footprint.renderers.diff_markdown import render_diff_markdown
        from footprint.renderers.json import read_report
        from footprint.ui.diff_view import render_diff

        exports = files_only(plan(fmt, output, markdown=markdown, known=FORMATS))
        if old is None or new is None:
            if old is not None:
                raise UsageError("give two report files, or none for the last two saved scans")
            before, after = _last_two(profile, lang)
        else:
            before, after = read_report(old), read_report(new)
        if after.started_at < before.started_at:
            before, after = after, before  # the order on the command line is a slip
        language = choose_lang(lang, after.lang)
        result = diff_reports(before, after)
        out, err = console_pair()
        if before.masked != after.masked:
            err.print("warning: only one of the reports was made with --present; their "
                      "finding ids differ, so compare two unmasked reports",
                      markup=False, highlight=False)
        render_diff(out, result, language)
        render = {"markdown": render_diff_markdown, "json": render_diff_json}
        for export in exports:
            if export.path is not None:  # files_only: every export has one
                write_atomic(export.path, render[export.format](result, language))
                err.print(f"wrote {export.path}", markup=False, highlight=False)
