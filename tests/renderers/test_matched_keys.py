"""``evidence.matched`` carries stable, documented keys; the human label stands beside them
in every format, and reports written with the older English labels still read."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from footprint.matchkeys import CORE_LABELS, from_legacy, labels_of
from footprint.models import Evidence, L10n
from footprint.renderers import json as json_report
from footprint.renderers import markdown
from renderers.reports import sample_report

DOC = Path(__file__).resolve().parents[2] / "docs" / "report-format.md"


def _with_evidence(evidence: Evidence):  # type: ignore[no-untyped-def]
    report = sample_report()
    results = []
    for result in report.results:
        findings = tuple(replace(f, evidence=evidence) for f in result.findings)
        results.append(replace(result, findings=findings))
    return replace(report, results=tuple(results))


def test_every_core_key_is_documented() -> None:
    documented = set(re.findall(r"`([a-z][a-z:-]*[a-z>])`", DOC.read_text(encoding="utf-8")))
    assert set(CORE_LABELS) <= documented


def test_json_has_keys_and_labels_beside_them() -> None:
    evidence = Evidence(url="https://x.example/", matched=("postcode", "registration-email"),
                        labels=(CORE_LABELS["postcode"], L10n(en="email address",
                                                             nl="het e-mailadres")))
    data = json_report.to_dict(_with_evidence(evidence))
    found = next(f for r in data["results"] for f in r["findings"])
    assert found["evidence"]["matched"] == ["postcode", "registration-email"]
    assert found["evidence"]["matched_labels"] == [
        {"en": "home postcode", "nl": "postcode"},
        {"en": "email address", "nl": "het e-mailadres"}]
    again = json_report.loads(json.dumps(data))
    ev = next(f for r in again.results for f in r.findings).evidence
    assert labels_of(ev)[1].nl == "het e-mailadres"


def test_known_keys_get_footprints_labels() -> None:
    ev = Evidence(matched=("address", "generic-mobile", "plugin-thing"))
    assert [lb.en for lb in labels_of(ev)] == ["home address", "a mobile number",
                                               "plugin-thing"]


def test_reports_with_english_labels_read_as_keys() -> None:
    data = json_report.to_dict(_with_evidence(Evidence(matched=("postcode",))))
    for result in data["results"]:
        for finding in result["findings"]:
            finding["evidence"] = {"url": None, "excerpt": None,
                                   "matched": ["home postcode", "family member's name"]}
    ev = next(f for r in json_report.loads(json.dumps(data)).results
              for f in r.findings).evidence
    assert ev.matched == ("postcode", "family")
    assert from_legacy("home address (postcode and house number)") == "postcode-and-number"


def test_markdown_shows_the_label_in_the_report_language() -> None:
    report = _with_evidence(Evidence(url="https://x.example/", excerpt="█████",
                                     matched=("postcode",)))
    assert "postcode" in markdown.render(report, "nl")
    assert "home postcode" in markdown.render(report, "en")
