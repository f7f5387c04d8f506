"""KvK copy sites: the catalogue, guided steps per site, and derived pages matched locally."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
import respx
from footprint_checks.registers.copies import CopyPagesCheck, CopySitesGuide
from footprint_checks.registers.sources import SourceDataError, parse_sources, sources

from footprint.check import CheckContext, Inconclusive
from footprint.extract import PageText
from footprint.models import PROFILE_SUBJECT, FindingKind, Severity, Subject
from footprint.page_reader import PageNotRead, PageReaders

KVK = Subject("kvk", "12345678")
BIZZY = "https://bizzy.org/nl/nl/12345678"


def test_catalogue_names_the_sites_from_the_issue():
    ids = {s.id for s in sources()}
    assert {"drimble", "oozo", "opencompanies", "bedrijvenbase", "companyinfo",
            "cylex"} <= ids
    assert all(s.domains and s.name for s in sources())
    # each entry says whether a public source confirmed it, and bizzy's URL pattern did not
    assert all(s.checked is not None and s.checked.date == "2026-12-05" for s in sources())
    by_id = {s.id: s for s in sources()}
    assert by_id["bizzy"].checked is not None and not by_id["bizzy"].checked.confirmed


@pytest.mark.parametrize(("snippet", "message"), [
    ('id = "Bad Id"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = ""',
     "id must be"),
    ('id = "x"\nname = "x"\nkind = "other"\ndomains = ["x.nl"]\ncountry = ""', "kind"),
    ('id = "x"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = "nl"', "country"),
    ('id = "x"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = ""\n'
     'profile_url = "https://elsewhere.nl/{kvk}"', "profile_url"),
    ('id = "x"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = ""\ncolour = 1',
     "unknown key"),
    ('id = "x"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = ""',
     "source 'x': missing 'checked'"),
    ('id = "x"\nname = "x"\nkind = "kvk-copy"\ndomains = ["x.nl"]\ncountry = ""\n'
     'checked = { status = "partly", date = "2026-12-05", source = "https://x.nl/" }',
     "needs a note"),
])
def test_bad_catalogue_entries_are_named(snippet: str, message: str):
    with pytest.raises(SourceDataError) as caught:
        parse_sources("[[source]]\n" + snippet)
    assert message in str(caught.value)


async def test_copy_site_steps_are_manual_and_send_nothing(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    check = CopySitesGuide()
    assert check.guide_only
    findings = list(await check.run(PROFILE_SUBJECT, make_context()))
    assert len(router.calls) == 0
    assert {f.key for f in findings} >= {"drimble", "oozo", "locatefamily"}
    assert all(f.kind is FindingKind.MANUAL for f in findings)
    drimble = next(f for f in findings if f.key == "drimble")
    assert "footprint letter avg drimble" in " ".join(s.en for s in drimble.remediation.steps)
    assert "footprint letter avg drimble" in " ".join(s.nl for s in drimble.remediation.steps)
    assert "site%3Adrimble.nl" in drimble.remediation.links[0].url
    assert "Kerkstraat" not in " ".join(link.url for f in findings
                                        for link in f.remediation.links)


async def test_nothing_to_suggest_is_skipped_never_clear(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    from footprint.engine import Engine, Job
    from footprint.models import Status
    from footprint.profile.model import Profile

    check = CopySitesGuide()
    empty = make_context(Profile(source="test"))  # no name, no KvK number, no trade name
    result = await Engine([check], empty).run_one(Job(check, PROFILE_SUBJECT))
    assert result.status is Status.SKIPPED and not result.findings
    assert result.reason is not None and "nothing to suggest" in result.reason.en
    assert "niets voor te stellen" in result.reason.nl
    with_name = await Engine([check], make_context()).run_one(Job(check, PROFILE_SUBJECT))
    assert with_name.status is Status.MANUAL  # the same check with a name has steps


async def test_derived_page_with_home_address_is_an_exposure(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    router.get(BIZZY).respond(200, html=(
        "<html><title>De Vries Advies</title><body><h1>De Vries Advies</h1>"
        "<p>KvK 12345678</p><p>Kerkstraat 12a, 3511 AB Utrecht</p></body></html>"))
    findings = list(await CopyPagesCheck().run(KVK, make_context()))
    assert len(findings) == 1
    assert findings[0].key == "bizzy" and findings[0].severity is Severity.HIGH
    assert "3511 AB" not in (findings[0].evidence.excerpt or "")


async def test_derived_page_without_address_is_clear(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    router.get(BIZZY).respond(200, html="<p>De Vries Advies, KvK 12345678, Utrecht</p>")
    assert list(await CopyPagesCheck().run(KVK, make_context())) == []


async def test_missing_or_blocked_page_is_not_clear(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    route = router.get(BIZZY).respond(404)
    with pytest.raises(Inconclusive):
        await CopyPagesCheck().run(KVK, make_context())
    route.respond(200, html="<p>Are you a robot?</p>")
    with pytest.raises(Inconclusive):
        await CopyPagesCheck().run(KVK, make_context())


class _BrokenReader(PageReaders):
    async def read(self, html: str, base_url: str = "") -> PageText:
        raise PageNotRead("the page reader crashed or hung on this page")


async def test_a_page_the_reader_could_not_read_is_not_clear(
        router: respx.MockRouter, make_context: Callable[..., CheckContext]):
    router.get(BIZZY).respond(200, html="<p>De Vries Advies, KvK 12345678, Utrecht</p>")
    ctx = dataclasses.replace(make_context(), pages=_BrokenReader())
    with pytest.raises(Inconclusive, match="could not be read"):
        await CopyPagesCheck().run(KVK, ctx)
