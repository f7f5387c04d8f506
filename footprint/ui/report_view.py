"""The terminal report. Untrusted text only ever enters Rich as plain ``Text``, cleaned."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from footprint.http.route_note import route_notes
from footprint.i18n import effort_name, severity_name, status_name, t
from footprint.models import Finding, FindingKind, Lang, Report, Severity, Status
from footprint.renderers.common import subject_text
from footprint.textsafe import clean
from footprint.ui.styles import SEVERITY_STYLE


def plain(text: str | None, limit: int | None = 400) -> Text:
    """Untrusted text as inert Rich text: no markup, no escape sequences."""
    return Text(clean(text or "", limit=limit))


def severity_badge(severity: Severity, lang: Lang) -> Text:
    return Text(f" {severity_name(severity, lang).upper()} ", style=SEVERITY_STYLE[severity])


def render_report(console: Console, report: Report, *, brief: bool = False) -> None:
    """The verdict and the plan first, then the details; ``brief`` gives the plan with one
    line per action (for a projector), with the ids to look them up in the exports."""
    from footprint.plan import build_plan
    from footprint.ui.plan_view import render_plan

    lang = report.lang
    console.print(_header(report))
    render_plan(console, report, build_plan(report), brief=brief)
    exposures = [f for f in report.findings if f.kind is FindingKind.EXPOSURE]
    if not brief:
        console.rule(Text(t("screen.findings", lang), style="bold"))
    if not exposures and not brief:
        console.print(Text(t("report.no_todo", lang), style="green"))
    for finding in exposures if not brief else ():
        console.print(finding_panel(finding, lang))
    manual = [f for f in report.findings if f.kind is FindingKind.MANUAL]
    if manual and not brief:
        console.rule(Text(t("report.guided", lang), style="bold"))
        for finding in manual:
            console.print(finding_panel(finding, lang))
    good = [f for f in report.findings if f.kind is FindingKind.GOOD]
    if good:
        console.rule(Text(t("report.good", lang), style="bold green"))
        for finding in good:
            line = Text("✓ ", style="green") + plain(finding.title.get(lang))
            if finding.evidence.url:
                line += Text("  ") + plain(finding.evidence.url, 200)
            console.print(line)
    if report.undecided:
        console.rule(Text(t("report.undecided", lang), style="bold yellow"))
        console.print(Text(t("report.undecided_hint", lang), style="yellow"))
        console.print(_undecided_table(report))
    console.rule(Text(t("report.sent", lang), style="bold"))
    console.print(Text(t("report.private_note", lang), style="dim"))
    for note in route_notes(report.proxy, report.dns_direct):
        console.print(plain(note.get(lang), 600))
    console.print(_sent_table(report))


def _header(report: Report) -> RenderableType:
    lang = report.lang
    lines = [Text(t("screen.title", lang), style="bold"),
             Text(f"{report.started_at:%Y-%m-%d %H:%M} UTC · footprint {report.tool_version}",
                  style="dim")]
    if report.interrupted:
        lines.append(Text(t("report.interrupted", lang), style="bold red"))
    if report.masked:
        lines.append(Text(t("report.masked", lang), style="bold magenta"))
    return Panel(Group(*lines), expand=False)


def finding_panel(finding: Finding, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = []
    meta = Text(f"{finding.check_id} · ", style="dim")
    subject = subject_text(finding.subject, lang, limit=120)
    if subject:
        meta += plain(subject) + Text(" · ", style="dim")
    meta += Text(f"{t('report.id', lang)} {finding.id}", style="dim")
    parts.append(meta)
    if finding.detail is not None:
        parts.append(plain(finding.detail.get(lang), 600))
    if finding.evidence.url:
        parts.append(Text(f"{t('report.where', lang)}: ", style="bold")
                     + plain(finding.evidence.url, 300))
    if finding.evidence.excerpt:
        parts.append(Text(f"{t('report.excerpt', lang)}: ", style="bold")
                     + plain(f"“{finding.evidence.excerpt}”", 400))
    rem = finding.remediation
    parts.append(Text(f"{t('report.what_to_do', lang)}: ", style="bold green")
                 + plain(rem.summary.get(lang), 600))
    parts.extend(_numbered(step.get(lang) for step in rem.steps))
    for link in rem.links:
        parts.append(Text("  → ", style="blue") + plain(link.label.get(lang), 120)
                     + Text(": ") + plain(link.url, 300))
    parts.append(Text(f"{t('report.effort', lang)}: {effort_name(rem.effort, lang)}",
                      style="dim"))
    title = severity_badge(finding.severity, lang) + Text(" ") + plain(
        finding.title.get(lang), 200)
    return Panel(Group(*parts), title=title, title_align="left",
                 border_style=SEVERITY_STYLE[finding.severity].replace("bold ", ""))


def _numbered(steps: Iterable[str]) -> list[Text]:
    return [Text(f"  {i}. ") + plain(step, 600) for i, step in enumerate(steps, 1)]


def _undecided_table(report: Report) -> Table:
    """One row per check, status and reason: four handles on one site make one row."""
    lang = report.lang
    groups: dict[tuple[str, str, str], list[str]] = {}
    for result in report.undecided:
        reason = result.reason.get(lang) if result.reason else ""
        subject = subject_text(result.subject, lang) or ""
        groups.setdefault((result.check_id, result.status.value, reason), []).append(subject)
    table = Table(show_edge=False, header_style="bold")
    for key in ("col.check", "col.subject", "col.status", "col.reason"):
        table.add_column(t(key, lang))
    for (check_id, status, reason), subjects in groups.items():
        about = ", ".join(s for s in subjects if s) or "—"
        style = "dim" if status == Status.SKIPPED else "yellow"
        table.add_row(plain(check_id), plain(about, 160),
                      Text(status_name(Status(status), lang), style=style), plain(reason, 300))
    return table


def _sent_table(report: Report) -> Table:
    """One row per family and kind of disclosure, so 200 site checks do not make 200 rows."""
    lang = report.lang
    ran = {r.check_id for r in report.results}
    contacted: dict[str, dict[str, int]] = {}
    for contact in report.contacts:
        contacted.setdefault(contact.check_id, {})[contact.host] = contact.requests
    rows: dict[tuple[str, tuple[str, ...]], tuple[list[str], set[str], dict[str, int]]] = {}
    for info in report.checks:
        if info.id not in ran:
            continue
        sends = tuple(sorted({d.sends.get(lang) for d in info.disclosures}))
        ids, declared, hosts = rows.setdefault((info.id.split(".")[0], sends), ([], set(), {}))
        ids.append(info.id)
        declared.update(d.host for d in info.disclosures)
        for host, n in contacted.get(info.id, {}).items():
            hosts[host] = hosts.get(host, 0) + n
    table = Table(show_edge=False, header_style="bold")
    for key in ("col.check", "col.host", "col.sends"):
        table.add_column(t(key, lang))
    for (family, sends), (ids, declared, hosts) in rows.items():
        who = ids[0] if len(ids) == 1 else f"{family}.* ({len(ids)})"
        table.add_row(plain(who), plain(_hosts(declared, hosts, lang), 300),
                      plain("; ".join(sends) or "—", 400))
    return table


def _hosts(declared: set[str], contacted: dict[str, int], lang: Lang) -> str:
    requests = t("report.requests", lang, n=sum(contacted.values()))
    if len(declared) > 3:
        return f"{len(declared)} hosts · {requests}"
    return f"{', '.join(sorted(declared)) or '—'} · {requests}"
