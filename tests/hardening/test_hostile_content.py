"""Hostile strings in reports are shown literally in every output and act on nothing.

The terminal gets only Rich's own colour sequences (compared with a benign twin of the same
report); markdown cannot gain links, images or HTML (checked by rendering it with a
CommonMark parser); the HTML export has no script, no javascript: and no event handler.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from footprint import renderers
from footprint.models import Report
from footprint.renderers.common import safe_url
from footprint.ui.report_view import render_report

from .hostile import HOSTILE_URLS, LITERALS, benign_report, hostile_report

LANGS = ["en", "nl"]
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal(render: object, *args: object) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=1000,
                      highlight=False, legacy_windows=False)
    render(console, *args)  # type: ignore[operator]
    return buffer.getvalue()


def assert_terminal_safe(hostile: str, benign: str) -> None:
    assert "\x1b]" not in hostile, "an OSC sequence (title, hyperlink) reached the terminal"
    stripped = _SGR.sub("", hostile)
    assert "\x1b" not in stripped, repr(stripped[stripped.index("\x1b") - 20:][:60])
    assert not _CONTROL.search(stripped.replace("\n", "")), "a control character got through"
    assert not _BIDI.search(stripped), "a bidirectional override got through"
    # Only the styling footprint itself uses: markup in content adds none.
    assert set(_SGR.findall(hostile)) <= set(_SGR.findall(benign))
    for literal in LITERALS:
        assert literal in stripped, f"{literal!r} was not shown literally"


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_report(lang: str) -> None:
    assert_terminal_safe(terminal(render_report, hostile_report(lang=lang)),
                         terminal(render_report, benign_report(lang=lang)))


def test_terminal_diff_and_summary() -> None:
    from footprint.diff import diff_reports
    from footprint.summary import summarise
    from footprint.ui.diff_view import render_diff
    from footprint.ui.summary_view import render_summary

    hostile, benign = hostile_report(), benign_report()
    empty = Report(results=(), started_at=hostile.started_at, finished_at=hostile.finished_at,
                   tool_version="0.1.0")
    for old, new in ((empty, hostile), (hostile, empty)):
        out = terminal(render_diff, diff_reports(old, new), "en")
        twin_old, twin_new = (empty, benign) if new is hostile else (benign, empty)
        assert_terminal_safe(out, terminal(render_diff, diff_reports(twin_old, twin_new), "en"))
    out = terminal(render_summary, summarise([hostile, hostile]), "en")
    twin = terminal(render_summary, summarise([benign, benign]), "en")
    assert "\x1b]" not in out
    assert "\x1b" not in _SGR.sub("", out)
    assert set(_SGR.findall(out)) <= set(_SGR.findall(twin))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


ALLOWED_TARGETS = {safe_url(u) for u in HOSTILE_URLS} | {"https://example.org/help"}
ALLOWED_TARGETS.discard(None)


def assert_inert_html(html: str, benign_html: str | None,
                      allowed: Callable[[str], bool] | None = None) -> _Tags:
    """No active content; every link target is one footprint chose (``allowed``)."""
    allowed = allowed or (lambda target: target in ALLOWED_TARGETS)
    doc = parse_html(html)
    for tag, attrs in doc.tags:
        assert tag not in ("script", "iframe", "object", "embed", "img", "form", "base"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), f"<{tag} {name}=...>"
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert allowed(value or "") or (value or "").startswith("#"), \
                    f"<{tag} {name}={value!r}>"
    if benign_html is not None:  # the same structure as a report with harmless text
        def shape(d: _Tags) -> list[tuple[str, tuple[str, ...]]]:
            return [(t, tuple(sorted(a))) for t, a in d.tags]
        assert shape(doc) == shape(parse_html(benign_html))
    return doc


@pytest.mark.parametrize("lang", LANGS)
def test_html_export_is_inert(lang: str) -> None:
    render = renderers.get("html").render
    html = render(hostile_report(lang=lang), lang)  # type: ignore[arg-type]
    doc = assert_inert_html(html, render(benign_report(lang=lang), lang))  # type: ignore[arg-type]
    text = "".join(doc.text)
    for literal in LITERALS:
        assert literal in text, f"{literal!r} was not shown literally"
    assert "\x1b" not in html and not _BIDI.search(html)


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_export_cannot_inject(lang: str) -> None:
    md = renderers.get("markdown").render(hostile_report(lang=lang), lang)  # type: ignore[arg-type]
    assert "\x1b" not in md and not _CONTROL.search(md.replace("\n", "")) \
        and not _BIDI.search(md)
    # What a markdown viewer would make of it (CommonMark, raw HTML allowed, as GitHub's
    # and most editors' previews do) must hold no HTML and no links from content.
    as_html = MarkdownIt("commonmark", {"html": True, "linkify": False}).render(md)
    doc = assert_inert_html(as_html, None)
    assert "evil.example/md" not in {a.get("href") for t, a in doc.tags if t == "a"}
    text = "".join(doc.text)
    assert "[bold]" in text and "<script>" in text
    # Viewers that autolink bare URLs (GitHub) find none: content URLs are defanged.
    assert "https://evil.example/bare" not in md and "www.evil.example" not in md


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_diff_cannot_inject(lang: str) -> None:
    from footprint.diff import diff_reports
    from footprint.renderers.diff_markdown import render_diff_markdown

    hostile = hostile_report(lang=lang)
    empty = Report(results=(), started_at=hostile.started_at, finished_at=hostile.finished_at,
                   tool_version="0.1.0")
    for old, new in ((empty, hostile), (hostile, empty)):  # new actions, then gone ones
        md = render_diff_markdown(diff_reports(old, new), lang)  # type: ignore[arg-type]
        assert "\x1b" not in md and not _CONTROL.search(md.replace("\n", "")) \
            and not _BIDI.search(md)
        as_html = MarkdownIt("commonmark", {"html": True, "linkify": False}).render(md)
        doc = assert_inert_html(as_html, None)
        assert "<script>" in "".join(doc.text)  # shown literally, under its action
        assert "https://evil.example/bare" not in md and "www.evil.example" not in md


def test_json_export_keeps_the_text_but_no_raw_control_characters() -> None:
    from footprint.renderers.json import loads

    text = renderers.get("json").render(hostile_report(), "en")
    assert not _CONTROL.search(text.replace("\n", "")), "raw control character in the JSON"
    assert "\x1b" not in text and "\u009b" not in text
    json.loads(text)
    again = loads(text)  # and it reads back
    assert again.results
