"""Your own pages: council, party and personal pages you list in your profile."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check
from footprint_checks.web.pages import OwnPagesCheck


def provide() -> Iterator[Check]:
    yield OwnPagesCheck()
