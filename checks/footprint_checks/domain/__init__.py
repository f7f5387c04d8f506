"""Your own domains and email: registration data, and protection against impersonation."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def data_versions() -> Iterator[tuple[str, str]]:
    from footprint_checks.domain import bootstrap

    used = bootstrap.current()
    origin = "shipped" if used.source.startswith("shipped") else "from footprint update-rdap"
    yield "RDAP bootstrap", f"published {used.published:%Y-%m-%d} ({origin})"


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.domain.email_auth import EmailAuthCheck
    from footprint_checks.domain.rdap import RdapCheck

    yield RdapCheck()
    yield EmailAuthCheck()
