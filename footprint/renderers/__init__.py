"""Report renderers by name: each is a pure ``render(report, lang) -> str``.

The terminal report lives in ``footprint.ui``; these produce files (and ``render`` output).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from footprint.errors import UsageError
from footprint.models import Lang, Report


@dataclass(frozen=True, slots=True)
class Renderer:
    name: str
    suffix: str  # the usual file extension, for messages and defaults
    render: Callable[[Report, Lang], str]


def _registry() -> dict[str, Renderer]:
    from footprint.renderers import html, json, markdown

    return {
        "markdown": Renderer("markdown", ".md", markdown.render),
        "json": Renderer("json", ".json", json.render),
        "html": Renderer("html", ".html", html.render),
    }


def names() -> tuple[str, ...]:
    return tuple(_registry())


def get(name: str) -> Renderer:
    """The renderer called ``name``; :class:`UsageError` listing the known ones otherwise."""
    try:
        return _registry()[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r} (known: {', '.join(names())})") from None
