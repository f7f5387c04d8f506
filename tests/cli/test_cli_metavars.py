"""Help texts name what an option takes in words a person reads (GLOB, FILE, ID), not
Python types (``<list[str]>``, ``<file>``) or parameter names (``{paths}...``).

Typer would add an argument's Python type after its name in the Arguments table
(``PATH <list[Path]>``); footprint/cli/app.py leaves it out where the metavar says it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import typer.main
from typer.testing import CliRunner

from footprint.cli.app import app

runner = CliRunner()
_WORD = r"[A-Z][A-Za-z0-9_.=]*"
READABLE = re.compile(rf"^(?:{_WORD}(?:\|{_WORD})*|[a-z0-9]+(?:\|[a-z0-9]+)+)(?:\.\.\.)?$")


def _commands(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...],
                                                                             object]]:
    if path:
        yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


COMMANDS = dict(_commands(typer.main.get_command(app)))


def test_the_command_list_is_real() -> None:
    assert ("scan",) in COMMANDS and ("sites", "list") in COMMANDS and len(COMMANDS) > 12


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_value_has_a_readable_metavar(path: tuple[str, ...]) -> None:
    unreadable = []
    for param in getattr(COMMANDS[path], "params", []):
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        metavar = param.metavar or ""
        if not READABLE.match(metavar):
            unreadable.append(f"{param.name}: {metavar or '(none: Typer shows the type)'}")
    assert unreadable == []


def test_scan_help_reads_well() -> None:
    result = runner.invoke(app, ["scan", "--help"], env={"COLUMNS": "200"})
    for shown in ("--only GLOB", "--profile FILE", "--username NAME", "--json FILE",
                  "--lang nl|en"):
        assert shown in result.output
    assert "<" not in result.output.replace("<=", "")


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_help_shows_no_python_types(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    shown = [line for line in result.stdout.splitlines() if re.search(r"<[a-z][\w\[\], ]*>",
                                                                     line)]
    assert shown == []
