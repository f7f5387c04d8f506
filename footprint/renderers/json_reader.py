"""Reading the JSON report: typed access to untrusted JSON that names the bad field."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from footprint.errors import ReportFileError
from footprint.matchkeys import from_legacy
from footprint.models import (
    ActionGroup,
    CheckInfo,
    CheckResult,
    Contact,
    Disclosure,
    DoneMark,
    Effort,
    Evidence,
    Fact,
    Finding,
    FindingKind,
    L10n,
    Link,
    Previous,
    Remediation,
    Severity,
    Status,
    Subject,
    SuppressedFinding,
)

_CHECK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$")
T = TypeVar("T")


class Reader:
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
                matched=tuple(from_legacy(m) for m in self.items(
                    ev, "matched", f"{path}.evidence", self.plain)),
                labels=self.items(ev, "matched_labels", f"{path}.evidence", self.l10n),
            ),
            kind=self.enum(data, "kind", path, FindingKind,
                           ", ".join(k.value for k in FindingKind)),
            detail=self.opt_l10n(data, "detail", path),
            group=self.group(data.get("group"), f"{path}.group"),
            facts=self.items(data, "facts", path, self.fact),
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
            cause=self.text(data, "cause", path, optional=True),
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


    def group(self, value: Any, path: str) -> ActionGroup | None:
        if value is None:
            return None
        data = self.obj(value, path)
        return ActionGroup(self.text(data, "key", path), self.opt_l10n(data, "todo", path))

    def fact(self, value: Any, path: str) -> Fact:
        data = self.obj(value, path)
        return Fact(self.text(data, "name", path), self.l10n(data.get("value"), f"{path}.value"))

    def done_mark(self, value: Any, path: str) -> DoneMark:
        data = self.obj(value, path)
        return DoneMark(
            action_id=self.text(data, "action_id", path), date=self.text(data, "date", path),
            findings=self.items(data, "findings", path, self.plain),
            guided=self.field(data, "guided", path, bool, optional=True, default=False))

    def previous(self, value: Any, path: str) -> Previous | None:
        if value is None:
            return None
        data = self.obj(value, path)
        counts = [self.field(data, k, path, int) for k in ("resolved", "new", "still_open")]
        unknown = self.field(data, "not_rechecked", path, int, optional=True, default=0)
        return Previous(self.text(data, "started_at", path), counts[0], counts[1], counts[2],
                        not_rechecked=unknown)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)
