"""The real resolver path: DnsPythonResolver against a DNS server on 127.0.0.1 that this
test starts (dnspython builds the answers), bounded in time and torn down after."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset
import pytest
from footprint_checks.domain.email_auth import EmailAuthCheck

from footprint.dns import DnsFailure, DnsPythonResolver
from footprint.engine import Engine, Job
from footprint.models import FindingKind, Severity, Status, Subject

D = "devries-utrecht.nl"
ZONE = {
    (D, "MX"): ["10 mx.hosting.example."],
    (D, "TXT"): ['"google-site-verification=xyz"', '"v=spf1 mx include:_spf.hosting.example ~all"'],
    ("_spf.hosting.example", "TXT"): ['"v=spf1 ip4:192.0.2.0/24 -all"'],
    (f"_dmarc.{D}", "TXT"): ['"v=DMARC1; p=none; rua=mailto:dmarc@devries-utrecht.nl"'],
    (D, "DS"): ["12345 13 2 ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"],
}
BROKEN = "broken.example"


class LocalZone(asyncio.DatagramProtocol):
    """Answers from ZONE, sets AD like a validating resolver, NXDOMAIN for unknown names."""

    def __init__(self) -> None:
        self.transport: asyncio.DatagramTransport | None = None
        self.questions: list[tuple[str, str]] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        query = dns.message.from_wire(data)
        response = dns.message.make_response(query)
        question = query.question[0]
        name = question.name.to_text().rstrip(".").lower()
        rdtype = dns.rdatatype.to_text(question.rdtype)
        self.questions.append((name, rdtype))
        if name == BROKEN:
            response.set_rcode(dns.rcode.SERVFAIL)
        elif (name, rdtype) in ZONE:
            response.answer.append(dns.rrset.from_text_list(
                question.name, 300, "IN", rdtype, ZONE[(name, rdtype)]))
            response.flags |= dns.flags.AD
        elif not any(n == name for n, _ in ZONE):
            response.set_rcode(dns.rcode.NXDOMAIN)
        assert self.transport is not None
        self.transport.sendto(response.to_wire(), addr)


@pytest.fixture
async def local_dns() -> AsyncIterator[tuple[LocalZone, int]]:
    loop = asyncio.get_running_loop()
    transport, zone = await loop.create_datagram_endpoint(LocalZone,
                                                          local_addr=("127.0.0.1", 0))
    try:
        yield zone, transport.get_extra_info("sockname")[1]
    finally:
        transport.close()


async def test_the_real_resolver_reads_records_flags_and_nxdomain(local_dns) -> None:
    zone, port = local_dns
    resolver = DnsPythonResolver(nameservers=["127.0.0.1"], port=port, timeout_s=2.0)
    txt = await asyncio.wait_for(resolver.query(D, "TXT"), 5)
    assert "v=spf1 mx include:_spf.hosting.example ~all" in txt.records
    assert txt.authenticated and txt.exists
    missing = await asyncio.wait_for(resolver.query("nope.example", "TXT"), 5)
    assert not missing.exists and missing.records == ()
    nodata = await asyncio.wait_for(resolver.query(D, "AAAA"), 5)
    assert nodata.exists and nodata.records == ()
    assert (D, "TXT") in zone.questions


async def test_servfail_is_a_dns_failure(local_dns) -> None:
    _, port = local_dns
    resolver = DnsPythonResolver(nameservers=["127.0.0.1"], port=port, timeout_s=2.0)
    with pytest.raises(DnsFailure):
        await asyncio.wait_for(resolver.query(BROKEN, "MX"), 5)


async def test_email_auth_end_to_end_over_real_dns(local_dns, make_context) -> None:
    zone, port = local_dns
    ctx = make_context(resolver=DnsPythonResolver(nameservers=["127.0.0.1"], port=port,
                                                  timeout_s=2.0))
    check = EmailAuthCheck()
    result = await asyncio.wait_for(
        Engine([check], ctx).run_one(Job(check, Subject("domain", D))), 10)
    assert result.status is Status.EXPOSED
    by_key = {f.key.split("#", 1)[1]: f for f in result.findings}
    assert by_key["dmarc-policy-none"].severity is Severity.MEDIUM
    assert by_key["spf-ok"].kind is FindingKind.GOOD
    assert "2 of 10" in by_key["spf-ok"].title.en
    assert by_key["dnssec-ok"].kind is FindingKind.GOOD  # DS present and AD set
    # the AD flag is the resolver's word, forgeable on the path: never "validated" as fact
    assert "your resolver reports" in by_key["dnssec-ok"].title.en
    assert "je resolver meldt" in by_key["dnssec-ok"].title.nl
    assert ("_spf.hosting.example", "TXT") in zone.questions
