"""search.engine through the Brave Search API (recorded responses)."""

from __future__ import annotations

import httpx
import pytest
import respx
from footprint_checks.search import engine_check
from footprint_checks.search.engine_check import SearchEngineCheck

from footprint.check import Inconclusive, Skip
from footprint.models import PROFILE_SUBJECT, FindingKind, Severity

from .helpers import load, per_query

BRAVE = {"provider": "brave", "delay_s": 0}
KEY = {"BRAVE_API_KEY": "test-key"}


def _route(router: respx.MockRouter, handler) -> respx.Route:
    return router.get(host="api.search.brave.com", path="/res/v1/web/search").mock(
        side_effect=handler)


async def test_brave_results_are_matched_locally(router, make_context) -> None:
    route = _route(router, per_query({'"Jan de Vries" Utrecht': load("brave_hits.json")},
                                     load("brave_web_search_excerpt.json")))
    findings = list(await SearchEngineCheck(BRAVE).run(
        PROFILE_SUBJECT, make_context(settings=BRAVE, secrets=KEY)))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.kind is FindingKind.EXPOSURE and finding.severity is Severity.HIGH
    assert finding.evidence.url == "https://www.adresgids.example/personen/utrecht/jan-de-vries"
    assert "<strong>" not in (finding.evidence.excerpt or "")
    assert "Kerkstraat 12a" not in (finding.evidence.excerpt or "")
    request = route.calls[0].request
    assert request.headers["X-Subscription-Token"] == "test-key"
    assert request.url.params["count"] == "20"


async def test_invalid_key_is_inconclusive_and_stops(router, make_context) -> None:
    route = _route(router, per_query({}, httpx.Response(
        422, json=load("brave_error_422_invalid_token.json"))))
    with pytest.raises(Inconclusive) as raised:
        await SearchEngineCheck(BRAVE).run(PROFILE_SUBJECT,
                                           make_context(settings=BRAVE, secrets=KEY))
    assert "SUBSCRIPTION_TOKEN_INVALID" in raised.value.reason.en
    assert route.call_count == 1


async def test_answer_without_web_section_counts_as_no_results(router, make_context) -> None:
    _route(router, per_query({}, {"type": "search", "query": {"original": "x"}}))
    with pytest.raises(Inconclusive):
        await SearchEngineCheck(BRAVE).run(PROFILE_SUBJECT,
                                           make_context(settings=BRAVE, secrets=KEY))


async def test_brave_without_key_is_skipped(make_context) -> None:
    with pytest.raises(Skip) as raised:
        await SearchEngineCheck(BRAVE).run(PROFILE_SUBJECT, make_context(settings=BRAVE))
    assert "BRAVE_API_KEY" in raised.value.reason.en


async def test_key_alone_selects_brave_and_waits_between_queries(
        router, make_context, monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(engine_check.asyncio, "sleep", fake_sleep)
    route = _route(router, per_query({}, load("brave_hits.json")))
    await SearchEngineCheck({}).run(PROFILE_SUBJECT, make_context(secrets=KEY))
    assert route.call_count == 7 and waits == [1.1] * 6
