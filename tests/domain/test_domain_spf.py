from __future__ import annotations

import pytest
from conftest import FakeResolver
from footprint_checks.domain.dmarc import organisational_domain, parse_dmarc
from footprint_checks.domain.spf import evaluate, is_spf, parse_spf

from footprint.dns import DnsAnswer


def txt(*records: str) -> DnsAnswer:
    return DnsAnswer(tuple(records))


def test_parse_finds_the_all_qualifier_and_redirect() -> None:
    assert parse_spf("v=spf1 mx include:_spf.example.net ~all").all_qualifier == "~"
    assert parse_spf("v=spf1 a all").all_qualifier == "+"
    assert parse_spf("v=spf1 redirect=_spf.example.net").redirect == "_spf.example.net"
    assert parse_spf("v=spf1 ip4:192.0.2.1").all_qualifier is None
    assert is_spf("v=spf1 -all") and is_spf("V=SPF1") and not is_spf("v=spf10 -all")


async def test_lookups_are_counted_through_includes() -> None:
    resolver = FakeResolver({
        ("_spf.provider.example", "TXT"): txt("v=spf1 include:a.provider.example "
                                              "include:b.provider.example -all"),
        ("a.provider.example", "TXT"): txt("v=spf1 ip4:192.0.2.0/24 -all"),
        ("b.provider.example", "TXT"): txt("v=spf1 a mx -all"),
    })
    result = await evaluate(parse_spf("v=spf1 mx include:_spf.provider.example ~all"), resolver)
    # mx + include (1+1) + include a (1) + include b (1) + a + mx (2) = 6
    assert result.lookups == 6 and not result.broken and result.effective_all == "~"


async def test_more_than_ten_lookups_is_reported_and_the_walk_stops_early() -> None:
    answers = {(f"s{i}.example", "TXT"): txt(f"v=spf1 include:s{i + 1}.example a mx -all")
               for i in range(40)}
    resolver = FakeResolver(answers)
    result = await evaluate(parse_spf("v=spf1 include:s0.example -all"), resolver)
    assert result.lookups > 10
    assert len(resolver.queries) < 10  # stopped once the verdict could not change


async def test_a_loop_is_followed_once() -> None:
    resolver = FakeResolver({("a.example", "TXT"): txt("v=spf1 include:b.example -all"),
                             ("b.example", "TXT"): txt("v=spf1 include:a.example -all")})
    result = await evaluate(parse_spf("v=spf1 include:a.example -all"), resolver)
    assert resolver.queries.count(("a.example", "TXT")) == 1
    assert result.lookups == 3


async def test_an_include_without_spf_is_broken() -> None:
    resolver = FakeResolver({("gone.example", "TXT"): txt("google-site-verification=abc")})
    result = await evaluate(parse_spf("v=spf1 include:gone.example -all"), resolver)
    assert result.broken == ["gone.example"]


async def test_redirect_supplies_the_effective_all() -> None:
    resolver = FakeResolver({("_spf.example", "TXT"): txt("v=spf1 mx -all")})
    result = await evaluate(parse_spf("v=spf1 redirect=_spf.example"), resolver)
    assert result.effective_all == "-" and result.lookups == 2


async def test_macros_are_counted_but_not_followed() -> None:
    resolver = FakeResolver()
    result = await evaluate(parse_spf("v=spf1 exists:%{i}._spf.example -all"), resolver)
    assert result.lookups == 1 and resolver.queries == []


@pytest.mark.parametrize(("text", "policy", "rua", "pct"), [
    ("v=DMARC1; p=reject; rua=mailto:d@x.nl", "reject", ("mailto:d@x.nl",), 100),
    ("v=DMARC1;p=quarantine;pct=25", "quarantine", (), 25),
    ("v=DMARC1; rua=mailto:a@x.nl,mailto:b@y.nl", "none", ("mailto:a@x.nl", "mailto:b@y.nl"),
     100),
    ("v=DMARC1; p=bogus", "bogus", (), 100),
])
def test_dmarc_parsing(text: str, policy: str, rua: tuple[str, ...], pct: int) -> None:
    record = parse_dmarc(text)
    assert (record.policy, record.rua, record.pct) == (policy, rua, pct)
    assert record.valid is (policy != "bogus")


def test_subdomain_policy_and_organisational_domain() -> None:
    assert parse_dmarc("v=DMARC1; p=reject; sp=none").policy_for_subdomains() == "none"
    assert parse_dmarc("v=DMARC1; p=reject").policy_for_subdomains() == "reject"
    assert organisational_domain("mail.femkedeboer.nl") == "femkedeboer.nl"


async def test_an_include_carrying_a_private_marker_is_never_queried(profile) -> None:
    from footprint.profile.markers import private_markers

    resolver = FakeResolver()
    record = parse_spf("v=spf1 include:kerkstraat12a.example include:ok.example -all")
    result = await evaluate(record, resolver, private_markers(profile))
    assert ("kerkstraat12a.example", "TXT") not in resolver.queries
    assert ("ok.example", "TXT") in resolver.queries and result.incomplete
