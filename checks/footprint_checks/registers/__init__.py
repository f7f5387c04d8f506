"""Dutch public registers: the KvK Handelsregister, council documents and the sites that
copy them. Addresses are always compared on this machine, never sent."""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check
from footprint_checks.registers.copies import CopyPagesCheck, CopySitesGuide
from footprint_checks.registers.kvk import KvkCheck
from footprint_checks.registers.raadsinformatie import RaadsinformatieCheck


def provide() -> Iterator[Check]:
    yield KvkCheck()
    yield RaadsinformatieCheck()
    yield CopyPagesCheck()
    yield CopySitesGuide()
