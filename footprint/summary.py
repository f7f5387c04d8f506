"""Workshop figures: several participants' reports in, group counts out.

Only counts leave this module: no names, identifiers, URLs, excerpts or finding titles
(titles can quote a page). Check titles are used only when they contain none of the
participants' identifiers; otherwise the check id stands in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from footprint.models import FindingKind, L10n, Report, Severity

SMALL_GROUP = 5  # below this, group figures can point at one person


@dataclass(frozen=True, slots=True)
class Figure:
    """How many participants a check (or family) found something for."""

    key: str  # check id or family name
    title: L10n
    exposed: int  # participants with at least one exposure here
    checked: int  # participants for whom it came to a verdict
    subjects: int  # distinct identifiers exposed, summed over participants
    findings: int
    by_severity: dict[Severity, int]  # participants by their worst exposure here


@dataclass(frozen=True, slots=True)
class GroupSummary:
    participants: int
    by_worst: dict[Severity, int]  # participants by their worst exposure overall
    none_found: int  # participants with no exposure at all
    incomplete: int  # participants with at least one check that could not decide
    interrupted: int
    suppressed: int  # findings marked by participants, in total
    families: tuple[Figure, ...]
    checks: tuple[Figure, ...]
    duplicates: int  # reports that look like a second report of the same person

    @property
    def small_group(self) -> bool:
        return self.participants < SMALL_GROUP

    def at_least(self, severity: Severity) -> int:
        return sum(n for s, n in self.by_worst.items() if s >= severity)


def _identifiers(reports: Sequence[Report]) -> set[str]:
    out: set[str] = set()
    for report in reports:
        for result in report.results:
            if len(result.subject.value) >= 3:
                out.add(result.subject.value.lower())
    return out


def _safe_title(title: L10n, fallback: str, identifiers: set[str]) -> L10n:
    text = f"{title.en}\n{title.nl}".lower()
    if any(value in text for value in identifiers) or not (title.en and title.nl):
        return L10n.same(fallback)
    return title


def _figure(key: str, title: L10n, reports: Sequence[Report], wanted: str) -> Figure:
    """Counts for check id ``wanted`` or, when it has no dot, the whole family."""

    def matches(check_id: str) -> bool:
        return check_id == wanted if "." in wanted else check_id.split(".")[0] == wanted

    exposed = checked = subjects = findings = 0
    worst: Counter[Severity] = Counter()
    for report in reports:
        results = [r for r in report.results if matches(r.check_id)]
        if any(r.status.decided for r in results):
            checked += 1
        hits = [f for r in results for f in r.findings if f.kind is FindingKind.EXPOSURE]
        if hits:
            exposed += 1
            subjects += len({str(f.subject) for f in hits})
            findings += len(hits)
            worst[max(f.severity for f in hits)] += 1
    return Figure(key, title, exposed, checked, subjects, findings,
                  {s: worst[s] for s in sorted(Severity, reverse=True)})


def summarise(reports: Sequence[Report]) -> GroupSummary:
    identifiers = _identifiers(reports)
    titles: dict[str, L10n] = {}
    for report in reports:
        for info in report.checks:
            titles.setdefault(info.id, _safe_title(info.title, info.id, identifiers))
    check_ids = sorted({r.check_id for report in reports for r in report.results})
    families = sorted({c.split(".")[0] for c in check_ids})
    by_worst: Counter[Severity] = Counter()
    none_found = 0
    for report in reports:
        worst = report.worst()
        if worst is None:
            none_found += 1
        else:
            by_worst[worst] += 1
    # masked reports share pseudonyms ("user-1"), so they cannot be compared
    fingerprints = Counter(frozenset(str(r.subject) for r in report.results
                                     if r.subject.value) for report in reports
                           if not report.masked)
    duplicates = sum(n - 1 for fp, n in fingerprints.items() if fp and n > 1)
    return GroupSummary(
        participants=len(reports),
        by_worst={s: by_worst[s] for s in sorted(Severity, reverse=True)},
        none_found=none_found,
        incomplete=sum(1 for r in reports if r.undecided),
        interrupted=sum(1 for r in reports if r.interrupted),
        suppressed=sum(len(r.suppressed) for r in reports),
        families=tuple(_figure(f, L10n.same(f), reports, f) for f in families),
        checks=tuple(_figure(c, titles.get(c, L10n.same(c)), reports, c) for c in check_ids),
        duplicates=duplicates,
    )
