"""``footprint update-rdap``: refresh the copy of IANA's RDAP bootstrap file, on request only.

footprint ships a copy of https://data.iana.org/rdap/dns.json and never downloads it on
its own. This command fetches the current file (or reads one you downloaded), checks that
it is IANA's format, and stores it in the user's cache directory, where domain.rdap finds
it. Nothing about you is sent: it is one plain GET of a public file.

Exit status: 0 stored, 2 usage, 3 could not fetch or not a valid file, 4 config error.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.api import Settings, guarded, network_options, opt, settings_for
from footprint.errors import ExitStatus, FootprintError, UsageError
from footprint.http.public_file import PublicFileError, fetch_public_file
from footprint.textsafe import clean
from footprint_checks.domain import bootstrap

MAX_BYTES = 1024 * 1024  # the real file is about 40 KiB


class BootstrapUpdateFailed(FootprintError):
    exit_status = ExitStatus.INCOMPLETE


async def download(url: str, settings: Settings, proxy: str | None = None,
                   no_proxy: bool = False) -> bytes:
    try:
        return await fetch_public_file(url, network_options(settings, proxy, no_proxy),
                                       MAX_BYTES)
    except PublicFileError as exc:
        raise BootstrapUpdateFailed(str(exc)) from None


def update(raw: bytes, source: str, target: Path | None = None) -> tuple[bootstrap.Bootstrap,
                                                                       Path]:
    """Validates ``raw`` and stores it; returns the stored bootstrap and where it went."""
    try:
        bootstrap.parse_bootstrap(raw, source)
        path = target or bootstrap.cache_file()
        return bootstrap.store(raw, path), path
    except bootstrap.BootstrapError as exc:
        raise BootstrapUpdateFailed(f"not stored: {exc}") from None
    except OSError as exc:
        raise BootstrapUpdateFailed(f"could not write the cache file: {exc}") from None


@guarded
def update_rdap(
    from_file: Annotated[Path | None, typer.Option(
        "--file", metavar="FILE",
        help="Use a dns.json you downloaded yourself instead of fetching it.",
        dir_okay=False)] = None,
    url: Annotated[str | None, typer.Option(
        "--url", metavar="URL",
        help="Fetch from this URL (default: IANA, or [endpoints] iana-rdap).")] = None,
    config: opt.ConfigOpt = None,
    proxy: opt.ProxyOpt = None,
    no_proxy: opt.NoProxyOpt = False,
) -> None:
    """Refresh the list of RDAP servers (IANA's bootstrap file) used by domain.rdap.

    Runs only when you ask; a scan never downloads it. The file is stored in your cache
    directory and used when it is newer than the copy that came with footprint.
    """
    settings = settings_for(config)
    if from_file is not None and url is not None:
        raise UsageError("give --file or --url, not both")
    if from_file is not None:
        try:
            raw, source = from_file.read_bytes(), str(from_file)
        except OSError as exc:
            raise UsageError(f"{from_file}: cannot read: {exc}") from None
    else:
        source = url or settings.endpoints.get("iana-rdap", bootstrap.IANA_BOOTSTRAP_URL)
        if not source.startswith(("https://", "http://")):
            raise UsageError(f"--url {source!r}: must be an http(s) URL")
        raw = asyncio.run(download(source, settings, proxy, no_proxy))
    stored, path = update(raw, source)
    shipped = bootstrap.shipped()
    typer.echo(f"Stored the RDAP bootstrap published {clean(stored.publication)} "
               f"({len(stored.servers)} TLDs) in {path}")
    if stored.published < shipped.published:
        typer.echo(f"Note: the copy that came with footprint (published "
                   f"{clean(shipped.publication)}) is newer and stays in use.")


def register(app: typer.Typer) -> None:
    app.command("update-rdap")(update_rdap)
