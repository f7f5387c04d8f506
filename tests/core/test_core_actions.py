"""One action per remedy: merged breach sources, one domain registration, one page, one
account under several usernames; stable ids; done marks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from footprint_checks.breach.findings import breach_finding
from footprint_checks.breach.hibp import parse_breach
from footprint_checks.breach.xposedornot import parse_detail
from footprint_checks.domain.rdap import RdapCheck

from footprint.actions import build_actions, find_action
from footprint.engine import Engine, Job
from footprint.models import (
    PROFILE_SUBJECT,
    CheckResult,
    DoneMark,
    Finding,
    FindingKind,
    L10n,
    Remediation,
    Report,
    Severity,
    Status,
    Subject,
)
from footprint.renderers.json import from_dict, to_dict
from tests.breach.helpers import load_json
from tests.domain.helpers import load_json as load_domain_json

EMAIL = Subject("email", "jan@devries-utrecht.nl")
OTHER_EMAIL = Subject("email", "j.devries@raad.example")
NOW = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)


def _report(findings: list[Finding], done: tuple[DoneMark, ...] = ()) -> Report:
    by_result: dict[tuple[str, Subject], list[Finding]] = {}
    for f in findings:
        by_result.setdefault((f.check_id, f.subject), []).append(f)
    results = tuple(CheckResult(c, s, Status.EXPOSED, tuple(fs))
                    for (c, s), fs in by_result.items())
    return Report(results=results, started_at=NOW, finished_at=NOW, tool_version="0",
                  done=done)


def _adobe_from_both() -> list[Finding]:
    """HIBP's recorded Adobe breach, and XposedOrNot's answer shape for the same breach
    (its breach_details entry from the recorded reply, renamed to Adobe, dated later and
    with other data classes)."""
    hibp = parse_breach(load_json("hibp_breach_list_full_adobe.json")[0])
    raw = dict(load_json("xon_check_email_details_derived.json")["breach_details"][0])
    raw.update(breach_date="2014-01-01", exposed_data=["Email addresses", "Phone numbers"])
    xon = parse_detail("Adobe", raw)
    return [breach_finding("email.hibp", EMAIL, hibp, "https://haveibeenpwned.com/#Adobe"),
            breach_finding("email.xposedornot", EMAIL, xon, "https://xposedornot.com/#Adobe"),
            breach_finding("email.xposedornot", OTHER_EMAIL, xon, None)]


def test_one_breach_from_two_sources_and_two_addresses_is_one_action() -> None:
    findings = _adobe_from_both()
    [action] = build_actions(_report(findings))
    assert set(action.finding_ids) == {f.id for f in findings}
    assert action.severity == max(f.severity for f in findings)
    sources = [v.en for v in action.facts_named("source")]
    assert sources == ["Have I Been Pwned", "XposedOrNot"]
    data = [v.en for v in action.facts_named("data")]
    assert "Phone numbers" in data and "Password hints" in data  # the union
    assert len(data) == len({d.casefold() for d in data})
    assert [v.en for v in action.facts_named("date")] == ["2013-10-04"]  # the earliest
    assert "Adobe" in action.title.en


def test_action_ids_are_stable_and_found_by_finding_id() -> None:
    findings = _adobe_from_both()
    first = build_actions(_report(findings))
    again = build_actions(_report(list(reversed(findings))))
    assert [a.id for a in first] == [a.id for a in again]
    assert find_action(first, findings[2].id) == first[0]
    assert find_action(first, first[0].id.upper()) == first[0]


async def test_a_domain_registration_is_one_action_for_its_private_details(
        router, make_context, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # not the user's cached bootstrap
    router.get("https://rdap.sidn.nl/domain/devries-utrecht.nl").respond(
        200, json=load_domain_json("rdap_nl_registrant_exposed.json"))
    check = RdapCheck()
    subject = Subject("domain", "devries-utrecht.nl")
    ctx = make_context()
    result = await Engine([check], ctx).run_one(Job(check, subject))
    actions = build_actions(_report(list(result.findings)))
    registration = [a for a in actions if len(a.findings) == 3]
    assert len(result.findings) == len(actions) + 2 and len(registration) == 1
    keys = {f.key for f in registration[0].findings}
    assert keys == {f"devries-utrecht.nl#registration-{k}" for k in ("address", "postcode",
                                                                    "phone")}
    assert "shield your private details" in registration[0].title.en


def _plain(check_id: str, key: str, summary: str, subject: Subject = PROFILE_SUBJECT,
           url: str | None = None, severity: Severity = Severity.MEDIUM,
           kind: FindingKind = FindingKind.EXPOSURE) -> Finding:
    from footprint.models import Evidence

    return Finding(check_id, subject, key, L10n.same(key), severity,
                   Remediation(L10n.same(summary)), Evidence(url=url), kind=kind)


def test_same_remedy_for_the_same_place_merges_other_places_do_not() -> None:
    a = _plain("search.engine", "a", "Have the page removed", url="https://a.example/")
    b = _plain("search.engine", "b", "Have the page removed", url="https://b.example/")
    c = _plain("search.engine", "c", "Have the page removed", url="https://a.example/",
               severity=Severity.HIGH)
    actions = build_actions(_report([a, b, c]))
    assert sorted(len(x.findings) for x in actions) == [1, 2]
    lone = next(x for x in actions if len(x.findings) == 1)
    assert lone.id == b.id  # a lone ungrouped finding keeps its own id
    assert actions[0].severity is Severity.HIGH  # the merged one, at its worst


def test_done_exposure_still_there_comes_back_at_the_top_guided_stays_done() -> None:
    low = _plain("web.pages", "low", "Fix it", severity=Severity.LOW)
    high = _plain("web.pages", "high", "Fix that", severity=Severity.HIGH)
    guided = _plain("guide.x", "g", "Do it yourself", kind=FindingKind.MANUAL,
                    severity=Severity.CRITICAL)
    marks = (DoneMark(low.id, "2026-11-02", (low.id,)),
             DoneMark("000000000000", "2026-11-03", (guided.id,), guided=True))
    actions = build_actions(_report([low, high, guided], marks))
    assert actions[0].finding_ids == (low.id,) and actions[0].still_there
    assert actions[0].done == "2026-11-02" and actions[0].open
    done_guided = next(a for a in actions if a.guided)
    assert not done_guided.open and not done_guided.still_there


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_json_carries_actions_and_reads_back_groups_facts_and_marks(lang: str) -> None:
    findings = _adobe_from_both()
    report = _report(findings, (DoneMark("abc", "2026-11-02", (findings[0].id,)),))
    data = to_dict(report)
    [action] = data["actions"]
    assert action["findings"] == sorted(action["findings"], key=[
        f.id for f in build_actions(report)[0].findings].index)
    assert action["done"] == "2026-11-02" and action["still_there"] is True
    assert action["severity"] == "high" and action["effort"] == "minutes"
    again = from_dict(data)
    assert again.done == report.done
    assert [f.group for f in again.findings] == [f.group for f in report.findings]
    assert [f.facts for f in again.findings] == [f.facts for f in report.findings]
    assert to_dict(again)["actions"] == data["actions"]
