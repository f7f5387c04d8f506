"""The opening of the markdown checklist: verdict, counts and the plan with checkboxes."""

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
from footprint.renderers.common import summary_rows
from footprint.renderers.markdown_text import code, esc
from footprint.renderers.texts import EFFORT, SEVERITY, STATUS, t


def _item(action: Action, lang: Lang, plan: Plan) -> list[str]:
    host = where(action, plan)
    notes = [STATUS[Status.MANUAL].get(lang) if action.guided else "",  # one pair of brackets
             esc(host, mid_line=True) if host else "",
             f"{t('effort', lang)}: {EFFORT[action.effort].get(lang)}"]
    lines = [f"- [ ] **{SEVERITY[action.severity].get(lang)}**: "
             f"{esc(action.title.get(lang), mid_line=True)} "
             f"({'; '.join(n for n in notes if n)}) {code(action.id)}"]
    still = still_there_text(action, lang)
    if still:
        lines.append(f"  - **{esc(still, mid_line=True)}**")
    for note in (fixes_text(action, lang), facts_text(action, lang)):
        if note:
            lines.append(f"  - {esc(note, limit=1500, mid_line=True)}")
    return lines


def opening(report: Report, lang: Lang) -> list[str]:
    """Summary and plan: what every markdown report starts with, before the details."""
    v = verdict(report, lang)
    plan = build_plan(report)
    lines: list[str] = []
    if v.incomplete:
        lines += ["", f"> **{w('plan.incomplete', lang)}**: {v.incomplete}"]
    level = f"**{SEVERITY[v.worst].get(lang)}**" if v.worst is not None else ""
    shown = "; ".join(x for x in (level, v.text) if x)  # own words and numbers only
    lines += ["", f"## {t('summary', lang)}", "", f"- {w('plan.verdict', lang)}: {shown}"]
    lines += [f"- {label}: {value}" for label, value in summary_rows(report, plan, lang)]
    lines += ["", f"## {w('plan.first', lang)}", ""]
    if not plan.open:
        return [*lines, w("plan.none", lang)]
    lines += [w("plan.first_hint", lang), ""]
    for action in plan.first:
        lines += _item(action, lang, plan)
    if plan.rest:
        lines += ["", f"## {w('plan.rest', lang)}", ""]
        for action in plan.rest:
            lines += _item(action, lang, plan)
    if plan.done:
        lines += ["", f"## {w('plan.done_title', lang)}", "", w("plan.done_hint", lang), ""]
        for action in plan.done:
            when = day(action.done or "", lang)
            lines.append(f"- [x] {esc(action.title.get(lang), mid_line=True)} "
                         f"({w('plan.done_item', lang, date=when)}) {code(action.id)}")
    return lines
