"""The progress between two scans as a versioned JSON document (``footprint diff --format
json``; the shape is in docs/report-format.md, "The diff file"). It carries what the
terminal and markdown views show, as data: the counts per state, and each action with what
became of each of its findings. Texts are stored in both languages, as in the report."""

from __future__ import annotations

from typing import Any

from footprint import __version__
from footprint.diff import ActionChange, FindingChange, ReportDiff, State
from footprint.models import Finding, L10n, Lang, Severity
from footprint.renderers.json import dumps

SCHEMA_VERSION = 1
FORMAT_NAME = "footprint-diff"


def _l10n(text: L10n) -> dict[str, str]:
    return {"en": text.en, "nl": text.nl}


def _severity(severity: Severity | None) -> str | None:
    return None if severity is None else severity.label


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "check_id": f.check_id,
        "subject": {"kind": f.subject.kind, "value": f.subject.value},
        "kind": f.kind.value,
        "severity": f.severity.label,
        "title": _l10n(f.title),
    }


def _finding_change(change: FindingChange) -> dict[str, Any]:
    return {
        **_finding(change.finding),
        "state": change.fate.value,
        "previous_severity": _severity(change.old),
        "reason": change.reason or None,  # why it was marked, for "suppressed"
    }


def _action(change: ActionChange) -> dict[str, Any]:
    a = change.action
    return {
        "id": a.id,
        "state": change.state.value,
        "kind": a.kind.value,
        "severity": a.severity.label,
        "previous_severity": _severity(change.old),
        "effort": a.effort.value,
        "title": _l10n(a.title),
        "resolved_findings": change.fixed,
        "done": a.done,
        "still_there": a.still_there,
        "findings": [_finding_change(f) for f in change.findings],
    }


def to_dict(diff: ReportDiff, lang: Lang) -> dict[str, Any]:
    counts = {state.value: 0 for state in State}
    for change in diff.actions:
        counts[change.state.value] += 1
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "footprint", "version": __version__},
        "lang": lang,
        "old": {"started_at": diff.old_at.isoformat()},
        "new": {"started_at": diff.new_at.isoformat()},
        "has_changes": diff.has_changes,
        "counts": counts,
        "changed_severity": len(diff.changed),
        "suppressed_total": diff.suppressed_total,
        "actions": [_action(c) for c in diff.actions],
        "protections": {"gained": [_finding(f) for f in diff.good_gained],
                        "lost": [_finding(f) for f in diff.good_lost]},
    }


def render_diff_json(diff: ReportDiff, lang: Lang = "en") -> str:
    """The JSON text, every string without control characters as in the report file."""
    return dumps(to_dict(diff, lang))
