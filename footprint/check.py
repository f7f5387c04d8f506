"""The check plugin API, version 1 (entry-point group ``footprint.checks.v1``).

A check declares what it consumes, what it sends to whom and which secrets it needs, and
implements ``run``. It returns findings (none means clear) or raises :class:`Skip` or
:class:`Inconclusive`; anything else it raises becomes an error result. The engine owns
status, timing, timeouts and the HTTP client. Checks never print and never build clients.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from footprint.dns import Resolver
from footprint.http.session import HttpSession
from footprint.models import PROFILE_SUBJECT, Disclosure, Finding, Kind, L10n, Subject
from footprint.page_reader import PageReaders
from footprint.profile.markers import Marker
from footprint.profile.model import Profile

__all__ = [
    "BaseCheck",
    "Check",
    "CheckContext",
    "Inconclusive",
    "Skip",
]


class _Outcome(Exception):
    def __init__(self, reason: str | L10n) -> None:
        self.reason = reason if isinstance(reason, L10n) else L10n.same(reason)
        super().__init__(self.reason.en)


class Skip(_Outcome):
    """The check does not apply here (no input it can use, username invalid for a site)."""


class Inconclusive(_Outcome):
    """The check ran but cannot decide (WAF page, rate limit, unexpected answer)."""


@dataclass(frozen=True, slots=True)
class CheckContext:
    http: HttpSession  # the scan's one guarded client; requests carrying private markers fail
    dns: Resolver
    profile: Profile  # private markers are here for local matching only
    markers: tuple[Marker, ...]
    secrets: Mapping[str, str] = field(default_factory=dict)  # only the names the check declared
    endpoints: Mapping[str, str] = field(default_factory=dict)  # base-URL overrides by service
    settings: Mapping[str, Any] = field(default_factory=dict)  # the check family's config section
    # the scan's page reading: found pages are parsed in a worker process once there are many
    pages: PageReaders = field(default_factory=PageReaders.here_only)

    def endpoint(self, service: str, default: str) -> str:
        return self.endpoints.get(service, default).rstrip("/")


@runtime_checkable
class Check(Protocol):
    """The shape of a check, as :class:`BaseCheck` gives it. Read-only members, so plain
    class attributes of narrower types satisfy them.

    Required: ``id``, ``title``, ``inputs``, ``disclosures``, ``secrets`` and ``run``. The
    rest is optional, with these defaults: ``optional_secrets`` (none), ``timeout_s`` (None:
    the scan's), ``opt_in`` (False), ``guide_only`` (False), ``missing_secret_hint`` (None)
    and ``subjects(profile)`` (one per identifier of the ``inputs`` kinds). The registry
    reads them once, through the one adapter in :mod:`footprint.contract`; nothing else
    reads a plugin's attributes."""

    @property
    def id(self) -> str: ...  # "family.name", stable: it appears in reports and suppressions
    @property
    def title(self) -> L10n: ...
    @property
    def inputs(self) -> frozenset[Kind]: ...  # empty: runs once for the whole profile
    @property
    def disclosures(self) -> Sequence[Disclosure]: ...  # what it sends to whom
    @property
    def secrets(self) -> Sequence[str]: ...  # env names that must be set, or it is skipped
    @property
    def optional_secrets(self) -> Sequence[str]: ...  # used when present
    @property
    def timeout_s(self) -> float | None: ...  # budget per subject; None: engine default
    @property
    def opt_in(self) -> bool: ...  # runs only when the user enables it

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]: ...


class BaseCheck:
    """Defaults for every part of :class:`Check`, optional ones included; subclass and set
    what differs. A convenience: the contract does not require it."""

    id: str = ""
    title: L10n = L10n.same("")
    inputs: frozenset[Kind] = frozenset()
    disclosures: tuple[Disclosure, ...] = ()
    secrets: tuple[str, ...] = ()
    optional_secrets: tuple[str, ...] = ()
    timeout_s: float | None = None
    opt_in: bool = False
    guide_only: bool = False  # yields only guided steps and sends nothing (footprint checklist)
    missing_secret_hint: ClassVar[L10n | None] = None

    def subjects(self, profile: Profile) -> Sequence[Subject]:
        """What to run for; by default one subject per identifier of the ``inputs`` kinds,
        or the whole profile when ``inputs`` is empty. Override to derive subjects (the
        domains of email addresses, say)."""
        if not self.inputs:
            return (PROFILE_SUBJECT,)
        return tuple(s for kind in sorted(self.inputs) for s in profile.subjects(kind))

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError
