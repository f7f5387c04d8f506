"""The data every part of footprint speaks: findings, results and reports.

All outcome types are frozen dataclasses; "could not check" is a status, never an
absence of findings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Literal
from urllib.parse import urlsplit

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Kind(StrEnum):
    """Kinds of public identifier a check may consume (and send to a service)."""

    NAME = "name"
    USERNAME = "username"
    EMAIL = "email"
    PHONE = "phone"
    DOMAIN = "domain"
    URL = "url"
    KVK = "kvk"
    TRADE_NAME = "trade_name"


class Severity(IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}") from None


class Status(StrEnum):
    EXPOSED = "exposed"
    CLEAR = "clear"
    MANUAL = "manual"  # no automatic check possible; the findings are guided steps
    INCONCLUSIVE = "inconclusive"
    ERROR = "error"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"

    @property
    def decided(self) -> bool:
        """True when the check came to a verdict (found something or nothing)."""
        return self in (Status.EXPOSED, Status.CLEAR, Status.MANUAL)


class FindingKind(StrEnum):
    EXPOSURE = "exposure"  # something about you is out there
    MANUAL = "manual"  # a guided step: check this yourself, here is how
    GOOD = "good"  # a protection that is in place (shielding, redaction)


class Effort(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    ONGOING = "ongoing"

    @property
    def rank(self) -> int:
        return list(Effort).index(self)


@dataclass(frozen=True, slots=True)
class L10n:
    """A user-facing text in both languages footprint speaks."""

    en: str
    nl: str

    def get(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    @classmethod
    def same(cls, text: str) -> L10n:
        """For text that reads the same in both languages (names, URLs)."""
        return cls(en=text, nl=text)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: L10n


@dataclass(frozen=True, slots=True)
class Remediation:
    summary: L10n
    steps: tuple[L10n, ...] = ()
    links: tuple[Link, ...] = ()
    effort: Effort = Effort.MINUTES


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an exposure can be seen. The excerpt already has private values masked."""

    url: str | None = None
    excerpt: str | None = None
    matched: tuple[str, ...] = ()  # what was found, as keys ("postcode"), never the value
    # the human label of each key, in the same order; empty: footprint's own labels
    # (footprint.matchkeys) for the keys it knows. Words, not identity: not compared.
    labels: tuple[L10n, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Subject:
    """Which of the person's identifiers a result is about."""

    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


PROFILE_SUBJECT = Subject("profile", "")


@dataclass(frozen=True, slots=True)
class ActionGroup:
    """Findings with the same ``key`` share one remedy and become one action, also across
    checks (a breach reported by two services). ``todo`` says what to do about all of them;
    without it the most serious finding's remedy stands for the group."""

    key: str
    todo: L10n | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A structured detail an action merges over its findings: ``source`` and ``data`` are
    united, ``date`` (ISO) keeps the earliest."""

    name: str
    value: L10n


@dataclass(frozen=True, slots=True)
class Finding:
    check_id: str
    subject: Subject
    key: str  # what makes this exposure the same one across scans (URL, breach name, ...)
    title: L10n
    severity: Severity
    remediation: Remediation
    evidence: Evidence = field(default_factory=Evidence)
    kind: FindingKind = FindingKind.EXPOSURE
    detail: L10n | None = None
    group: ActionGroup | None = None
    facts: tuple[Fact, ...] = ()

    @property
    def id(self) -> str:
        raw = f"{self.check_id}\x00{self.subject}\x00{self.key}".encode()
        return hashlib.sha256(raw).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class CheckResult:
    check_id: str
    subject: Subject
    status: Status
    findings: tuple[Finding, ...] = ()
    reason: L10n | None = None  # why skipped / inconclusive / error / timeout / manual
    duration_s: float = 0.0
    cause: str | None = None  # a connection-level failure: see footprint.failure.CAUSES

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.check_id, self.subject.kind, self.subject.value)


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What a check sends to whom: declared by the check, shown to the user."""

    host: str
    sends: L10n
    endpoint: str = ""  # the [endpoints] name whose override replaces ``host``

    def resolved(self, endpoints: Mapping[str, str]) -> Disclosure:
        """The host the request really goes to when ``[endpoints]`` overrides it."""
        override = endpoints.get(self.endpoint) if self.endpoint else None
        host = urlsplit(override).hostname if override else None
        return replace(self, host=host) if host else self


@dataclass(frozen=True, slots=True)
class CheckInfo:
    id: str
    title: L10n
    inputs: tuple[str, ...]
    disclosures: tuple[Disclosure, ...]
    secrets: tuple[str, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class Contact:
    """A host a check actually contacted during the scan, and how often."""

    check_id: str
    host: str
    requests: int


@dataclass(frozen=True, slots=True)
class SuppressedFinding:
    """A finding the person marked (not me, intentionally public, done): kept, counted, shown."""

    finding: Finding
    reason: str
    note: str = ""
    date: str | None = None


@dataclass(frozen=True, slots=True)
class DoneMark:
    """An action marked done: by its id, with the findings it held then (so a finding id
    finds it too); ``guided`` marks stay done until reopened, since no scan can verify them."""

    action_id: str
    date: str  # ISO date
    findings: tuple[str, ...] = ()
    guided: bool = False


@dataclass(frozen=True, slots=True)
class Previous:
    """How this scan compares with the previous saved scan of the same profile."""

    started_at: str  # ISO timestamp of the previous scan
    resolved: int
    new: int
    still_open: int
    not_rechecked: int = 0  # gone, but a check of it could not decide: not resolved


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[CheckResult, ...]
    started_at: datetime
    finished_at: datetime
    tool_version: str
    checks: tuple[CheckInfo, ...] = ()
    contacts: tuple[Contact, ...] = ()
    interrupted: bool = False
    lang: Lang = "en"
    masked: bool = False
    suppressed: tuple[SuppressedFinding, ...] = ()
    proxy: str = ""  # the proxy requests went through (scheme://host:port, no credentials)
    dns_direct: tuple[str, ...] = ()  # checks whose DNS lookups did not use that proxy
    done: tuple[DoneMark, ...] = ()  # actions the person marked done (footprint done)
    previous: Previous | None = None  # the comparison with the previous saved scan
    plan_top: int = 5  # how many actions "Do these first" shows (--top); not stored

    @property
    def findings(self) -> tuple[Finding, ...]:
        found = (f for r in self.results for f in r.findings)
        return tuple(sorted(found, key=lambda f: (-f.severity, f.check_id, f.key)))

    @property
    def undecided(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.status.decided)

    def counts_by_status(self) -> dict[Status, int]:
        return {s: sum(1 for r in self.results if r.status is s) for s in Status}

    def counts_by_severity(self) -> dict[Severity, int]:
        exposures = [f for f in self.findings if f.kind is FindingKind.EXPOSURE]
        return {s: sum(1 for f in exposures if f.severity is s) for s in Severity}

    def worst(self) -> Severity | None:
        exposures = [f.severity for f in self.findings if f.kind is FindingKind.EXPOSURE]
        return max(exposures, default=None)


def sorted_results(results: Iterable[CheckResult]) -> tuple[CheckResult, ...]:
    return tuple(sorted(results, key=lambda r: r.sort_key))
