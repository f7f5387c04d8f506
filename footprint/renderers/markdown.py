"""The report as a markdown checklist: ``- [ ]`` items by priority, quick wins first.

Everything that comes from a report is untrusted: it is cleaned, then every markdown
control character is backslash-escaped and URL-looking text is defanged, so no text from a
web page can become a link, an image, HTML or formatting. The only links are http(s) URLs
(evidence and remediation links), percent-encoded so they cannot break out.
"""

from __future__ import annotations

from footprint.http.route_note import route_notes
from footprint.i18n import t as w
from footprint.models import Finding, FindingKind, Lang, Report
from footprint.renderers import common
from footprint.renderers.markdown_text import code, esc
from footprint.renderers.plan_markdown import opening
from footprint.renderers.texts import EFFORT, SEVERITY, STATUS, SUPPRESSION_REASON, t


def link(url: str | None, label: str | None = None) -> str | None:
    """A link to a http(s) URL (percent-encoded); None for anything else."""
    target = common.safe_url(url)
    if target is None:
        return None
    return f"[{esc(label)}]({target})" if label else f"<{target}>"


def finding_item(f: Finding, lang: Lang, *, with_effort: bool = True,
                 box: bool = True) -> list[str]:
    """One finding as a checklist item with evidence, steps and links under it (without a
    box in the details under the plan: the plan's actions are what get ticked off)."""
    head = f"- [ ] **{esc(f.title.get(lang))}**" if box else f"- **{esc(f.title.get(lang))}**"
    subject = common.subject_text(f.subject, lang)
    if subject:
        head += f" ({esc(subject)})"
    lines = [f"{head} {code(f.id)}"]
    ev = f.evidence
    if ev.url:
        lines.append(f"  - {t('where', lang)}: {link(ev.url) or esc(ev.url)}")
    if ev.excerpt:
        lines.append(f"  - {t('excerpt', lang)}: “{esc(ev.excerpt, limit=300)}”")
    if ev.matched:
        lines.append(f"  - {t('matched', lang)}: {esc(common.matched_text(ev, lang))}")
    if f.detail:
        lines.append(f"  - {t('about', lang)}: {esc(f.detail.get(lang), limit=1000)}")
    rem = f.remediation
    what = f"  - {t('what_to_do', lang)}"
    if with_effort:
        what += f" ({t('effort', lang)}: {EFFORT[rem.effort].get(lang)})"
    lines.append(f"{what}: {esc(rem.summary.get(lang), limit=1000)}")
    lines += [f"    {n}. {esc(step.get(lang), limit=1000)}"
              for n, step in enumerate(rem.steps, 1)]
    links = [x for x in (link(ln.url, ln.label.get(lang)) for ln in rem.links) if x]
    if links:
        lines.append(f"  - {t('links', lang)}: " + " · ".join(links))
    return lines


def _header(report: Report, lang: Lang) -> list[str]:
    lines = [f"# {t('title', lang)}", "",
             t("generated", lang, when=esc(common.when(report), mid_line=True),
               version=esc(report.tool_version, mid_line=True))]
    if report.interrupted:
        lines += ["", f"> **{t('interrupted', lang)}**"]
    if report.masked:
        lines += ["", f"> {t('masked', lang)}"]
    return lines


def _todo(report: Report, lang: Lang) -> list[str]:
    lines = ["", f"## {w('plan.details', lang)}: {t('todo', lang).lower()}", ""]
    groups = common.priority_groups(report)
    if not groups:
        return [*lines, t("no_todo", lang)]
    lines.append(t("todo_hint", lang))
    for severity, findings in groups:
        lines += ["", f"### {t('priority', lang, level=SEVERITY[severity].get(lang))}", ""]
        for f in findings:
            lines += finding_item(f, lang, box=False)
    return lines


def guided_section(findings: list[Finding], lang: Lang, *, box: bool = True) -> list[str]:
    if not findings:
        return []
    lines = ["", f"## {t('guided', lang)}", "", t("guided_hint", lang), ""]
    for f in findings:
        lines += finding_item(f, lang, box=box)
    return lines


def _good(report: Report, lang: Lang) -> list[str]:
    good = common.of_kind(report.findings, FindingKind.GOOD)
    if not good:
        return []
    lines = ["", f"## {t('good', lang)}", ""]
    for f in good:
        line = f"- {esc(f.title.get(lang))}"
        if f.detail:
            line += f": {esc(f.detail.get(lang))}"
        lines.append(line)
    return lines


def _undecided(report: Report, lang: Lang) -> list[str]:
    results = common.undecided(report)
    if not results:
        return []
    titles = common.check_titles(report, lang)
    lines = ["", f"## {t('undecided', lang)}", "", t("undecided_hint", lang), ""]
    for r in results:
        name = titles.get(r.check_id) or r.check_id
        line = f"- **{esc(name)}** ({code(r.check_id)}"
        subject = common.subject_text(r.subject, lang)
        line += f", {esc(subject)})" if subject else ")"
        line += f": {STATUS[r.status].get(lang)}"
        if r.reason:
            line += f": {esc(r.reason.get(lang))}"
        lines.append(line)
    return lines


def _suppressed(report: Report, lang: Lang) -> list[str]:
    if not report.suppressed:
        return []
    lines = ["", f"## {t('suppressed', lang)}", "",
             t("suppressed_count", lang, n=len(report.suppressed)), ""]
    for s in sorted(report.suppressed, key=lambda s: s.finding.id):
        why = SUPPRESSION_REASON.get(s.reason)
        line = (f"- {code(s.finding.id)} {esc(s.finding.title.get(lang))}: "
                f"{why.get(lang) if why else esc(s.reason)}")
        if s.note:
            line += f" ({esc(s.note)})"
        if s.date:
            line += f", {esc(s.date)}"
        lines.append(line)
    return lines


def sent_section(report: Report, lang: Lang) -> list[str]:
    lines = ["", f"## {t('sent', lang)}", "", t("private_note", lang)]
    for note in route_notes(report.proxy, report.dns_direct):
        lines += ["", esc(note.get(lang))]
    declared = common.declared(report)
    if declared:
        lines += ["", f"### {t('declared', lang)}", ""]
        for c in declared:
            for d in c.disclosures:
                lines.append(f"- {code(c.id)} → {esc(d.host)}: {esc(d.sends.get(lang))}")
    if report.contacts:
        lines += ["", f"### {t('contacted', lang)}", ""]
        for contact in report.contacts:
            lines.append(f"- {esc(contact.host)} ({code(contact.check_id)}): "
                         f"{t('requests', lang, n=contact.requests)}")
    elif not declared:
        lines += ["", t("nothing_sent", lang)]
    return lines


def render(report: Report, lang: Lang = "en") -> str:
    guided = common.of_kind(report.findings, FindingKind.MANUAL)
    parts = [
        _header(report, lang), opening(report, lang), _todo(report, lang),
        guided_section(guided, lang, box=False), _undecided(report, lang), _good(report, lang),
        _suppressed(report, lang), sent_section(report, lang),
    ]
    return "\n".join(line for part in parts for line in part).rstrip() + "\n"
