"""One catalogue of words: checked on load, and the same status and severity words in the
terminal, markdown and HTML views of the same report, in both languages."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from rich.console import Console

from footprint.i18n import catalogue, severity_name, status_name
from footprint.models import CheckResult, Lang, Report, Severity, Status, Subject
from footprint.renderers import html, markdown
from footprint.renderers.texts import SEVERITY, STATUS
from footprint.ui.report_view import render_report
from footprint.words import Words, WordsError
from renderers.reports import finding, sample_report


def _every_severity() -> Report:
    """The sample report plus a critical and an info exposure, so all five severities and
    all seven statuses occur."""
    report = sample_report()
    extra = CheckResult("web.extra", Subject("url", "https://x.example/"), Status.EXPOSED,
                        findings=(finding("web.extra", "crit", Severity.CRITICAL, "Critical one"),
                                  finding("web.extra", "info", Severity.INFO, "Info one")))
    return replace(report, results=(*report.results, extra))


def _terminal(report: Report, lang: Lang) -> str:
    console = Console(record=True, width=240, color_system=None)
    render_report(console, replace(report, lang=lang))
    return console.export_text()


def _html(report: Report, lang: Lang) -> str:
    return BeautifulSoup(html.render(report, lang), "html.parser").get_text("\n")


def _listed(text: str, label: str) -> list[str]:
    """The words of a "label: word 2, other word 1" line, in order, however it is drawn."""
    line = next(line for line in text.splitlines() if label in line)
    rest = line.split(label, 1)[1].replace("│", " ")
    return [w.strip(" :,").casefold() for w in re.split(r"\d+", rest) if w.strip(" :,")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_terminal_markdown_and_html_name_statuses_and_severities_alike(lang: Lang) -> None:
    report = _every_severity()
    views = {"terminal": _terminal(report, lang), "markdown": markdown.render(report, lang),
             "html": _html(report, lang)}
    statuses = [status_name(s, lang).casefold() for s in Status]
    severities = [severity_name(s, lang).casefold() for s in sorted(Severity, reverse=True)]
    checks_label = catalogue().t("report.checks_run", lang)
    exposures_label = catalogue().t("report.exposures", lang)
    for name, text in views.items():
        assert _listed(text, checks_label) == statuses, name
        assert _listed(text, exposures_label) == severities, name
    # the words of the undecided checks, row by row, are the catalogue's too
    for result in report.undecided:
        word = status_name(result.status, lang).casefold()
        assert all(word in text.casefold() for text in views.values()), word


def test_every_status_severity_and_effort_has_one_word_per_language() -> None:
    words = catalogue()
    for lang in ("en", "nl"):
        names = [status_name(s, lang) for s in Status]
        assert len(set(names)) == len(names)
        sev = [severity_name(s, lang) for s in Severity]
        assert len(set(sev)) == len(sev)
    assert all(STATUS[s] == words.l10n(f"status.{s.value}") for s in Status)
    assert all(SEVERITY[s].nl.casefold() == words.t(f"severity.{s.label}", "nl")
               for s in Severity)


@pytest.mark.parametrize(("text", "message"), [
    ('[a]\nb = { en = "x" }', "a.b: 'nl' must be a non-empty string"),
    ('[a]\nb = { en = "{n} x", nl = "{m} x" }', "a.b: en and nl use different placeholders"),
    ('[a]\nb = { en = "x", nl = "y", de = "z" }', "a.b: unknown field 'de'"),
    ('a = "x"', "a must be a table"),
    ('[a]\nb = { en = "x", nl = "  " }', "a.b: 'nl' must be a non-empty string"),
    ("[a", "not valid TOML"),
])
def test_a_broken_catalogue_fails_on_load_naming_the_key(text: str, message: str) -> None:
    with pytest.raises(WordsError, match=re.escape(message)):
        Words.parse(text, "test.toml")


def test_required_words_must_be_there() -> None:
    with pytest.raises(WordsError, match="missing status.gone"):
        Words.parse('[status]\nhere = { en = "x", nl = "y" }', "t.toml", ["status.gone"])


def test_matched_details_read_as_dutch_and_english_sentences() -> None:
    from footprint.i18n import marker_sentence

    family = marker_sentence("on_page", ["family"])
    assert family.nl == "De naam van een gezinslid staat op deze pagina"
    assert family.en == "A family member's name is on this page"
    both = marker_sentence("site_shows", ["address", "family"], site="drimble.nl")
    assert both.nl == "drimble.nl toont je huisadres en de naam van een gezinslid"
    pinned = marker_sentence("on_page_with_number", ["postcode"])
    assert pinned.nl == "Je postcode en huisnummer staan op deze pagina"
    blocked = marker_sentence("blocked", ["phone"], host="api.example")
    assert "het bevatte je privételefoonnummer" in blocked.nl
    for kind in ("address", "postcode", "street", "phone", "family", "other"):
        sentence = marker_sentence("council_document", [kind], title="Notulen").nl
        assert "je de " not in sentence and "je een " not in sentence
