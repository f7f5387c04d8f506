"""Presentation mode: no identifier or private value survives, pseudonyms are stable."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from footprint.models import Severity, Status, Subject
from footprint.present import Masker, mask_report
from footprint.profile.model import Profile
from footprint.renderers import json as json_report
from footprint.renderers import markdown
from renderers.reports import finding, result, sample_report

LEAKY = finding(
    "web.pages", "https://x.example/jan-de-vries", Severity.HIGH,
    "Jan and Marieke de Vries live at Kerkstraat 12a, 3511ab Utrecht",
    subject=Subject("url", "https://gemeente.example/raad/jan-de-vries"),
    url="https://x.example/jan-de-vries",
    excerpt="call 0612345678 or +31 6-1234 5678 or 06 12 34 56 78; mail "
            "jan@devries-utrecht.nl, jan.devries@gmail.com; site devries-utrecht.nl; "
            "@jan_devries; KvK 12345678, De Vries Advies; wethouder De Vries; "
            "kerkstr. 12-A; 3511 AB; AB-123-C; J. de Vries; JAN DE VRIES",
    detail="Jan said hello at https://www.Jan-De-Vries.nl/over and jdevries on GitHub")


def _report() -> object:
    base = sample_report()
    return replace(base, results=(*base.results, result("web.pages", Status.EXPOSED, LEAKY)))


def _identifiers(profile: Profile) -> list[str]:
    pub, priv = profile.public, profile.private
    return [profile.name, *profile.aliases, *pub.usernames, *pub.emails, *pub.domains,
            *pub.urls, *pub.kvk_numbers, *pub.trade_names, *priv.family, *priv.other,
            priv.address.street, priv.address.postcode, profile.municipality,
            "devries", "kerkstr", "3511ab", "3511 ab", "0612345678", "612345678",
            "1234 5678", "12 34 56 78", "Jan ", "jan-de-vries", "Vries"]


def test_no_identifier_or_private_value_survives(profile: Profile) -> None:
    masked = mask_report(_report(), profile)  # type: ignore[arg-type]
    assert masked.masked
    for text in (json_report.render(masked), markdown.render(masked, "en"),
                 markdown.render(masked, "nl")):
        lowered = text.lower()
        for value in _identifiers(profile):
            assert value.lower() not in lowered, value


def test_pseudonyms_are_stable_and_typed(profile: Profile) -> None:
    first = mask_report(_report(), profile)  # type: ignore[arg-type]
    second = mask_report(_report(), profile)  # type: ignore[arg-type]
    assert first == second
    masker = Masker(profile, "nl")
    text = masker.text("Jan de Vries (jan@devries-utrecht.nl, jdevries) en Jan de Vries")
    assert text == "persoon-1 (email-1@example.invalid, user-1) en persoon-1"
    assert masker.text("J. de Vries") == "persoon-1"
    assert masker.text("JAN@DEVRIES-UTRECHT.NL") == "email-1@example.invalid"
    assert masker.text("https://gemeente.example/raad/jan-de-vries") == \
        "https://url-1.example.invalid/"
    assert masker.text("Marieke de Vries") == "gezinslid-1"
    assert Masker(profile, "en").text("Jan") == "person-1"


def test_subjects_keys_and_suppressed_are_masked(profile: Profile) -> None:
    masked = mask_report(_report(), profile)  # type: ignore[arg-type]
    subjects = {r.subject.value for r in masked.results}
    assert "email-1@example.invalid" in subjects and "user-1" in subjects
    assert all("vries" not in f.key.lower() for f in masked.findings)
    assert all("gemeente.example/contact" in s.finding.key for s in masked.suppressed)
    assert masked.suppressed[0].reason == "intentionally-public"  # codes are not text


def test_unrelated_text_is_left_alone(profile: Profile) -> None:
    masker = Masker(profile, "en")
    text = "Your email address was in the Adobe breach; see https://help.example/remove"
    assert masker.text(text) == text
    assert masker.text("January in Janssen street") == "January in Janssen street"


@pytest.mark.parametrize("value", ["+31 6 12345678", "0031612345678", "06-12345678",
                                   "(06) 1234 5678", "06 - 12 34 56 78"])
def test_phone_variants(profile: Profile, value: str) -> None:
    masked = Masker(profile, "en").text(value)
    assert "phone-1" in masked and not re.search(r"\d\d", masked), value


def test_mask_diff_masks_both_sides(profile: Profile) -> None:
    from footprint.diff import diff_reports
    from footprint.present import mask_diff
    from footprint.renderers.diff_markdown import render_diff_markdown

    old = sample_report()
    new = replace(_report(), results=_report().results[1:])  # type: ignore[attr-defined]
    masked = mask_diff(diff_reports(old, new), profile, "en")
    assert masked.new and masked.resolved is not None
    text = render_diff_markdown(masked, "en").lower()
    for value in _identifiers(profile):
        assert value.lower() not in text, value


def test_encoded_values_in_urls_and_place_in_host_names(profile: Profile) -> None:
    masker = Masker(profile, "en")
    link = "https://www.google.com/search?q=%22jan%40devries-utrecht.nl%22+Utrecht"
    masked = masker.text(link)
    assert "devries" not in masked.lower() and "utrecht" not in masked.lower()
    assert "email-1@example.invalid" in masked
    assert masker.text("https://help.example/a%20b") == "https://help.example/a%20b"
    assert masker.text("info@utrecht.nl, UtrechtSport") == "info@place-1.nl, place-1Sport"
    assert masker.text("Utrechtse bestuurders") == "Utrechtse bestuurders"  # a word of its own


def test_demo_with_present_leaks_nothing(tmp_path) -> None:  # noqa: ANN001
    from pathlib import Path

    from typer.testing import CliRunner

    from footprint.cli.app import app
    from footprint.profile.load import load_profile

    persona_path = (Path(__file__).resolve().parents[2] / "checks" / "footprint_checks"
                    / "demo" / "persona.toml")
    persona = load_profile(persona_path)
    out = tmp_path / "p.json"
    md = tmp_path / "p.md"
    result = CliRunner().invoke(app, ["demo", "--present", "--lang", "nl", "--json", str(out),
                                      "--markdown", str(md)])
    assert result.exit_code in (0, 1), result.output
    texts = [out.read_text(encoding="utf-8"), md.read_text(encoding="utf-8"), result.stdout]
    pub, priv = persona.public, persona.private
    values = [persona.name, *persona.aliases, *pub.usernames, *pub.emails, *pub.domains,
              *pub.urls, *pub.kvk_numbers, *pub.trade_names, *priv.family, *priv.other,
              priv.address.street, priv.address.postcode, persona.municipality,
              "femke", "deboer", "de boer", "4321zx", "0643218765", "4321 8765"]
    for text in texts:
        lowered = text.lower()
        for value in values:
            assert value.lower() not in lowered, value
