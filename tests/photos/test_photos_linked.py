"""Images linked from the person's pages: fetched within a cap, audited, failures honest."""

from __future__ import annotations

import httpx
import pytest
import respx
from footprint_checks.photos.linked import audit_linked_images

from footprint.check import Inconclusive
from footprint.models import FindingKind, Severity, Subject

from .factory import AT_HOME, FAR_AWAY, home_profile, make_photo

PAGE = Subject("url", "https://gemeente.example/raad/jan-de-vries")
CHECK = "web.pages"


def _image(router: respx.MockRouter, url: str, data: bytes,
           ctype: str = "image/jpeg") -> respx.Route:
    return router.get(url).mock(return_value=httpx.Response(
        200, headers={"content-type": ctype}, content=data))


async def test_photo_at_home_is_high_with_evidence_and_remediation(router, make_context) -> None:
    _image(router, "https://gemeente.example/img/tuin.jpg", make_photo(AT_HOME, serial="SN-7"))
    ctx = make_context(home_profile())
    findings = await audit_linked_images(["https://gemeente.example/img/tuin.jpg"], ctx,
                                         CHECK, PAGE)
    by_key = {f.key.split(":", 1)[0]: f for f in findings}
    gps = by_key["photo-gps"]
    assert gps.severity is Severity.HIGH and gps.kind is FindingKind.EXPOSURE
    assert gps.evidence.url == "https://gemeente.example/img/tuin.jpg"
    # footprint's own summary of the metadata, in both languages (a detail, not a quote)
    assert gps.evidence.excerpt is None and gps.detail is not None
    assert gps.detail.en == ("GPS 70 m from home; taken 2026:05:01 14:03:00; "
                             "camera Acme Phone 1; BodySerialNumber: SN-7")
    assert gps.detail.nl == ("GPS-positie op 70 m van je huis; genomen op 2026:05:01 14:03:00; "
                             "camera Acme Phone 1; BodySerialNumber: SN-7")
    assert gps.remediation.summary.nl and gps.remediation.summary.en
    assert any("iPhone" in s.en and "iPhone" in s.nl for s in gps.remediation.steps)
    assert any("Android" in s.en for s in gps.remediation.steps)
    tags = by_key["photo-tags"]
    assert tags.severity is Severity.LOW and "photo-tag:BodySerialNumber" in tags.evidence.matched
    assert gps.check_id == CHECK and gps.subject == PAGE


async def test_photo_elsewhere_is_low_and_clean_photo_has_no_finding(router,
                                                                     make_context) -> None:
    _image(router, "https://gemeente.example/img/far.jpg", make_photo(FAR_AWAY))
    _image(router, "https://gemeente.example/img/clean.png", make_photo(None, fmt="PNG"),
           "image/png")
    ctx = make_context(home_profile())
    findings = await audit_linked_images(["https://gemeente.example/img/far.jpg",
                                          "https://gemeente.example/img/clean.png"],
                                         ctx, CHECK, PAGE)
    assert [(f.severity, f.evidence.url) for f in findings] == [
        (Severity.LOW, "https://gemeente.example/img/far.jpg")]


async def test_without_home_location_gps_is_medium(router, make_context, profile) -> None:
    _image(router, "https://gemeente.example/img/far.jpg", make_photo(FAR_AWAY))
    findings = await audit_linked_images(["https://gemeente.example/img/far.jpg"],
                                         make_context(profile), CHECK, PAGE)
    assert [f.severity for f in findings] == [Severity.MEDIUM]


async def test_some_unchecked_images_are_never_reported_as_clear(router, make_context) -> None:
    _image(router, "https://gemeente.example/img/ok.jpg", make_photo(None))
    router.get("https://gemeente.example/img/gone.jpg").mock(return_value=httpx.Response(404))
    _image(router, "https://gemeente.example/img/waf.jpg", b"<html>challenge</html>",
           "text/html")
    router.get("https://gemeente.example/img/slow.jpg").mock(
        side_effect=httpx.ConnectTimeout("slow"))
    urls = ["https://gemeente.example/img/ok.jpg", "https://gemeente.example/img/gone.jpg",
            "https://gemeente.example/img/waf.jpg", "https://gemeente.example/img/slow.jpg"]
    findings = await audit_linked_images(urls, make_context(home_profile()), CHECK, PAGE)
    assert len(findings) == 1
    manual = findings[0]
    assert manual.kind is FindingKind.MANUAL
    detail = manual.detail.en if manual.detail else ""
    assert "gone.jpg: HTTP 404" in detail and "text/html" in detail and "ConnectTimeout" in detail
    assert "ok.jpg" not in detail


