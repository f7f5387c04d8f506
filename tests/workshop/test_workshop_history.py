"""Memory between scans on a temporary data folder: saved reports, the comparison with the
previous scan, history, diff without arguments, done (resurfacing) and reopen."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.history import History
from footprint.plan import day
from tests.loopback import serve
from tests.persona import ADDRESS_ONLY

runner = CliRunner()
PROFILE = ADDRESS_ONLY
HOME_PAGE = "<title>Jan</title><p>Jan woont aan de Kerkstraat 12, 3511 AB Utrecht.</p>"
CLEAN_PAGE = "<title>Jan</title><p>Jan de Vries is wethouder.</p>"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(folder))
    return folder


def _profile(tmp_path: Path, urls: list[str]) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE + "[public]\nurls = [" + ", ".join(f'"{u}"' for u in urls) + "]\n")
    (tmp_path / "config.toml").write_text("[scan]\ncheck_timeout = 3\nkeep_scans = 3\n")
    return path


def _scan(tmp_path: Path, profile: Path, *extra: str, only: str = "web.pages") -> object:
    return runner.invoke(app, ["scan", "--profile", str(profile), "--config",
                               str(tmp_path / "config.toml"), "--only", only, "--lang", "en",
                               "--no-progress", "--json", str(tmp_path / "r.json"), *extra])


def _json(tmp_path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((tmp_path / "r.json").read_text())


def test_second_scan_compares_with_the_first(tmp_path: Path, data: Path) -> None:
    pages = {"/a": (200, HOME_PAGE), "/b": (200, HOME_PAGE)}
    with serve(pages) as base:  # type: ignore[arg-type]
        profile = _profile(tmp_path, [f"{base}/a", f"{base}/b"])
        first = _scan(tmp_path, profile)
        assert first.exit_code == 0, first.output
        assert _json(tmp_path)["previous"] is None
        pages["/a"] = (200, CLEAN_PAGE)  # fixed
        pages["/c"] = (200, HOME_PAGE)
        profile = _profile(tmp_path, [f"{base}/a", f"{base}/b", f"{base}/c"])
        second = _scan(tmp_path, profile)
    assert second.exit_code == 0, second.output
    previous = _json(tmp_path)["previous"]
    assert (previous["resolved"], previous["new"], previous["still_open"]) == (1, 1, 1)
    assert "1 resolved, 1 new, 1 still open" in second.stdout
    assert f"Since {day(date.today(), 'en')}" in second.stdout
    store = History.for_file(profile)
    assert len(store.scans()) == 2
    assert stat.S_IMODE(os.stat(store.scans()[0]).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700

    listed = runner.invoke(app, ["history", "--profile", str(profile), "--lang", "en"])
    rows = [line for line in listed.stdout.splitlines() if "│ high" in line]
    assert listed.exit_code == 0 and len(rows) == 2, listed.output
    diff = runner.invoke(app, ["diff", "--profile", str(profile), "--lang", "en"])
    assert diff.exit_code == 0, diff.output
    # counted in actions, as the Since line: each page's address and postcode are one action
    assert "Actions: 1 resolved, 1 new, 1 still open, 0 could not be checked now" in diff.stdout
    assert "Resolved (1)" in diff.stdout and "New (1)" in diff.stdout
    assert diff.stdout.count("✓ high") == 3  # the action and its two findings


def test_no_save_keep_and_demo_saves_nothing(tmp_path: Path, data: Path) -> None:
    with serve({"/a": (200, CLEAN_PAGE)}) as base:
        profile = _profile(tmp_path, [f"{base}/a"])
        assert _scan(tmp_path, profile, "--no-save").exit_code == 0
        assert History.for_file(profile).scans() == []
        for _ in range(5):
            assert _scan(tmp_path, profile).exit_code == 0
    assert len(History.for_file(profile).scans()) == 3  # keep_scans = 3 in the config
    assert runner.invoke(app, ["demo", "--lang", "en"]).exit_code == 0
    assert sorted(p.name for p in (data / "scans").iterdir()) == [
        History.for_file(profile).folder.name]


def test_diff_without_arguments_needs_two_saved_scans(tmp_path: Path, data: Path) -> None:
    profile = _profile(tmp_path, ["https://example.invalid/"])
    result = runner.invoke(app, ["diff", "--profile", str(profile), "--lang", "en"])
    assert result.exit_code == 2 and "needs two saved scans" in result.stderr


def test_done_on_an_exposure_that_is_still_there_resurfaces(tmp_path: Path,
                                                           data: Path) -> None:
    with serve({"/a": (200, HOME_PAGE), "/b": (200, HOME_PAGE)}) as base:
        profile = _profile(tmp_path, [f"{base}/a", f"{base}/b"])
        assert _scan(tmp_path, profile).exit_code == 0
        actions = _json(tmp_path)["actions"]
        last = actions[-1]
        finding_id = last["findings"][0]
        done = runner.invoke(app, ["done", finding_id, "--profile", str(profile),
                                   "--lang", "en"])
        assert done.exit_code == 0 and last["id"] in done.stdout, done.output
        again = _scan(tmp_path, profile)
    assert again.exit_code == 0, again.output
    report = _json(tmp_path)
    top = report["actions"][0]
    assert top["id"] == last["id"] and top["still_there"] is True
    assert top["done"] == date.today().isoformat()
    assert f"you marked this done on {day(date.today(), 'en')}, but it is still there" \
        in again.stdout
    assert again.stdout.index("still there") < again.stdout.index("What was found")


def test_guided_steps_stay_done_until_reopened(tmp_path: Path, data: Path) -> None:
    profile = _profile(tmp_path, [])
    assert _scan(tmp_path, profile, only="guide.*").exit_code == 0
    guided = _json(tmp_path)["actions"][0]
    assert guided["kind"] == "manual"
    assert runner.invoke(app, ["done", guided["id"], "--profile", str(profile)]).exit_code == 0
    for _ in range(2):  # no scan can verify it: it stays done
        assert _scan(tmp_path, profile, only="guide.*").exit_code == 0
        [entry] = [a for a in _json(tmp_path)["actions"] if a["id"] == guided["id"]]
        assert entry["done"] and entry["still_there"] is False
    result = _scan(tmp_path, profile, "--brief", only="guide.*")
    assert result.stdout.count(guided["id"]) == 1  # listed as done, not as a to-do
    assert "Marked done by you" in result.stdout
    reopened = runner.invoke(app, ["reopen", guided["id"], "--profile", str(profile),
                                   "--lang", "en"])
    assert reopened.exit_code == 0 and "on the plan again" in reopened.stdout
    assert _scan(tmp_path, profile, only="guide.*").exit_code == 0
    assert _json(tmp_path)["actions"][0]["done"] is None
    undo = runner.invoke(app, ["done", "--undo", guided["id"], "--profile", str(profile)])
    assert undo.exit_code == 2  # it is not marked any more


def test_done_with_an_unknown_id_is_one_error_line(tmp_path: Path, data: Path) -> None:
    profile = _profile(tmp_path, [])
    none_yet = runner.invoke(app, ["done", "abcdef123456", "--profile", str(profile)])
    assert none_yet.exit_code == 2 and "run 'footprint scan' first" in none_yet.stderr
    assert _scan(tmp_path, profile, only="guide.*").exit_code == 0
    unknown = runner.invoke(app, ["done", "abcdef123456", "--profile", str(profile),
                                  "--lang", "en"])
    assert unknown.exit_code == 2 and "is no action or finding id" in unknown.stderr


def test_ignore_with_an_action_id_marks_every_finding_of_it(tmp_path: Path,
                                                            data: Path) -> None:
    with serve({"/a": (200, HOME_PAGE)}) as base:
        profile = _profile(tmp_path, [f"{base}/a"])
        assert _scan(tmp_path, profile).exit_code == 0
        [action] = _json(tmp_path)["actions"]  # address and postcode on one page
        assert len(action["findings"]) == 2
        ignored = runner.invoke(app, ["ignore", action["id"], "--reason", "done",
                                      "--profile", str(profile), "--lang", "en"])
        assert ignored.exit_code == 0, ignored.output
        assert all(fid in profile.read_text() for fid in action["findings"])
        again = _scan(tmp_path, profile)
    assert again.exit_code == 0
    report = _json(tmp_path)
    assert report["actions"] == [] and report["summary"]["suppressed"] == 2


def test_present_mode_keeps_the_done_marks(tmp_path: Path, data: Path) -> None:
    with serve({"/a": (200, HOME_PAGE)}) as base:
        profile = _profile(tmp_path, [f"{base}/a"])
        assert _scan(tmp_path, profile).exit_code == 0
        [action] = _json(tmp_path)["actions"]
        assert runner.invoke(app, ["done", action["id"], "--profile",
                                   str(profile)]).exit_code == 0
        shown = _scan(tmp_path, profile, "--present")
    assert shown.exit_code == 0, shown.output
    [masked] = _json(tmp_path)["actions"]
    assert masked["still_there"] is True and masked["id"] != action["id"]
    assert "but it is still there" in shown.stdout
