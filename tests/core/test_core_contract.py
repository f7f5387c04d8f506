"""The one check contract: plugins that do not subclass the base, or that raise anywhere
(their attributes included), end as an ``error`` result; the scan goes on.

The plugins are installed for real: a ``.dist-info`` with ``entry_points.txt`` on
``sys.path``, found by ``importlib.metadata`` as an installed distribution would be.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.registry import CheckRegistry

runner = CliRunner()

# Exactly the required attributes, no BaseCheck: the shape that once crashed a scan.
PLUGIN = '''
from footprint.plugin import Finding, L10n, Remediation, Severity

class Bare:
    id = "bare.minimal"
    title = L10n.same("bare")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    async def run(self, subject, ctx):
        return [Finding(self.id, subject, "k", L10n.same("found"), Severity.LOW,
                        Remediation(L10n.same("fix it")))]


class RaisesInRun:
    id = "bare.raises"
    title = L10n.same("raises")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    async def run(self, subject, ctx):
        raise RuntimeError("boom in run")


class RaisesInAttribute:
    id = "bare.attribute"
    title = L10n.same("attribute")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    @property
    def timeout_s(self):
        raise ValueError("boom in timeout_s")

    async def run(self, subject, ctx):
        return []


class RaisesInSubjects:
    id = "bare.subjects"
    title = L10n.same("subjects")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    def subjects(self, profile):
        raise KeyError("boom in subjects")

    async def run(self, subject, ctx):
        return []


class ReturnsJunk:
    id = "bare.junk"
    title = L10n.same("junk")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    async def run(self, subject, ctx):
        return "not findings"


class Exits:
    id = "bare.exits"
    title = L10n.same("exits")
    inputs = frozenset()
    disclosures = ()
    secrets = ()

    async def run(self, subject, ctx):
        raise SystemExit(3)


class NoRun:
    id = "bare.norun"
    title = L10n.same("no run")
    inputs = frozenset()
    disclosures = ()
    secrets = ()
'''

ENTRY_POINTS = """
[footprint.checks.v1]
bare = fp_bare_plugin:Bare
raises = fp_bare_plugin:RaisesInRun
attribute = fp_bare_plugin:RaisesInAttribute
subjects = fp_bare_plugin:RaisesInSubjects
junk = fp_bare_plugin:ReturnsJunk
norun = fp_bare_plugin:NoRun
exits = fp_bare_plugin:Exits
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    site = tmp_path / "site"
    (site / "fp_bare_plugin").mkdir(parents=True)
    (site / "fp_bare_plugin" / "__init__.py").write_text(textwrap.dedent(PLUGIN))
    info = site / "fp_bare_plugin-1.0.dist-info"
    info.mkdir()
    info.joinpath("METADATA").write_text("Metadata-Version: 2.1\nName: fp-bare-plugin\n"
                                         "Version: 1.0\n")
    info.joinpath("entry_points.txt").write_text(ENTRY_POINTS)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    yield tmp_path
    sys.modules.pop("fp_bare_plugin", None)


def test_registry_loads_them_through_installed_entry_points(installed: Path) -> None:
    registry = CheckRegistry.load()
    ours = {lc.id: lc for lc in registry.checks if lc.id.startswith("bare.")}
    assert set(ours) == {"bare.minimal", "bare.raises", "bare.attribute", "bare.subjects",
                         "bare.junk", "bare.exits"}
    assert all(lc.origin.startswith("fp-bare-plugin:") for lc in ours.values())
    assert ours["bare.minimal"].timeout_s is None and ours["bare.minimal"].opt_in is False
    assert ours["bare.attribute"].problem is not None
    assert any("norun" in p and "run" in p for p in registry.problems)
    assert any("bare.attribute" in p and "boom in timeout_s" in p for p in registry.problems)


def test_scan_reports_each_failure_as_an_error_and_goes_on(installed: Path) -> None:
    profile = installed / "profile.toml"
    profile.write_text('[person]\nname = "Jan de Vries"\n')
    out = installed / "report.json"
    result = runner.invoke(app, ["scan", "--profile", str(profile), "--only", "bare.*",
                                 "--lang", "en", "--json", str(out)])
    assert result.exit_code == 0, result.output
    results = {r["check_id"]: r for r in json.loads(out.read_text())["results"]}
    assert results["bare.minimal"]["status"] == "exposed"
    for check_id, why in (("bare.raises", "boom in run"),
                          ("bare.attribute", "boom in timeout_s"),
                          ("bare.subjects", "boom in subjects"),
                          ("bare.junk", "not findings"),
                          ("bare.exits", "end the program")):
        assert results[check_id]["status"] == "error", check_id
        assert why in json.dumps(results[check_id]["reason"]), results[check_id]


def test_checks_and_checklist_list_them_without_crashing(installed: Path) -> None:
    listed = runner.invoke(app, ["checks", "--json"])
    assert listed.exit_code == 0, listed.output
    ids = {c["id"] for c in json.loads(listed.stdout)["checks"]}
    assert {"bare.minimal", "bare.attribute"} <= ids
    handout = runner.invoke(app, ["checklist", "--lang", "en"])
    assert handout.exit_code == 0, handout.output
