"""DMARC records read as RFC 7489 says a receiver reads them."""

from __future__ import annotations

import pytest
from footprint_checks.domain.dmarc import (
    is_dmarc,
    looks_like_dmarc,
    organisational_domain,
    parse_dmarc,
    sampled_fallback,
)


# RFC 7489 Appendix B.2 (B.2.1 to B.2.4): the example records, with what they mean.
@pytest.mark.parametrize(("text", "policy", "sub", "rua", "pct"), [
    ("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com",
     "none", "none", ("mailto:dmarc-feedback@example.com",), 100),
    ("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com; "
     "ruf=mailto:auth-reports@thirdparty.example.net",
     "none", "none", ("mailto:dmarc-feedback@example.com",), 100),
    ("v=DMARC1; p=quarantine; rua=mailto:dmarc-feedback@example.com; "
     "ruf=mailto:auth-reports@thirdparty.example.net; pct=25",
     "quarantine", "quarantine", ("mailto:dmarc-feedback@example.com",), 25),
    ("v=DMARC1; p=none; sp=quarantine; rua=mailto:dmarc-feedback@example.com",
     "none", "quarantine", ("mailto:dmarc-feedback@example.com",), 100),
])
def test_rfc_examples(text: str, policy: str, sub: str, rua: tuple[str, ...],
                      pct: int) -> None:
    record = parse_dmarc(text)
    assert is_dmarc(text) and record.valid
    assert (record.policy, record.policy_for_subdomains(), record.rua, record.pct) == \
        (policy, sub, rua, pct)


@pytest.mark.parametrize(("text", "taken"), [
    ("v=DMARC1; p=reject", True),
    ("v = DMARC1 ; p=reject", True),  # dmarc-version allows *WSP around "="
    ("V=DMARC1; p=reject", True),  # the tag name is an ABNF string: case-insensitive
    ("v=DMARC1", True),
    # RFC 7489 6.3: "The value of this tag MUST match precisely; if it does not or it is
    # absent, the entire retrieved record MUST be ignored."
    ("v=dmarc1; p=reject", False),
    ("v=Dmarc1; p=reject", False),
    ("v=DMARC2; p=reject", False),
    ("v=DMARC10; p=reject", False),
    ("p=reject; v=DMARC1", False),  # "It MUST be the first tag in the list."
])
def test_version_must_be_exactly_dmarc1(text: str, taken: bool) -> None:
    assert is_dmarc(text) is taken
    assert looks_like_dmarc(text) or text.startswith("p=")


def test_a_rua_without_mailto_is_ignored_and_the_policy_holds() -> None:
    """RFC 7489 6.3: syntax errors in the rest of the record are discarded in favour of
    default values or ignored outright: the policy stays."""
    record = parse_dmarc("v=DMARC1; p=reject; rua=dmarc@example.nl")
    assert record.policy == "reject" and record.valid
    assert record.rua == () and record.rua_ignored == ("dmarc@example.nl",)
    record = parse_dmarc("v=DMARC1; p=quarantine; rua=dmarc@example.nl,"
                         "mailto:r@example.nl!10m")
    assert record.rua == ("mailto:r@example.nl!10m",)


@pytest.mark.parametrize(("text", "policy"), [
    # RFC 7489 6.6.3 step 6: no valid p (or an invalid sp) with a valid rua: act as p=none
    ("v=DMARC1; rua=mailto:a@x.nl", "none"),
    ("v=DMARC1; p=bogus; rua=mailto:a@x.nl", "none"),
    ("v=DMARC1; p=reject; sp=bogus; rua=mailto:a@x.nl", "none"),
    # ... and without one: no DMARC processing at all
    ("v=DMARC1; p=bogus", None),
    ("v=DMARC1; p=reject; sp=bogus", None),
    ("v=DMARC1; p=bogus; rua=a@x.nl", None),
    ("v=DMARC1; p=Reject", "reject"),  # values are ABNF strings: case-insensitive
])
def test_invalid_policy_falls_back_as_the_rfc_says(text: str, policy: str | None) -> None:
    record = parse_dmarc(text)
    assert record.policy == policy and record.valid is (policy is not None)


@pytest.mark.parametrize(("value", "pct"), [("25", 25), ("0", 0), ("100", 100),
                                            ("150", 100), ("-5", 100), ("abc", 100),
                                            ("25.5", 100)])
def test_pct_out_of_range_keeps_the_default(value: str, pct: int) -> None:
    assert parse_dmarc(f"v=DMARC1; p=reject; pct={value}").pct == pct


def test_mail_outside_pct_gets_the_next_lower_policy() -> None:
    # RFC 7489 6.6.4: reject -> quarantine, quarantine -> none
    assert sampled_fallback("reject") == "quarantine"
    assert sampled_fallback("quarantine") == "none"


def test_subdomain_policy_and_organisational_domain() -> None:
    assert parse_dmarc("v=DMARC1; p=reject; sp=none").policy_for_subdomains() == "none"
    assert parse_dmarc("v=DMARC1; p=reject").policy_for_subdomains() == "reject"
    assert organisational_domain("mail.femkedeboer.nl") == "femkedeboer.nl"
