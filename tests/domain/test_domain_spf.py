"""SPF parsing and evaluation, against RFC 7208's own examples and each class of error
receivers turn into "permerror"."""

from __future__ import annotations

import pytest
from conftest import FakeResolver
from footprint_checks.domain.spf import evaluate, is_spf, parse_spf
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.dns import DnsAnswer


def txt(*records: str) -> DnsAnswer:
    return DnsAnswer(tuple(records))


A = DnsAnswer(("192.0.2.10",))
MX = DnsAnswer(("10 mail-a.example.com.",))


# RFC 7208 Appendix A.1 "Simple Examples": every record there is valid.
@pytest.mark.parametrize("record", [
    "v=spf1 +all",
    "v=spf1 a -all",
    "v=spf1 a:example.org -all",
    "v=spf1 mx -all",
    "v=spf1 mx:example.org -all",
    "v=spf1 mx mx:example.org -all",
    "v=spf1 mx/30 mx:example.org/30 -all",
    "v=spf1 ptr -all",
    "v=spf1 ip4:192.0.2.128/28 -all",
    # RFC 7208 Appendix A.2 "Multiple Domain Example"
    "v=spf1 include:example.com include:example.net -all",
    # RFC 7208 Appendix A.3 "DNSBL Style Example"
    "v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all",
    "v=spf1 exists:%{l1r+}.%{d}",
    "v=spf1 exists:%{ir}.%{l1r+}.%{d}",
    # RFC 7208 Appendix A.4 "Multiple Requirements Example"
    "v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all",
    "v=spf1 -ip4:192.0.2.0/24 +all",
    "v=spf1 -ptr +all",
    # RFC 7208 7.4 macro examples, as exists: targets
    "v=spf1 exists:%{ir}.%{v}._spf.%{d2} -all",
    "v=spf1 exists:%{lr-}.lp._spf.%{d2} -all",
    "v=spf1 exists:%{ir}.%{l1r-}.lp._spf.%{d2} -all",
    "v=spf1 exists:%{d2}.trusted-domains.example.net -all",
    # RFC 7208 5.6: ip6 with a prefix; 5.3/5.4 dual-cidr; 6.2 exp=; 6 unknown modifiers
    "v=spf1 ip6:2001:db8::/32 a//64 mx/24//96 exp=explain._spf.%{d} -all",
    "v=spf1 mx foo=bar%{d} -all",
    "V=SPF1 MX IP4:192.0.2.1 -ALL",  # names are case-insensitive
])
def test_rfc_examples_parse_without_error(record: str) -> None:
    assert parse_spf(record).error is None


@pytest.mark.parametrize(("record", "term", "reason"), [
    # an unknown mechanism: receivers return permerror (RFC 7208 4.6, 5)
    ("v=spf1 ipv4:192.0.2.1 -all", "ipv4:192.0.2.1", "'ipv4:' is not an SPF mechanism"),
    # a host name where an address belongs (ip4-network = qnum "." qnum "." qnum "." qnum)
    ("v=spf1 ip4:relay.example.net -all", "ip4:relay.example.net", "is a host name"),
    ("v=spf1 ip6:192.0.2.1 -all", "ip6:192.0.2.1", "needs an IPv6 address"),
    ("v=spf1 ip4:192.0.2.0/33 -all", "ip4:192.0.2.0/33", "prefix length"),
    ("v=spf1 ip4:192.0.2.01 -all", "ip4:192.0.2.01", "not an address"),  # qnum: no zeros
    # include: with an empty or malformed domain: a syntax error, never a DNS query
    ("v=spf1 include: -all", "include:", "needs a domain name"),
    ("v=spf1 include -all", "include", "needs a domain name"),
    ("v=spf1 include:.. -all", "include:..", "not a valid domain name"),
    ("v=spf1 include:spf..example.com -all", "include:spf..example.com",
     "empty or too long"),
    ("v=spf1 include:localhost -all", "include:localhost", "not a valid domain name"),
    ("v=spf1 include:192.0.2.1 -all", "include:192.0.2.1", "not a valid domain name"),
    ("v=spf1 a:example.com:25 -all", "a:example.com:25", "not a valid domain name"),
    ("v=spf1 exists:%{x}.example.com -all", "exists:%{x}.example.com", "macro letter"),
    ("v=spf1 exists:%{c}.example.com -all", "exists:%{c}.example.com", "macro letter"),
    ("v=spf1 exists:100%.example.com -all", "exists:100%.example.com", "not a valid macro"),
    ("v=spf1 -all:foo", "-all:foo", "'all' takes nothing"),
    # redirect and exp at most once each (RFC 7208 6)
    ("v=spf1 redirect=a.example redirect=b.example", "redirect=b.example", "more than once"),
    # an error after "all" still breaks the record: it is parsed before it is evaluated
    ("v=spf1 -all ip4:mail.example.net", "ip4:mail.example.net", "host name"),
])
def test_grammar_errors_name_the_offending_term(record: str, term: str, reason: str) -> None:
    error = parse_spf(record).error
    assert error is not None and error.term == term
    assert reason in error.reason.en and error.reason.nl


