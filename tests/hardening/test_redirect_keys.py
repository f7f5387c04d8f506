"""Keys stay with their service (issue 14): a request that carries a secret never follows
a redirect to another origin, no request follows https to http, and such a redirect
where an API answer was expected ends inconclusive, never "clear"."""

from __future__ import annotations

from collections.abc import Iterable

import httpx
import pytest
from footprint_checks.breach.hibp import HibpCheck

from footprint.check import BaseCheck, CheckContext
from footprint.engine import Engine
from footprint.http.client import build_client, session_for
from footprint.models import PROFILE_SUBJECT, CheckResult, Finding, L10n, Status, Subject
from footprint.profile.load import parse_profile
from footprint.profile.markers import private_markers

from .faultserver import FaultServer, Reply, serve
from .harness import FAST, PROFILE, QuietResolver

KEY = "k3y-0f-the-service-1234567890abcdef"


async def _run(check: BaseCheck, secrets: dict[str, str], endpoints: dict[str, str],
               transport: httpx.AsyncBaseTransport | None = None,
               profile_text: str | None = None) -> tuple[CheckResult, ...]:
    profile = parse_profile(profile_text, "p.toml") if profile_text else PROFILE
    async with build_client(private_markers(profile, include_street=True), FAST,
                            transport) as client:
        context = CheckContext(http=session_for(client, FAST), dns=QuietResolver(),
                               profile=profile, markers=private_markers(profile),
                               secrets=secrets, endpoints=endpoints)
        return await Engine([check], context, check_timeout=5).run()


def _moved(target: str) -> Reply:
    return Reply(302, (("Location", target),), b"")


async def test_hibp_key_does_not_follow_a_redirect_to_another_host() -> None:
    """The other host would answer 404, which HIBP means as "in no breach": a false clear."""
    with serve() as other, serve() as api:
        api.pages["/api/v3/subscription/status"] = Reply(
            200, (("Content-Type", "application/json"),), b'{"Rpm": 10}')
        api.pages["/api/v3/breachedaccount/jan%40example.org"] = _moved(
            other.url("/breachedaccount/jan@example.org"))
        results = await _run(HibpCheck(), {"HIBP_API_KEY": KEY},
                             {"hibp": api.url("/api/v3")},
                             profile_text='[person]\nname = "Jan"\n'
                                          '[public]\nemails = ["jan@example.org"]\n')
    assert [r.status for r in results] == [Status.INCONCLUSIVE]
    assert "redirect" in results[0].reason.en  # type: ignore[union-attr]
    assert sum(other.hits.values()) == 0
    assert not any(KEY in head for head in other.heads)


class KeyedApi(BaseCheck):
    """An API check in the shape of Brave (token header), KvK (``apikey``) or a key in
    the query: {"found": bool}."""

    def __init__(self, url: str, where: str) -> None:
        self.id, self.url, self.where = "hardening.keyed", url, where
        self.title = L10n.same("keyed API")
        self.secrets = ("SERVICE_KEY",)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        key = ctx.secrets["SERVICE_KEY"]
        if self.where == "query":
            response = await ctx.http.get(self.url, params={"key": key})
        else:
            response = await ctx.http.get(self.url, headers={self.where: key})
        response.raise_for_status()
        if response.json().get("found") is not False:
            raise AssertionError("unexpected")
        return []


@pytest.mark.parametrize("where", ["X-Subscription-Token", "apikey", "Authorization",
                                   "query"])
async def test_no_key_follows_a_redirect_away(where: str) -> None:
    with serve() as other, serve() as api:
        other.pages["/v1"] = Reply(200, (("Content-Type", "application/json"),),
                                   b'{"found": false}')
        api.pages["/v1"] = _moved(other.url("/v1"))
        results = await _run(KeyedApi(api.url("/v1"), where), {"SERVICE_KEY": KEY}, {})
    assert results[0].status is Status.INCONCLUSIVE, results[0].reason
    assert sum(other.hits.values()) == 0


async def test_a_keyed_request_may_follow_a_redirect_on_its_own_origin() -> None:
    with serve() as api:
        api.pages["/old"] = _moved("/v1")
        api.pages["/v1"] = Reply(200, (("Content-Type", "application/json"),),
                                 b'{"found": false}')
        results = await _run(KeyedApi(api.url("/old"), "apikey"), {"SERVICE_KEY": KEY}, {})
    assert results[0].status is Status.CLEAR
    assert api.hits["/v1"] == 1


async def test_no_request_follows_https_to_plain_http() -> None:
    """Over a mock network (TLS on loopback is the transport's business): the service
    answers over https with a redirect to http; the http request is never made."""
    seen: list[str] = []

    def network(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.scheme == "https":
            return httpx.Response(301, headers={"Location": "http://api.example.test/v1"})
        return httpx.Response(200, json={"found": False})

    results = await _run(KeyedApi("https://api.example.test/v1", "apikey"),
                         {"SERVICE_KEY": KEY}, {}, transport=httpx.MockTransport(network))
    assert results[0].status is Status.INCONCLUSIVE
    assert "https" in results[0].reason.en  # type: ignore[union-attr]
    assert seen == ["https://api.example.test/v1"]


def _server_saw_cookie(server: FaultServer) -> bool:
    return any("\r\ncookie:" in head.lower() for head in server.heads)


async def test_no_credential_header_is_sent_to_another_origin() -> None:
    """Even without a declared secret, ``Authorization`` stays on its origin."""
    with serve() as other, serve() as api:
        other.pages["/v1"] = Reply(200, (("Content-Type", "application/json"),),
                                   b'{"found": false}')
        api.pages["/v1"] = _moved(other.url("/v1"))
        results = await _run(KeyedApi(api.url("/v1"), "Authorization"), {"SERVICE_KEY": "x"},
                             {})
    assert results[0].status is Status.INCONCLUSIVE
    assert sum(other.hits.values()) == 0 and not _server_saw_cookie(other)
    assert PROFILE_SUBJECT == results[0].subject


async def test_a_keyless_api_redirected_elsewhere_is_inconclusive_never_clear() -> None:
    """XposedOrNot needs no key, yet a redirect to another host is not its answer: that
    host's "not found" would read as "in no breach". The redirect is not followed."""
    from footprint_checks.breach.xposedornot import XposedOrNotCheck

    with serve() as other, serve() as api:
        other.pages["/v1/check-email/jan%40example.org"] = Reply(
            404, (("Content-Type", "application/json"),), b'{"Error": "Not found"}')
        api.pages["/v1/check-email/jan%40example.org"] = _moved(
            other.url("/v1/check-email/jan%40example.org"))
        results = await _run(XposedOrNotCheck(), {}, {"xposedornot": api.url("")},
                             profile_text='[person]\nname = "Jan"\n'
                                          '[public]\nemails = ["jan@example.org"]\n')
    assert [r.status for r in results] == [Status.INCONCLUSIVE]
    assert "another site" in results[0].reason.en  # type: ignore[union-attr]
    assert sum(other.hits.values()) == 0


async def test_a_page_fetch_may_still_follow_a_redirect_to_another_site() -> None:
    """Pages (not APIs) move between hosts all the time: without api=True the redirect is
    followed, through the quarantine like any server-supplied address."""
    with serve() as other, serve() as site:
        other.pages["/new"] = Reply(200, (("Content-Type", "text/plain"),), b"moved here")
        site.pages["/old"] = _moved(other.url("/new"))
        async with build_client((), FAST) as client:
            response = await session_for(client, FAST).get(site.url("/old"))
    assert response.status_code == 200 and response.text == "moved here"
    assert other.hits["/new"] == 1
