from __future__ import annotations

import asyncio

import httpx
import pytest
import respx
from footprint_checks.breach import ratelimit
from footprint_checks.breach.hibp import HibpCheck

from footprint.check import Inconclusive, Skip
from footprint.engine import Engine
from footprint.models import Kind, Severity, Status, Subject

from .helpers import load_json, two_emails

BASE = "https://haveibeenpwned.com/api/v3"
KEY = "0123456789abcdef0123456789abcdef"
JAN = Subject("email", "jan@devries-utrecht.nl")
ACCOUNT = "jan%40devries-utrecht.nl"


def _breaches() -> list[dict[str, object]]:
    excerpt = load_json("hibp_breaches_excerpt.json")
    return [*load_json("hibp_breach_list_full_adobe.json"),
            load_json("hibp_breach_xiaomi_unverified.json"), excerpt[1],
            load_json("hibp_stealer_log_derived.json")]


def _status(router: respx.MockRouter, base: str = BASE, **kwargs: object) -> respx.Route:
    kwargs = kwargs or {"json": load_json("hibp_subscription_status.json")}
    return router.get(f"{base}/subscription/status").mock(
        return_value=httpx.Response(200, **kwargs))  # type: ignore[arg-type]


def _account_routes(router: respx.MockRouter, account: str = ACCOUNT,
                    breaches: httpx.Response | None = None,
                    pastes: httpx.Response | None = None) -> tuple[respx.Route, respx.Route]:
    b = router.get(url__regex=rf"^{BASE}/breachedaccount/{account}\b").mock(
        return_value=breaches or httpx.Response(404))
    p = router.get(f"{BASE}/pasteaccount/{account}").mock(
        return_value=pastes or httpx.Response(404))
    return b, p


@pytest.fixture
def no_wait(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The limiter's clock runs on sleeps, so rate-limit tests take no time."""
    now = [0.0]
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds
        await asyncio.sleep(0)

    monkeypatch.setattr(ratelimit, "clock", lambda: now[0])
    monkeypatch.setattr(ratelimit, "sleep", fake_sleep)
    return sleeps


async def test_breaches_and_pastes_become_findings(router, make_context) -> None:
    _status(router)
    b, p = _account_routes(router, breaches=httpx.Response(200, json=_breaches()),
                           pastes=httpx.Response(200, json=load_json("hibp_pasteaccount.json")))
    ctx = make_context(secrets={"HIBP_API_KEY": KEY})
    findings = {f.key: f for f in await HibpCheck().run(JAN, ctx)}

    assert set(findings) == {"Adobe", "Xiaomi", "123RF", "ExampleStealerLogs",
                             "paste:Pastebin:X5VHhh4q"}
    assert all(f.subject == JAN and f.check_id == "email.hibp" for f in findings.values())
    assert findings["123RF"].severity is Severity.HIGH  # physical addresses, phone numbers
    assert findings["Adobe"].severity is Severity.HIGH  # passwords
    assert findings["Xiaomi"].severity is Severity.MEDIUM  # unverified
    assert "unverified" in (findings["Xiaomi"].detail.en if findings["Xiaomi"].detail else "")
    stealer = findings["ExampleStealerLogs"]
    assert stealer.severity is Severity.CRITICAL
    assert stealer.detail is not None and "stealer log" in stealer.detail.en
    assert stealer.evidence.excerpt == "Credentials captured by info-stealer malware."
    assert findings["paste:Pastebin:X5VHhh4q"].evidence.url == "https://pastebin.com/X5VHhh4q"
    adobe = findings["Adobe"]
    assert any("account.adobe.com" in link.url for link in adobe.remediation.links)
    assert "Wachtwoorden" in (adobe.detail.nl if adobe.detail else "")

    request = b.calls.last.request
    assert request.headers["hibp-api-key"] == KEY
    assert "footprint" in request.headers["user-agent"]
    assert request.url.params["truncateResponse"] == "false"
    assert request.url.params["includeUnverified"] == "true"
    assert "%40" in request.url.raw_path.decode()
    assert p.calls.last.request.headers["hibp-api-key"] == KEY


async def test_finding_ids_are_stable_across_scans(router, make_context) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(200, json=_breaches()))
    first = [f.id for f in await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))]
    again = [f.id for f in await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))]
    assert first == again and len(set(first)) == 4


async def test_404_on_both_means_clear(router, make_context) -> None:
    _status(router)
    _account_routes(router)
    assert list(await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))) == []


async def test_truncated_answer_still_reports_names(router, make_context) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(
        200, json=load_json("hibp_breachedaccount_truncated.json")))
    findings = list(await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY})))
    assert [f.key for f in findings][:2] == ["Dropbox", "Apollo"]
    assert all(f.severity is Severity.MEDIUM for f in findings)  # contents unknown


async def test_subscription_is_read_once_and_its_limit_shared(router, make_context,
                                                              no_wait) -> None:
    status = _status(router, json={"SubscriptionName": "Tiny", "Rpm": 2})
    _account_routes(router)
    _account_routes(router, account="j.devries%40raad.example")
    ctx = make_context(two_emails(), secrets={"HIBP_API_KEY": KEY})
    check = HibpCheck()
    subjects = two_emails().subjects(Kind.EMAIL)
    results = await asyncio.gather(*(check.run(s, ctx) for s in subjects))
    assert [list(r) for r in results] == [[], []]
    assert status.call_count == 1
    # 1 status + 4 searches at 2 a minute: the 3rd..5th request each wait for the window
    assert sum(no_wait) >= 120.0


