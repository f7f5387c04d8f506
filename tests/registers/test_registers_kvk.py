"""register.kvk against recorded KvK answers: home, elsewhere, shielded, none, 401, 429."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import respx
from footprint_checks.registers.kvk import KvkCheck

from footprint.check import CheckContext, Inconclusive
from footprint.models import PROFILE_SUBJECT, FindingKind, Severity, Status
from tests.registers.helpers import recorded

ZOEKEN = "https://api.kvk.nl/api/v3/zoeken"
PROFIEL = "https://api.kvk.nl/api/v1/vestigingsprofielen/000012345670"
NONE = httpx.Response(404, json=recorded("kvk_no_results_404.json"))


def _zoeken(router: respx.MockRouter, by_kvk: httpx.Response,
            others: httpx.Response = NONE, base: str = ZOEKEN) -> respx.Route:
    def answer(request: httpx.Request) -> httpx.Response:
        chosen = by_kvk if "kvkNummer" in request.url.params else others
        return httpx.Response(chosen.status_code, headers=chosen.headers,
                              content=chosen.content)  # a fresh body for every call
    return router.get(url__startswith=base).mock(side_effect=answer)


async def _run(ctx: CheckContext) -> list:
    return list(await KvkCheck().run(PROFILE_SUBJECT, ctx))


async def test_business_at_home_is_high_and_masked(router: respx.MockRouter,
                                                   make_context: Callable[..., CheckContext]):
    route = _zoeken(router, httpx.Response(200, json=recorded("kvk_search_home.json")))
    findings = await _run(make_context(secrets={"KVK_API_KEY": "k"}))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.HIGH and finding.kind is FindingKind.EXPOSURE
    assert finding.key == "home:12345678:000012345670"
    assert "De Vries Advies" in finding.title.en and "12345678" in finding.title.nl
    assert "Kerkstraat" not in finding.evidence.excerpt and "3511" not in finding.evidence.excerpt
    assert "covenant" in finding.remediation.summary.en
    assert "convenant" in finding.remediation.summary.nl
    assert any("decentrale-politieke-ambtsdragers" in link.url
               for link in finding.remediation.links)
    sent = [call.request for call in route.calls]
    assert all(r.headers["apikey"] == "k" for r in sent)
    # only public identifiers went out: KvK number, trade name, name; never the address
    params = [dict(r.url.params) for r in sent]
    assert {"kvkNummer": "12345678"}.items() <= params[0].items()
    assert any(p.get("naam") == "De Vries Advies" for p in params)
    assert any(p.get("naam") == "Jan de Vries" for p in params)
    assert not any({"postcode", "huisnummer", "straatnaam"} & p.keys() for p in params)


async def test_street_only_is_confirmed_by_the_branch_profile(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(200, json=recorded("kvk_search_street_only.json")))
    profile = router.get(PROFIEL).respond(200, json=recorded("kvk_vestigingsprofiel_home.json"))
    findings = await _run(make_context(secrets={"KVK_API_KEY": "k"}))
    assert profile.called
    assert [f.severity for f in findings] == [Severity.HIGH]
    assert findings[0].detail is not None and "non-mailing" in findings[0].detail.en


async def test_business_elsewhere_is_clear(router: respx.MockRouter,
                                           make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(200, json=recorded("kvk_search_elsewhere.json")))
    assert await _run(make_context(secrets={"KVK_API_KEY": "k"})) == []


async def test_shielded_address_is_good_news(router: respx.MockRouter,
                                             make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(200, json=recorded("kvk_search_no_address.json")))
    router.get(PROFIEL).respond(200, json=recorded("kvk_vestigingsprofiel_shielded.json"))
    findings = await _run(make_context(secrets={"KVK_API_KEY": "k"}))
    assert len(findings) == 1
    assert findings[0].kind is FindingKind.GOOD
    assert findings[0].key == "shielded:12345678:000012345670"


async def test_no_results_anywhere_is_clear(router: respx.MockRouter,
                                            make_context: Callable[..., CheckContext]):
    route = _zoeken(router, NONE)
    assert await _run(make_context(secrets={"KVK_API_KEY": "k"})) == []
    assert route.call_count == 3


async def test_rejected_key_is_not_clear(router: respx.MockRouter,
                                         make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(401, json=recorded("kvk_unauthorized_401.json")))
    with pytest.raises(Inconclusive) as caught:
        await _run(make_context(secrets={"KVK_API_KEY": "wrong"}))
    assert "KVK_API_KEY" in caught.value.reason.en and "KVK_API_KEY" in caught.value.reason.nl


async def test_rate_limit_is_inconclusive(router: respx.MockRouter,
                                          make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(429, headers={"retry-after": "0"}))
    with pytest.raises(Inconclusive) as caught:
        await _run(make_context(secrets={"KVK_API_KEY": "k"}))
    assert "429" in caught.value.reason.en


async def test_server_error_is_an_error_not_clear(router: respx.MockRouter,
                                                  make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(500, text="oops"))
    with pytest.raises(httpx.HTTPStatusError):
        await _run(make_context(secrets={"KVK_API_KEY": "k"}))


async def test_without_a_key_it_is_a_guided_step(router: respx.MockRouter,
                                                 make_context: Callable[..., CheckContext]):
    findings = await _run(make_context())
    assert len(router.calls) == 0
    assert len(findings) == 1 and findings[0].kind is FindingKind.MANUAL
    assert findings[0].key == "manual"
    assert any(link.url == "https://www.kvk.nl/zoeken/?source=all&q=12345678"
               for link in findings[0].remediation.links)
    assert findings[0].remediation.summary.nl and findings[0].remediation.summary.en


async def test_test_environment_via_endpoint_override(router: respx.MockRouter,
                                                      make_context: Callable[..., CheckContext]):
    base = "https://api.kvk.nl/test/api"
    route = _zoeken(router, httpx.Response(200, json=recorded("kvk_search_home.json")),
                    base=f"{base}/v3/zoeken")
    findings = await _run(make_context(secrets={"KVK_API_KEY": "k"}, endpoints={"kvk": base}))
    assert route.called and findings[0].severity is Severity.HIGH


async def test_engine_reports_missing_key_as_manual_and_401_as_inconclusive(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    from footprint.engine import Engine, Job

    engine = Engine([KvkCheck()], make_context())
    result = await engine.run_one(Job(KvkCheck(), PROFILE_SUBJECT))
    assert result.status is Status.MANUAL
    _zoeken(router, httpx.Response(401, json=recorded("kvk_unauthorized_401.json")))
    engine = Engine([KvkCheck()], make_context(secrets={"KVK_API_KEY": "bad"}))
    result = await engine.run_one(Job(KvkCheck(), PROFILE_SUBJECT))
    assert result.status is Status.INCONCLUSIVE and result.findings == ()


@pytest.mark.parametrize(("street", "number", "postcode", "city", "place"), [
    ("Kerkstraat", "12a", "3511AB", "Utrecht", "home"),
    ("Kerkstraat", "12", "", "Utrecht", "home"),  # addition left out, same building
    ("kerkstr.", "12A", "", "Utrecht", "home"),
    ("Kerkstraat", "", "", "Utrecht", "street"),
    ("Kerkstraat", "14", "", "Utrecht", "elsewhere"),
    ("Kerkstraat", "", "", "Amersfoort", "elsewhere"),
    ("Stationsplein", "1", "3511CE", "Utrecht", "elsewhere"),
    ("", "12", "3511AB", "", "home"),
])
async def test_compare_is_local_and_precise(make_context: Callable[..., CheckContext],
                                            street: str, number: str, postcode: str, city: str,
                                            place: str):
    from footprint_checks.registers.kvk import compare
    from footprint_checks.registers.kvk_api import KvkAddress

    address = KvkAddress(street=street, number=number, postcode=postcode, city=city)
    assert compare(address, make_context()).value == place


# --- Zoeken API versions (V3 by default; V2 on request) -------------------------------


def test_documented_example_parses() -> None:
    """KvK's own example answer (developers.kvk.nl/nl/documentation, test data)."""
    from footprint_checks.registers.kvk_api import parse_search

    results, total = parse_search(recorded("kvk_documented_rechtspersoon.json"))
    assert total == 1 and len(results) == 1
    only = results[0]
    assert (only.kvk_number, only.branch_number, only.kind) == ("69599068", "", "rechtspersoon")
    assert only.address is not None and only.address.text() == "Oosterwal, Lochem"
    foreign, _ = parse_search(recorded("kvk_documented_foreign_address.json"))
    assert foreign[0].address is not None and foreign[0].address.country == "string"


