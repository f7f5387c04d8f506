"""The canonical report file: a versioned JSON document that every other format can be
re-rendered from (``footprint render``, ``diff``, ``summary``).

Reading validates everything and names the offending field, so a hand-edited, truncated or
foreign file gives one clear error instead of a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from footprint.errors import ReportFileError
from footprint.matchkeys import labels_of
from footprint.models import LANGS, Finding, L10n, Lang, Report
from footprint.renderers.json_plan import actions_list, completeness_summary, previous_dict
from footprint.renderers.json_reader import Reader
from footprint.textsafe import clean

SCHEMA_VERSION = 1
FORMAT_NAME = "footprint-report"


# ---------------------------------------------------------------- writing

def _l10n(text: L10n | None) -> dict[str, str] | None:
    return None if text is None else {"en": text.en, "nl": text.nl}


def _finding(f: Finding) -> dict[str, Any]:
    rem = f.remediation
    return {
        "id": f.id,
        "check_id": f.check_id,
        "subject": {"kind": f.subject.kind, "value": f.subject.value},
        "key": f.key,
        "kind": f.kind.value,
        "severity": f.severity.label,
        "title": _l10n(f.title),
        "detail": _l10n(f.detail),
        "evidence": {"url": f.evidence.url, "excerpt": f.evidence.excerpt,
                     "matched": list(f.evidence.matched),
                     "matched_labels": [_l10n(lb) for lb in labels_of(f.evidence)]},
        "remediation": {
            "summary": _l10n(rem.summary),
            "steps": [_l10n(s) for s in rem.steps],
            "links": [{"url": link.url, "label": _l10n(link.label)} for link in rem.links],
            "effort": rem.effort.value,
        },
        "group": None if f.group is None else {"key": f.group.key,
                                               "todo": _l10n(f.group.todo)},
        "facts": [{"name": x.name, "value": _l10n(x.value)} for x in f.facts],
    }


def to_dict(report: Report) -> dict[str, Any]:
    by_severity = report.counts_by_severity()
    worst = report.worst()
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "footprint", "version": report.tool_version},
        "started_at": report.started_at.isoformat(),
        "finished_at": report.finished_at.isoformat(),
        "interrupted": report.interrupted,
        "lang": report.lang,
        "masked": report.masked,
        # derived figures for readers that do not want to count; ignored when reading
        "summary": {
            "worst": worst.label if worst is not None else None,
            "by_severity": {s.label: n for s, n in by_severity.items()},
            "by_status": {s.value: n for s, n in report.counts_by_status().items()},
            "suppressed": len(report.suppressed),
            **completeness_summary(report),
        },
        "previous": previous_dict(report.previous),
        "done": [{"action_id": m.action_id, "date": m.date, "findings": list(m.findings),
                  "guided": m.guided} for m in report.done],
        "checks": [{
            "id": c.id,
            "title": _l10n(c.title),
            "inputs": list(c.inputs),
            "disclosures": [{"host": d.host, "sends": _l10n(d.sends)} for d in c.disclosures],
            "secrets": list(c.secrets),
            "origin": c.origin,
        } for c in report.checks],
        "contacts": [{"check_id": c.check_id, "host": c.host, "requests": c.requests}
                     for c in report.contacts],
        "proxy": report.proxy,
        "dns_direct": list(report.dns_direct),
        "results": [{
            "check_id": r.check_id,
            "subject": {"kind": r.subject.kind, "value": r.subject.value},
            "status": r.status.value,
            "reason": _l10n(r.reason),
            "duration_s": r.duration_s,
            "cause": r.cause,
            "findings": [_finding(f) for f in r.findings],
        } for r in report.results],
        "suppressed": [{
            "finding": _finding(s.finding),
            "reason": s.reason,
            "note": s.note,
            "date": s.date,
        } for s in report.suppressed],
        "actions": actions_list(report),  # derived from the findings; ignored when reading
    }


_C1 = re.compile("[\x7f-\x9f]")


def _inert(value: Any) -> Any:
    """Every string without escape sequences, control characters (newlines and tabs
    kept) or bidi overrides, so ``jq -r`` cannot print a page's terminal codes raw."""
    if isinstance(value, str):
        return clean(value, keep_newlines=True)
    if isinstance(value, dict):
        return {k: _inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value


def render(report: Report, lang: Lang = "en") -> str:
    """The JSON text; ``lang`` is accepted for the renderer interface (both languages are
    always stored)."""
    return dumps(to_dict(report))


def dumps(data: dict[str, Any]) -> str:
    """A document footprint writes as JSON, every string made inert (also ``diff``'s)."""
    text = json.dumps(_inert(data), ensure_ascii=False, indent=2) + "\n"
    # C1 controls (U+0080-U+009F) are valid JSON but some terminals act on them raw.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- reading

def from_dict(data: Any, source: str = "report") -> Report:
    """A :class:`Report` from parsed JSON; :class:`ReportFileError` naming the field when
    the document is not a valid footprint report of a schema this version reads."""
    r = Reader(source)
    if not isinstance(data, dict) or "schema_version" not in data:
        raise r.fail("", "not a footprint report (no schema_version)")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise r.fail("schema_version", "must be an integer")
    if version > SCHEMA_VERSION:
        raise r.fail("", f"written with report schema {version}, newer than this footprint "
                         f"reads ({SCHEMA_VERSION}); upgrade footprint")
    if version < SCHEMA_VERSION:
        raise r.fail("", f"report schema {version} is no longer supported "
                         f"(this footprint reads {SCHEMA_VERSION}); scan again")
    if data.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise r.fail("format", f"{data.get('format')!r} is not {FORMAT_NAME!r}")
    tool = r.obj(data.get("tool"), "tool")
    lang = r.text(data, "lang", "", optional=True) or "en"
    if lang not in LANGS:
        raise r.fail("lang", f"{lang!r} is not one of: {', '.join(LANGS)}")
    return Report(
        results=r.items(data, "results", "", r.result),
        started_at=r.when(data, "started_at"),
        finished_at=r.when(data, "finished_at"),
        tool_version=r.text(tool, "version", "tool"),
        checks=r.items(data, "checks", "", r.check),
        contacts=r.items(data, "contacts", "", r.contact),
        interrupted=r.field(data, "interrupted", "", bool, optional=True, default=False),
        lang=lang,
        masked=r.field(data, "masked", "", bool, optional=True, default=False),
        suppressed=r.items(data, "suppressed", "", r.suppressed),
        proxy=r.text(data, "proxy", "", optional=True) or "",
        dns_direct=r.items(data, "dns_direct", "", r.plain),
        done=r.items(data, "done", "", r.done_mark),
        previous=r.previous(data.get("previous"), "previous"),
    )


def loads(text: str, source: str = "report") -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"{source}: not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    except (RecursionError, ValueError) as exc:  # absurd nesting, 5,000-digit numbers
        raise ReportFileError(f"{source}: not a report footprint can read "
                              f"({type(exc).__name__})") from None
    try:
        return from_dict(data, source)
    except (RecursionError, ValueError, OverflowError) as exc:
        raise ReportFileError(f"{source}: not a report footprint can read "
                              f"({type(exc).__name__}: {exc})") from None


def read_report(path: str | Path) -> Report:
    """Reads and validates a report file written by ``--json``."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ReportFileError(f"{p}: file not found") from None
    except IsADirectoryError:
        raise ReportFileError(f"{p}: is a directory, not a report file") from None
    except OSError as exc:
        raise ReportFileError(f"{p}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportFileError(f"{p}: not UTF-8 text (is it a JSON report?)") from None
    return loads(text, str(p))
