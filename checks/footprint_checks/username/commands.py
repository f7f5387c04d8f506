"""``footprint sites list`` (offline), ``footprint sites verify`` (online, maintainers) and
``footprint sites update`` (online on request: refresh the WhatsMyName list).

``verify`` contacts every site it checks, twice (a known account and a random username),
so it says so and asks first; ``--yes`` confirms in advance. Exit status: 0 all healthy,
1 some entry is broken, 3 some site could not be judged, 2 usage, 4 catalogue errors.
``update``: 0 stored (or reverted), 2 usage, 3 could not fetch or not a valid file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from footprint.cli.api import (
    ExitStatus,
    UsageError,
    console_pair,
    guarded,
    network_options,
    opt,
    settings_for,
)

SitesOpt = Annotated[list[str], typer.Option(
    "--sites", metavar="FILE",
    help="Extra site catalogue in WhatsMyName format (repeatable); 'whatsmyname' adds the "
         "bundled WhatsMyName list.")]
OnlySitesOpt = Annotated[bool, typer.Option(
    "--only-sites", help="Use only the --sites catalogues, not footprint's curated list.")]
SiteOpt = Annotated[list[str], typer.Option(
    "--site", metavar="NAME", help="Only this site, by name or check id (repeatable).")]


def _settings(config: Path | None, sites: list[str], only: bool) -> dict[str, Any]:
    section = dict(settings_for(config).checks.get("username", {}))
    if sites:
        section["catalogues"] = [*section.get("catalogues", []), *sites]
    if only:
        section["only_catalogues"] = True
    return section


def _chosen(section: dict[str, Any], names: list[str]) -> list[Any]:
    from footprint_checks.username import load_sites
    from footprint_checks.username.check import slug

    sites = load_sites(section)
    if not names:
        return sites
    wanted = {n.casefold().removeprefix("username.") for n in names}
    chosen = [s for s in sites if s.key in wanted or slug(s.name) in wanted]
    if not chosen:
        raise UsageError(f"no site matches {names[0]!r}; 'footprint sites list' shows them")
    return chosen


_SHOWN = 15  # names listed per kind of change; the rest is counted


def _names(label: str, names: tuple[str, ...]) -> str:
    from footprint.textsafe import clean

    shown = ", ".join(clean(n, limit=60) for n in names[:_SHOWN])
    more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    return f"  {label} ({len(names)}): {shown}{more}"


def update_list(source: str | None, revert: bool, config: Path | None,
                proxy: str | None = None, no_proxy: bool = False) -> None:
    """Fetch (or read) a WhatsMyName file, validate it, store it, and say what changed."""
    import asyncio

    from footprint.textsafe import clean
    from footprint_checks.username import wmn_update as wmn

    if revert:
        if source is not None:
            raise UsageError("give --from or --revert, not both")
        gone = wmn.revert()
        typer.echo("Removed the refreshed WhatsMyName list; the copy that came with "
                   "footprint is used again." if gone else
                   "There was no refreshed WhatsMyName list; the shipped copy is in use.")
        return
    settings = settings_for(config)
    if source is None:
        source = settings.endpoints.get("whatsmyname", wmn.UPSTREAM_URL)
    if source.startswith(("https://", "http://")):
        typer.echo(f"Fetching {clean(source)} (one GET of a public file; nothing about you "
                   "is sent)", err=True)
        raw = asyncio.run(wmn.download(source, network_options(settings, proxy, no_proxy)))
    elif "://" in source:
        raise UsageError(f"--from {source!r}: a file or an http(s) URL")
    else:
        path = Path(source).expanduser()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{source}: cannot read: {exc.strerror or exc}") from None
    before = wmn.current()
    try:
        stored = wmn.store(raw, source)
    except OSError as exc:
        raise wmn.SiteListError(f"could not write the cache file: {exc}") from None
    changes = wmn.diff(before, stored)
    typer.echo(f"Stored the WhatsMyName list ({len(stored.sites)} sites) in "
               f"{wmn.cache_file()}")
    if not changes.any:
        typer.echo("No changes against the list in use before.")
    else:
        typer.echo("Changes against the list in use before:")
        for label, names in (("added", changes.added), ("removed", changes.removed),
                             ("changed", changes.changed)):
            if names:
                typer.echo(_names(label, names))
    typer.echo("WhatsMyName data (c) Micah Hoffman and contributors, CC BY-SA 4.0 "
               "(https://github.com/WebBreacher/WhatsMyName). The username checks use it "
               "with whatsmyname = true or --sites whatsmyname; 'footprint sites update "
               "--revert' goes back to the shipped copy.")


def register(app: typer.Typer) -> None:
    sites_app = typer.Typer(help="The site catalogues behind the username checks.",
                            no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sites_app, name="sites")

    @sites_app.command("list")
    @guarded
    def list_sites(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
                   config: opt.ConfigOpt = None) -> None:
        """List the sites the username checks ask (offline)."""
        from rich.text import Text

        from footprint_checks.username import provide
        from footprint_checks.username.view import sites_table

        out, _ = console_pair()
        table, unconfirmed = sites_table(provide(_settings(config, sites, only_sites)))
        out.print(table)
        out.print(Text(f"shapes: whether the entry's request and answer were confirmed against "
                       f"the provider's documentation ({unconfirmed} not confirmed; "
                       "'footprint checks --json' has the sources and notes).", style="dim"))

    @sites_app.command("update")
    @guarded
    def update(source: Annotated[str | None, typer.Option(
                   "--from", metavar="FILE|URL",
                   help="A wmn-data.json file you downloaded, or a URL (default: WhatsMyName "
                        "on GitHub, or [endpoints] whatsmyname).")] = None,
               revert: Annotated[bool, typer.Option(
                   "--revert", help="Remove the refreshed list and use the shipped copy "
                                    "again.")] = False,
               config: opt.ConfigOpt = None, proxy: opt.ProxyOpt = None,
               no_proxy: opt.NoProxyOpt = False) -> None:
        """ONLINE on request: refresh the WhatsMyName site list.

        Downloads the current wmn-data.json (never automatically), checks it against
        WhatsMyName's schema and licence before it replaces the cached copy, and lists the
        sites added, removed and changed. The copy that came with footprint stays as the
        fallback."""
        update_list(source, revert, config, proxy, no_proxy)

    @sites_app.command("verify")
    @guarded
    def verify(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
               site: SiteOpt = [],  # noqa: B006
               yes: Annotated[bool, typer.Option(
                   "--yes", help="Do not ask: I know this contacts every site checked.")] = False,
               concurrency: Annotated[int, typer.Option(
                   metavar="N", min=1, max=64)] = 16,
               config: opt.ConfigOpt = None, proxy: opt.ProxyOpt = None,
               no_proxy: opt.NoProxyOpt = False) -> None:
        """ONLINE: ask each site about its known account and a random username, and
        report broken entries. Sends no personal data, but does contact every site."""
        import asyncio

        from rich.text import Text

        from footprint_checks.username.verify import verify_sites
        from footprint_checks.username.view import verify_summary, verify_table

        out, err = console_pair()
        chosen = _chosen(_settings(config, sites, only_sites), site)
        hosts = sorted({h for s in chosen for h in s.hosts if h})
        err.print(Text(f"This contacts {len(hosts)} host(s) on the internet for {len(chosen)} "
                       "site(s), two requests each (a known account and a random username). "
                       "No personal data is sent."))
        if not yes:
            if not typer.confirm("Go online and contact these sites?", default=False,
                                 err=True):
                raise typer.Exit(int(ExitStatus.OK))
        options = network_options(settings_for(config), proxy, no_proxy)
        results = asyncio.run(verify_sites(chosen, options=options, concurrency=concurrency))
        out.print(verify_table(results))
        broken = [r for r in results if r.broken]
        undecided = [r for r in results if r.health.value == "could not tell"]
        out.print(verify_summary(len(results) - len(broken) - len(undecided), len(broken),
                                 len(undecided)))
        if broken:
            raise typer.Exit(int(ExitStatus.FINDINGS))
        if undecided:
            raise typer.Exit(int(ExitStatus.INCOMPLETE))
