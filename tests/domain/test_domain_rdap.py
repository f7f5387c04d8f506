from __future__ import annotations

import httpx
import pytest
from footprint_checks.domain.rdap import RdapCheck

from footprint.check import Inconclusive, Skip
from footprint.engine import Engine, Job
from footprint.matching import MASK
from footprint.models import FindingKind, Severity, Status, Subject

from .helpers import load_json, profile_with

SIDN = "https://rdap.sidn.nl/domain/devries-utrecht.nl"
JAN = Subject("domain", "devries-utrecht.nl")


@pytest.fixture(autouse=True)
def no_user_cache(tmp_path, monkeypatch):
    """The user's own cached bootstrap must not change what these tests see."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


async def _result(ctx, subject=JAN):
    check = RdapCheck()
    return await Engine([check], ctx).run_one(Job(check, subject))


async def test_registrant_home_address_and_phone_are_high_and_masked(router, make_context):
    route = router.get(SIDN).respond(200, json=load_json("rdap_nl_registrant_exposed.json"))
    result = await _result(make_context())
    assert result.status is Status.EXPOSED
    assert route.calls.last.request.headers["accept"].startswith("application/rdap+json")
    by_key = {f.key: f for f in result.findings}
    assert by_key["devries-utrecht.nl#registration-address"].severity is Severity.HIGH
    assert by_key["devries-utrecht.nl#registration-postcode"].severity is Severity.HIGH
    assert by_key["devries-utrecht.nl#registration-phone"].severity is Severity.HIGH
    # the administrative contact publishes a private-looking email next to the name
    assert by_key["devries-utrecht.nl#published-administrative-name-email"].severity \
        is Severity.LOW
    for finding in result.findings:
        excerpt = finding.evidence.excerpt or ""
        assert "Kerkstraat 12a" not in excerpt and "3511 AB" not in excerpt
        assert "612345678" not in excerpt
        assert finding.evidence.url == SIDN
        assert finding.remediation.steps and finding.remediation.summary.nl
    assert MASK in by_key["devries-utrecht.nl#registration-address"].evidence.excerpt


async def test_rfc9537_redaction_is_good_news(router, make_context):
    router.get(SIDN).respond(200, json=load_json("rdap_domain_redacted_rfc9537_example1.json"))
    result = await _result(make_context())
    assert result.status is Status.CLEAR
    [good] = result.findings
    assert good.kind is FindingKind.GOOD and good.key == "devries-utrecht.nl#shielded"
    assert "Registrant Name" in good.detail.en and "Registrant Street" in good.detail.en


async def test_thin_registry_leads_to_the_registrar_and_its_privacy_service(router,
                                                                           make_context):
    registry = router.get("https://rdap.verisign.com/com/v1/domain/devries-campagne.com") \
        .respond(200, json=load_json("rdap_domain_com_verisign_google.json"))
    registrar = router.get("https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM") \
        .respond(200, json=load_json("rdap_registrar_privacy_service.json"))
    profile = profile_with(["devries-campagne.com"], [])
    result = await _result(make_context(profile), Subject("domain", "devries-campagne.com"))
    assert registry.called and registrar.called
    assert result.status is Status.CLEAR
    [good] = result.findings
    assert good.kind is FindingKind.GOOD
    assert "Withheld for Privacy" in good.detail.en
    assert good.evidence.url == "https://rdap.registrar.example/rdap/domain/devries-campagne.com"


async def test_registrar_that_fails_makes_it_inconclusive(router, make_context):
    router.get("https://rdap.verisign.com/com/v1/domain/devries-campagne.com") \
        .respond(200, json=load_json("rdap_domain_com_verisign_google.json"))
    router.get("https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM").respond(500)
    ctx = make_context(profile_with(["devries-campagne.com"], []))
    with pytest.raises(Inconclusive, match="HTTP 500"):
        await RdapCheck().run(Subject("domain", "devries-campagne.com"), ctx)


@pytest.mark.parametrize("body", [load_json("rdap_domain_not_found_404_centralnic.json"), None])
async def test_404_says_clearly_that_your_domain_is_not_registered(router, make_context, body):
    router.get(SIDN).respond(404, json=body) if body else router.get(SIDN).respond(404)
    result = await _result(make_context())
    assert result.status is Status.EXPOSED
    [finding] = result.findings
    assert finding.key == "devries-utrecht.nl#not-registered"
    assert finding.severity is Severity.HIGH  # jan@devries-utrecht.nl would reach a stranger
    assert "not registered" in finding.title.en and "niet geregistreerd" in finding.title.nl


async def test_404_for_a_domain_without_mail_is_medium(router, make_context):
    router.get(SIDN).respond(404)
    ctx = make_context(profile_with(["devries-utrecht.nl"], ["jan@elders.nl"]))
    [finding] = await RdapCheck().run(JAN, ctx)
    assert finding.severity is Severity.MEDIUM


async def test_tld_without_rdap_is_a_guided_step_at_the_registry(router, make_context):
    ctx = make_context(profile_with(["devries.eu"], []))
    result = await _result(ctx, Subject("domain", "devries.eu"))
    assert result.status is Status.MANUAL
    [step] = result.findings
    assert step.kind is FindingKind.MANUAL
    assert step.remediation.links[0].url == "https://whois.eurid.eu/"
    assert "EURid" in step.remediation.summary.en
    assert not router.calls


async def test_unknown_registry_falls_back_to_ianas_page(make_context):
    ctx = make_context(profile_with(["devries.zz"], []))
    [step] = await RdapCheck().run(Subject("domain", "devries.zz"), ctx)
    assert step.evidence.url == "https://www.iana.org/domains/root/db/zz.html"


async def test_reserved_names_are_skipped(make_context):
    with pytest.raises(Skip, match="reserved"):
        await RdapCheck().run(Subject("domain", "raad.example"), make_context())


@pytest.mark.parametrize(("response", "message"), [
    (httpx.Response(429), "429"),
    (httpx.Response(503), "HTTP 503"),
    (httpx.Response(200, text="<html>blocked</html>"), "RDAP domain record"),
    (httpx.Response(200, json={"objectClassName": "entity"}), "RDAP domain record"),
])
async def test_unexpected_answers_are_inconclusive_never_clear(router, make_context, response,
                                                               message):
    router.get(SIDN).mock(return_value=response)
    result = await _result(make_context())
    assert result.status is Status.INCONCLUSIVE
    assert message in result.reason.en


async def test_endpoint_override_replaces_the_bootstrap_server(router, make_context):
    route = router.get("https://mirror.example/rdap/domain/devries-utrecht.nl") \
        .respond(200, json=load_json("rdap_domain_redacted_rfc9537_example1.json"))
    ctx = make_context(endpoints={"rdap-nl": "https://mirror.example/rdap/"})
    await RdapCheck().run(JAN, ctx)
    assert route.called


async def test_nothing_published_at_all_is_good_news(router, make_context):
    router.get(SIDN).respond(200, json={"objectClassName": "domain",
                                        "ldhName": "devries-utrecht.nl", "entities": []})
    [good] = await RdapCheck().run(JAN, make_context())
    assert good.kind is FindingKind.GOOD and good.key.endswith("#no-registrant-data")


async def test_an_employers_domain_reports_only_what_is_about_you(router, make_context):
    body = load_json("rdap_nl_registrant_exposed.json")
    registrant = body["entities"][1]["vcardArray"][1]
    registrant[1][3] = "Gemeente Utrecht"
    registrant[2][3] = ["", "", "Stadsplateau 1", "Utrecht", "", "3521 AZ", "NL"]
    registrant[3][3] = "tel:+31.302860000"
    body["entities"] = body["entities"][:2]
    org = httpx.Response(200, json=body)
    registrant[1][3] = "Jan de Vries"  # registered in your own name: that is about you
    router.get("https://rdap.sidn.nl/domain/utrecht.nl").mock(
        side_effect=[org, httpx.Response(200, json=body)])
    ctx = make_context(profile_with([], ["jan.devries@utrecht.nl"]))
    # the municipality's own address and switchboard are public and not about you
    assert await RdapCheck().run(Subject("domain", "utrecht.nl"), ctx) == []
    findings = await RdapCheck().run(Subject("domain", "utrecht.nl"), ctx)
    assert [f.severity for f in findings] == [Severity.MEDIUM]
    assert "address" in findings[0].title.en


async def test_a_subdomain_is_looked_up_as_its_registered_domain(router, make_context):
    router.get("https://rdap.sidn.nl/domain/post.devries-utrecht.nl").respond(404)
    parent = router.get(SIDN).respond(
        200, json=load_json("rdap_domain_redacted_rfc9537_example1.json"))
    ctx = make_context(profile_with(["post.devries-utrecht.nl"], []))
    [good] = await RdapCheck().run(Subject("domain", "post.devries-utrecht.nl"), ctx)
    assert parent.called and good.kind is FindingKind.GOOD
