"""``footprint paths``: where footprint keeps your profile, settings, scans and downloads."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from footprint.cli.runtime import guarded


def register(app: typer.Typer) -> None:
    @app.command("paths")
    @guarded
    def paths(
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable.")] = False,
    ) -> None:
        """Show the folders where footprint keeps your files (to back up or remove them)."""
        from footprint.config import cache_dir, config_dir, data_dir

        folders = {
            "config": (config_dir(), "your profile (profile.toml) and settings (config.toml)"),
            "data": (data_dir(), "saved scans (footprint history)"),
            "cache": (cache_dir(), "data you downloaded (update-rdap, sites update)"),
        }
        if as_json:
            typer.echo(json.dumps({k: str(p) for k, (p, _) in folders.items()}, indent=2))
            return
        for path, what in folders.values():
            state = "" if path.exists() else "  (not created yet)"
            typer.echo(f"{what}:\n  {path}{state}")
