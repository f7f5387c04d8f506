from __future__ import annotations

import re

import pytest
from conftest import FakeResolver
from footprint_checks.domain.email_auth import EmailAuthCheck

from footprint.check import Inconclusive
from footprint.dns import DnsAnswer, DnsFailure
from footprint.engine import Engine, Job
from footprint.models import Finding, FindingKind, Severity, Status, Subject

D = "devries-utrecht.nl"
JAN = Subject("domain", D)
MX = {(D, "MX"): DnsAnswer(("10 mx.hosting.example.",))}
DS = {(D, "DS"): DnsAnswer(("12345 13 2 ABCDEF0123456789",))}


def txt(*records: str, authenticated: bool = False) -> DnsAnswer:
    return DnsAnswer(tuple(records), authenticated=authenticated)


def spf(record: str) -> dict[tuple[str, str], DnsAnswer]:
    return {(D, "TXT"): txt("google-site-verification=xyz", record)}


def dmarc(record: str) -> dict[tuple[str, str], DnsAnswer]:
    return {(f"_dmarc.{D}", "TXT"): txt(record)}


async def run(make_context, answers, subject=JAN) -> dict[str, Finding]:
    ctx = make_context(resolver=FakeResolver(answers))
    findings = await EmailAuthCheck().run(subject, ctx)
    return {f.key.split("#", 1)[1]: f for f in findings}


def steps_text(finding: Finding) -> str:
    return "\n".join(s.en for s in finding.remediation.steps)


async def test_no_spf_and_no_dmarc_is_an_open_door(make_context):
    found = await run(make_context, MX)
    assert found["spf-missing"].severity is Severity.HIGH
    assert found["dmarc-missing"].severity is Severity.HIGH
    assert found["dnssec-unsigned"].severity is Severity.LOW
    assert f'{D}. TXT "v=spf1 mx ~all"' in steps_text(found["spf-missing"])
    assert (f'_dmarc.{D}. TXT "v=DMARC1; p=quarantine; rua=mailto:jan@{D}"'
            in steps_text(found["dmarc-missing"]))


