"""The canonical report file: a versioned JSON document that every other format can be
re-rendered from (``footprint render``, ``diff``, ``summary``).

Reading validates everything and names the offending field, so a hand-edited, truncated or
foreign file gives one clear error instead of a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from footprint.errors import ReportFileError
from footprint.models import (
    LANGS,
    CheckInfo,
    CheckResult,
    Contact,
    Disclosure,
    Effort,
    Evidence,
    Finding,
    FindingKind,
    L10n,
    Lang,
    Link,
    Remediation,
    Report,
    Severity,
    Status,
    Subject,
    SuppressedFinding,
)

SCHEMA_VERSION = 1
FORMAT_NAME = "footprint-report"
_CHECK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$")
_FINDING_ID = re.compile(r"^[0-9a-f]{12}$")
T = TypeVar("T")


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
                     "matched": list(f.evidence.matched)},
        "remediation": {
            "summary": _l10n(rem.summary),
            "steps": [_l10n(s) for s in rem.steps],
            "links": [{"url": link.url, "label": _l10n(link.label)} for link in rem.links],
            "effort": rem.effort.value,
        },
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
        },
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
        "results": [{
            "check_id": r.check_id,
            "subject": {"kind": r.subject.kind, "value": r.subject.value},
            "status": r.status.value,
            "reason": _l10n(r.reason),
            "duration_s": r.duration_s,
            "findings": [_finding(f) for f in r.findings],
        } for r in report.results],
        "suppressed": [{
            "finding": _finding(s.finding),
            "reason": s.reason,
            "note": s.note,
            "date": s.date,
        } for s in report.suppressed],
    }


def render(report: Report, lang: Lang = "en") -> str:
    """The JSON text; ``lang`` is accepted for the renderer interface (both languages are
    always stored)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- reading

