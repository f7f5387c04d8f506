"""Connection-level failure causes, and whether the network as a whole was usable.

A check that failed because the network did not let it through (no DNS, refused,
unreachable, a proxy, TLS) says nothing about the person; when most network checks failed
that way the scan as a whole is incomplete, and the verdict must say so before anything else.
The cause comes from the HTTP layer (``footprint.http.failures``), which reads the httpx
exception classes its transports raise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from footprint.dns import DnsFailure
from footprint.http.failures import connection_failure
from footprint.models import CheckResult, Report, Status

DNS, REFUSED, UNREACHABLE, TLS, PROXY, CONNECT_TIMEOUT, CONNECT = (
    "dns", "refused", "unreachable", "tls", "proxy", "connect-timeout", "connect")
CAUSES = (DNS, REFUSED, UNREACHABLE, TLS, PROXY, CONNECT_TIMEOUT, CONNECT)

# more than this share of the network checks failing at connection level: no usable network
UNUSABLE_SHARE = 0.5


def cause_of(exc: BaseException) -> str | None:
    """The connection-level cause of a check's failure, or None when it is not one: the
    HTTP layer's reading of its own errors, plus DNS lookups that got no answer."""
    if isinstance(exc, DnsFailure):
        return DNS
    return connection_failure(exc)


@dataclass(frozen=True, slots=True)
class Completeness:
    """What the verdict needs to be honest: how many checks could and could not decide."""

    decided: int  # results that came to an automatic verdict (exposed or clear)
    undecided: int  # inconclusive, error or timeout
    network: int  # results of checks that needed the network
    connection_failures: int  # of those, errors and timeouts with a connection-level cause
    causes: dict[str, int]
    interrupted: bool

    @property
    def complete(self) -> bool:
        return self.undecided == 0 and not self.interrupted

    @property
    def network_unusable(self) -> bool:
        return self.network > 0 and self.connection_failures > self.network * UNUSABLE_SHARE

    @property
    def main_cause(self) -> str | None:
        return max(self.causes, key=lambda c: (self.causes[c], c)) if self.causes else None


_UNDECIDED = (Status.INCONCLUSIVE, Status.ERROR, Status.TIMEOUT)


def _needs_network(result: CheckResult, senders: set[str]) -> bool:
    return result.check_id in senders or result.cause is not None


def completeness(report: Report) -> Completeness:
    senders = {c.id for c in report.checks if c.disclosures}
    network = [r for r in report.results
               if _needs_network(r, senders) and r.status is not Status.SKIPPED]
    failed = [r for r in network if r.cause is not None
              and r.status in (Status.ERROR, Status.TIMEOUT)]
    return Completeness(
        decided=sum(1 for r in report.results if r.status in (Status.EXPOSED, Status.CLEAR)),
        undecided=sum(1 for r in report.results if r.status in _UNDECIDED),
        network=len(network),
        connection_failures=len(failed),
        causes=dict(Counter(r.cause for r in failed if r.cause)),
        interrupted=report.interrupted,
    )
