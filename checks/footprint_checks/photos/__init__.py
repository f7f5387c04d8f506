"""Photos that reveal where you live: EXIF/XMP/IPTC audit, distance to home, cleaned copies.

The family has no scan check of its own: ``footprint photos`` audits local files, and the
``web.pages`` check audits the images on the person's pages through
:func:`footprint_checks.photos.linked.audit_linked_images`.
"""

from __future__ import annotations

from collections.abc import Iterator

from footprint.check import Check


def provide() -> Iterator[Check]:
    yield from ()
