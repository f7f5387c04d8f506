"""The report as CSV for a spreadsheet: one row per finding, then one per check that could
not decide (so a sheet never reads as "nothing else found").

Every cell is untrusted text: control characters go, and a cell a spreadsheet would read
as a formula (starting with = + - @, tab or CR) gets a leading apostrophe (OWASP's advice
against CSV injection).
"""

from __future__ import annotations

import csv
import io

from footprint.i18n import severity_name, status_name, t
from footprint.models import Lang, Report
from footprint.renderers import common
from footprint.textsafe import clean

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_COLUMNS = ("check", "status", "severity", "title", "where", "what_to_do", "id")


def safe_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet evaluates."""
    cleaned = clean(value)
    if value.startswith(_FORMULA_START) or cleaned.lstrip().startswith(_FORMULA_START):
        return "'" + cleaned
    return cleaned


def render(report: Report, lang: Lang) -> str:
    status_of = {f.id: r.status for r in report.results for f in r.findings}
    rows: list[tuple[str, ...]] = []
    for f in report.findings:
        status = status_of.get(f.id)
        where = f.evidence.url or common.subject_text(f.subject, lang) or ""
        rows.append((f.check_id, status_name(status, lang) if status else "",
                     severity_name(f.severity, lang), f.title.get(lang), where,
                     f.remediation.summary.get(lang), f.id))
    titles = common.check_titles(report, lang)
    for r in common.undecided(report):
        rows.append((r.check_id, status_name(r.status, lang), "",
                     titles.get(r.check_id, r.check_id), common.subject_text(r.subject, lang) or "",
                     r.reason.get(lang) if r.reason else "", ""))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(f"col.{c}", lang) for c in _COLUMNS])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
