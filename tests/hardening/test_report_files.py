"""Report files are input too: a crafted or broken one gives one error line (never a
traceback), and a hostile one is shown inert by render, diff and summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from footprint import renderers
from footprint.cli.app import app
from footprint.errors import ReportFileError
from footprint.renderers.json import loads

from .hostile import benign_report, hostile_report
from .test_hostile_content import _BIDI, _SGR, assert_inert_html

runner = CliRunner()
GOOD = renderers.get("json").render(benign_report(), "en")


def _hostile_file(tmp_path: Path, name: str = "hostile.json") -> Path:
    path = tmp_path / name
    path.write_text(renderers.get("json").render(hostile_report(), "en"))
    return path


def _terminal_safe(text: str) -> None:
    assert "\x1b]" not in text
    assert "\x1b" not in _SGR.sub("", text)
    assert not _BIDI.search(text)


@pytest.mark.parametrize("command", [
    ["render", "{h}"], ["render", "{h}", "--format", "markdown"],
    ["diff", "{b}", "{h}"], ["diff", "{h}", "{b}"], ["summary", "{h}", "{h}"],
])
def test_hostile_report_files_are_shown_inert(tmp_path: Path, command: list[str]) -> None:
    hostile = _hostile_file(tmp_path)
    benign = tmp_path / "benign.json"
    benign.write_text(GOOD)
    args = [a.format(h=hostile, b=benign) for a in command]
    result = runner.invoke(app, args, color=True, env={"FORCE_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    _terminal_safe(result.stdout)
    _terminal_safe(result.stderr)
    if "markdown" in args:
        assert_inert_html(MarkdownIt("commonmark", {"html": True}).render(result.stdout), None)


def test_render_to_html_file_is_inert(tmp_path: Path) -> None:
    hostile = _hostile_file(tmp_path)
    result = runner.invoke(app, ["render", str(hostile), "--format", "html", "--output",
                                 str(tmp_path / "out.html")])
    assert result.exit_code == 0, result.output
    assert_inert_html((tmp_path / "out.html").read_text(), None)


BROKEN = {
    "empty": "",
    "not json": "<html>",
    "truncated": GOOD[: len(GOOD) // 2],
    "a list": "[]",
    "wrong format": json.dumps({"format": "something-else"}),
    "future schema": GOOD.replace('"schema_version": 1', '"schema_version": 99'),
    "bad status": GOOD.replace('"status": "exposed"', '"status": "pwned"', 1),
    "bad severity": GOOD.replace('"severity": "', '"severity": "x', 1),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "huge number": GOOD.replace('"schema_version": 1', '"schema_version": ' + "9" * 5000),
    "nul bytes": "\x00" * 100,
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_report_files_give_one_error_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(BROKEN[name])
    for args in (["render", str(path)], ["diff", str(path), str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (name, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, result.stderr)
        assert str(path) in lines[0]
        assert "Traceback" not in result.output


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_reports_read_or_fail_cleanly(data: st.DataObject) -> None:
    """Any value in a valid report replaced by any JSON value: a Report, or a
    ReportFileError; never another exception."""
    doc = json.loads(GOOD)
    paths: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                paths.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                paths.append((node, i))
                walk(value)

    walk(doc)
    values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats()
                          | st.text(max_size=20), lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                          max_leaves=5)
    for _ in range(data.draw(st.integers(1, 3))):
        parent, key = data.draw(st.sampled_from(paths))
        parent[key] = data.draw(values)  # type: ignore[index]
    try:
        loads(json.dumps(doc), "mutated.json")
    except ReportFileError as exc:
        assert str(exc).startswith("mutated.json"), str(exc)
