"""The opening of the terminal report: verdict, counts and "Do these first", one line each.

Action titles come from checks and may quote a service: they enter Rich as cleaned plain
text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from footprint.actions import Action
from footprint.i18n import severity_name, status_name, t
from footprint.models import Lang, Report, Severity, Status
from footprint.plan import (
    Plan,
    actions_text,
    day,
    facts_text,
    fixes_text,
    since_text,
    still_there_text,
    verdict,
    where,
)
from footprint.textsafe import clean
from footprint.ui.styles import SEVERITY_STYLE


def _badge(severity: Severity, lang: Lang, width: int = 0) -> Text:
    label = f" {severity_name(severity, lang).upper()} "
    return Text(label, style=SEVERITY_STYLE[severity]) + Text(" " * (width - len(label)))




def summary_panel(report: Report, plan: Plan) -> RenderableType:
    lang = report.lang
    v = verdict(report, lang)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    level = Text()
    if v.worst is not None:
        level += _badge(v.worst, lang) + Text(" ")
    style = "green" if v.worst is None and v.completeness.complete else "yellow"
    level += Text(v.text, style=style)
    grid.add_row(Text(t("plan.verdict", lang), style="bold"), level)
    by_severity = Text()
    for severity, count in sorted(report.counts_by_severity().items(), reverse=True):
        if count:
            by_severity += _badge(severity, lang) + Text(f" {count}  ")
    grid.add_row(Text(t("report.exposures", lang), style="bold"), by_severity or Text("0"))
    by_status = Text("  ".join(f"{status_name(s, lang)}: {n}"
                               for s, n in report.counts_by_status().items() if n))
    grid.add_row(Text(t("report.checks_run", lang), style="bold"), by_status)
    grid.add_row(Text(t("plan.actions", lang), style="bold"), Text(actions_text(plan, lang)))
    since = since_text(report, lang)
    if since is not None:
        grid.add_row(Text(since[0], style="bold"), Text(since[1]))
    if report.suppressed:
        grid.add_row(Text(""), Text(t("screen.suppressed", lang, n=len(report.suppressed)),
                                    style="dim"))
    return Panel(grid, title=t("report.summary", lang), title_align="left")


def incomplete_panel(report: Report) -> RenderableType | None:
    lang = report.lang
    warning = verdict(report, lang).incomplete
    if warning is None:
        return None
    return Panel(Text(warning), title=Text(t("plan.incomplete", lang), style="bold red"),
                 title_align="left", border_style="red")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def action_lines(actions: Sequence[Action], plan: Plan, lang: Lang, width: int, *,
                 start: int = 1, details: bool = False) -> list[Text]:
    """One line per action: number, severity, what to do, effort, id, the title cut to fit
    ``width``. ``details`` adds dim lines under merged actions (what they fix, sources);
    a resurfaced action always says so."""
    lines = []
    badge_width = max((len(severity_name(a.severity, lang)) for a in actions), default=0) + 2
    efforts = {a.effort: t(f"plan.effort.{a.effort.value}", lang) for a in actions}
    effort_width = max(map(len, efforts.values()), default=0)
    for n, action in enumerate(actions, start):
        badge = _badge(action.severity, lang, badge_width)
        guided = f" ({status_name(Status.MANUAL, lang)})" if action.guided else ""
        host = where(action, plan)  # first: a cut line must still tell three "remove it" apart
        suffix = f"  {efforts[action.effort]:>{effort_width}}  {action.id}"
        prefix = f"{n:>2}. "
        room = max(20, width - len(prefix) - len(badge) - 1 - len(suffix))
        title = _fit((f"{host}: " if host else "") + clean(action.title.get(lang), limit=300)
                     + guided, room)
        line = Text(prefix) + badge + Text(" ") + Text(title.ljust(room)) + Text(
            suffix, style="dim")
        lines.append(line)
        notes = [(still_there_text(action, lang), "bold red")]
        if details:
            notes += [(fixes_text(action, lang), "dim"), (facts_text(action, lang), "dim")]
        indent = " " * (len(prefix) + 1)
        for note, style in notes:
            if note:
                lines.append(Text(indent + _fit("↳ " + clean(note, limit=400),
                                                width - len(indent)), style=style))
    return lines


def render_plan(console: Console, report: Report, plan: Plan, *, brief: bool) -> None:
    """The summary, "Do these first" and, in brief mode, the rest of the plan."""
    lang = report.lang
    warning = incomplete_panel(report)
    if warning is not None:
        console.print(warning)
    console.print(summary_panel(report, plan))
    console.rule(Text(t("plan.first", lang), style="bold"))
    if not plan.open:
        console.print(Text(t("plan.none", lang), style="green"))
        return
    console.print(Text(t("plan.first_hint", lang), style="dim"))
    for line in action_lines(plan.first, plan, lang, console.width, details=True):
        console.print(line)
    if plan.rest:
        console.rule(Text(t("plan.rest", lang), style="bold"))
        for line in action_lines(plan.rest, plan, lang, console.width,
                                 start=len(plan.first) + 1):
            console.print(line)
    if plan.done:
        console.rule(Text(t("plan.done_title", lang), style="bold"))
        console.print(Text(t("plan.done_hint", lang), style="dim"))
        for action in plan.done:
            console.print(Group(Text("✓ ", style="green") + Text(
                clean(action.title.get(lang), limit=200)) + Text(
                f"  {t('plan.done_item', lang, date=day(action.done or '', lang))}  {action.id}",
                style="dim")))
