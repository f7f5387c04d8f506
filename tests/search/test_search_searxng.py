"""search.engine through SearXNG: local matching, and honesty when engines fail."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
import respx
from footprint_checks.search.engine_check import SearchEngineCheck

from footprint.check import Inconclusive, Skip
from footprint.matching import contains_marker
from footprint.models import PROFILE_SUBJECT, FindingKind, Severity
from footprint.profile.markers import private_markers

from .helpers import SEARX, SEARX_SETTINGS, load, per_query

FIRST = '"Jan de Vries" wethouder Utrecht'


def _route(router: respx.MockRouter, handler) -> respx.Route:
    return router.get(host="searx.test.example", path="/search").mock(side_effect=handler)


async def _run(ctx):
    return list(await SearchEngineCheck(SEARX_SETTINGS).run(PROFILE_SUBJECT, ctx))


async def test_hits_with_private_markers_become_findings(router, make_context) -> None:
    route = _route(router, per_query({FIRST: load("searxng_hits.json")},
                                     load("searxng_no_results.json")))
    findings = await _run(make_context(settings=SEARX_SETTINGS))
    exposures = {f.evidence.url: f for f in findings if f.kind is FindingKind.EXPOSURE}
    address = exposures["https://www.adresgids.example/personen/utrecht/jan-de-vries"]
    assert address.severity is Severity.HIGH
    assert set(address.evidence.matched) == {"address", "postcode"}
    excerpt = address.evidence.excerpt or ""
    assert "Kerkstraat 12a" not in excerpt and "3511 AB" not in excerpt and "█" in excerpt
    assert address.remediation.summary.nl and address.remediation.steps
    assert FIRST in (address.detail.en if address.detail else "")
    assert exposures["https://www.hockeyclub.example/teams/d1"].severity is Severity.MEDIUM
    phone = exposures["https://www.wiebelde.example/nummer/0612345678"]
    assert phone.severity is Severity.HIGH and "06-12345678" not in (phone.evidence.excerpt or "")
    assert "https://www.spectroscopyonline.com/view/why-sky-blue" not in exposures
    # qwant failed while the others answered: said so, not hidden
    partial = [f for f in findings if f.key.startswith("search-engines-failed")]
    assert len(partial) == 1 and partial[0].kind is FindingKind.MANUAL
    assert "qwant (CAPTCHA)" in (partial[0].evidence.excerpt or "")
    # what was sent: only the JSON API, only public identifiers
    markers = private_markers(make_context().profile, include_street=True)
    assert route.call_count == 7
    for call in route.calls:
        assert call.request.url.params["format"] == "json"
        assert contains_marker(call.request.url.params["q"], markers) is None


async def test_every_engine_failed_everywhere_is_inconclusive(router, make_context) -> None:
    _route(router, per_query({}, load("searxng_all_engines_failed.json")))
    with pytest.raises(Inconclusive) as raised:
        await _run(make_context(settings=SEARX_SETTINGS))
    assert "every engine failed" in raised.value.reason.en
    assert "google (timeout)" in raised.value.reason.en


async def test_one_query_with_all_engines_failed_is_a_guided_step(router, make_context) -> None:
    _route(router, per_query({FIRST: load("searxng_all_engines_failed.json")},
                             load("searxng_hits.json")))
    findings = await _run(make_context(settings=SEARX_SETTINGS))
    unanswered = [f for f in findings if f.key.startswith("search-unanswered")]
    assert len(unanswered) == 1 and unanswered[0].kind is FindingKind.MANUAL
    assert FIRST in (unanswered[0].detail.en if unanswered[0].detail else "")
    urls = [link.url for link in unanswered[0].remediation.links]
    assert any(u.startswith("https://www.google.com/search?q=%22Jan+de+Vries%22") for u in urls)
    assert any(f.kind is FindingKind.EXPOSURE for f in findings)


async def test_no_results_at_all_is_inconclusive(router, make_context) -> None:
    _route(router, per_query({}, load("searxng_no_results.json")))
    with pytest.raises(Inconclusive) as raised:
        await _run(make_context(settings=SEARX_SETTINGS))
    assert "no results at all" in raised.value.reason.en


async def test_json_format_disabled_stops_at_once(router, make_context) -> None:
    route = _route(router, per_query({}, httpx.Response(403, text="Forbidden")))
    with pytest.raises(Inconclusive) as raised:
        await _run(make_context(settings=SEARX_SETTINGS))
    assert "search.formats" in raised.value.reason.en and route.call_count == 1


async def test_bot_check_page_is_not_an_answer(router, make_context) -> None:
    page = httpx.Response(200, headers={"content-type": "text/html"},
                          text="<html>Are you a robot?</html>")
    _route(router, per_query({}, page))
    with pytest.raises(Inconclusive) as raised:
        await _run(make_context(settings=SEARX_SETTINGS))
    assert "instead of JSON" in raised.value.reason.en


async def test_rate_limited_query_is_listed(router, make_context) -> None:
    _route(router, per_query({'"jdevries"': httpx.Response(429)}, load("searxng_hits.json")))
    findings = await _run(make_context(settings=SEARX_SETTINGS))
    unanswered = [f for f in findings if f.key.startswith("search-unanswered")]
    assert unanswered and "429" in (unanswered[0].detail.en if unanswered[0].detail else "")


async def test_max_queries_limits_what_is_sent(router, make_context) -> None:
    route = _route(router, per_query({}, load("searxng_hits.json")))
    await _run(make_context(settings={**SEARX_SETTINGS, "max_queries": 2}))
    assert route.call_count == 2


async def test_query_with_a_private_marker_is_never_sent(router, make_context, profile) -> None:
    route = _route(router, per_query({}, load("searxng_hits.json")))
    leaky = replace(profile, public=replace(profile.public,
                                            usernames=("mariekedevries", "jdevries")))
    await _run(make_context(leaky, settings=SEARX_SETTINGS))
    sent = [call.request.url.params["q"] for call in route.calls]
    assert '"jdevries"' in sent and not any("marieke" in q for q in sent)


@pytest.mark.parametrize(("settings", "words"), [
    ({}, "no search provider configured"),
    ({"provider": "searxng"}, "needs url"),
    ({"provider": "bing"}, "unknown search provider"),
    ({**SEARX_SETTINGS, "max_queries": "lots"}, "max_queries"),
    ({**SEARX_SETTINGS, "delay_s": -1}, "delay_s"),
])
async def test_misconfiguration_skips_with_a_reason(make_context, settings, words) -> None:
    with pytest.raises(Skip) as raised:
        await SearchEngineCheck(settings).run(PROFILE_SUBJECT, make_context(settings=settings))
    assert words in raised.value.reason.en


def test_declares_what_goes_where() -> None:
    check = SearchEngineCheck(SEARX_SETTINGS)
    assert check.opt_in and check.optional_secrets == ("BRAVE_API_KEY",)
    assert [d.host for d in check.disclosures] == ["searx.test.example"]
    assert [d.host for d in SearchEngineCheck({"provider": "brave"}).disclosures] == [
        "api.search.brave.com"]
    assert SEARX.endswith(check.disclosures[0].host)
