"""Runs one check against a recording respx router and reports what it tried to send.

The router answers every request with a generic 200 page (HTML or JSON) full of the
person's private details, so checks that follow up on what they find do so. Two things are
recorded: the requests that were actually sent (inspected here with a matcher independent
of the guard), and every request the guard stopped (a check that *tried* to send private
data, which is a bug even though nothing left).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock
from urllib.parse import quote, unquote, unquote_plus

import httpx
import respx

from footprint.check import Check, CheckContext
from footprint.contract import LoadedCheck, adapt
from footprint.dns import DnsAnswer
from footprint.engine import Engine
from footprint.http import guard
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.models import CheckResult
from footprint.profile.markers import Marker, fold, private_markers
from footprint.profile.model import Profile
from footprint.registry import CheckRegistry

DUMMY_SECRET = "dummy-secret-value-0000"
OPTIONS = HttpOptions(connect_timeout_s=1, read_timeout_s=1, retry_max_wait_s=0.0)


def registered_check_ids() -> list[str]:
    return [lc.id for lc in CheckRegistry.load().checks]


def fresh_check(check_id: str) -> LoadedCheck:
    """A new instance each time, so per-scan state (rate limiters) starts clean."""
    for loaded in CheckRegistry.load().checks:
        if loaded.id == check_id:
            return loaded
    raise LookupError(check_id)


def private_text(profile: Profile) -> str:
    p = profile.private
    a = p.address
    parts = [f"{a.street} {a.house_number}{a.addition}, {a.postcode} {a.city}",
             f"{a.street} {a.house_number} {a.addition}", a.postcode.replace(" ", ""),
             *p.phones, *(ph.replace("+31", "0") for ph in p.phones), *p.family, *p.other]
    return " | ".join(x for x in parts if x.strip())


def generic_html(profile: Profile) -> str:
    secret = private_text(profile)
    return f"""<!doctype html><html><head><title>{secret}</title>
<meta name="description" content="{secret}">
<script type="application/ld+json">{json.dumps({"address": secret, "name": secret})}</script>
</head><body><h1>Profiel</h1><p>{secret}</p>
<a href="/about">about</a> <a href="https://example.org/page/2">more</a>
<a href="tel:{profile.private.phones[0] if profile.private.phones else ''}">call</a>
<img src="https://example.org/photo.jpg" alt="{secret}"></body></html>"""


def html_with_marker_links(profile: Profile) -> str:
    """The page, with links and an image whose URLs spell the home address: a check that
    follows them is blocked, and must cope with that (not end in an error)."""
    a = profile.private.address
    slug = quote(f"{a.street}-{a.house_number}{a.addition}".lower())
    return generic_html(profile).replace(
        'src="https://example.org/photo.jpg"', f'src="https://example.org/img/{slug}.jpg"'
    ).replace('href="/about"', f'href="/straat/{slug}"')


def generic_json(profile: Profile, as_list: bool) -> object:
    secret = private_text(profile)
    a = profile.private.address
    address = {"straatnaam": a.street, "huisnummer": a.house_number, "huisletter": a.addition,
               "postcode": a.postcode, "plaats": a.city, "type": "bezoekadres",
               "indAfgeschermd": "Nee"}
    item = {
        "url": "https://example.org/result/1", "title": secret, "content": secret,
        "description": secret, "summary": secret, "entityId": "doc-1", "date": "2026-01-01",
        "organization": "Gemeente Dijkhoven", "engines": ["x"], "engine": "x",
        "kvkNummer": "12345678", "vestigingsnummer": "000012345678", "naam": secret,
        "type": "hoofdvestiging", "adres": {"binnenlandsAdres": address},
        "Name": "ExampleBreach", "Title": secret, "Domain": "example.org",
        "BreachDate": "2020-01-01", "Description": secret, "DataClasses": ["Phone numbers"],
        "displayName": secret, "aboutMe": secret, "currentLocation": secret,
    }
    if as_list:
        return [item]
    rdap = {"objectClassName": "domain", "ldhName": "example.org", "status": ["active"],
            "events": [{"eventAction": "registration", "eventDate": "2020-01-01T00:00:00Z"}],
            "entities": [{"objectClassName": "entity", "roles": ["registrant"],
                          "vcardArray": ["vcard", [
                              ["fn", {}, "text", secret],
                              ["adr", {}, "text", ["", "", secret, a.city, "", a.postcode,
                                                   "NL"]]]]}]}
    return {**item, **rdap, "results": [item], "web": {"results": [item]},
            "resultaten": [item], "totaal": 1, "hasMore": False, "markdownText": secret,
            "adressen": [address], "entry": [item], "breaches": [[secret]],
            "BreachesSummary": {"site": secret},
            "ExposedBreaches": {"breaches_details": [item]}, "data": item, "items": [item]}


_RECORDS = {
    "A": ("192.0.2.10",), "AAAA": ("2001:db8::10",), "MX": ("10 mail.example.org.",),
    "NS": ("ns1.example.org.",), "CNAME": ("target.example.org.",),
    "TXT": ("v=spf1 include:_spf.example.org mx -all",
            "v=DMARC1; p=none; rua=mailto:dmarc@example.org"),
}


class GenericResolver:
    """Answers every name with plausible records, so DNS checks get past "no such domain";
    records what was asked (a private marker in a DNS name leaks it to every resolver)."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, str]] = []

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        self.queries.append((name, rdtype))
        return DnsAnswer(_RECORDS.get(rdtype.upper(), ()), authenticated=True)