async def test_v3_is_the_default_and_asks_one_page(router: respx.MockRouter,
                                                  make_context: Callable[..., CheckContext]):
    many = recorded("kvk_search_elsewhere.json") | {"totaal": 250}
    route = _zoeken(router, httpx.Response(200, json=many))
    findings = await _run(make_context(secrets={"KVK_API_KEY": "k"},
                                       settings={"kvk_max_pages": 3}))
    paths = {call.request.url.path for call in route.calls}
    assert paths == {"/api/v3/zoeken"}
    # V3 shows at most 100 results: never a second page, and the rest is reported
    by_kvk = [c.request for c in route.calls if "kvkNummer" in c.request.url.params]
    assert [r.url.params["pagina"] for r in by_kvk] == ["1"]
    assert [f.key for f in findings] == ["more-results"]


async def test_v2_on_request_pages_through(router: respx.MockRouter,
                                           make_context: Callable[..., CheckContext]):
    base = "https://api.kvk.nl/api/v2/zoeken"
    many = recorded("kvk_search_elsewhere.json") | {"totaal": 250}
    route = _zoeken(router, httpx.Response(200, json=many), base=base)
    await _run(make_context(secrets={"KVK_API_KEY": "k"},
                            settings={"kvk_api_version": "v2", "kvk_max_pages": 3}))
    by_kvk = [c.request for c in route.calls if "kvkNummer" in c.request.url.params]
    assert [r.url.params["pagina"] for r in by_kvk] == ["1", "2", "3"]
    assert all(r.url.path == "/api/v2/zoeken" for r in by_kvk)


