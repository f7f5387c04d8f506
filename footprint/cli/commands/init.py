"""``footprint init``: write your profile, interactively or from flags (0600, config folder)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.runtime import guarded
from footprint.errors import ProfileError, UsageError
from footprint.profile import validate as v

Field = tuple[str, str, str, Callable[[str], str], bool]  # section, key, prompt, check, is list

FIELDS: tuple[Field, ...] = (
    ("person", "name", "Your full name (public)", v.plain_text, False),
    ("person", "role", "Your role, e.g. wethouder (public)", v.plain_text, False),
    ("person", "municipality", "Your municipality or province (public)", v.plain_text, False),
    ("public", "usernames", "Your usernames, comma-separated (public)", v.username, True),
    ("public", "emails", "Your email addresses, comma-separated (public)", v.email, True),
    ("public", "domains", "Your own domains, comma-separated (public)", v.domain, True),
    ("public", "urls", "Pages about you: council, party, own site (public)", v.url, True),
    ("public", "kvk_numbers", "Your KvK numbers, comma-separated (public)", v.kvk_number, True),
    ("public", "trade_names", "Your trade names, comma-separated (public)", v.plain_text, True),
    ("private.address", "street", "Home street (PRIVATE: never sent)", v.marker_text, False),
    ("private.address", "house_number", "House number (PRIVATE)", v.house_number, False),
    ("private.address", "addition", "House number addition, e.g. a (PRIVATE)", v.plain_text,
     False),
    ("private.address", "postcode", "Home postcode (PRIVATE)", v.postcode, False),
    ("private.address", "city", "Home town (PRIVATE)", v.plain_text, False),
    ("private", "phones", "Private phone numbers, comma-separated (PRIVATE)", v.phone, True),
    ("private", "family", "Names of partner and children, comma-separated (PRIVATE)",
     v.marker_text, True),
)


def _parse(raw: str, check: Callable[[str], str], many: bool) -> str | list[str]:
    if many:
        return [check(part.strip()) for part in raw.split(",") if part.strip()]
    return check(raw) if raw.strip() else ""


def render_toml(values: dict[str, dict[str, str | list[str]]]) -> str:
    """TOML by hand: JSON strings are valid TOML basic strings."""
    lines = ["# footprint profile. Public identifiers may be sent to services; everything",
             "# under [private] is only ever matched on this machine.", ""]
    for section in ("person", "public", "private", "private.address"):
        entries = {k: val for k, val in values.get(section, {}).items() if val}
        if not entries and section != "person":
            continue
        lines.append(f"[{section}]")
        for key, val in entries.items():
            lines.append(f"{key} = {json.dumps(val, ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


def _prompt(field: Field) -> str | list[str]:
    section, key, question, check, many = field
    while True:
        raw = typer.prompt(question, default="", show_default=False)
        try:
            return _parse(raw, check, many)
        except ValueError as exc:
            typer.echo(f"  {exc}; try again (or leave empty)", err=True)


def interactive_init(path: Path, force: bool = False) -> Path:
    values: dict[str, dict[str, str | list[str]]] = {}
    typer.echo("Answer what applies; leave empty to skip. Nothing leaves this machine now.")
    for field in FIELDS:
        values.setdefault(field[0], {})[field[1]] = _prompt(field)
    return write_profile(path, values, force)


def write_profile(path: Path, values: dict[str, dict[str, str | list[str]]],
                  force: bool) -> Path:
    from footprint.output import write_atomic
    from footprint.profile.load import parse_profile

    if path.exists() and not force:
        raise UsageError(f"{path} exists; use --force to overwrite it")
    text = render_toml(values)
    parse_profile(text, str(path))  # what we write must load
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(path, text)
    return path


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def init(
        path: Annotated[Path | None, typer.Option(
            "--path", metavar="FILE",
            help="Where to write it (default: profile.toml in the config folder).",
            dir_okay=False)] = None,
        force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
        set_: Annotated[list[str], typer.Option(
            "--set", metavar="FIELD=VALUE",
            help="Non-interactive: FIELD=VALUE, e.g. --set person.name='Jan Jansen' "
                 "--set public.usernames=jjansen,jan_j (repeatable).")] = [],  # noqa: B006
    ) -> None:
        """Create your profile: who you are (public) and what must stay private."""
        from footprint.config import default_profile_path

        target = path or default_profile_path()
        if not set_:
            written = interactive_init(target, force)
        else:
            written = write_profile(target, _from_flags(set_), force)
        typer.echo(f"Profile written to {written} (readable only by you).")


def _from_flags(items: list[str]) -> dict[str, dict[str, str | list[str]]]:
    known = {f"{f[0]}.{f[1]}": f for f in FIELDS}
    values: dict[str, dict[str, str | list[str]]] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        field = known.get(name.strip())
        if not sep or field is None:
            raise UsageError(f"--set {item!r}: use FIELD=VALUE with FIELD one of "
                             f"{', '.join(known)}")
        try:
            values.setdefault(field[0], {})[field[1]] = _parse(raw, field[3], field[4])
        except ValueError as exc:
            raise ProfileError(str(exc), source="--set", field=name.strip()) from None
    return values
