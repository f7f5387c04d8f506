"""The guard must not become an oracle (issue 14): a hostile site that chooses what
footprint requests next learns nothing about a private detail beyond one all-or-nothing
step per host. Each test runs the real ``web.pages`` check over real sockets."""

from __future__ import annotations

from footprint_checks.web.pages import OwnPagesCheck

from footprint.check import CheckContext
from footprint.engine import Engine
from footprint.http.client import build_client, session_for
from footprint.models import CheckResult, Severity, Status
from footprint.profile.load import parse_profile
from footprint.profile.markers import private_markers

from .harness import FAST, QuietResolver
from .oracle import BITS, CANDIDATES, Site, bit_links, hostile_site, page_html

ALARM = "This site tried to make footprint send your private data"
POSTCODES = {"A": "3511 AB", "B": "1012 NP", "C": "9999 ZZ"}  # C is no candidate


def _profile(postcode: str, urls: list[str]) -> str:
    listed = ", ".join(f'"{u}"' for u in urls)
    return f"""
[person]
name = "Jan de Vries"
[public]
urls = [{listed}]
[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "{postcode}"
"""


async def _scan(postcode: str, urls: list[str]) -> tuple[CheckResult, ...]:
    profile = parse_profile(_profile(postcode, urls), "oracle.toml")
    async with build_client(private_markers(profile, include_street=True), FAST) as client:
        context = CheckContext(http=session_for(client, FAST), dns=QuietResolver(),
                               profile=profile, markers=private_markers(profile))
        # one job at a time: the order of requests is then the same on every run
        return await Engine([OwnPagesCheck()], context, concurrency=1,
                            check_timeout=10).run()


async def _seen_by_site(postcode: str, pages: dict[str, bytes],
                        listed: tuple[str, ...]) -> tuple[list[str], tuple[CheckResult, ...],
                                                          Site]:
    with hostile_site(pages) as site:
        results = await _scan(postcode, [site.url(p) for p in listed])
    return site.paths, results, site


def _by_url(results: tuple[CheckResult, ...], path: str) -> CheckResult:
    return next(r for r in results if r.subject.value.endswith(path))


async def test_image_links_split_by_bit_reveal_nothing() -> None:
    """Ten-links attack: each image link holds half the candidates, by bit. Profiles A and
    B (both candidates) get identical traffic; C (no candidate) differs by one step: all
    the images, and the second page, which A and B no longer request."""
    pages = {"/page": page_html(bit_links()), "/second": page_html([])}
    listed = ("/page", "/second")
    seen = {k: (await _seen_by_site(v, pages, listed)) for k, v in POSTCODES.items()}
    a, b, c = (seen[k][0] for k in "ABC")
    assert a == b == ["/page"]
    images = sorted(bit_links())
    assert c[0] == "/page" and sorted(c[1:1 + len(images)]) == images
    assert c[1 + len(images):] == ["/second"]
    for key in "AB":
        results = seen[key][1]
        page = _by_url(results, "/page")
        alarm = [f for f in page.findings if f.title.en == ALARM]
        assert len(alarm) == 1 and alarm[0].severity is Severity.HIGH
        assert page.status is Status.EXPOSED
        assert alarm[0].evidence.url is not None and "c=" not in alarm[0].evidence.url
        # no "check the photos yourself": a browser would send the guesses
        assert [f.title.en for f in page.findings] == [ALARM]
        second = _by_url(results, "/second")
        assert second.status is Status.INCONCLUSIVE
        assert "tried earlier" in second.reason.en  # type: ignore[union-attr]
    assert all(f.title.en != ALARM for r in seen["C"][1] for f in r.findings)


async def test_a_cookie_with_candidates_is_never_sent_back() -> None:
    pages = {"/page": page_html([]), "/second": page_html([])}
    for postcode in POSTCODES.values():
        _, results, site = await _seen_by_site(postcode, pages, ("/page", "/second"))
        assert site.paths == ["/page", "/second"]
        assert site.cookies_sent == []
        assert all(r.status is Status.CLEAR for r in results), results


async def test_a_link_too_long_to_check_is_refused_like_a_block() -> None:
    long_link = "/img/long.svg?c=" + ",".join(CANDIDATES * 20).replace(" ", "+")
    assert len(long_link) > 2048
    pages = {"/page": page_html(["/img/short.svg", long_link])}
    paths, results, _ = await _seen_by_site(POSTCODES["C"], pages, ("/page",))
    assert paths == ["/page"]  # neither the long link nor the short one
    alarm = [f for f in results[0].findings if f.title.en == ALARM]
    assert len(alarm) == 1 and "too long" in alarm[0].detail.en  # type: ignore[union-attr]


async def test_a_redirect_chain_stops_at_its_first_refused_hop() -> None:
    """Each hop asks "is your postcode among these?". After the first refused hop the
    host hears nothing more, so two profiles' traffic differs at one point only: the
    shorter is a prefix of the longer, with nothing after it (not even the next page)."""
    pages = {"/second": page_html([])}
    listed = ("/hop/0", "/second")
    runs = {k: (await _seen_by_site(v, pages, listed)) for k, v in POSTCODES.items()}
    a, b, c = (runs[k][0] for k in "ABC")
    # A is candidate 0 (no bit set): it passes every hop; B (index 1) is refused at hop 1
    assert b == ["/hop/0"]
    assert [p.split("?")[0] for p in a] == ["/hop/0", "/hop/1", "/hop/2", "/hop/3", "/hop/4",
                                            "/second"]
    assert a == c
    hop = _by_url(runs["B"][1], "/hop/0")
    assert hop.status is Status.INCONCLUSIVE
    assert any(f.title.en == ALARM for f in hop.findings)
    assert _by_url(runs["B"][1], "/second").status is Status.INCONCLUSIVE


async def test_images_that_redirect_ask_no_further_question() -> None:
    """Image links that look harmless but redirect to a guess: the redirects of addresses
    a page names are not followed, so every profile sees the same requests."""
    links = [f"/bounce/{n}" for n in range(BITS)]
    pages = {"/page": page_html(links)}
    seen = {k: (await _seen_by_site(v, pages, ("/page",))) for k, v in POSTCODES.items()}
    paths = [sorted(seen[k][0]) for k in "ABC"]
    assert paths[0] == paths[1] == paths[2] == sorted(["/page", *links])
    for _, results, _ in seen.values():
        (result,) = results
        assert result.status is Status.INCONCLUSIVE or any(
            "redirected" in (f.detail.en if f.detail else "") for f in result.findings)


async def test_the_hosts_the_refused_links_point_to_are_closed_too() -> None:
    """The guesses go to a second site: it hears nothing from the group, and nothing
    after it either (its own page, listed in the profile, is not fetched)."""
    with hostile_site({"/own": page_html([])}) as other:
        # the second site is another host name for the same loopback address
        other_base = other.base.replace("127.0.0.1", "localhost")
        links = [other_base + link for link in bit_links()]
        with hostile_site({"/page": page_html(links)}) as site:
            results = await _scan(POSTCODES["A"], [site.url("/page"), other_base + "/own"])
    assert site.paths == ["/page"]
    assert other.paths == []
    own = _by_url(results, "/own")
    assert own.status is Status.INCONCLUSIVE
    assert "tried earlier" in own.reason.en  # type: ignore[union-attr]
