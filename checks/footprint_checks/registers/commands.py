"""``footprint letter avg SOURCE``: a ready-to-send erasure request to a copy site."""

from __future__ import annotations

import inspect
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.api import UsageError, guarded, opt, own_profile, write_atomic
from footprint_checks.registers import letter
from footprint_checks.registers.sources import source, sources

SourceArg = Annotated[str, typer.Argument(
    help="The site to write to: one of the ids in 'footprint letter avg --help' "
         "(e.g. drimble, oozo, locatefamily, detelefoongids).", metavar="SOURCE",
    show_default=False)]
ReportOpt = Annotated[Path | None, typer.Option(
    "--report", metavar="FILE",
    help="A JSON report (footprint scan --json) to take the URLs found from.",
    dir_okay=False)]
UrlOpt = Annotated[list[str], typer.Option(
    "--url", metavar="URL", help="A page on the site that shows your data (repeatable).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write the letter to this file (mode 0600) instead of stdout.",
    dir_okay=False)]


def avg(source_id: SourceArg, profile: opt.ProfileOpt = None, report: ReportOpt = None,
        url: UrlOpt = [], output: OutputOpt = None) -> None:  # noqa: B006 (Typer default)
    """Write a GDPR (AVG) art. 17 erasure request to a KvK copy site, people-search site or
    phone directory: in Dutch, plus English when the operator may sit abroad."""
    site = source(source_id.strip().lower())
    if site is None:
        known = ", ".join(s.id for s in sources())
        raise UsageError(f"unknown source {source_id!r}; choose one of: {known}")
    person = own_profile(profile)
    if not person.name:
        raise UsageError("your profile has no name ([person] name); the letter needs it")
    foreign = [u for u in url if not site.owns(u)]
    if foreign:
        raise UsageError(f"{foreign[0]!r} is not on {site.domains[0]}")
    found = letter.urls_from_report(report, site) if report else []
    urls = list(dict.fromkeys([*url, *found]))
    text = letter.compose(person, site, urls, date.today())
    if output is None:
        sys.stdout.write(text)
        return
    write_atomic(output, text)
    sys.stderr.write(f"letter written to {output}\n")


def register(app: typer.Typer) -> None:
    group = typer.Typer(name="letter", no_args_is_help=True,
                        help="Ready-to-send letters: erasure requests to copy sites.")
    group.command("avg", help=inspect.cleandoc(avg.__doc__ or "") + "\n\nSources: "
                  + ", ".join(s.id for s in sources()))(guarded(avg))
    app.add_typer(group, name="letter")
