"""Progress between two scans, counted in the plan's actions (docs/plan.md).

Both reports are grouped into actions as the plan groups them; an action of the new scan
is the one of the old scan that has its id or shares a finding id with it. Under each
action every finding is listed with what became of it. A finding that is gone is only
"resolved" when the same check ran again for the same subject and came to a verdict; if it
could not decide this time, the finding is "not rechecked", never silently counted as
fixed, and an action with such a finding is not resolved either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from footprint.actions import Action, build_actions, sort_key
from footprint.models import Finding, FindingKind, Report, Severity, SuppressedFinding


class Fate(StrEnum):
    """What became of one finding of an action."""

    OPEN = "open"  # found in both scans
    NEW = "new"  # found now, not before
    RESOLVED = "resolved"  # gone, and its check ran again and decided
    NOT_RECHECKED = "not-rechecked"  # gone, but its check could not decide this time
    SUPPRESSED = "suppressed"  # marked by the person since (footprint ignore)


class State(StrEnum):
    """What became of one action; the order is the order of the sections."""

    NEW = "new"  # none of its findings was there before
    RESOLVED = "resolved"  # every finding gone and rechecked (some may be marked by you)
    OPEN = "still-open"  # at least one finding still found
    NOT_RECHECKED = "not-rechecked"  # gone, but a check of it could not decide this time
    MARKED_DONE = "marked-done"  # a guided step marked done since (footprint done)
    SUPPRESSED = "suppressed"  # every finding marked by the person since


_STATE_ORDER = {state: n for n, state in enumerate(State)}


@dataclass(frozen=True, slots=True)
class FindingChange:
    finding: Finding  # as in the new scan; as last seen when it is gone
    fate: Fate
    old: Severity | None = None  # still open, with this other severity before
    reason: str = ""  # why it was marked (a suppression reason)

    @property
    def worse(self) -> bool:
        return self.old is not None and self.finding.severity > self.old


@dataclass(frozen=True, slots=True)
class ActionChange:
    action: Action  # as in the new scan; as last seen when it is gone
    state: State
    findings: tuple[FindingChange, ...]
    old: Severity | None = None  # the action's severity before, when it differs

    @property
    def worse(self) -> bool:
        return self.old is not None and self.action.severity > self.old

    @property
    def fixed(self) -> int:
        """How many of its findings were resolved."""
        return sum(1 for f in self.findings if f.fate is Fate.RESOLVED)

    @property
    def partly_fixed(self) -> bool:
        return self.state is State.OPEN and self.fixed > 0


@dataclass(frozen=True, slots=True)
class ReportDiff:
    actions: tuple[ActionChange, ...]  # by state, then in plan order
    suppressed_total: int  # findings marked by the person in the new report
    good_gained: tuple[Finding, ...]  # protections now in place
    good_lost: tuple[Finding, ...]  # protections that were seen before and are gone
    old_started: str
    new_started: str
    old_at: datetime  # when each scan started, for the JSON (old_started is for people)
    new_at: datetime

    def _in(self, state: State) -> tuple[ActionChange, ...]:
        return tuple(a for a in self.actions if a.state is state)

    @property
    def new(self) -> tuple[ActionChange, ...]:
        return self._in(State.NEW)

    @property
    def resolved(self) -> tuple[ActionChange, ...]:
        return self._in(State.RESOLVED)

    @property
    def still_open(self) -> tuple[ActionChange, ...]:
        return self._in(State.OPEN)

    @property
    def not_rechecked(self) -> tuple[ActionChange, ...]:
        return self._in(State.NOT_RECHECKED)

    @property
    def marked_done(self) -> tuple[ActionChange, ...]:
        return self._in(State.MARKED_DONE)

    @property
    def suppressed(self) -> tuple[ActionChange, ...]:
        return self._in(State.SUPPRESSED)

    @property
    def changed(self) -> tuple[ActionChange, ...]:
        """Still open actions whose severity changed."""
        return tuple(a for a in self.still_open if a.old is not None)

    @property
    def has_changes(self) -> bool:
        """False only when every action and protection is as it was (a finding that could
        not be rechecked is not "as it was": nobody knows)."""
        moved = any(a.state is not State.OPEN
                    or any(f.fate is not Fate.OPEN or f.old is not None for f in a.findings)
                    for a in self.actions)
        return moved or bool(self.good_gained or self.good_lost)


def _todo(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.kind is not FindingKind.GOOD}


def _good(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.kind is FindingKind.GOOD}


def _decided(report: Report) -> set[tuple[str, str]]:
    return {(r.check_id, str(r.subject)) for r in report.results if r.status.decided}


def _order(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (-f.severity, f.check_id, str(f.subject),
                                                 f.key)))


class _Fates:
    """The fate of each finding, from the two reports."""

    def __init__(self, old: Report, new: Report) -> None:
        self.before, self.after = _todo(old), _todo(new)
        self.old_suppressed = {s.finding.id for s in old.suppressed}
        self.new_suppressed: dict[str, SuppressedFinding] = {
            s.finding.id: s for s in new.suppressed}
        self.decided = _decided(new)

    def present(self, f: Finding) -> FindingChange:
        was = self.before.get(f.id)
        if was is None and f.id not in self.old_suppressed:
            return FindingChange(f, Fate.NEW)
        return FindingChange(f, Fate.OPEN,
                             was.severity if was and was.severity != f.severity else None)

    def gone(self, f: Finding) -> FindingChange:
        if f.id in self.new_suppressed:
            return FindingChange(f, Fate.SUPPRESSED, reason=self.new_suppressed[f.id].reason)
        if (f.check_id, str(f.subject)) in self.decided:
            return FindingChange(f, Fate.RESOLVED)
        return FindingChange(f, Fate.NOT_RECHECKED)


def _matches(action: Action, owner: dict[str, Action], by_id: dict[str, Action]) -> list[Action]:
    found = [owner[fid] for fid in action.finding_ids if fid in owner]
    if action.id in by_id:
        found.append(by_id[action.id])
    return list({a.id: a for a in found}.values())


def _gone_state(rows: tuple[FindingChange, ...]) -> State:
    fates = {r.fate for r in rows}
    if Fate.NOT_RECHECKED in fates:  # fail closed: one unknown finding keeps it unknown
        return State.NOT_RECHECKED
    return State.RESOLVED if Fate.RESOLVED in fates else State.SUPPRESSED


def action_changes(old: Report, new: Report) -> tuple[ActionChange, ...]:
    fates = _Fates(old, new)
    old_actions = build_actions(old)
    owner = {fid: a for a in old_actions for fid in a.finding_ids}
    by_id = {a.id: a for a in old_actions}
    claimed: set[str] = set()
    out: list[ActionChange] = []
    for action in build_actions(new):
        matched = _matches(action, owner, by_id)
        rows = [fates.present(f) for f in action.findings]
        for m in matched:
            if m.id not in claimed:  # split in two: its gone findings are listed once
                claimed.add(m.id)
                rows += [fates.gone(f) for f in m.findings if f.id not in fates.after]
        if not action.open:  # a guided step marked done (footprint done)
            if matched and not any(m.open for m in matched):
                continue  # done then and now: nothing happened
            state = State.MARKED_DONE
        elif matched or any(f.id in fates.old_suppressed for f in action.findings):
            state = State.OPEN
        else:
            state = State.NEW
        was = max((m.severity for m in matched), default=None)
        out.append(ActionChange(action, state, tuple(rows),
                                was if was is not None and was != action.severity else None))
    for m in old_actions:
        # unclaimed: none of its findings is found now; one done before stays done
        if m.id not in claimed and m.open:
            gone = tuple(fates.gone(f) for f in m.findings)
            out.append(ActionChange(m, _gone_state(gone), gone))
    return tuple(sorted(out, key=lambda c: (_STATE_ORDER[c.state], sort_key(c.action))))


def diff_reports(old: Report, new: Report) -> ReportDiff:
    decided_now = _decided(new)
    good_before, good_after = _good(old), _good(new)
    gained = [f for fid, f in good_after.items() if fid not in good_before]
    lost = [f for fid, f in good_before.items() if fid not in good_after
            and (f.check_id, str(f.subject)) in decided_now]
    return ReportDiff(
        actions=action_changes(old, new),
        suppressed_total=len(new.suppressed),
        good_gained=_order(gained),
        good_lost=_order(lost),
        old_started=old.started_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        new_started=new.started_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        old_at=old.started_at,
        new_at=new.started_at,
    )
