"""Dutch public registers: the KvK Handelsregister, council documents and the sites that
copy them. Addresses are always compared on this machine, never sent."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    # Imported here so that loading a family's commands stays cheap.
    from footprint_checks.registers.copies import CopyPagesCheck, CopySitesGuide
    from footprint_checks.registers.kvk import KvkCheck
    from footprint_checks.registers.raadsinformatie import RaadsinformatieCheck

    yield KvkCheck()
    yield RaadsinformatieCheck()
    yield CopyPagesCheck()
    yield CopySitesGuide()
