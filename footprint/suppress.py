"""Suppressions: findings the person marked "not me", "intentionally public" or "done".

A suppressed finding is never dropped: it moves to ``Report.suppressed`` with its reason,
so every report shows how many there are and the JSON keeps them in full.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from footprint.errors import ProfileError, UsageError
from footprint.models import Report, SuppressedFinding
from footprint.output import write_atomic
from footprint.profile import validate
from footprint.profile.load import parse_profile
from footprint.profile.model import Suppression, SuppressionReason


def apply_suppressions(report: Report, suppressions: Iterable[Suppression]) -> Report:
    """The report with suppressed findings moved from the results to ``suppressed``.

    A result's status is left as the check decided it; only the findings move.
    """
    by_id = {s.finding_id: s for s in suppressions}
    if not by_id:
        return report
    moved: list[SuppressedFinding] = []
    results = []
    for result in report.results:
        kept = []
        for finding in result.findings:
            rule = by_id.get(finding.id)
            if rule is None:
                kept.append(finding)
                continue
            moved.append(SuppressedFinding(
                finding=finding, reason=rule.reason.value, note=rule.note,
                date=rule.date.isoformat() if rule.date else None))
        results.append(dataclasses.replace(result, findings=tuple(kept))
                       if len(kept) != len(result.findings) else result)
    if not moved:
        return report
    already = {s.finding.id for s in report.suppressed}
    extra = tuple(s for s in moved if s.finding.id not in already)
    return dataclasses.replace(report, results=tuple(results),
                               suppressed=report.suppressed + extra)


def unused(report: Report, suppressions: Iterable[Suppression]) -> list[Suppression]:
    """Suppressions that matched no finding in this report (fixed, or a different scan)."""
    seen = {s.finding.id for s in report.suppressed}
    return [s for s in suppressions if s.finding_id not in seen]


def _toml_string(text: str) -> str:
    # a JSON string literal is a valid TOML basic string (same escapes, \\uXXXX included)
    return json.dumps(text, ensure_ascii=False)


def suppression_table(s: Suppression) -> str:
    lines = ["[[suppressions]]", f"finding = {_toml_string(s.finding_id)}",
             f"reason = {_toml_string(s.reason.value)}"]
    if s.note:
        lines.append(f"note = {_toml_string(s.note)}")
    if s.date:
        lines.append(f"date = {s.date.isoformat()}")
    return "\n".join(lines) + "\n"


def add_suppression(path: Path, finding_id: str, reason: SuppressionReason | str,
                    note: str = "", when: date | None = None) -> Suppression:
    """Appends a ``[[suppressions]]`` table to the profile file, leaving the rest of the
    file (comments, order, layout) as it was; the file stays 0600."""
    try:
        fid = validate.finding_id(finding_id)
    except ValueError as exc:
        raise UsageError(f"{finding_id!r}: {exc}") from None
    try:
        why = SuppressionReason(reason)
    except ValueError:
        allowed = ", ".join(r.value for r in SuppressionReason)
        raise UsageError(f"reason {reason!r} is not one of: {allowed}") from None
    note = " ".join(note.split())
    if len(note) > 500:
        raise UsageError("the note is longer than 500 characters")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError("file not found; run 'footprint init' to create one",
                           source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read: {exc}", source=str(path)) from None
    profile = parse_profile(text, str(path))  # refuse to append to a broken profile
    for existing in profile.suppressions:
        if existing.finding_id == fid:
            raise UsageError(f"finding {fid} is already marked ({existing.reason.value}) in "
                             f"{path}; edit that [[suppressions]] entry to change it")
    entry = Suppression(fid, why, note, when or date.today())
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n")
                                                            else "\n\n")
    updated = text + separator + suppression_table(entry)
    parse_profile(updated, str(path))  # what we write must read back
    write_atomic(path.resolve(), updated)  # through a symlink, not over it
    return entry
