"""Hand-made reports for renderer, diff, present and summary tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from footprint.models import (
    PROFILE_SUBJECT,
    CheckInfo,
    CheckResult,
    Contact,
    Disclosure,
    Effort,
    Evidence,
    Finding,
    FindingKind,
    L10n,
    Link,
    Remediation,
    Report,
    Severity,
    Status,
    Subject,
    SuppressedFinding,
)

HOSTILE_TITLE = "<script>alert(1)</script> [bold red]x[/] **bold** [link](javascript:alert(1))"
STARTED = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
FINISHED = datetime(2026, 11, 28, 10, 0, 3, tzinfo=UTC)


def remediation(summary: str, *steps: str, effort: Effort = Effort.MINUTES,
                links: tuple[Link, ...] = ()) -> Remediation:
    return Remediation(
        summary=L10n(en=summary, nl=f"NL: {summary}"),
        steps=tuple(L10n(en=s, nl=f"NL: {s}") for s in steps),
        links=links,
        effort=effort,
    )


def finding(check_id: str, key: str, severity: Severity, title: str, *,
            subject: Subject = PROFILE_SUBJECT, kind: FindingKind = FindingKind.EXPOSURE,
            url: str | None = None, excerpt: str | None = None,
            effort: Effort = Effort.MINUTES, detail: str | None = None) -> Finding:
    return Finding(
        check_id=check_id,
        subject=subject,
        key=key,
        title=L10n(en=title, nl=f"NL: {title}"),
        severity=severity,
        remediation=remediation(f"Fix {key}", "First step", "Second step", effort=effort,
                                links=(Link("https://help.example/remove",
                                            L10n(en="How to", nl="Hoe")),)),
        evidence=Evidence(url=url, excerpt=excerpt, matched=("postcode",) if excerpt else ()),
        kind=kind,
        detail=L10n(en=detail, nl=f"NL: {detail}") if detail else None,
    )


EMAIL = Subject("email", "jan@devries-utrecht.nl")
USERNAME = Subject("username", "jdevries")

PAGE = finding("web.pages", "https://gemeente.example/raad/jan-de-vries#address",
               Severity.HIGH, "Your home address is on your council page",
               url="https://gemeente.example/raad/jan-de-vries",
               excerpt="Jan de Vries woont aan de ██████ ██, ████ ██ Utrecht",
               effort=Effort.HOURS)
KVK = finding("registers.kvk", "kvk:12345678", Severity.HIGH,
              "Your KvK registration shows your home address",
              url="https://www.kvk.nl/orderstraat/product-kiezen/?kvknummer=12345678",
              effort=Effort.MINUTES)
BREACH = finding("breach.hibp", "Adobe", Severity.MEDIUM,
                 "Your email address was in the Adobe breach", subject=EMAIL,
                 effort=Effort.MINUTES, detail="Passwords and hints were leaked in 2013.")
PROFILE_PAGE = finding("username.sites", "github", Severity.LOW,
                       "An account with your username exists on GitHub", subject=USERNAME,
                       url="https://github.com/jdevries")
GUIDE = finding("guides.photos", "photos", Severity.INFO,
                "Check photos of your house on Street View", kind=FindingKind.MANUAL,
                effort=Effort.MINUTES)
GOOD = finding("registers.brp", "shielded", Severity.INFO,
               "Your address is shielded in the BRP", kind=FindingKind.GOOD)
HOSTILE = finding("web.pages", "https://evil.example/page", Severity.MEDIUM, HOSTILE_TITLE,
                  url="javascript:alert(document.cookie)",
                  excerpt='"><img src=x onerror=alert(1)> \x1b]8;;https://evil.example\x1b\\'
                          "click\x1b]8;;\x1b\\ www.evil.example https://evil.example/x)",
                  detail="<iframe src=https://evil.example></iframe> `code` | table |")

CHECKS = (
    CheckInfo("breach.hibp", L10n(en="Breached email addresses", nl="Gelekte e-mailadressen"),
              ("email",), (Disclosure("haveibeenpwned.com",
                                      L10n(en="your email address", nl="je e-mailadres")),),
              ("HIBP_API_KEY",), "footprint:builtin"),
    CheckInfo("dns.email", L10n(en="Email security of your domain",
                                nl="E-mailbeveiliging van je domein"),
              ("domain",), (), (), "footprint:builtin"),
    CheckInfo("guides.photos", L10n(en="Photos of your house", nl="Foto's van je huis"),
              (), (), (), "footprint:builtin"),
    CheckInfo("registers.brp", L10n(en="BRP shielding", nl="Afscherming BRP"),
              (), (), (), "footprint:builtin"),
    CheckInfo("registers.kvk", L10n(en="KvK register", nl="KvK-register"), ("kvk",),
              (Disclosure("www.kvk.nl", L10n(en="your KvK number", nl="je KvK-nummer")),),
              (), "footprint:builtin"),
    CheckInfo("username.sites", L10n(en="Usernames on sites", nl="Gebruikersnamen op sites"),
              ("username",), (Disclosure("github.com", L10n(en="your username",
                                                            nl="je gebruikersnaam")),),
              (), "footprint:builtin"),
    CheckInfo("web.pages", L10n(en="Your own pages", nl="Je eigen pagina's"), ("url",),
              (Disclosure("gemeente.example", L10n(en="a request for the page",
                                                   nl="een verzoek om de pagina")),),
              (), "footprint:builtin"),
)


def result(check_id: str, status: Status, *findings: Finding,
           subject: Subject = PROFILE_SUBJECT, reason: str | None = None) -> CheckResult:
    return CheckResult(check_id, subject, status, tuple(findings),
                       L10n(en=reason, nl=f"NL: {reason}") if reason else None, 0.25)


def sample_report(**changes: object) -> Report:
    """A scan with findings in several severities, a guided step, good news, every
    undecided status and one suppressed finding."""
    report = Report(
        results=(
            result("breach.hibp", Status.EXPOSED, BREACH, subject=EMAIL),
            result("dns.email", Status.TIMEOUT, subject=Subject("domain", "devries-utrecht.nl"),
                   reason="no answer within 10 s"),
            result("guides.photos", Status.MANUAL, GUIDE),
            result("registers.brp", Status.CLEAR, GOOD),
            result("registers.kvk", Status.EXPOSED, KVK, subject=Subject("kvk", "12345678")),
            result("username.sites", Status.EXPOSED, PROFILE_PAGE, subject=USERNAME),
            result("username.twitter", Status.INCONCLUSIVE, subject=USERNAME,
                   reason="the site answered with a login wall"),
            result("username.zzz", Status.SKIPPED, subject=USERNAME,
                   reason="needs ZZZ_API_KEY"),
            result("web.pages", Status.EXPOSED, PAGE,
                   subject=Subject("url", "https://gemeente.example/raad/jan-de-vries")),
            result("web.zzz", Status.ERROR, reason="network error (ConnectError)"),
        ),
        started_at=STARTED,
        finished_at=FINISHED,
        tool_version="0.1.0",
        checks=CHECKS,
        contacts=(Contact("breach.hibp", "haveibeenpwned.com", 1),
                  Contact("web.pages", "gemeente.example", 2)),
        lang="en",
        suppressed=(SuppressedFinding(
            finding("web.pages", "https://gemeente.example/contact", Severity.LOW,
                    "A phone number on the contact page"),
            reason="intentionally-public", note="official council number",
            date="2026-11-20"),),
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def hostile_report() -> Report:
    return sample_report(results=(result("web.pages", Status.EXPOSED, HOSTILE),
                                  result("web.zzz", Status.ERROR,
                                         reason="<b>bad</b> [red]x[/red] \x1b[31mred")))
