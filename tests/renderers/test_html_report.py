"""The HTML export: self-contained, no scripts, hostile strings escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from footprint.renderers import get
from footprint.renderers import html as html_report
from renderers.reports import HOSTILE_TITLE, hostile_report, sample_report

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul",
                "ol", "li", "strong", "span", "code", "a"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(text: str) -> _Collect:
    parser = _Collect()
    parser.feed(text)
    return parser


def test_hostile_strings_are_escaped() -> None:
    out = html_report.render(hostile_report(), "en")
    parsed = _parse(out)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for _, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert "src" not in attrs
    hrefs = {attrs["href"] for tag, attrs in parsed.tags if tag == "a"}
    assert hrefs == {"https://help.example/remove"}
    text = "".join(parsed.text)
    assert HOSTILE_TITLE in text  # shown literally, Rich markup included
    assert "<img src=x onerror=alert(1)>" in text
    assert "\x1b" not in out and "[red]x[/red]" in text


def test_self_contained_with_csp_pinning_the_style() -> None:
    out = html_report.render(sample_report(), "nl")
    assert "<script" not in out.lower()
    assert not re.search(r"(src|href)=\"(?!https://)", out)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out)
    assert csp is not None
    digest = base64.b64encode(hashlib.sha256(html_report.STYLE.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp.group(1)
    assert "default-src 'none'" in csp.group(1)
    assert '<html lang="nl">' in out


def test_content_and_order() -> None:
    out = html_report.render(sample_report(), "en")
    text = "".join(_parse(out).text)
    kvk = text.index("Your KvK registration")
    page = text.index("Your home address is on your council page")
    assert kvk < page < text.index("Adobe breach") < text.index("GitHub")
    for heading in ("Could not be checked", "Good news", "Marked by you",
                    "What was sent where", "Check these yourself"):
        assert heading in text
    assert "login wall" in text and "official council number" in text


def test_registry() -> None:
    assert get("html").render is html_report.render
    assert get("markdown").suffix == ".md"
    assert get("json").render(sample_report(), "en").startswith("{")
