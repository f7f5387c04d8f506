"""The report as one self-contained, printable HTML page.

No scripts, no external assets (the style is inline and pinned by hash in the page's
Content-Security-Policy), every string from the report cleaned and HTML-escaped, and links
only to http(s) URLs.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from footprint.http.route_note import route_notes
from footprint.i18n import t as w
from footprint.models import Finding, FindingKind, Lang, Report
from footprint.renderers import common
from footprint.renderers.common import h
from footprint.renderers.plan_html import STYLE as PLAN_STYLE
from footprint.renderers.plan_html import opening
from footprint.renderers.texts import EFFORT, SEVERITY, STATUS, SUPPRESSION_REASON, t

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.note{background:#fff4d6;border-left:4px solid #e0a800;padding:.5rem .8rem}
ul.todo{list-style:none;padding-left:0}
ul.todo>li{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0;
page-break-inside:avoid;break-inside:avoid}
.box{display:inline-block;width:.9rem;height:.9rem;border:2px solid #333;border-radius:2px;
margin-right:.5rem;vertical-align:-2px}
.sev{font-size:.8rem;font-weight:600;padding:.05rem .4rem;border-radius:3px;color:#fff}
.sev-critical{background:#7a0010}.sev-high{background:#c0392b}.sev-medium{background:#d35400}
.sev-low{background:#2c6e9b}.sev-info{background:#666}
.id,code{font-family:ui-monospace,monospace;font-size:.85em;color:#555}
.excerpt{font-family:ui-monospace,monospace;background:#f4f4f4;padding:.1rem .3rem;
word-break:break-word}
a{color:#0b5394;word-break:break-all}
@media print{body{margin:0;max-width:none}a{color:#000}h2{break-after:avoid}}
""".strip() + "\n" + PLAN_STYLE