@dataclass
class Outcome:
    results: list[CheckResult] = field(default_factory=list)
    sent: list[httpx.Request] = field(default_factory=list)
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (url, marker label)
    served: list[str] = field(default_factory=list)  # every body the router answered with
    dns: list[str] = field(default_factory=list)

    def attempted(self) -> list[tuple[str, str]]:
        """Blocked requests that were not simply following a URL a server gave (those
        repeat what the server already has; blocking them is the guard being careful)."""
        return [(url, label) for url, label in self.blocked
                if not any(httpx.URL(url).raw_path.decode() in text for text in self.served)]

    def leaks(self, markers: tuple[Marker, ...]) -> list[str]:
        """Every sent request (and DNS name) that carries a marker variant, by any reading."""
        found = []
        for request in self.sent:
            for text in _readings(request):
                folded = fold(text)
                for marker in markers:
                    if any(v in folded for v in marker.variants):
                        found.append(f"{marker.kind} in {request.method} {request.url}")
        for name in self.dns:
            for marker in markers:
                if any(v in fold(name) for v in marker.variants):
                    found.append(f"{marker.kind} in DNS query {name}")
        return found


def _readings(request: httpx.Request) -> Iterator[str]:
    url = str(request.url)
    yield from (url, unquote(url), unquote_plus(url), unquote(unquote(url)))
    for name, value in request.headers.multi_items():
        yield f"{name}: {value}"
        yield unquote_plus(value)
    body = request.content
    if body:
        text = body.decode("utf-8", "replace")
        yield from (text, unquote_plus(text))
        try:
            yield json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass


@contextmanager
def _recording_guard(outcome: Outcome) -> Iterator[None]:
    real = guard.blocking_marker

    def recording(request: httpx.Request, markers: tuple[Marker, ...]) -> Marker | None:
        marker = real(request, markers)
        if marker is not None:
            outcome.blocked.append((str(request.url), marker.label.en))
        return marker

    with mock.patch.object(guard, "blocking_marker", recording):
        yield


async def _instant(delay: float, result: object = None) -> object:
    await _real_sleep(0)
    return result

_real_sleep = asyncio.sleep


async def run_check(check: LoadedCheck | Check, profile: Profile, flavor: str,
                    check_timeout: float = 20.0) -> Outcome:
    outcome = Outcome()

    def answer(request: httpx.Request) -> httpx.Response:
        outcome.sent.append(request)
        if flavor.startswith("html"):
            page = (html_with_marker_links if flavor == "html-marker-links"
                    else generic_html)(profile)
            outcome.served.append(page)
            return httpx.Response(200, html=page)
        body = generic_json(profile, as_list=flavor == "json-list")
        outcome.served.append(json.dumps(body))
        return httpx.Response(200, json=body)

    router = respx.MockRouter(assert_all_called=False, assert_all_mocked=True)
    router.route().mock(side_effect=answer)
    resolver = GenericResolver()
    names = (*adapt(check).secrets, *adapt(check).optional_secrets)
    secrets = dict.fromkeys(names, DUMMY_SECRET)
    client = build_client(private_markers(profile, include_street=True), OPTIONS,
                          transport=httpx.MockTransport(router.async_handler))
    try:
        context = CheckContext(http=session_for(client, OPTIONS), dns=resolver,
                               profile=profile, markers=private_markers(profile),
                               secrets=secrets)
        engine = Engine([check], context, check_timeout=check_timeout)
        jobs, skipped = engine.plan()
        outcome.results.extend(skipped)
        # Pacing sleeps (rate limits between queries) are not what this is about.
        with _recording_guard(outcome), mock.patch("asyncio.sleep", _instant):
            for job in jobs:
                outcome.results.append(await engine.run_one(job))
    finally:
        await client.aclose()
    outcome.dns = [name for name, _ in resolver.queries]
    return outcome
