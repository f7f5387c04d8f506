"""From findings to actions: one action per remedy, with a stable id.

Findings that share one remedy become one action that lists what it fixes: those a check
put in the same :class:`ActionGroup` (a breach seen by two services, the private details in
one domain registration or on one page), and otherwise those of one check and subject with
the very same remedy for the same place. A lone ungrouped finding's action has its id,
so ``ignore``, ``diff`` and baselines keep working with either id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from footprint.models import (
    DoneMark,
    Effort,
    Fact,
    Finding,
    FindingKind,
    L10n,
    Report,
    Severity,
)


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    kind: FindingKind  # EXPOSURE (a scan can verify it) or MANUAL (a guided step)
    severity: Severity
    effort: Effort
    title: L10n  # what to do
    findings: tuple[Finding, ...]  # most serious first
    facts: tuple[Fact, ...] = ()
    done: str | None = None  # the ISO date it was marked done
    # marked done, but the scan still finds it: back at the top, never hidden
    still_there: bool = False

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.findings)

    @property
    def guided(self) -> bool:
        return self.kind is FindingKind.MANUAL

    @property
    def open(self) -> bool:
        """Still to do: not done, or done but still found."""
        return self.done is None or self.still_there

    def facts_named(self, name: str) -> tuple[L10n, ...]:
        return tuple(f.value for f in self.facts if f.name == name)


def action_id(key: str) -> str:
    return hashlib.sha256(f"action\x00{key}".encode()).hexdigest()[:12]


def _group_key(f: Finding) -> str:
    if f.group is not None:
        return f"group\x00{f.group.key}"
    return (f"remedy\x00{f.check_id}\x00{f.subject}\x00{f.evidence.url or ''}\x00"
            f"{f.remediation.summary.en}")


def _lead_order(f: Finding) -> tuple[int, int, str, str]:
    return (-f.severity, f.kind is not FindingKind.EXPOSURE, f.check_id, f.key)


def merge_facts(findings: Iterable[Finding]) -> tuple[Fact, ...]:
    """Sources and data united (first seen first), the earliest date, other facts once."""
    out: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    earliest: Fact | None = None
    for finding in findings:
        for fact in finding.facts:
            if fact.name == "date":
                if fact.value.en and (earliest is None or fact.value.en < earliest.value.en):
                    earliest = fact
                continue
            mark = (fact.name, fact.value.en.casefold())
            if mark not in seen:
                seen.add(mark)
                out.append(fact)
    return (*out, earliest) if earliest is not None else tuple(out)


def _build(key: str, members: Sequence[Finding]) -> Action:
    ordered = sorted(members, key=_lead_order)
    lead = ordered[0]
    todo = lead.group.todo if lead.group is not None else None
    kind = (FindingKind.EXPOSURE if any(f.kind is FindingKind.EXPOSURE for f in ordered)
            else FindingKind.MANUAL)
    return Action(
        id=lead.id if len(ordered) == 1 and lead.group is None else action_id(key),
        kind=kind,
        severity=max(f.severity for f in ordered),
        effort=max((f.remediation.effort for f in ordered), key=lambda e: e.rank),
        title=todo or lead.remediation.summary,
        findings=tuple(ordered),
        facts=merge_facts(ordered),
    )


def _mark_for(action: Action, marks: Sequence[DoneMark]) -> DoneMark | None:
    ids = set(action.finding_ids)
    for mark in marks:
        if mark.action_id == action.id or ids & set(mark.findings):
            return mark
    return None


def sort_key(a: Action) -> tuple[bool, int, int, bool, str, str]:
    """Resurfaced first, then by severity, then the quickest, exposures before guided."""
    return (not a.still_there, -a.severity, a.effort.rank, a.guided, a.title.en, a.id)


def build_actions(report: Report) -> tuple[Action, ...]:
    """Every action of the report (done ones included), in plan order."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.kind is FindingKind.GOOD:
            continue
        groups.setdefault(_group_key(finding), []).append(finding)
    actions = []
    for key, members in groups.items():
        action = _build(key, members)
        mark = _mark_for(action, report.done)
        if mark is not None:
            # an exposure found again was not fixed; a guided step stays done
            action = replace(action, done=mark.date, still_there=not action.guided)
        actions.append(action)
    return tuple(sorted(actions, key=sort_key))


def open_actions(report: Report) -> tuple[Action, ...]:
    return tuple(a for a in build_actions(report) if a.open)


def find_action(actions: Iterable[Action], wanted: str) -> Action | None:
    """The action with this id, or the one holding the finding with this id."""
    wanted = wanted.strip().lower()
    for action in actions:
        if action.id == wanted or wanted in action.finding_ids:
            return action
    return None
