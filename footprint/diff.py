"""Progress between two scans, by stable finding id.

A finding that is gone is only "resolved" when the same check ran again for the same
subject and came to a verdict; if it could not decide this time, the finding is "not
rechecked", never silently counted as fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.models import CheckResult, Finding, FindingKind, Report, Severity, SuppressedFinding


@dataclass(frozen=True, slots=True)
class SeverityChange:
    finding: Finding  # as in the new report
    old: Severity

    @property
    def worse(self) -> bool:
        return self.finding.severity > self.old


@dataclass(frozen=True, slots=True)
class ReportDiff:
    new: tuple[Finding, ...]  # found now, not before
    resolved: tuple[Finding, ...]  # found before; the check ran again and no longer finds it
    still_open: tuple[Finding, ...]  # found in both (severity changes included)
    changed: tuple[SeverityChange, ...]  # still open with another severity
    not_rechecked: tuple[Finding, ...]  # found before; the check could not decide this time
    suppressed: tuple[SuppressedFinding, ...]  # open before, marked by the person since
    suppressed_total: int  # everything suppressed in the new report
    good_gained: tuple[Finding, ...]  # protections now in place
    good_lost: tuple[Finding, ...]  # protections that were seen before and are gone
    old_started: str
    new_started: str

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.resolved or self.changed or self.suppressed
                    or self.good_gained or self.good_lost)


def _todo(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.kind is not FindingKind.GOOD}


def _good(report: Report) -> dict[str, Finding]:
    return {f.id: f for f in report.findings if f.kind is FindingKind.GOOD}


def _decided(report: Report) -> dict[tuple[str, str], CheckResult]:
    return {(r.check_id, str(r.subject)): r for r in report.results if r.status.decided}


def _order(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (-f.severity, f.check_id, str(f.subject),
                                                 f.key)))


def diff_reports(old: Report, new: Report) -> ReportDiff:
    before, after = _todo(old), _todo(new)
    old_suppressed = {s.finding.id for s in old.suppressed}
    new_suppressed = {s.finding.id: s for s in new.suppressed}
    decided_now = _decided(new)

    fresh, resolved, unknown, marked = [], [], [], []
    for fid, f in after.items():
        if fid not in before and fid not in old_suppressed:
            fresh.append(f)
    for fid, f in before.items():
        if fid in after:
            continue
        if fid in new_suppressed:
            marked.append(new_suppressed[fid])
        elif (f.check_id, str(f.subject)) in decided_now:
            resolved.append(f)
        else:
            unknown.append(f)
    # open now and known before (also when it was suppressed then and is not any more)
    still = [f for fid, f in after.items() if fid in before or fid in old_suppressed]
    changed = [SeverityChange(f, before[f.id].severity) for f in still
               if f.id in before and before[f.id].severity != f.severity]

    good_before, good_after = _good(old), _good(new)
    gained = [f for fid, f in good_after.items() if fid not in good_before]
    lost = [f for fid, f in good_before.items() if fid not in good_after
            and (f.check_id, str(f.subject)) in decided_now]

    return ReportDiff(
        new=_order(fresh),
        resolved=_order(resolved),
        still_open=_order(still),
        changed=tuple(sorted(changed, key=lambda c: (-c.finding.severity, c.finding.id))),
        not_rechecked=_order(unknown),
        suppressed=tuple(sorted(marked, key=lambda s: s.finding.id)),
        suppressed_total=len(new.suppressed),
        good_gained=_order(gained),
        good_lost=_order(lost),
        old_started=old.started_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
        new_started=new.started_at.strftime("%Y-%m-%d %H:%M %Z").strip(),
    )
