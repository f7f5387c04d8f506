from __future__ import annotations

import pytest
from footprint_checks.domain.email_auth import EmailAuthCheck
from footprint_checks.domain.names import domain_subjects, mail_providers, normalise
from footprint_checks.domain.rdap import RdapCheck

from footprint.models import Subject

from .helpers import profile_with


def test_profile_and_email_domains_each_once_without_mail_providers() -> None:
    profile = profile_with(
        ["DeVries-Utrecht.nl", "campagne-jan.nl"],
        ["jan@devries-utrecht.nl", "j.devries@gemeente-utrecht.example", "jan@gmail.com",
         "jan@Ziggo.nl", "raad@gemeente-utrecht.example"])
    assert list(domain_subjects(profile)) == [
        Subject("domain", "devries-utrecht.nl"), Subject("domain", "campagne-jan.nl"),
        Subject("domain", "gemeente-utrecht.example")]


@pytest.mark.parametrize("check", [RdapCheck(), EmailAuthCheck()])
def test_both_checks_derive_the_same_subjects(check, profile) -> None:
    assert list(check.subjects(profile)) == [Subject("domain", "devries-utrecht.nl")]


def test_provider_list_has_the_big_ones() -> None:
    assert {"gmail.com", "outlook.com", "hotmail.com", "live.nl", "ziggo.nl", "kpnmail.nl",
            "icloud.com", "proton.me"} <= mail_providers()


@pytest.mark.parametrize(("raw", "expected"), [
    ("Example.NL", "example.nl"), ("bücher.de", "xn--bcher-kva.de"), ("localhost", None),
    ("-bad.nl", None), ("a..b.nl", None), ("https://x.nl/path", "x.nl"),
])
def test_normalise(raw: str, expected: str | None) -> None:
    assert normalise(raw) == expected
