"""Options several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

Validator = Callable[[str], str]

ProfileOpt = Annotated[Path | None, typer.Option(
    "--profile", "-p", metavar="FILE",
    help="Your profile file (default: profile.toml in the config folder).",
    dir_okay=False)]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", envvar="FOOTPRINT_CONFIG", metavar="FILE",
    help="Config file (limits, keys, endpoints).",
    dir_okay=False)]
LangOpt = Annotated[str | None, typer.Option(
    "--lang", metavar="nl|en",
    help="Language of the report: nl or en (default: from your locale).")]
OnlyOpt = Annotated[list[str], typer.Option(
    "--only", metavar="GLOB",
    help="Run only checks matching this glob, e.g. 'email.*' (repeatable).")]
SkipOpt = Annotated[list[str], typer.Option(
    "--skip", metavar="GLOB", help="Skip checks matching this glob (repeatable).")]
EnableOpt = Annotated[list[str], typer.Option(
    "--enable", metavar="GLOB", help="Also run these opt-in checks (glob, repeatable).")]
JsonOpt = Annotated[Path | None, typer.Option(
    "--json", metavar="FILE", help="Write the full report as JSON to this file.", dir_okay=False)]
MarkdownOpt = Annotated[Path | None, typer.Option(
    "--markdown", metavar="FILE", help="Write a markdown checklist to this file.", dir_okay=False)]
HtmlOpt = Annotated[Path | None, typer.Option(
    "--html", metavar="FILE", help="Write a printable HTML report to this file.", dir_okay=False)]
BriefOpt = Annotated[bool, typer.Option(
    "--brief", help="One line per finding on screen (for a projector); exports stay full.")]
TopOpt = Annotated[int, typer.Option(
    "--top", metavar="N", min=0, max=100,
    help="How many actions 'Do these first' shows (default 5).")]
PresentOpt = Annotated[bool, typer.Option(
    "--present", help="Presentation mode: mask personal data on screen and in exports.")]
ProxyOpt = Annotated[str | None, typer.Option(
    "--proxy", metavar="URL",
    help="Proxy for every request: http://[user:pass@]host:port, socks5:// or socks5h://. "
         "Overrides [network] proxy and the *_proxy environment variables.")]
NoProxyOpt = Annotated[bool, typer.Option(
    "--no-proxy", help="Use no proxy at all, whatever the config or environment says.")]


def formats_help(names: Sequence[str] | None = None) -> str:
    """``names``, or the report formats the renderer registry knows, for --format's help."""
    if names is None:
        from footprint.renderers import listed_names

        names = listed_names()
    return ("Export format (repeatable), written to the -o/--output in the same position: "
            f"{', '.join(names)}.")


FormatOpt = Annotated[list[str], typer.Option(
    "--format", "-f", metavar="NAME", help=formats_help())]
OutputOpt = Annotated[list[Path], typer.Option(
    "--output", "-o", metavar="PATH", dir_okay=False,
    help="File for the --format in the same position (repeatable); alone, the format "
         "follows the extension (.html, .csv, ...).")]