async def test_spf_softfail_without_dmarc_is_medium(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx ~all"))
    assert found["spf-ok"].kind is FindingKind.GOOD
    assert found["dmarc-missing"].severity is Severity.MEDIUM


async def test_everything_in_place_is_all_good_news(make_context):
    answers = ({(D, "MX"): DnsAnswer(("10 mx.hosting.example.",), authenticated=True)}
               | spf("v=spf1 mx -all") | DS
               | dmarc("v=DMARC1; p=reject; rua=mailto:dmarc@devries-utrecht.nl"))
    found = await run(make_context, answers)
    assert set(found) == {"spf-ok", "dmarc-ok", "dnssec-ok"}
    assert all(f.kind is FindingKind.GOOD for f in found.values())


async def test_signed_but_not_validated_by_the_resolver_says_so(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all") | DS)
    assert found["dnssec-signed"].kind is FindingKind.GOOD
    assert "does not validate" in found["dnssec-signed"].detail.en


async def test_policy_none_only_watches(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx ~all")
                      | dmarc("v=DMARC1; p=none; rua=mailto:r@report.example"))
    issue = found["dmarc-policy-none"]
    assert issue.severity is Severity.MEDIUM
    assert ('"v=DMARC1; p=quarantine; rua=mailto:r@report.example"'
            in steps_text(issue))


async def test_enforcing_dmarc_makes_missing_spf_a_small_gap(make_context):
    found = await run(make_context, MX | dmarc("v=DMARC1; p=reject; rua=mailto:r@x.example"))
    assert found["spf-missing"].severity is Severity.LOW
    assert found["dmarc-ok"].kind is FindingKind.GOOD


async def test_two_spf_records_are_merged_in_the_advice(make_context):
    answers = MX | {(D, "TXT"): txt("v=spf1 mx -all", "v=spf1 include:_spf.google.com ~all")}
    found = await run(make_context, answers)
    issue = found["spf-multiple"]
    assert issue.severity is Severity.HIGH
    assert f'{D}. TXT "v=spf1 mx include:_spf.google.com ~all"' in steps_text(issue)


async def test_plus_all_approves_everyone(make_context):
    found = await run(make_context, MX | spf("v=spf1 +all")
                      | dmarc("v=DMARC1; p=reject; rua=mailto:r@x.example"))
    assert found["spf-allows-anyone"].severity is Severity.HIGH


async def test_no_all_and_neutral_all_reject_nothing(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx ?all"))
    assert found["spf-no-fail"].severity is Severity.MEDIUM


async def test_too_many_lookups(make_context):
    chain = {(f"i{n}.example", "TXT"): txt(f"v=spf1 a mx include:i{n + 1}.example -all")
             for n in range(10)}
    chain |= {(f"i{n}.example", "A"): DnsAnswer(("192.0.2.1",)) for n in range(10)}
    chain |= {(f"i{n}.example", "MX"): DnsAnswer(("10 mx.example.",)) for n in range(10)}
    found = await run(make_context, MX | spf("v=spf1 include:i0.example -all") | chain)
    assert found["spf-too-many-lookups"].severity is Severity.HIGH
    assert "10" in found["spf-too-many-lookups"].title.en


async def test_known_mail_host_gets_its_include_in_the_record(make_context):
    answers = {(D, "MX"): DnsAnswer(("0 devries-utrecht-nl.mail.protection.outlook.com.",))}
    found = await run(make_context, answers)
    assert f'{D}. TXT "v=spf1 include:spf.protection.outlook.com ~all"' in \
        steps_text(found["spf-missing"])


async def test_reports_missing_and_partial_policy_are_low(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all") | dmarc("v=DMARC1; p=reject"))
    assert found["dmarc-no-reports"].severity is Severity.LOW
    assert f'rua=mailto:jan@{D}' in steps_text(found["dmarc-no-reports"])
    found = await run(make_context, MX | spf("v=spf1 mx -all")
                      | dmarc("v=DMARC1; p=quarantine; pct=20; rua=mailto:r@x.example"))
    assert found["dmarc-partial"].severity is Severity.LOW


async def test_domain_without_mail_gets_the_three_lockdown_records(make_context):
    no_mx = {(D, "MX"): DnsAnswer(())}  # the name exists, with no MX (NODATA)
    found = await run(make_context, no_mx | {(D, "TXT"): txt("some-verification=1")})
    issue = found["no-mail-unlocked"]
    assert issue.severity is Severity.HIGH
    steps = steps_text(issue)
    for rec in (f"{D}. MX 0 .", f'{D}. TXT "v=spf1 -all"',
                f'_dmarc.{D}. TXT "v=DMARC1; p=reject;"'):
        assert rec in steps
    assert "spf-missing" not in found and "dmarc-missing" not in found


async def test_locked_down_domain_without_mail_is_good(make_context):
    answers = ({(D, "MX"): DnsAnswer(("0 .",))} | spf("v=spf1 -all")
               | dmarc("v=DMARC1; p=reject;"))
    found = await run(make_context, answers)
    assert found["no-mail-locked"].kind is FindingKind.GOOD


async def test_half_locked_domain_lists_only_what_is_missing(make_context):
    found = await run(make_context, {(D, "MX"): DnsAnswer(("0 .",))} | spf("v=spf1 -all"))
    issue = found["no-mail-unlocked"]
    assert issue.severity is Severity.MEDIUM
    assert "MX 0 ." not in steps_text(issue) and "p=reject" in steps_text(issue)


async def test_subdomain_inherits_the_organisations_policy(make_context):
    sub = "post.devries-utrecht.nl"
    answers = {(sub, "MX"): DnsAnswer(("10 mx.hosting.example.",)),
               (sub, "TXT"): txt("v=spf1 mx -all"),
               (f"_dmarc.{D}", "TXT"): txt("v=DMARC1; p=reject; sp=quarantine; rua=mailto:r@x.nl")}
    found = await run(make_context, answers, Subject("domain", sub))
    assert found["dmarc-ok"].kind is FindingKind.GOOD
    assert "p=quarantine" in found["dmarc-ok"].title.en


async def test_nonexistent_domain_is_inconclusive(make_context):
    with pytest.raises(Inconclusive, match="NXDOMAIN"):
        await run(make_context, {})


class FailingResolver(FakeResolver):
    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        if rdtype == "TXT":
            raise DnsFailure(f"DNS lookup of {name} {rdtype} failed: timeout")
        return await super().query(name, rdtype)


async def test_dns_failure_is_an_error_never_clear(make_context):
    ctx = make_context(resolver=FailingResolver(MX))
    check = EmailAuthCheck()
    result = await Engine([check], ctx).run_one(Job(check, JAN))
    assert result.status is Status.ERROR and not result.findings
    assert "timeout" in result.reason.en


async def test_status_through_the_engine(make_context):
    ctx = make_context(resolver=FakeResolver(MX | spf("v=spf1 mx ~all")))
    check = EmailAuthCheck()
    result = await Engine([check], ctx).run_one(Job(check, JAN))
    assert result.status is Status.EXPOSED
    assert result.findings[0].severity is Severity.MEDIUM  # DMARC missing, sorted first


REJECT = dmarc("v=DMARC1; p=reject; rua=mailto:r@x.example")


@pytest.mark.parametrize(("record", "term"), [
    ("v=spf1 ipv4:192.0.2.1 -all", "ipv4:192.0.2.1"),
    ("v=spf1 ip4:relay.example.net -all", "ip4:relay.example.net"),
    ("v=spf1 mx include: -all", "include:"),
])
async def test_a_record_receivers_cannot_parse_is_broken_not_valid(make_context, record, term):
    ctx = make_context(resolver=FakeResolver(MX | spf(record) | REJECT))
    found = {f.key.split("#", 1)[1]: f for f in await EmailAuthCheck().run(JAN, ctx)}
    issue = found["spf-permerror"]
    assert "spf-ok" not in found and issue.kind is FindingKind.EXPOSURE
    assert f"'{term}'" in issue.title.en and "receivers ignore your SPF record" in issue.title.en
    assert f"'{term}'" in issue.remediation.summary.en and issue.title.nl
    suggested = re.search(r'TXT "(v=spf1[^"]*)"', steps_text(issue))
    assert suggested and term not in suggested.group(1).split()  # the suggestion drops it
    # an empty include is never a query for the DNS root (or anything else)
    assert all(name not in ("", ".") for name, _ in ctx.dns.queries)


async def test_a_broken_included_record_names_where_it_is(make_context):
    answers = MX | spf("v=spf1 include:_spf.host.example -all") | {
        ("_spf.host.example", "TXT"): txt("v=spf1 ip4:mail.host.example ~all")}
    found = await run(make_context, answers)
    issue = found["spf-permerror"]
    assert "'ip4:mail.host.example'" in issue.title.en
    assert "in the record of _spf.host.example" in issue.detail.en


@pytest.mark.parametrize(("record", "words"), [
    ("v=spf1 mx -all", "ends in -all"),
    ("v=spf1 mx ~all", "ends in ~all"),
])
async def test_spf_says_what_its_policy_is(make_context, record, words):
    found = await run(make_context, MX | spf(record) | REJECT)
    assert words in found["spf-ok"].title.en


@pytest.mark.parametrize(("record", "words"), [
    ("v=spf1 mx ?all", "ends in ?all (neutral)"),
    ("v=spf1 mx", "has no 'all' at the end"),
])
async def test_neutral_and_missing_all_are_told_apart(make_context, record, words):
    found = await run(make_context, MX | spf(record))
    assert words in found["spf-no-fail"].title.en


async def test_dmarc_with_the_wrong_version_is_ignored(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all")
                      | dmarc("v=dmarc1; p=reject; rua=mailto:r@x.example"))
    issue = found["dmarc-ignored"]
    assert issue.severity is Severity.MEDIUM and "exactly v=DMARC1" in issue.title.en
    assert "Replace the TXT record at _dmarc" in steps_text(issue)
    assert "dmarc-ok" not in found


async def test_a_rua_without_mailto_keeps_the_policy(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all")
                      | dmarc("v=DMARC1; p=reject; rua=dmarc@devries-utrecht.nl"))
    issue = found["dmarc-no-reports"]
    assert issue.severity is Severity.LOW and "not a mailto: address" in issue.detail.en
    assert "dmarc-invalid" not in found
    assert ('"v=DMARC1; p=reject; rua=mailto:dmarc@devries-utrecht.nl"'
            in steps_text(issue))


async def test_invalid_policy_says_which_tag(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all") | dmarc("v=DMARC1; p=block"))
    assert "p=block" in found["dmarc-invalid"].title.en


async def test_partial_policy_names_the_policy_and_what_the_rest_gets(make_context):
    found = await run(make_context, MX | spf("v=spf1 mx -all")
                      | dmarc("v=DMARC1; p=reject; pct=30; rua=mailto:r@x.example"))
    title = found["dmarc-partial"].title.en
    assert "p=reject for only 30%" in title and "the other 70% gets p=quarantine" in title


async def test_domain_without_mail_is_told_to_replace_what_it_has(make_context):
    no_mx = {(D, "MX"): DnsAnswer(("0 .",))}
    found = await run(make_context, no_mx | spf("v=spf1 -all")
                      | dmarc("v=DMARC1; p=none; rua=mailto:r@x.example"))
    steps = steps_text(found["no-mail-unlocked"])
    assert f'Replace the TXT record at _dmarc.{D} with: _dmarc.{D}. TXT "v=DMARC1; ' \
           'p=reject;"' in steps
    assert "Add this record" not in steps
