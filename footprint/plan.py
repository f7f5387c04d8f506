"""The opening of every report: the verdict, the counts and the plan, as plain text.

The terminal, markdown and HTML views lay these out; the words and the decisions (what the
verdict may say, which actions come first) are made once, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from footprint.actions import Action, build_actions
from footprint.failure import Completeness, completeness
from footprint.i18n import t
from footprint.models import Lang, Report, Severity

DEFAULT_TOP = 5
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}


def day(value: str | date | datetime, lang: Lang) -> str:
    """"2 Nov 2026" / "2 nov 2026"; text that is no ISO date is returned as it is."""
    if isinstance(value, str):
        try:
            when: date | datetime = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    return f"{when.day} {_MONTHS[lang][when.month - 1]} {when.year}"


@dataclass(frozen=True, slots=True)
class Verdict:
    worst: Severity | None  # the level, when something was found
    text: str  # what goes with the level: how complete it is, or what was (not) found
    incomplete: str | None  # the INCOMPLETE warning when the network was unusable
    completeness: Completeness


def verdict(report: Report, lang: Lang) -> Verdict:
    """"Nothing exposed found" only when every check that could not decide is accounted
    for: otherwise how many could and could not, and when most network checks could not
    connect, INCOMPLETE and the likely cause first."""
    c = completeness(report)
    worst = report.worst()
    if worst is not None:  # the level itself is shown as a badge next to this
        text = (t("plan.all_decided", lang) if not c.undecided
                else t("plan.partial_one", lang) if c.undecided == 1
                else t("plan.partial", lang, undecided=c.undecided))
    elif report.interrupted:  # the checks that never ran are in no count
        text = t("plan.nothing_interrupted", lang, decided=c.decided)
    elif c.undecided and not c.decided:
        text = t("plan.nothing_decided", lang, undecided=c.undecided)
    elif c.undecided:
        text = t("plan.nothing_partial", lang, decided=c.decided, undecided=c.undecided)
    else:
        text = t("plan.nothing", lang)
    warning = None
    if c.network_unusable:
        causes = ", ".join(f"{t('plan.cause.' + cause, lang)} {n}"
                           for cause, n in sorted(c.causes.items(), key=lambda x: -x[1]))
        hint = {"dns": "plan.hint.dns", "proxy": "plan.hint.proxy",
                "tls": "plan.hint.tls"}.get(c.main_cause or "", "plan.hint.network")
        warning = t("plan.unusable", lang, failed=c.connection_failures, network=c.network,
                    causes=causes, hint=t(hint, lang))
    return Verdict(worst, text, warning, c)


@dataclass(frozen=True, slots=True)
class Plan:
    actions: tuple[Action, ...]  # all, in plan order
    top: int

    @property
    def open(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.open)

    @property
    def first(self) -> tuple[Action, ...]:
        return self.open[: self.top]

    @property
    def rest(self) -> tuple[Action, ...]:
        return self.open[self.top:]

    @property
    def done(self) -> tuple[Action, ...]:
        """Guided steps marked done: kept out of the to-do list until reopened."""
        return tuple(a for a in self.actions if not a.open)


def build_plan(report: Report) -> Plan:
    return Plan(build_actions(report), max(0, report.plan_top))


def actions_text(plan: Plan, lang: Lang) -> str:
    open_ = plan.open
    text = t("plan.actions_count", lang, open=len(open_),
             guided=sum(1 for a in open_ if a.guided))
    if plan.done:
        text += "; " + t("plan.actions_done", lang, n=len(plan.done))
    return text


def since_text(report: Report, lang: Lang) -> tuple[str, str] | None:
    """("Since 2 Nov 2026", "3 resolved, 1 new, 6 still open"), or None without a
    previous scan."""
    p = report.previous
    if p is None:
        return None
    counts = t("plan.since_counts", lang, resolved=p.resolved, new=p.new, open=p.still_open)
    if p.not_rechecked:  # never folded into "resolved", never silently left out
        counts += ", " + t("diff.actions.since_unknown", lang, n=p.not_rechecked)
    return (t("plan.since", lang, date=day(p.started_at, lang)), counts)


def still_there_text(action: Action, lang: Lang) -> str | None:
    if not action.still_there or action.done is None:
        return None
    return t("plan.still_there", lang, date=day(action.done, lang))


def facts_text(action: Action, lang: Lang) -> str | None:
    """"Sources: A, B · Leaked: names, addresses · Since 12 May 2024" for merged facts."""
    parts = []
    for name in ("source", "data", "date"):
        values = action.facts_named(name)
        if not values:
            continue
        shown = ", ".join(day(v.get(lang), lang) if name == "date" else v.get(lang)
                          for v in values)
        parts.append(f"{t('plan.fact.' + name, lang)}: {shown}")
    return " · ".join(parts) or None


def where(action: Action, plan: Plan) -> str:
    """The host of an action whose title another action of the plan shares ("have the page
    removed" for three pages), to tell them apart; empty otherwise."""
    from urllib.parse import urlsplit

    url = action.findings[0].evidence.url
    twins = sum(1 for a in plan.actions if a.title.en == action.title.en)
    if twins < 2 or not url:
        return ""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def fixes_text(action: Action, lang: Lang) -> str | None:
    """What an action of several findings fixes, one title each."""
    if len(action.findings) < 2:
        return None
    titles = list(dict.fromkeys(f.title.get(lang) for f in action.findings))
    return f"{t('plan.fixes', lang)}: " + "; ".join(titles)
