"""``footprint diff --format json``: a versioned document (golden file) whose counts are the
terminal's counts, with every action and finding the views show, and hostile strings kept
as data without control characters."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.diff import State, diff_reports
from footprint.diff_words import counts_text
from footprint.models import Lang, Report
from footprint.renderers import json as json_report
from footprint.renderers.diff_json import SCHEMA_VERSION, render_diff_json
from footprint.renderers.texts import d
from footprint.textsafe import clean
from footprint.ui.diff_view import render_diff
from workshop.test_diff_golden import reports

GOLDEN = Path(__file__).parent.parent / "golden"
runner = CliRunner()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _screen(old: Report, new: Report, lang: Lang) -> str:
    console = Console(record=True, width=200, color_system=None)
    render_diff(console, diff_reports(old, new), lang)
    return console.export_text()


def counts_line(doc: dict[str, Any], lang: Lang) -> str:
    """The terminal's opening line, made from the JSON alone."""
    counts = doc["counts"]
    text = d("actions.counts", lang, resolved=counts["resolved"], new=counts["new"],
             open=counts["still-open"], unknown=counts["not-rechecked"])
    extra = [d(key, lang, n=n) for key, n in (
        ("actions.counts_changed", doc["changed_severity"]),
        ("actions.counts_done", counts["marked-done"]),
        ("actions.counts_marked", counts["suppressed"])) if n]
    return "; ".join([text, *extra])


def test_matches_golden() -> None:
    text = render_diff_json(diff_reports(*reports()), "en")
    path = GOLDEN / "diff.json"
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; rerun with FOOTPRINT_UPDATE_GOLDEN=1 after checking the change")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_counts_round_trip_to_the_terminal_counts(lang: Lang) -> None:
    old, new = reports()
    diff = diff_reports(old, new)
    doc = json.loads(render_diff_json(diff, lang))
    assert doc["format"] == "footprint-diff" and doc["schema_version"] == SCHEMA_VERSION == 1
    assert doc["lang"] == lang and doc["has_changes"] is True
    assert set(doc["counts"]) == {s.value for s in State}
    for state in State:
        assert doc["counts"][state.value] == sum(a["state"] == state.value
                                                 for a in doc["actions"])
    assert doc["counts"] == {"new": 1, "resolved": 1, "still-open": 1, "not-rechecked": 1,
                             "marked-done": 1, "suppressed": 0}
    screen = _screen(old, new, lang)
    assert counts_line(doc, lang) == counts_text(diff, lang)
    assert counts_line(doc, lang) in screen.splitlines()
    # every action and finding the terminal lists is in the JSON, and nothing else
    shown = set(re.findall(r"\b[0-9a-f]{12}\b", screen))
    ids = {a["id"] for a in doc["actions"]}
    ids |= {f["id"] for a in doc["actions"] for f in a["findings"]}
    ids |= {f["id"] for f in doc["protections"]["gained"] + doc["protections"]["lost"]}
    assert ids == shown


def test_an_action_carries_its_severities_titles_and_findings() -> None:
    doc = json.loads(render_diff_json(diff_reports(*reports()), "nl"))
    worse = next(a for a in doc["actions"] if a["previous_severity"] is not None)
    assert (worse["state"], worse["severity"], worse["previous_severity"]) == (
        "still-open", "critical", "high")
    assert worse["title"] == {"en": "Hide your details in your domain's registration",
                              "nl": "Verberg je gegevens in de registratie van je domein"}
    fates = {f["title"]["en"]: (f["state"], f["severity"], f["previous_severity"])
             for f in worse["findings"]}
    assert fates == {"Your home address is in the registration": ("open", "critical", "high"),
                     "Your postcode is in the registration": ("resolved", "medium", None)}
    assert worse["resolved_findings"] == 1
    assert all(f["subject"] == {"kind": "domain", "value": "devries-utrecht.nl"}
               for f in worse["findings"])  # the machine kind, also in a Dutch diff
    unknown = next(a for a in doc["actions"] if a["state"] == "not-rechecked")
    assert {f["state"] for f in unknown["findings"]} == {"resolved", "not-rechecked"}
    assert doc["old"]["started_at"] < doc["new"]["started_at"]


def test_cli_writes_json_beside_markdown(tmp_path: Path) -> None:
    old, new = reports()
    for name, report in (("old.json", old), ("new.json", new)):
        (tmp_path / name).write_text(json_report.render(report, "en"), encoding="utf-8")
    out, md = tmp_path / "progress.json", tmp_path / "progress.md"
    # the newer report first: diff puts them in order; -o by its extension
    result = runner.invoke(app, ["diff", str(tmp_path / "new.json"), str(tmp_path / "old.json"),
                                 "--lang", "nl", "--format", "markdown", "-o", str(md),
                                 "-o", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["lang"] == "nl" and doc["counts"]["resolved"] == 1
    assert counts_line(doc, "nl") in result.stdout.splitlines()
    assert md.read_text(encoding="utf-8").startswith("# ")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    again = runner.invoke(app, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"),
                                "--format", "json", "-o", str(tmp_path / "p.out")])
    assert again.exit_code == 0 and json.loads((tmp_path / "p.out").read_text())["actions"]
    wrong = runner.invoke(app, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"),
                                "--format", "csv", "-o", str(tmp_path / "p.csv")])
    assert wrong.exit_code == 2 and "known: markdown, json" in wrong.output
    no_file = runner.invoke(app, ["diff", str(tmp_path / "old.json"),
                                  str(tmp_path / "new.json"), "--format", "json"])
    assert no_file.exit_code == 2 and "needs a file" in no_file.output


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_hostile_strings_stay_data(lang: Lang) -> None:
    from hardening.hostile import HOSTILE, hostile_report

    hostile = hostile_report(lang=lang)
    empty = Report(results=(), started_at=hostile.started_at, finished_at=hostile.finished_at,
                   tool_version="0.1.0")
    for old, new, state in ((empty, hostile, "new"), (hostile, empty, "not-rechecked")):
        text = render_diff_json(diff_reports(old, new), lang)
        assert not _CONTROL.search(text.replace("\n", "")), "raw control character"
        assert "\x1b" not in text and "\u202e" not in text
        doc = json.loads(text)
        assert doc["actions"] and {a["state"] for a in doc["actions"]} == {state}
        findings = [f for a in doc["actions"] for f in a["findings"]]
        assert findings and all(set(f) == {"id", "check_id", "subject", "kind", "severity",
                                           "title", "state", "previous_severity", "reason"}
                                for f in findings)
        wanted = clean(HOSTILE, keep_newlines=True)
        assert all(f["title"] == {"en": wanted, "nl": wanted} for f in findings)
        assert "<script>alert(1)</script>" in wanted  # kept as text, not dropped
        assert all(f["subject"]["kind"] == "username" for f in findings)
