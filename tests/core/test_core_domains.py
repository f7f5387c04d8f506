"""The registrable domain comes from the Public Suffix List, not from "the last two labels".

The cases are the Public Suffix List's own test vectors (publicsuffix.org/list/,
tests/test_psl.txt: ``checkPublicSuffix('www.example.co.uk', 'example.co.uk')`` and the
like), plus the three places footprint asks the question.
"""

from __future__ import annotations

import pytest
from footprint_checks.domain.dmarc import organisational_domain
from footprint_checks.domain.rdap import _registrable_candidates
from footprint_checks.username.catalogue import Site
from footprint_checks.username.extensions import extensions

from footprint.domains import registrable_domain
from footprint.plugin import registrable_domain as public_registrable_domain


@pytest.mark.parametrize(("host", "expected"), [
    ("example.com", "example.com"),
    ("b.example.com", "example.com"),
    ("a.b.example.com", "example.com"),
    ("www.example.co.uk", "example.co.uk"),
    ("example.co.uk", "example.co.uk"),
    ("test.ac.jp", "test.ac.jp"),
    ("www.test.ac.jp", "test.ac.jp"),
    ("WWW.Example.COM.", "example.com"),
    ("mail.devries-utrecht.nl", "devries-utrecht.nl"),
    ("test.k12.ak.us", "test.k12.ak.us"),
    ("www.test.k12.ak.us", "test.k12.ak.us"),
])
def test_registered_names(host: str, expected: str) -> None:
    assert registrable_domain(host) == expected


@pytest.mark.parametrize("host", ["co.uk", "com", "ac.jp", "k12.ak.us", "localhost", "",
                                  "127.0.0.1", "[::1]"])
def test_no_registered_name(host: str) -> None:
    assert registrable_domain(host) is None


def test_it_is_part_of_the_plugin_api() -> None:
    assert public_registrable_domain is registrable_domain


def test_dmarc_organisational_domain_of_a_co_uk_name() -> None:
    assert organisational_domain("mail.example.co.uk") == "example.co.uk"
    assert organisational_domain("mail.femkedeboer.nl") == "femkedeboer.nl"


def test_rdap_asks_down_to_the_registered_name_and_never_the_suffix() -> None:
    assert _registrable_candidates("a.b.example.co.uk") == [
        "a.b.example.co.uk", "b.example.co.uk", "example.co.uk"]
    assert _registrable_candidates("mail.devries-utrecht.nl") == [
        "mail.devries-utrecht.nl", "devries-utrecht.nl"]


def _site(uri_check: str, uri_pretty: str) -> Site:
    return Site(name="Example", uri_check=uri_check, e_code=200, e_string="", m_code=404,
                m_string="", known=("a",), cat="social", uri_pretty=uri_pretty)


def test_a_check_url_on_a_co_uk_sibling_is_a_third_party() -> None:
    ext = extensions()
    # two different registrants under co.uk were one "example" site by the last two labels
    assert ext.is_third_party(_site("https://api.other.co.uk/{account}",
                                    "https://www.example.co.uk/{account}"))
    assert not ext.is_third_party(_site("https://api.example.co.uk/{account}",
                                        "https://www.example.co.uk/{account}"))
