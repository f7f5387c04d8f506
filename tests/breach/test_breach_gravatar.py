from __future__ import annotations

import hashlib

import httpx
import pytest
from footprint_checks.breach.gravatar import GravatarCheck, gravatar_hash

from footprint.check import Inconclusive, Skip
from footprint.matching import MASK
from footprint.models import Severity, Subject

from .helpers import load_json

JAN = Subject("email", "jan@devries-utrecht.nl")
HASH = hashlib.sha256(b"jan@devries-utrecht.nl").hexdigest()
URL = f"https://api.gravatar.com/v3/profiles/{HASH}"


def test_hash_is_sha256_of_trimmed_lowercased_address() -> None:
    assert gravatar_hash(" MyEmailAddress@example.com ") == (
        "84059b07d4be67b806386c0aad8070a23f18836bbaae342275dc0a83414c32ee")


async def test_public_profile_lists_its_fields(router, make_context) -> None:
    route = router.get(URL).mock(return_value=httpx.Response(
        200, json=load_json("gravatar_v3_profile.json")))
    (finding,) = await GravatarCheck().run(JAN, make_context())
    assert finding.key == "profile" and finding.subject == JAN
    assert finding.severity is Severity.MEDIUM  # location and a linked account
    assert finding.detail is not None
    for field in ("name", "location", "job title", "photo", "verified accounts"):
        assert field in finding.detail.en
    assert "locatie" in finding.detail.nl
    assert finding.evidence.url == "https://gravatar.com/example"
    assert any("gravatar.com/profile" in link.url for link in finding.remediation.links)
    assert "location" in finding.remediation.steps[1].en
    request = route.calls.last.request
    assert "authorization" not in request.headers
    assert "jan" not in str(request.url)  # only the hash is sent


async def test_private_details_in_the_profile_raise_it_to_high_and_are_masked(
        router, make_context) -> None:
    profile = load_json("gravatar_v3_profile.json")
    profile["description"] = "Vader van Marieke de Vries, bel 06-12345678"
    router.get(URL).mock(return_value=httpx.Response(200, json=profile))
    (finding,) = await GravatarCheck().run(JAN, make_context())
    assert finding.severity is Severity.HIGH
    assert finding.evidence.excerpt is not None and MASK in finding.evidence.excerpt
    assert "Marieke" not in finding.evidence.excerpt
    assert "12345678" not in finding.evidence.excerpt
    assert finding.evidence.matched == ("family", "phone")
    assert finding.detail is not None and "private phone number" in finding.detail.en


async def test_name_and_photo_only_is_low(router, make_context) -> None:
    profile = {"hash": HASH, "display_name": "Jan", "avatar_url": "https://0.gravatar.com/a",
               "location": "", "verified_accounts": [{"url": "https://x", "is_hidden": True}]}
    router.get(URL).mock(return_value=httpx.Response(200, json=profile))
    (finding,) = await GravatarCheck().run(JAN, make_context())
    assert finding.severity is Severity.LOW
    assert finding.detail is not None and "verified accounts" not in finding.detail.en


async def test_authenticated_fields_are_reported(router, make_context) -> None:
    profile = {"hash": HASH, "display_name": "Jan", "links": [{"label": "Blog",
                                                                "url": "https://blog"}],
               "contact_info": {"cell_phone": "", "email": "jan@devries-utrecht.nl"},
               "payments": {"links": [], "crypto_wallets": [{"label": "BTC", "address": "x"}]}}
    route = router.get(URL).mock(return_value=httpx.Response(200, json=profile))
    (finding,) = await GravatarCheck().run(JAN, make_context(
        secrets={"GRAVATAR_API_KEY": "gk"}))
    assert finding.detail is not None
    assert all(w in finding.detail.en for w in ("links", "contact details", "payment"))
    assert route.calls.last.request.headers["authorization"] == "Bearer gk"


async def test_404_means_no_profile(router, make_context) -> None:
    router.get(URL).mock(return_value=httpx.Response(404))
    assert list(await GravatarCheck().run(JAN, make_context())) == []


@pytest.mark.parametrize("response,match", [
    (httpx.Response(429, json=load_json("gravatar_v3_429.json")), "429"),
    (httpx.Response(500), "HTTP 500"),
    (httpx.Response(401), "GRAVATAR_API_KEY"),
    (httpx.Response(200, json={"error": "?"}), "not a profile|other than a profile"),
    (httpx.Response(200, text="<html>"), "other than a profile"),
])
async def test_undecided_answers(router, make_context, response: httpx.Response,
                                 match: str) -> None:
    router.get(URL).mock(return_value=response)
    with pytest.raises(Inconclusive, match=match):
        await GravatarCheck().run(JAN, make_context())


async def test_invalid_email_sends_nothing(router, make_context) -> None:
    with pytest.raises(Skip):
        await GravatarCheck().run(Subject("email", "jan@"), make_context())
    assert not router.calls
