"""diff counts actions, as the plan does: an action of several findings is resolved once,
only when all of them are gone and rechecked; the "Since" line of a scan says the same.
Each of these would count differently by finding."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from renderers.reports import finding, result
from rich.console import Console

from footprint.diff import Fate, State, diff_reports
from footprint.history import compare
from footprint.models import (
    ActionGroup,
    DoneMark,
    Finding,
    FindingKind,
    L10n,
    Previous,
    Report,
    Severity,
    Status,
    Subject,
    SuppressedFinding,
)
from footprint.plan import since_text
from footprint.renderers import json as json_report
from footprint.renderers.diff_markdown import render_diff_markdown
from footprint.ui.diff_view import render_diff

BEFORE = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
AFTER = datetime(2026, 12, 12, 10, 0, tzinfo=UTC)
DOMAIN = Subject("domain", "devries-utrecht.nl")
EMAIL = Subject("email", "jan@devries-utrecht.nl")
HIDE = L10n(en="Hide your details in your domain's registration",
            nl="Verberg je gegevens in de registratie van je domein")
CHANGE = L10n(en="Change the password you used on LinkedIn",
              nl="Verander het wachtwoord dat je op LinkedIn gebruikte")


def _whois(key: str, severity: Severity) -> Finding:
    f = finding("domain.whois", key, severity, f"Your {key} is in the registration",
                subject=DOMAIN)
    return replace(f, group=ActionGroup("whois:devries-utrecht.nl", HIDE))


ADDRESS = _whois("home address", Severity.HIGH)
POSTCODE = _whois("postcode", Severity.MEDIUM)
HIBP = replace(finding("breach.hibp", "LinkedIn", Severity.HIGH, "LinkedIn breach (HIBP)",
                       subject=EMAIL), group=ActionGroup("breach:linkedin", CHANGE))
XON = replace(finding("breach.xon", "LinkedIn", Severity.HIGH, "LinkedIn breach (XON)",
                      subject=EMAIL), group=ActionGroup("breach:linkedin", CHANGE))
GUIDE = finding("guides.photos", "photos", Severity.INFO, "Check Street View",
                kind=FindingKind.MANUAL)


def _report(*results, when=BEFORE, done=(), suppressed=()) -> Report:  # noqa: ANN001, ANN002
    return Report(results=tuple(results), started_at=when, finished_at=when,
                  tool_version="0.1.0", done=tuple(done), suppressed=tuple(suppressed))


OLD = _report(result("domain.whois", Status.EXPOSED, ADDRESS, POSTCODE, subject=DOMAIN))


def _counts(old: Report, new: Report) -> tuple[int, int, int, int]:
    p = compare(old, new)
    return p.resolved, p.new, p.still_open, p.not_rechecked


def _terminal(diff: object, lang: str = "en") -> str:
    console = Console(record=True, width=200)
    render_diff(console, diff, lang)  # type: ignore[arg-type]
    return console.export_text()


def test_two_findings_of_one_action_resolved_are_one_action_done() -> None:
    new = _report(result("domain.whois", Status.CLEAR, subject=DOMAIN), when=AFTER)
    diff = diff_reports(OLD, new)
    assert [c.action.title for c in diff.resolved] == [HIDE]
    assert [f.fate for f in diff.resolved[0].findings] == [Fate.RESOLVED, Fate.RESOLVED]
    assert not diff.still_open and not diff.new
    assert _counts(OLD, new) == (1, 0, 0, 0)
    text = render_diff_markdown(diff, "en")
    assert "Actions: 1 resolved, 0 new, 0 still open, 0 could not be checked now" in text
    assert text.count("- [x] ") == 1  # one action, its two findings under it
    assert "  - **Your home address is in the registration** (high, domain: " in text
    assert "  - **Your postcode is in the registration** (medium, domain: " in text
    assert "Resolved (1)" in _terminal(diff)


def test_one_of_two_findings_gone_leaves_the_action_open_and_partly_fixed() -> None:
    new = _report(result("domain.whois", Status.EXPOSED, ADDRESS, subject=DOMAIN), when=AFTER)
    diff = diff_reports(OLD, new)
    assert not diff.resolved and len(diff.still_open) == 1
    change = diff.still_open[0]
    assert change.partly_fixed and change.fixed == 1
    assert {f.finding.id: f.fate for f in change.findings} == {
        ADDRESS.id: Fate.OPEN, POSTCODE.id: Fate.RESOLVED}
    assert _counts(OLD, new) == (0, 0, 1, 0)
    assert "(high, partly fixed: 1 of 2 resolved)" in render_diff_markdown(diff, "en")
    nl = _terminal(diff, "nl")
    assert "Acties: 0 opgelost, 0 nieuw, 1 nog open" in nl
    assert "deels verholpen: 1 van 2 opgelost" in nl and "Nog open (1)" in nl


def test_an_action_is_not_resolved_while_one_of_its_checks_could_not_decide() -> None:
    old = _report(result("breach.hibp", Status.EXPOSED, HIBP, subject=EMAIL),
                  result("breach.xon", Status.EXPOSED, XON, subject=EMAIL))
    new = _report(result("breach.hibp", Status.CLEAR, subject=EMAIL),
                  result("breach.xon", Status.ERROR, subject=EMAIL, reason="HTTP 429"),
                  when=AFTER)
    diff = diff_reports(old, new)
    assert not diff.resolved and [c.action.title for c in diff.not_rechecked] == [CHANGE]
    assert {f.finding.id: f.fate for f in diff.not_rechecked[0].findings} == {
        HIBP.id: Fate.RESOLVED, XON.id: Fate.NOT_RECHECKED}
    assert _counts(old, new) == (0, 0, 0, 1)
    since = since_text(replace(new, previous=compare(old, new)), "en")
    assert since is not None
    assert since[1] == "0 resolved, 0 new, 0 still open, 1 could not be checked now"
    out = _terminal(diff)
    assert "Could not be checked now (1)" in out and "Resolved" not in out


def test_a_finding_joining_an_action_is_no_new_action() -> None:
    # a lone finding's action has the finding's id; with a second finding of the very
    # same remedy it gets a group id, and is still the same action
    lone = finding("web.pages", "address", Severity.HIGH, "Your address is on this page",
                   url="https://krant.example/jan")
    twin = replace(finding("web.pages", "phone", Severity.MEDIUM,
                           "Your phone number is on this page", url="https://krant.example/jan"),
                   remediation=lone.remediation)
    old = _report(result("web.pages", Status.EXPOSED, lone))
    new = _report(result("web.pages", Status.EXPOSED, lone, twin), when=AFTER)
    diff = diff_reports(old, new)
    assert not diff.new and len(diff.still_open) == 1
    assert diff.still_open[0].action.id != lone.id
    assert {f.finding.id: f.fate for f in diff.still_open[0].findings} == {
        lone.id: Fate.OPEN, twin.id: Fate.NEW}
    assert _counts(old, new) == (0, 0, 1, 0)
    assert "(medium, new)" in render_diff_markdown(diff, "en")


def test_guided_step_marked_done_since() -> None:
    old = _report(result("guides.photos", Status.MANUAL, GUIDE))
    mark = DoneMark(GUIDE.id, "2026-12-01", (GUIDE.id,), guided=True)
    new = _report(result("guides.photos", Status.MANUAL, GUIDE), when=AFTER, done=[mark])
    diff = diff_reports(old, new)
    assert [c.state for c in diff.actions] == [State.MARKED_DONE]
    assert _counts(old, new) == (0, 0, 0, 0)  # done: no longer open, and not resolved
    text = render_diff_markdown(diff, "en")
    assert "; 1 marked done by you" in text and "## Marked done by you since" in text
    done_both = diff_reports(replace(old, done=(mark,)), new)
    assert not done_both.actions and not done_both.has_changes


def test_exposure_marked_done_is_open_while_found_and_resolved_once_gone() -> None:
    mark = DoneMark(ADDRESS.id, "2026-12-01", (ADDRESS.id, POSTCODE.id))
    still = _report(result("domain.whois", Status.EXPOSED, ADDRESS, POSTCODE, subject=DOMAIN),
                    when=AFTER, done=[mark])
    diff = diff_reports(OLD, still)
    assert [c.state for c in diff.actions] == [State.OPEN]
    assert "you marked this done on 1 Dec 2026, but it is still there" in _terminal(diff)
    gone = _report(result("domain.whois", Status.CLEAR, subject=DOMAIN), when=AFTER,
                   done=[mark])
    assert [c.state for c in diff_reports(OLD, gone).actions] == [State.RESOLVED]


def test_marked_by_you_is_not_resolved() -> None:
    everything = [SuppressedFinding(ADDRESS, "intentionally-public", "", "2026-12-01"),
                  SuppressedFinding(POSTCODE, "intentionally-public", "", "2026-12-01")]
    new = _report(result("domain.whois", Status.CLEAR, subject=DOMAIN), when=AFTER,
                  suppressed=everything)
    diff = diff_reports(OLD, new)
    assert [c.state for c in diff.actions] == [State.SUPPRESSED]
    assert _counts(OLD, new) == (0, 0, 0, 0)
    assert "; 1 marked by you" in render_diff_markdown(diff, "en")
    # one marked, the other gone on a decided check: the action is resolved
    partly = replace(new, suppressed=(everything[0],))
    change = diff_reports(OLD, partly).resolved[0]
    assert [f.fate for f in change.findings] == [Fate.SUPPRESSED, Fate.RESOLVED]


def test_previous_keeps_not_rechecked_in_json() -> None:
    report = replace(OLD, previous=Previous("2026-11-01T10:00:00+00:00", 1, 2, 3, 4))
    back = json_report.loads(json_report.render(report))
    assert back.previous == report.previous
    data = json.loads(json_report.render(replace(OLD, previous=Previous("2026-11-01", 1, 2, 3))))
    del data["previous"]["not_rechecked"]  # a file written before the field existed
    old_back = json_report.loads(json.dumps(data)).previous
    assert old_back is not None and old_back.not_rechecked == 0
