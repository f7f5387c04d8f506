"""Leaked email addresses and accounts: breaches, pastes and public email profiles.

``footprint password`` (commands.py) checks a password against Pwned Passwords; it is a
separate command, never part of a scan.
"""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.breach.gravatar import GravatarCheck
    from footprint_checks.breach.hibp import HibpCheck
    from footprint_checks.breach.xposedornot import XposedOrNotCheck

    yield HibpCheck()
    yield XposedOrNotCheck()
    yield GravatarCheck()
