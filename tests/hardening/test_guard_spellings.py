"""The guard sees through the encodings a request can carry a private detail in: legacy
charsets, HTML character references, IDNA host names, deep percent-encoding. Generated
markers and generated chains of encodings are all blocked."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.http.guard import blocking_marker
from footprint.profile.load import parse_profile
from footprint.profile.markers import private_markers
from footprint.profile.model import Profile

from .strategies import profiles

PROFILE = parse_profile("""
[private]
family = ["Renée Jünger"]
phones = ["06 12345678"]
[private.address]
street = "Citroënstraat"
house_number = "12"
postcode = "3511 AB"
""", "guard.toml")
MARKERS = private_markers(PROFILE, include_street=True)
NAME = "Renée Jünger"

CASES: dict[str, httpx.Request] = {
    "latin-1 query": httpx.Request(
        "GET", "https://a.example/s?q=" + quote(NAME, encoding="latin-1")),
    "latin-1 path": httpx.Request(
        "GET", "https://a.example/u/" + quote("Citroënstr 12", encoding="latin-1")),
    "cp1252 form body": httpx.Request(
        "POST", "https://a.example/", content=f"q={NAME}".encode("cp1252")),
    "latin-1 percent form body": httpx.Request(
        "POST", "https://a.example/", content=f"q={quote_plus(NAME, encoding='latin-1')}"
        .encode()),
    "utf-16 body": httpx.Request("POST", "https://a.example/", content=NAME.encode("utf-16")),
    "html named references": httpx.Request(
        "POST", "https://a.example/", content=html.escape(NAME).encode("ascii",
                                                                         "xmlcharrefreplace")),
    "html numeric references": httpx.Request(
        "POST", "https://a.example/", content="".join(f"&#{ord(c)};" for c in "3511 AB")
        .encode()),
    "idna host": httpx.Request("GET", "https://reneejünger.example/"),
    "five times percent-encoded": httpx.Request(
        "GET", "https://a.example/s?q=" + quote(quote(quote(quote(quote("3511 AB")))))),
}


@pytest.mark.parametrize("name", list(CASES))
def test_encoded_private_details_are_blocked(name: str) -> None:
    assert blocking_marker(CASES[name], MARKERS) is not None


def test_public_requests_still_pass() -> None:
    for request in (httpx.Request("GET", "https://a.example/s", params={"q": "Jan Jünger"}),
                    httpx.Request("POST", "https://a.example/", content="Renée".encode("cp1252")),
                    httpx.Request("GET", "https://jünger.example/3511")):
        assert blocking_marker(request, MARKERS) is None


ENCODINGS: dict[str, Callable[[str], str]] = {
    "percent": lambda s: quote(s, safe=""),
    "percent-plus": quote_plus,
    "percent-latin-1": lambda s: quote(s, safe="", encoding="latin-1", errors="xmlcharrefreplace"),
    "json": lambda s: json.dumps(s)[1:-1],
    "html": lambda s: html.escape(s).encode("ascii", "xmlcharrefreplace").decode(),
}


@settings(max_examples=60, deadline=None)
@given(profile=profiles(), chain=st.lists(st.sampled_from(list(ENCODINGS)), max_size=3),
       where=st.sampled_from(["query", "path", "body", "header"]), pick=st.integers(0, 99),
       case=st.sampled_from([str, str.upper, str.lower, str.title]))
def test_generated_markers_through_generated_encodings(profile: Profile, chain: list[str],
                                                       where: str, pick: int,
                                                       case: Callable[[str], str]) -> None:
    p = profile.private
    values = [f"{p.address.street} {p.address.house_number}{p.address.addition}",
              p.address.postcode, *p.phones, *p.family, *p.other]
    text = case(values[pick % len(values)])  # before encoding: "\\U00E9" is no escape
    for step in chain:
        text = ENCODINGS[step](text)
    if where in ("query", "path"):
        sep = "/u/" if where == "path" else "/s?q="
        request = httpx.Request("GET", "https://a.example" + sep + quote(text, safe="%&#;+"))
    elif where == "body":
        request = httpx.Request("POST", "https://a.example/", content=text.encode("utf-8"))
    else:
        request = httpx.Request("GET", "https://a.example/",
                                headers={"X-Q": text.encode("utf-8")})
    assert blocking_marker(request, private_markers(profile, include_street=True)) is not None


def test_footprints_own_fixed_headers_do_not_trip_the_guard() -> None:
    """A family member called "Ling" is inside "no crawling" in the User-Agent; that text is
    footprint's own, so it must not get every request blocked. A check that puts the name
    into a header itself is still blocked."""
    from footprint.http.client import USER_AGENT

    markers = private_markers(parse_profile('[private]\nfamily = ["Ling"]\n', "ling.toml"))
    plain = httpx.Request("GET", "https://a.example/u/jdevries",
                          headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
    assert blocking_marker(plain, markers) is None
    sneaky = httpx.Request("GET", "https://a.example/u/jdevries",
                           headers={"User-Agent": USER_AGENT + " Ling"})
    assert blocking_marker(sneaky, markers) is not None
