"""``footprint photos PATH...``: check photos before you post them; optionally clean them.

Fully offline. Exit status: 1 when a photo was taken within the home radius (or has a
GPS position and the profile has no home location to rule home out), 3 when some photo
could not be read or cleaned (never reported as clear), 2 for usage errors, 0 otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.api import (
    ExitStatus,
    UsageError,
    console_pair,
    guarded,
    language,
    opt,
    own_profile,
    settings_for,
)


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def photos(
        paths: Annotated[list[Path], typer.Argument(
            metavar="PATH", help="Photo files or folders (folders are searched recursively).")],
        strip: Annotated[Path | None, typer.Option(
            "--strip", metavar="OUT_DIR", file_okay=False,
            help="Write cleaned copies (location and identifying tags removed, image data "
                 "untouched) into this folder. Originals are never changed.")] = None,
        json_out: Annotated[Path | None, typer.Option(
            "--json", metavar="FILE", dir_okay=False,
            help="Also write the results as JSON to this file (no coordinates: distances "
                 "to home only).")] = None,
        profile: opt.ProfileOpt = None,
        radius: Annotated[float | None, typer.Option(
            "--radius", metavar="METRES", min=10, max=50_000,
            help="Metres around home that count as 'at home' (default: radius_m from "
                 "your profile, else 500).")] = None,
        lang: opt.LangOpt = None,
        config: opt.ConfigOpt = None,
    ) -> None:
        """Check photos for GPS position, date, camera serial and other identifying tags."""
        from footprint_checks.photos.assess import HomeArea
        from footprint_checks.photos.local import audit_paths
        from footprint_checks.photos.view import render

        if lang is not None and lang not in ("nl", "en"):
            raise UsageError(f"--lang {lang!r}: use nl or en")
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise UsageError(f"{missing[0]}: no such file or folder")
        settings = settings_for(config)
        chosen = language(lang, settings)
        person = own_profile(profile, required=False)
        home = HomeArea.of(person.private.home_location if person else None, radius)
        out, _ = console_pair()
        results = audit_paths(paths, home, strip)
        render(results, home, chosen, out)
        if json_out is not None:
            from footprint import __version__
            from footprint.output import write_atomic
            from footprint_checks.photos.export import render as render_json

            write_atomic(json_out, render_json(results, home, chosen, __version__))
        if any(r.assessment is not None and r.assessment.blocks_posting for r in results):
            raise typer.Exit(int(ExitStatus.FINDINGS))
        if any(r.assessment is None or r.strip_error is not None for r in results):
            raise typer.Exit(int(ExitStatus.INCOMPLETE))
