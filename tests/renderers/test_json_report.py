"""The canonical JSON report: complete, round-trips, and rejects bad files clearly."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from footprint.errors import ReportFileError
from footprint.renderers import json as json_report
from renderers.reports import BREACH, hostile_report, sample_report


def test_round_trip_keeps_every_field() -> None:
    report = sample_report(interrupted=True, masked=True, lang="nl")
    again = json_report.loads(json_report.render(report, "nl"))
    assert again == report


def test_round_trip_of_hostile_strings() -> None:
    """Control characters and escape sequences are removed on writing (so ``jq -r``
    prints nothing a terminal acts on); the rest survives, and a second round is exact."""
    text = json_report.render(hostile_report())
    again = json_report.loads(text)
    assert json_report.render(again) == text

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    found = strings(json.loads(text))
    assert not [s for s in found if any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) < 0xa0
                                        or c == "\u202e" for c in s)]
    assert any("<img src=x onerror=alert(1)>" in s and "click" in s for s in found)


def test_document_has_the_documented_fields() -> None:
    data = json_report.to_dict(sample_report())
    assert data["schema_version"] == json_report.SCHEMA_VERSION
    assert data["tool"] == {"name": "footprint", "version": "0.1.0"}
    assert data["started_at"] == "2026-11-28T10:00:00+00:00"
    assert data["interrupted"] is False
    result = next(r for r in data["results"] if r["check_id"] == "breach.hibp")
    assert result["subject"] == {"kind": "email", "value": "jan@devries-utrecht.nl"}
    assert result["status"] == "exposed"
    finding = result["findings"][0]
    assert finding["id"] == BREACH.id
    assert finding["severity"] == "medium"
    assert finding["title"]["en"].startswith("Your email address")
    assert set(finding["evidence"]) == {"url", "excerpt", "matched", "matched_labels"}
    assert finding["remediation"]["effort"] == "minutes"
    assert [s["en"] for s in finding["remediation"]["steps"]] == ["First step", "Second step"]
    skipped = next(r for r in data["results"] if r["status"] == "skipped")
    assert skipped["reason"]["en"] == "needs ZZZ_API_KEY"
    assert data["summary"]["by_severity"]["high"] == 2
    assert data["checks"][0]["disclosures"][0]["host"] == "haveibeenpwned.com"
    assert data["contacts"][0] == {"check_id": "breach.hibp", "host": "haveibeenpwned.com",
                                   "requests": 1}
    assert data["suppressed"][0]["reason"] == "intentionally-public"


def _doc() -> dict:
    return json_report.to_dict(sample_report())


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("schema_version"), "not a footprint report"),
    (lambda d: d.update(schema_version=99), "newer than this footprint reads"),
    (lambda d: d.update(schema_version=0), "no longer supported"),
    (lambda d: d.update(schema_version="1"), "schema_version: must be an integer"),
    (lambda d: d.update(format="other"), "format"),
    (lambda d: d.update(started_at="yesterday"), "started_at: 'yesterday' is not an ISO"),
    (lambda d: d.update(started_at="2026-11-28T10:00:00"), "must include a time zone"),
    (lambda d: d["results"][0].update(status="fine"), "results[0].status: 'fine' is not one"),
    (lambda d: d["results"][0]["findings"][0].update(severity="huge"),
     "results[0].findings[0].severity"),
    (lambda d: d["results"][0]["findings"][0].update(key="edited"), "does not match"),
    (lambda d: d["results"][0]["findings"][0].pop("title"), "findings[0].title: must be an"),
    (lambda d: d["results"][0].update(check_id="Not An Id"), "is not a check id"),
    (lambda d: d["contacts"][0].update(requests=True), "requests: must be an integer"),
    (lambda d: d.update(lang="de"), "lang"),
    (lambda d: d.update(results={}), "results: must be a list"),
])
def test_bad_documents_are_rejected_with_the_field(mutate, message) -> None:  # noqa: ANN001
    doc = _doc()
    mutate(doc)
    with pytest.raises(ReportFileError, match="report.json") as err:
        json_report.from_dict(doc, "report.json")
    assert message in str(err.value)


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(ReportFileError, match="not valid JSON"):
        json_report.loads("{", "r.json")
    with pytest.raises(ReportFileError, match="not a footprint report"):
        json_report.loads("[1, 2]", "r.json")


def test_read_report_from_file(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "r.json"
    path.write_text(json_report.render(sample_report()), encoding="utf-8")
    assert json_report.read_report(path) == sample_report()
    with pytest.raises(ReportFileError, match="file not found"):
        json_report.read_report(tmp_path / "missing.json")
    with pytest.raises(ReportFileError, match="is a directory"):
        json_report.read_report(tmp_path)
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe")
    with pytest.raises(ReportFileError, match="not UTF-8"):
        json_report.read_report(tmp_path / "bin.json")


def test_output_is_stable_and_utf8() -> None:
    report = replace(sample_report(), lang="nl")
    text = json_report.render(report)
    assert text == json_report.render(report)
    assert "██" in text  # masked excerpts stay readable, not \\u escapes
    json.loads(text)
