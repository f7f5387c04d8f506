from __future__ import annotations

import httpx
import pytest
from footprint_checks.breach.xposedornot import XposedOrNotCheck

from footprint.check import Inconclusive, Skip
from footprint.models import Severity, Subject

from .helpers import load_json

URL = "https://api.xposedornot.com/v1/check-email/jan%40devries-utrecht.nl"
JAN = Subject("email", "jan@devries-utrecht.nl")


def _route(router, response: httpx.Response):
    return router.get(url__startswith=URL).mock(return_value=response)


async def test_found_with_details(router, make_context) -> None:
    route = _route(router, httpx.Response(200, json=load_json(
        "xon_check_email_details_derived.json")))
    findings = {f.key: f for f in await XposedOrNotCheck().run(JAN, make_context())}
    assert set(findings) == {"SweClockers", "Twitter-Scraped"}
    assert findings["Twitter-Scraped"].severity is Severity.HIGH  # phone numbers
    assert findings["SweClockers"].severity is Severity.HIGH  # passwords
    assert all(f.check_id == "email.xposedornot" and f.subject == JAN
               for f in findings.values())
    detail = findings["Twitter-Scraped"].detail
    assert detail is not None and "Telefoonnummers" in detail.nl
    assert any("x.com/settings" in link.url
               for link in findings["Twitter-Scraped"].remediation.links)
    request = route.calls.last.request
    assert request.url.params["details"] == "true"
    assert "x-api-key" not in request.headers  # the free API needs no key


async def test_documented_found_sample_without_details(router, make_context) -> None:
    _route(router, httpx.Response(200, json=load_json("xon_check_email_found.json")))
    findings = list(await XposedOrNotCheck().run(JAN, make_context()))
    assert len(findings) == 9  # the nested breaches[[...]] list
    assert "Tesco" in {f.key for f in findings}
    assert all(f.severity is Severity.MEDIUM for f in findings)  # contents unknown


async def test_flat_breach_list_is_accepted(router, make_context) -> None:
    _route(router, httpx.Response(200, json={"breaches": ["A", "B", "A"], "status": "success"}))
    assert [f.key for f in await XposedOrNotCheck().run(JAN, make_context())] == ["A", "B"]


async def test_not_found_200_variant(router, make_context) -> None:
    _route(router, httpx.Response(200, json=load_json("xon_check_email_not_found.json")))
    assert list(await XposedOrNotCheck().run(JAN, make_context())) == []


async def test_not_found_404_failed_variant(router, make_context) -> None:
    _route(router, httpx.Response(404, json={"Error": "No breaches found",
                                             "email": JAN.value, "status": "failed"}))
    assert list(await XposedOrNotCheck().run(JAN, make_context())) == []


async def test_404_from_a_server_failure_decides_nothing(router, make_context) -> None:
    _route(router, httpx.Response(404, json={"Error": "Not found", "email": JAN.value,
                                             "status": "failed"}))
    with pytest.raises(Inconclusive, match="internal error"):
        await XposedOrNotCheck().run(JAN, make_context())


@pytest.mark.parametrize("response", [
    httpx.Response(404, json={"detail": "Not found"}),
    httpx.Response(404),
    httpx.Response(500, text="Internal Server Error"),
    httpx.Response(200, html="<html>challenge</html>"),
    httpx.Response(200, json={"status": "success", "breaches": [[]]}),
])
async def test_unexpected_answers_are_inconclusive(router, make_context,
                                                   response: httpx.Response) -> None:
    _route(router, response)
    with pytest.raises(Inconclusive):
        await XposedOrNotCheck().run(JAN, make_context())


async def test_429_reports_the_wait(router, make_context) -> None:
    body = {"detail": {"error": "Rate limit exceeded", "retry_after": 3600,
                       "detail": "Rate limit exceeded for endpoint /v1/check-email/{email}."}}
    _route(router, httpx.Response(429, headers={"Retry-After": "3600"}, json=body))
    with pytest.raises(Inconclusive) as info:
        await XposedOrNotCheck().run(JAN, make_context())
    assert "3600 s" in info.value.reason.en and "25" in info.value.reason.en


async def test_429_short_wait_is_retried_by_the_session(router, make_context) -> None:
    from footprint.http.client import HttpOptions

    route = _route(router, httpx.Response(200))
    route.side_effect = [httpx.Response(429, headers={"Retry-After": "0"}),
                         httpx.Response(200, json=load_json("xon_check_email_not_found.json"))]
    ctx = make_context(options=HttpOptions(retry_max_wait_s=1.0))
    assert list(await XposedOrNotCheck().run(JAN, ctx)) == []
    assert route.call_count == 2


async def test_403_block_is_inconclusive(router, make_context) -> None:
    _route(router, httpx.Response(403, json={"detail": {"error": "Access blocked"}}))
    with pytest.raises(Inconclusive, match="blocked"):
        await XposedOrNotCheck().run(JAN, make_context())


async def test_invalid_email_sends_nothing(router, make_context) -> None:
    with pytest.raises(Skip):
        await XposedOrNotCheck().run(Subject("email", "no-at-sign.example"), make_context())
    assert not router.calls


async def test_endpoint_override(router, make_context) -> None:
    route = router.get(url__startswith="http://127.0.0.1:9/v1/check-email/").mock(
        return_value=httpx.Response(200, json=load_json("xon_check_email_not_found.json")))
    ctx = make_context(endpoints={"xposedornot": "http://127.0.0.1:9"})
    assert list(await XposedOrNotCheck().run(JAN, ctx)) == []
    assert route.called
