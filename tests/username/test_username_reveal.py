"""What found profiles reveal: private markers matched locally, location, links, severity,
name-derived handles."""

from __future__ import annotations

import re
from typing import Any

import respx
from footprint_checks.username.catalogue import parse_site
from footprint_checks.username.check import SiteCheck
from footprint_checks.username.extensions import extensions
from footprint_checks.username.handles import name_handles, subjects_for
from footprint_checks.username.reveal import _LOCATION_LABEL
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.matching import MASK
from footprint.models import Severity, Subject
from footprint.profile.model import Profile
from tests.persona import jan

FITNESS = {"name": "Strava", "uri_check": "https://fit.example/athletes/{account}",
           "e_code": 301, "e_string": "/athletes/", "m_code": 404, "m_string": "Not Found",
           "known": ["a"], "cat": "social"}
SOCIAL = {"name": "Linktree", "uri_check": "https://links.example/{account}",
          "e_code": 200, "e_string": "links-page", "m_code": 404, "m_string": "Not Found",
          "known": ["a"], "cat": "social"}
USER = Subject("username", "jdevries")


def check_for(raw: dict[str, Any]) -> SiteCheck:
    return SiteCheck(parse_site(raw, "test"), "username.test", extensions(),
                     known_hosts=frozenset({"instagram.com", "x.com"}))


def with_home(profile: Profile) -> Profile:
    # no municipality: the home town is then private, not the town of office
    return jan(person={"aliases": None, "role": None, "municipality": None},
               public={"usernames": ["jdevries"]}, private={"phones": None, "other": None},
               address={"addition": None},
               home={"latitude": 52.0907, "longitude": 5.1214, "radius_m": 400},
               source="home.toml")


async def test_bare_profile_is_low(router: respx.MockRouter, make_context: Any) -> None:
    router.get("https://links.example/jdevries").respond(
        200, text="<div class='links-page'><a href='https://example.org/blog'>blog</a></div>")
    [finding] = await check_for(SOCIAL).run(USER, make_context())
    assert finding.severity is Severity.LOW
    assert finding.evidence.matched == ()
    assert "no private details" in finding.detail.en  # type: ignore[union-attr]
    assert any("linktr.ee/admin" in link.url for link in finding.remediation.links)
    assert finding.remediation.steps and finding.remediation.steps[0].nl


async def test_private_markers_are_matched_locally_and_masked(router: respx.MockRouter,
                                                              make_context: Any) -> None:
    page = ("<div class='links-page'><p>Trotse vader van Marieke de Vries. Bel 06-12345678."
            "</p><a href='https://www.instagram.com/jdevries'>insta</a>"
            "<a href='https://x.com/jdevries'>x</a></div>")
    router.get("https://links.example/jdevries").respond(200, text=page)
    [finding] = await check_for(SOCIAL).run(USER, make_context())
    assert finding.severity is Severity.HIGH
    assert set(finding.evidence.matched) == {"family", "phone"}
    excerpt = finding.evidence.excerpt or ""
    assert MASK in excerpt and "Marieke" not in excerpt and "12345678" not in excerpt
    assert "links to 2 other account(s)" in finding.detail.en  # type: ignore[union-attr]


async def test_fitness_profile_with_routes_near_home_is_high(router: respx.MockRouter,
                                                             make_context: Any,
                                                             profile: Profile) -> None:
    router.get("https://fit.example/athletes/jdevries").respond(
        301, headers={"location": "/athletes/4242"}, text="<a href=\"/athletes/4242\">moved</a>")
    page = ('<html><body><h1>Jan</h1><script type="application/ld+json">{"x": 1}</script>'
            '<div data-activity=\'{"start_latlng": [52.0911, 5.1220]}\'>Ochtendrit</div>'
            "</body></html>")
    read = router.get("https://fit.example/athletes/4242").respond(200, text=page)
    [finding] = await check_for(FITNESS).run(USER, make_context(with_home(profile)))
    assert read.call_count == 1
    assert finding.severity is Severity.HIGH
    assert "near your home" in finding.detail.en  # type: ignore[union-attr]
    assert "privacyzone" in " ".join(s.nl for s in finding.remediation.steps)
    assert finding.evidence.url == "https://fit.example/athletes/jdevries"


async def test_routes_far_from_home_and_home_town_are_medium(router: respx.MockRouter,
                                                             make_context: Any,
                                                             profile: Profile) -> None:
    router.get("https://fit.example/athletes/jdevries").respond(
        301, headers={"location": "https://fit.example/athletes/4242"}, text="/athletes/")
    router.get("https://fit.example/athletes/4242").respond(
        200, text='<p>Woonplaats: Utrecht</p><i data-x=\'{"lat": 48.8566, "lng": 2.3522}\'></i>')
    [finding] = await check_for(FITNESS).run(USER, make_context(with_home(profile)))
    assert finding.severity is Severity.MEDIUM
    detail = finding.detail.en  # type: ignore[union-attr]
    assert "your home town" in detail and "near your home" not in detail
    assert "1 map coordinates" in detail
    assert "Utrecht" not in (finding.evidence.excerpt or "")


