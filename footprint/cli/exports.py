"""Which report formats go to which files: ``--format NAME`` paired with ``-o PATH`` in
order, a bare ``-o report.csv`` by its extension, and ``--json``/``--markdown``/``--html``
as aliases."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from footprint import renderers
from footprint.errors import UsageError

TERMINAL = "terminal"  # the screen view: only ``footprint render`` can pick it


@dataclass(frozen=True, slots=True)
class Export:
    format: str
    path: Path | None  # None: standard output


def plan(formats: Sequence[str], outputs: Sequence[Path], *, json: Path | None = None,
         markdown: Path | None = None, html: Path | None = None,
         terminal: bool = False, known: Mapping[str, str] | None = None) -> list[Export]:
    """The exports the options ask for, each format checked against the report renderers,
    or against ``known`` (name: suffix) for a command with formats of its own.

    ``terminal`` allows ``--format terminal``: the screen view, which takes no -o (the
    -o options pair with the other formats in order)."""
    if known is None:
        for problem in renderers.problems():  # like a broken check plugin: said, not fatal
            sys.stderr.write(f"warning: {problem}\n")
    choices = known if known is not None else {r: renderers.get(r).suffix
                                               for r in renderers.names()}
    listing = ", ".join(choices)
    exports: list[Export] = []
    paired = 0
    for name in formats:
        if name == TERMINAL and terminal:  # the screen: it takes no -o
            exports.append(Export(name, None))
            continue
        if known is None:
            renderers.get(name)  # an unknown name is a usage error listing the known ones
        elif name not in known:
            raise UsageError(f"unknown format {name!r} (known: {listing})")
        exports.append(Export(name, outputs[paired] if paired < len(outputs) else None))
        paired += 1
    for path in outputs[paired:]:
        found = _by_suffix(path.suffix, choices)
        if found is None:
            why = f"no format uses {path.suffix!r}" if path.suffix else "no extension"
            raise UsageError(f"-o {path}: {why}; add --format NAME (known: {listing})")
        exports.append(Export(found, path))
    for name, alias in (("json", json), ("markdown", markdown), ("html", html)):
        if alias is not None:
            exports.append(Export(name, alias))
    return exports


def _by_suffix(suffix: str, choices: Mapping[str, str]) -> str | None:
    suffix = {".htm": ".html", ".markdown": ".md"}.get(suffix.lower(), suffix.lower())
    return next((name for name, known in choices.items() if known == suffix), None)


def files_only(exports: list[Export]) -> list[Export]:
    """For scan and demo, whose screen shows the terminal report: every format needs a file."""
    for export in exports:
        if export.path is None:
            raise UsageError(f"--format {export.format} needs a file: add -o PATH")
    return exports
