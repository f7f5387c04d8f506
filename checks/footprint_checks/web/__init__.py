"""Your own pages: council, party and personal pages you list in your profile."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.web.pages import OwnPagesCheck

    yield OwnPagesCheck()
