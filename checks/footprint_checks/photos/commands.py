"""``footprint photos PATH...``: check photos before you post them; optionally clean them.

Fully offline. Exit status: 1 when a photo was taken within the home radius (or has a
GPS position and the profile has no home location to rule home out), 3 when some photo
could not be read or cleaned (never reported as clear), 2 for usage errors, 0 otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import ExitStatus, UsageError
from footprint.profile.model import Profile


def _profile(path: Path | None) -> Profile | None:
    from footprint.config import default_profile_path
    from footprint.profile.load import load_profile

    if path is not None:
        return load_profile(path)
    default = default_profile_path()
    return load_profile(default) if default.exists() else None


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def photos(
        paths: Annotated[list[Path], typer.Argument(
            help="Photo files or folders (folders are searched recursively).")],
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
            "--radius", min=10, max=50_000,
            help="Metres around home that count as 'at home' (default: radius_m from "
                 "your profile, else 500).")] = None,
        lang: opt.LangOpt = None,
        config: opt.ConfigOpt = None,
    ) -> None:
        """Check photos for GPS position, date, camera serial and other identifying tags."""
        from footprint.cli.setup import console_pair
        from footprint.config import config_path, load_settings
        from footprint.i18n import detect_lang
        from footprint_checks.photos.assess import HomeArea
        from footprint_checks.photos.local import audit_paths
        from footprint_checks.photos.report import render

        if lang is not None and lang not in ("nl", "en"):
            raise UsageError(f"--lang {lang!r}: use nl or en")
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise UsageError(f"{missing[0]}: no such file or folder")
        settings = load_settings(config_path(config))
        language = detect_lang(lang or settings.lang)
        person = _profile(profile)
        home = HomeArea.of(person.private.home_location if person else None, radius)
        out, _ = console_pair()
        results = audit_paths(paths, home, strip)
        render(results, home, language, out)
        if json_out is not None:
            from footprint import __version__
            from footprint.output import write_atomic
            from footprint_checks.photos.export import render as render_json

            write_atomic(json_out, render_json(results, home, language, __version__))
        if any(r.assessment is not None and r.assessment.blocks_posting for r in results):
            raise typer.Exit(int(ExitStatus.FINDINGS))
        if any(r.assessment is None or r.strip_error is not None for r in results):
            raise typer.Exit(int(ExitStatus.INCOMPLETE))
