"""End to end (issue 14): ``footprint scan`` on a page whose image links guess at the
postcode. The user sees the alarm, the exit code says so, and no refused address (nor any
escape sequence from the page) reaches the screen or any export."""

from __future__ import annotations

import json
from pathlib import Path

from tests.persona import ADDRESS_ONLY

from .cli import Home, run
from .oracle import bit_links, hostile_site, page_html

ALARM = "This site tried to make footprint send your private data"
ALARM_NL = "Deze site probeerde footprint je privégegevens te laten versturen"
PROFILE = ADDRESS_ONLY


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_alarm_in_every_format_and_no_refused_address(tmp_path: Path) -> None:
    home = Home(tmp_path).make()
    page = page_html(bit_links()).replace(b"<title>Raadslid</title>",
                                          b"<title>Raad \x1b]0;pwned\x07\x1b[31mlid</title>")
    with hostile_site({"/page": page}) as site:
        (home.cwd / "profile.toml").write_text(
            PROFILE + f"[public]\nurls = [{json.dumps(site.url('/page'))}]\n")
        done = run(home, "scan", "--profile", "profile.toml", "--only", "web.pages",
                   "--lang", "en", "--fail-on", "high", "--json", "r.json", "--markdown",
                   "r.md", "--html", "r.html", "--no-progress")
        nl = run(home, "render", "r.json", "--format", "markdown", "--lang", "nl")
    assert site.paths == ["/page"]  # no image was ever fetched
    assert done.returncode == 1, done.stderr  # a high finding with --fail-on high
    report = json.loads((home.cwd / "r.json").read_text())
    finding = next(f for r in report["results"] for f in r["findings"]
                   if f["title"]["en"] == ALARM)
    assert finding["severity"] == "high" and finding["remediation"]["steps"]
    outputs = {"screen": done.stdout, "markdown": (home.cwd / "r.md").read_text(),
               "html": (home.cwd / "r.html").read_text(),
               "json": (home.cwd / "r.json").read_text()}
    for name, text in outputs.items():
        assert ALARM in text or ALARM in text.replace("\n", " "), name
        assert "/img/" not in text and "%2C" not in text and "3511" not in text, name
    assert nl.returncode == 0 and ALARM_NL in nl.stdout
    assert not [s for s in _strings(report) if "\x1b" in s or "\x07" in s]
