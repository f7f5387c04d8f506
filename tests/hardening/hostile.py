"""A report whose every untrusted string is hostile, and a benign twin to compare with."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from footprint.models import (
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

# Everything a page, an API or a profile could throw at a renderer.
HOSTILE = (
    "[bold]B[/bold] [link=https://evil.example/x]rich-link[/link] [/] "
    "\x1b[31mred\x1b[0m \x1b]0;pwned-title\x07 \x1b]2;title-st\x1b\\ "
    "\x1b]8;;https://evil.example/osc8\x1b\\osc8-link\x1b]8;;\x1b\\ "
    "\x1b[2J\x1b[H\x1b[5A\x1b[10;10H\x1b7\x1b8\x1bc \x9b31m \x1bP1$qm\x1b\\ "
    "\u202eevil\u202c \x07\x08\r\x00 "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> "
    "<a href=\"javascript:alert(1)\">js-a</a> <iframe src=//evil.example></iframe> "
    "[md-link](javascript:alert(1)) [md-http](https://evil.example/md) "
    "![md-img](https://evil.example/t.png) <https://evil.example/auto> "
    "www.evil.example https://evil.example/bare **strong** _em_ `code` ~~del~~ | a | b | "
    "&lt;b&gt; &amp; {{7*7}} ${7*7} %s %(x)s {0}\n# heading\n- list\n1. item\n> quote\n---"
)
HOSTILE_URLS = (
    "javascript:alert(document.cookie)",
    "https://evil.example/\"><script>alert(1)</script>",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/a)[x](javascript:alert(1)",
    "https://user:pass@evil.example/\x1b]8;;x\x07",
    "vbscript:msgbox(1)",
    " JaVaScRiPt:alert(1)",
)
# Literal pieces that must show up as text, proving it was shown rather than dropped or run.
LITERALS = ("[bold]", "[link=", "<script>", "javascript:")

_MARKER = "HOSTILE"


def _l(text: str) -> L10n:
    return L10n(en=text, nl=text)


def _finding(n: int, text: str, url: str, kind: FindingKind = FindingKind.EXPOSURE,
             check_id: str = "hostile.page") -> Finding:
    return Finding(
        check_id=check_id, subject=Subject("username", text[:60] + str(n)), key=f"k{n}",
        title=_l(text), severity=Severity(n % 5), kind=kind, detail=_l(text),
        remediation=Remediation(
            summary=_l(text), steps=(_l(text), _l(text)),
            links=(Link(url, _l(text)), Link("https://example.org/help", _l(text))),
            effort=list(Effort)[n % 4]),
        evidence=Evidence(url=url, excerpt=text, matched=(text, "home postcode")),
    )


def hostile_report(text: str = HOSTILE, urls: tuple[str, ...] = HOSTILE_URLS,
                   lang: str = "en") -> Report:
    findings = [_finding(i, text, url) for i, url in enumerate(urls)]
    findings.append(_finding(90, text, urls[0], FindingKind.MANUAL, "hostile.guide"))
    findings.append(_finding(91, text, urls[1], FindingKind.GOOD, "hostile.good"))
    results = [
        CheckResult("hostile.page", f.subject, Status.EXPOSED, (f,), None, 0.1)
        for f in findings[:-2]
    ]
    results += [
        CheckResult("hostile.guide", findings[-2].subject, Status.MANUAL, (findings[-2],)),
        CheckResult("hostile.good", findings[-1].subject, Status.CLEAR, (findings[-1],)),
    ]
    for i, status in enumerate((Status.ERROR, Status.INCONCLUSIVE, Status.TIMEOUT,
                                Status.SKIPPED)):
        results.append(CheckResult(f"hostile.undecided-{i}", Subject("url", text[:80]), status,
                                   (), _l(text)))
    checks = tuple(
        CheckInfo(id=cid, title=_l(text), inputs=("username",),
                  disclosures=(Disclosure(text[:40], _l(text)),), secrets=(), origin=text)
        for cid in sorted({r.check_id for r in results}))
    suppressed = (SuppressedFinding(_finding(99, text, urls[0]), "not-me", note=text,
                                    date="2026-01-01"),)
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    return Report(results=tuple(results), started_at=now, finished_at=now,
                  tool_version="0.1.0", checks=checks,
                  contacts=tuple(Contact(c.id, text[:50], 3) for c in checks),
                  lang=lang,  # type: ignore[arg-type]
                  suppressed=suppressed)


def benign_report(lang: str = "en") -> Report:
    """The same report (same URLs) with every hostile text replaced by plain words."""
    return hostile_report("plain words " * 20, HOSTILE_URLS, lang)


def with_lang(report: Report, lang: str) -> Report:
    return replace(report, lang=lang)  # type: ignore[arg-type]
