"""The first page of the HTML report: verdict, counts and the plan with boxes to tick."""

from __future__ import annotations

from footprint.actions import Action
from footprint.i18n import t as w
from footprint.models import Lang, Report, Status
from footprint.plan import (
    Plan,
    build_plan,
    day,
    facts_text,
    fixes_text,
    still_there_text,
    verdict,
    where,
)
from footprint.renderers.common import h, summary_rows
from footprint.renderers.texts import EFFORT, SEVERITY, STATUS, t

# the plan is the first printed page; the details start on the next
STYLE = (".plan-end{break-after:page;page-break-after:always;margin:0}"
         ".incomplete{background:#fde2e1;border-left:4px solid #c0392b;padding:.5rem .8rem}"
         ".still{display:block;color:#c0392b;font-weight:600}"
         ".facts{display:block;color:#555;font-size:.9em}")


def _item(action: Action, lang: Lang, plan: Plan) -> str:
    host = where(action, plan)
    notes = [STATUS[Status.MANUAL].get(lang) if action.guided else "",  # one pair of brackets
             h(host) if host else "", f"{t('effort', lang)}: {EFFORT[action.effort].get(lang)}"]
    parts = [f'<li><span class="box"></span><span class="sev sev-{action.severity.label}">'
             f"{SEVERITY[action.severity].get(lang)}</span> "
             f"<strong>{h(action.title.get(lang))}</strong> "
             f"({'; '.join(n for n in notes if n)}) "
             f'<span class="id">{h(action.id)}</span>']
    still = still_there_text(action, lang)
    if still:
        parts.append(f'<span class="still">{h(still)}</span>')
    for note in (fixes_text(action, lang), facts_text(action, lang)):
        if note:
            parts.append(f'<span class="facts">{h(note, limit=1500)}</span>')
    return "".join(parts) + "</li>"


def opening(report: Report, lang: Lang) -> str:
    v = verdict(report, lang)
    plan = build_plan(report)
    out = []
    if v.incomplete:
        out.append(f'<p class="incomplete"><strong>{w("plan.incomplete", lang)}</strong>: '
                   f"{h(v.incomplete)}</p>")
    level = (f'<span class="sev sev-{v.worst.label}">{SEVERITY[v.worst].get(lang)}</span> '
             if v.worst is not None else "")
    rows = [f"<li>{w('plan.verdict', lang)}: {level}<strong>{h(v.text)}</strong></li>"]
    rows += [f"<li>{h(label)}: {h(value)}</li>"
             for label, value in summary_rows(report, plan, lang)]
    out.append(f"<h2>{t('summary', lang)}</h2><ul>{''.join(rows)}</ul>")
    out.append(f"<h2>{w('plan.first', lang)}</h2>")
    if not plan.open:
        out.append(f"<p>{w('plan.none', lang)}</p>")
    else:
        out.append(f"<p>{w('plan.first_hint', lang)}</p>")
        out.append('<ul class="todo">' + "".join(_item(a, lang, plan) for a in plan.first)
                   + "</ul>")
    if plan.rest:
        out.append(f"<h2>{w('plan.rest', lang)}</h2>"
                   '<ul class="todo">' + "".join(_item(a, lang, plan) for a in plan.rest) + "</ul>")
    if plan.done:
        out.append(f"<h2>{w('plan.done_title', lang)}</h2><p>{w('plan.done_hint', lang)}</p>"
                   "<ul>" + "".join(
                       f"<li>✓ {h(a.title.get(lang))} "
                       f"({w('plan.done_item', lang, date=day(a.done or '', lang))}) "
                       f'<span class="id">{h(a.id)}</span></li>' for a in plan.done) + "</ul>")
    out.append('<p class="plan-end"></p>')
    return "".join(out)
