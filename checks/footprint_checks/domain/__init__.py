"""Your own domains and email: registration data, and protection against impersonation."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check
from footprint_checks.domain.email_auth import EmailAuthCheck
from footprint_checks.domain.rdap import RdapCheck


def provide() -> Iterator[Check]:
    yield RdapCheck()
    yield EmailAuthCheck()
