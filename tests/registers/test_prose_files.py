"""Families' prose as data files: the built-in files load, a broken file fails on load
naming the entry, flags pick the variant, and the erasure letter comes from one template
per language."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from footprint_checks.photos import texts as photo_texts
from footprint_checks.prose import Prose, ProseError
from footprint_checks.registers import letter
from footprint_checks.registers.sources import source

from footprint.models import Effort
from footprint.profile.model import Profile

GOOD = """
[texts.title]
found = { en = "Found {n}", nl = "{n} gevonden" }

[steps.a]
en = "Step A"
nl = "Stap A"

[steps.b]
en = "Step B for {who}"
nl = "Stap B voor {who}"

[links.help]
url = "https://help.example/"
en = "Help"
nl = "Hulp"

[remediations.fix]
summary = { en = "Fix it, {who}", nl = "Los het op, {who}" }
steps = ["a", "online:b"]
links = ["online:help"]
effort = "hours"
"""


def test_flags_choose_the_steps_and_links_and_values_fill_placeholders() -> None:
    prose = Prose.parse(GOOD, "good.toml")
    plain = prose.remediation("fix", who="Jan")
    assert [s.en for s in plain.steps] == ["Step A"] and plain.links == ()
    online = prose.remediation("fix", when={"online"}, who="Jan")
    assert [s.nl for s in online.steps] == ["Stap A", "Stap B voor Jan"]
    assert online.links[0].url == "https://help.example/"
    assert online.summary.nl == "Los het op, Jan" and online.effort is Effort.HOURS
    assert prose.text("title.found", n=3).nl == "3 gevonden"


@pytest.mark.parametrize(("change", "message"), [
    (('"a", "online:b"', '"a", "online:c"'), "remediations.fix: no step 'c'"),
    (('["online:help"]', '["gone"]'), "remediations.fix: no link 'gone'"),
    (('effort = "hours"', 'effort = "weeks"'), "'effort' must be one of"),
    (('url = "https://help.example/"', 'url = "javascript:alert(1)"'), "links.help: 'url'"),
    (('nl = "Stap A"', 'de = "Schritt A"'), "steps.a: unknown field 'de'"),
    (('nl = "Stap A"', ''), "steps.a: 'nl' must be a non-empty string"),
    (('nl = "{n} gevonden"', 'nl = "{m} gevonden"'), "different placeholders"),
    (("[steps.a]", "[stepz.a]"), "unknown table [stepz]"),
    (('effort = "hours"', 'effort = "hours"\nsteeps = []'), "unknown field 'steeps'"),
])
def test_a_broken_prose_file_fails_on_load(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ProseError, match=re.escape(message)):
        Prose.parse(GOOD.replace(*change), "bad.toml")


def test_the_families_prose_files_load_and_offer_both_variants() -> None:
    online = photo_texts.gps_remediation(online=True)
    offline = photo_texts.gps_remediation(online=False)
    assert len(online.steps) == len(offline.steps) + 2 and online.links and not offline.links
    assert offline.steps[0] == photo_texts.STRIP_STEP


def _bare(profile: Profile) -> Profile:
    return replace(profile, role="", municipality="",
                   public=replace(profile.public, emails=(), trade_names=(), kvk_numbers=()))


@pytest.mark.parametrize("site", ["drimble", "zoeken-op-nummer"])
def test_letter_leaves_out_empty_parts_without_stray_lines(profile: Profile, site: str) -> None:
    found = source(site)
    assert found is not None
    for person in (profile, _bare(profile)):
        for urls in ([], ["https://drimble.nl/a"]):
            text = letter.compose(person, found, urls, date(2026, 3, 5))
            assert "\n\n\n" not in text and "{" not in text and not text.endswith("\n\n")
    text = letter.compose(_bare(profile), found, [], date(2026, 3, 5))
    assert "Ik ben politiek ambtsdrager." in text and "Antwoord graag" not in text
    assert text.rstrip().endswith("Met vriendelijke groet,\n\nJan de Vries") or (
        found.abroad and text.rstrip().endswith("Yours faithfully,\n\nJan de Vries"))


def test_letter_template_is_checked_on_load() -> None:
    text = (letter.files("footprint_checks.registers") / "letter.toml").read_text("utf-8")
    assert set(letter.parse_templates(text, "letter.toml")) == {"nl", "en"}
    with pytest.raises(letter.LetterTemplateError, match=r"\[en\] template: unknown "
                                                         r"placeholder \{adress\}"):
        letter.parse_templates(text.replace("Date: {date}", "Date: {adress}"), "letter.toml")
    with pytest.raises(letter.LetterTemplateError, match=r"\[nl\] reply_to must be"):
        letter.parse_templates(text.replace('reply_to = "Antwoord graag aan: {email}"', ""),
                               "letter.toml")
