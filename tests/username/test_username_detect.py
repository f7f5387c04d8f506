"""Every detection branch of a site check, over respx: WhatsMyName semantics exactly."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest
import respx
from footprint_checks.username.catalogue import parse_site
from footprint_checks.username.check import SiteCheck
from footprint_checks.username.extensions import extensions

from footprint.check import Inconclusive, Skip
from footprint.engine import Engine, Job
from footprint.models import Status, Subject
from footprint.page_reader import PageNotRead, PageReaders

STATUS_SITE = {"name": "StatusSite", "uri_check": "https://status.example/u/{account}",
               "e_code": 200, "e_string": "", "m_code": 404, "m_string": "",
               "known": ["alice"], "cat": "social"}
MESSAGE_SITE = {"name": "MessageSite", "uri_check": "https://msg.example/api/{account}",
                "uri_pretty": "https://msg.example/@{account}",
                "e_code": 200, "e_string": '"user":{', "m_code": 200,
                "m_string": '"error":"not found"', "known": ["alice"], "cat": "social"}
BOTH_SITE = {"name": "BothSite", "uri_check": "https://both.example/{account}",
             "e_code": 200, "e_string": "profile-card", "m_code": 404,
             "m_string": "Page not found", "known": ["alice"], "cat": "social"}
REDIRECT_SITE = {"name": "RedirectSite", "uri_check": "https://redir.example/{account}",
                 "e_code": 200, "e_string": "id=\"profile-header\"", "m_code": 302,
                 "m_string": "Object moved", "known": ["alice"], "cat": "social"}
SUBDOMAIN_SITE = {"name": "SubSite", "uri_check": "https://{account}.blogs.example/",
                  "strip_bad_char": ".", "e_code": 200, "e_string": "blog-body",
                  "m_code": 404, "m_string": "", "known": ["alice"], "cat": "blog"}
USER = Subject("username", "jdevries")


def check_for(raw: dict[str, Any]) -> SiteCheck:
    site = parse_site(raw, "test")
    return SiteCheck(site, "username.test", extensions(), timeout_s=2.0)


async def test_status_match_found(router: respx.MockRouter, make_context: Any) -> None:
    router.get("https://status.example/u/jdevries").respond(200, text="<p>hi</p>")
    canary = router.get(url__regex=r"^https://status\.example/u/[a-z]{14}$").respond(404)
    findings = list(await check_for(STATUS_SITE).run(USER, make_context()))
    assert len(findings) == 1
    assert findings[0].evidence.url == "https://status.example/u/jdevries"
    assert canary.call_count == 1  # a status-code-only entry is checked with a random name


async def test_site_that_finds_everyone_is_inconclusive(router: respx.MockRouter,
                                                        make_context: Any) -> None:
    everything = router.get(url__regex=r"^https://status\.example/u/").respond(200, text="hi")
    check, ctx = check_for(STATUS_SITE), make_context()
    for handle in ("jdevries", "jandevries", "jan.devries"):
        with pytest.raises(Inconclusive, match="random username exists"):
            await check.run(Subject("username", handle), ctx)
    assert everything.call_count == 3 + 1  # one canary for the whole site


async def test_hit_that_the_canary_cannot_confirm_is_inconclusive(router: respx.MockRouter,
                                                                  make_context: Any) -> None:
    router.get("https://status.example/u/jdevries").respond(200, text="<p>hi</p>")
    router.get(url__regex=r"^https://status\.example/u/[a-z]{14}$").respond(
        429, headers={"retry-after": "600"})
    with pytest.raises(Inconclusive, match="cannot be confirmed"):
        await check_for(STATUS_SITE).run(USER, make_context())


async def test_strong_entry_needs_no_canary(router: respx.MockRouter, make_context: Any) -> None:
    router.get("https://both.example/jdevries").respond(200, text="profile-card")
    assert len(list(await check_for(BOTH_SITE).run(USER, make_context()))) == 1
    assert len(router.calls) == 1


async def test_status_match_not_found(router: respx.MockRouter, make_context: Any) -> None:
    router.get("https://status.example/u/jdevries").respond(404, text="")
    assert list(await check_for(STATUS_SITE).run(USER, make_context())) == []


async def test_status_outside_both_codes_is_inconclusive(router: respx.MockRouter,
                                                         make_context: Any) -> None:
    router.get("https://status.example/u/jdevries").respond(500, text="oops")
    with pytest.raises(Inconclusive, match="HTTP 500"):
        await check_for(STATUS_SITE).run(USER, make_context())


async def test_string_match_found_and_profile_page_read_once(router: respx.MockRouter,
                                                             make_context: Any) -> None:
    api = router.get("https://msg.example/api/jdevries").respond(
        200, json={"user": {"name": "Jan"}})
    page = router.get("https://msg.example/@jdevries").respond(200, text="<p>Jan</p>")
    findings = list(await check_for(MESSAGE_SITE).run(USER, make_context()))
    assert [f.evidence.url for f in findings] == ["https://msg.example/@jdevries"]
    assert api.call_count == 1 and page.call_count == 1


async def test_string_match_not_found(router: respx.MockRouter, make_context: Any) -> None:
    router.get("https://msg.example/api/jdevries").respond(200, json={"error": "not found"})
    assert list(await check_for(MESSAGE_SITE).run(USER, make_context())) == []


async def test_right_code_without_string_is_inconclusive(router: respx.MockRouter,
                                                         make_context: Any) -> None:
    router.get("https://msg.example/api/jdevries").respond(200, json={"something": "else"})
    with pytest.raises(Inconclusive, match="neither"):
        await check_for(MESSAGE_SITE).run(USER, make_context())


@pytest.mark.parametrize(("status", "body", "found"), [
    (200, "<div class='profile-card'>Jan</div>", True),
    (404, "<h1>Page not found</h1>", False),
])
async def test_both_code_and_string_decide(router: respx.MockRouter, make_context: Any,
                                           status: int, body: str, found: bool) -> None:
    router.get("https://both.example/jdevries").respond(status, text=body)
    findings = list(await check_for(BOTH_SITE).run(USER, make_context()))
    assert bool(findings) is found


@pytest.mark.parametrize(("status", "body"), [
    (200, "<h1>Page not found</h1>"),  # right code for found, but the not-found text
    (404, "<div class='profile-card'>"),  # found text with the not-found code
])
async def test_code_and_string_must_both_match(router: respx.MockRouter, make_context: Any,
                                               status: int, body: str) -> None:
    router.get("https://both.example/jdevries").respond(status, text=body)
    with pytest.raises(Inconclusive):
        await check_for(BOTH_SITE).run(USER, make_context())


@pytest.mark.parametrize(("headers", "body"), [
    ({}, "<html><title>Just a moment...</title><div class='profile-card'></div></html>"),
    ({}, "<script src='/cdn-cgi/challenge-platform/h/b/orchestrate'></script>profile-card"),
    ({"cf-mitigated": "challenge"}, "<div class='profile-card'></div>"),
    ({}, "Request unsuccessful. Incapsula incident ID: 123 profile-card"),
    ({}, "<script>window.AwsWafIntegration.forceRefreshToken()</script>profile-card"),
])
async def test_waf_page_is_inconclusive_even_with_the_found_marker(
        router: respx.MockRouter, make_context: Any, headers: dict[str, str], body: str) -> None:
    router.get("https://both.example/jdevries").respond(200, headers=headers, text=body)
    with pytest.raises(Inconclusive, match="bot-protection"):
        await check_for(BOTH_SITE).run(USER, make_context())


async def test_cloudflare_served_page_is_not_a_waf_page(router: respx.MockRouter,
                                                        make_context: Any) -> None:
    router.get("https://both.example/jdevries").respond(
        200, headers={"cf-ray": "8abc-AMS", "server": "cloudflare"},
        text="<div class='profile-card'>Jan</div>")
    assert len(list(await check_for(BOTH_SITE).run(USER, make_context()))) == 1


async def test_429_is_inconclusive_after_one_polite_retry(router: respx.MockRouter,
                                                          make_context: Any) -> None:
    route = router.get("https://both.example/jdevries").respond(
        429, headers={"retry-after": "0"}, text="<div class='profile-card'>")
    with pytest.raises(Inconclusive, match="429"):
        await check_for(BOTH_SITE).run(USER, make_context())
    assert route.call_count == 2  # Retry-After honoured once, no storm


async def test_429_whose_retry_after_exceeds_the_budget_is_not_retried(
        router: respx.MockRouter, make_context: Any) -> None:
    route = router.get("https://both.example/jdevries").respond(
        429, headers={"retry-after": "3600"})
    with pytest.raises(Inconclusive):
        await check_for(BOTH_SITE).run(USER, make_context())
    assert route.call_count == 1


async def test_timeout_is_reported_as_timeout_never_as_an_answer(router: respx.MockRouter,
                                                                 make_context: Any) -> None:
    router.get("https://both.example/jdevries").mock(side_effect=httpx.ReadTimeout("slow"))
    check = check_for(BOTH_SITE)
    engine = Engine([check], make_context())
    result = await engine.run_one(Job(check, USER))
    assert result.status is Status.TIMEOUT
    assert result.findings == ()


async def test_expected_redirect_is_read_not_followed(router: respx.MockRouter,
                                                      make_context: Any) -> None:
    router.get("https://redir.example/jdevries").respond(
        302, headers={"location": "https://redir.example/"}, text="<title>Object moved</title>")
    home = router.get("https://redir.example/").respond(200, text="id=\"profile-header\"")
    assert list(await check_for(REDIRECT_SITE).run(USER, make_context())) == []
    assert home.call_count == 0


async def test_unexpected_redirect_is_inconclusive_not_followed(router: respx.MockRouter,
                                                                make_context: Any) -> None:
    router.get("https://both.example/jdevries").respond(
        301, headers={"location": "https://both.example/login"})
    login = router.get("https://both.example/login").respond(200, text="profile-card")
    with pytest.raises(Inconclusive):
        await check_for(BOTH_SITE).run(USER, make_context())
    assert login.call_count == 0


async def test_username_the_site_cannot_hold_is_skipped_without_a_request(
        router: respx.MockRouter, make_context: Any) -> None:
    raw = {**BOTH_SITE, "name": "X"}  # the extension data says X allows [A-Za-z0-9_]{1,15}
    with pytest.raises(Skip, match="cannot have the username"):
        await check_for(raw).run(Subject("username", "jan.de.vries.utrecht"), make_context())
    assert not router.calls


async def test_strip_bad_char_then_host_label_rules(router: respx.MockRouter,
                                                    make_context: Any) -> None:
    route = router.get("https://jandevries.blogs.example/").respond(200, text="blog-body")
    router.get(url__regex=r"^https://[a-z]{14}\.blogs\.example/$").respond(404)
    findings = list(await check_for(SUBDOMAIN_SITE).run(Subject("username", "jan.devries"),
                                                         make_context()))
    assert route.call_count == 1 and len(findings) == 1
    with pytest.raises(Skip, match="host name"):
        await check_for(SUBDOMAIN_SITE).run(Subject("username", "jan_devries"), make_context())


async def test_post_entry_sends_the_body_with_its_headers(router: respx.MockRouter,
                                                          make_context: Any) -> None:
    raw = {"name": "PostSite", "uri_check": "https://post.example/check",
           "post_body": '{"username":"{account}"}',
           "headers": {"Content-Type": "application/json"}, "e_code": 200,
           "e_string": '"taken":true', "m_code": 200, "m_string": '"taken":false',
           "known": ["alice"], "cat": "social"}
    route = router.post("https://post.example/check").respond(200, json={"taken": False})
    assert list(await check_for(raw).run(USER, make_context())) == []
    sent = route.calls.last.request
    assert sent.content == b'{"username":"jdevries"}'
    assert sent.headers["content-type"] == "application/json"


async def test_one_account_under_two_usernames_is_one_action(router: respx.MockRouter,
                                                             make_context: Any) -> None:
    """The site strips the dot: "j.devries" and "jdevries" reach the same blog."""
    from datetime import UTC, datetime

    from footprint.actions import build_actions
    from footprint.models import CheckResult, Report, Status

    router.get("https://jdevries.blogs.example/").respond(200, text="<p>blog-body</p>")
    router.get(url__regex=r"^https://[a-z]{14}\.blogs\.example/$").respond(404)
    check = check_for(SUBDOMAIN_SITE)
    results = []
    for handle in ("jdevries", "j.devries"):
        subject = Subject("username", handle)
        findings = tuple(await check.run(subject, make_context()))
        results.append(CheckResult(check.id, subject, Status.EXPOSED, findings))
    when = datetime(2026, 11, 2, tzinfo=UTC)
    report = Report(tuple(results), when, when, "0")
    assert len(report.findings) == 2 and len({f.id for f in report.findings}) == 2
    [action] = build_actions(report)
    assert set(action.finding_ids) == {f.id for f in report.findings}


class _BrokenReader(PageReaders):
    async def read(self, html: str, base_url: str = "") -> Any:
        raise PageNotRead("the page reader crashed or hung on this page")


async def test_a_found_page_the_reader_could_not_read_says_so(router: respx.MockRouter,
                                                              make_context: Any) -> None:
    router.get("https://both.example/jdevries").respond(
        200, text="<div class='profile-card'>Lindelaan 27</div>")
    ctx = dataclasses.replace(make_context(), pages=_BrokenReader())
    [finding] = await check_for(BOTH_SITE).run(USER, ctx)
    assert "could not read the profile page" in finding.detail.en
    readable = await check_for(BOTH_SITE).run(USER, make_context())
    assert "could not read" not in next(iter(readable)).detail.en