def test_version_and_all() -> None:
    assert is_spf("v=spf1 -all") and is_spf("V=SPF1") and not is_spf("v=spf10 -all")
    assert parse_spf("v=spf1 mx include:_spf.example.net ~all").all_qualifier == "~"
    assert parse_spf("v=spf1 a all").all_qualifier == "+"
    assert parse_spf("v=spf1 redirect=_spf.example.net").redirect == "_spf.example.net"
    assert parse_spf("v=spf1 ip4:192.0.2.1").all_qualifier is None
    assert parse_spf("v=spf1  mx   -all ").terms == ("mx", "-all")  # runs of spaces are fine


async def test_lookups_are_counted_through_includes() -> None:
    resolver = FakeResolver({
        ("_spf.provider.example", "TXT"): txt("v=spf1 include:a.provider.example "
                                              "include:b.provider.example -all"),
        ("a.provider.example", "TXT"): txt("v=spf1 ip4:192.0.2.0/24 -all"),
        ("b.provider.example", "TXT"): txt("v=spf1 a mx -all"),
        ("b.provider.example", "A"): A, ("b.provider.example", "MX"): MX,
    })
    result = await evaluate(parse_spf("v=spf1 include:_spf.provider.example ~all"), resolver)
    # include (1) + include a (1) + include b (1) + a + mx (2) = 5
    assert result.lookups == 5 and not result.permerror and result.effective_all == "~"


async def test_evaluation_stops_at_all() -> None:
    """RFC 7208 5.1: mechanisms after "all" are never tested, so they cost nothing."""
    resolver = FakeResolver({("x.example", "TXT"): txt("v=spf1 -all")})
    record = parse_spf("v=spf1 include:x.example -all include:never.example a mx ptr")
    result = await evaluate(record, resolver, domain="d.example")
    assert result.lookups == 1 and ("never.example", "TXT") not in resolver.queries
    assert result.effective_all == "-"


async def test_redirect_is_ignored_when_there_is_an_all() -> None:
    resolver = FakeResolver()
    result = await evaluate(parse_spf("v=spf1 ~all redirect=other.example"), resolver)
    assert result.lookups == 0 and resolver.queries == [] and result.effective_all == "~"


async def test_redirect_supplies_the_effective_all() -> None:
    resolver = FakeResolver({("_spf.example", "TXT"): txt("v=spf1 mx -all"),
                             ("_spf.example", "MX"): MX})
    result = await evaluate(parse_spf("v=spf1 redirect=_spf.example"), resolver)
    assert result.effective_all == "-" and result.lookups == 2


async def test_more_than_ten_lookups_stops_the_walk() -> None:
    answers = {(f"s{i}.example", "TXT"): txt(f"v=spf1 include:s{i + 1}.example -all")
               for i in range(40)}
    resolver = FakeResolver(answers)
    result = await evaluate(parse_spf("v=spf1 include:s0.example -all"), resolver)
    assert result.lookups == 11 and result.over_limit and result.permerror
    assert len(resolver.queries) == 10  # the eleventh lookup is never made


async def test_the_same_include_twice_counts_twice_but_is_asked_once() -> None:
    resolver = FakeResolver({("a.example", "TXT"): txt("v=spf1 include:b.example -all"),
                             ("c.example", "TXT"): txt("v=spf1 include:b.example -all"),
                             ("b.example", "TXT"): txt("v=spf1 ip4:192.0.2.1 -all")})
    result = await evaluate(parse_spf("v=spf1 include:a.example include:c.example -all"),
                            resolver)
    assert result.lookups == 4 and resolver.queries.count(("b.example", "TXT")) == 1


