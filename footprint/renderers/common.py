"""What the exported formats share: the order of the to-do list and safe link targets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from urllib.parse import quote, urlsplit, urlunsplit

from footprint.i18n import subject_kind_name
from footprint.i18n import t as words_t
from footprint.models import (
    PROFILE_SUBJECT,
    CheckInfo,
    CheckResult,
    Evidence,
    Finding,
    FindingKind,
    Lang,
    Report,
    Severity,
    Subject,
)
from footprint.plan import Plan, actions_text, since_text
from footprint.textsafe import clean

# characters left as they are in a link target; everything else is percent-encoded, so a
# target can never close the markdown/HTML construct it sits in
_URL_SAFE = "/:?#@!$&*+,;=%-._~"


def safe_url(url: str | None) -> str | None:
    """A http(s) URL fit to be a link target, or None when it is anything else."""
    if not url:
        return None
    url = clean(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:  # the host as ASCII (IDNA); credentials are never kept in a link
        host = parts.hostname.encode("idna").decode("ascii")
        port = f":{parts.port}" if parts.port else ""
    except (UnicodeError, ValueError):
        return None
    if not re.fullmatch(r"[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\]", host if ":" not in host
                        else f"[{host}]"):
        return None
    netloc = (f"[{host}]" if ":" in host else host) + port
    rest = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return f"{parts.scheme.lower()}://{netloc}{quote(rest, safe=_URL_SAFE)}"


def matched_text(evidence: Evidence, lang: Lang) -> str:
    """What was found, by its human label in the report's language."""
    from footprint.matchkeys import labels_of

    return ", ".join(label.get(lang) for label in labels_of(evidence))


def _by_quickest(f: Finding) -> tuple[int, str, str, str]:
    return (f.remediation.effort.rank, f.check_id, str(f.subject), f.key)


def priority_groups(report: Report) -> list[tuple[Severity, list[Finding]]]:
    """Exposures grouped by severity (worst first); quick wins first within a group."""
    exposures = [f for f in report.findings if f.kind is FindingKind.EXPOSURE]
    groups = []
    for severity in sorted(Severity, reverse=True):
        members = sorted((f for f in exposures if f.severity is severity), key=_by_quickest)
        if members:
            groups.append((severity, members))
    return groups


def of_kind(findings: Iterable[Finding], kind: FindingKind) -> list[Finding]:
    return sorted((f for f in findings if f.kind is kind),
                  key=lambda f: (-f.severity, *_by_quickest(f)))


def undecided(report: Report) -> list[CheckResult]:
    return sorted(report.undecided, key=lambda r: (r.status.value, r.sort_key))


def subject_text(subject: Subject, lang: Lang, *, limit: int = 200) -> str | None:
    """The subject as shown next to a finding, its kind in words ("domein:
    devries-utrecht.nl"); None for the whole profile. Inert text, not yet escaped."""
    if subject == PROFILE_SUBJECT or not subject.value:
        return None
    kind = clean(subject_kind_name(subject.kind, lang), limit=60)
    return f"{kind}: {clean(subject.value, limit=limit)}"


def check_titles(report: Report, lang: Lang) -> dict[str, str]:
    return {c.id: clean(c.title.get(lang), limit=200) for c in report.checks}


def declared(report: Report) -> list[CheckInfo]:
    """Checks that ran in this report and declare sending something."""
    ran = {r.check_id for r in report.results}
    return [c for c in report.checks if c.id in ran and c.disclosures]


def when(report: Report) -> str:
    return report.started_at.strftime("%Y-%m-%d %H:%M %Z").strip()


def h(text: str | None, *, limit: int | None = 1000) -> str:
    """Untrusted text as inert HTML."""
    return escape(clean(text or "", limit=limit), quote=True)


def summary_rows(report: Report, plan: Plan, lang: Lang) -> list[tuple[str, str]]:
    """The summary's rows under the verdict, as (label, value) in footprint's own words:
    exposures by severity, checks by status, actions, the comparison with the last scan."""
    from footprint.renderers.texts import SEVERITY, STATUS, t

    rows: list[tuple[str, str]] = []
    sev = ", ".join(f"{SEVERITY[s].get(lang).lower()} {n}"
                    for s, n in sorted(report.counts_by_severity().items(), reverse=True) if n)
    if sev:
        rows.append((t("exposures", lang), sev))
    status = ", ".join(f"{STATUS[s].get(lang)} {n}"
                       for s, n in report.counts_by_status().items() if n)
    if status:
        rows.append((t("checks_run", lang), status))
    rows.append((words_t("plan.actions", lang), actions_text(plan, lang)))
    since = since_text(report, lang)
    if since is not None:
        rows.append(since)
    if report.suppressed:
        rows.append((t("suppressed", lang), str(len(report.suppressed))))
    return rows