class _Reader:
    """Typed access to untrusted JSON that fails with the path of the bad field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> ReportFileError:
        where = f"{self.source}: {path}: " if path else f"{self.source}: "
        return ReportFileError(where + message)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "must be an object")
        return value

    def field(self, data: dict[str, Any], key: str, path: str, kind: type[T] | tuple[type, ...],
              *, optional: bool = False, default: Any = None) -> Any:
        full = f"{path}.{key}" if path else key
        if key not in data or data[key] is None:
            if optional:
                return default
            raise self.fail(full, "is missing")
        value = data[key]
        if isinstance(value, bool) and kind is not bool and not (
                isinstance(kind, tuple) and bool in kind):
            raise self.fail(full, f"must be {_kind_name(kind)}")
        if not isinstance(value, kind):
            raise self.fail(full, f"must be {_kind_name(kind)}")
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *,
             optional: bool = False) -> Any:
        return self.field(data, key, path, str, optional=optional)

    def items(self, data: dict[str, Any], key: str, path: str,
              parse: Callable[[Any, str], T]) -> tuple[T, ...]:
        values = self.field(data, key, path, list, optional=True, default=[])
        full = f"{path}.{key}" if path else key
        return tuple(parse(v, f"{full}[{i}]") for i, v in enumerate(values))

    def l10n(self, value: Any, path: str) -> L10n:
        data = self.obj(value, path)
        return L10n(en=self.text(data, "en", path), nl=self.text(data, "nl", path))

    def opt_l10n(self, data: dict[str, Any], key: str, path: str) -> L10n | None:
        value = data.get(key)
        return None if value is None else self.l10n(value, f"{path}.{key}")

    def enum(self, data: dict[str, Any], key: str, path: str, parse: Callable[[str], T],
             allowed: str) -> T:
        raw = self.text(data, key, path)
        try:
            return parse(raw)
        except ValueError:
            raise self.fail(f"{path}.{key}", f"{raw!r} is not one of: {allowed}") from None

    def when(self, data: dict[str, Any], key: str) -> datetime:
        raw = self.text(data, key, "")
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise self.fail(key, f"{raw!r} is not an ISO 8601 timestamp") from None
        if value.tzinfo is None:
            raise self.fail(key, "must include a time zone")
        return value

    def check_id(self, data: dict[str, Any], path: str) -> str:
        value: str = self.text(data, "check_id", path)
        if not _CHECK_ID.match(value):
            raise self.fail(f"{path}.check_id", f"{value!r} is not a check id (family.name)")
        return value

    def subject(self, data: dict[str, Any], path: str) -> Subject:
        raw = self.obj(data.get("subject"), f"{path}.subject")
        return Subject(self.text(raw, "kind", f"{path}.subject"),
                       self.field(raw, "value", f"{path}.subject", str))

    def finding(self, value: Any, path: str) -> Finding:
        data = self.obj(value, path)
        ev = self.obj(data.get("evidence", {}), f"{path}.evidence")
        rem = self.obj(data.get("remediation"), f"{path}.remediation")
        rpath = f"{path}.remediation"
        finding = Finding(
            check_id=self.check_id(data, path),
            subject=self.subject(data, path),
            key=self.field(data, "key", path, str),
            title=self.l10n(data.get("title"), f"{path}.title"),
            severity=self.enum(data, "severity", path, Severity.parse,
                               ", ".join(s.label for s in Severity)),
            remediation=Remediation(
                summary=self.l10n(rem.get("summary"), f"{rpath}.summary"),
                steps=self.items(rem, "steps", rpath, self.l10n),
                links=self.items(rem, "links", rpath, self.link),
                effort=self.enum(rem, "effort", rpath, Effort,
                                 ", ".join(e.value for e in Effort)),
            ),
            evidence=Evidence(
                url=self.text(ev, "url", f"{path}.evidence", optional=True),
                excerpt=self.text(ev, "excerpt", f"{path}.evidence", optional=True),
                matched=self.items(ev, "matched", f"{path}.evidence", self.plain),
            ),
            kind=self.enum(data, "kind", path, FindingKind,
                           ", ".join(k.value for k in FindingKind)),
            detail=self.opt_l10n(data, "detail", path),
        )
        stored = data.get("id")
        if stored is not None and stored != finding.id:
            raise self.fail(f"{path}.id", f"{stored!r} does not match the finding's check, "
                                          "subject and key (was the file edited?)")
        return finding

    def plain(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "must be a string")
        return value

    def link(self, value: Any, path: str) -> Link:
        data = self.obj(value, path)
        return Link(url=self.text(data, "url", path), label=self.l10n(data.get("label"),
                                                                      f"{path}.label"))

    def result(self, value: Any, path: str) -> CheckResult:
        data = self.obj(value, path)
        check_id = self.check_id(data, path)
        subject = self.subject(data, path)
        findings = self.items(data, "findings", path, self.finding)
        for i, f in enumerate(findings):
            if f.check_id != check_id:
                raise self.fail(f"{path}.findings[{i}].check_id",
                                f"{f.check_id!r} differs from the result's {check_id!r}")
        duration = self.field(data, "duration_s", path, (int, float), optional=True,
                              default=0.0)
        return CheckResult(
            check_id=check_id,
            subject=subject,
            status=self.enum(data, "status", path, Status, ", ".join(s.value for s in Status)),
            findings=findings,
            reason=self.opt_l10n(data, "reason", path),
            duration_s=float(duration),
        )

    def check(self, value: Any, path: str) -> CheckInfo:
        data = self.obj(value, path)
        return CheckInfo(
            id=self.text(data, "id", path),
            title=self.l10n(data.get("title"), f"{path}.title"),
            inputs=self.items(data, "inputs", path, self.plain),
            disclosures=self.items(data, "disclosures", path, self.disclosure),
            secrets=self.items(data, "secrets", path, self.plain),
            origin=self.text(data, "origin", path, optional=True) or "",
        )

    def disclosure(self, value: Any, path: str) -> Disclosure:
        data = self.obj(value, path)
        return Disclosure(self.text(data, "host", path),
                          self.l10n(data.get("sends"), f"{path}.sends"))

    def contact(self, value: Any, path: str) -> Contact:
        data = self.obj(value, path)
        requests = self.field(data, "requests", path, int)
        if requests < 0:
            raise self.fail(f"{path}.requests", "must not be negative")
        return Contact(self.check_id(data, path), self.text(data, "host", path), requests)

    def suppressed(self, value: Any, path: str) -> SuppressedFinding:
        data = self.obj(value, path)
        return SuppressedFinding(
            finding=self.finding(data.get("finding"), f"{path}.finding"),
            reason=self.text(data, "reason", path),
            note=self.text(data, "note", path, optional=True) or "",
            date=self.text(data, "date", path, optional=True),
        )


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def from_dict(data: Any, source: str = "report") -> Report:
    """A :class:`Report` from parsed JSON; :class:`ReportFileError` naming the field when
    the document is not a valid footprint report of a schema this version reads."""
    r = _Reader(source)
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
    )


def loads(text: str, source: str = "report") -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"{source}: not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    return from_dict(data, source)


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
