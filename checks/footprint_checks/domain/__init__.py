"""Your own domains and email: registration data, and protection against impersonation."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.domain.email_auth import EmailAuthCheck
    from footprint_checks.domain.rdap import RdapCheck

    yield RdapCheck()
    yield EmailAuthCheck()