async def test_json_api_answer_is_read_for_location(router: respx.MockRouter,
                                                    make_context: Any) -> None:
    raw = {"name": "GitHub (User)", "uri_check": "https://api.gh.example/users/{account}",
           "uri_pretty": "https://gh.example/{account}", "e_code": 200, "e_string": '"id":',
           "m_code": 404, "m_string": "Not Found", "known": ["a"], "cat": "coding"}
    router.get("https://api.gh.example/users/jdevries").respond(
        200, json={"id": 1, "location": "Amersfoort, NL", "blog": ""})
    router.get("https://gh.example/jdevries").respond(503)
    [finding] = await check_for(raw).run(USER, make_context())
    assert finding.severity is Severity.MEDIUM
    assert "Amersfoort, NL" in finding.detail.en  # type: ignore[union-attr]


def test_name_handles_are_few_and_sensible() -> None:
    assert name_handles("Femke de Boer") == ["femkedeboer", "femke.deboer", "femke_deboer",
                                             "fdeboer"]
    assert name_handles("Zoë van 't Hek") == ["zoevanthek", "zoe.vanthek", "zoe_vanthek",
                                              "zvanthek"]
    assert name_handles("Cher") == []


def test_subjects_put_usernames_first_and_drop_duplicates(profile: Profile) -> None:
    values = [s.value for s in subjects_for(profile, derive=True)]
    assert values == ["jdevries", "jandevries", "jan.devries", "jan_devries"]
    assert [s.value for s in subjects_for(profile, derive=False)] == ["jdevries"]


async def test_finding_says_a_derived_handle_may_be_a_namesake(router: respx.MockRouter,
                                                               make_context: Any) -> None:
    router.get("https://links.example/jan.devries").respond(200, text="links-page")
    [finding] = await check_for(SOCIAL).run(Subject("username", "jan.devries"), make_context())
    assert "made from your name" in finding.detail.en  # type: ignore[union-attr]
    assert "niet ik" in finding.detail.nl  # type: ignore[union-attr]
    router.get("https://links.example/jdevries").respond(200, text="links-page")
    [own] = await check_for(SOCIAL).run(USER, make_context())
    assert "your username 'jdevries'" in own.detail.en  # type: ignore[union-attr]
    assert own.key != finding.key and own.id != finding.id


_OLD_LOCATION_LABEL = re.compile(
    r"^\s*(?:location|city|home ?town|lives in|woonplaats|locatie|plaats|woont in)\s*[:\-]\s*"
    r"(.{2,80})$", re.IGNORECASE | re.MULTILINE)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\t", "Location", "CITY", "woonplaats", ":",
                                 " - ", "Amsterdam", "x" * 40, "lives in", "\r", "ſ", "K"]),
                max_size=14).map("".join))
def test_location_labels_are_found_where_they_were(text: str) -> None:
    """The label expression starts at a literal newline now (twice as fast as "^" with
    MULTILINE): the same labelled values, in the same order."""
    new = [m.group(1) for m in _LOCATION_LABEL.finditer("\n" + text)]
    assert new == [m.group(1) for m in _OLD_LOCATION_LABEL.finditer(text)]


def _other_accounts_link_by_link(links: list[str], own_hosts: list[str],
                                 known_hosts: frozenset[str]) -> list[str]:
    """The reading before it judged each host once: every link on its own."""
    from urllib.parse import urlsplit

    own = {h.removeprefix("www.") for h in own_hosts}
    out = []
    for link in links:
        host = (urlsplit(link).hostname or "").lower().removeprefix("www.")
        if host and host not in own and host in known_hosts:
            out.append(link[:200])
    return list(dict.fromkeys(out))[:8]


_HOSTS = ["site.example", "www.site.example", "other.example", "WWW.Other.example",
          "known.example", "user:pw@known.example:8080", "[::1]", "known.example?x"]
_LINK = st.builds(lambda scheme, host, path: f"{scheme}{host}{path}",
                  st.sampled_from(["https://", "http://", "", "https:"]),
                  st.sampled_from(_HOSTS),
                  st.sampled_from(["", "/", "/p/1", "?q=1", "#f", "/" + "x" * 250]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINK, max_size=40))
def test_other_accounts_are_the_ones_found_link_by_link(links: list[str]) -> None:
    from footprint_checks.username.reveal import _other_accounts

    known = frozenset({"other.example", "known.example", "site.example"})
    own = ["www.site.example"]
    assert _other_accounts(links, own, known) == _other_accounts_link_by_link(links, own, known)
