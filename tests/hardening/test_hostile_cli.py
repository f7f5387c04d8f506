"""End to end: a hostile page and hostile profile fields, through ``footprint scan`` on a
colour terminal and into every export. Nothing from outside acts on terminal or file."""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt

from .cli import Home, run
from .faultserver import Reply, serve
from .test_hostile_content import _BIDI, _SGR, assert_inert_html

TITLE = ("\x1b]0;pwned\x07[bold]T[/bold]\x1b[2J\x1b[H<script>alert(1)</script>"
         "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\u202eevil")
BODY = (f"<html><head><title>{TITLE}</title>"
        "<meta name='description' content='[link=https://evil.example]x[/link] \x1b[31m'>"
        "</head><body><p>Jan woont aan de Kerkstraat 12, 3511 AB Utrecht "
        "\x1b[1A\x1b[2K [red]fake[/red] <b>bold</b> [md](javascript:alert(1)) "
        "![i](https://evil.example/t.png)</p>"
        "<a href='javascript:alert(1)'>js</a> <img src=x onerror=alert(1)></body></html>")
PROFILE = """
[person]
name = "Jan [bold]de[/bold] Vries <script>"
role = "wethouder *of* [x](javascript:alert(1))"
[private.address]
street = "Kerkstraat"
house_number = "12"
postcode = "3511 AB"
"""


def _ours(target: str) -> bool:
    """Links footprint makes: http(s), and never one that only the page's content named."""
    return target.startswith(("https://", "http://")) and "evil.example" not in target


def test_hostile_page_and_profile_through_the_cli(tmp_path: Path) -> None:
    home = Home(tmp_path).make()
    page = Reply(200, (("Content-Type", "text/html; charset=utf-8"),), BODY.encode())
    with serve({"/jan": page}) as server:
        url = server.url("/jan") + "?q=[bold]<script>"
        (home.cwd / "profile.toml").write_text(
            PROFILE + f"[public]\nurls = [{json.dumps(url)}]\n")
        done = run(home, "scan", "--profile", "profile.toml", "--only", "web.pages",
                   "--lang", "en", "--json", "r.json", "--markdown", "r.md", "--html",
                   "r.html", "--no-progress", FORCE_COLOR="1", TERM="xterm-256color")
    assert done.returncode == 0, done.stderr
    report = json.loads((home.cwd / "r.json").read_text())
    assert report["results"][0]["status"] == "exposed", report["results"][0]["reason"]
    for stream in (done.stdout, done.stderr):
        assert "\x1b]" not in stream
        assert "\x1b" not in _SGR.sub("", stream)
        assert not _BIDI.search(stream)
    assert _SGR.search(done.stdout), "expected a colour terminal"
    assert "[bold]" in _SGR.sub("", done.stdout)
    md = (home.cwd / "r.md").read_text()
    assert "\x1b" not in md and not _BIDI.search(md)
    assert_inert_html(MarkdownIt("commonmark", {"html": True}).render(md), None, _ours)
    html = (home.cwd / "r.html").read_text()
    assert "\x1b" not in html and not _BIDI.search(html)
    assert_inert_html(html, None, _ours)
