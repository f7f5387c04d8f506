"""search.links: prepared searches without a provider; nothing is sent."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from footprint_checks.search.links_check import SearchLinksCheck
from footprint_checks.search.queries import build_queries, search_links

from footprint.check import Skip
from footprint.matching import contains_marker
from footprint.models import PROFILE_SUBJECT, FindingKind
from footprint.profile.markers import private_markers
from footprint.profile.model import Profile, PublicIdentifiers


async def test_guided_links_for_google_bing_and_duckduckgo(router, make_context) -> None:
    findings = list(await SearchLinksCheck().run(PROFILE_SUBJECT, make_context()))
    assert router.calls.call_count == 0
    assert {f.key for f in findings} == {"search-yourself", "search-kvk-copies",
                                         "search-accounts"}
    assert all(f.kind is FindingKind.MANUAL for f in findings)
    links = [link.url for f in findings for link in f.remediation.links]
    hosts = {urlsplit(u).hostname for u in links}
    assert {"www.google.com", "www.bing.com", "duckduckgo.com"} <= hosts
    kvk = next(f for f in findings if f.key == "search-kvk-copies")
    queries = [parse_qs(urlsplit(link.url).query).get("q", [""])[0]
               for link in kvk.remediation.links]
    assert any('"12345678"' in q and "site:drimble.nl" in q for q in queries)
    assert any('"De Vries Advies"' in q and "site:oozo.nl" in q for q in queries)


async def test_links_never_carry_private_details(make_context, profile) -> None:
    leaky = replace(profile, public=replace(profile.public, usernames=("kerkstraat12a",)))
    findings = list(await SearchLinksCheck().run(PROFILE_SUBJECT, make_context(leaky)))
    markers = private_markers(leaky, include_street=True)
    for finding in findings:
        for link in finding.remediation.links:
            query = parse_qs(urlsplit(link.url).query).get("q", [""])[0]
            assert contains_marker(query, markers) is None, link.url


def test_queries_use_public_identifiers_only(profile) -> None:
    texts = [q.text for q in build_queries(profile)]
    assert texts[:2] == ['"Jan de Vries" wethouder Utrecht', '"Jan de Vries" Utrecht']
    assert '"jan@devries-utrecht.nl"' in texts and '"jdevries"' in texts
    assert not any("Kerkstraat" in t or "3511" in t or "Marieke" in t for t in texts)


def test_search_links_can_be_limited_to_engines(profile) -> None:
    query = build_queries(profile)[0]
    only = search_links(query, ["google"])
    assert [link.url for link in only] == [
        "https://www.google.com/search?q=%22Jan+de+Vries%22+wethouder+Utrecht"]


async def test_nothing_to_search_is_skipped(make_context) -> None:
    empty = Profile(public=PublicIdentifiers())
    with pytest.raises(Skip):
        await SearchLinksCheck().run(PROFILE_SUBJECT, make_context(empty))


def test_is_a_guide_that_sends_nothing() -> None:
    check = SearchLinksCheck()
    assert check.guide_only and not check.opt_in and check.disclosures == ()
