"""web.pages: private markers and look-alikes on the person's own pages."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
import respx
from footprint_checks.web.pages import OwnPagesCheck

from footprint.check import Inconclusive
from footprint.extract import PageText
from footprint.matching import MASK
from footprint.models import FindingKind, Severity, Subject
from footprint.page_reader import PageNotRead, PageReaders

URL = "https://gemeente.example/raad/jan-de-vries"
SUBJECT = Subject("url", URL)

PAGE = """<html><head><title>Jan de Vries - wethouder</title>
<script type="application/ld+json">{"@type": "Person", "address": {"streetAddress":
"Kerkstraat 12a", "postalCode": "3511 AB"}}</script></head>
<body><h1>Jan de Vries</h1><p>Portefeuille: financiën.</p>
<a href="tel:+31612345678">Bel Jan</a>
<img src="/foto.jpg" alt="Jan met Marieke de Vries">
<p>Secretariaat: Dorpsweg 3, 1234 CD Ergens, 06-99887766</p>
</body></html>"""


async def run(make_context, router: respx.MockRouter, response: httpx.Response):  # type: ignore[no-untyped-def]
    router.get(URL).mock(return_value=response)
    router.get("https://gemeente.example/foto.jpg").respond(404)
    return list(await OwnPagesCheck().run(SUBJECT, make_context()))


async def test_reports_markers_in_jsonld_links_and_attributes(make_context, router) -> None:  # type: ignore[no-untyped-def]
    findings = await run(make_context, router, httpx.Response(
        200, html=PAGE))
    by_key = {f.key.split("#")[1]: f for f in findings}
    assert {"address", "postcode", "phone", "family"} <= set(by_key)
    assert by_key["address"].severity is Severity.HIGH
    assert by_key["phone"].severity is Severity.HIGH
    assert by_key["family"].severity is Severity.MEDIUM
    for finding in findings:
        excerpt = finding.evidence.excerpt or ""
        assert "Kerkstraat" not in excerpt and "3511" not in excerpt
        assert "612345678" not in excerpt and "Marieke" not in excerpt
        assert finding.evidence.url == URL
        assert finding.remediation.summary.nl and finding.remediation.summary.en
    generic = [f for f in findings if "address-" in f.key or "mobile-" in f.key]
    assert sorted(f.severity for f in generic) == [Severity.LOW, Severity.LOW]
    assert all(MASK in (f.evidence.excerpt or "") for f in generic)


async def test_ids_are_stable_across_scans(make_context, router) -> None:  # type: ignore[no-untyped-def]
    first = await run(make_context, router, httpx.Response(200, html=PAGE))
    second = list(await OwnPagesCheck().run(SUBJECT, make_context()))
    assert [f.id for f in first] == [f.id for f in second]


async def test_unreadable_photos_become_a_step_and_keep_the_text_findings(
        make_context, router) -> None:  # type: ignore[no-untyped-def]
    findings = await run(make_context, router, httpx.Response(200, html=PAGE))
    [step] = [f for f in findings if f.kind is FindingKind.MANUAL]
    assert "404" in (step.detail.en if step.detail else "")
    assert any(f.severity is Severity.HIGH for f in findings)


async def test_clean_page_is_clear(make_context, router) -> None:  # type: ignore[no-untyped-def]
    findings = await run(make_context, router, httpx.Response(
        200, html="<p>Jan de Vries, wethouder. Mail: jan@devries-utrecht.nl</p>"))
    assert findings == []


async def test_postcode_with_house_number_is_high(make_context, router) -> None:  # type: ignore[no-untyped-def]
    findings = await run(make_context, router, httpx.Response(
        200, html="<p>Huisnummer 12, 3511 AB</p>"))
    [finding] = findings
    assert finding.severity is Severity.HIGH and "house number" in finding.title.en


@pytest.mark.parametrize(("response", "words"), [
    (httpx.Response(404), "404"),
    (httpx.Response(403, html="<title>Just a moment...</title><div id=cf_chl_opt>"), "blocked"),
    (httpx.Response(429), "blocked"),
    (httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"}),
     "application/pdf"),
])
async def test_unreadable_pages_are_inconclusive(make_context, router, response: httpx.Response,
                                                 words: str) -> None:
    with pytest.raises(Inconclusive) as info:
        await run(make_context, router, response)
    assert words in info.value.reason.en


class _BrokenReader(PageReaders):
    async def read(self, html: str, base_url: str = "") -> PageText:
        raise PageNotRead("the page reader crashed or hung on this page")


async def test_a_page_the_reader_could_not_read_is_inconclusive_not_clear(  # type: ignore[no-untyped-def]
        make_context, router) -> None:
    router.get(URL).respond(200, html=PAGE)
    ctx = dataclasses.replace(make_context(), pages=_BrokenReader())
    with pytest.raises(Inconclusive, match="could not be read"):
        await OwnPagesCheck().run(SUBJECT, ctx)
