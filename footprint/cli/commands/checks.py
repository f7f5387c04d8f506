"""``footprint checks``: every check, what it needs, what it sends where, where it comes from."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded


def register(app: typer.Typer) -> None:
    @app.command("checks")
    @guarded
    def list_checks(
        as_json: Annotated[bool, typer.Option("--json", help="Machine-readable list.")] = False,
        lang: opt.LangOpt = None,
        config: opt.ConfigOpt = None,
    ) -> None:
        """List the available checks and what each one sends to whom."""
        from rich.table import Table
        from rich.text import Text

        from footprint.cli.setup import console_pair, load_registry
        from footprint.config import config_path, load_settings
        from footprint.i18n import detect_lang
        from footprint.provenance import summary
        from footprint.textsafe import clean

        settings = load_settings(config_path(config))
        language = detect_lang(lang or settings.lang)
        out, err = console_pair()
        registry = load_registry(settings, {}, err)
        rows: list[dict[str, Any]] = []
        shapes: list[str] = []  # the table's summary of each row's records
        for loaded in registry.checks:
            info = loaded.info(settings.endpoints)
            rows.append({
                "id": info.id, "title": info.title.get(language), "inputs": list(info.inputs),
                "sends": [{"host": d.host, "what": d.sends.get(language)}
                          for d in info.disclosures],
                "secrets": list(info.secrets),
                "optional_secrets": list(loaded.optional_secrets),
                "opt_in": loaded.opt_in, "origin": info.origin,
                # where the request/answer shapes were confirmed (plugins may not say)
                "shapes": [r.as_dict() for r in loaded.provenance],
            })
            shapes.append(summary(loaded.provenance))
        if as_json:
            typer.echo(json.dumps({"checks": rows, "problems": registry.problems}, indent=2,
                                  ensure_ascii=False))
            return
        table = Table(show_lines=False, header_style="bold")
        for column in ("id", "inputs", "sends", "secrets", "shapes", "origin"):
            table.add_column(column)
        for row, shape in zip(rows, shapes, strict=True):
            sends = "; ".join(f"{s['host']}: {s['what']}" for s in row["sends"]) or "—"
            secrets = ", ".join(row["secrets"] + [f"{s}?" for s in row["optional_secrets"]])
            ident = clean(row["id"]) + (" (opt-in)" if row["opt_in"] else "")
            table.add_row(Text(ident), Text(clean(", ".join(row["inputs"]) or "profile")),
                          Text(clean(sends)), Text(clean(secrets or "—")),
                          Text(clean(shape)),
                          Text(clean(row["origin"])))
        out.print(table)
        out.print(Text(f"{len(rows)} checks. '?' marks an optional secret. shapes: whether "
                       "the request and answer were confirmed against the provider's "
                       "documentation (--json has sources, dates and notes).", style="dim"))
