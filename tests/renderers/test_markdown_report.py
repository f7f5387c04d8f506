"""The markdown checklist: golden files, order, sections, and inert hostile text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from footprint.models import Lang
from footprint.renderers import markdown
from renderers.reports import HOSTILE_TITLE, hostile_report, sample_report

GOLDEN = Path(__file__).parent.parent / "golden"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs; rerun with FOOTPRINT_UPDATE_GOLDEN=1 after checking the change")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_matches_golden(lang: Lang) -> None:
    _golden(f"report_{lang}.md", markdown.render(sample_report(), lang))


def test_hostile_report_matches_golden() -> None:
    _golden("report_hostile.md", markdown.render(hostile_report(), "en"))


def test_checklist_is_the_plan_quick_wins_first_within_priority() -> None:
    text = markdown.render(sample_report(), "en")
    plan = text.split("## Do these first")[1].split("## Details")[0]
    items = re.findall(r"^- \[ \] \*\*(\w+)\*\*: (.+?) \(", plan, re.MULTILINE)
    assert items == [
        ("High", "Fix kvk:12345678"),  # high, minutes
        ("High", "Fix https\\[:\\]//gemeente.example/raad/jan-de-vries#address"),  # hours
        ("Medium", "Fix Adobe"),
        ("Low", "Fix github"),
        ("Info", "Fix photos"),  # a guided step is an action too
    ]
    details = text.split("## Details")[1]
    assert "- [ ]" not in details  # the plan's actions are what get ticked off
    assert details.index("### Priority: High") < details.index("### Priority: Medium")


def test_sections_present() -> None:
    text = markdown.render(sample_report(), "en")
    for heading in ("## Summary", "## Do these first", "## Details: to do, by priority",
                    "## Check these yourself",
                    "## Could not be checked", "## Good news", "## Marked by you",
                    "## What was sent where", "### Hosts actually contacted"):
        assert heading in text
    undecided = text.split("## Could not be checked")[1].split("##")[0]
    for status in ("error", "inconclusive", "skipped", "timed out"):
        assert f": {status}: " in undecided
    assert "login wall" in undecided
    assert "[How to](https://help.example/remove)" in text
    assert "<https://gemeente.example/raad/jan-de-vries>" in text


def test_dutch_text() -> None:
    text = markdown.render(sample_report(), "nl")
    assert "## Doe dit eerst" in text and "NL: First step" in text
    assert "## Details: te doen, op volgorde van prioriteit" in text
    assert "First step" not in text.replace("NL: First step", "")


def test_interrupted_and_masked_are_stated() -> None:
    text = markdown.render(sample_report(interrupted=True, masked=True), "en")
    assert "interrupted" in text and "pseudonyms" in text


def _html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_hostile_text_stays_inert() -> None:
    html = _html(markdown.render(hostile_report(), "en"))
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    hrefs = set(re.findall(r'href="([^"]*)"', html))
    assert hrefs == {"https://help.example/remove"}  # the javascript: evidence is no link
    assert "\x1b" not in html
    # the title's markup characters come out as literal text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold red]x[/] **bold**" in html
    assert HOSTILE_TITLE.split(" ")[0] not in markdown.render(hostile_report(), "en")


def test_escape_neutralises_block_starts_and_autolinks() -> None:
    for text in ("# heading", "- item", "1. item", "+ x", "> quote"):
        html = _html(f"- {markdown.esc(text)}")
        assert "<h1" not in html and "<ol" not in html and "<blockquote" not in html
        assert html.count("<li>") == 1
    assert "https://" not in markdown.esc("see https://evil.example")
    assert "www." not in markdown.esc("see www.evil.example")
    assert markdown.link("javascript:alert(1)") is None
    assert markdown.link("https://x.example/a b)<c>") == "<https://x.example/a%20b%29%3Cc%3E>"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://bücher.example/a b", "https://xn--bcher-kva.example/a%20b"),
    ("HTTP://user:pw@Example.com:8080/x(y)", "http://example.com:8080/x%28y%29"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("https:///nohost", None),
    ("https://evil.example<script>/", None),
])
def test_safe_url(url: str, expected: str | None) -> None:
    from footprint.renderers.common import safe_url

    assert safe_url(url) == expected
