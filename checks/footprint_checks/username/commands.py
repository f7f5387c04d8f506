"""``footprint sites list`` (offline) and ``footprint sites verify`` (online, maintainers).

``verify`` contacts every site it checks, twice (a known account and a random username),
so it says so and asks first; ``--yes`` confirms in advance. Exit status: 0 all healthy,
1 some entry is broken, 3 some site could not be judged, 2 usage, 4 catalogue errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from footprint.cli.api import ExitStatus, UsageError, console_pair, guarded, opt, settings_for

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


def register(app: typer.Typer) -> None:
    sites_app = typer.Typer(help="The site catalogues behind the username checks.",
                            no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sites_app, name="sites")

    @sites_app.command("list")
    @guarded
    def list_sites(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
                   config: opt.ConfigOpt = None) -> None:
        """List the sites the username checks ask (offline)."""
        from footprint_checks.username import provide
        from footprint_checks.username.view import sites_table

        out, _ = console_pair()
        out.print(sites_table(provide(_settings(config, sites, only_sites))))

    @sites_app.command("verify")
    @guarded
    def verify(sites: SitesOpt = [], only_sites: OnlySitesOpt = False,  # noqa: B006
               site: SiteOpt = [],  # noqa: B006
               yes: Annotated[bool, typer.Option(
                   "--yes", help="Do not ask: I know this contacts every site checked.")] = False,
               concurrency: Annotated[int, typer.Option(
                   metavar="N", min=1, max=64)] = 16,
               config: opt.ConfigOpt = None) -> None:
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
        results = asyncio.run(verify_sites(chosen, concurrency=concurrency))
        out.print(verify_table(results))
        broken = [r for r in results if r.broken]
        undecided = [r for r in results if r.health.value == "could not tell"]
        out.print(verify_summary(len(results) - len(broken) - len(undecided), len(broken),
                                 len(undecided)))
        if broken:
            raise typer.Exit(int(ExitStatus.FINDINGS))
        if undecided:
            raise typer.Exit(int(ExitStatus.INCOMPLETE))