async def test_a_loop_is_a_permerror() -> None:
    resolver = FakeResolver({("a.example", "TXT"): txt("v=spf1 include:b.example -all"),
                             ("b.example", "TXT"): txt("v=spf1 include:a.example -all")})
    result = await evaluate(parse_spf("v=spf1 include:a.example -all"), resolver,
                            domain="a.example")
    assert [p.kind for p in result.problems] == ["loop"] and result.permerror


async def test_an_include_without_spf_is_broken() -> None:
    resolver = FakeResolver({("gone.example", "TXT"): txt("google-site-verification=abc")})
    result = await evaluate(parse_spf("v=spf1 include:gone.example -all"), resolver)
    assert result.broken == ["gone.example"] and result.permerror


async def test_a_syntax_error_in_an_included_record_breaks_the_whole_record() -> None:
    resolver = FakeResolver({("_spf.host.example", "TXT"): txt("v=spf1 ipv4:192.0.2.1 -all")})
    result = await evaluate(parse_spf("v=spf1 include:_spf.host.example -all"), resolver)
    (problem,) = result.problems
    assert (problem.kind, problem.where, problem.term) == ("syntax", "_spf.host.example",
                                                           "ipv4:192.0.2.1")


async def test_more_than_two_void_lookups_is_a_permerror() -> None:
    """RFC 7208 4.6.4: lookups that return no records ("void") are limited to two."""
    resolver = FakeResolver({("ok.example", "A"): A})
    record = parse_spf("v=spf1 a:ok.example a:gone1.example mx:gone2.example "
                       "exists:gone3.example a:never.example -all")
    result = await evaluate(record, resolver)
    (problem,) = result.problems
    assert problem.kind == "void" and problem.term == "exists:gone3.example"
    assert result.void_lookups == 3 and ("never.example", "A") not in resolver.queries


async def test_two_void_lookups_are_tolerated() -> None:
    resolver = FakeResolver()
    result = await evaluate(parse_spf("v=spf1 a:gone1.example a:gone2.example -all"), resolver)
    assert result.void_lookups == 2 and not result.permerror


async def test_mx_with_more_than_ten_hosts_is_a_permerror() -> None:
    hosts = DnsAnswer(tuple(f"10 mx{i}.example." for i in range(11)))
    resolver = FakeResolver({("big.example", "MX"): hosts})
    result = await evaluate(parse_spf("v=spf1 mx:big.example -all"), resolver)
    assert [p.kind for p in result.problems] == ["mx-hosts"]


async def test_known_answers_are_not_asked_again() -> None:
    resolver = FakeResolver()
    result = await evaluate(parse_spf("v=spf1 mx -all"), resolver, domain="d.example",
                            known={("d.example", "MX"): MX})
    assert resolver.queries == [] and result.lookups == 1 and result.void_lookups == 0


async def test_macros_are_counted_but_not_followed() -> None:
    resolver = FakeResolver()
    result = await evaluate(parse_spf("v=spf1 exists:%{i}._spf.example -all"), resolver)
    assert result.lookups == 1 and resolver.queries == [] and result.void_lookups == 0


async def test_an_include_carrying_a_private_marker_is_never_queried(profile) -> None:
    from footprint.profile.markers import private_markers

    resolver = FakeResolver({("ok.example", "TXT"): txt("v=spf1 -all")})
    record = parse_spf("v=spf1 include:kerkstraat12a.example include:ok.example -all")
    result = await evaluate(record, resolver, private_markers(profile))
    assert ("kerkstraat12a.example", "TXT") not in resolver.queries
    assert ("ok.example", "TXT") in resolver.queries and result.incomplete


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("+-~?:/=.%{}_aimnpx46lcdr0129 ")),
                        max_size=24), max_size=6))
def test_any_record_text_parses_to_a_record_or_a_named_error(terms: list[str]) -> None:
    record = parse_spf("v=spf1 " + " ".join(terms))
    assert record.error is None or record.error.term in record.terms
