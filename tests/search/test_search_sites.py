"""The searches aim at the one copy-site catalogue the registers family keeps."""

from __future__ import annotations

from footprint_checks.registers.sources import KINDS, sources
from footprint_checks.search.sites import SiteKind, copy_sites, domains


def test_every_catalogue_domain_is_searched_under_its_kind() -> None:
    catalogue = {d: s.kind for s in sources() for d in s.domains}
    searched = {s.domain: s.kind for s in copy_sites()}
    assert set(searched) == set(catalogue)
    for domain, kind in catalogue.items():
        expected = SiteKind.KVK_COPY if kind == "kvk-copy" else SiteKind.PEOPLE_DIRECTORY
        assert searched[domain] is expected, domain


def test_known_sites_and_every_kind_are_mapped() -> None:
    assert "drimble.nl" in domains(SiteKind.KVK_COPY)
    assert "company.info" in domains(SiteKind.KVK_COPY)  # second domain of one source
    assert "locatefamily.com" in domains(SiteKind.PEOPLE_DIRECTORY)
    assert "detelefoongids.nl" in domains(SiteKind.PEOPLE_DIRECTORY)
    assert {s.kind for s in sources()} <= set(KINDS)


def test_every_searched_site_carries_its_catalogue_record() -> None:
    by_name = {s.name: s.checked for s in sources()}
    for site in copy_sites():
        assert site.checked is not None and site.checked == by_name[site.name], site.domain
