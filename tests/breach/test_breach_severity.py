from __future__ import annotations

import json
from dataclasses import replace

import pytest
from footprint_checks.breach import data
from footprint_checks.breach.hibp import parse_breach
from footprint_checks.breach.model import Breach
from footprint_checks.breach.severity import assess

from footprint.models import Severity

from .helpers import load_json


def _breach(*classes: str, **flags: object) -> Breach:
    base = Breach(name="X", title="X", domain="x.example", breach_date="2020-01-01",
                  pwn_count=1, description="", data_classes=classes, source="hibp")
    return replace(base, **flags)  # type: ignore[arg-type]


def test_every_hibp_data_class_has_a_dutch_label_and_tier() -> None:
    known = data.data_classes()
    assert len(known) == 148
    assert data.data_class("Physical addresses").label.nl == "Woonadressen"
    assert data.data_class("physical ADDRESSES").severity is Severity.HIGH


@pytest.mark.parametrize("cls", ["Physical addresses", "Phone numbers", "Dates of birth",
                                 "Passwords", "Security questions and answers"])
def test_issue_high_classes_rank_high(cls: str) -> None:
    assert assess(_breach("Email addresses", cls)).severity is Severity.HIGH


def test_email_only_is_low_and_unknown_classes_count_as_medium() -> None:
    assert assess(_breach("Email addresses")).severity is Severity.LOW
    assert assess(_breach("Email addresses", "Brand-new class")).severity is Severity.MEDIUM
    assert assess(_breach()).severity is Severity.MEDIUM  # contents unknown


def test_real_123rf_breach_with_addresses_and_phones_is_high() -> None:
    rf = parse_breach(load_json("hibp_breaches_excerpt.json")[1])
    assert rf.name == "123RF"
    assert assess(rf).severity is Severity.HIGH


def test_real_unverified_breach_is_lowered_and_flagged() -> None:
    xiaomi = parse_breach(load_json("hibp_breach_xiaomi_unverified.json"))
    verdict = assess(xiaomi)
    assert verdict.flags == ("unverified",)
    assert verdict.severity is Severity.MEDIUM  # passwords (high) one step down
    assert "unverified" in verdict.flag_labels()[0].en


def test_fabricated_and_unverified_never_drop_below_low() -> None:
    b = _breach("Email addresses", is_verified=False, is_fabricated=True)
    assert assess(b).severity is Severity.LOW
    assert assess(b).flags == ("unverified", "fabricated")


def test_stealer_log_is_critical_and_sensitive_is_at_least_high() -> None:
    stealer = parse_breach(load_json("hibp_stealer_log_derived.json"))
    verdict = assess(stealer)
    assert verdict.severity is Severity.CRITICAL
    assert {"stealer_log", "malware"} <= set(verdict.flags)
    assert assess(_breach("Email addresses", is_sensitive=True)).severity is Severity.HIGH


def test_spam_list_is_flagged_and_ranked_by_its_data() -> None:
    verdict = assess(_breach("Email addresses", is_spam_list=True))
    assert verdict.flags == ("spam_list",) and verdict.severity is Severity.LOW
    assert assess(_breach("Email addresses", "Physical addresses",
                          is_spam_list=True)).severity is Severity.HIGH


def test_readable_passwords_raise_to_high() -> None:
    b = _breach("Email addresses", password_risk="plaintext")
    assert assess(b).severity is Severity.HIGH and assess(b).flags == ("plaintext",)


def test_malformed_data_file_names_the_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = {"classes": {"Passwords": ["Wachtwoorden", "severe"]}}
    monkeypatch.setattr(data, "_load", lambda name: json.loads(json.dumps(bad)))
    data.data_classes.cache_clear()
    try:
        with pytest.raises(data.BreachDataError, match="'Passwords'"):
            data.data_classes()
    finally:
        data.data_classes.cache_clear()


def test_account_settings_links_are_https_and_found_by_domain() -> None:
    adobe = data.settings_for("www.adobe.com")
    assert adobe is not None and adobe.url.startswith("https://")
    assert data.settings_for("") is None
    assert data.settings_for("unknown.example") is None
