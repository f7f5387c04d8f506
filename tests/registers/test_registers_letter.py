"""footprint letter avg SOURCE: the letter's content, URLs from a report, file mode."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

from footprint_checks.registers.letter import compose, urls_from_report
from footprint_checks.registers.sources import source
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.profile.model import Profile

PERSONA = Path(__file__).resolve().parents[2] / "checks/footprint_checks/demo/persona.toml"


def test_dutch_letter_for_a_dutch_site(profile: Profile):
    drimble = source("drimble")
    assert drimble is not None
    text = compose(profile, drimble, ["https://drimble.nl/bedrijf/x/1/y.html"],
                   date(2026, 11, 28))
    assert "artikel 17" in text and "artikel 21" in text and "Jan de Vries" in text
    assert "https://drimble.nl/bedrijf/x/1/y.html" in text
    assert "De Vries Advies" in text and "KvK 12345678" in text
    assert "28 november 2026" in text
    assert "English version" not in text
    # private markers never go into a letter
    for private in ("Kerkstraat", "3511", "12345678 ", "Marieke"):
        assert private not in text.replace("KvK 12345678", "")


def test_english_version_when_abroad(profile: Profile):
    site = source("zoeken-op-nummer")
    assert site is not None and site.abroad
    text = compose(profile, site, [], date(2026, 11, 28))
    assert "artikel 17" in text and "Article 17 GDPR" in text
    assert "De Vries Advies" not in text  # not a KvK copy site


def test_urls_come_from_the_report_for_that_site_only(tmp_path: Path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"results": [{"findings": [
        {"evidence": {"url": "https://www.oozo.nl/bedrijven/x/1/y", "excerpt": "…"}},
        {"evidence": {"url": "https://drimble.nl/bedrijf/x/2/z.html"}},
        {"remediation": {"links": [{"url": "https://www.google.com/search?q=site%3Aoozo.nl"}]}},
    ]}]}))
    oozo = source("oozo")
    assert oozo is not None
    assert urls_from_report(report, oozo) == ["https://www.oozo.nl/bedrijven/x/1/y"]


def test_command_writes_a_private_file(tmp_path: Path):
    out = tmp_path / "brief.txt"
    result = CliRunner().invoke(app, ["letter", "avg", "locatefamily", "--profile", str(PERSONA),
                                      "--url", "https://www.locatefamily.com/x", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "Femke de Boer" in text and "English version" in text
    assert "https://www.locatefamily.com/x" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_command_rejects_unknown_sources_and_foreign_urls():
    runner = CliRunner()
    result = runner.invoke(app, ["letter", "avg", "nosuchsite", "--profile", str(PERSONA)])
    assert result.exit_code == 2 and "drimble" in result.output
    result = runner.invoke(app, ["letter", "avg", "oozo", "--profile", str(PERSONA),
                                 "--url", "https://example.org/page"])
    assert result.exit_code == 2


def test_command_prints_to_stdout():
    result = CliRunner().invoke(app, ["letter", "avg", "oozo", "--profile", str(PERSONA)])
    assert result.exit_code == 0
    assert result.stdout.startswith("Onderwerp: verzoek om verwijdering")
