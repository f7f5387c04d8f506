"""Guided steps for what no API can (or may) check: registers, apps, family, incidents.

The steps are data (guides.toml, validated on load); each becomes a check ``guide.<id>``
that sends nothing and yields one finding of kind "manual", with how to check and fix it.
"""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.guides.checks import GuideCheck
    from footprint_checks.guides.model import guides

    for guide in guides():
        yield GuideCheck(guide)
