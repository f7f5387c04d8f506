"""Report formats by name: each is a pure ``render(report, lang) -> str``.

The terminal report lives in ``footprint.ui``; these produce files (and ``render`` output).
Built-in formats are the lines of ``_BUILTIN``; third parties add theirs through the
``footprint.renderers.v1`` entry-point group, whose object is a :class:`Renderer`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points

from footprint.errors import UsageError
from footprint.models import Lang, Report

RENDERERS_GROUP = "footprint.renderers.v1"


@dataclass(frozen=True, slots=True)
class Renderer:
    """A report format. ``render`` must be pure: the report and language in, the whole file
    out (untrusted text in the report is the renderer's to make safe for its format)."""

    name: str
    suffix: str  # the usual file extension (".csv"): picks the format for a bare -o PATH
    render: Callable[[Report, Lang], str]
    description: str = ""


# one line per built-in format: name, suffix, module, description
_BUILTIN: tuple[tuple[str, str, str, str], ...] = (
    ("markdown", ".md", "markdown", "a markdown checklist"),
    ("json", ".json", "json", "the full report as JSON (read back by render, diff, summary)"),
    ("html", ".html", "html", "a printable HTML report"),
    ("csv", ".csv", "csv", "one row per finding, for a spreadsheet"),
)


def _builtin(name: str, suffix: str, module: str, description: str) -> Renderer:
    render = importlib.import_module(f"{__name__}.{module}").render
    return Renderer(name, suffix, render, description)


@dataclass(frozen=True, slots=True)
class Formats:
    by_name: dict[str, Renderer]
    problems: tuple[str, ...]  # plugins that failed to load


@cache
def _formats() -> Formats:
    found = {b[0]: _builtin(*b) for b in _BUILTIN}
    problems: list[str] = []
    for ep in _installed():
        try:
            obj = ep.load()
            renderer = obj if isinstance(obj, Renderer) else obj()
            if not isinstance(renderer, Renderer):
                raise TypeError(f"{obj!r} is not a footprint.renderers.Renderer")
            if renderer.name != ep.name:
                raise TypeError(f"its format is named {renderer.name!r}, the entry point "
                                f"{ep.name!r}; they must be the same")
        except Exception as exc:  # a broken plugin must not take the tool down
            problems.append(f"renderer plugin {ep.name!r} failed to load: {exc}")
            continue
        if renderer.name in found or renderer.name == "terminal":
            problems.append(f"renderer plugin {ep.name!r}: format {renderer.name!r} exists "
                            "already; ignored")
            continue
        found[renderer.name] = renderer
    return Formats(found, tuple(problems))


def _installed() -> list[EntryPoint]:
    if os.environ.get("FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD"):
        return []
    blocked = {n.strip() for n in os.environ.get("FOOTPRINT_DISABLE_PLUGINS", "").split(",")}
    return [ep for ep in entry_points(group=RENDERERS_GROUP) if ep.name not in blocked]


def listed_names() -> tuple[str, ...]:
    """The formats by name without loading any plugin (for help texts): a format's name is
    its entry point's name."""
    return tuple(dict.fromkeys([*(b[0] for b in _BUILTIN), *(ep.name for ep in _installed())]))


def names() -> tuple[str, ...]:
    return tuple(_formats().by_name)


def problems() -> tuple[str, ...]:
    return _formats().problems


def get(name: str) -> Renderer:
    """The renderer called ``name``; :class:`UsageError` listing the known ones otherwise."""
    try:
        return _formats().by_name[name]
    except KeyError:
        broken = "".join(f"; {p}" for p in problems())
        raise UsageError(f"unknown format {name!r} (known: {', '.join(names())}){broken}"
                         ) from None