async def test_separate_scans_read_the_subscription_again(router, make_context) -> None:
    status = _status(router)
    _account_routes(router)
    check = HibpCheck()
    await check.run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))
    await check.run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))
    assert status.call_count == 2


async def test_unusable_subscription_answer_falls_back_to_entry_tier(router,
                                                                     make_context) -> None:
    router.get(f"{BASE}/subscription/status").mock(return_value=httpx.Response(500))
    _account_routes(router)
    ctx = make_context(secrets={"HIBP_API_KEY": KEY})
    check = HibpCheck()
    assert list(await check.run(JAN, ctx)) == []
    (state,) = check._scans[ctx.http].values()
    assert state.limiter.limit == 10


async def test_401_on_subscription_explains_the_key_for_every_address(router,
                                                                      make_context) -> None:
    status = router.get(f"{BASE}/subscription/status").mock(
        return_value=httpx.Response(401, json=load_json("hibp_error_401.json")))
    b, _ = _account_routes(router)
    ctx = make_context(two_emails(), secrets={"HIBP_API_KEY": KEY})
    check = HibpCheck()
    for subject in two_emails().subjects(Kind.EMAIL):
        with pytest.raises(Inconclusive) as info:
            await check.run(subject, ctx)
        assert "HIBP_API_KEY" in info.value.reason.en
        assert "invalid hibp-api-key" in info.value.reason.en
        assert "HIBP_API_KEY" in info.value.reason.nl
        assert KEY not in info.value.reason.en
    assert status.call_count == 1 and b.call_count == 0


@pytest.mark.parametrize("code", [401, 403])
async def test_key_refused_on_search(router, make_context, code: int) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(code, text="Access denied"))
    with pytest.raises(Inconclusive) as info:
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))
    assert ("rejected the API key" if code == 401 else "HTTP 403") in info.value.reason.en


async def test_429_waits_as_asked_then_succeeds(router, make_context, no_wait) -> None:
    _status(router)
    limited = httpx.Response(429, headers={"retry-after": "2"},
                             json=load_json("hibp_error_429.json"))
    b, _ = _account_routes(router)
    b.side_effect = [limited, httpx.Response(200, json=_breaches()[:1])]
    findings = list(await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY})))
    assert [f.key for f in findings] == ["Adobe"]
    assert b.call_count == 2
    assert 2.0 in no_wait


async def test_429_with_a_long_wait_is_inconclusive(router, make_context, no_wait) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(
        429, headers={"retry-after": "3600"}, json=load_json("hibp_error_429.json")))
    with pytest.raises(Inconclusive) as info:
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY},
                                                settings={"hibp_max_wait": 30}))
    assert "3600 s" in info.value.reason.en and "429" in info.value.reason.en


async def test_repeated_429_gives_up(router, make_context, no_wait) -> None:
    _status(router)
    b, _ = _account_routes(router, breaches=httpx.Response(429, headers={"retry-after": "1"}))
    with pytest.raises(Inconclusive):
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))
    assert b.call_count == 3


async def test_503_is_inconclusive(router, make_context) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(503))
    with pytest.raises(Inconclusive, match="unavailable"):
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))


@pytest.mark.parametrize("code", [400, 500])
async def test_other_errors_propagate_for_the_engine(router, make_context, code: int) -> None:
    _status(router)
    _account_routes(router, pastes=httpx.Response(code))
    with pytest.raises(httpx.HTTPStatusError):
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))


async def test_block_page_instead_of_json_is_inconclusive(router, make_context) -> None:
    _status(router)
    _account_routes(router, breaches=httpx.Response(
        200, html="<html><title>Just a moment...</title></html>"))
    with pytest.raises(Inconclusive, match="JSON"):
        await HibpCheck().run(JAN, make_context(secrets={"HIBP_API_KEY": KEY}))


async def test_invalid_email_is_skipped_before_anything_is_sent(router, make_context) -> None:
    ctx = make_context(secrets={"HIBP_API_KEY": KEY})
    with pytest.raises(Skip, match="not a valid email"):
        await HibpCheck().run(Subject("email", "jan@@devries"), ctx)
    assert not router.calls


async def test_without_key_it_skips_with_a_hint(router, make_context) -> None:
    with pytest.raises(Skip) as info:
        await HibpCheck().run(JAN, make_context())
    assert "haveibeenpwned.com/API/Key" in info.value.reason.en
    assert not router.calls


async def test_endpoint_override(router, make_context) -> None:
    other = "http://127.0.0.1:9/hibp"
    _status(router, base=other)
    route = router.get(url__startswith=f"{other}/").mock(return_value=httpx.Response(404))
    ctx = make_context(secrets={"HIBP_API_KEY": KEY}, endpoints={"hibp": other + "/"})
    assert list(await HibpCheck().run(JAN, ctx)) == []
    assert route.call_count == 2


async def test_engine_maps_outcomes(router, make_context) -> None:
    router.get(f"{BASE}/subscription/status").mock(return_value=httpx.Response(401))
    ctx = make_context(secrets={"HIBP_API_KEY": KEY})
    engine = Engine([HibpCheck()], ctx)
    (result,) = await engine.run()
    assert result.status is Status.INCONCLUSIVE
    skipped = Engine([HibpCheck()], make_context())
    (result,) = await skipped.run()
    assert result.status is Status.SKIPPED and result.reason is not None
    assert "API/Key" in result.reason.en
