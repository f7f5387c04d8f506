"""``footprint scan``: audit yourself with every check that has something to work with."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.errors import UsageError
from footprint.models import Severity
from footprint.profile import validate as v
from footprint.profile.model import Profile, PublicIdentifiers


def _merge_flags(profile: Profile, usernames: list[str], emails: list[str], urls: list[str],
                 domains: list[str]) -> Profile:
    """Adds identifiers given as flags; they are validated like the profile's."""
    def checked(values: list[str], check: opt.Validator, flag: str) -> tuple[str, ...]:
        out = []
        for value in values:
            try:
                out.append(check(value))
            except ValueError as exc:
                raise UsageError(f"{flag} {value!r}: {exc}") from None
        return tuple(out)

    pub = profile.public
    merged = PublicIdentifiers(
        usernames=tuple(dict.fromkeys(pub.usernames + checked(usernames, v.username,
                                                                "--username"))),
        emails=tuple(dict.fromkeys(pub.emails + checked(emails, v.email, "--email"))),
        phones=pub.phones,
        domains=tuple(dict.fromkeys(pub.domains + checked(domains, v.domain, "--domain"))),
        urls=tuple(dict.fromkeys(pub.urls + checked(urls, v.url, "--url"))),
        kvk_numbers=pub.kvk_numbers,
        trade_names=pub.trade_names,
    )
    return replace(profile, public=merged)


def _profile(path: Path | None, quick: bool) -> Profile:
    from footprint.config import default_profile_path
    from footprint.profile.load import load_profile

    if path is not None:
        return load_profile(path)
    if quick:  # identifiers given as flags: a quick scan without a profile file
        return Profile(source="command line")
    default = default_profile_path()
    if default.exists():
        return load_profile(default)
    if sys.stdin.isatty() and sys.stdout.isatty():
        if typer.confirm("You have no profile yet. Create one now?", default=True):
            from footprint.cli.commands.init import interactive_init

            return load_profile(interactive_init(default))
    raise UsageError("no profile: run 'footprint init', pass --profile FILE, or give "
                     "identifiers with --username/--email/--url/--domain")


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def scan(
        profile: opt.ProfileOpt = None,
        username: Annotated[list[str], typer.Option(
            "--username", "-u", metavar="NAME",
            help="A username of yours (repeatable).")] = [],  # noqa: B006
        email: Annotated[list[str], typer.Option(
            "--email", "-e", metavar="EMAIL",
            help="An email address of yours (repeatable).")] = [],  # noqa: B006
        url: Annotated[list[str], typer.Option(
            "--url", metavar="URL", help="A page about you (repeatable).")] = [],  # noqa: B006
        domain: Annotated[list[str], typer.Option(
            "--domain", metavar="DOMAIN",
            help="A domain of yours (repeatable).")] = [],  # noqa: B006
        only: opt.OnlyOpt = [],  # noqa: B006
        skip: opt.SkipOpt = [],  # noqa: B006
        enable: opt.EnableOpt = [],  # noqa: B006
        sites: Annotated[list[str], typer.Option(
            "--sites", metavar="FILE",
            help="Extra site catalogue in WhatsMyName format (repeatable): a "
                 "file, or 'whatsmyname' for the full bundled list.")] = [],  # noqa: B006
        only_sites: Annotated[bool, typer.Option(
            "--only-sites", help="Use only the --sites catalogues, not the bundled ones.")] = False,
        lang: opt.LangOpt = None,
        json_out: opt.JsonOpt = None,
        markdown_out: opt.MarkdownOpt = None,
        html_out: opt.HtmlOpt = None,
        fmt: opt.FormatOpt = [],  # noqa: B006
        output: opt.OutputOpt = [],  # noqa: B006
        present: opt.PresentOpt = False,
        brief: opt.BriefOpt = False,
        top: opt.TopOpt = 5,
        no_save: Annotated[bool, typer.Option(
            "--no-save", help="Do not keep this scan in your data folder (it is still "
                              "compared with the last saved one).")] = False,
        baseline: Annotated[Path | None, typer.Option(
            "--baseline", metavar="FILE", help="An earlier JSON report: show what changed since.",
            exists=True, dir_okay=False)] = None,
        fail_on: Annotated[str, typer.Option(
            "--fail-on", metavar="SEVERITY",
            help="Exit 1 when a finding is at or above this severity: "
                 "never, info, low, medium, high, critical.")] = "never",
        strict: Annotated[bool, typer.Option(
            "--strict", help="Exit 3 when a check could not decide (without it: exit 3 "
                             "only when the network was unusable).")] = False,
        config: opt.ConfigOpt = None,
        concurrency: Annotated[int | None, typer.Option(
            "--concurrency", metavar="N",
            min=1, max=1024, help="Checks in flight at once.")] = None,
        timeout: Annotated[float | None, typer.Option(
            "--timeout", metavar="SECONDS",
            min=0.5, max=3600, help="Seconds each check may take.")] = None,
        no_progress: Annotated[bool, typer.Option("--no-progress")] = False,
        evidence: Annotated[Path | None, typer.Option(
            "--evidence", metavar="DIR",
            help="Capture the pages behind high and critical findings as evidence into this "
                 "new folder (see 'footprint evidence').",
            file_okay=False)] = None,
        proxy: opt.ProxyOpt = None,
        no_proxy: opt.NoProxyOpt = False,
    ) -> None:
        """Scan your own footprint and show what was found, where, and what to do."""
        from footprint.cli.exports import files_only, plan
        from footprint.cli.setup import build_run, console_pair
        from footprint.config import config_path, load_settings

        if only_sites and not sites:
            raise UsageError("--only-sites needs at least one --sites FILE")
        severity = None if fail_on.lower() == "never" else _severity(fail_on)
        if evidence is not None:
            from footprint.evidence.run import check_new_folder

            check_new_folder(evidence)
        exports = files_only(plan(fmt, output, json=json_out, markdown=markdown_out,
                                  html=html_out))
        quick = bool(username or email or url or domain)
        person = _merge_flags(_profile(profile, quick), username, email, url, domain)
        out, err = console_pair()
        settings = load_settings(config_path(config))
        extra = {}
        if sites:
            configured = list(settings.checks.get("username", {}).get("catalogues", []))
            extra = {"username": {"catalogues": configured + sites,
                                  "only_catalogues": only_sites}}
        run, _ = build_run(person, config, only, skip, enable, extra, lang, concurrency,
                           timeout, err, progress=not no_progress, settings=settings,
                           proxy=proxy, no_proxy=no_proxy)
        from footprint.cli.pipeline import Outputs, execute
        from footprint.history import History

        outputs = Outputs(exports=exports, present=present,
                          baseline=baseline, fail_on=severity, strict=strict, brief=brief,
                          history=History.for_profile(person), save=not no_save,
                          keep=settings.keep_scans, top=top, evidence=evidence)
        raise typer.Exit(execute(run, person, outputs, out))


def _severity(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise UsageError(f"--fail-on {value!r}: use never, info, low, medium, high or "
                         "critical") from None
