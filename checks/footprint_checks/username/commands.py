"""``footprint sites list`` (offline) and ``footprint sites verify`` (online, maintainers).

``verify`` contacts every site it checks, twice (a known account and a random username),
so it says so and asks first; ``--yes`` confirms in advance. Exit status: 0 all healthy,
1 some entry is broken, 3 some site could not be judged, 2 usage, 4 catalogue errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import ExitStatus, UsageError

SitesOpt = Annotated[list[str], typer.Option(
    "--sites", metavar="FILE",
    help="Extra site catalogue in WhatsMyName format (repeatable); 'whatsmyname' adds the "
         "bundled WhatsMyName list.")]
OnlySitesOpt = Annotated[bool, typer.Option(
    "--only-sites", help="Use only the --sites catalogues, not footprint's curated list.")]
SiteOpt = Annotated[list[str], typer.Option(
    "--site", metavar="NAME", help="Only this site, by name or check id (repeatable).")]


def _settings(config: Path | None, sites: list[str], only: bool) -> dict[str, Any]:
    from footprint.config import config_path, load_settings

    section = dict(load_settings(config_path(config)).checks.get("username", {}))
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


def register(app: typer.Typer) -> None:
    sites_app = typer.Typer(help="The site catalogues behind the username checks.",
                            no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sites_app, name="sites")

    @sites_app.command("list")
    @guarded
    def list_sites(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
                   config: opt.ConfigOpt = None) -> None:
        """List the sites the username checks ask (offline)."""
        from rich.table import Table
        from rich.text import Text

        from footprint.cli.setup import console_pair
        from footprint.textsafe import clean
        from footprint_checks.username import provide

        out, _ = console_pair()
        table = Table("site", "category", "asks", "note")
        table.add_column("check", no_wrap=True)  # ids are what --only/--enable take: never cut
        for check in provide(_settings(config, sites, only_sites)):
            site = check.site  # type: ignore[attr-defined]
            note = "third party, opt-in" if check.opt_in else ""
            table.add_row(Text(clean(site.name)), Text(clean(site.cat)),
                          Text(", ".join(clean(h) for h in site.hosts)), Text(note),
                          Text(check.id))
        out.print(table)

    @sites_app.command("verify")
    @guarded
    def verify(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
               site: SiteOpt = [],  # noqa: B006
               yes: Annotated[bool, typer.Option(
                   "--yes", help="Do not ask: I know this contacts every site checked.")] = False,
               concurrency: Annotated[int, typer.Option(min=1, max=64)] = 16,
               config: opt.ConfigOpt = None, proxy: opt.ProxyOpt = None,
               no_proxy: opt.NoProxyOpt = False) -> None:
        """ONLINE: ask each site about its known account and a random username, and
        report broken entries. Sends no personal data, but does contact every site."""
        import asyncio

        from rich.table import Table
        from rich.text import Text

        from footprint.cli.setup import console_pair
        from footprint.textsafe import clean
        from footprint_checks.username.verify import verify_sites

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
        from footprint.cli.runtime import state
        from footprint.config import config_path, load_settings
        from footprint.http.client import http_options

        options = http_options(load_settings(config_path(config)), proxy=proxy,
                               no_proxy=no_proxy, redact=state.secrets)
        results = asyncio.run(verify_sites(chosen, options=options, concurrency=concurrency))
        table = Table("site", "health", "known account", "random username")
        for r in results:
            table.add_row(Text(clean(r.site.name)), Text(r.health.value),
                          Text(clean(r.known, limit=80)), Text(clean(r.random, limit=80)))
        out.print(table)
        broken = [r for r in results if r.broken]
        undecided = [r for r in results if r.health.value == "could not tell"]
        out.print(Text(f"{len(results) - len(broken) - len(undecided)} ok, {len(broken)} "
                       f"broken, {len(undecided)} could not tell"))
        if broken:
            raise typer.Exit(int(ExitStatus.FINDINGS))
        if undecided:
            raise typer.Exit(int(ExitStatus.INCOMPLETE))