def _csp(style: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def a(url: str | None, label: str | None = None) -> str | None:
    target = common.safe_url(url)
    if target is None:
        return None
    return (f'<a href="{escape(target, quote=True)}" rel="noreferrer noopener">'
            f"{h(label or target)}</a>")


def finding_item(f: Finding, lang: Lang) -> str:
    sev = f.severity.label
    parts = [f'<li><span class="box"></span><span class="sev sev-{sev}">'
             f"{SEVERITY[f.severity].get(lang)}</span> <strong>{h(f.title.get(lang))}</strong>"]
    subject = common.subject_text(f.subject, lang)
    if subject:
        parts.append(f" ({h(subject)})")
    parts.append(f' <span class="id">{h(f.id)}</span><ul>')
    ev = f.evidence
    if ev.url:
        parts.append(f"<li>{t('where', lang)}: {a(ev.url) or h(ev.url)}</li>")
    if ev.excerpt:
        parts.append(f'<li>{t("excerpt", lang)}: <span class="excerpt">'
                     f"{h(ev.excerpt, limit=300)}</span></li>")
    if ev.matched:
        parts.append(f"<li>{t('matched', lang)}: {h(common.matched_text(ev, lang))}</li>")
    if f.detail:
        parts.append(f"<li>{t('about', lang)}: {h(f.detail.get(lang))}</li>")
    rem = f.remediation
    parts.append(f"<li>{t('what_to_do', lang)} ({t('effort', lang)}: "
                 f"{EFFORT[rem.effort].get(lang)}): {h(rem.summary.get(lang))}")
    if rem.steps:
        parts.append("<ol>" + "".join(f"<li>{h(s.get(lang))}</li>" for s in rem.steps)
                     + "</ol>")
    parts.append("</li>")
    links = [x for x in (a(ln.url, ln.label.get(lang)) for ln in rem.links) if x]
    if links:
        parts.append(f"<li>{t('links', lang)}: " + " · ".join(links) + "</li>")
    parts.append("</ul></li>")
    return "".join(parts)


def todo_list(findings: list[Finding], lang: Lang) -> str:
    return '<ul class="todo">' + "".join(finding_item(f, lang) for f in findings) + "</ul>"


def _todo(report: Report, lang: Lang) -> str:
    out = [f"<h2>{w('plan.details', lang)}: {t('todo', lang).lower()}</h2>"]
    groups = common.priority_groups(report)
    if not groups:
        return out[0] + f"<p>{t('no_todo', lang)}</p>"
    out.append(f"<p>{t('todo_hint', lang)}</p>")
    for severity, findings in groups:
        out.append(f"<h3>{t('priority', lang, level=SEVERITY[severity].get(lang))}</h3>")
        out.append(todo_list(findings, lang))
    return "".join(out)


def guided_section(findings: list[Finding], lang: Lang) -> str:
    if not findings:
        return ""
    return (f"<h2>{t('guided', lang)}</h2><p>{t('guided_hint', lang)}</p>"
            + todo_list(findings, lang))


def _rest(report: Report, lang: Lang) -> str:
    out = []
    results = common.undecided(report)
    if results:
        titles = common.check_titles(report, lang)
        items = []
        for r in results:
            subject = common.subject_text(r.subject, lang)
            line = (f"<li><strong>{h(titles.get(r.check_id) or r.check_id)}</strong> "
                    f"<code>{h(r.check_id)}</code>" + (f" ({h(subject)})" if subject else "")
                    + f": {STATUS[r.status].get(lang)}")
            if r.reason:
                line += f": {h(r.reason.get(lang))}"
            items.append(line + "</li>")
        out.append(f"<h2>{t('undecided', lang)}</h2><p>{t('undecided_hint', lang)}</p>"
                   f"<ul>{''.join(items)}</ul>")
    good = common.of_kind(report.findings, FindingKind.GOOD)
    if good:
        out.append(f"<h2>{t('good', lang)}</h2><ul>" + "".join(
            f"<li>{h(f.title.get(lang))}" + (f": {h(f.detail.get(lang))}" if f.detail else "")
            + "</li>" for f in good) + "</ul>")
    if report.suppressed:
        items = []
        for s in sorted(report.suppressed, key=lambda s: s.finding.id):
            why = SUPPRESSION_REASON.get(s.reason)
            items.append(f'<li><span class="id">{h(s.finding.id)}</span> '
                         f"{h(s.finding.title.get(lang))}: "
                         f"{why.get(lang) if why else h(s.reason)}"
                         + (f" ({h(s.note)})" if s.note else "")
                         + (f", {h(s.date)}" if s.date else "") + "</li>")
        out.append(f"<h2>{t('suppressed', lang)}</h2>"
                   f"<p>{t('suppressed_count', lang, n=len(report.suppressed))}</p>"
                   f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def sent_section(report: Report, lang: Lang) -> str:
    out = [f"<h2>{t('sent', lang)}</h2><p>{t('private_note', lang)}</p>"]
    out += [f"<p>{h(note.get(lang))}</p>"
            for note in route_notes(report.proxy, report.dns_direct)]
    declared = common.declared(report)
    if declared:
        out.append(f"<h3>{t('declared', lang)}</h3><ul>" + "".join(
            f"<li><code>{h(c.id)}</code> → {h(d.host)}: {h(d.sends.get(lang))}</li>"
            for c in declared for d in c.disclosures) + "</ul>")
    if report.contacts:
        out.append(f"<h3>{t('contacted', lang)}</h3><ul>" + "".join(
            f"<li>{h(c.host)} (<code>{h(c.check_id)}</code>): "
            f"{t('requests', lang, n=c.requests)}</li>" for c in report.contacts) + "</ul>")
    elif not declared:
        out.append(f"<p>{t('nothing_sent', lang)}</p>")
    return "".join(out)


def page(title: str, body: str, lang: Lang) -> str:
    """A complete document around ``body`` (already escaped HTML)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(STYLE)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{h(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def render(report: Report, lang: Lang = "en") -> str:
    head = [f"<h1>{t('title', lang)}</h1>",
            "<p>" + t("generated", lang, when=h(common.when(report)),
                      version=h(report.tool_version)) + "</p>"]
    if report.interrupted:
        head.append(f'<p class="note"><strong>{t("interrupted", lang)}</strong></p>')
    if report.masked:
        head.append(f'<p class="note">{t("masked", lang)}</p>')
    guided = common.of_kind(report.findings, FindingKind.MANUAL)
    body = "\n".join([*head, opening(report, lang), _todo(report, lang),
                      guided_section(guided, lang), _rest(report, lang),
                      sent_section(report, lang)])
    return page(t("title", lang), body, lang)
