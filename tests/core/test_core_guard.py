"""The private-data guard: no spelling of a private marker leaves the machine."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.errors import PrivateDataBlocked
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.http.guard import blocking_marker
from footprint.profile.markers import private_markers
from tests.persona import jan

PROFILE = jan(public={})
MARKERS = private_markers(PROFILE, include_street=True)

SPELLINGS = [
    "Kerkstraat 12a", "kerkstr. 12-A", "KERKSTRAAT 12 A", "3511 AB", "3511ab", "3511-ab",
    "06-12345678", "+31 6 1234 5678", "0031612345678", "+31612345678", "Marieke de Vries",
    "marieke DE vries", "Kerkstraat", "Mariéke de Vries",
]


def _request(method: str = "GET", url: str = "https://api.example/search", **kw: object
             ) -> httpx.Request:
    return httpx.Request(method, url, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("where", ["query", "path", "header", "form", "json", "double"])
def test_every_spelling_is_blocked_wherever_it_hides(spelling: str, where: str) -> None:
    if where == "query":
        request = _request(params={"q": spelling})
    elif where == "path":
        request = _request(url="https://api.example/u/" + quote(spelling, safe=""))
    elif where == "header":
        request = _request(headers={"X-Note": spelling.encode("utf-8")})
    elif where == "form":
        request = _request("POST", data={"q": spelling})
    elif where == "json":
        request = _request("POST", json={"q": spelling})
    else:
        request = _request(url="https://api.example/s?q=" + quote(quote_plus(spelling)))
    assert blocking_marker(request, MARKERS) is not None


def test_public_requests_pass() -> None:
    request = _request(params={"q": "Jan de Vries wethouder Utrecht", "u": "jdevries"})
    assert blocking_marker(request, MARKERS) is None


async def test_blocked_request_never_reaches_the_transport() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    opts = HttpOptions()
    async with build_client(MARKERS, opts, transport=httpx.MockTransport(handler)) as client:
        session = session_for(client, opts)
        with pytest.raises(PrivateDataBlocked) as info:
            await session.get("https://api.example/search", params={"q": "3511 AB"})
        await session.get("https://api.example/search", params={"q": "jdevries"})
    assert "postcode" in str(info.value)
    assert [r.url.params["q"] for r in sent] == ["jdevries"]


def _noise() -> st.SearchStrategy[str]:
    return st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                   max_size=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_noise(), suffix=_noise(), spelling=st.sampled_from(SPELLINGS),
       case=st.sampled_from(["upper", "lower", "title", "same"]),
       encoding=st.sampled_from(["plain", "quote", "quote_plus", "double"]))
def test_property_marker_in_any_case_and_encoding_is_blocked(
        prefix: str, suffix: str, spelling: str, case: str, encoding: str) -> None:
    text = {"upper": spelling.upper(), "lower": spelling.lower(), "title": spelling.title(),
            "same": spelling}[case]
    value = f"{prefix} {text} {suffix}"
    encoded = {"plain": quote(value, safe=" "), "quote": quote(value, safe=""),
               "quote_plus": quote_plus(value),
               "double": quote(quote(value, safe=""), safe="")}[encoding]
    request = _request(url=f"https://api.example/s?q={encoded}")
    assert blocking_marker(request, MARKERS) is not None


async def test_dns_names_with_private_details_are_never_looked_up() -> None:
    from footprint.dns import DnsAnswer, GuardedResolver

    asked: list[str] = []

    class Inner:
        async def query(self, name: str, rdtype: str) -> DnsAnswer:
            asked.append(name)
            return DnsAnswer(("ok",))

    resolver = GuardedResolver(Inner(), MARKERS)
    with pytest.raises(PrivateDataBlocked):
        await resolver.query("kerkstraat-12a.example.nl", "TXT")
    assert (await resolver.query("devries-utrecht.nl", "MX")).records == ("ok",)
    assert asked == ["devries-utrecht.nl"]
