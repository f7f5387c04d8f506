"""Small checks and a scan runner for hardening tests, on the real HTTP stack.

The checks behave like well-made built-ins: they let HTTP errors propagate (the engine
maps them to a status), raise ``Inconclusive`` on an answer they do not understand and
report a finding when a private marker is on the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive
from footprint.dns import DnsAnswer
from footprint.engine import Engine
from footprint.extract import extract_page
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.matching import find_markers, masked_excerpt
from footprint.models import (
    PROFILE_SUBJECT,
    CheckResult,
    Evidence,
    Finding,
    L10n,
    Remediation,
    Severity,
    Subject,
)
from footprint.profile.markers import private_markers
from footprint.profile.model import Profile
from tests.persona import jan

FAST = HttpOptions(connect_timeout_s=0.5, read_timeout_s=0.5, retry_max_wait_s=1.0,
                   max_redirects=5)

# accents in the family name: pages write it with and without them
PROFILE = jan(public={"usernames": ["jdevries"]}, private={"family": ["Renée Jünger"]},
              address={"addition": None}, source="hardening-profile.toml")


class QuietResolver:
    """Every name is NXDOMAIN; records what was asked."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, str]] = []

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        self.queries.append((name, rdtype))
        return DnsAnswer((), exists=False)


def _finding(check_id: str, url: str, text: str, spans: list[tuple[int, int]],
             labels: tuple[str, ...]) -> Finding:
    return Finding(
        check_id=check_id, subject=PROFILE_SUBJECT, key=url,
        title=L10n.same("private detail on a page"), severity=Severity.HIGH,
        remediation=Remediation(L10n.same("ask the site to remove it")),
        evidence=Evidence(url=url, excerpt=masked_excerpt(text, spans), matched=labels),
    )


class FetchPage(BaseCheck):
    """Fetches one page and reports the private markers on it."""

    def __init__(self, url: str, check_id: str = "hardening.page") -> None:
        self.url = url
        self.id = check_id
        self.title = L10n.same("fetch a page")

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        response = await ctx.http.get(self.url)
        response.raise_for_status()
        page = extract_page(response.text, str(response.url))
        text = page.title + "\n" + page.text
        hits = find_markers(text, ctx.markers)
        if not hits:
            return []
        spans = [(h.start, h.end) for h in hits]
        labels = tuple(sorted({h.marker.label.en for h in hits}))
        return [_finding(self.id, str(response.url), text, spans, labels)]


class FetchJson(BaseCheck):
    """Asks a JSON API whether the person is listed: ``{"found": bool}``."""

    def __init__(self, url: str, check_id: str = "hardening.api") -> None:
        self.url = url
        self.id = check_id
        self.title = L10n.same("ask an API")

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        response = await ctx.http.get(self.url)
        response.raise_for_status()
        data = response.json()
        if not isinstance(data, dict) or not isinstance(data.get("found"), bool):
            raise Inconclusive("unexpected answer from the API")
        if not data["found"]:
            return []
        return [_finding(self.id, self.url, "listed", [], ())]


@dataclass
class Scan:
    """One engine run over the real client stack (no transport override: real sockets)."""

    checks: Sequence[BaseCheck]
    profile: Profile = PROFILE
    options: HttpOptions = FAST
    check_timeout: float = 5.0
    transport: httpx.AsyncBaseTransport | None = None
    resolver: QuietResolver = field(default_factory=QuietResolver)

    async def run(self) -> tuple[CheckResult, ...]:
        markers = private_markers(self.profile, include_street=True)
        async with build_client(markers, self.options, self.transport) as client:
            context = CheckContext(http=session_for(client, self.options), dns=self.resolver,
                                   profile=self.profile, markers=private_markers(self.profile))
            engine = Engine(list(self.checks), context, check_timeout=self.check_timeout)
            return await engine.run()


async def run_one(check: BaseCheck, **kwargs: object) -> CheckResult:
    results = await Scan([check], **kwargs).run()  # type: ignore[arg-type]
    assert len(results) == 1, results
    return results[0]
