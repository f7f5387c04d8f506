"""Which report formats go to which files: ``--format NAME`` paired with ``-o PATH`` in
order, a bare ``-o report.csv`` by its extension, and ``--json``/``--markdown``/``--html``
as aliases."""

from __future__ import annotations

from collections.abc import Sequence
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
         terminal: bool = False) -> list[Export]:
    """The exports the options ask for, each format checked against the registry.

    ``terminal`` allows ``--format terminal`` (shown on screen, never written to a file)."""
    exports: list[Export] = []
    for index, name in enumerate(formats):
        path = outputs[index] if index < len(outputs) else None
        if name == TERMINAL and terminal:
            if path is not None:
                raise UsageError("--format terminal is shown on screen; -o needs another "
                                 f"format (known: {', '.join(renderers.names())})")
        else:
            renderers.get(name)  # an unknown name is a usage error listing the known ones
        exports.append(Export(name, path))
    for path in outputs[len(formats):]:
        found = renderers.by_suffix(path.suffix)
        if found is None:
            why = f"no format uses {path.suffix!r}" if path.suffix else "no extension"
            raise UsageError(f"-o {path}: {why}; add --format NAME (known: "
                             f"{', '.join(renderers.names())})")
        exports.append(Export(found.name, path))
    for name, path in (("json", json), ("markdown", markdown), ("html", html)):
        if path is not None:
            exports.append(Export(name, path))
    return exports


def files_only(exports: list[Export]) -> list[Export]:
    """For scan and demo, whose screen shows the terminal report: every format needs a file."""
    for export in exports:
        if export.path is None:
            raise UsageError(f"--format {export.format} needs a file: add -o PATH")
    return exports
