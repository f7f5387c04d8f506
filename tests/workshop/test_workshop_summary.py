"""Workshop summary: group figures only; no identifier from any report in the output."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from renderers.reports import sample_report
from rich.console import Console
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.models import (
    CheckInfo,
    CheckResult,
    Evidence,
    Finding,
    L10n,
    Report,
    Severity,
    Status,
    Subject,
)
from footprint.renderers import json as json_report
from footprint.renderers.summary_markdown import render_summary_markdown
from footprint.summary import summarise
from footprint.ui.summary_view import render_summary

runner = CliRunner()


def _person(n: int, *, kvk: bool, breached: int, extra_title: str = "") -> Report:
    """A participant with their own identifiers in subjects, keys, titles and evidence."""
    name, email = f"Deelnemer{n} Achternaam{n}", f"persoon{n}@raad{n}.example"
    results = []
    if kvk:
        f = Finding("registers.kvk", Subject("kvk", f"9000000{n}"), f"kvk-{n}",
                    L10n.same(f"{name} at Straat{n} 1"), Severity.HIGH,
                    sample_report().findings[0].remediation,
                    Evidence(url=f"https://kvk.example/{name}", excerpt=f"{name} Straat{n}"))
        results.append(CheckResult("registers.kvk", f.subject, Status.EXPOSED, (f,)))
    else:
        results.append(CheckResult("registers.kvk", Subject("kvk", f"9000000{n}"),
                                   Status.CLEAR))
    breaches = tuple(
        Finding("breach.hibp", Subject("email", email), f"Breach{i}",
                L10n.same(f"{email} in Breach{i}"), Severity.MEDIUM,
                sample_report().findings[0].remediation)
        for i in range(breached))
    results.append(CheckResult("breach.hibp", Subject("email", email),
                               Status.EXPOSED if breaches else Status.CLEAR, breaches))
    results.append(CheckResult("username.sites", Subject("username", f"user{n}x"),
                               Status.ERROR, reason=L10n.same(f"failed for user{n}x")))
    checks = (CheckInfo("registers.kvk", L10n(en="KvK register" + extra_title,
                                              nl="KvK-register" + extra_title),
                        ("kvk",), (), (), "footprint:builtin"),)
    return replace(sample_report(), results=tuple(results), checks=checks, suppressed=())


def _group() -> list[Report]:
    return [_person(3, kvk=True, breached=0, extra_title=" for persoon3@raad3.example"),
            _person(1, kvk=True, breached=2), _person(2, kvk=False, breached=1),
            _person(4, kvk=False, breached=0), _person(5, kvk=False, breached=3)]


def _identifiers(reports: list[Report]) -> set[str]:
    out = set()
    for report in reports:
        for r in report.results:
            out.add(r.subject.value)
            for f in r.findings:
                out |= {f.key, f.title.en, f.evidence.url or "", f.evidence.excerpt or ""}
                out |= set(f.title.en.split())
    out |= {f"Deelnemer{n}" for n in range(1, 6)} | {f"Straat{n}" for n in range(1, 6)}
    return {value for value in out if len(value) >= 4 and not value.startswith(("in", "at"))}


def test_figures() -> None:
    summary = summarise(_group())
    assert summary.participants == 5 and not summary.small_group
    kvk = next(c for c in summary.checks if c.key == "registers.kvk")
    assert (kvk.exposed, kvk.checked, kvk.by_severity[Severity.HIGH]) == (2, 5, 2)
    hibp = next(c for c in summary.checks if c.key == "breach.hibp")
    assert (hibp.exposed, hibp.subjects, hibp.findings) == (3, 3, 6)
    assert summary.at_least(Severity.HIGH) == 2
    assert summary.none_found == 1 and summary.incomplete == 5
    family = next(f for f in summary.families if f.key == "breach")
    assert family.exposed == 3
    assert summary.duplicates == 0


def test_no_identifier_in_any_output(tmp_path: Path) -> None:
    reports = _group()
    summary = summarise(reports)
    console = Console(record=True, width=200)
    render_summary(console, summary, "en")
    outputs = [render_summary_markdown(summary, "en"), render_summary_markdown(summary, "nl"),
               console.export_text()]
    paths = []
    for i, report in enumerate(reports):
        path = tmp_path / f"r{i}.json"
        path.write_text(json_report.render(report), encoding="utf-8")
        paths.append(str(path))
    md = tmp_path / "summary.md"
    result = runner.invoke(app, ["summary", *paths, "--markdown", str(md), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    outputs += [result.stdout, md.read_text(encoding="utf-8")]
    for identifier in _identifiers(reports):
        for text in outputs:
            assert identifier.lower() not in text.lower(), identifier
    for text in outputs:
        assert not re.search(r"https?://|@", text)
    # a check title that quotes an identifier is replaced by the check id
    assert "registers.kvk" in outputs[0] and "KvK register" not in outputs[0]


def test_small_group_and_duplicates_are_flagged() -> None:
    one = _person(1, kvk=True, breached=1)
    summary = summarise([one, one])
    assert summary.small_group and summary.duplicates == 1
    text = render_summary_markdown(summary, "en")
    assert "fewer than 5" in text and "same person" in text