async def test_no_image_checked_at_all_is_inconclusive(router, make_context) -> None:
    router.get("https://gemeente.example/img/a.jpg").mock(return_value=httpx.Response(503))
    router.get("https://gemeente.example/img/b.jpg").mock(return_value=httpx.Response(403))
    with pytest.raises(Inconclusive):
        await audit_linked_images(["https://gemeente.example/img/a.jpg",
                                   "https://gemeente.example/img/b.jpg"],
                                  make_context(home_profile()), CHECK, PAGE)


async def test_size_cap_and_image_count_cap(router, make_context) -> None:
    big = _image(router, "https://gemeente.example/img/big.jpg",
                 make_photo(AT_HOME, fmt="PNG"), "image/png")
    small = [_image(router, f"https://gemeente.example/img/{i}.jpg", make_photo(None))
             for i in range(3)]
    urls = ["https://gemeente.example/img/big.jpg",
            *(f"https://gemeente.example/img/{i}.jpg" for i in range(3))]
    findings = await audit_linked_images(urls, make_context(home_profile()), CHECK, PAGE,
                                         max_images=3, max_bytes=6000)
    assert big.called and small[0].called and small[1].called and not small[2].called
    assert len(findings) == 1 and findings[0].kind is FindingKind.MANUAL
    detail = findings[0].detail.en if findings[0].detail else ""
    assert "big.jpg: larger than" in detail and "2.jpg: not fetched: more than 3" in detail


async def test_image_url_with_a_private_detail_means_no_image_is_fetched(
        router, make_context) -> None:
    """The page's image addresses are one group: fetched all or none (issue 14)."""
    leaky = _image(router, "https://gemeente.example/img/kerkstraat-12a.jpg", make_photo(None))
    fine = _image(router, "https://gemeente.example/img/ok.jpg", make_photo(None))
    # no "check them yourself" step: a browser would send the guesses; the scan reports
    # the site's attempt as a finding of its own (tests/hardening/test_guard_oracle.py)
    assert await audit_linked_images(["https://gemeente.example/img/kerkstraat-12a.jpg",
                                      "https://gemeente.example/img/ok.jpg"],
                                     make_context(home_profile()), CHECK, PAGE) == []
    assert not leaky.called and not fine.called
    ctx = make_context(home_profile())
    ctx.http.quarantine.closed["gemeente.example"] = object()  # type: ignore[assignment]
    with pytest.raises(Inconclusive, match="do not open them in a browser"):
        await audit_linked_images(["https://gemeente.example/img/ok.jpg"], ctx, CHECK, PAGE)
    assert not fine.called


async def test_svg_counts_as_checked_and_no_urls_is_nothing(router, make_context) -> None:
    _image(router, "https://gemeente.example/logo.svg", b"<svg/>", "image/svg+xml")
    ctx = make_context(home_profile())
    assert await audit_linked_images(["https://gemeente.example/logo.svg"], ctx,
                                     CHECK, PAGE) == []
    assert await audit_linked_images(["data:image/png;base64,xx"], ctx, CHECK, PAGE) == []


async def test_finding_keys_are_stable(router, make_context) -> None:
    _image(router, "https://gemeente.example/img/tuin.jpg", make_photo(AT_HOME))
    ctx = make_context(home_profile())
    first = await audit_linked_images(["https://gemeente.example/img/tuin.jpg"], ctx,
                                      CHECK, PAGE)
    second = await audit_linked_images(["https://gemeente.example/img/tuin.jpg"], ctx,
                                       CHECK, PAGE)
    assert [f.id for f in first] == [f.id for f in second]
