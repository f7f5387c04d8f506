"""register.raadsinformatie against recorded OpenBesluitvorming answers."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import respx
from footprint_checks.registers.raadsinformatie import RaadsinformatieCheck

from footprint.check import CheckContext, Inconclusive
from footprint.models import PROFILE_SUBJECT, FindingKind, Severity
from tests.registers.helpers import recorded

SEARCH = "https://openbesluitvorming.nl/api/search"
ENTITY = "https://openbesluitvorming.nl/api/entities/"
WITH_ADDRESS = ENTITY + "document%3Anotubiz%3Agemeente%3Autrecht%3A1001"
WITHOUT = ENTITY + "document%3Aibabs%3Agemeente%3Autrecht%3A2002"


async def _run(ctx: CheckContext) -> list:
    return list(await RaadsinformatieCheck().run(PROFILE_SUBJECT, ctx))


async def test_hit_with_address_is_reported_masked(router: respx.MockRouter,
                                                   make_context: Callable[..., CheckContext]):
    search = router.get(url__startswith=SEARCH).respond(
        200, json=recorded("obv_search_hits.json"))
    router.get(WITH_ADDRESS).respond(200, json=recorded("obv_entity_with_address.json"))
    router.get(WITHOUT).respond(200, json=recorded("obv_entity_without.json"))
    findings = await _run(make_context())
    assert len(findings) == 1
    finding = findings[0]
    assert finding.key == "document:notubiz:gemeente:utrecht:1001"
    assert finding.severity is Severity.HIGH
    assert finding.evidence.url == "https://utrecht.notubiz.nl/document/1001/verhuisbericht.pdf"
    excerpt = finding.evidence.excerpt or ""
    assert "█████" in excerpt
    assert "Kerkstraat 12a" not in excerpt and "3511 AB" not in excerpt
    assert "12345678" not in excerpt
    assert "address" in finding.evidence.matched
    assert "sander.bakker@vng.nl" in " ".join(s.en for s in finding.remediation.steps)
    assert "griffie" in finding.remediation.summary.nl
    # the name went out as a quoted phrase, the address never did
    queries = [call.request.url.params["query"] for call in search.calls]
    assert queries == ['"Jan de Vries"', '"J. de Vries"']
    assert all(call.request.url.params["entityType"] == "Document" for call in search.calls)


async def test_hits_without_private_details_are_clear(router: respx.MockRouter,
                                                      make_context: Callable[..., CheckContext]):
    hits = recorded("obv_search_hits.json")
    hits["results"] = hits["results"][1:]
    router.get(url__startswith=SEARCH).respond(200, json=hits)
    router.get(WITHOUT).respond(200, json=recorded("obv_entity_without.json"))
    assert await _run(make_context()) == []


async def test_no_hits_is_clear(router: respx.MockRouter,
                                make_context: Callable[..., CheckContext]):
    router.get(url__startswith=SEARCH).respond(200, json=recorded("obv_search_empty.json"))
    assert await _run(make_context()) == []


async def test_search_error_is_not_clear(router: respx.MockRouter,
                                         make_context: Callable[..., CheckContext]):
    router.get(url__startswith=SEARCH).respond(502, text="Bad Gateway")
    with pytest.raises(httpx.HTTPStatusError):
        await _run(make_context())


async def test_rate_limit_and_odd_answers_are_inconclusive(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    route = router.get(url__startswith=SEARCH).respond(429)
    with pytest.raises(Inconclusive):
        await _run(make_context())
    route.respond(200, json={"unexpected": True})
    with pytest.raises(Inconclusive):
        await _run(make_context())


async def test_unreadable_documents_become_a_guided_step(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    router.get(url__startswith=SEARCH).respond(200, json=recorded("obv_search_hits.json"))
    router.get(WITH_ADDRESS).respond(200, json=recorded("obv_entity_with_address.json"))
    router.get(WITHOUT).respond(503)
    findings = await _run(make_context())
    kinds = {f.key: f.kind for f in findings}
    assert kinds == {"document:notubiz:gemeente:utrecht:1001": FindingKind.EXPOSURE,
                     "unreadable": FindingKind.MANUAL}


async def test_all_documents_unreadable_is_inconclusive(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    router.get(url__startswith=SEARCH).respond(200, json=recorded("obv_search_hits.json"))
    router.get(url__startswith=ENTITY).respond(500)
    with pytest.raises(Inconclusive):
        await _run(make_context())


async def test_organization_and_limit_settings(router: respx.MockRouter,
                                               make_context: Callable[..., CheckContext]):
    search = router.get(url__startswith=SEARCH).respond(
        200, json={**recorded("obv_search_hits.json"), "hasMore": True})
    router.get(url__startswith=ENTITY).respond(200, json=recorded("obv_entity_without.json"))
    findings = await _run(make_context(settings={"raadsinformatie_organization": "utrecht",
                                                 "raadsinformatie_max_documents": 1}))
    params = search.calls[0].request.url.params
    assert params["organization"] == "utrecht" and params["limit"] == "1"
    assert [f.key for f in findings] == ["more-documents"]
    assert findings[0].kind is FindingKind.MANUAL