async def test_rejected_parameter_is_inconclusive_and_names_the_setting(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    _zoeken(router, httpx.Response(400, json=recorded("kvk_unsupported_parameter_400.json")))
    with pytest.raises(Inconclusive) as caught:
        await _run(make_context(secrets={"KVK_API_KEY": "k"}))
    reason = caught.value.reason
    assert "IPD1999" in reason.en and 'kvk_api_version = "v2"' in reason.en
    assert "kvk_api_version" in reason.nl


async def test_unknown_version_is_a_config_error(router: respx.MockRouter,
                                                 make_context: Callable[..., CheckContext]):
    from footprint.errors import ConfigError

    with pytest.raises(ConfigError, match="kvk_api_version"):
        await _run(make_context(secrets={"KVK_API_KEY": "k"},
                                settings={"kvk_api_version": "v9"}))
    assert len(router.calls) == 0


# --- answers that fit V2's documented fields only in part: inconclusive, never clear ---


def _documented_with(**changes: object) -> dict:
    """KvK's documented example answer (kvk_documented_rechtspersoon.json) with its one
    result changed; a value of None removes the field."""
    body = recorded("kvk_documented_rechtspersoon.json")
    item = body["resultaten"][0]
    for key, value in changes.items():
        if value is None:
            item.pop(key, None)
        else:
            item[key] = value
    return body


@pytest.mark.parametrize(("body", "what"), [
    # the address moved to another field, as a new API version might do
    (_documented_with(adres=None, adressen=[{"type": "bezoekadres", "straatnaam": "Oosterwal",
                                             "plaats": "Lochem"}]), "adressen"),
    (_documented_with(bezoekadres={"straatnaam": "Oosterwal", "plaats": "Lochem"}),
     "bezoekadres"),
    # V1's flat address form inside 'adres', or an address that is a list
    (_documented_with(adres={"straatnaam": "Oosterwal", "plaats": "Lochem"}), "form"),
    (_documented_with(adres=[{"binnenlandsAdres": {"straatnaam": "Oosterwal"}}]), "object"),
    (_documented_with(kvkNummer="6959906"), "8 digits"),
    (_documented_with(kvkNummer=69599068.5), "8 digits"),
    (_documented_with(vestigingsnummer="37178598"), "12 digits"),
    (recorded("kvk_documented_rechtspersoon.json") | {"totaal": "1"}, "totaal"),
    (recorded("kvk_documented_rechtspersoon.json") | {"totaal": 0}, "totaal"),
])
def test_answers_beyond_the_documented_fields_are_inconclusive(body: dict, what: str) -> None:
    from footprint_checks.registers.kvk_api import parse_search

    with pytest.raises(Inconclusive) as caught:
        parse_search(body)
    assert what in caught.value.reason.en
    assert "KVK" in caught.value.reason.nl


def test_documented_shapes_still_parse() -> None:
    from footprint_checks.registers.kvk_api import parse_search

    # 'adres' may be absent (KvK's search leaves it out, e.g. for shielded addresses)
    results, total = parse_search(_documented_with(adres=None))
    assert total == 1 and results[0].address is None
    # the documented V2 example branch ("Test BV Donald") with both numbers in KvK's form
    results, _ = parse_search(recorded("kvk_documented_foreign_address.json"))
    assert (results[0].kvk_number, results[0].branch_number) == ("68750110", "000037178598")


def test_a_full_page_without_totaal_counts_as_more() -> None:
    from footprint_checks.registers.kvk_api import PAGE_SIZE, parse_search

    full = recorded("kvk_documented_rechtspersoon.json")
    full["resultaten"] = full["resultaten"] * PAGE_SIZE
    del full["totaal"]
    results, total = parse_search(full)
    assert len(results) == PAGE_SIZE and total > PAGE_SIZE
    one = recorded("kvk_documented_rechtspersoon.json")
    del one["totaal"]
    assert parse_search(one)[1] == 1


async def test_v3_answer_with_an_unread_address_field_is_not_clear(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    """A name search whose branch result carries its address under a field V2 does not
    document: without the rule it would be dropped as 'no address', i.e. reported clear."""
    body = recorded("kvk_search_elsewhere.json")
    item = body["resultaten"][0]
    item["bezoekadres"] = item.pop("adres")["binnenlandsAdres"] | {"straatnaam": "Kerkstraat"}
    _zoeken(router, NONE, others=httpx.Response(200, json=body))
    with pytest.raises(Inconclusive) as caught:
        await _run(make_context(secrets={"KVK_API_KEY": "k"},
                                settings={"kvk_branch_profiles": False}))
    assert "bezoekadres" in caught.value.reason.en
    assert not any("vestigingsprofielen" in str(c.request.url) for c in router.calls)
