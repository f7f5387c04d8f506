"""The library entry point: a profile and checks in, a report out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from footprint import __version__
from footprint.check import Check, CheckContext
from footprint.contract import LoadedCheck
from footprint.dns import DnsAnswer, DnsPythonResolver, GuardedResolver, Resolver
from footprint.engine import Engine, NullProgress, Progress
from footprint.gcpause import fewer_collections
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.http.guard import ContactLog, current_check
from footprint.models import CheckInfo, CheckResult, Contact, Lang, Report, sorted_results
from footprint.openfiles import DEFAULT_CONCURRENCY
from footprint.page_reader import PageReaders
from footprint.profile.markers import Marker, private_markers
from footprint.profile.model import Profile

# a scan of this many checks (a username sweep) finds enough pages to read them in a worker
# process from the start; a smaller one starts it only once reading pages has cost time
EAGER_PAGE_WORKER_AT = 100


class _DnsLog:
    """Which checks asked DNS themselves: those lookups never go through a proxy."""

    def __init__(self, inner: Resolver, checks: set[str]) -> None:
        self._inner = inner
        self._checks = checks

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        self._checks.add(current_check.get())
        return await self._inner.query(name, rdtype)


@dataclass
class ScanRun:
    """One scan. ``engine.results`` holds what finished, so an interrupt keeps it."""

    profile: Profile
    checks: Sequence[LoadedCheck | Check]  # plugin objects are wrapped by the engine
    infos: Sequence[CheckInfo] = ()
    http: HttpOptions = field(default_factory=HttpOptions)
    concurrency: int = DEFAULT_CONCURRENCY
    check_timeout: float = 30.0
    secrets: Mapping[str, str] = field(default_factory=dict)
    endpoints: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    transport: httpx.AsyncBaseTransport | None = None  # replaces the network (demo, tests)
    resolver: Resolver | None = None
    progress: Progress = field(default_factory=NullProgress)
    lang: Lang = "en"
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    contacts: ContactLog = field(default_factory=ContactLog)
    engine: Engine | None = None
    dns_checks: set[str] = field(default_factory=set)
    pages: PageReaders = field(default_factory=PageReaders)  # owned here, closed at the end

    async def run(self) -> Report:
        markers = private_markers(self.profile, include_street=True)
        with fewer_collections():
            await self._run(markers)
        return self.report()

    async def _run(self, markers: tuple[Marker, ...]) -> None:
        async with build_client(markers, self.http, self.transport, self.contacts) as client:
            context = CheckContext(
                http=session_for(client, self.http),
                dns=GuardedResolver(_DnsLog(
                    self.resolver or DnsPythonResolver(timeout_s=self.http.read_timeout_s),
                    self.dns_checks), markers),
                profile=self.profile,
                markers=private_markers(self.profile),
                secrets=self.secrets,
                endpoints=self.endpoints,
                settings=self.settings,
                pages=self.pages,
            )
            self.engine = Engine(self.checks, context, concurrency=self.concurrency,
                                 check_timeout=self.check_timeout, progress=self.progress)
            try:
                if len(self.checks) >= EAGER_PAGE_WORKER_AT:
                    await self.pages.start()
                await self.engine.run()
            finally:
                await self.pages.aclose()

    def report(self, *, interrupted: bool = False,
               finished_at: datetime | None = None) -> Report:
        results: list[CheckResult] = list(self.engine.results) if self.engine else []
        contacts = tuple(Contact(check_id, host, n) for (check_id, host), n
                         in sorted(self.contacts.counts.items()))
        # a replaced network (the demo, tests) uses no proxy, whatever the options say
        proxy = self.http.routes.describe() if self.transport is None else ""
        return Report(
            results=sorted_results(results),
            started_at=self.started_at,
            finished_at=finished_at or datetime.now(UTC),
            tool_version=__version__,
            checks=tuple(sorted(self.infos, key=lambda i: i.id)),
            contacts=contacts,
            interrupted=interrupted,
            lang=self.lang,
            # a replaced network (the demo, tests) uses no proxy, whatever the options say
            proxy=proxy,
            dns_direct=tuple(sorted(c for c in self.dns_checks if c)) if proxy else (),
        )
